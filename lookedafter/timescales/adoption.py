"""Adoption timeliness (DfE adoption scorecard): A1, A2, A10.

For each period of care in which the child was placed for adoption (PLACE A3-A6) or the agency
decided the child should be placed for adoption (PlacedAdoption, not reversed):

* A1: entering care to moving in with the adoptive family (first A3-A6 episode), threshold
  14 months (or days, if the authority sets the unconfirmed day figure);
* A10: as A1, but for a child adopted by their foster carers (A3/A5, or AD1 FOSTER_CARE = 1) the
  clock stops when the foster placement with those carers began;
* A2: court authority to place (first placement order E1 or freeing order D1) to the match with
  adopters (AD1 DATE_MATCH, else the move-in date), threshold 4 months; 0 days when matched
  before the order.

Thresholds are scorecard standards, not statutory duties; they are settings.
"""

from __future__ import annotations

import polars as pl

from lookedafter.timescales.base import (
    ADOPTION_PLACE,
    ADOPTION_WITH_FOSTER_CARER,
    Context,
    RuleGroup,
    RuleInfo,
    asof_within,
    by_then,
    conform,
    dmy,
    interval_text,
)

SOURCE = "DfE adoption scorecards and thresholds (gov.uk news, 14 Jan 2014)"
RULES = (
    RuleInfo(
        "A1",
        "Entering care to moving in with the adoptive family (14 months)",
        SOURCE,
        "calendar",
        "adoption",
    ),
    RuleInfo(
        "A2",
        "Court authority to place to a match with adopters (4 months)",
        SOURCE,
        "calendar",
        "adoption",
    ),
    RuleInfo(
        "A10",
        "As A1, with the clock stopped when a foster placement with the adopters began",
        "ASGLB A10 (coram.org.uk local-level ASGLB data, secondary)",
        "calendar",
        "adoption",
    ),
)


def _threshold(ctx: Context, start: pl.Expr, months: str, days: str, get: str) -> pl.Expr:
    value = ctx.policy.statutory_value if get == "stat" else ctx.policy.value
    d = value(days)
    if d is not None:
        return ctx.cal.add_days_expr(start, d)
    return ctx.cal.add_months_expr(start, value(months) or 0)


def _threshold_text(ctx: Context, months: str, days: str) -> pl.Expr:
    d = ctx.policy.value(days)
    if d is not None:
        return pl.lit(f"{d} days")
    return interval_text(months=pl.lit(ctx.policy.value(months)))


