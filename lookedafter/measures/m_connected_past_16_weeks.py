"""Connected-person temporary approvals that ran past 16 weeks (rule C1)."""

from __future__ import annotations

import polars as pl

from lookedafter.measures.common import flag, on_time
from lookedafter.measures.context import Context
from lookedafter.measures.registry import measure


@measure(
    "connected_past_16_weeks",
    title="Connected-person approvals past 16 weeks",
    definition="""Connected-person temporary approvals (CPR 2010 reg 24, rule C1) whose 16 weeks
    ran out in the 12 months to the reference date, and of those the ones where the carer was
    still only temporarily approved after 16 weeks: the approval was extended under reg 25, or
    nothing was decided in time (neither full approval nor the placement ending), as judged by
    the timescale engine.""",
    numerator="Temporary approvals extended or unresolved after 16 weeks",
    denominator="Temporary approvals whose 16 weeks ran out in the 12 months",
    area="Connected persons",
    subject="approval",
    better="lower",
    needs=("timescales", "TemporaryApprovals", "Episodes"),
)
def frame(ctx: Context) -> pl.LazyFrame:
    # An extension (C2) starts where the statutory 16 weeks end: that links it to its C1.
    extended = ctx.due_by(("C2",)).select(
        "CHILD", pl.col("CLOCK_START").alias("_END16"), pl.lit(True).alias("EXTENDED")
    )
    c1 = on_time(ctx, ("C1",)).join(
        ctx.due_by(("C1",)).select(
            "CHILD", "CLOCK_START", pl.col("STATUTORY_DUE_DATE").alias("_END16")
        ),
        on=["CHILD", "CLOCK_START"],
        how="left",
    )
    return (
        c1.join(extended, on=["CHILD", "_END16"], how="left")
        .with_columns(
            pl.col("EXTENDED").fill_null(False),
            flag((pl.col("STATUS") != "on_time") | pl.col("EXTENDED").fill_null(False)).alias(
                "NUM"
            ),
        )
        .drop("_END16")
    )
