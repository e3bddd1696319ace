"""Personal education plans: E1 initial, E2 each school term.

E1: a PEP completed and available for the first review (20 working days after the child becomes
looked after; working days, not school days). E2: a PEP review in every school term (the
authority's term dates, from its calendar) that begins while the child is looked after, due by the
end of that term. Both apply to children of the authority's PEP age range (compulsory school age
by default) and not to short breaks, whose care plan (reg 48) replaces the reg 5 plan.
"""

from __future__ import annotations

from datetime import timedelta

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
    same_as_previous,
    skip_before,
    with_skipped,
)

SOURCE = (
    "DfE Promoting the education of looked-after and previously looked-after children (2018), "
    "via knowsleychildcare.proceduresonline.com (secondary)"
)
TERM_DAYS = 200  # no school term lasts longer
RULES = (
    RuleInfo(
        "E1",
        "PEP completed for the first review (20 working days)",
        SOURCE,
        "working days",
        "education",
    ),
    RuleInfo("E2", "PEP reviewed every school term", SOURCE, "school terms", "education"),
)


def _peps(ctx: Context) -> pl.LazyFrame:
    return (
        ctx.table("PEPs")
        .filter(pl.col("PEP_DATE").is_not_null() & (pl.col("PEP_DATE") <= ctx.lit_as_of()))
        .select("CHILD", "PEP_DATE")
        .sort(by_then("CHILD", "PEP_DATE"))
        .filter(~same_as_previous("CHILD", "PEP_DATE"))  # one a day, sorted: no hashing
    )


def _outside_ages(ctx: Context, age: pl.Expr) -> pl.Expr:
    """The child's ``age`` is outside the ages a PEP is kept at (local settings)."""
    lo, hi = ctx.policy.value("pep_min_age"), ctx.policy.value("pep_max_age")
    return (age < (lo or 0)) | (age >= (hi or 200))


def _age_na(ctx: Context, on: pl.Expr) -> pl.Expr:
    lo, hi = ctx.policy.value("pep_min_age"), ctx.policy.value("pep_max_age")
    age = age_expr(pl.col("DOB"), on)
    return (
        pl.when(pl.col("SHORT_BREAK"))
        .then(pl.lit("not required: short breaks (reg 48 short-break care plan)"))
        .when(pl.col("DOB").is_null())
        .then(pl.lit("cannot be scheduled: date of birth not recorded"))
        .when(_outside_ages(ctx, age))
        .then(
            pl.format(
                "not required: aged {} on {}, outside ages {} to {}",
                age,
                dmy(on),
                pl.lit(lo),
                pl.lit((hi or 200) - 1),
            )
        )
    )


def _age_applies(ctx: Context, on: pl.Expr) -> pl.Expr:
    """True where :func:`_age_na` is null, without writing the words it would give."""
    outside = _outside_ages(ctx, age_expr(pl.col("DOB"), on)).fill_null(False)
    return ~(pl.col("SHORT_BREAK").fill_null(False) | pl.col("DOB").is_null() | outside)


def _initial(ctx: Context) -> pl.LazyFrame:
    pol = ctx.policy
    # every period, even with a window: the initial PEP is a chain of its own, and a child long
    # in care must keep the one of the current period
    occ = ctx.periods.sort(by_then("CHILD", "START")).pipe(
        asof_within,
        _peps(ctx).select("CHILD", DONE="PEP_DATE"),
        "CHILD",
        "START",
        "DONE",
        "forward",
    )

    return occ.select(
        "CHILD",
        RULE=pl.lit("E1"),
        CLOCK_START="START",
        **ctx.working_days_due("pep_working_days"),
        DONE_DATE=pl.when(pl.col("END").is_null() | (pl.col("DONE") <= pl.col("END"))).then("DONE"),
        LAPSE_DATE="END",
        LAPSE_WHAT=pl.lit("the child left care"),
        NA_REASON=_age_na(ctx, pl.col("START")),
        WHAT=pl.lit("Initial PEP"),
        BASIS=pl.format(
            "{} working days after becoming looked after on {}",
            pl.lit(pol.value("pep_working_days")),
            dmy(pl.col("START")),
        ),
    )


def _terms(ctx: Context) -> pl.LazyFrame:
    as_of = ctx.lit_as_of()
    table = ctx.cal.terms_frame()
    floor = ctx.clock_floor(0)
    # with a window: only children looked after since a term before its floor began
    active = None if floor is None else floor - timedelta(days=TERM_DAYS)
    per = ctx.active(ctx.periods, active).with_columns(
        LIMIT=pl.min_horizontal(pl.coalesce("END", as_of), as_of)
    )
    # each period's terms (TERM_START after START, by LIMIT) are a run of the sorted terms:
    # found by two binary searches and spread out, not by a range join of periods and terms
    starts = table.get_column("TERM_START")
    first = pl.lit(starts).search_sorted(pl.col("START"), side="right")
    end = pl.lit(starts).search_sorted(pl.col("LIMIT"), side="right")
    occ = (
        per.select("CHILD", "START", "END", "DOB", "SHORT_BREAK", "LIMIT")
        .filter(pl.col("START").is_not_null() & pl.col("LIMIT").is_not_null())
        .with_columns(_FIRST=first, _END=end)
        .filter(pl.col("_END") > pl.col("_FIRST"))
        .with_columns(_TERM=pl.int_ranges("_FIRST", "_END", dtype=pl.UInt32))
        .explode("_TERM")
        .with_columns(
            TERM_START=pl.lit(starts).gather("_TERM"),
            TERM_END=pl.lit(table.get_column("TERM_END")).gather("_TERM"),
        )
        .drop("_FIRST", "_END", "_TERM")
    )
    # terms outside the age range or in short breaks are left out: the E1 row says why
    occ = occ.filter(_age_applies(ctx, pl.col("TERM_START")))
    # with a window: terms that ended before it are counted, not computed (terms do not
    # overlap, so every term counted began before every term computed)
    occ, skipped = skip_before(occ, "TERM_END", floor, pl.lit("E2"))
    occ = occ.sort(by_then("CHILD", "TERM_START")).pipe(
        asof_within,
        _peps(ctx).select("CHILD", DONE="PEP_DATE"),
        "CHILD",
        "TERM_START",
        "DONE",
        "forward",
    )
    occurrences = occ.select(
        "CHILD",
        RULE=pl.lit("E2"),
        CLOCK_START="TERM_START",
        DUE_DATE="TERM_END",
        STATUTORY_DUE_DATE="TERM_END",
        DONE_DATE=pl.when(pl.col("END").is_null() | (pl.col("DONE") <= pl.col("END"))).then("DONE"),
        LAPSE_DATE="END",
        LAPSE_WHAT=pl.lit("the child left care"),
        WHAT=pl.lit("PEP review this term"),
        BASIS=pl.format(
            "end of the term {} to {}", dmy(pl.col("TERM_START")), dmy(pl.col("TERM_END"))
        ),
    )
    return with_skipped(occurrences, skipped)


def compute(ctx: Context) -> pl.LazyFrame:
    return pl.concat([conform(_initial(ctx)), _terms(ctx)])


GROUP = RuleGroup(RULES, compute)
