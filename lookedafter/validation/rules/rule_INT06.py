import polars as pl

from lookedafter.validation.helpers_c import flagged, not_in_header
from lookedafter.validation.registry import Context, rule


@rule(
    "INT06",
    message="This child is in the care leavers (OC3) but not in the header. Add the child to the "
    "header, or correct the child's identifier.",
    table="OC3",
    fields=("CHILD",),
    needs=("Header", "OC3"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return not_in_header(ctx, "OC3")


def test_INT06_child_must_be_in_header() -> None:
    header = pl.DataFrame({"CHILD": ["1", "2"]})
    rows = pl.DataFrame({"CHILD": ["1", "3", "2"]})
    assert flagged("INT06", 2026, {"Header": header, "OC3": rows}) == {"OC3": [1]}
