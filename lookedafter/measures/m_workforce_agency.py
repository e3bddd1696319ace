"""Agency social worker rate (DfE children's social work workforce census definition)."""

from __future__ import annotations

import polars as pl

from lookedafter.measures.common import F, census_date, in_post, social_workers
from lookedafter.measures.context import Context
from lookedafter.measures.registry import National, measure


@measure(
    "workforce_agency",
    title="Agency social worker rate",
    definition="""FTE of agency (locum) social workers in post on the census date (30 September) as
    a percentage of agency plus directly employed social worker FTE in post.""",
    numerator="FTE of agency social workers in post on 30 September",
    denominator="FTE of all social workers (agency and employed) in post on 30 September",
    area="Workforce",
    kind="snapshot",
    subject="worker",
    better="lower",
    needs=("Workers",),
    national=National(13.0, 2025, "DfE Children's social work workforce 2025 (agency rate, FTE)"),
)
def frame(ctx: Context) -> pl.LazyFrame:
    ref = census_date(ctx.as_of)
    return (
        social_workers(ctx)
        .filter(in_post(ref))
        .with_columns(
            pl.col("WORKER_ID").alias("SUBJECT"),
            pl.lit(ref).alias("DATE"),
            pl.when(pl.col("AGENCY").fill_null(False))
            .then(pl.col("FTE"))
            .otherwise(0.0)
            .cast(F)
            .alias("NUM"),
            pl.col("FTE").cast(F).alias("DEN"),
        )
    )
