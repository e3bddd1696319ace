import polars as pl

from lookedafter.validation.helpers_c import COUPLE, flagged
from lookedafter.validation.registry import Context, rule


@rule(
    "519",
    message="The adopters are civil partners (L2) but their genders are not recorded as a couple. "
    "Record MM, FF or MF, or correct the legal status of the adopters.",
    table="AD1",
    fields=("LS_ADOPTR", "SEX_ADOPTR"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return ctx["AD1"].filter(
        pl.col("LS_ADOPTR").eq("L2") & ~pl.col("SEX_ADOPTR").is_in(COUPLE).fill_null(False)
    )


def test_519_adopters_legal_status_and_genders_agree() -> None:
    ad1 = pl.DataFrame(
        {
            "CHILD": ["1", "2", "3"],
            "LS_ADOPTR": ["L2", "L2", "L0"],
            "SEX_ADOPTR": ["FF", "F1", "F1"],
        }
    )
    assert flagged("519", 2026, {"AD1": ad1}) == {"AD1": [1]}
