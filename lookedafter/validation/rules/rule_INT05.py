import polars as pl

from lookedafter.validation.helpers_c import flagged, not_in_header
from lookedafter.validation.registry import Context, rule


@rule(
    "INT05",
    message="This child is in the outcomes (OC2) but not in the header. Add the child to the "
    "header, or correct the child's identifier.",
    table="OC2",
    fields=("CHILD",),
    needs=("Header", "OC2"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return not_in_header(ctx, "OC2")


def test_INT05_child_must_be_in_header() -> None:
    header = pl.DataFrame({"CHILD": ["1", "2"]})
    rows = pl.DataFrame({"CHILD": ["1", "3", "2"]})
    assert flagged("INT05", 2026, {"Header": header, "OC2": rows}) == {"OC2": [1]}
