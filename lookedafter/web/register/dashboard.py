"""Measures for the dashboard: computed by ``lookedafter.measures`` on the whole register, cached
until the register next changes, then filtered and summarised for the page.

Filtering (team, worker, placement type, age band) selects rows of the frame behind each figure
and summarises them with the measures package's own summariser, so a filtered figure is worked
out exactly as the unfiltered one is.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from datetime import date
from typing import Any

import polars as pl

from lookedafter.measures import Measure, Results, all_measures, compute, get
from lookedafter.measures.compute import _summarise, counted_rows
from lookedafter.measures.context import AGE_BANDS
from lookedafter.web.register.dataset_io import export_dataset
from lookedafter.web.register.engine import authority_calendar, epoch, policy
from lookedafter.web.register.models import AuditAction, AuditEvent

FILTERS = {"team": "TEAM_ID", "worker": "WORKER_ID", "placement": "PLACE", "age": "AGE_BAND"}

_lock = threading.Lock()
_cache: dict[str, Any] = {}
FRESH_FOR = 15 * 60  # seconds: the dashboard may lag recording by this much


def forget() -> None:
    """Drop the computed figures (tests; a reload also makes them stale through the epoch)."""
    with _lock:
        _cache.clear()


def register_state() -> int:
    """Changes whenever the register does (every write is audited)."""
    last = (
        AuditEvent.objects.filter(action=AuditAction.WRITE)
        .order_by("-id")
        .values_list("id", flat=True)
        .first()
    )
    return int(last or 0)


@dataclass
class Computed:
    results: Results
    state: int  # the register_state() it was computed at
    at: float  # time.time() when computed

    @property
    def key(self) -> str:
        return f"{self.state}:{self.results.as_of}"


def results(as_of: date) -> Computed:
    """Every measure on the register at ``as_of``, with 12-month trends.

    Recomputed when the register has been reloaded (epoch), the date changes, or it has changed
    and the figures are more than ``FRESH_FOR`` old; otherwise the last computation is reused
    (a whole-authority computation takes seconds to minutes, and leaders need not wait).
    """
    with _lock:
        current: Computed | None = _cache.get("computed")
        state = register_state()
        ep = epoch()
        if (
            current is not None
            and current.results.as_of == as_of
            and _cache.get("epoch") == ep
            and (current.state == state or time.time() - current.at < FRESH_FOR)
        ):
            return current
        ds = export_dataset(as_of=as_of)
        # the drill-down lists children, dates and figures, not the engine's plain-English
        # reasons, which cost a large share of the computation
        res = compute(
            ds,
            as_of,
            by=["month"],
            policy=policy(),
            calendar=authority_calendar(),
            reasons=False,
        )
        computed = Computed(res, state, time.time())
        _cache.update(computed=computed, epoch=ep)
        return computed


def apply_filters(frame: pl.DataFrame, m: Measure, filters: dict[str, str]) -> pl.DataFrame:
    for name, value in filters.items():
        col = FILTERS.get(name) or m.breakdowns().get(name)
        if not value or col is None or col not in frame.columns:
            continue
        frame = frame.filter(pl.col(col).cast(pl.String).fill_null("Unknown") == value)
    return frame


@dataclass
class Figure:
    measure: Measure
    value: float | None
    numerator: float | None
    denominator: float | None
    trend: list[tuple[str, float | None]]
    skipped: str = ""

    @property
    def national(self) -> float | None:
        return self.measure.national.value if self.measure.national else None


def _summaries(
    res: Results, filters: dict[str, str]
) -> tuple[dict[str, dict[str, Any]], dict[tuple[str, str], float | None]]:
    """Overall figure per measure, and figure per (measure, month), for the filtered rows.

    Unfiltered, these are the engine's own summary table; filtered, the same summariser runs
    on the filtered frames behind each figure.
    """
    done = [m for m in all_measures() if m.id in res.frames]
    if not any(filters.values()):
        table = res.table
    else:
        frames = {m.id: apply_filters(res.frames[m.id], m, filters) for m in done}
        trends = {
            m.id: apply_filters(res.trends.get(m.id, res.frames[m.id]), m, filters) for m in done
        }
        table = pl.concat(
            [
                _summarise(done, frames, None, None),
                _summarise(done, trends, "month", {m.id: "MONTH" for m in done}),
            ],
            how="vertical_relaxed",
        )
    overall = {r["measure"]: r for r in table.filter(pl.col("by") == "all").iter_rows(named=True)}
    monthly = {
        (r["measure"], r["group"]): r["value"]
        for r in table.filter(pl.col("by") == "month").iter_rows(named=True)
    }
    return overall, monthly


def figures(res: Results, filters: dict[str, str], months: list[str]) -> dict[str, Figure]:
    """Every measure's figure and 12-month trend (filtered)."""
    overall, monthly = _summaries(res, filters)
    out: dict[str, Figure] = {}
    for m in all_measures():
        if m.id not in res.frames:
            out[m.id] = Figure(m, None, None, None, [], res.skipped.get(m.id, "not computed"))
            continue
        row = overall.get(m.id, {})
        out[m.id] = Figure(
            m,
            row.get("value"),
            row.get("numerator"),
            row.get("denominator"),
            [(mo, monthly.get((m.id, mo))) for mo in months],
        )
    return out


def months_of(res: Results) -> list[str]:
    """The 12 months of the trend, oldest first (YYYY-MM)."""
    first = res.as_of.replace(day=1)
    out = []
    y, mth = first.year, first.month
    for _ in range(12):
        out.append(f"{y:04d}-{mth:02d}")
        y, mth = (y - 1, 12) if mth == 1 else (y, mth - 1)
    return sorted(out)


def children_behind(
    res: Results,
    measure_id: str,
    filters: dict[str, str],
    month: str = "",
    numerator: bool | None = None,
) -> pl.DataFrame:
    """The rows behind a figure (filtered; one month of the trend when ``month`` is given)."""
    m = get(measure_id)
    source = res.trends.get(m.id, res.frames[m.id]) if month else res.frames[m.id]
    frame = apply_filters(source.filter(counted_rows()), m, filters)
    if month:
        frame = frame.filter(pl.col("MONTH") == month)
    if numerator is not None:
        frame = frame.filter((pl.col("NUM") > 0) == numerator)
    return frame


def filter_options(res: Results) -> dict[str, list[tuple[str, str]]]:
    from lookedafter.schema.codes import code_list
    from lookedafter.web.register.models import Team, Worker

    teams = [(t.team_id, t.team_name or t.team_id) for t in Team.objects.order_by("team_name")]
    workers = [
        (w.worker_id, w.worker_name or w.worker_id)
        for w in Worker.objects.filter(role="SW").order_by("worker_name")
    ]
    places = code_list("PLACE")
    return {
        "team": teams,
        "worker": workers,
        "placement": [(k, f"{k}: {v}") for k, v in places.items()],
        "age": [(a, a) for a in AGE_BANDS],
    }


def all_ids() -> list[str]:
    return [m.id for m in all_measures()]
