"""Children in care with three or more placements in 12 months."""

from __future__ import annotations

import polars as pl

from lookedafter.measures.common import children, distinct_placements
from lookedafter.measures.context import Context
from lookedafter.measures.registry import measure


@measure(
    "placements_3plus_year",
    title="Children with 3 or more placements in 12 months",
    definition="""Children looked after on the reference date who lived in three or more placements
    during the 12 months to that date (the placement in progress at the start counts; a change of
    legal status alone is not a new placement).""",
    numerator="Children with 3 or more placements in the 12 months",
    denominator="Children looked after on the reference date",
    area="Placements",
    kind="snapshot",
    better="lower",
    needs=("Episodes",),
)
def frame(ctx: Context) -> pl.LazyFrame:
    population = distinct_placements(
        ctx, ctx.in_care().select("CHILD", "PERIOD_START", "PLACE"), 12
    )
    return children(ctx, population, pl.col("N_PLACEMENTS") >= 3)
