import polars as pl

from lookedafter.validation.helpers_c import flagged, repeated_children
from lookedafter.validation.registry import Context, rule


@rule(
    "INT36",
    message="This child appears more than once in the UASC records, which allow one row per child. "
    "Merge or remove the duplicate rows.",
    table="UASC",
    fields=("CHILD",),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return repeated_children(ctx, "UASC")


def test_INT36_one_row_per_child() -> None:
    rows = pl.DataFrame({"CHILD": ["1", "2", "1", "3"]})
    assert flagged("INT36", 2026, {"UASC": rows}) == {"UASC": [0, 2]}
