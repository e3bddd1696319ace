"""Statutory visits (CPR 2010 regs 28, 29, 48): V1-V7.

The visit clock runs per placement. Its events are the placement's start (and, for a child living
with a parent, the date a care order is made) and each visit; every event starts an occurrence
whose due date is one interval later and which is done by the next visit in the same placement.
The interval depends on the visiting regime in force at the event:

* STD: any placement; 6 weeks (V2) in the first year, then 6 weeks (V3);
* LTF: long-term fostering (U1/U4), i.e. intended to last until 18; after the first year
  3 months (V3), or the authority's long-term-fostering setting;
* V4: placed with a parent (P1) not under a care order: weekly until the first review, then
  6 weeks (assumed to be a reg 19 placement before assessment is complete);
* V5: connected-person temporary approval (reg 24, until full approval) or placed with a parent
  under an interim care order (C1): weekly until the first review, then 4 weeks;
* V6: placed with a parent under a full care order (C2): first visit 1 week after the order
  (taken as the start of the C2 episode), then 6 weeks;
* SB: short breaks (LS V3/V4): reg 48 replaces reg 28(2); scheduled only if the authority sets
  an interval agreed with IROs and parents.

A new placement (new carer: RNE P or B, or a new period of care) restarts the clock (V1).
"""

from __future__ import annotations

import polars as pl

from lookedafter.timescales.base import (
    CONNECTED_PERSON_PLACE,
    LONG_TERM_FOSTERING,
    SHORT_BREAK_LS,
    Context,
    RuleGroup,
    RuleInfo,
    asof_within,
    by_then,
    dmy,
    interval_text,
    materialise,
    same_as_previous,
    skip_before,
    with_skipped,
)

REG28 = "CPR 2010 reg 28 (legislation.gov.uk/uksi/2010/959/regulation/28/made)"
RULES = (
    RuleInfo(
        "V1",
        "First visit after any placement starts (1 week)",
        f"{REG28} (2)(a)",
        "calendar",
        "visits",
    ),
    RuleInfo(
        "V2",
        "Visits in a placement's first year (6 weeks)",
        f"{REG28} (2)(b)",
        "calendar",
        "visits",
    ),
    RuleInfo(
        "V3",
        "Visits after the first year (3 months if intended until 18, else 6 weeks)",
        f"{REG28} (2)(c)",
        "calendar",
        "visits",
    ),
    RuleInfo(
        "V4",
        "Placed with parent before assessment complete: weekly, then 6 weeks",
        f"{REG28} (3)",
        "calendar",
        "visits",
    ),
    RuleInfo(
        "V5",
        "Connected person (reg 24) or interim care order at home: weekly, then 4 weeks",
        f"{REG28} (4)",
        "calendar",
        "visits",
    ),
    RuleInfo(
        "V6",
        "Care order, child living with parent: 1 week after the order, then 6 weeks",
        f"{REG28} (5)",
        "calendar",
        "visits",
    ),
    RuleInfo(
        "V7",
        "Visit recorded with the child seen alone, or why not",
        "CPR 2010 reg 29 (legislation.gov.uk/uksi/2010/959/regulation/29); recording "
        "timescale local",
        "local",
        "visits",
    ),
)


# What starts a visit clock (the events' KIND): small integers, compared many times a row.
START, ORDER, VISIT = 0, 1, 2


