import polars as pl

from lookedafter.validation.helpers_c import flagged, not_in_header
from lookedafter.validation.registry import Context, rule


@rule(
    "INT07",
    message="This child is in the previous permanence records but not in the header. Add the child "
    "to the header, or correct the child's identifier.",
    table="PrevPerm",
    fields=("CHILD",),
    needs=("Header", "PrevPerm"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return not_in_header(ctx, "PrevPerm")


def test_INT07_child_must_be_in_header() -> None:
    header = pl.DataFrame({"CHILD": ["1", "2"]})
    rows = pl.DataFrame({"CHILD": ["1", "3", "2"]})
    assert flagged("INT07", 2026, {"Header": header, "PrevPerm": rows}) == {"PrevPerm": [1]}
