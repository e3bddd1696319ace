"""Children in care for two years or more with three or more placements in two years."""

from __future__ import annotations

import polars as pl

from lookedafter.measures.common import children, distinct_placements, looked_after_for
from lookedafter.measures.context import Context
from lookedafter.measures.registry import National, measure


@measure(
    "placements_3plus_2years",
    title="Children with 3 or more placements in 2 years",
    definition="""Children looked after on the reference date, and continuously for at least two
    years before it, who lived in three or more placements during those two years.""",
    numerator="Children with 3 or more placements in the 2 years",
    denominator="Children looked after for 2 years or more on the reference date",
    area="Placements",
    kind="snapshot",
    better="lower",
    needs=("Episodes",),
    national=National(
        23.0, 2025, "DfE Children looked after in England 2025 (CLA 2 years+, 3+ placements)"
    ),
)
def frame(ctx: Context) -> pl.LazyFrame:
    population = distinct_placements(
        ctx, looked_after_for(ctx, 24).select("CHILD", "PERIOD_START", "PLACE"), 24
    )
    return children(ctx, population, pl.col("N_PLACEMENTS") >= 3)
