import polars as pl

from lookedafter.validation.helpers_c import flagged
from lookedafter.validation.registry import Context, rule


@rule(
    "522",
    message="The decision that the child should no longer be placed for adoption is dated before "
    "the decision that they should be. Correct one of the two dates.",
    table="PlacedAdoption",
    fields=("DATE_PLACED", "DATE_PLACED_CEASED"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return ctx["PlacedAdoption"].filter(pl.col("DATE_PLACED") > pl.col("DATE_PLACED_CEASED"))


def test_522_decision_reversed_after_it_was_made() -> None:
    pa = pl.DataFrame(
        {
            "CHILD": ["1", "2", "3"],
            "DATE_PLACED": ["01/06/2025", "01/06/2025", "01/06/2025"],
            "DATE_PLACED_CEASED": ["01/05/2025", "01/06/2025", None],
        }
    )
    assert flagged("522", 2026, {"PlacedAdoption": pa}) == {"PlacedAdoption": [0]}
