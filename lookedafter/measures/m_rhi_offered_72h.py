"""Return home interviews offered within 72 hours."""

from __future__ import annotations

import polars as pl

from lookedafter.measures.common import flag, returns
from lookedafter.measures.context import Context
from lookedafter.measures.registry import measure


@measure(
    "rhi_offered_72h",
    title="Return home interviews offered within 72 hours",
    definition="""Missing episodes that ended in the 12 months to the reference date, and of those
    the ones after which the child was offered a return home interview within 72 clock hours of
    coming back (DfE statutory guidance on children who run away or go missing, 2014).""",
    numerator="Returns after which an interview was offered within 72 hours",
    denominator="Missing episodes that ended in the 12 months",
    area="Missing from care",
    subject="return",
    needs=("Missing", "ReturnInterviews"),
)
def frame(ctx: Context) -> pl.LazyFrame:
    deadline = ctx.calendar.add_hours_expr(pl.col("RETURNED_AT"), 72)
    return returns(ctx).with_columns(flag(pl.col("OFFERED_AT") <= deadline).alias("NUM"))
