import polars as pl

from lookedafter.validation.helpers_c import flagged, not_in_header
from lookedafter.validation.registry import Context, rule


@rule(
    "INT09",
    message="This child is in the UASC records but not in the header. Add the child to the header, "
    "or correct the child's identifier.",
    table="UASC",
    fields=("CHILD",),
    needs=("Header", "UASC"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return not_in_header(ctx, "UASC")


def test_INT09_child_must_be_in_header() -> None:
    header = pl.DataFrame({"CHILD": ["1", "2"]})
    rows = pl.DataFrame({"CHILD": ["1", "3", "2"]})
    assert flagged("INT09", 2026, {"Header": header, "UASC": rows}) == {"UASC": [1]}
