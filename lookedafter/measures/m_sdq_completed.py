"""Strengths and Difficulties Questionnaires completed."""

from __future__ import annotations

import polars as pl

from lookedafter.measures.common import children, looked_after_for
from lookedafter.measures.context import Context
from lookedafter.measures.registry import measure


@measure(
    "sdq_completed",
    title="SDQ completed for children aged 4 to 16",
    definition="""Children aged 4 to 16 on the reference date and looked after continuously for 12
    months or more (the OC2 SDQ population) with a Strengths and Difficulties Questionnaire in the
    12 months to that date.""",
    numerator="Children with an SDQ score in the 12 months",
    denominator="Children aged 4 to 16 looked after continuously for 12 months or more",
    area="Health",
    kind="snapshot",
    needs=("Health", "Episodes", "Header"),
)
def frame(ctx: Context) -> pl.LazyFrame:
    sdq = (
        ctx.table("Health")
        .filter((pl.col("HEALTH_KIND") == "SDQ") & ctx.in_window("HEALTH_DATE"))
        .group_by("CHILD")
        .agg(
            pl.col("HEALTH_DATE").max().alias("LAST_SDQ"),
            pl.col("SDQ_SCORE").sort_by("HEALTH_DATE").last().alias("SDQ_SCORE"),
        )
    )
    population = (
        looked_after_for(ctx, 12)
        .filter(pl.col("AGE").is_between(4, 16))
        .select("CHILD", "PERIOD_START", "AGE")
        .join(sdq, on="CHILD", how="left")
    )
    return children(ctx, population, pl.col("LAST_SDQ").is_not_null())
