import polars as pl

from lookedafter.validation.helpers_c import flagged, repeated_children
from lookedafter.validation.registry import Context, rule


@rule(
    "INT33",
    message="This child appears more than once in the outcomes (OC2), which allow one row per "
    "child. Merge or remove the duplicate rows.",
    table="OC2",
    fields=("CHILD",),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return repeated_children(ctx, "OC2")


def test_INT33_one_row_per_child() -> None:
    rows = pl.DataFrame({"CHILD": ["1", "2", "1", "3"]})
    assert flagged("INT33", 2026, {"OC2": rows}) == {"OC2": [0, 2]}


def test_INT33_a_child_may_appear_once_in_each_collection_year() -> None:
    rows = pl.DataFrame({"CHILD": ["1", "1", "2", "2"], "YEAR": [2025, 2026, 2026, 2026]})
    assert flagged("INT33", 2026, {"OC2": rows}) == {"OC2": [2, 3]}
