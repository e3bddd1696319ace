"""Care plans with every required section complete."""

from __future__ import annotations

import polars as pl

from lookedafter.measures.common import children
from lookedafter.measures.context import Context
from lookedafter.measures.registry import measure
from lookedafter.schema.codes import codes

SHORT_BREAKS = ("V3", "V4")


@measure(
    "care_plan_complete",
    title="Care plans complete",
    definition="""Children looked after on the reference date (not on short breaks, whose plans are
    shorter), and of those the ones whose current care plan has every section CPR 2010 reg 5
    requires (permanence, health, education, placement, identity, family, wishes and feelings, IRO).
    A child with no care plan counts as incomplete.""",
    numerator="Children whose current care plan has every required section",
    denominator="Children looked after (not on short breaks)",
    area="Recording and care planning",
    kind="snapshot",
    needs=("Episodes", "CarePlans"),
)
def frame(ctx: Context) -> pl.LazyFrame:
    required = sorted(codes("CARE_PLAN_SECTION"))
    population = (
        ctx.in_care()
        .filter(~pl.col("LS").is_in(SHORT_BREAKS))
        .select("CHILD", "PERIOD_START", "PLACE")
    )
    plans = (  # each child's latest plan, for the population only
        ctx.table("CarePlans")
        .filter(pl.col("PLAN_START") <= pl.lit(ctx.as_of))
        .join(population.select("CHILD"), on="CHILD", how="semi")
        .group_by("CHILD")
        .agg(
            pl.col("PLAN_START").max(),
            pl.col("SECTIONS_COMPLETE").sort_by("PLAN_START").last(),
        )
        .with_columns(pl.col("SECTIONS_COMPLETE").fill_null("").str.split(";").alias("_DONE"))
        .with_columns(
            pl.concat_str(
                [pl.when(~pl.col("_DONE").list.contains(c)).then(pl.lit(c)) for c in required],
                separator=";",
                ignore_nulls=True,
            ).alias("MISSING_SECTIONS")
        )
        .drop("_DONE")
    )
    population = population.join(plans, on="CHILD", how="left")
    return children(
        ctx, population, pl.col("PLAN_START").is_not_null() & (pl.col("MISSING_SECTIONS") == "")
    )
