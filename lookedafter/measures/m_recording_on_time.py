"""Visits recorded within the local standard (rule V7's record)."""

from __future__ import annotations

import polars as pl

from lookedafter.measures.common import on_time
from lookedafter.measures.context import Context
from lookedafter.measures.registry import measure


@measure(
    "recording_on_time",
    title="Visits recorded within the local standard",
    definition="""Records of statutory visits (rule V7: what was seen, and whether the child was
    seen alone, written up within the authority's standard, 5 working days by default) that fell
    due in the 12 months to the reference date, and of those the ones written up in time, as
    judged by the timescale engine. Records never written up count as late.""",
    numerator="Visit records written up within the local standard",
    denominator="Visit records that fell due in the 12 months",
    area="Recording and care planning",
    subject="record",
    needs=("timescales", "Visits"),
)
def frame(ctx: Context) -> pl.LazyFrame:
    return on_time(ctx, ("V7",))