def _segments(ctx: Context, placements: pl.LazyFrame | None = None) -> pl.LazyFrame:
    """Visiting regime per placement from each date it applies (SEG_START, REGIME); only for
    the ``placements`` given (all when omitted)."""
    ep = ctx.episodes
    if placements is not None:
        ep = ep.join(placements.select("PLACEMENT"), on="PLACEMENT", how="semi")
    base_regime = (
        pl.when(pl.col("LS").is_in(SHORT_BREAK_LS))
        .then(pl.lit("SB"))
        .when(pl.col("PLACE") == "P1")
        .then(
            pl.when(pl.col("LS") == "C1")
            .then(pl.lit("V5"))
            .when(pl.col("LS") == "C2")
            .then(pl.lit("V6"))
            .otherwise(pl.lit("V4"))
        )
        .when(pl.col("PLACE").is_in(LONG_TERM_FOSTERING))
        .then(pl.lit("LTF"))
        .otherwise(pl.lit("STD"))
    )
    # connected-person temporary approvals: V5 from the placement's start until full approval
    ta = (
        ctx.table("TemporaryApprovals")
        .filter(pl.col("DECOM").is_not_null())
        .select("CHILD", TA_DECOM="DECOM", FULL="FULL_APPROVAL_DATE")
        .sort(by_then("CHILD", "TA_DECOM"))
        .pipe(
            asof_within,
            ctx.placements.select("CHILD", "PLACEMENT", "P_START", "P_END"),  # sorted
            "CHILD",
            "TA_DECOM",
            "P_START",
            "backward",
        )
        .filter(pl.col("PLACEMENT").is_not_null())
        .with_columns(
            FULL=pl.when(pl.col("FULL") <= ctx.lit_as_of()).then(pl.col("FULL")),
        )
        .unique("PLACEMENT", keep="first")  # placement numbers are unique across children
    )
    seg = (
        ep.select("CHILD", "PLACEMENT", "LS", "PLACE", SEG_START="DECOM")
        .with_columns(REGIME=base_regime)
        .join(ta.select("PLACEMENT", "FULL"), on="PLACEMENT", how="left")
        .with_columns(
            REGIME=pl.when(
                pl.col("REGIME").is_in(["STD", "LTF"])
                & pl.col("PLACE").is_in(CONNECTED_PERSON_PLACE)
                & ta_active(pl.col("SEG_START"))
            )
            .then(pl.lit("V5"))
            .otherwise("REGIME"),
            FROM_EPISODE=pl.lit(1),
        )
    )
    # where full approval came during the placement, the regime changes on that day
    approved = (
        ta.filter(
            pl.col("FULL").is_not_null()
            & (pl.col("FULL") > pl.col("P_START"))
            & (pl.col("P_END").is_null() | (pl.col("FULL") <= pl.col("P_END")))
        )
        .select("CHILD", "PLACEMENT", SEG_START="FULL")
        .sort(by_then("PLACEMENT", "SEG_START"))
        .pipe(
            asof_within,
            # sorted already (by child and date, so by placement and date): a quick check
            ep.select("PLACEMENT", "LS", "PLACE", "DECOM").sort(by_then("PLACEMENT", "DECOM")),
            "PLACEMENT",
            "SEG_START",
            "DECOM",
            "backward",
        )
        .with_columns(
            REGIME=pl.when(pl.col("PLACE").is_in(LONG_TERM_FOSTERING))
            .then(pl.lit("LTF"))
            .otherwise(pl.lit("STD")),
            FROM_EPISODE=pl.lit(2),
        )
        .select("CHILD", "PLACEMENT", "SEG_START", "REGIME", "FROM_EPISODE")
    )
    seg = pl.concat(
        [seg.select("CHILD", "PLACEMENT", "SEG_START", "REGIME", "FROM_EPISODE"), approved]
    )
    return (
        # placement numbers are unique across children: they alone order the segments
        seg.sort("PLACEMENT", "SEG_START", "FROM_EPISODE")
        .filter(~same_as_previous("PLACEMENT", "SEG_START").shift(-1).fill_null(False))
        .with_columns(
            PREV_REGIME=pl.when(same_as_previous("PLACEMENT")).then(pl.col("REGIME").shift(1))
        )
    )


def ta_active(day: pl.Expr) -> pl.Expr:
    """A temporary approval is in force on ``day`` (joined column FULL = full approval date)."""
    return pl.col("FULL").is_null() | (day < pl.col("FULL"))


def _known_visits(ctx: Context) -> pl.LazyFrame:
    """Visits by the reference date at which the child was seen (or not recorded as unseen)."""
    return ctx.table("Visits").filter(
        pl.col("CHILD").is_not_null()  # a child with no care record has no code
        & pl.col("VISIT_DATE").is_not_null()
        & (pl.col("VISIT_DATE") <= ctx.lit_as_of())
        & pl.col("SEEN").fill_null(True)
    )


