"""Personal education plans done on time over the year (rules E1, E2)."""

from __future__ import annotations

import polars as pl

from lookedafter.measures.common import on_time
from lookedafter.measures.context import Context
from lookedafter.measures.registry import measure


@measure(
    "peps_on_time",
    title="PEPs on time",
    definition="""Personal education plans that fell due in the 12 months to the reference date
    (E1: the initial PEP, ready for the first review; E2: a review each school term), and of
    those the ones done by their due date, as judged by the timescale engine.""",
    numerator="PEPs done on or before their due date",
    denominator="PEPs that fell due in the 12 months",
    area="Education",
    subject="PEP",
    needs=("timescales", "PEPs", "Episodes"),
)
def frame(ctx: Context) -> pl.LazyFrame:
    return on_time(ctx, ("E1", "E2"))
