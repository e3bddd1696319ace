"""Case audits graded good or outstanding."""

from __future__ import annotations

import polars as pl

from lookedafter.measures.common import audits, flag
from lookedafter.measures.context import Context
from lookedafter.measures.registry import measure


@measure(
    "audit_grades_good",
    title="Audits graded good or better",
    definition="""Graded case audits done in the 12 months to the reference date, and of those the
    ones whose overall grade was good or outstanding. ``service`` breaks it down by the service the
    case sat in.""",
    numerator="Audits graded good or outstanding",
    denominator="Graded case audits done in the 12 months",
    area="Audits",
    subject="audit",
    needs=("CaseAudits",),
    extra={"service": "AUDIT_SERVICE"},
)
def frame(ctx: Context) -> pl.LazyFrame:
    return (
        audits(ctx)
        .filter(pl.col("GRADE").is_not_null())
        .with_columns(flag(pl.col("GRADE").is_in(("GOOD", "OUTSTANDING"))).alias("NUM"))
    )
