"""Frame builders shared by several measures (each measure module stays a declaration)."""

from __future__ import annotations

from datetime import date

import polars as pl

from lookedafter.lib.calendar import add_months, date_text
from lookedafter.measures.context import SOCIAL_WORK_ROLES, Context
from lookedafter.measures.registry import ENGINE

DONE_OR_DUE = ("on_time", "late", "overdue")
F = pl.Float64


def iso(day: pl.Expr) -> pl.Expr:
    """A date as text, 2026-03-31 (for the SUBJECT of a row: looked up, not formatted)."""
    return date_text(day, "%Y-%m-%d")


def flag(expr: pl.Expr) -> pl.Expr:
    """A boolean as the 1.0 / 0.0 a frame's NUM holds (null counts as not met)."""
    return expr.fill_null(False).cast(F)


def on_time(ctx: Context, rules: tuple[str, ...], months: int = 12) -> pl.LazyFrame:
    """Occurrences of ``rules`` that fell due in the last ``months`` to ``ctx.as_of`` (done, or
    not done and now overdue), on time or not, as judged by the timescale engine."""
    due = ctx.due_by(rules).filter(
        ctx.in_window("DUE_DATE", months) & pl.col("STATUS").is_in(DONE_OR_DUE)
    )
    return due.select(
        pl.concat_str(
            [pl.col("CHILD"), pl.col("RULE"), pl.col("OCCURRENCE").cast(pl.String)], separator="/"
        ).alias("SUBJECT"),
        "CHILD",
        pl.col("DUE_DATE").alias("DATE"),
        flag(pl.col("STATUS") == "on_time").alias("NUM"),
        pl.lit(1.0).alias("DEN"),
        "WORKER_ID",
        "TEAM_ID",
        "RULE",
        "CLOCK_START",
        "DUE_DATE",
        "DONE_DATE",
        "STATUS",
        "REASON",
    )


def overdue_at(ctx: Context, rules: tuple[str, ...], chain: bool = True) -> pl.LazyFrame:
    """Per child, whether a duty under ``rules`` is overdue on ``ctx.as_of``.

    Only the latest occurrence whose clock had started by then counts: with ``chain`` the rules
    form one chain (each visit, each new placement, each health assessment restarts the clock,
    so a missed visit in an earlier placement is superseded); without it each rule is its own
    duty (an initial PEP still missing while this term's PEP review is pending). Overdue: past
    its due date and not done by then. ``CHILD, N_OVERDUE, DUE_NOW, DUE_RULE``."""
    return _current_duties(ctx, rules, chain).filter(pl.col("_ON") == pl.lit(ctx.as_of)).drop("_ON")


