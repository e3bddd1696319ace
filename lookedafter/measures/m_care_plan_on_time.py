"""Care plans in place within 10 working days of the first placement (rule CP1)."""

from __future__ import annotations

import polars as pl

from lookedafter.measures.common import on_time
from lookedafter.measures.context import Context
from lookedafter.measures.registry import measure


@measure(
    "care_plan_on_time",
    title="Care plans on time",
    definition="""Children whose first care plan fell due (before the first placement or, if that
    was not practicable, within 10 working days of it; CPR 2010 reg 4, rule CP1) in the 12 months
    to the reference date, and of those the ones whose plan was in place in time, as judged by
    the timescale engine.""",
    numerator="Children with a care plan by its due date",
    denominator="Children whose first care plan fell due in the 12 months",
    area="Recording and care planning",
    needs=("timescales", "CarePlans", "Episodes"),
)
def frame(ctx: Context) -> pl.LazyFrame:
    return on_time(ctx, ("CP1",))
