import polars as pl

from lookedafter.validation.helpers_b import d, flagged
from lookedafter.validation.registry import Context, rule


@rule(
    "301",
    message="The date of birth is after the end of the collection year. Check DOB.",
    table="Header",
    fields=("DOB",),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return ctx["Header"].filter(pl.col("DOB") > pl.lit(ctx.end))


def test_301_flags_births_after_31_march() -> None:
    header = pl.DataFrame(
        {"CHILD": ["1", "2", "3"], "DOB": [d("2026-04-01"), d("2026-03-31"), None]}
    )
    assert flagged("301", {"Header": header}) == {"Header": [0]}
