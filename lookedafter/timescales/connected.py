"""Connected-person temporary approvals: C1 (16 weeks, reg 24) and C2 (one extension, reg 25).

C1: from the temporary approval (or the placement's start when no approval date is recorded),
the carer must be fully approved, the approval extended, or the placement ended within 16 weeks.
C2: an extension runs from the end of the 16 weeks for at most 8 further weeks (or to the agreed
end, if earlier); by then the carer must be approved or the placement ended.
"""

from __future__ import annotations

import polars as pl

from lookedafter.timescales.base import Context, RuleGroup, RuleInfo, conform, dmy

RULES = (
    RuleInfo(
        "C1",
        "Connected-person temporary approval resolved within 16 weeks",
        "CPR 2010 reg 24; hillingdoncs.trixonline.co.uk (secondary)",
        "calendar",
        "connected",
    ),
    RuleInfo(
        "C2",
        "Extension of temporary approval: at most 8 further weeks, once",
        "CPR 2010 reg 25 (legislation.gov.uk/uksi/2010/959/regulation/25/made)",
        "calendar",
        "connected",
    ),
)


def compute(ctx: Context) -> pl.LazyFrame:
    pol = ctx.policy
    as_of = ctx.lit_as_of()

    def known(c: str) -> pl.Expr:
        return pl.when(pl.col(c) <= as_of).then(pl.col(c))

    ta = (
        ctx.table("TemporaryApprovals")
        .filter(pl.col("DECOM").is_not_null() & (pl.col("DECOM") <= as_of))
        .sort("DECOM")
        .join_asof(
            ctx.placements.select("CHILD", P_START="P_START", P_END="P_END"),
            left_on="DECOM",
            right_on="P_START",
            by="CHILD",
            strategy="backward",
            check_sortedness=False,
        )
        .with_columns(
            CLOCK=pl.coalesce("APPROVAL_DATE", "DECOM"),
            FULL=known("FULL_APPROVAL_DATE"),
            EXT=known("EXTENSION_DATE"),
            ENDED=pl.min_horizontal(known("ENDED_DATE"), pl.col("P_END")),
        )
    )

    def weeks(name: str, get: str) -> int:
        value = pol.statutory_value(name) if get == "stat" else pol.value(name)
        return value or 0

    resolved = pl.min_horizontal("FULL", "ENDED")

    def c1_due(get: str) -> pl.Expr:
        return ctx.cal.add_days_expr(pl.col("CLOCK"), 7 * weeks("temporary_approval_weeks", get))

    c1_done = pl.min_horizontal(resolved, "EXT")
    how = (
        pl.when(c1_done.is_null())
        .then(pl.lit(None, dtype=pl.String))
        .when(c1_done == pl.col("FULL"))
        .then(pl.lit("approved as a foster carer"))
        .when(c1_done == pl.col("ENDED"))
        .then(pl.lit("placement ended"))
        .otherwise(pl.lit("extended under reg 25"))
    )
    c1 = ta.select(
        "CHILD",
        RULE=pl.lit("C1"),
        CLOCK_START="CLOCK",
        DUE_DATE=c1_due("local"),
        STATUTORY_DUE_DATE=c1_due("stat"),
        DONE_DATE=c1_done,
        WHAT=pl.lit("Temporary approval: full approval, extension or end of placement"),
        BASIS=pl.format(
            "{} weeks after temporary approval on {}",
            pl.lit(weeks("temporary_approval_weeks", "local")),
            dmy(pl.col("CLOCK")),
        ),
        NOTE=how,
    )

    c2_start = c1_due("stat")

    def c2_due(get: str) -> pl.Expr:
        limit = ctx.cal.add_days_expr(c2_start, 7 * weeks("extension_weeks", get))
        if get == "stat":
            return limit
        return pl.min_horizontal(limit, pl.coalesce("EXTENDED_TO", limit))

    c2 = ta.filter(pl.col("EXT").is_not_null()).select(
        "CHILD",
        RULE=pl.lit("C2"),
        CLOCK_START=c2_start,
        DUE_DATE=c2_due("local"),
        STATUTORY_DUE_DATE=c2_due("stat"),
        DONE_DATE=resolved,
        WHAT=pl.lit("Extended temporary approval: full approval or end of placement"),
        BASIS=pl.format(
            "extension agreed on {}, at most {} weeks after the 16 weeks ended on {}",
            dmy(pl.col("EXT")),
            pl.lit(weeks("extension_weeks", "stat")),
            dmy(c2_start),
        ),
        NOTE=pl.when(resolved == pl.col("FULL"))
        .then(pl.lit("approved as a foster carer"))
        .when(resolved.is_not_null())
        .then(pl.lit("placement ended")),
    )
    return pl.concat([conform(c1), conform(c2)])


GROUP = RuleGroup(RULES, compute)
