import polars as pl

from lookedafter.validation.helpers_c import flagged, repeated_children
from lookedafter.validation.registry import Context, rule


@rule(
    "INT35",
    message="This child appears more than once in the previous permanence records, which allow one "
    "row per child. Merge or remove the duplicate rows.",
    table="PrevPerm",
    fields=("CHILD",),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return repeated_children(ctx, "PrevPerm")


def test_INT35_one_row_per_child() -> None:
    rows = pl.DataFrame({"CHILD": ["1", "2", "1", "3"]})
    assert flagged("INT35", 2026, {"PrevPerm": rows}) == {"PrevPerm": [0, 2]}
