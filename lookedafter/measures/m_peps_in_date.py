"""Personal education plans in date."""

from __future__ import annotations

import polars as pl

from lookedafter.measures.common import in_date
from lookedafter.measures.context import Context
from lookedafter.measures.registry import measure


@measure(
    "peps_in_date",
    title="Personal education plans in date",
    definition="""Children looked after on the reference date to whom the PEP rules apply (E1:
    initial PEP within 10 working days and complete for the first review; E2: reviewed every school
    term) with no PEP overdue, as judged by the timescale engine.""",
    numerator="Children with no PEP overdue",
    denominator="Children looked after to whom E1/E2 apply",
    area="Education",
    kind="snapshot",
    needs=("timescales", "PEPs", "Episodes"),
)
def frame(ctx: Context) -> pl.LazyFrame:
    population = ctx.in_care().select("CHILD", "PERIOD_START", "AGE")
    return in_date(ctx, population, ("E1", "E2"), chain=False)
