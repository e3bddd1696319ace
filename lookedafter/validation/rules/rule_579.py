import polars as pl

from lookedafter.validation.helpers_c import flagged, overlapping
from lookedafter.validation.registry import Context, rule


@rule(
    "579",
    message="Two decisions to place the child for adoption overlap: a new decision starts while an "
    "earlier one is still open or before it ceased. Record when the earlier decision "
    "ceased, or correct the dates.",
    table="PlacedAdoption",
    fields=("DATE_PLACED", "DATE_PLACED_CEASED"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return overlapping(ctx["PlacedAdoption"], "DATE_PLACED", "DATE_PLACED_CEASED")


def test_579_decisions_do_not_overlap() -> None:
    pa = pl.DataFrame(
        {
            "CHILD": ["1", "1", "2", "2", "3", "3"],
            "DATE_PLACED": ["01/01/2025", "01/05/2025"] * 3,
            "DATE_PLACED_CEASED": [None, None, "01/06/2025", None, "01/03/2025", None],
        }
    )
    assert flagged("579", 2026, {"PlacedAdoption": pa}) == {"PlacedAdoption": [0, 1, 2, 3]}
