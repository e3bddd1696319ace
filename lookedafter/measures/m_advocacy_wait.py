"""How long children wait for advocacy (median days)."""

from __future__ import annotations

import polars as pl

from lookedafter.measures.common import referral_waits
from lookedafter.measures.context import Context
from lookedafter.measures.registry import measure


@measure(
    "advocacy_wait",
    title="Waiting time for advocacy (median)",
    definition="""Median calendar days from a request or offer of an advocate to the start of the
    service, over requests made in the 12 months to the reference date and requests still waiting on
    that date (whose wait so far is counted up to it).""",
    numerator="(a median)",
    denominator="Requests made in the 12 months or still waiting",
    area="Advocacy, independent visitors and life story",
    unit="days",
    agg="median",
    subject="request",
    better="lower",
    needs=("Referrals",),
)
def frame(ctx: Context) -> pl.LazyFrame:
    return referral_waits(ctx, "ADVOCACY")
