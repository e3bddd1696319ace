import polars as pl

from lookedafter.validation.helpers_b import d, flagged, years_after
from lookedafter.validation.registry import Context, rule


@rule(
    "351",
    message="The child was over 25 at the start of the collection year, too old to be in this "
    "return. Check DOB.",
    table="Header",
    fields=("DOB",),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return ctx["Header"].filter(years_after(pl.col("DOB"), 25) < pl.lit(ctx.start))


def test_351_flags_people_over_25() -> None:
    header = pl.DataFrame({"CHILD": ["1", "2"], "DOB": [d("2000-03-31"), d("2000-04-01")]})
    assert flagged("351", {"Header": header}) == {"Header": [0]}
