import polars as pl

from lookedafter.validation.helpers_c import flagged
from lookedafter.validation.registry import Context, rule


@rule(
    "520",
    message="The adopters are a married different-sex couple (L11) but their genders are not "
    "recorded as MF. Record MF or correct the legal status of the adopters.",
    table="AD1",
    fields=("LS_ADOPTR", "SEX_ADOPTR"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return ctx["AD1"].filter(pl.col("LS_ADOPTR").eq("L11") & pl.col("SEX_ADOPTR").ne_missing("MF"))


def test_520_adopters_legal_status_and_genders_agree() -> None:
    ad1 = pl.DataFrame(
        {
            "CHILD": ["1", "2", "3"],
            "LS_ADOPTR": ["L11", "L11", "L12"],
            "SEX_ADOPTR": ["MF", "MM", "MM"],
        }
    )
    assert flagged("520", 2026, {"AD1": ad1}) == {"AD1": [1]}
