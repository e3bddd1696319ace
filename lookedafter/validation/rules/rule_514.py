import polars as pl

from lookedafter.validation.helpers_c import COUPLE, flagged
from lookedafter.validation.registry import Context, rule


@rule(
    "514",
    message="The adopter is recorded as a single adopter (L0) but the genders of adopters show a "
    "couple. Record M1 or F1, or correct the legal status of the adopters.",
    table="AD1",
    fields=("LS_ADOPTR", "SEX_ADOPTR"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return ctx["AD1"].filter(pl.col("LS_ADOPTR").eq("L0") & pl.col("SEX_ADOPTR").is_in(COUPLE))


def test_514_adopters_legal_status_and_genders_agree() -> None:
    ad1 = pl.DataFrame(
        {
            "CHILD": ["1", "2", "3"],
            "LS_ADOPTR": ["L0", "L0", "L2"],
            "SEX_ADOPTR": ["F1", "MF", "MF"],
        }
    )
    assert flagged("514", 2026, {"AD1": ad1}) == {"AD1": [1]}
