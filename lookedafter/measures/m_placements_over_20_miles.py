"""New placements more than 20 miles from home."""

from __future__ import annotations

import polars as pl

from lookedafter.lib.postcodes import UNKNOWN_DISTANCE
from lookedafter.measures.common import flag, new_placements
from lookedafter.measures.context import Context
from lookedafter.measures.registry import National, measure


@measure(
    "placements_over_20_miles",
    title="New placements more than 20 miles from home",
    definition="""Placements that started in the 12 months to the reference date, and of those the
    ones more than 20 miles (straight line, DfE formula, from the home and placement postcodes) from
    the child's home. Placements whose distance is unknown stay in the denominator, as in the DfE
    figures.""",
    numerator="New placements known to be more than 20 miles from home",
    denominator="Placements that started in the 12 months",
    area="Placements",
    subject="placement",
    better="lower",
    needs=("Episodes",),
    national=National(
        21.0,
        2025,
        "DfE Children looked after in England 2025 (new placements: 5% inside and 16% outside "
        "the LA more than 20 miles away)",
        "13% of placements nationally have no known distance",
    ),
)
def frame(ctx: Context) -> pl.LazyFrame:
    known = pl.col("PL_DISTANCE") != UNKNOWN_DISTANCE
    return new_placements(ctx).with_columns(flag(known & (pl.col("PL_DISTANCE") > 20)).alias("NUM"))
