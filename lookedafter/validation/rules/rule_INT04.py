import polars as pl

from lookedafter.validation.helpers_c import flagged, not_in_header
from lookedafter.validation.registry import Context, rule


@rule(
    "INT04",
    message="This child is in the missing or away records but not in the header. Add the child to "
    "the header, or correct the child's identifier.",
    table="Missing",
    fields=("CHILD",),
    needs=("Header", "Missing"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return not_in_header(ctx, "Missing")


def test_INT04_child_must_be_in_header() -> None:
    header = pl.DataFrame({"CHILD": ["1", "2"]})
    rows = pl.DataFrame({"CHILD": ["1", "3", "2"]})
    assert flagged("INT04", 2026, {"Header": header, "Missing": rows}) == {"Missing": [1]}
