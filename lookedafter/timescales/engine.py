"""The timescale engine: every statutory rule for every child, as of a reference date."""

from __future__ import annotations

from collections.abc import Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import date

import polars as pl

from lookedafter.schema.dataset import Dataset
from lookedafter.timescales import (
    adoption,
    connected,
    disputes,
    education,
    health,
    missing,
    planning,
    reviews,
    visits,
)
from lookedafter.timescales.base import (
    ENGINE,
    OUTPUT_SCHEMA,
    Context,
    RuleGroup,
    RuleInfo,
    finish,
    prepare,
    rule_enum,
)
from lookedafter.timescales.policy import Policy

GROUPS: tuple[RuleGroup, ...] = (
    visits.GROUP,
    reviews.GROUP,
    health.GROUP,
    education.GROUP,
    missing.GROUP,
    connected.GROUP,
    planning.GROUP,
    adoption.GROUP,
    disputes.GROUP,
)
RULES: dict[str, RuleInfo] = {r.id: r for g in GROUPS for r in g.rules}
ORDER = ("V", "R", "H", "E", "M", "C", "CP", "L", "A", "I", "D")
# RULE as the rule groups' queries return it to :func:`finish`
RULE_TYPE = rule_enum(tuple(RULES))


def rules() -> pl.DataFrame:
    """Rule metadata: ID, title, source citation, day type, group."""
    return pl.DataFrame(
        {
            "RULE": [r.id for r in RULES.values()],
            "TITLE": [r.title for r in RULES.values()],
            "SOURCE": [r.source for r in RULES.values()],
            "DAY_TYPE": [r.day_type for r in RULES.values()],
            "GROUP": [r.group for r in RULES.values()],
        }
    )


def evaluate_lazy(
    ds: Dataset,
    as_of: date,
    policy: Policy | None = None,
    only: tuple[str, ...] | None = None,
    keep_lapse: bool = False,
    reasons: bool = True,
    since: date | Mapping[str, date] | None = None,
) -> pl.LazyFrame:
    """The query behind :func:`evaluate`, for callers that add their own steps before collecting.

    ``only``: rule groups to compute (``"visits"``, ``"reviews"``...); all when omitted.
    ``keep_lapse``: also return LAPSE_DATE (when the placement or care ended, if it has).
    Collect it with ``engine=lookedafter.timescales.base.ENGINE`` ("in-memory"): the streaming
    engine is many times slower on the working-day arithmetic.
    """
    ctx = Context(ds, as_of, policy or Policy())
    groups = [g for g in GROUPS if only is None or g.rules[0].group in only]
    if not groups:
        return pl.LazyFrame(schema=OUTPUT_SCHEMA)
    starts = {
        g.rules[0].group: since if isinstance(since, date) else (since or {}).get(g.rules[0].group)
        for g in groups
    }
    # Each group's query is collected in a worker thread while the next group's is built (Polars
    # works without the GIL, so building and collecting overlap). Two workers: a small
    # authority's groups are collected two at a time (each alone leaves a core idle). Built
    # in reverse: the visits, whose building computes several frames, come last, so the
    # workers are busy meanwhile; the parts keep the groups' order.
    collecting: dict[int, Future[pl.DataFrame]] = {}
    with ThreadPoolExecutor(max_workers=2) as worker:
        for i, g in reversed(list(enumerate(groups))):
            ctx.since = starts[g.rules[0].group]  # read by the modules as they build the query
            part = prepare(ctx, g.compute(ctx), reasons, keep_lapse, RULE_TYPE)
            collecting[i] = worker.submit(part.collect, engine=ENGINE)
        ctx.since = None
        parts = [collecting[i].result().lazy() for i in range(len(groups))]
    windows = {r.id: day for g in groups if (day := starts[g.rules[0].group]) for r in g.rules}

    def refill(children: pl.Series) -> pl.LazyFrame:
        sub = ctx.for_children(children)
        return pl.concat([g.compute(sub) for g in groups])

    return finish(ctx, pl.concat(parts), keep_lapse, reasons, windows, refill)


def evaluate(
    ds: Dataset,
    as_of: date,
    policy: Policy | None = None,
    only: tuple[str, ...] | None = None,
    reasons: bool = True,
    since: date | Mapping[str, date] | None = None,
) -> pl.DataFrame:
    """One row per child per statutory occurrence, with its status on ``as_of`` and why.

    Columns: CHILD, RULE (REFERENCE.md §1 ID), OCCURRENCE (1, 2... per child and rule, in clock
    order over the child's whole history), CLOCK_START, DUE_DATE (local policy, else
    statutory), STATUTORY_DUE_DATE, DONE_DATE, STATUS (on_time, late, overdue, due_soon,
    not_yet_due, not_applicable), REASON (plain English), WORKER_ID and TEAM_ID (the allocated
    social worker on the due date, or on ``as_of`` when that is earlier). Records dated after
    ``as_of`` are treated as not yet known. ``reasons=False`` leaves REASON null: faster at
    national scale, for callers that only count statuses.

    ``since`` (a date, or a date per rule group: ``{"visits": ..., "adoption": ...}``, groups
    left out evaluated over the whole history) keeps a window: the occurrences due on or after
    that date (with no due date: whose clock started then); the adoption occurrences (A1, A2,
    A10) done on or after it; and, for every child looked after on or after it, each chain's
    latest applicable (not ``not_applicable``) occurrence due before it, whatever its status:
    the visit that a child still waits for, or the last one done. A chain is V1-V6 (each visit
    and each new placement restarts the clock), H1-H2, R1-R3, and each other rule on its own.
    The rows kept are exactly those rows of the whole-history evaluation, numbered the same;
    a 12- or 24-month window is several times faster on a national dataset.
    """
    return evaluate_lazy(ds, as_of, policy, only, reasons=reasons, since=since).collect(
        engine=ENGINE
    )
