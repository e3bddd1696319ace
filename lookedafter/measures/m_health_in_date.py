"""Children looked after for a year or more whose health assessments are in date."""

from __future__ import annotations

import polars as pl

from lookedafter.measures.common import in_date, looked_after_for
from lookedafter.measures.context import Context
from lookedafter.measures.registry import National, measure


@measure(
    "health_in_date",
    title="Health assessments in date",
    definition="""Children looked after continuously for 12 months or more on the reference date
    (the OC2 population) with no initial or review health assessment overdue (rules H1 and H2: every
    6 months under 5, every 12 months from 5), as judged by the timescale engine.""",
    numerator="Children with no health assessment overdue",
    denominator="Children looked after 12 months or more to whom H1/H2 apply",
    area="Health",
    kind="snapshot",
    needs=("timescales", "Health", "Episodes"),
    national=National(
        90.0,
        2015,
        "DfE SFR34/2015 (annual health assessment, CLA 12 months+)",
        "last confirmed national figure; later years unconfirmed",
    ),
)
def frame(ctx: Context) -> pl.LazyFrame:
    population = looked_after_for(ctx, 12).select("CHILD", "PERIOD_START", "AGE")
    return in_date(ctx, population, ("H1", "H2"))
