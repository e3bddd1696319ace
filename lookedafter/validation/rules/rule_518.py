import polars as pl

from lookedafter.validation.helpers_c import SAME_SEX_COUPLE, flagged
from lookedafter.validation.registry import Context, rule


@rule(
    "518",
    message="The adopters are a same-sex unmarried couple (L4) but their genders are not recorded "
    "as MM or FF. Record MM or FF or correct the legal status of the adopters.",
    table="AD1",
    fields=("LS_ADOPTR", "SEX_ADOPTR"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return ctx["AD1"].filter(
        pl.col("LS_ADOPTR").eq("L4") & ~pl.col("SEX_ADOPTR").is_in(SAME_SEX_COUPLE).fill_null(False)
    )


def test_518_adopters_legal_status_and_genders_agree() -> None:
    ad1 = pl.DataFrame(
        {
            "CHILD": ["1", "2", "3"],
            "LS_ADOPTR": ["L4", "L4", "L3"],
            "SEX_ADOPTR": ["MM", "MF", "MF"],
        }
    )
    assert flagged("518", 2026, {"AD1": ad1}) == {"AD1": [1]}
