import polars as pl

from lookedafter.validation.helpers_c import SAME_SEX_COUPLE, flagged
from lookedafter.validation.registry import Context, rule


@rule(
    "524",
    message="The adopters are a married same-sex couple (L12) but their genders are not recorded as"
    " MM or FF. Record MM or FF or correct the legal status of the adopters.",
    table="AD1",
    fields=("LS_ADOPTR", "SEX_ADOPTR"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return ctx["AD1"].filter(
        pl.col("LS_ADOPTR").eq("L12")
        & ~pl.col("SEX_ADOPTR").is_in(SAME_SEX_COUPLE).fill_null(False)
    )


def test_524_adopters_legal_status_and_genders_agree() -> None:
    ad1 = pl.DataFrame(
        {
            "CHILD": ["1", "2", "3"],
            "LS_ADOPTR": ["L12", "L12", "L11"],
            "SEX_ADOPTR": ["FF", "MF", "MF"],
        }
    )
    assert flagged("524", 2026, {"AD1": ad1}) == {"AD1": [1]}
