import polars as pl

from lookedafter.validation.helpers_c import flagged, present
from lookedafter.validation.registry import Context, rule


@rule(
    "563",
    message="The decision that the child should no longer be placed for adoption is recorded, but "
    "the date of the original decision is blank. Add the date of the decision to place the "
    "child for adoption.",
    table="PlacedAdoption",
    fields=("DATE_PLACED", "REASON_PLACED_CEASED", "DATE_PLACED_CEASED"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return ctx["PlacedAdoption"].filter(
        pl.col("DATE_PLACED").is_null() & present("REASON_PLACED_CEASED", "DATE_PLACED_CEASED")
    )


def test_563_ceased_decision_needs_its_start() -> None:
    pa = pl.DataFrame(
        {
            "CHILD": ["1", "2", "3"],
            "DATE_PLACED": [None, "01/02/2025", None],
            "DATE_PLACED_CEASED": [None, "01/03/2025", None],
            "REASON_PLACED_CEASED": ["RD1", "RD1", None],
        }
    )
    assert flagged("563", 2026, {"PlacedAdoption": pa}) == {"PlacedAdoption": [0]}
