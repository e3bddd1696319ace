"""New placements outside the authority's area."""

from __future__ import annotations

import polars as pl

from lookedafter.measures.common import flag, new_placements
from lookedafter.measures.context import Context
from lookedafter.measures.registry import National, measure


@measure(
    "placements_out_of_area",
    title="New placements outside the authority",
    definition="""Placements that started in the 12 months to the reference date, and of those the
    ones whose placement postcode lies outside the authority's own district (setting
    ``la_district``; by default the district where most children's home postcodes lie). Placements
    with an unknown postcode stay in the denominator.""",
    numerator="New placements whose postcode is in another local authority district",
    denominator="Placements that started in the 12 months",
    area="Placements",
    subject="placement",
    better="lower",
    needs=("Episodes",),
    national=National(
        36.0,
        2025,
        "DfE Children looked after in England 2025 (new placements outside the LA: 20% under "
        "and 16% over 20 miles)",
        "13% of placements nationally have no known location",
    ),
)
def frame(ctx: Context) -> pl.LazyFrame:
    own = ctx.la_districts().select(pl.col("PL_LA").implode().alias("OWN_LA"))
    return (
        new_placements(ctx)
        .join(own, how="cross")
        .with_columns(
            flag(
                pl.col("PL_LA").is_not_null() & ~pl.col("PL_LA").is_in(pl.col("OWN_LA").first())
            ).alias("NUM")
        )
        .drop("OWN_LA")
    )
