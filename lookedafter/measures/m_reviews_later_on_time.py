"""Looked-after reviews on time: the third and later reviews."""

from __future__ import annotations

import polars as pl

from lookedafter.measures.common import on_time
from lookedafter.measures.context import Context
from lookedafter.measures.registry import measure


@measure(
    "reviews_later_on_time",
    title="Reviews on time: third and later reviews",
    definition="""The third and later reviews that fell due in the 12 months to the reference date
    and were held within 6 months of the previous review (reg 33(2), rule R3), as judged by the
    timescale engine.""",
    numerator="Reviews held on or before their due date",
    denominator="Reviews that fell due in the 12 months (held, or not held and now overdue)",
    area="Reviews",
    subject="review",
    needs=("timescales", "Reviews", "Episodes"),
)
def frame(ctx: Context) -> pl.LazyFrame:
    return on_time(ctx, ("R3",))
