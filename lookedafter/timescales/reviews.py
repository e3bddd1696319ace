"""Statutory reviews (CPR 2010 reg 33): R1-R4.

Each period of care has a chain: care starts, then each review. The first review is due 20
working days after the child becomes looked after (R1), the second 3 months after the first
(R2), each later one 6 months after the one before (R3); a late review moves the next due date
with it. A chain occurrence is done by the next review in the same period; one still open when
the child leaves care before its due date is not applicable.

R4 (early review): of reg 33(3)'s triggers only one is in the data: a child accommodated under
section 20 (LS V2) who stops being looked after before 18 other than to go home. A review is then
due before accommodation ends; it counts when held within the authority's window before that date.
"""

from __future__ import annotations

import polars as pl

from lookedafter.lib.calendar import age_expr
from lookedafter.timescales.base import (
    Context,
    RuleGroup,
    RuleInfo,
    asof_within,
    by_then,
    conform,
    dmy,
    interval_text,
    position_in_run,
    skip_before,
    with_skipped,
)

REG33 = "CPR 2010 reg 33 (legislation.gov.uk/uksi/2010/959/part/6/made)"
RULES = (
    RuleInfo(
        "R1",
        "First review within 20 working days of becoming looked after",
        f"{REG33} (1)",
        "working days",
        "reviews",
    ),
    RuleInfo(
        "R2", "Second review within 3 months of the first", f"{REG33} (2)", "calendar", "reviews"
    ),
    RuleInfo(
        "R3", "Later reviews within 6 months of the previous", f"{REG33} (2)", "calendar", "reviews"
    ),
    RuleInfo(
        "R4",
        "Early review before s20 accommodation ends when the child is not going home",
        f"{REG33} (3)",
        "calendar",
        "reviews",
    ),
)

# reasons a period ends that are a return home (or where reg 33(3) cannot apply)
NOT_R4 = ("E4A", "E4B", "E2", "E3", "E15")


def _chain(ctx: Context) -> pl.LazyFrame:
    pol = ctx.policy
    longest = 31 * max(
        pol.value("later_review_months") or 0, pol.value("second_review_months") or 0
    )
    floor = ctx.clock_floor(max(longest, 31 * (pol.statutory_value("later_review_months") or 0)))
    # with a window: only the children looked after since its floor (see Context.active)
    per = ctx.active(ctx.periods, floor)
    starts = per.select("CHILD", "PERIOD", DATE="START", K=pl.lit(-1, dtype=pl.Int64))
    revs = (
        ctx.active(ctx.reviews, floor)  # sorted by child and date
        .with_columns(K=position_in_run("CHILD", "PERIOD").cast(pl.Int64))
        .select("CHILD", "PERIOD", DATE="REVIEW", K="K")
    )
    events = pl.concat([starts, revs])
    # with a window: clocks too old to fall due in it are counted, not computed
    kind = pl.col("K")
    rule = pl.when(kind < 0).then(pl.lit("R1")).when(kind == 0).then(pl.lit("R2"))
    events, skipped = skip_before(events, "DATE", floor, rule.otherwise(pl.lit("R3")))
    events = (
        # period numbers are unique across children: they alone key the join
        events.join(per.select("PERIOD", "END", "SHORT_BREAK"), on="PERIOD")
        .with_columns(
            KEY=pl.when(pl.col("K") >= 0)
            .then(pl.col("DATE") + pl.duration(days=1))
            .otherwise(pl.col("DATE"))
        )
        .sort(by_then("PERIOD", "KEY"))
        .pipe(
            asof_within,
            # sorted by child and date, so by period (numbered in child order) and date
            ctx.reviews.select("PERIOD", DONE_DATE="REVIEW"),
            "PERIOD",  # period numbers are unique across children
            "KEY",
            "DONE_DATE",
            "forward",
        )
    )
    k, date = pl.col("K"), pl.col("DATE")
    sb_months = {
        g: (pol.statutory_value if g == "stat" else pol.value)("short_break_first_review_months")
        for g in ("stat", "local")
    }

    def due(get: str) -> pl.Expr:
        value = pol.statutory_value if get == "stat" else pol.value
        wd = value("first_review_working_days") or 0
        first = ctx.cal.add_working_days_expr(date, wd)
        sb = sb_months[get]
        if sb is not None:
            first = (
                pl.when(pl.col("SHORT_BREAK"))
                .then(ctx.cal.add_months_expr(date, sb))
                .otherwise(first)
            )
        return (
            pl.when(k < 0)
            .then(first)
            .when(k == 0)
            .then(ctx.cal.add_months_expr(date, value("second_review_months") or 0))
            .otherwise(ctx.cal.add_months_expr(date, value("later_review_months") or 0))
        )

    local_sb = sb_months["local"]
    first_basis = pl.format(
        "{} working days after becoming looked after on {}",
        pl.lit(pol.value("first_review_working_days")),
        dmy(date),
    )
    if local_sb is not None:
        first_basis = (
            pl.when(pl.col("SHORT_BREAK"))
            .then(
                pl.format(
                    "{} after the first short break on {}",
                    interval_text(months=pl.lit(local_sb)),
                    dmy(date),
                )
            )
            .otherwise(first_basis)
        )
    basis = (
        pl.when(k < 0)
        .then(first_basis)
        .when(k == 0)
        .then(
            pl.format(
                "{} after the first review on {}",
                interval_text(months=pl.lit(pol.value("second_review_months"))),
                dmy(date),
            )
        )
        .otherwise(
            pl.format(
                "{} after the review on {}",
                interval_text(months=pl.lit(pol.value("later_review_months"))),
                dmy(date),
            )
        )
    )
    occurrences = events.select(
        "CHILD",
        RULE=pl.when(k < 0)
        .then(pl.lit("R1"))
        .when(k == 0)
        .then(pl.lit("R2"))
        .otherwise(pl.lit("R3")),
        CLOCK_START="DATE",
        DUE_DATE=due("local"),
        STATUTORY_DUE_DATE=due("stat"),
        DONE_DATE="DONE_DATE",
        LAPSE_DATE="END",
        LAPSE_WHAT=pl.lit("the child left care"),
        WHAT=pl.when(k < 0)
        .then(pl.lit("First review"))
        .when(k == 0)
        .then(pl.lit("Second review"))
        .otherwise(pl.lit("Review")),
        BASIS=basis,
    )
    return with_skipped(occurrences, skipped)


