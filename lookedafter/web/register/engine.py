"""The web app's door to the engine: timescales, measures and validation run on the register.

The engine works on a canonical ``Dataset``; this module builds one from the register (for the
children a page is about), with the authority's settings from the database, and calls the
engine. Nothing here re-implements an engine rule.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import date
from typing import Any

import polars as pl
from django.core.cache import cache
from django.db.models import QuerySet

from lookedafter.lib.calendar import DEFAULT, Calendar, Term
from lookedafter.timescales import OUTPUT_SCHEMA, SETTINGS, Policy, evaluate
from lookedafter.web.register.dataset_io import export_dataset
from lookedafter.web.register.models import (
    AuthorityProfile,
    Child,
    ClosureDay,
    LocalTimescale,
    SchoolTerm,
)

# The tables ``timescales.evaluate`` reads (a test checks this against the engine's source and
# its results): a page's evaluation exports only these, not the worker-level tables (supervision,
# audit actions...) that would otherwise be read whole for every child evaluated.
TIMESCALE_TABLES = (
    "Header",
    "Episodes",
    "Reviews",
    "Visits",
    "Health",
    "PEPs",
    "Missing",
    "ReturnInterviews",
    "CarePlans",
    "LongTermMatches",
    "TemporaryApprovals",
    "PlacedAdoption",
    "AD1",
    "IROChallenges",
    "EDTContacts",
    "Allocations",
    "Workers",
)

# The statuses of occurrences still to be done: what worklists and a child's page show.
OPEN_STATUSES = ("overdue", "due_soon", "not_yet_due")


def timescale_setting_names() -> frozenset[str]:
    return frozenset(s.name for s in SETTINGS)


def authority_calendar() -> Calendar:
    """The calendar with the authority's closure days and, where set, its school terms."""
    cal = DEFAULT.with_closure_days(ClosureDay.objects.values_list("day", flat=True))
    terms = [Term(t.start, t.end) for t in SchoolTerm.objects.all()]
    return cal.with_terms(terms) if terms else cal


SETTINGS_TTL = 60  # seconds a process may keep using settings an administrator has changed


def policy() -> Policy:
    """The authority's ``timescales.Policy`` (local values and calendar from the database),
    re-read at most once a minute by each process."""
    cached: Policy | None = cache.get("timescale-policy")
    if cached is None:
        local = dict(LocalTimescale.objects.values_list("setting", "value"))
        cached = Policy(local=local, calendar=authority_calendar())
        cache.set("timescale-policy", cached, timeout=SETTINGS_TTL)
    return cached


def _fingerprint(pol: Policy) -> str:
    """Changes when the authority's settings (local values, closure days, terms) change."""
    cal = pol.calendar
    raw = repr((sorted(pol.local.items()), sorted(cal.closure_days), cal.terms))
    return hashlib.sha256(raw.encode()).hexdigest()[:16]


def epoch() -> int:
    """The register's epoch (see ``AuthorityProfile.epoch``)."""
    profile = AuthorityProfile.objects.only("epoch").first()
    return int(profile.epoch) if profile else 0


def evaluate_timescales(children: QuerySet[Child] | Sequence[Child], as_of: date) -> pl.DataFrame:
    """``open_occurrences`` as a frame (the engine's output schema)."""
    rows = open_occurrences(children, as_of)
    return (
        pl.DataFrame(rows, schema=OUTPUT_SCHEMA, orient="row")
        if rows
        else pl.DataFrame(schema=OUTPUT_SCHEMA)
    )


def open_occurrences(
    children: QuerySet[Child] | Sequence[Child], as_of: date
) -> list[dict[str, Any]]:
    """``timescales.evaluate`` for these children: one row per child per statutory occurrence.

    ``children``: a query, or the children already read (their ``version`` is then taken as
    read, saving a query). Only the occurrences still open (overdue, due soon, not yet due) are
    returned: what the pages show. Each child's rows are cached under the child's ``version``
    (every action bumps it), the register's epoch (a reload or an applied 903 return), the
    settings and the date, so a page only evaluates the children whose records changed since
    they were last shown; the engine runs on those children's records alone.
    """
    pol = policy()
    stamp = f"ts:{epoch()}:{_fingerprint(pol)}:{as_of.isoformat()}"
    if isinstance(children, QuerySet):
        kids = [
            (pk, version, child)
            for pk, version, child in children.values_list("pk", "version", "child")
        ]
    else:
        kids = [(c.pk, c.version, c.child) for c in children]
    keys = {pk: f"{stamp}:{pk}:{version}" for pk, version, _ in kids}
    ids = {pk: child for pk, _, child in kids}
    found = cache.get_many(list(keys.values()))
    missing = [pk for pk, key in keys.items() if key not in found]
    rows: list[dict[str, Any]] = [r for key in keys.values() if key in found for r in found[key]]
    if missing:
        ds = export_dataset(
            Child.objects.filter(pk__in=missing), as_of=as_of, only=TIMESCALE_TABLES
        )
        frame = evaluate(ds, as_of, pol).filter(pl.col("STATUS").is_in(OPEN_STATUSES))
        by_child: dict[str, list[dict[str, Any]]] = {}
        for row in frame.iter_rows(named=True):
            by_child.setdefault(row["CHILD"], []).append(row)
        cache.set_many({keys[pk]: by_child.get(ids[pk], []) for pk in missing}, timeout=6 * 3600)
        rows.extend(frame.iter_rows(named=True))
    return rows