def _current_duties(ctx: Context, rules: tuple[str, ...], chain: bool) -> pl.LazyFrame:
    """:func:`overdue_at` on every date of the run (``_ON``) in one pass, built once."""
    key = f"current/{','.join(rules)}/{chain}/{','.join(map(str, ctx.dates()))}"
    cache = ctx.shared_cache()
    if key in cache:
        found: pl.LazyFrame = cache[key]
        return found
    # One sortable number per occurrence (clock start, then due date, then occurrence number):
    # the latest is the row holding its child's maximum.
    order = (
        pl.col("CLOCK_START").cast(pl.Int64) * 100_000
        + pl.col("DUE_DATE").cast(pl.Int64).fill_null(0)
    ) * 10_000 + pl.col("OCCURRENCE").cast(pl.Int64).fill_null(0)
    # Every grouping and join below is on one integer per chain (_K) rather than on the
    # identifier strings: the occurrences come in the engine's order, by child, so a child's
    # number (_C) counts the places where the child changes.
    child = (pl.col("CHILD").ne_missing(pl.col("CHILD").shift(1))).cum_sum()
    rule = pl.col("RULE").replace_strict({r: i for i, r in enumerate(rules)}, default=None)
    chain_key = pl.col("_C") if chain else pl.col("_C") * len(rules) + rule
    days = ctx.dates()
    first = pl.lit(min(days))
    every = (
        ctx.due_by(rules)
        .with_columns(order.alias("_ORDER"), child.cast(pl.Int64).alias("_C"))
        .with_columns(chain_key.cast(pl.Int64).alias("_K"))
    )
    if len(days) == 1:
        # one date: each chain's latest occurrence whose clock had started by then
        rows = every.filter(pl.col("CLOCK_START") <= first)
        latest = rows.join(
            rows.group_by("_K").agg(pl.col("_ORDER").max()), on=["_K", "_ORDER"], how="semi"
        ).with_columns(first.alias("_ON"))
    else:
        latest = _latest_on_each(every, days)
    names = sorted(rules)
    d = pl.col("_ON")
    late = (pl.col("DUE_DATE") < d) & (pl.col("DONE_DATE").is_null() | (pl.col("DONE_DATE") > d))
    frame = (
        latest.with_columns(late.alias("_LATE"))
        .group_by("_C", "_ON")
        .agg(
            pl.col("CHILD").first(),
            pl.col("_LATE").sum().cast(pl.Int32).alias("N_OVERDUE"),
            pl.col("DUE_DATE").filter(pl.col("_LATE")).min().alias("DUE_NOW"),
            # whether each rule is overdue, then their names joined (not a list per child)
            *((pl.col("_LATE") & (pl.col("RULE") == r)).any().alias(f"_{r}") for r in names),
        )
        .select(
            "CHILD",
            "_ON",
            "N_OVERDUE",
            "DUE_NOW",
            pl.concat_str(
                [pl.when(f"_{r}").then(pl.lit(r)) for r in names], separator=";", ignore_nulls=True
            ).alias("DUE_RULE"),
        )
        .collect(engine=ENGINE)
        .lazy()
    )
    cache[key] = frame
    return frame


def _latest_on_each(every: pl.LazyFrame, days: list[date]) -> pl.LazyFrame:
    """The rows of ``every`` (chains keyed by _K, ordered by _ORDER) that are their chain's
    latest occurrence whose clock had started by each of ``days`` (``_ON``), in one pass: the
    latest clock start on or before each date is found by an as-of join, not by scanning every
    occurrence again for each month end of a trend."""
    first = pl.lit(min(days))
    # Only the occurrences whose clock started between the first date and the last, and each
    # chain's latest before the first date, can be the latest on one of the dates.
    earlier = every.filter(pl.col("CLOCK_START") < first)
    before = earlier.group_by("_K").agg(pl.col("_ORDER").max())
    rows = pl.concat(
        [
            earlier.join(before, on=["_K", "_ORDER"], how="semi"),
            every.filter(
                (pl.col("CLOCK_START") >= first) & (pl.col("CLOCK_START") <= pl.lit(max(days)))
            ),
        ]
    )
    # The latest occurrence of each clock start; as of each date, the latest clock start by then
    # (the number orders by clock start first, so that is the latest occurrence by then).
    starts = rows.group_by("_K", "CLOCK_START").agg(pl.col("_ORDER").max()).sort("CLOCK_START")
    dates = pl.LazyFrame({"_ON": days}, schema={"_ON": pl.Date})
    grid = starts.select("_K").unique().join(dates, how="cross").sort("_ON")
    latest = grid.join_asof(
        starts,
        left_on="_ON",
        right_on="CLOCK_START",
        by="_K",
        strategy="backward",
        check_sortedness=False,  # both sorted on the date above
    ).filter(pl.col("_ORDER").is_not_null())
    return latest.select("_K", "_ON", "_ORDER").join(rows, on=["_K", "_ORDER"], how="inner")


