"""Visits at which the child was seen alone."""

from __future__ import annotations

import polars as pl

from lookedafter.measures.common import flag, iso
from lookedafter.measures.context import Context
from lookedafter.measures.registry import measure


@measure(
    "visits_seen_alone",
    title="Children seen alone at visits",
    definition="""Visits in the 12 months to the reference date at which the child was seen, and of
    those the ones where the social worker saw the child alone (CPR 2010 reg 29; rule V7).""",
    numerator="Visits where the child was seen alone",
    denominator="Visits in the 12 months where the child was seen",
    area="Visits",
    subject="visit",
    needs=("Visits",),
)
def frame(ctx: Context) -> pl.LazyFrame:
    visits = ctx.table("Visits").filter(
        ctx.in_window("VISIT_DATE") & pl.col("SEEN").fill_null(False)
    )
    return visits.with_columns(
        pl.concat_str([pl.col("CHILD"), iso(pl.col("VISIT_DATE"))], separator="/").alias("SUBJECT"),
        pl.col("VISIT_DATE").alias("DATE"),
        flag(pl.col("SEEN_ALONE")).alias("NUM"),
        pl.lit(1.0).alias("DEN"),
    )
