"""Case-holding social workers supervised within the local interval."""

from __future__ import annotations

import polars as pl

from lookedafter.lib.calendar import add_months
from lookedafter.measures.common import flag, in_post, social_workers
from lookedafter.measures.context import Context
from lookedafter.measures.registry import measure


@measure(
    "supervision_in_interval",
    title="Social workers supervised within the local interval",
    definition="""Case-holding social workers in post on the reference date who started at least one
    supervision interval earlier (setting ``supervision_months``, 1 by default), and of those the
    ones with a supervision session within that interval before the date.""",
    numerator="Workers supervised within the interval",
    denominator="Case-holding social workers in post for at least the interval",
    area="Supervision and oversight",
    kind="snapshot",
    subject="worker",
    needs=("Workers", "Supervision"),
)
def frame(ctx: Context) -> pl.LazyFrame:
    since = add_months(ctx.as_of, -ctx.settings.supervision_months)
    last = (
        ctx.table("Supervision")
        .filter(pl.col("SESSION_DATE") <= pl.lit(ctx.as_of))
        .group_by("WORKER_ID")
        .agg(pl.col("SESSION_DATE").max().alias("LAST_SUPERVISION"))
    )
    workers = social_workers(ctx).filter(
        pl.col("CASE_HOLDING").fill_null(False)
        & in_post(ctx.as_of)
        & (pl.col("START_DATE") <= pl.lit(since))
    )
    return workers.join(last, on="WORKER_ID", how="left").with_columns(
        pl.col("WORKER_ID").alias("SUBJECT"),
        pl.lit(ctx.as_of).alias("DATE"),
        flag(pl.col("LAST_SUPERVISION") >= pl.lit(since)).alias("NUM"),
        pl.lit(1.0).alias("DEN"),
    )
