"""Case-holding social workers whose caseload is above the local limit."""

from __future__ import annotations

import polars as pl

from lookedafter.measures.common import case_holders, flag
from lookedafter.measures.context import Context
from lookedafter.measures.registry import measure


@measure(
    "caseload_high",
    title="Social workers with a high caseload",
    definition="""Case-holding social workers in post whose children-in-care caseload per FTE is
    above the authority's limit (setting ``caseload_limit``, 18 by default), as a percentage of all
    case-holding social workers in post.""",
    numerator="Case-holding social workers with more children per FTE than the local limit",
    denominator="Case-holding social workers in post",
    area="Workforce",
    kind="snapshot",
    subject="worker",
    better="lower",
    needs=("Workers", "Allocations", "Episodes"),
)
def frame(ctx: Context) -> pl.LazyFrame:
    limit = ctx.settings.caseload_limit
    return case_holders(ctx).with_columns(
        pl.col("WORKER_ID").alias("SUBJECT"),
        pl.lit(ctx.as_of).alias("DATE"),
        flag(pl.col("CASES_PER_FTE") > limit).alias("NUM"),
        pl.lit(1.0).alias("DEN"),
        pl.col("CASES_PER_FTE").alias("VALUE"),
    )
