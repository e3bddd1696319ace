import polars as pl

from lookedafter.validation.helpers_b import d, flagged
from lookedafter.validation.registry import Context, rule


@rule(
    "385",
    message="The episode ends after the end of the collection year. Check DEC (leave it blank "
    "if the episode was still open on 31 March).",
    table="Episodes",
    fields=("DEC",),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return ctx["Episodes"].filter(pl.col("DEC") > pl.lit(ctx.end))


def test_385_no_end_dates_after_31_march() -> None:
    eps = pl.DataFrame({"CHILD": ["1", "2", "3"], "DEC": [d("2026-04-01"), d("2026-03-31"), None]})
    assert flagged("385", {"Episodes": eps}) == {"Episodes": [0]}
