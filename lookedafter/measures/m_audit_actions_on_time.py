"""Audit actions completed by their due date."""

from __future__ import annotations

import polars as pl

from lookedafter.measures.common import flag
from lookedafter.measures.context import Context
from lookedafter.measures.registry import measure


@measure(
    "audit_actions_on_time",
    title="Audit actions completed on time",
    definition="""Actions set by case audits that fell due in the 12 months to the reference date,
    and of those the ones completed on or before their due date (an action still open counts as not
    on time).""",
    numerator="Actions completed by their due date",
    denominator="Audit actions that fell due in the 12 months",
    area="Audits",
    subject="action",
    needs=("AuditActions", "CaseAudits"),
)
def frame(ctx: Context) -> pl.LazyFrame:
    audits = ctx.table("CaseAudits").select("AUDIT_ID", "CHILD", "AUDITOR_ID", "AUDIT_SERVICE")
    return (
        ctx.table("AuditActions")
        .filter(ctx.in_window("DUE_DATE"))
        .join(audits, on="AUDIT_ID", how="left")
        .with_columns(
            pl.concat_str(
                [pl.col("AUDIT_ID"), pl.col("ACTION_NO").cast(pl.String)], separator="/"
            ).alias("SUBJECT"),
            pl.col("DUE_DATE").alias("DATE"),
            flag(pl.col("COMPLETED_DATE") <= pl.col("DUE_DATE")).alias("NUM"),
            pl.lit(1.0).alias("DEN"),
        )
    )
