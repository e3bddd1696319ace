import polars as pl

from lookedafter.validation.helpers_c import flagged, repeated_children
from lookedafter.validation.registry import Context, rule


@rule(
    "INT32",
    message="This child appears more than once in the header, which has one row per child. Merge "
    "or remove the duplicate rows.",
    table="Header",
    fields=("CHILD",),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return repeated_children(ctx, "Header")


def test_INT32_one_row_per_child() -> None:
    rows = pl.DataFrame({"CHILD": ["1", "2", "1", "3"]})
    assert flagged("INT32", 2026, {"Header": rows}) == {"Header": [0, 2]}