def applicable_at(ctx: Context, rules: tuple[str, ...], chain: bool = True) -> pl.LazyFrame:
    """Children with an occurrence of ``rules`` whose clock had started by ``ctx.as_of`` (the
    same children whether or not the rules form a chain: ``chain`` only picks which frame of
    :func:`overdue_at` to read them from)."""
    return (
        _current_duties(ctx, rules, chain)
        .filter(pl.col("_ON") == pl.lit(ctx.as_of))
        .select("CHILD")
    )


def in_date(
    ctx: Context, population: pl.LazyFrame, rules: tuple[str, ...], chain: bool = True
) -> pl.LazyFrame:
    """Children of ``population`` (``CHILD`` plus detail columns) in the numerator when none of
    their current ``rules`` duties is overdue on ``ctx.as_of`` (see :func:`overdue_at`)."""
    late = overdue_at(ctx, rules, chain)
    return (
        population.join(applicable_at(ctx, rules, chain), on="CHILD", how="semi")
        .join(late, on="CHILD", how="left")
        .with_columns(
            pl.col("CHILD").alias("SUBJECT"),
            pl.lit(ctx.as_of).alias("DATE"),
            flag(pl.col("N_OVERDUE").fill_null(0) == 0).alias("NUM"),
            pl.lit(1.0).alias("DEN"),
            pl.col("N_OVERDUE").fill_null(0),
        )
    )


def children(ctx: Context, population: pl.LazyFrame, num: pl.Expr) -> pl.LazyFrame:
    """A per-child frame over ``population`` with ``num`` deciding the numerator."""
    return population.with_columns(
        pl.col("CHILD").alias("SUBJECT"),
        pl.lit(ctx.as_of).alias("DATE"),
        flag(num).alias("NUM"),
        pl.lit(1.0).alias("DEN"),
    )


def looked_after_for(ctx: Context, months: int) -> pl.LazyFrame:
    """Children in care on ``as_of`` whose current period of care began at least ``months`` ago."""
    return ctx.in_care().filter(pl.col("PERIOD_START") <= pl.lit(add_months(ctx.as_of, -months)))


def distinct_workers(ctx: Context, population: pl.LazyFrame, months: int) -> pl.LazyFrame:
    """``population`` with ``N_WORKERS``: distinct social workers whose spell overlapped the
    ``months`` to ``as_of``."""
    start = pl.lit(add_months(ctx.as_of, -months))
    d = pl.lit(ctx.as_of)
    spells = ctx.sw_spells().filter(
        (pl.col("START") <= d) & (pl.col("END").is_null() | (pl.col("END") > start))
    )
    per_child = spells.group_by("CHILD").agg(
        pl.col("WORKER_ID").n_unique().cast(pl.Int32).alias("N_WORKERS")
    )
    return population.join(per_child, on="CHILD", how="left").with_columns(
        pl.col("N_WORKERS").fill_null(0)
    )


def distinct_placements(ctx: Context, population: pl.LazyFrame, months: int) -> pl.LazyFrame:
    """``population`` with ``N_PLACEMENTS``: placements the child was in at any time during the
    ``months`` to ``as_of`` (the one in progress at the start counts, a change of legal status
    alone does not)."""
    start = pl.lit(add_months(ctx.as_of, -months))
    d = pl.lit(ctx.as_of)
    eps = ctx.episodes().filter(
        (pl.col("DECOM") <= d) & (pl.col("DEC").is_null() | (pl.col("DEC") > start))
    )
    per_child = eps.group_by("CHILD").agg(
        pl.col("PLACEMENT_START").n_unique().cast(pl.Int32).alias("N_PLACEMENTS")
    )
    return population.join(per_child, on="CHILD", how="left").with_columns(
        pl.col("N_PLACEMENTS").fill_null(0)
    )


def census_date(day: date) -> date:
    """The workforce census reference date: the latest 30 September on or before ``day``."""
    this_year = date(day.year, 9, 30)
    return this_year if day >= this_year else date(day.year - 1, 9, 30)


def social_workers(ctx: Context) -> pl.LazyFrame:
    """Workers in registered social work roles."""
    return ctx.workers().filter(pl.col("ROLE").is_in(SOCIAL_WORK_ROLES))


