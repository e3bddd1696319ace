"""Care planning and permanence: CP1 care plan, CP3 permanence plan, L1 long-term matching.

CP1: a care plan before the first placement of a period of care or within 10 working days of it
(a plan recorded after the previous period ended and before this one began counts as before).
Children first placed before 1 April 2011 are outside it ("as soon as reasonably practicable").
CP3: a plan for permanence recorded by the second review, i.e. 20 working days + 3 months after
becoming looked after (the reg 33 timetable in force, local or statutory).
L1: a placement that becomes long-term fostering (U1/U4) needs the arrangement confirmed (a
LongTermMatches row for that episode) by the day it is recorded as long-term, or within the
authority's local allowance.
"""

from __future__ import annotations

from datetime import date

import polars as pl

from lookedafter.timescales.base import (
    LONG_TERM_FOSTERING,
    Context,
    RuleGroup,
    RuleInfo,
    asof_within,
    by_then,
    conform,
    dmy,
    same_as_previous,
)

RULES = (
    RuleInfo(
        "CP1",
        "Care plan before the first placement, or within 10 working days",
        "CPR 2010 reg 4(2),(6) (legislation.gov.uk/uksi/2010/959/part/2/made)",
        "working days",
        "planning",
    ),
    RuleInfo(
        "CP3",
        "Plan for permanence by the second review",
        "DfE Children Act 1989 guidance vol 2 (2015), via proceduresonline.com permanence "
        "plan glossary (secondary)",
        "derived",
        "planning",
    ),
    RuleInfo(
        "L1",
        "Long-term foster placement confirmed (matched) when designated long-term",
        "CPR 2010 reg 22B (SI 2015/495)",
        "calendar",
        "planning",
    ),
)
CARE_PLANNING_START = date(2011, 4, 1)
LONG_TERM_FOSTERING_START = date(2015, 4, 1)  # SI 2015/495 in force


def _first_after_previous_period(ctx: Context, events: pl.LazyFrame, date_col: str) -> pl.LazyFrame:
    """Each period with DONE = the first event dated after the previous period ended (every
    period, even with a window: one occurrence per period is cheap, and each rule is a chain
    of its own whose latest, for a child long in care, is the current period's)."""
    per = ctx.periods.with_columns(
        FROM=pl.coalesce(pl.col("PREV_END") + pl.duration(days=1), pl.lit(date(1900, 1, 1)))
    )
    ev = events.select("CHILD", DONE=date_col).filter(pl.col("DONE").is_not_null())
    ev = (
        ev.filter(pl.col("DONE") <= ctx.lit_as_of())
        .sort(by_then("CHILD", "DONE"))
        .filter(~same_as_previous("CHILD", "DONE"))  # one a day, sorted: no hashing
    )
    return (
        per.sort(by_then("CHILD", "FROM"))
        .pipe(
            asof_within,
            ev,
            "CHILD",
            "FROM",
            "DONE",
            "forward",
        )
        .with_columns(
            DONE=pl.when(pl.col("END").is_null() | (pl.col("DONE") <= pl.col("END"))).then("DONE")
        )
    )


def _care_plan(ctx: Context) -> pl.LazyFrame:
    pol = ctx.policy
    occ = _first_after_previous_period(ctx, ctx.table("CarePlans"), "PLAN_START")

    return occ.select(
        "CHILD",
        RULE=pl.lit("CP1"),
        CLOCK_START="START",
        **ctx.working_days_due("care_plan_working_days"),
        DONE_DATE="DONE",
        LAPSE_DATE="END",
        LAPSE_WHAT=pl.lit("the child left care"),
        NA_REASON=pl.when(pl.col("START") < CARE_PLANNING_START).then(
            pl.lit(
                "not timed: first placed before 1 April 2011 (as soon as reasonably practicable)"
            )
        ),
        WHAT=pl.lit("Care plan"),
        BASIS=pl.format(
            "{} working days after the first placement on {}",
            pl.lit(pol.value("care_plan_working_days")),
            dmy(pl.col("START")),
        ),
        NOTE=pl.when(pl.col("DONE") < pl.col("START")).then(pl.lit("prepared before placement")),
    )


