"""IRO challenges (I1) and out-of-hours transfers (D1): local timescales around national norms.

I1: each challenge an IRO raises needs a response at its current escalation stage (the recorded
``RESPONSE_DUE``, else the authority's per-stage working days) and the dispute resolution process
as a whole should take no more than 20 working days (IRO Handbook). DUE_DATE is the stage
response; STATUTORY_DUE_DATE the 20 working days; DONE is the response (or the resolution).

D1: out-of-hours (EDT) work passed to the day team by 09:00 on the next working day (local
standard; there is no national timescale, so STATUTORY_DUE_DATE is empty).
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
        "I1",
        "IRO challenge answered at each stage; resolved within 20 working days",
        "IRO Handbook (2010) s6.2, via southwark.proceduresonline.com (secondary); CPR 2010 reg 45",
        "working days",
        "disputes",
    ),
    RuleInfo(
        "D1",
        "Out-of-hours work passed to the day team by 09:00 next working day",
        "local standard, e.g. islingtonchildcare.proceduresonline.com (secondary); no "
        "national timescale",
        "local",
        "disputes",
    ),
)


def _iro(ctx: Context) -> pl.LazyFrame:
    pol = ctx.policy
    as_of = ctx.lit_as_of()
    stage_wd = pol.value("iro_response_working_days") or 0
    total_wd = pol.statutory_value("iro_resolution_working_days") or 0
    ch = (
        ctx.table("IROChallenges")
        .filter(pl.col("RAISED_DATE").is_not_null() & (pl.col("RAISED_DATE") <= as_of))
        .sort(by_then("CHILD", "RAISED_DATE"))
        .pipe(
            asof_within,
            ctx.periods.select("CHILD", "START", "END"),
            "CHILD",
            "RAISED_DATE",
            "START",
            "backward",
        )
    )

    def known(c: str) -> pl.Expr:
        return pl.when(pl.col(c) <= as_of).then(pl.col(c))

    due = pl.coalesce(
        "RESPONSE_DUE", ctx.cal.add_working_days_expr(pl.col("RAISED_DATE"), stage_wd)
    )
    done = pl.coalesce(known("RESPONDED_DATE"), known("RESOLVED_DATE"))
    return ch.select(
        "CHILD",
        RULE=pl.lit("I1"),
        CLOCK_START="RAISED_DATE",
        DUE_DATE=due,
        STATUTORY_DUE_DATE=ctx.cal.add_working_days_expr(pl.col("RAISED_DATE"), total_wd),
        DONE_DATE=done,
        LAPSE_DATE="END",
        LAPSE_WHAT=pl.lit("the child left care"),
        WHAT=pl.format("Response to IRO challenge {}", pl.col("CHALLENGE_ID")),
        BASIS=pl.format(
            "{}, stage {}, raised on {}",
            pl.when(pl.col("RESPONSE_DUE").is_not_null())
            .then(pl.lit("response due date recorded"))
            .otherwise(pl.format("{} working days", pl.lit(stage_wd))),
            pl.col("STAGE").fill_null("not recorded"),
            dmy(pl.col("RAISED_DATE")),
        ),
        NOTE=pl.when(known("RESOLVED_DATE").is_not_null())
        .then(pl.format("resolved on {}", dmy(known("RESOLVED_DATE"))))
        .when(done.is_not_null())
        .then(pl.lit("not yet resolved")),
    )


def _edt(ctx: Context) -> pl.LazyFrame:
    pol = ctx.policy
    hour = pol.value("edt_transfer_hour")
    end_of_as_of = ctx.lit_as_of().cast(pl.Datetime("us")) + pl.duration(days=1)
    ct = ctx.table("EDTContacts").filter(
        pl.col("CONTACT_AT").is_not_null() & (pl.col("CONTACT_AT") < end_of_as_of)
    )
    stat_hour = pol.statutory_value("edt_transfer_hour")
    due_at = (
        ctx.cal.next_working_start_expr(pl.col("CONTACT_AT"), hour)
        if hour is not None
        else pl.lit(None, dtype=pl.Datetime("us"))
    )
    stat_at = (
        ctx.cal.next_working_start_expr(pl.col("CONTACT_AT"), stat_hour)
        if stat_hour is not None
        else pl.lit(None, dtype=pl.Datetime("us"))
    )
    done_at = pl.when(pl.col("TRANSFERRED_AT") < end_of_as_of).then(pl.col("TRANSFERRED_AT"))
    return ct.select(
        "CHILD",
        RULE=pl.lit("D1"),
        CLOCK_START=pl.col("CONTACT_AT").dt.date(),
        DUE_DATE=due_at.dt.date(),
        STATUTORY_DUE_DATE=stat_at.dt.date(),
        DUE_AT=due_at,
        DONE_AT=done_at,
        DONE_DATE=done_at.dt.date(),
        WHAT=pl.format("Out-of-hours contact {} passed to the day team", pl.col("CONTACT_ID")),
        BASIS=pl.format(
            "{}:00 on the next working day after the contact at {}",
            pl.lit(f"{hour:02d}" if hour is not None else "??"),
            pl.col("CONTACT_AT").dt.strftime("%H:%M on %d/%m/%Y"),
        ),
        TEAM_HINT="TEAM_ID",
        NA_REASON=pl.lit(None, dtype=pl.String)
        if hour is not None
        else pl.lit("no local standard set (edt_transfer_hour)"),
    )


def compute(ctx: Context) -> pl.LazyFrame:
    return pl.concat([conform(_iro(ctx)), conform(_edt(ctx))])


GROUP = RuleGroup(RULES, compute)