def in_post(on: date) -> pl.Expr:
    d = pl.lit(on)
    return (pl.col("START_DATE") <= d) & (
        pl.col("LEAVE_DATE").is_null() | (pl.col("LEAVE_DATE") > d)
    )


def case_holders(ctx: Context) -> pl.LazyFrame:
    """Case-holding social workers in post on ``as_of`` with ``CASES`` (children in care
    allocated to them) and ``CASES_PER_FTE``."""
    return (
        social_workers(ctx)
        .filter(pl.col("CASE_HOLDING").fill_null(False) & in_post(ctx.as_of))
        .join(ctx.caseloads(), on="WORKER_ID", how="left")
        .with_columns(pl.col("CASES").fill_null(0.0), pl.col("FTE").fill_null(1.0))
        .with_columns((pl.col("CASES") / pl.col("FTE")).alias("CASES_PER_FTE"))
    )


def referrals_offered(ctx: Context, service: str) -> pl.LazyFrame:
    """Children in care on ``as_of``; numerator: referred to or offered ``service`` during this
    period of care."""
    refs = (
        ctx.table("Referrals")
        .filter(pl.col("SERVICE") == service)
        .join(ctx.in_care().select("CHILD", "PERIOD_START"), on="CHILD", how="inner")
        .filter(
            (pl.col("REQUESTED_DATE") >= pl.col("PERIOD_START"))
            & (pl.col("REQUESTED_DATE") <= pl.lit(ctx.as_of))
        )
        .group_by("CHILD")
        .agg(pl.col("REQUESTED_DATE").min().alias("FIRST_OFFERED"))
    )
    population = (
        ctx.in_care()
        .select("CHILD", "PERIOD_START", "PLACE", "AGE")
        .join(refs, on="CHILD", how="left")
    )
    return children(ctx, population, pl.col("FIRST_OFFERED").is_not_null())


def referral_waits(ctx: Context, service: str) -> pl.LazyFrame:
    """Referrals to ``service`` made in the 12 months to ``as_of`` or still waiting on it: days
    from request to start (to ``as_of`` while still waiting) in ``VALUE``."""
    d = pl.lit(ctx.as_of)
    waiting = pl.col("STARTED_DATE").is_null() | (pl.col("STARTED_DATE") > d)
    end = pl.when(waiting).then(d).otherwise(pl.col("STARTED_DATE"))
    refs = ctx.table("Referrals").filter(
        (pl.col("SERVICE") == service)
        & (pl.col("REQUESTED_DATE") <= d)
        & (ctx.in_window("REQUESTED_DATE") | waiting)
    )
    return refs.select(
        pl.concat_str([pl.col("CHILD"), iso(pl.col("REQUESTED_DATE"))], separator="/").alias(
            "SUBJECT"
        ),
        "CHILD",
        pl.col("REQUESTED_DATE").alias("DATE"),
        pl.lit(0.0).alias("NUM"),
        pl.lit(1.0).alias("DEN"),
        ctx.calendar.days_between_expr(pl.col("REQUESTED_DATE"), end).cast(F).alias("VALUE"),
        "REQUESTED_DATE",
        "STARTED_DATE",
        waiting.alias("STILL_WAITING"),
    )


def returns(ctx: Context) -> pl.LazyFrame:
    """Missing episodes (MISSING = M) that ended in the 12 months to ``as_of``, each with its
    return interview record if there is one."""
    rhi = ctx.table("ReturnInterviews")
    return (
        ctx.table("Missing")
        .filter((pl.col("MISSING") == "M") & ctx.in_window("MIS_END"))
        .join(rhi, on=["CHILD", "MIS_START"], how="left")
        .with_columns(
            pl.concat_str(
                [pl.col("CHILD"), pl.col("MIS_START").cast(pl.String)], separator="/"
            ).alias("SUBJECT"),
            pl.col("MIS_END").alias("DATE"),
            pl.lit(1.0).alias("DEN"),
        )
    )


