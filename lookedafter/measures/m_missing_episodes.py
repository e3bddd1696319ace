"""Missing episodes in the last 12 months."""

from __future__ import annotations

import polars as pl

from lookedafter.measures.context import Context
from lookedafter.measures.registry import measure


@measure(
    "missing_episodes",
    title="Missing episodes",
    definition="""Episodes in which a looked-after child was missing (903 MISSING = M: whereabouts
    unknown) that started in the 12 months to the reference date. Episodes of being away without
    authorisation (A) are not counted.""",
    numerator="Missing episodes starting in the 12 months",
    denominator="(a count)",
    area="Missing from care",
    unit="episodes",
    agg="count",
    subject="episode",
    better=None,
    needs=("Missing",),
)
def frame(ctx: Context) -> pl.LazyFrame:
    return (
        ctx.table("Missing")
        .filter((pl.col("MISSING") == "M") & ctx.in_window("MIS_START"))
        .with_columns(
            pl.concat_str(
                [pl.col("CHILD"), pl.col("MIS_START").cast(pl.String)], separator="/"
            ).alias("SUBJECT"),
            pl.col("MIS_START").alias("DATE"),
            pl.lit(1.0).alias("NUM"),
            pl.lit(1.0).alias("DEN"),
        )
    )
