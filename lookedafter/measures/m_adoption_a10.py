"""Adoption timeliness, scorecard A10."""

from __future__ import annotations

import polars as pl

from lookedafter.measures.context import Context
from lookedafter.measures.registry import measure


@measure(
    "adoption_a10",
    title="Adoption timeliness: entering care to moving in, foster carer adoptions adjusted (A10)",
    definition="""Like A1, but for children adopted by their foster carers the clock stops when the
    foster placement began (adoption scorecard A10, which replaced A1 from 2021-22). Dates come
    from the timescale engine's rule A10.""",
    numerator="Total days over those children",
    denominator="Children with a completed A10 interval in the 3 years",
    area="Permanence",
    unit="days",
    subject="child",
    better="lower",
    needs=("timescales", "Episodes", "PlacedAdoption", "AD1"),
)
def frame(ctx: Context) -> pl.LazyFrame:
    done = ctx.due_by(("A10",)).filter(
        pl.col("DONE_DATE").is_not_null() & ctx.in_window("DONE_DATE", 36)
    )
    days = ctx.calendar.days_between_expr(pl.col("CLOCK_START"), pl.col("DONE_DATE")).clip(0)
    return done.select(
        pl.col("CHILD").alias("SUBJECT"),
        "CHILD",
        pl.col("DONE_DATE").alias("DATE"),
        days.cast(pl.Float64).alias("NUM"),
        pl.lit(1.0).alias("DEN"),
        days.cast(pl.Float64).alias("VALUE"),
        "WORKER_ID",
        "TEAM_ID",
        "CLOCK_START",
        "DONE_DATE",
        "DUE_DATE",
        "STATUS",
    )