def _permanence(ctx: Context) -> pl.LazyFrame:
    pol = ctx.policy
    plans = ctx.table("CarePlans").filter(pl.col("PERMANENCE_PLAN").is_not_null())
    occ = _first_after_previous_period(ctx, plans, "PERMANENCE_DATE")

    def due(get: str) -> pl.Expr:
        value = pol.statutory_value if get == "stat" else pol.value
        first = ctx.cal.add_working_days_expr(
            pl.col("START"), value("first_review_working_days") or 0
        )
        return ctx.cal.add_months_expr(first, value("second_review_months") or 0)

    return occ.select(
        "CHILD",
        RULE=pl.lit("CP3"),
        CLOCK_START="START",
        DUE_DATE=due("local"),
        STATUTORY_DUE_DATE=due("stat"),
        DONE_DATE="DONE",
        LAPSE_DATE="END",
        LAPSE_WHAT=pl.lit("the child left care"),
        NA_REASON=pl.when("SHORT_BREAK").then(
            pl.lit("not required: short breaks (the child lives at home)")
        ),
        WHAT=pl.lit("Plan for permanence"),
        BASIS=pl.format(
            "by the second review: {} working days and {} months after becoming looked after on {}",
            pl.lit(pol.value("first_review_working_days")),
            pl.lit(pol.value("second_review_months")),
            dmy(pl.col("START")),
        ),
    )


def _long_term(ctx: Context) -> pl.LazyFrame:
    pol = ctx.policy
    ep = ctx.episodes.with_columns(
        LT=pl.col("PLACE").is_in(LONG_TERM_FOSTERING),
        PREV_LT=pl.when(same_as_previous("CHILD", "PLACEMENT")).then(
            pl.col("PLACE").is_in(LONG_TERM_FOSTERING).shift(1)
        ),
    )
    starts = ep.filter(pl.col("LT") & ~pl.col("PREV_LT").fill_null(False))
    local_days = pol.value("long_term_match_days") or 0
    stat_days = pol.statutory_value("long_term_match_days") or 0
    placements = ctx.placements.select("PLACEMENT", "P_END")
    matches = (
        ctx.table("LongTermMatches")
        .filter(pl.col("MATCH_DATE") <= ctx.lit_as_of())
        .select("CHILD", "DECOM", "MATCH_DATE")
        .unique(["CHILD", "DECOM"], keep="first")
    )
    occ = starts.join(placements, on="PLACEMENT", how="left").join(  # one child a placement
        matches, on=["CHILD", "DECOM"], how="left"
    )
    return occ.select(
        "CHILD",
        RULE=pl.lit("L1"),
        CLOCK_START="DECOM",
        DUE_DATE=ctx.cal.add_days_expr(pl.col("DECOM"), local_days),
        STATUTORY_DUE_DATE=ctx.cal.add_days_expr(pl.col("DECOM"), stat_days),
        DONE_DATE="MATCH_DATE",
        LAPSE_DATE="P_END",
        LAPSE_WHAT=pl.lit("the placement ended"),
        NA_REASON=pl.when(pl.col("DECOM") < LONG_TERM_FOSTERING_START).then(
            pl.lit("not timed: recorded as long-term before reg 22B came into force (1 April 2015)")
        ),
        WHAT=pl.format("Long-term fostering ({}) confirmed", pl.col("PLACE")),
        BASIS=pl.format(
            "{} days after the placement was recorded as long-term on {}",
            pl.lit(local_days),
            dmy(pl.col("DECOM")),
        ),
    )


def compute(ctx: Context) -> pl.LazyFrame:
    return pl.concat(
        [conform(_care_plan(ctx)), conform(_permanence(ctx)), conform(_long_term(ctx))]
    )


GROUP = RuleGroup(RULES, compute)
