"""Children who went missing repeatedly."""

from __future__ import annotations

import polars as pl

from lookedafter.measures.common import children
from lookedafter.measures.context import Context
from lookedafter.measures.registry import measure


@measure(
    "missing_repeat",
    title="Children missing repeatedly",
    definition="""Children with at least one missing episode (MISSING = M) starting in the 12 months
    to the reference date, and of those the ones with as many episodes as the authority's repeat
    threshold (setting ``repeat_missing_episodes``, 3 by default) or more.""",
    numerator="Children missing at least the repeat threshold number of times",
    denominator="Children missing at least once in the 12 months",
    area="Missing from care",
    kind="snapshot",
    better="lower",
    needs=("Missing",),
)
def frame(ctx: Context) -> pl.LazyFrame:
    went = (
        ctx.table("Missing")
        .filter((pl.col("MISSING") == "M") & ctx.in_window("MIS_START"))
        .group_by("CHILD")
        .agg(pl.len().cast(pl.Int32).alias("N_MISSING"))
    )
    return children(ctx, went, pl.col("N_MISSING") >= ctx.settings.repeat_missing_episodes)
