import polars as pl

from lookedafter.schema.codes import code_list, codes
from lookedafter.validation.derive import RESPITE, in_year_episodes
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
    fields=("MOTHER", "SEX"),
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
    female = pl.col("SEX").is_in(sex_codes("Female"))
    in_care_this_year = pl.col("_in_care").fill_null(False)
    # MOTHER may be blank only for boys and for young women not looked after this year (care
    # leavers); rule 628 covers motherhood details given for care leavers.
    return (
        ctx["Header"]
        .join(in_care, on="CHILD", how="left")
        .filter(
            (mother.is_not_null() & ~mother.is_in(sorted(codes("MOTHER"))))
            | (mother.is_not_null() & pl.col("SEX").is_in(sex_codes("Male")))
            | (mother.is_null() & female & in_care_this_year)
        )
    )


def test_165_flags_invalid_missing_and_misplaced_mother_status() -> None:
    header = {
        "CHILD": list("123456"),
        "SEX": ["F", "F", "M", "F", "F", "F"],
        "MOTHER": ["0", "2", "1", None, "1", None],
    }
    eps = {"CHILD": list("1234"), "DECOM": ["01/05/2025"] * 4, "LS": ["C2"] * 4}
    # 2 invalid; 3 a boy; 4 a girl in care with no value; 5 and 6 not looked after this year
    assert flags({"Header": header, "Episodes": eps}, "165") == {"Header": [1, 2, 3]}
