import polars as pl

from lookedafter.validation.helpers_c import flagged, not_in_header
from lookedafter.validation.registry import Context, rule


@rule(
    "INT02",
    message="This child is in the placed-for-adoption records but not in the header. Add the child "
    "to the header, or correct the child's identifier.",
    table="PlacedAdoption",
    fields=("CHILD",),
    needs=("Header", "PlacedAdoption"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return not_in_header(ctx, "PlacedAdoption")


def test_INT02_child_must_be_in_header() -> None:
    header = pl.DataFrame({"CHILD": ["1", "2"]})
    rows = pl.DataFrame({"CHILD": ["1", "3", "2"]})
    assert flagged("INT02", 2026, {"Header": header, "PlacedAdoption": rows}) == {
        "PlacedAdoption": [1]
    }
