"""Children looked after for a year or more with a dental check in the last 12 months."""

from __future__ import annotations

import polars as pl

from lookedafter.measures.common import children, looked_after_for
from lookedafter.measures.context import Context
from lookedafter.measures.registry import National, measure


@measure(
    "dental_checks",
    title="Dental checks in the last 12 months",
    definition="""Children looked after continuously for 12 months or more on the reference date who
    had a dental check in the 12 months to that date (OC2 TEETH_CHECK).""",
    numerator="Children with a dental check in the 12 months",
    denominator="Children looked after continuously for 12 months or more",
    area="Health",
    kind="snapshot",
    needs=("Health", "Episodes"),
    national=National(
        86.0,
        2015,
        "DfE SFR34/2015 (teeth checked, CLA 12 months+)",
        "last confirmed national figure; later years unconfirmed",
    ),
)
def frame(ctx: Context) -> pl.LazyFrame:
    checks = (
        ctx.table("Health")
        .filter((pl.col("HEALTH_KIND") == "DENTAL") & ctx.in_window("HEALTH_DATE"))
        .group_by("CHILD")
        .agg(pl.col("HEALTH_DATE").max().alias("LAST_DENTAL"))
    )
    population = (
        looked_after_for(ctx, 12)
        .select("CHILD", "PERIOD_START", "AGE")
        .join(checks, on="CHILD", how="left")
    )
    return children(ctx, population, pl.col("LAST_DENTAL").is_not_null())
