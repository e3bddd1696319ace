"""Connected-person temporary approvals that ran past 24 weeks (rule C2)."""

from __future__ import annotations

import polars as pl

from lookedafter.measures.common import flag, on_time
from lookedafter.measures.context import Context
from lookedafter.measures.registry import measure


@measure(
    "connected_past_24_weeks",
    title="Connected-person approvals past 24 weeks",
    definition="""Extended connected-person temporary approvals whose extension (reg 25, rule C2:
    at most 8 weeks after the 16, so 24 weeks in all) ran out in the 12 months to the reference
    date, and of those the ones not resolved (carer fully approved or placement ended) by then, as
    judged by the timescale engine. Approvals never extended and still unresolved after 16 weeks
    are counted by ``connected_past_16_weeks``.""",
    numerator="Temporary approvals still unresolved after 24 weeks",
    denominator="Extended temporary approvals whose extension ran out in the 12 months",
    area="Connected persons",
    subject="approval",
    better="lower",
    needs=("timescales", "TemporaryApprovals", "Episodes"),
)
def frame(ctx: Context) -> pl.LazyFrame:
    return on_time(ctx, ("C2",)).with_columns(flag(pl.col("STATUS") != "on_time").alias("NUM"))
