import polars as pl

from lookedafter.validation.helpers_c import flagged, not_in_header
from lookedafter.validation.registry import Context, rule


@rule(
    "INT03",
    message="This child is in the episodes but not in the header. Add the child to the header, or "
    "correct the child's identifier.",
    table="Episodes",
    fields=("CHILD",),
    needs=("Header", "Episodes"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return not_in_header(ctx, "Episodes")


def test_INT03_child_must_be_in_header() -> None:
    header = pl.DataFrame({"CHILD": ["1", "2"]})
    rows = pl.DataFrame({"CHILD": ["1", "3", "2"]})
    assert flagged("INT03", 2026, {"Header": header, "Episodes": rows}) == {"Episodes": [1]}
