"""Connected-person temporary approvals that ran past 16 weeks (rule C1)."""

from __future__ import annotations

import polars as pl

from lookedafter.measures.common import flag, on_time
from lookedafter.measures.context import Context
from lookedafter.measures.registry import measure


@measure(
    "connected_past_16_weeks",
    title="Connected-person approvals past 16 weeks",
    definition="""Connected-person placements whose temporary approval (CPR 2010 reg 24, rule C1: 16
    weeks) ran out in the 12 months to the reference date, and of those the ones not resolved (carer
    fully approved or placement ended) by then, as judged by the timescale engine.""",
    numerator="Temporary approvals still unresolved after 16 weeks",
    denominator="Temporary approvals whose 16 weeks ran out in the 12 months",
    area="Connected persons",
    subject="approval",
    better="lower",
    needs=("timescales", "TemporaryApprovals", "Episodes"),
)
def frame(ctx: Context) -> pl.LazyFrame:
    return on_time(ctx, ("C1",)).with_columns(flag(pl.col("STATUS") != "on_time").alias("NUM"))