def _visits(ctx: Context) -> pl.LazyFrame:
    """Visits at which the child was seen (or not recorded as unseen), one per child per day,
    sorted by child and date."""
    return (
        _known_visits(ctx)
        .select("CHILD", "VISIT_DATE")
        .sort(by_then("CHILD", "VISIT_DATE"))
        .filter(~same_as_previous("CHILD", "VISIT_DATE"))
    )


def _longest_interval(ctx: Context) -> int:
    """The longest visiting interval in days (months counted as 31 days) under the policy."""
    pol = ctx.policy
    days = [
        "first_visit_days",
        "visit_interval_days",
        "weekly_visit_days",
        "parent_visit_days",
        "connected_visit_days",
        "care_order_first_visit_days",
        "care_order_visit_days",
        "short_break_visit_days",
    ]
    months = ["long_term_visit_months", "long_term_fostering_visit_months"]
    values = [v for n in days for v in (pol.value(n), pol.statutory_value(n)) if v is not None]
    values += [31 * v for n in months for v in (pol.value(n), pol.statutory_value(n)) if v]
    return max(values)


def _schedule(ctx: Context) -> pl.LazyFrame:
    pol = ctx.policy
    floor = ctx.clock_floor(_longest_interval(ctx))
    # with a window: only the children looked after since its floor (see Context.active)
    # placement and period numbers are unique across children: they alone key the joins
    placements = ctx.active(ctx.placements, floor).join(
        ctx.periods.select("PERIOD", "END"), on="PERIOD", how="left"
    )
    first_review = (
        placements.select("CHILD", "PLACEMENT", "P_START")
        .sort(by_then("CHILD", "P_START"))
        .pipe(
            asof_within,
            ctx.reviews.select("CHILD", FR="REVIEW"),  # sorted by child and date
            "CHILD",
            "P_START",
            "FR",
            "forward",
        )
        .select("PLACEMENT", "FR")
    )
    # each is read several times below: computed once here
    placements = materialise(
        placements.join(first_review, on="PLACEMENT", how="left").with_columns(
            ANNIV=ctx.cal.add_months_expr(pl.col("P_START"), 12)
        )
    )
    segments = materialise(_segments(ctx, None if floor is None else placements))

    visits = (
        ctx.active(_visits(ctx), floor)  # sorted by child and date
        .pipe(
            asof_within,
            placements.select("CHILD", "PLACEMENT", "P_START", "P_END", "ANNIV").sort(
                by_then("CHILD", "P_START")
            ),
            "CHILD",
            "VISIT_DATE",
            "P_START",
            "backward",
        )
        .filter(
            pl.col("PLACEMENT").is_not_null()
            & (pl.col("P_END").is_null() | (pl.col("VISIT_DATE") <= pl.col("P_END")))
        )
        .select("CHILD", "PLACEMENT", "VISIT_DATE", "ANNIV")
    )
    visits = materialise(visits)
    starts = placements.select(
        "CHILD", "PLACEMENT", DATE="P_START", KIND=pl.lit(START, dtype=pl.UInt8), ANNIV="ANNIV"
    )
    orders = (
        segments.join(placements.select("PLACEMENT", "P_START", "ANNIV"), on="PLACEMENT")
        .filter(
            (pl.col("REGIME") == "V6")
            & (pl.col("PREV_REGIME") != "V6").fill_null(True)
            & (pl.col("SEG_START") > pl.col("P_START"))
        )
        .select(
            "CHILD",
            "PLACEMENT",
            DATE="SEG_START",
            KIND=pl.lit(ORDER, dtype=pl.UInt8),
            ANNIV="ANNIV",
        )
    )
    events = pl.concat(
        [
            starts,
            orders,
            visits.select(
                "CHILD",
                "PLACEMENT",
                DATE="VISIT_DATE",
                KIND=pl.lit(VISIT, dtype=pl.UInt8),
                ANNIV="ANNIV",
            ),
        ]
    )
    # PLACEMENT numbers are unique across children, so they alone key the as-of joins
    events = events.sort(by_then("PLACEMENT", "DATE")).pipe(
        asof_within,
        segments.select("PLACEMENT", "SEG_START", "REGIME").sort(by_then("PLACEMENT", "SEG_START")),
        "PLACEMENT",
        "DATE",
        "SEG_START",
        "backward",
    )
    kind, regime = pl.col("KIND"), pl.col("REGIME")
    weekly = pl.col("FR").is_null() | (pl.col("DATE") < pl.col("FR"))
    after_year = pl.col("DATE") >= pl.col("ANNIV")
    is_v6_first = (kind == ORDER) | ((kind == START) & (regime == "V6"))
    rule = (
        pl.when(is_v6_first)
        .then(pl.lit("V6"))
        .when(kind == START)
        .then(pl.lit("V1"))
        .when(regime.is_in(["V4", "V5", "V6"]))
        .then(regime)
        .when(after_year)
        .then(pl.lit("V3"))
        .otherwise(pl.lit("V2"))
    )

    # short-break visits are listed only when the authority schedules them
    scheduled = pol.value("short_break_visit_days") is not None
    keep = (regime != "SB") | (kind == START) | pl.lit(scheduled)
    # with a window: events this old cannot start an occurrence due in it (counted, not computed)
    # (placement numbers run in child order, so events sorted by placement and day are sorted
    # by child and day)
    events, skipped = skip_before(events.filter(keep), "DATE", floor, rule, sorted_by_child=True)
    events = (
        events.join(placements.drop("CHILD", "ANNIV"), on="PLACEMENT", how="left")
        .with_columns(
            KEY=pl.when(pl.col("KIND") == VISIT)
            .then(pl.col("DATE") + pl.duration(days=1))
            .otherwise(pl.col("DATE"))
        )
        .sort(by_then("PLACEMENT", "KEY"))
        .pipe(
            asof_within,
            visits.select("PLACEMENT", DONE_DATE="VISIT_DATE").sort(
                by_then("PLACEMENT", "DONE_DATE")
            ),
            "PLACEMENT",
            "KEY",
            "DONE_DATE",
            "forward",
        )
    )

    def days(get: str) -> pl.Expr:
        def v(name: str) -> pl.Expr:
            value = pol.statutory_value(name) if get == "stat" else pol.value(name)
            return pl.lit(value, dtype=pl.Int64)

        return (
            pl.when(regime == "SB")
            .then(v("short_break_visit_days"))
            .when(is_v6_first)
            .then(v("care_order_first_visit_days"))
            .when(kind == START)
            .then(v("first_visit_days"))
            .when(regime == "V4")
            .then(pl.when(weekly).then(v("weekly_visit_days")).otherwise(v("parent_visit_days")))
            .when(regime == "V5")
            .then(pl.when(weekly).then(v("weekly_visit_days")).otherwise(v("connected_visit_days")))
            .when(regime == "V6")
            .then(v("care_order_visit_days"))
            .when((regime == "LTF") & after_year)
            .then(pl.lit(None, dtype=pl.Int64))
            .otherwise(v("visit_interval_days"))
        )

    def months(get: str) -> pl.Expr:
        value = pol.statutory_value if get == "stat" else pol.value
        ltf = value("long_term_fostering_visit_months") or value("long_term_visit_months")
        return (
            pl.when((regime == "LTF") & after_year & (kind == VISIT))
            .then(pl.lit(ltf, dtype=pl.Int64))
            .otherwise(pl.lit(None, dtype=pl.Int64))
        )

    def due(get: str) -> pl.Expr:
        value = pol.statutory_value if get == "stat" else pol.value
        ltf = value("long_term_fostering_visit_months") or value("long_term_visit_months") or 0
        # a constant month count: offset by a literal (a per-row month expression is slow)
        return (
            pl.when(months(get).is_not_null())
            .then(ctx.cal.add_months_expr(pl.col("DATE"), ltf))
            .otherwise(ctx.cal.add_days_expr(pl.col("DATE"), days(get)))
        )

    gap = interval_text(days=days("local"))
    gap = pl.when(months("local").is_not_null()).then(interval_text(months=months("local")))
    gap = gap.otherwise(interval_text(days=days("local")))
    basis = (
        pl.when(kind == START)
        .then(pl.format("{} after the placement began on {}", gap, dmy(pl.col("DATE"))))
        .when(kind == ORDER)
        .then(
            pl.format("{} after the care order (legal status C2 from {})", gap, dmy(pl.col("DATE")))
        )
        .otherwise(pl.format("{} after the visit on {}", gap, dmy(pl.col("DATE"))))
    )
    na = pl.when((regime == "SB") & days("local").is_null()).then(
        pl.lit(
            "not scheduled: short breaks (reg 48): visits on days the child is placed, at "
            "intervals agreed with the IRO and parents; set short_break_visit_days to schedule"
        )
    )
    what = (
        pl.when(is_v6_first)
        .then(pl.lit("First visit after the care order"))
        .when(kind == START)
        .then(pl.lit("First visit in the placement"))
        .otherwise(pl.lit("Visit"))
    )
    left_care = pl.col("END").is_not_null() & (pl.col("P_END") == pl.col("END"))
    occurrences = events.select(
        "CHILD",
        RULE=rule,
        CLOCK_START="DATE",
        DUE_DATE=due("local"),
        STATUTORY_DUE_DATE=due("stat"),
        DONE_DATE="DONE_DATE",
        LAPSE_DATE="P_END",
        LAPSE_WHAT=pl.when(left_care)
        .then(pl.lit("the child left care"))
        .otherwise(pl.lit("the placement ended")),
        NA_REASON=na,
        WHAT=what,
        BASIS=basis,
    )
    return with_skipped(occurrences, skipped)


