import polars as pl

from lookedafter.validation.helpers_c import flagged
from lookedafter.validation.registry import Context, rule


@rule(
    "571",
    message="The missing or away episode ended outside the collection year. An end date must fall "
    "between 1 April and 31 March; leave it blank if the child is still missing on 31 "
    "March.",
    table="Missing",
    fields=("MIS_END",),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return ctx["Missing"].filter(~pl.col("MIS_END").is_between(ctx.start, ctx.end))


def test_571_flags_only_the_inconsistent_rows() -> None:
    frame = pl.DataFrame(
        {"CHILD": ["1", "2", "3", "4"], "MIS_END": ["31/03/2025", "01/04/2025", "01/04/2026", None]}
    )
    assert flagged("571", 2026, {"Missing": frame}) == {"Missing": [0, 2]}
