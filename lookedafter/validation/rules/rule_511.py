import polars as pl

from lookedafter.validation.helpers_c import COUPLE, flagged
from lookedafter.validation.registry import Context, rule


@rule(
    "511",
    message="Two adopters are recorded but the genders of adopters is not a couple code. Record MM,"
    " FF or MF for two adopters, or correct the number of adopters.",
    table="AD1",
    fields=("NB_ADOPTR", "SEX_ADOPTR"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return ctx["AD1"].filter(
        pl.col("NB_ADOPTR").eq("2") & ~pl.col("SEX_ADOPTR").is_in(COUPLE).fill_null(False)
    )


def test_511_adopters_legal_status_and_genders_agree() -> None:
    ad1 = pl.DataFrame(
        {
            "CHILD": ["1", "2", "3", "4"],
            "NB_ADOPTR": ["2", "2", "1", "2"],
            "SEX_ADOPTR": ["MF", "M1", "F1", None],
        }
    )
    assert flagged("511", 2026, {"AD1": ad1}) == {"AD1": [1, 3]}
