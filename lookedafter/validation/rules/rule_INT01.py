import polars as pl

from lookedafter.validation.helpers_c import flagged, not_in_header
from lookedafter.validation.registry import Context, rule


@rule(
    "INT01",
    message="This child is in the adoption details (AD1) but not in the header. Add the child to "
    "the header, or correct the child's identifier.",
    table="AD1",
    fields=("CHILD",),
    needs=("Header", "AD1"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return not_in_header(ctx, "AD1")


def test_INT01_child_must_be_in_header() -> None:
    header = pl.DataFrame({"CHILD": ["1", "2"]})
    rows = pl.DataFrame({"CHILD": ["1", "3", "2"]})
    assert flagged("INT01", 2026, {"Header": header, "AD1": rows}) == {"AD1": [1]}
