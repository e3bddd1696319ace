"""Return home interviews after missing episodes: M1 (72 clock hours).

Every return from a missing or away-without-authorisation episode that has ended by the reference
date needs an interview offered and, if accepted, held within 72 hours of the return. The clock
runs from ``RETURNED_AT`` when recorded; otherwise from the end date of the episode, and then
the whole third day after it counts. An interview offered in time and declined is done.
"""

from __future__ import annotations

import polars as pl

from lookedafter.timescales.base import (
    Context,
    RuleGroup,
    RuleInfo,
    asof_within,
    by_then,
    conform,
    dmy,
)

RULES = (
    RuleInfo(
        "M1",
        "Return home interview offered and held within 72 hours of return",
        "DfE Statutory guidance on children who run away or go missing from home or care "
        "(2014), Independent return interviews",
        "clock hours",
        "missing",
    ),
)


def compute(ctx: Context) -> pl.LazyFrame:
    pol = ctx.policy
    as_of = ctx.lit_as_of()
    end_of_as_of = as_of.cast(pl.Datetime("us")) + pl.duration(days=1)
    miss = ctx.table("Missing").filter(
        pl.col("MIS_START").is_not_null()
        & pl.col("MIS_END").is_not_null()
        & (pl.col("MIS_END") <= as_of)
    )
    # child and date packed into one key (null if either is: such rows never match anyway)
    key = by_then("CHILD", "MIS_START").alias("_K")
    rhi = (
        ctx.table("ReturnInterviews")
        .with_columns(key)
        .unique("_K", keep="first")
        .drop("CHILD", "MIS_START")
    )
    occ = miss.with_columns(key).join(rhi, on="_K", how="left").drop("_K")
    # the period of care the episode fell in: once it has ended the interview cannot be held
    occ = occ.sort(by_then("CHILD", "MIS_START")).pipe(
        asof_within,
        ctx.periods.select("CHILD", "START", "END"),
        "CHILD",
        "MIS_START",
        "START",
        "backward",
    )

    def known(c: str) -> pl.Expr:
        return pl.when(pl.col(c) < end_of_as_of).then(pl.col(c))

    returned = pl.col("RETURNED_AT")
    local_h = pol.value("return_interview_hours") or 0
    stat_h = pol.statutory_value("return_interview_hours") or 0

    def due_at(hours: int) -> pl.Expr:
        return pl.when(returned.is_not_null()).then(ctx.cal.add_hours_expr(returned, hours))

    def due_date(hours: int) -> pl.Expr:
        return pl.coalesce(
            due_at(hours).dt.date(),
            ctx.cal.add_days_expr(pl.col("MIS_END"), (hours + 23) // 24),
        )

    declined = pl.col("ACCEPTED").eq(False) & known("OFFERED_AT").is_not_null()
    done_at = pl.coalesce(known("DONE_AT"), pl.when(declined).then(known("OFFERED_AT")))
    note = (
        pl.when(known("DONE_AT").is_not_null())
        .then(pl.lit(None, dtype=pl.String))
        .when(declined)
        .then(pl.lit("offered and declined"))
        .when(known("OFFERED_AT").is_not_null())
        .then(pl.format("offered at {}", known("OFFERED_AT").dt.strftime("%H:%M on %d/%m/%Y")))
    )
    kind = (
        pl.when(pl.col("MISSING") == "A")
        .then(pl.lit("away without authorisation"))
        .otherwise(pl.lit("missing"))
    )
    return conform(
        occ.select(
            "CHILD",
            RULE=pl.lit("M1"),
            CLOCK_START=pl.coalesce(returned.dt.date(), pl.col("MIS_END")),
            DUE_DATE=due_date(local_h),
            STATUTORY_DUE_DATE=due_date(stat_h),
            DUE_AT=due_at(local_h),
            DONE_AT=done_at,
            DONE_DATE=done_at.dt.date(),
            LAPSE_DATE="END",
            LAPSE_WHAT=pl.lit("the child left care"),
            WHAT=pl.lit("Return home interview"),
            BASIS=pl.format(
                "{} hours after returning from being {} ({} to {}){}",
                pl.lit(local_h),
                kind,
                dmy(pl.col("MIS_START")),
                dmy(pl.col("MIS_END")),
                pl.when(returned.is_null())
                .then(pl.lit("; time of return not recorded"))
                .otherwise(pl.lit("")),
            ),
            NOTE=note,
        )
    )


GROUP = RuleGroup(RULES, compute)
