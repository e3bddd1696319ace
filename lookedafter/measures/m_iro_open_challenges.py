"""IRO challenges open on the reference date, by age and escalation stage."""

from __future__ import annotations

import polars as pl

from lookedafter.measures.context import Context
from lookedafter.measures.registry import measure

OPEN_AGE_BANDS = ("Under 10 working days", "10 to 19 working days", "20 to 39 working days")


@measure(
    "iro_open_challenges",
    title="Open IRO challenges",
    definition="""Challenges raised by independent reviewing officers that were open (raised and not
    resolved) on the reference date. Broken down by how long they have been open in working days
    (``open_age``; the dispute process should take no more than 20 working days in all), by
    escalation stage (``stage``), by issue and by team.""",
    numerator="Open challenges",
    denominator="(a count)",
    area="IRO challenges",
    unit="challenges",
    agg="count",
    kind="snapshot",
    subject="challenge",
    better="lower",
    needs=("IROChallenges",),
    extra={"stage": "STAGE", "open_age": "OPEN_AGE", "issue": "ISSUE"},
)
def frame(ctx: Context) -> pl.LazyFrame:
    d = pl.lit(ctx.as_of)
    wd = ctx.calendar.working_days_between_expr(pl.col("RAISED_DATE"), d)
    band = (
        pl.when(wd < 10)
        .then(pl.lit(OPEN_AGE_BANDS[0]))
        .when(wd < 20)
        .then(pl.lit(OPEN_AGE_BANDS[1]))
        .when(wd < 40)
        .then(pl.lit(OPEN_AGE_BANDS[2]))
        .otherwise(pl.lit("40 working days or more"))
    )
    unanswered = pl.col("RESPONDED_DATE").is_null() | (pl.col("RESPONDED_DATE") > d)
    return (
        ctx.table("IROChallenges")
        .filter(
            (pl.col("RAISED_DATE") <= d)
            & (pl.col("RESOLVED_DATE").is_null() | (pl.col("RESOLVED_DATE") > d))
        )
        .with_columns(
            pl.col("CHALLENGE_ID").alias("SUBJECT"),
            pl.col("RAISED_DATE").alias("DATE"),
            pl.lit(1.0).alias("NUM"),
            pl.lit(1.0).alias("DEN"),
            wd.alias("OPEN_WORKING_DAYS"),
            band.alias("OPEN_AGE"),
            (unanswered & (pl.col("RESPONSE_DUE") < d)).alias("RESPONSE_OVERDUE"),
        )
    )
