"""Children whose statutory visit is overdue now."""

from __future__ import annotations

import polars as pl

from lookedafter.measures.common import flag, overdue_at
from lookedafter.measures.context import Context
from lookedafter.measures.m_visits_on_time import VISIT_RULES
from lookedafter.measures.registry import measure


@measure(
    "visits_overdue_now",
    title="Children overdue a visit",
    definition="""Children looked after on the reference date whose next statutory visit (rules V1
    to V6: the latest visit clock, restarted by each visit and each new placement) is past its due
    date without a visit.""",
    numerator="Children with a visit overdue on the reference date",
    denominator="Children looked after on the reference date",
    area="Visits",
    kind="snapshot",
    better="lower",
    needs=("timescales", "Visits", "Episodes"),
)
def frame(ctx: Context) -> pl.LazyFrame:
    late = overdue_at(ctx, VISIT_RULES)
    return (
        ctx.in_care()
        .select("CHILD", "DECOM", "PLACE", "LS")
        .join(late, on="CHILD", how="left")
        .with_columns(
            pl.col("CHILD").alias("SUBJECT"),
            pl.lit(ctx.as_of).alias("DATE"),
            flag(pl.col("N_OVERDUE") > 0).alias("NUM"),
            pl.lit(1.0).alias("DEN"),
        )
    )
