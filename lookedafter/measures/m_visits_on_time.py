"""Statutory visits done within timescale."""

from __future__ import annotations

import polars as pl

from lookedafter.measures.common import on_time
from lookedafter.measures.context import Context
from lookedafter.measures.registry import measure

VISIT_RULES = ("V1", "V2", "V3", "V4", "V5", "V6")


@measure(
    "visits_on_time",
    title="Visits within timescale",
    definition="""Statutory social worker visits (CPR 2010 reg 28, rules V1 to V6) that fell due in
    the 12 months to the reference date and were done by their due date, as judged by the timescale
    engine under the authority's policy.""",
    numerator="Visits done on or before their due date",
    denominator="Visits that fell due in the 12 months (done, or not done and now overdue)",
    area="Visits",
    subject="visit",
    needs=("timescales", "Visits", "Episodes"),
)
def frame(ctx: Context) -> pl.LazyFrame:
    return on_time(ctx, VISIT_RULES)
