"""Share of case audits done by team managers."""

from __future__ import annotations

import polars as pl

from lookedafter.measures.common import audits, flag
from lookedafter.measures.context import Context
from lookedafter.measures.registry import measure


@measure(
    "audits_by_team_managers",
    title="Audits done by team managers",
    definition="""Case audits done in the 12 months to the reference date, and of those the ones
    whose auditor was a team manager (the finding: team managers not engaged in audit).""",
    numerator="Audits done by team managers",
    denominator="Case audits done in the 12 months",
    area="Audits",
    subject="audit",
    needs=("CaseAudits",),
)
def frame(ctx: Context) -> pl.LazyFrame:
    return audits(ctx).with_columns(flag(pl.col("AUDITOR_ROLE") == "TM").alias("NUM"))
