import polars as pl

from lookedafter.schema.codes import code_list, codes
from lookedafter.validation.derive import OC3_ITEMS, RESPITE, any_given, in_year_episodes
from lookedafter.validation.registry import Context, rule
from lookedafter.validation.testing import flags


def sex_codes(meaning: str) -> list[str]:
    lists = ("SEX_2022_23", "SEX_from_2024_25")
    return sorted(c for name in lists for c, m in code_list(name).items() if m == meaning)


@rule(
    "165",
    message="Whether the young woman is a mother must be 0 or 1, given for every girl looked after "
    "this year and for no boy. Check MOTHER and SEX.",
    table="Header",
    fields=("MOTHER", "SEX", "ACTIV", "ACCOM", "IN_TOUCH", "DECOM"),
    needs=("Header", "Episodes"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    mother = pl.col("MOTHER")
    in_care = (
        in_year_episodes(ctx)
        .filter(~pl.col("LS").is_in(list(RESPITE)))
        .select("CHILD")
        .unique()
        .with_columns(pl.lit(True).alias("_in_care"))
    )
    header = ctx["Header"].join(in_care, on="CHILD", how="left")
    if ctx.has("OC3"):
        leavers = ctx["OC3"].filter(any_given(OC3_ITEMS)).select("CHILD").unique()
        header = header.join(
            leavers.with_columns(pl.lit(True).alias("_leaver")), on="CHILD", how="left"
        )
    else:
        header = header.with_columns(pl.lit(None, pl.Boolean).alias("_leaver"))
    female = pl.col("SEX").is_in(sex_codes("Female"))
    in_care_flag = pl.col("_in_care").fill_null(False)
    leaver = pl.col("_leaver").fill_null(False)
    return header.filter(
        (mother.is_not_null() & ~mother.is_in(sorted(codes("MOTHER"))))
        | (mother.is_not_null() & pl.col("SEX").is_in(sex_codes("Male")))
        | (mother.is_null() & female & in_care_flag)
        | (mother.is_not_null() & female & ~in_care_flag & leaver)
    )


def test_165_flags_invalid_missing_and_misplaced_mother_status() -> None:
    header = {
        "CHILD": list("123456"),
        "SEX": ["F", "F", "M", "F", "F", "F"],
        "MOTHER": ["0", "2", "1", None, "1", None],
    }
    eps = {"CHILD": list("1234"), "DECOM": ["01/05/2025"] * 4, "LS": ["C2"] * 4}
    oc3 = {"CHILD": ["5", "6"], "IN_TOUCH": ["YES", "YES"]}
    # 2 invalid; 3 a boy; 4 a girl in care with no value; 5 a care leaver only, with a value
    assert flags({"Header": header, "Episodes": eps, "OC3": oc3}, "165") == {"Header": [1, 2, 3, 4]}
