"""How long records take to be written up (median working days)."""

from __future__ import annotations

import polars as pl

from lookedafter.measures.common import records
from lookedafter.measures.context import Context
from lookedafter.measures.registry import measure


@measure(
    "recording_delay",
    title="Recording delay (median)",
    definition="""Median working days between a visit, health check or PEP in the 12 months to the
    reference date and the day it was recorded, over those recorded by that date.""",
    numerator="(a median)",
    denominator="Visits, health checks and PEPs recorded",
    area="Recording and care planning",
    unit="working days",
    agg="median",
    subject="record",
    better="lower",
    needs=("Visits", "Health", "PEPs"),
)
def frame(ctx: Context) -> pl.LazyFrame:
    return (
        records(ctx)
        .filter(pl.col("DELAY_WD").is_not_null())
        .with_columns(
            pl.lit(0.0).alias("NUM"), pl.lit(1.0).alias("DEN"), pl.col("DELAY_WD").alias("VALUE")
        )
    )
