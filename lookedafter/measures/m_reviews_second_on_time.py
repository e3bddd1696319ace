"""Looked-after reviews on time: the second review."""

from __future__ import annotations

import polars as pl

from lookedafter.measures.common import on_time
from lookedafter.measures.context import Context
from lookedafter.measures.registry import measure


@measure(
    "reviews_second_on_time",
    title="Reviews on time: second review",
    definition="""The second review that fell due in the 12 months to the reference date and were
    held within 3 months of the first review (reg 33(2), rule R2), as judged by the timescale
    engine.""",
    numerator="Reviews held on or before their due date",
    denominator="Reviews that fell due in the 12 months (held, or not held and now overdue)",
    area="Reviews",
    subject="review",
    needs=("timescales", "Reviews", "Episodes"),
)
def frame(ctx: Context) -> pl.LazyFrame:
    return on_time(ctx, ("R2",))