def new_placements(ctx: Context) -> pl.LazyFrame:
    """Placements that started in the 12 months to ``as_of``, with true distances."""
    return (
        ctx.placements_with_distance()
        .filter(ctx.in_window("DECOM"))
        .with_columns(
            pl.concat_str([pl.col("CHILD"), iso(pl.col("DECOM"))], separator="/").alias("SUBJECT"),
            pl.col("DECOM").alias("DATE"),
            pl.lit(1.0).alias("DEN"),
        )
    )


def records(ctx: Context) -> pl.LazyFrame:
    """Visits, health checks and PEPs that happened in the 12 months to ``as_of``, each with
    when it was recorded: ``SUBJECT, CHILD, DATE, RECORD, RECORDED_DATE, WORKER_ID``."""
    parts = [
        ctx.table("Visits").select(
            "CHILD",
            pl.col("VISIT_DATE").alias("DATE"),
            pl.lit("visit").alias("RECORD"),
            "RECORDED_DATE",
            "WORKER_ID",
        ),
        ctx.table("Health").select(
            "CHILD",
            pl.col("HEALTH_DATE").alias("DATE"),
            pl.col("HEALTH_KIND").str.to_lowercase().alias("RECORD"),
            "RECORDED_DATE",
            pl.lit(None, dtype=pl.String).alias("WORKER_ID"),
        ),
        ctx.table("PEPs").select(
            "CHILD",
            pl.col("PEP_DATE").alias("DATE"),
            pl.lit("pep").alias("RECORD"),
            "RECORDED_DATE",
            pl.lit(None, dtype=pl.String).alias("WORKER_ID"),
        ),
    ]
    both = pl.concat(parts, how="vertical_relaxed").filter(ctx.in_window("DATE"))
    recorded = pl.col("RECORDED_DATE").is_not_null() & (
        pl.col("RECORDED_DATE") <= pl.lit(ctx.as_of)
    )
    return both.with_columns(
        pl.concat_str(
            [pl.col("CHILD"), pl.col("RECORD"), iso(pl.col("DATE"))], separator="/"
        ).alias("SUBJECT"),
        pl.when(recorded)
        .then(ctx.calendar.working_days_between_expr(pl.col("DATE"), pl.col("RECORDED_DATE")))
        .cast(F)
        .alias("DELAY_WD"),
    )


def audits(ctx: Context) -> pl.LazyFrame:
    """Case audits done in the 12 months to ``as_of``."""
    return (
        ctx.table("CaseAudits")
        .filter(ctx.in_window("AUDIT_DATE"))
        .with_columns(
            pl.col("AUDIT_ID").alias("SUBJECT"),
            pl.col("AUDIT_DATE").alias("DATE"),
            pl.lit(1.0).alias("DEN"),
        )
    )


def adoption_days(ctx: Context, rule: str) -> pl.LazyFrame:
    """Days on an adoption scorecard interval (A1, A2, A10) completed in the last 3 years.

    The interval's start and end come from the timescale engine's rule of the same name.
    """
    done = ctx.due_by((rule,)).filter(
        pl.col("DONE_DATE").is_not_null() & ctx.in_window("DONE_DATE", 36)
    )
    days = ctx.calendar.days_between_expr(pl.col("CLOCK_START"), pl.col("DONE_DATE")).clip(0)
    return done.select(
        pl.col("CHILD").alias("SUBJECT"),
        "CHILD",
        pl.col("DONE_DATE").alias("DATE"),
        days.cast(pl.Float64).alias("NUM"),
        pl.lit(1.0).alias("DEN"),
        days.cast(pl.Float64).alias("VALUE"),
        "WORKER_ID",
        "TEAM_ID",
        "CLOCK_START",
        "DONE_DATE",
        "DUE_DATE",
        "STATUS",
    )