def compute(ctx: Context) -> pl.LazyFrame:
    as_of = ctx.lit_as_of()
    ep = ctx.episodes
    per = ctx.periods.select("CHILD", "PERIOD", "START", "END")
    moved = (
        ep.filter(pl.col("PLACE").is_in(ADOPTION_PLACE))
        .group_by("PERIOD")
        .agg(
            MOVED=pl.col("DECOM").min(),
            MOVED_PLACE=pl.col("PLACE").sort_by("DECOM").first(),
            MOVED_PLACEMENT=pl.col("PLACEMENT").sort_by("DECOM").first(),
        )
    )
    order = (
        ep.filter(pl.col("LS").is_in(["E1", "D1"]))
        .group_by("PERIOD")
        .agg(ORDER=pl.col("DECOM").min())
    )
    adm = (
        ctx.table("PlacedAdoption")
        .filter(pl.col("DATE_PLACED").is_not_null() & (pl.col("DATE_PLACED") <= as_of))
        .sort(by_then("CHILD", "DATE_PLACED"))
        .pipe(asof_within, per, "CHILD", "DATE_PLACED", "START", "backward")  # per: sorted
        .filter(pl.col("PERIOD").is_not_null())
        .group_by("PERIOD")
        .agg(
            ADM=pl.col("DATE_PLACED").max(),
            REVERSED=pl.col("DATE_PLACED_CEASED").sort_by("DATE_PLACED").last(),
            REVERSED_WHY=pl.col("REASON_PLACED_CEASED").sort_by("DATE_PLACED").last(),
        )
        .with_columns(REVERSED=pl.when(pl.col("REVERSED") <= as_of).then("REVERSED"))
    )
    ad1 = (
        ctx.table("AD1").select("CHILD", "DATE_MATCH", "FOSTER_CARE").unique("CHILD", keep="first")
    )
    placements = ctx.placements.select(MOVED_PLACEMENT="PLACEMENT", FOSTER_START="P_START")
    # period and placement numbers are unique across children: they alone key the joins
    occ = (
        per.join(moved, on="PERIOD", how="left")
        .join(adm, on="PERIOD", how="left")
        .join(order, on="PERIOD", how="left")
        .filter(pl.col("MOVED").is_not_null() | pl.col("ADM").is_not_null())
        .join(ad1, on="CHILD", how="left")
        .join(placements, on="MOVED_PLACEMENT", how="left")
    )
    reversed_na = pl.when(pl.col("MOVED").is_null() & pl.col("REVERSED").is_not_null()).then(
        pl.format(
            "not applicable: the decision to place for adoption was reversed on {} ({})",
            dmy(pl.col("REVERSED")),
            pl.col("REVERSED_WHY").fill_null("reason not recorded"),
        )
    )
    common: dict[str, pl.Expr] = {
        "LAPSE_DATE": pl.col("END"),
        "LAPSE_WHAT": pl.lit("the child left care"),
    }
    a1 = occ.select(
        "CHILD",
        RULE=pl.lit("A1"),
        CLOCK_START="START",
        DUE_DATE=_threshold(
            ctx, pl.col("START"), "adoption_a1_months", "adoption_a1_days", "local"
        ),
        STATUTORY_DUE_DATE=_threshold(
            ctx, pl.col("START"), "adoption_a1_months", "adoption_a1_days", "stat"
        ),
        DONE_DATE="MOVED",
        NA_REASON=reversed_na,
        WHAT=pl.lit("Moved in with adoptive family"),
        BASIS=pl.format(
            "{} after entering care on {}",
            _threshold_text(ctx, "adoption_a1_months", "adoption_a1_days"),
            dmy(pl.col("START")),
        ),
        **common,
    )
    by_carer = pl.col("MOVED_PLACE").is_in(ADOPTION_WITH_FOSTER_CARER) | (
        pl.col("FOSTER_CARE") == "1"
    )
    a10_done = (
        pl.when(by_carer)
        .then(pl.min_horizontal("FOSTER_START", "MOVED"))
        .otherwise(pl.col("MOVED"))
    )
    a10 = (
        a1.with_columns(RULE=pl.lit("A10"))
        .drop("DONE_DATE", "WHAT")
        .join(
            occ.select("CHILD", "START", A10_DONE=a10_done, BY_CARER=by_carer),
            left_on=["CHILD", "CLOCK_START"],
            right_on=["CHILD", "START"],
            how="left",
        )
        .with_columns(
            DONE_DATE="A10_DONE",
            WHAT=pl.when("BY_CARER")
            .then(pl.lit("Placed with the foster carers who adopt"))
            .otherwise(pl.lit("Moved in with adoptive family")),
        )
    )
    matched = pl.coalesce("DATE_MATCH", "MOVED")
    a2 = occ.filter(pl.col("ORDER").is_not_null()).select(
        "CHILD",
        RULE=pl.lit("A2"),
        CLOCK_START="ORDER",
        DUE_DATE=_threshold(
            ctx, pl.col("ORDER"), "adoption_a2_months", "adoption_a2_days", "local"
        ),
        STATUTORY_DUE_DATE=_threshold(
            ctx, pl.col("ORDER"), "adoption_a2_months", "adoption_a2_days", "stat"
        ),
        DONE_DATE=pl.when(matched <= as_of).then(matched),
        NA_REASON=reversed_na,
        WHAT=pl.lit("Matched with adopters"),
        BASIS=pl.format(
            "{} after court authority to place on {}",
            _threshold_text(ctx, "adoption_a2_months", "adoption_a2_days"),
            dmy(pl.col("ORDER")),
        ),
        NOTE=pl.when(matched < pl.col("ORDER")).then(
            pl.lit("matched before the court's authority: counts as 0 days")
        ),
        **common,
    )
    return pl.concat([conform(a1), conform(a10), conform(a2)])


GROUP = RuleGroup(RULES, compute)
