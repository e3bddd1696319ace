"""The measure registry: one measure per module (``m_<slug>.py``), declared with ``@measure``.

A measure's function takes a :class:`~lookedafter.measures.context.Context` and returns the
*frame behind the figure*: one row per child, worker, visit, challenge or audit it counts, with

- ``SUBJECT`` (str): what the row is (a child's id, a worker's id, ``CHILD/RULE/OCCURRENCE``...);
- ``CHILD`` (str, null for rows that are not about one child);
- ``DATE`` (date): the date that places the row in a month of the 12-month trend;
- ``NUM`` and ``DEN`` (float): the row's share of the numerator and the denominator. For a
  percentage, ``DEN`` is 1 and ``NUM`` is 1 when the row is in the numerator; for a rate such as
  FTE turnover they are FTE; for a median the row's ``VALUE`` is used instead;
- optionally ``VALUE`` (float), ``WORKER_ID``, ``TEAM_ID``, ``PLACE``, ``AGE_BAND`` and the
  measure's own extra breakdown columns, plus any detail columns a reader of the list would want.

Group columns a frame leaves out are filled from the child's situation at the reference date
(current placement, allocated worker and that worker's team, age band).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Literal, TypeAlias

import polars as pl

Agg = Literal["ratio", "count", "median"]
Kind = Literal["period", "snapshot"]
Better = Literal["higher", "lower"] | None

if TYPE_CHECKING:  # avoids an import cycle
    from lookedafter.measures.context import Context

MeasureFunc: TypeAlias = Callable[["Context"], pl.LazyFrame]
# Polars' streaming engine runs the business-day functions (working-day counts) many times
# slower than the in-memory one on the same rows, so every measure query is collected in memory.
ENGINE: Literal["in-memory"] = "in-memory"

# Breakdown name (as used by ``compute(by=...)`` and the CLI) -> frame column.
BREAKDOWNS: dict[str, str] = {
    "team": "TEAM_ID",
    "worker": "WORKER_ID",
    "placement": "PLACE",
    "age": "AGE_BAND",
    "month": "MONTH",
}


@dataclass(frozen=True, slots=True)
class National:
    """A published national figure for England to set beside a measure."""

    value: float
    year: int  # the year the figure describes (year ending 31 March, or 30 September)
    source: str
    note: str = ""


@dataclass(frozen=True, slots=True)
class Measure:
    id: str
    title: str
    definition: str
    numerator: str
    denominator: str
    unit: str  # "%", "episodes", "days", "working days", "cases per FTE"...
    agg: Agg
    kind: Kind
    subject: str  # what one row of the frame is: "child", "worker", "visit"...
    national: National | None
    better: Better
    needs: tuple[str, ...]  # tables read; "timescales" when built on timescales.evaluate
    extra: dict[str, str]  # extra breakdowns: name -> frame column
    area: str
    module: str
    func: MeasureFunc = field(compare=False, repr=False)

    @property
    def scale(self) -> float:
        return 100.0 if self.unit == "%" else 1.0

    @property
    def uses_timescales(self) -> bool:
        return "timescales" in self.needs

    def breakdowns(self) -> dict[str, str]:
        return {**BREAKDOWNS, **self.extra}


_MEASURES: dict[str, Measure] = {}


def measure(
    id: str,
    *,
    title: str,
    definition: str,
    numerator: str,
    denominator: str,
    area: str,
    unit: str = "%",
    agg: Agg = "ratio",
    kind: Kind = "period",
    subject: str = "child",
    national: National | None = None,
    better: Better = "higher",
    needs: tuple[str, ...] = (),
    extra: dict[str, str] | None = None,
) -> Callable[[MeasureFunc], MeasureFunc]:
    """Register a measure (the decorated function builds its frame)."""

    def register(func: MeasureFunc) -> MeasureFunc:
        if id in _MEASURES and _MEASURES[id].module != func.__module__:
            raise ValueError(f"measure {id!r} is declared twice")
        _MEASURES[id] = Measure(
            id,
            title,
            " ".join(definition.split()),
            numerator,
            denominator,
            unit,
            agg,
            kind,
            subject,
            national,
            better,
            needs,
            dict(extra or {}),
            area,
            func.__module__,
            func,
        )
        return func

    return register


AREAS: tuple[str, ...] = (
    "Workforce",
    "Changes of social worker",
    "Visits",
    "Reviews",
    "Health",
    "Education",
    "Missing from care",
    "Placements",
    "Permanence",
    "Connected persons",
    "Out of hours",
    "Recording and care planning",
    "Advocacy, independent visitors and life story",
    "Supervision and oversight",
    "IRO challenges",
    "Audits",
)


@cache
def _load() -> tuple[Measure, ...]:
    from lookedafter import measures as pkg
    from lookedafter.lib.modules import import_modules

    for directory in pkg.__path__:
        import_modules(pkg.__name__, Path(directory), "m_")
    unknown = [m.id for m in _MEASURES.values() if m.area not in AREAS]
    if unknown:
        raise ValueError(f"measures in no known area: {unknown}")
    order = {a: i for i, a in enumerate(AREAS)}
    return tuple(sorted(_MEASURES.values(), key=lambda m: (order[m.area], m.module)))


def all_measures() -> tuple[Measure, ...]:
    """Every measure, in area order."""
    return _load()


def get(measure_id: str) -> Measure:
    for m in _load():
        if m.id == measure_id:
            return m
    raise KeyError(f"unknown measure {measure_id!r}")
