"""Initial health assessments within 20 working days."""

from __future__ import annotations

import polars as pl

from lookedafter.measures.common import on_time
from lookedafter.measures.context import Context
from lookedafter.measures.registry import measure


@measure(
    "health_initial_on_time",
    title="Initial health assessments on time",
    definition="""Initial health assessments (rule H1: within 20 working days of becoming looked
    after, before the first review) that fell due in the 12 months to the reference date and were
    done by their due date, as judged by the timescale engine.""",
    numerator="Initial health assessments done on or before their due date",
    denominator="Initial health assessments that fell due in the 12 months",
    area="Health",
    subject="assessment",
    needs=("timescales", "Health", "Episodes"),
)
def frame(ctx: Context) -> pl.LazyFrame:
    return on_time(ctx, ("H1",))
