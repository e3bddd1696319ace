"""Return home interviews accepted by the child."""

from __future__ import annotations

import polars as pl

from lookedafter.measures.common import flag, returns
from lookedafter.measures.context import Context
from lookedafter.measures.registry import measure


@measure(
    "rhi_accepted",
    title="Return home interviews accepted",
    definition="""Missing episodes that ended in the 12 months to the reference date after which an
    interview was offered, and of those the ones where the child accepted it.""",
    numerator="Offered interviews the child accepted",
    denominator="Returns after which an interview was offered",
    area="Missing from care",
    subject="return",
    needs=("Missing", "ReturnInterviews"),
)
def frame(ctx: Context) -> pl.LazyFrame:
    return (
        returns(ctx)
        .filter(pl.col("OFFERED_AT").is_not_null())
        .with_columns(flag(pl.col("ACCEPTED")).alias("NUM"))
    )
