"""Children in care who went missing in the last 12 months."""

from __future__ import annotations

import polars as pl

from lookedafter.lib.calendar import add_months
from lookedafter.measures.common import children
from lookedafter.measures.context import Context
from lookedafter.measures.registry import National, measure


@measure(
    "missing_children",
    title="Children who went missing",
    definition="""Children looked after at any time in the 12 months to the reference date, and of
    those the ones with at least one missing episode (MISSING = M) starting in those months.""",
    numerator="Children with a missing episode in the 12 months",
    denominator="Children looked after at any time in the 12 months",
    area="Missing from care",
    kind="snapshot",
    better="lower",
    needs=("Missing", "Episodes"),
    national=National(
        11.0,
        2022,
        "DfE answer to a parliamentary question (children looked after during 2021-22)",
        "last confirmed national figure; later years unconfirmed",
    ),
)
def frame(ctx: Context) -> pl.LazyFrame:
    went = (
        ctx.table("Missing")
        .filter((pl.col("MISSING") == "M") & ctx.in_window("MIS_START"))
        .group_by("CHILD")
        .agg(pl.len().cast(pl.Int32).alias("N_MISSING"))
    )
    population = ctx.looked_after_between(add_months(ctx.as_of, -12), ctx.as_of).join(
        went, on="CHILD", how="left"
    )
    return children(ctx, population, pl.col("N_MISSING").is_not_null())
