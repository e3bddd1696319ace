"""Case audits completed, by service, grade and auditor."""

from __future__ import annotations

import polars as pl

from lookedafter.measures.common import audits
from lookedafter.measures.context import Context
from lookedafter.measures.registry import measure


@measure(
    "audits_completed",
    title="Case audits completed",
    definition="""Case audits done in the 12 months to the reference date. Broken down by the
    service the case sat in (``service``: children in care, child protection...), by overall grade
    (``grade``: the grade spread) and by the auditor's role (``auditor_role``).""",
    numerator="Case audits done in the 12 months",
    denominator="(a count)",
    area="Audits",
    unit="audits",
    agg="count",
    subject="audit",
    better=None,
    needs=("CaseAudits",),
    extra={"service": "AUDIT_SERVICE", "grade": "GRADE", "auditor_role": "AUDITOR_ROLE"},
)
def frame(ctx: Context) -> pl.LazyFrame:
    return audits(ctx).with_columns(pl.lit(1.0).alias("NUM"))
