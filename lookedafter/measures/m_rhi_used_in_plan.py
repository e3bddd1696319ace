"""Return home interview findings used in the child's assessment or plan."""

from __future__ import annotations

import polars as pl

from lookedafter.measures.common import flag, returns
from lookedafter.measures.context import Context
from lookedafter.measures.registry import measure


@measure(
    "rhi_used_in_plan",
    title="Return home interview findings used in the plan",
    definition="""Return home interviews done after missing episodes that ended in the 12 months to
    the reference date, and of those the ones whose findings were recorded as used in the child's
    assessment or plan by the reference date.""",
    numerator="Interviews whose findings were used in the assessment or plan",
    denominator="Interviews done",
    area="Missing from care",
    subject="return",
    needs=("Missing", "ReturnInterviews"),
)
def frame(ctx: Context) -> pl.LazyFrame:
    return (
        returns(ctx)
        .filter(pl.col("DONE_AT").is_not_null())
        .with_columns(flag(pl.col("USED_IN_PLAN_ON") <= pl.lit(ctx.as_of)).alias("NUM"))
    )
