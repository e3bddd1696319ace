"""Children with management oversight recorded within the local interval."""

from __future__ import annotations

import polars as pl

from lookedafter.lib.calendar import add_months
from lookedafter.measures.common import children, looked_after_for
from lookedafter.measures.context import Context
from lookedafter.measures.registry import ENGINE, measure


@measure(
    "oversight_in_interval",
    title="Children with management oversight within the local interval",
    definition="""Children looked after on the reference date for at least one oversight interval
    (setting ``oversight_months``, 3 by default), and of those the ones with management oversight
    recorded on their file, or discussed in their worker's supervision, within that interval.""",
    numerator="Children with oversight recorded within the interval",
    denominator="Children looked after for at least the interval",
    area="Supervision and oversight",
    kind="snapshot",
    needs=("Episodes", "ManagementOversight", "Supervision", "SupervisionCases"),
)
def frame(ctx: Context) -> pl.LazyFrame:
    d = pl.lit(ctx.as_of)
    since = pl.lit(add_months(ctx.as_of, -ctx.settings.oversight_months))
    cache = ctx.shared_cache()
    if "oversight_events" not in cache:  # the same for every date of a trend: built once
        entries = ctx.table("ManagementOversight").select(
            "CHILD", pl.col("OVERSIGHT_DATE").alias("ON")
        )
        discussed = (
            ctx.table("SupervisionCases")
            .join(ctx.table("Supervision").select("SESSION_ID", "SESSION_DATE"), on="SESSION_ID")
            .select("CHILD", pl.col("SESSION_DATE").alias("ON"))
        )
        # each child's dates (up to the run's last date) in one list: each date of a trend then
        # looks up only its population's lists (not every event of every child again)
        cache["oversight_events"] = (
            pl.concat([entries, discussed])
            .filter(pl.col("ON") <= pl.lit(max(ctx.dates())))
            .drop_nulls()
            .group_by("CHILD")
            .agg(pl.col("ON").alias("_ON"))
            .collect(engine=ENGINE)
            .lazy()
        )
    events: pl.LazyFrame = cache["oversight_events"]
    population = (
        looked_after_for(ctx, ctx.settings.oversight_months)
        .select("CHILD", "PERIOD_START", "PLACE")
        .join(events, on="CHILD", how="left")
        .with_columns(
            pl.col("_ON")
            .list.eval(pl.element().filter(pl.element() <= d))
            .list.max()
            .alias("LAST_OVERSIGHT")
        )
        .drop("_ON")
    )
    return children(ctx, population, pl.col("LAST_OVERSIGHT") >= since)