def _conduct(ctx: Context) -> pl.LazyFrame:
    """V7: each visit recorded, saying the child was seen alone or why not."""
    pol = ctx.policy
    as_of = ctx.lit_as_of()
    # with a window: a recording window longer than 20 working days is unheard of
    visits = _known_visits(ctx).select(
        "CHILD", "VISIT_DATE", "RECORDED_DATE", "SEEN_ALONE", "NOT_ALONE_REASON"
    )
    v, skipped = skip_before(visits, "VISIT_DATE", ctx.clock_floor(31), pl.lit("V7"))
    rec = pl.when(pl.col("RECORDED_DATE") <= as_of).then(pl.col("RECORDED_DATE"))
    alone = pl.col("SEEN_ALONE").fill_null(False)
    reason_given = pl.col("NOT_ALONE_REASON").is_not_null() & (
        pl.col("NOT_ALONE_REASON").str.strip_chars() != ""
    )
    local_wd = pol.value("recording_working_days") or 0
    stat_wd = pol.statutory_value("recording_working_days")
    note = (
        pl.when(alone)
        .then(pl.lit("child seen alone"))
        .when(reason_given)
        .then(pl.format("not seen alone: {}", pl.col("NOT_ALONE_REASON")))
        .when(rec.is_not_null())
        .then(pl.format("recorded on {} but not seen alone and no reason given", dmy(rec)))
        .otherwise(pl.lit("not seen alone"))
    )
    occurrences = v.select(
        "CHILD",
        RULE=pl.lit("V7"),
        CLOCK_START="VISIT_DATE",
        DUE_DATE=ctx.cal.add_working_days_expr(pl.col("VISIT_DATE"), local_wd),
        STATUTORY_DUE_DATE=(
            ctx.cal.add_working_days_expr(pl.col("VISIT_DATE"), stat_wd)
            if stat_wd is not None
            else pl.lit(None, dtype=pl.Date)
        ),
        DONE_DATE=pl.when(alone | reason_given).then(rec),
        WHAT=pl.format("Record of the visit on {}", dmy(pl.col("VISIT_DATE"))),
        BASIS=pl.format("{} working days after the visit", pl.lit(local_wd)),
        NOTE=note,
    )
    return with_skipped(occurrences, skipped)


def compute(ctx: Context) -> pl.LazyFrame:
    return pl.concat([_schedule(ctx), _conduct(ctx)])


GROUP = RuleGroup(RULES, compute)
