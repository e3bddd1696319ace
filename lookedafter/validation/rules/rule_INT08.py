import polars as pl

from lookedafter.validation.helpers_c import flagged, not_in_header
from lookedafter.validation.registry import Context, rule


@rule(
    "INT08",
    message="This child is in the reviews but not in the header. Add the child to the header, or "
    "correct the child's identifier.",
    table="Reviews",
    fields=("CHILD",),
    needs=("Header", "Reviews"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return not_in_header(ctx, "Reviews")


def test_INT08_child_must_be_in_header() -> None:
    header = pl.DataFrame({"CHILD": ["1", "2"]})
    rows = pl.DataFrame({"CHILD": ["1", "3", "2"]})
    assert flagged("INT08", 2026, {"Header": header, "Reviews": rows}) == {"Reviews": [1]}
