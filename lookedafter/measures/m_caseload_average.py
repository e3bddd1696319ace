"""Average caseload per case-holding social worker."""

from __future__ import annotations

import polars as pl

from lookedafter.measures.common import case_holders
from lookedafter.measures.context import Context
from lookedafter.measures.registry import National, measure


@measure(
    "caseload_average",
    title="Average caseload per case-holding social worker",
    definition="""Children in care allocated to case-holding social workers on the reference date,
    divided by those workers' total FTE. The per-worker list shows the spread. The DfE figure counts
    every case (children in need and child protection too) at 30 September, so it is a guide rather
    than a like-for-like comparison.""",
    numerator="Children in care allocated to case-holding social workers",
    denominator="FTE of case-holding social workers in post",
    area="Workforce",
    unit="cases per FTE",
    kind="snapshot",
    subject="worker",
    better="lower",
    needs=("Workers", "Allocations", "Episodes"),
    national=National(
        15.2,
        2025,
        "DfE Children's social work workforce 2025 (cases per case-holding FTE, all cases)",
    ),
)
def frame(ctx: Context) -> pl.LazyFrame:
    return case_holders(ctx).with_columns(
        pl.col("WORKER_ID").alias("SUBJECT"),
        pl.lit(ctx.as_of).alias("DATE"),
        pl.col("CASES").alias("NUM"),
        pl.col("FTE").alias("DEN"),
        pl.col("CASES_PER_FTE").alias("VALUE"),
    )
