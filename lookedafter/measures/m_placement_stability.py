"""Long-term placement stability, as the DfE defines it."""

from __future__ import annotations

import polars as pl

from lookedafter.lib.calendar import add_months
from lookedafter.measures.common import children, looked_after_for
from lookedafter.measures.context import Context
from lookedafter.measures.registry import National, measure

PLACED_FOR_ADOPTION = ("A3", "A4", "A5", "A6")


@measure(
    "placement_stability",
    title="Long-term placement stability",
    definition="""Children under 16 on the reference date who had been looked after continuously for
    at least two and a half years, and of those the ones who had lived with the same carers for at
    least two years, or who are placed for adoption and whose adoptive placement together with the
    placement before it has lasted at least two years (the DfE definition).""",
    numerator="Children with the same carers for 2 years or more (adoption rule applied)",
    denominator="Children under 16 looked after continuously for 2.5 years or more",
    area="Placements",
    kind="snapshot",
    needs=("Episodes", "Header"),
    national=National(
        69.0, 2025, "DfE Children looked after in England 2025 (long-term stability)"
    ),
)
def frame(ctx: Context) -> pl.LazyFrame:
    d = pl.lit(ctx.as_of)
    two_years = pl.lit(add_months(ctx.as_of, -24))
    population = (
        looked_after_for(ctx, 30)
        .filter(pl.col("AGE") < 16)
        .select("CHILD", "PERIOD_START", "PLACE", "AGE")
    )
    carers = (  # only the population's episodes: far fewer than every child's
        ctx.episodes()
        .filter(pl.col("DECOM") <= d)
        .join(population.select("CHILD"), on="CHILD", how="semi")
        .group_by("CHILD")
        .agg(pl.col("CARER_START").unique().sort().tail(2).alias("_STARTS"))
        .with_columns(
            pl.col("_STARTS").list.last().alias("CARER_START"),
            pl.when(pl.col("_STARTS").list.len() > 1)
            .then(pl.col("_STARTS").list.first())
            .alias("PREVIOUS_CARER_START"),
        )
        .drop("_STARTS")
    )
    population = population.join(carers, on="CHILD", how="left")
    adoption = pl.col("PLACE").is_in(PLACED_FOR_ADOPTION) & (
        pl.col("PREVIOUS_CARER_START") >= pl.col("PERIOD_START")
    )
    stable = (pl.col("CARER_START") <= two_years) | (
        adoption & (pl.col("PREVIOUS_CARER_START") <= two_years)
    )
    return children(ctx, population, stable)
