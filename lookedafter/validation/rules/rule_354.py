import polars as pl

from lookedafter.validation.helpers_b import d, flagged
from lookedafter.validation.registry import Context, rule


@rule(
    "354",
    message="The episode starts after the end of the collection year. Check DECOM.",
    table="Episodes",
    fields=("DECOM",),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return ctx["Episodes"].filter(pl.col("DECOM") > pl.lit(ctx.end))


def test_354_no_episodes_starting_after_31_march() -> None:
    eps = pl.DataFrame({"CHILD": ["1", "2"], "DECOM": [d("2026-04-01"), d("2026-03-31")]})
    assert flagged("354", {"Episodes": eps}) == {"Episodes": [0]}
