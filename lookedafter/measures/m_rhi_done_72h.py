"""Return home interviews done within 72 hours (rule M1)."""

from __future__ import annotations

import polars as pl

from lookedafter.measures.common import on_time
from lookedafter.measures.context import Context
from lookedafter.measures.registry import measure


@measure(
    "rhi_done_72h",
    title="Return home interviews done within 72 hours",
    definition="""Return home interviews that fell due (72 hours after the child came back, rule M1)
    in the 12 months to the reference date and took place in time, as judged by the timescale
    engine. An interview the child declined is judged as the engine's policy says.""",
    numerator="Interviews done within 72 hours of the return",
    denominator="Interviews that fell due in the 12 months",
    area="Missing from care",
    subject="return",
    needs=("timescales", "Missing", "ReturnInterviews"),
)
def frame(ctx: Context) -> pl.LazyFrame:
    return on_time(ctx, ("M1",))
