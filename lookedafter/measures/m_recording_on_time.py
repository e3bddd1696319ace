"""Records written up within the local standard."""

from __future__ import annotations

import polars as pl

from lookedafter.measures.common import flag, recording_standard, records
from lookedafter.measures.context import Context
from lookedafter.measures.registry import measure


@measure(
    "recording_on_time",
    title="Recorded within the local standard",
    definition="""Visits, health checks and PEPs in the 12 months to the reference date whose
    recording deadline (the local standard, 5 working days by default) has passed, and of those the
    ones recorded by the deadline. Records still not written up count as late.""",
    numerator="Records written up within the local standard",
    denominator="Visits, health checks and PEPs whose recording deadline has passed",
    area="Recording and care planning",
    subject="record",
    needs=("Visits", "Health", "PEPs"),
)
def frame(ctx: Context) -> pl.LazyFrame:
    n = recording_standard(ctx)
    deadline = ctx.calendar.add_working_days_expr(pl.col("DATE"), n)
    return (
        records(ctx)
        .with_columns(deadline.alias("RECORD_BY"))
        .filter(pl.col("RECORD_BY") <= pl.lit(ctx.as_of))
        .with_columns(
            flag(pl.col("DELAY_WD") <= n).alias("NUM"),
            pl.lit(1.0).alias("DEN"),
            pl.col("DELAY_WD").alias("VALUE"),
        )
    )
