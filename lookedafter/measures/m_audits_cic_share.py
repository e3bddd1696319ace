"""Share of case audits that look at children in care."""

from __future__ import annotations

import polars as pl

from lookedafter.measures.common import audits, flag
from lookedafter.measures.context import Context
from lookedafter.measures.registry import measure


@measure(
    "audits_cic_share",
    title="Audits of children-in-care cases",
    definition="""Case audits done in the 12 months to the reference date, and of those the ones on
    cases in the children in care service (AUDIT_SERVICE = CIC); the finding: too little audit of
    children in care. ``audits_completed`` by ``service`` gives every service's count.""",
    numerator="Audits of children-in-care cases",
    denominator="Case audits done in the 12 months",
    area="Audits",
    subject="audit",
    needs=("CaseAudits",),
)
def frame(ctx: Context) -> pl.LazyFrame:
    return audits(ctx).with_columns(flag(pl.col("AUDIT_SERVICE") == "CIC").alias("NUM"))
