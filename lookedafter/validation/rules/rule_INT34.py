import polars as pl

from lookedafter.validation.helpers_c import flagged, repeated_children
from lookedafter.validation.registry import Context, rule


@rule(
    "INT34",
    message="This child appears more than once in the care leavers (OC3), which allow one row per "
    "child. Merge or remove the duplicate rows.",
    table="OC3",
    fields=("CHILD",),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return repeated_children(ctx, "OC3")


def test_INT34_one_row_per_child() -> None:
    rows = pl.DataFrame({"CHILD": ["1", "2", "1", "3"]})
    assert flagged("INT34", 2026, {"OC3": rows}) == {"OC3": [0, 2]}
