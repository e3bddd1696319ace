"""Permanence plan made by the second review (rule CP3)."""

from __future__ import annotations

import polars as pl

from lookedafter.measures.common import on_time
from lookedafter.measures.context import Context
from lookedafter.measures.registry import measure


@measure(
    "permanence_plan_second_review",
    title="Permanence plan by the second review",
    definition="""Children whose plan for permanence fell due (by the second review, rule CP3) in
    the 12 months to the reference date, and of those the ones whose plan was made in time, as
    judged by the timescale engine.""",
    numerator="Children with a permanence plan by their second review",
    denominator="Children whose permanence plan fell due in the 12 months",
    area="Permanence",
    needs=("timescales", "CarePlans", "Reviews", "Episodes"),
)
def frame(ctx: Context) -> pl.LazyFrame:
    return on_time(ctx, ("CP3",))
