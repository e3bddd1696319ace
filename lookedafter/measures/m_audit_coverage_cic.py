"""Children in care whose case was audited in the last 12 months."""

from __future__ import annotations

import polars as pl

from lookedafter.measures.common import children
from lookedafter.measures.context import Context
from lookedafter.measures.registry import measure


@measure(
    "audit_coverage_cic",
    title="Children in care whose case was audited",
    definition="""Children looked after on the reference date, and of those the ones whose case was
    audited as a children-in-care case (AUDIT_SERVICE = CIC) in the 12 months to that date.""",
    numerator="Children in care audited in the 12 months",
    denominator="Children looked after on the reference date",
    area="Audits",
    kind="snapshot",
    needs=("CaseAudits", "Episodes"),
)
def frame(ctx: Context) -> pl.LazyFrame:
    audited = (
        ctx.table("CaseAudits")
        .filter((pl.col("AUDIT_SERVICE") == "CIC") & ctx.in_window("AUDIT_DATE"))
        .group_by("CHILD")
        .agg(pl.col("AUDIT_DATE").max().alias("LAST_AUDIT"))
    )
    population = (
        ctx.in_care().select("CHILD", "PERIOD_START", "PLACE").join(audited, on="CHILD", how="left")
    )
    return children(ctx, population, pl.col("LAST_AUDIT").is_not_null())
