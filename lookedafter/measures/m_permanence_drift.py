"""Children with no permanence decision after the local limit (drift)."""

from __future__ import annotations

import polars as pl

from lookedafter.measures.common import children, looked_after_for
from lookedafter.measures.context import Context
from lookedafter.measures.registry import measure


@measure(
    "permanence_drift",
    title="Drift: no permanence decision",
    definition="""Children looked after on the reference date whose current period of care began at
    least the authority's drift limit ago (setting ``drift_months``, 6 by default), and of those the
    ones with no plan for permanence decided during this period of care.""",
    numerator="Children with no permanence decision recorded",
    denominator="Children looked after for at least the drift limit",
    area="Permanence",
    kind="snapshot",
    better="lower",
    needs=("Episodes", "CarePlans"),
)
def frame(ctx: Context) -> pl.LazyFrame:
    population = looked_after_for(ctx, ctx.settings.drift_months).select(
        "CHILD", "PERIOD_START", "PLACE"
    )
    decided = (
        ctx.table("CarePlans")
        .filter(
            pl.col("PERMANENCE_PLAN").is_not_null()
            & (pl.col("PERMANENCE_DATE") <= pl.lit(ctx.as_of))
        )
        .join(population.select("CHILD", "PERIOD_START"), on="CHILD", how="inner")
        .filter(pl.col("PERMANENCE_DATE") >= pl.col("PERIOD_START"))
        .group_by("CHILD")
        .agg(
            pl.col("PERMANENCE_DATE").min().alias("FIRST_DECISION"),
            pl.col("PERMANENCE_PLAN").sort_by("PERMANENCE_DATE").last().alias("PERMANENCE_PLAN"),
        )
    )
    population = population.join(decided, on="CHILD", how="left")
    return children(ctx, population, pl.col("FIRST_DECISION").is_null())
