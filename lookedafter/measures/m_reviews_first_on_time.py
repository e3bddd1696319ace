"""Looked-after reviews on time: the first review."""

from __future__ import annotations

import polars as pl

from lookedafter.measures.common import on_time
from lookedafter.measures.context import Context
from lookedafter.measures.registry import measure


@measure(
    "reviews_first_on_time",
    title="Reviews on time: first review",
    definition="""The first review that fell due in the 12 months to the reference date and were
    held within 20 working days of becoming looked after (CPR 2010 reg 33(1), rule R1), as judged by
    the timescale engine.""",
    numerator="Reviews held on or before their due date",
    denominator="Reviews that fell due in the 12 months (held, or not held and now overdue)",
    area="Reviews",
    subject="review",
    needs=("timescales", "Reviews", "Episodes"),
)
def frame(ctx: Context) -> pl.LazyFrame:
    return on_time(ctx, ("R1",))