def _early(ctx: Context) -> pl.LazyFrame:
    pol = ctx.policy
    window = pol.value("early_review_window_days")
    ended = ctx.periods.filter(
        pl.col("END").is_not_null()
        & (pl.col("LS_LAST") == "V2")
        & ~pl.col("SHORT_BREAK")
        & ~pl.col("REC_LAST").fill_null("").is_in(NOT_R4)
        # at 18 accommodation ends by law: that is leaving care, not a proposal to stop
        & (pl.col("DOB").is_null() | (age_expr(pl.col("DOB"), pl.col("END")) < 18))
    )
    last_review = ctx.reviews.group_by("PERIOD").agg(LAST=pl.col("REVIEW").max())
    occ = ended.join(last_review, on="PERIOD", how="left")  # period numbers: one child each
    in_window = (
        pl.col("LAST").is_not_null()
        & (pl.col("LAST") <= pl.col("END"))
        & (
            pl.lit(True)
            if window is None
            else pl.col("LAST") >= pl.col("END") - pl.duration(days=window)
        )
    )
    basis = pl.format(
        "before section 20 accommodation ended on {} ({})",
        dmy(pl.col("END")),
        pl.col("REC_LAST").fill_null("reason not recorded"),
    )
    if window is not None:
        basis = pl.format("{}; a review in the {} days before counts", basis, pl.lit(window))
    return occ.select(
        "CHILD",
        RULE=pl.lit("R4"),
        CLOCK_START=pl.col("END") - pl.duration(days=window or 0),
        DUE_DATE="END",
        STATUTORY_DUE_DATE="END",
        DONE_DATE=pl.when(in_window).then(pl.col("LAST")),
        LAPSE_DATE="END",
        LAPSE_WHAT=pl.lit("the child left care"),
        WHAT=pl.lit("Review before leaving care (not going home)"),
        BASIS=basis,
        NOTE=pl.when(~in_window & pl.col("LAST").is_not_null()).then(
            pl.format("last review was on {}", dmy(pl.col("LAST")))
        ),
    )


def compute(ctx: Context) -> pl.LazyFrame:
    return pl.concat([_chain(ctx), conform(_early(ctx))])


GROUP = RuleGroup(RULES, compute)
