"""The web app's door to the engine: timescales, measures and validation run on the register.

The engine works on a canonical ``Dataset``; this module builds one from the register (for the
children a page is about), with the authority's settings from the database, and calls the
engine. Nothing here re-implements an engine rule.
"""

from __future__ import annotations

import importlib
from datetime import date
from typing import Any

import polars as pl
from django.db.models import QuerySet

from lookedafter.lib.calendar import DEFAULT, Calendar, Term
from lookedafter.timescales import SETTINGS, Policy, evaluate
from lookedafter.web.register.dataset_io import export_dataset
from lookedafter.web.register.models import Child, ClosureDay, LocalTimescale, SchoolTerm


class EngineUnavailable(RuntimeError):
    """The engine part a page needs is not installed in this build."""


def _engine(module: str, name: str) -> Any:
    """An engine function, looked up when first needed (the engine's parts land separately)."""
    try:
        return getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError) as exc:
        raise EngineUnavailable(f"{module}.{name} is not available in this build") from exc


def timescale_setting_names() -> frozenset[str]:
    return frozenset(s.name for s in SETTINGS)


def authority_calendar() -> Calendar:
    """The calendar with the authority's closure days and, where set, its school terms."""
    cal = DEFAULT.with_closure_days(ClosureDay.objects.values_list("day", flat=True))
    terms = [Term(t.start, t.end) for t in SchoolTerm.objects.all()]
    return cal.with_terms(terms) if terms else cal


def policy() -> Policy:
    """The authority's ``timescales.Policy`` (local values and calendar from the database)."""
    local = dict(LocalTimescale.objects.values_list("setting", "value"))
    return Policy(local=local, calendar=authority_calendar())


def evaluate_timescales(children: QuerySet[Child], as_of: date) -> pl.DataFrame:
    """``timescales.evaluate`` for these children: one row per child per statutory occurrence."""
    ds = export_dataset(children, as_of=as_of)
    return evaluate(ds, as_of, policy())


OPEN_STATUSES = ("overdue", "due_soon", "not_yet_due")
