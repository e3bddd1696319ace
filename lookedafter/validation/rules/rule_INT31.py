import polars as pl

from lookedafter.validation.helpers_c import flagged, repeated_children
from lookedafter.validation.registry import Context, rule


@rule(
    "INT31",
    message="This child appears more than once in the adoption details (AD1), which allow one row "
    "per child. Merge or remove the duplicate rows.",
    table="AD1",
    fields=("CHILD",),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return repeated_children(ctx, "AD1")


def test_INT31_one_row_per_child() -> None:
    rows = pl.DataFrame({"CHILD": ["1", "2", "1", "3"]})
    assert flagged("INT31", 2026, {"AD1": rows}) == {"AD1": [0, 2]}
