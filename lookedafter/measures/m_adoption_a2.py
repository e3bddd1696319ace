"""Adoption timeliness, scorecard A2."""

from __future__ import annotations

import polars as pl

from lookedafter.measures.context import Context
from lookedafter.measures.registry import measure


@measure(
    "adoption_a2",
    title="Adoption timeliness: court authority to match (A2)",
    definition="""Mean days from the court's authority to
    place (placement order) to the authority's decision on the match, for children matched in the 3
    years to the reference date (adoption scorecard A2, 0 when matched before the order; the final
    threshold was 4 months). Dates come from the timescale engine's rule A2.""",
    numerator="Total days over those children",
    denominator="Children with a completed A2 interval in the 3 years",
    area="Permanence",
    unit="days",
    subject="child",
    better="lower",
    needs=("timescales", "Episodes", "PlacedAdoption", "AD1"),
)
def frame(ctx: Context) -> pl.LazyFrame:
    done = ctx.due_by(("A2",)).filter(
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
