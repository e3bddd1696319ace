import polars as pl

from lookedafter.validation.helpers_c import flagged
from lookedafter.validation.registry import Context, rule


@rule(
    "517",
    message="The adopters are a different-sex unmarried couple (L3) but their genders are not "
    "recorded as MF. Record MF or correct the legal status of the adopters.",
    table="AD1",
    fields=("LS_ADOPTR", "SEX_ADOPTR"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return ctx["AD1"].filter(pl.col("LS_ADOPTR").eq("L3") & pl.col("SEX_ADOPTR").ne_missing("MF"))


def test_517_adopters_legal_status_and_genders_agree() -> None:
    ad1 = pl.DataFrame(
        {
            "CHILD": ["1", "2", "3"],
            "LS_ADOPTR": ["L3", "L3", "L4"],
            "SEX_ADOPTR": ["MF", "FF", "FF"],
        }
    )
    assert flagged("517", 2026, {"AD1": ad1}) == {"AD1": [1]}
