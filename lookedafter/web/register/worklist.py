"""Worklists: for a set of children, what is overdue and due, overdue first (timescale engine)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db.models import QuerySet

from lookedafter.timescales import RULES
from lookedafter.web.register.engine import open_occurrences
from lookedafter.web.register.models import Child

DUE_WINDOW = ("overdue", "due_soon")


@dataclass
class Row:
    child: Child
    overdue: list[dict[str, Any]] = field(default_factory=list)
    due_soon: list[dict[str, Any]] = field(default_factory=list)
    worker_name: str = ""

    @property
    def first_due(self) -> date:
        dates = [i["DUE_DATE"] for i in self.overdue + self.due_soon if i["DUE_DATE"]]
        return min(dates) if dates else date.max


@dataclass
class Worklist:
    rows: list[Row]

    @property
    def overdue_count(self) -> int:
        return sum(len(r.overdue) for r in self.rows)

    @property
    def children_overdue(self) -> int:
        return sum(1 for r in self.rows if r.overdue)


def build(children: QuerySet[Child], as_of: date) -> Worklist:
    """Every child in ``children`` with their overdue and due-soon items, overdue first."""
    kids = list(children)
    rows = {c.child: Row(c) for c in kids}
    items = open_occurrences(kids, as_of) if kids else []
    due = [i for i in items if i["STATUS"] in DUE_WINDOW]
    due.sort(key=lambda i: (i["DUE_DATE"] is not None, i["DUE_DATE"] or date.min))
    for item in due:
        row = rows.get(item["CHILD"])
        if row is None:
            continue
        (row.overdue if item["STATUS"] == "overdue" else row.due_soon).append(item)
    ordered = sorted(
        rows.values(),
        key=lambda r: (not r.overdue, not r.due_soon, r.first_due, r.child.surname or ""),
    )
    return Worklist(ordered)


def label(rule: str) -> str:
    """The engine's title for a timescale rule (REFERENCE.md §1 ID)."""
    info = RULES.get(rule)
    return info.title if info else rule
