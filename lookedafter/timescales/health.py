"""Health assessments: H1 initial, H2 review.

H1: an initial health assessment by the first review (20 working days after the child becomes
looked after), unless one was done in the 3 months before. H2: each assessment starts a clock
for the next one: 6 months while the child is under 5 on the day of the assessment, 12 months
from the 5th birthday. Neither applies to short breaks (reg 48(3)(b)).
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
    dmy,
    interval_text,
    same_as_previous,
    skip_before,
    with_skipped,
)

RULES = (
    RuleInfo(
        "H1",
        "Initial health assessment before the first review (20 working days)",
        "CPR 2010 reg 7; trixresources.proceduresonline.com health care assessment (secondary)",
        "working days",
        "health",
    ),
    RuleInfo(
        "H2",
        "Review health assessment: 6 months under 5, 12 months from age 5",
        "DfE/DHSC Promoting the health and well-being of looked-after children (2015), via "
        "cityoflondonchildren.proceduresonline.com (secondary)",
        "calendar",
        "health",
    ),
)
ASSESSMENTS = ("IHA", "RHA")
SHORT_BREAK_NA = "not required: short breaks (CPR reg 48(3)(b))"


def _assessments(ctx: Context) -> pl.LazyFrame:
    return (
        ctx.table("Health")
        .filter(
            pl.col("HEALTH_KIND").is_in(ASSESSMENTS)
            & pl.col("HEALTH_DATE").is_not_null()
            & (pl.col("HEALTH_DATE") <= ctx.lit_as_of())
        )
        .select("CHILD", "HEALTH_DATE")
        .sort(by_then("CHILD", "HEALTH_DATE"))  # sorted by child and date, one a day
        .filter(~same_as_previous("CHILD", "HEALTH_DATE"))
    )


def _window_start(ctx: Context, name: str) -> pl.Expr:
    return ctx.cal.add_months_expr(pl.col("START"), -(ctx.policy.value(name) or 0))


def _initial(ctx: Context) -> pl.LazyFrame:
    pol = ctx.policy
    wd = max(pol.value("iha_working_days") or 0, pol.statutory_value("iha_working_days") or 0)
    # the IHA is due from the start of care
    span = ctx.working_span(wd)
    per, skipped = ctx.recent_periods(span, "H1", active=True)
    per = per.with_columns(FROM=_window_start(ctx, "iha_prior_months"))
    occ = per.sort(by_then("CHILD", "FROM")).pipe(
        asof_within,
        _assessments(ctx).select("CHILD", DONE="HEALTH_DATE"),
        "CHILD",
        "FROM",
        "DONE",
        "forward",
    )
    done = pl.when(pl.col("END").is_null() | (pl.col("DONE") <= pl.col("END"))).then("DONE")

    occurrences = occ.select(
        "CHILD",
        RULE=pl.lit("H1"),
        CLOCK_START="START",
        **ctx.working_days_due("iha_working_days"),
        DONE_DATE=done,
        LAPSE_DATE="END",
        LAPSE_WHAT=pl.lit("the child left care"),
        NA_REASON=pl.when("SHORT_BREAK").then(pl.lit(SHORT_BREAK_NA)),
        WHAT=pl.lit("Initial health assessment"),
        BASIS=pl.format(
            "{} working days after becoming looked after on {}",
            pl.lit(pol.value("iha_working_days")),
            dmy(pl.col("START")),
        ),
        NOTE=pl.when(done < pl.col("START")).then(pl.lit("done in the months before care began")),
    )
    return with_skipped(occurrences, skipped)


def _reviews(ctx: Context) -> pl.LazyFrame:
    pol = ctx.policy
    longest = 31 * max(pol.value("rha_months") or 0, pol.statutory_value("rha_months") or 0)
    floor = ctx.clock_floor(longest)
    per = (
        ctx.active(ctx.periods, floor)
        .filter(~pl.col("SHORT_BREAK"))
        # an assessment in the 3 months before care began starts the chain (if the child was
        # in care then too, the earlier period ended within 3 months of it: nothing is lost)
        .with_columns(FROM=_window_start(ctx, "iha_prior_months"))
        .select("CHILD", "PERIOD", "FROM", "END", "DOB")
    )
    events = (
        _assessments(ctx)
        .pipe(
            asof_within,
            per.sort(by_then("CHILD", "FROM")),
            "CHILD",
            "HEALTH_DATE",
            "FROM",
            "backward",
        )
        .filter(
            pl.col("PERIOD").is_not_null()
            & (pl.col("END").is_null() | (pl.col("HEALTH_DATE") <= pl.col("END")))
        )
    )
    nxt = events.select("PERIOD", DONE_DATE="HEALTH_DATE").sort(by_then("PERIOD", "DONE_DATE"))
    # with a window: assessments too old to start a clock due in it (counted, not computed)
    events, skipped = skip_before(events, "HEALTH_DATE", floor, pl.lit("H2"), sorted_by_child=True)
    events = (
        events.with_columns(KEY=pl.col("HEALTH_DATE") + pl.duration(days=1))
        .sort(by_then("PERIOD", "KEY"))
        .pipe(
            asof_within,
            nxt,
            "PERIOD",  # period numbers are unique across children
            "KEY",
            "DONE_DATE",
            "forward",
        )
    )
    under5 = age_expr(pl.col("DOB"), pl.col("HEALTH_DATE")) < 5

    def months(get: str) -> pl.Expr:
        value = pol.statutory_value if get == "stat" else pol.value
        return (
            pl.when(under5)
            .then(pl.lit(value("rha_under5_months"), dtype=pl.Int64))
            .otherwise(pl.lit(value("rha_months"), dtype=pl.Int64))
        )

    def due(get: str) -> pl.Expr:
        value = pol.statutory_value if get == "stat" else pol.value
        day = pl.col("HEALTH_DATE")
        return (
            pl.when(under5)
            .then(ctx.cal.add_months_expr(day, value("rha_under5_months") or 0))
            .otherwise(ctx.cal.add_months_expr(day, value("rha_months") or 0))
        )

    occurrences = events.select(
        "CHILD",
        RULE=pl.lit("H2"),
        CLOCK_START="HEALTH_DATE",
        DUE_DATE=due("local"),
        STATUTORY_DUE_DATE=due("stat"),
        DONE_DATE="DONE_DATE",
        LAPSE_DATE="END",
        LAPSE_WHAT=pl.lit("the child left care"),
        NA_REASON=pl.when(pl.col("DOB").is_null()).then(
            pl.lit("cannot be scheduled: date of birth not recorded")
        ),
        WHAT=pl.lit("Review health assessment"),
        BASIS=pl.format(
            "{} after the assessment on {}{}",
            interval_text(months=months("local")),
            dmy(pl.col("HEALTH_DATE")),
            pl.when(under5).then(pl.lit(", child under 5")).otherwise(pl.lit("")),
        ),
    )
    return with_skipped(occurrences, skipped)


def compute(ctx: Context) -> pl.LazyFrame:
    return pl.concat([_initial(ctx), _reviews(ctx)])


GROUP = RuleGroup(RULES, compute)
