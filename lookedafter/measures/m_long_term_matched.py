"""Children in long-term foster placements formally matched with their carers."""

from __future__ import annotations

import polars as pl

from lookedafter.measures.common import children
from lookedafter.measures.context import Context
from lookedafter.measures.registry import measure

LONG_TERM_FOSTERING = ("U1", "U4")


@measure(
    "long_term_matched",
    title="Long-term placements formally matched",
    definition="""Children looked after on the reference date whose placement is recorded as long-
    term fostering (903 PLACE U1 or U4), and of those the ones whose long-term arrangement has been
    formally confirmed (matched) for this placement by that date (CPR 2010 reg 22B, rule L1).""",
    numerator="Children whose long-term placement has been formally matched",
    denominator="Children looked after in a long-term foster placement (U1, U4)",
    area="Permanence",
    kind="snapshot",
    needs=("Episodes", "LongTermMatches"),
)
def frame(ctx: Context) -> pl.LazyFrame:
    d = pl.lit(ctx.as_of)
    population = ctx.in_care().filter(pl.col("PLACE").is_in(LONG_TERM_FOSTERING))
    matches = (
        ctx.table("LongTermMatches")
        .filter(pl.col("MATCH_DATE") <= d)
        .join(population.select("CHILD", "PLACEMENT_START"), on="CHILD", how="inner")
        .filter(pl.col("DECOM") >= pl.col("PLACEMENT_START"))
        .group_by("CHILD")
        .agg(pl.col("MATCH_DATE").min())
    )
    population = population.select("CHILD", "PLACEMENT_START", "PLACE").join(
        matches, on="CHILD", how="left"
    )
    return children(ctx, population, pl.col("MATCH_DATE").is_not_null())
