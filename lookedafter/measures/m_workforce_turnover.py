"""Social worker turnover (DfE children's social work workforce census definition)."""

from __future__ import annotations

import polars as pl

from lookedafter.lib.calendar import add_months
from lookedafter.measures.common import F, census_date, in_post, social_workers
from lookedafter.measures.context import Context
from lookedafter.measures.registry import National, measure


@measure(
    "workforce_turnover",
    title="Social worker turnover rate",
    definition="""Full-time equivalent (FTE) of directly employed social workers who left in the 12
    months to the census date (30 September) as a percentage of the FTE of directly employed social
    workers in post on that date. Agency workers are not counted, as in the DfE census.""",
    numerator="FTE of directly employed social workers who left in the year to 30 September",
    denominator="FTE of directly employed social workers in post on 30 September",
    area="Workforce",
    kind="snapshot",
    subject="worker",
    better="lower",
    needs=("Workers",),
    national=National(11.8, 2025, "DfE Children's social work workforce 2025 (turnover rate, FTE)"),
)
def frame(ctx: Context) -> pl.LazyFrame:
    ref = census_date(ctx.as_of)
    left = pl.col("LEAVE_DATE").is_between(
        pl.lit(add_months(ref, -12)), pl.lit(ref), closed="right"
    )
    staff = social_workers(ctx).filter(~pl.col("AGENCY").fill_null(False))
    return staff.with_columns(
        pl.col("WORKER_ID").alias("SUBJECT"),
        pl.when(left).then(pl.col("LEAVE_DATE")).otherwise(pl.lit(ref)).alias("DATE"),
        pl.when(left).then(pl.col("FTE")).otherwise(0.0).cast(F).alias("NUM"),
        pl.when(in_post(ref)).then(pl.col("FTE")).otherwise(0.0).cast(F).alias("DEN"),
        pl.lit(ref).alias("CENSUS_DATE"),
    ).filter((pl.col("NUM") > 0) | (pl.col("DEN") > 0))
