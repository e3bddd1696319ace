"""What the busiest pages cost: a bounded number of queries, the timeline in one query, and
the timescale evaluation given only the tables the engine reads (with the same results)."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from lookedafter.schema.dataset import Dataset
from lookedafter.synth import generate
from lookedafter.synth.config import SynthConfig
from lookedafter.timescales import evaluate
from lookedafter.web.register.engine import TIMESCALE_TABLES
from lookedafter.web.register.models import AuditEvent

ENGINE_SOURCE = Path(__file__).resolve().parents[2] / "lookedafter" / "timescales"


def test_the_export_for_timescales_holds_every_table_the_engine_names() -> None:
    named: set[str] = set()
    for source in ENGINE_SOURCE.rglob("*.py"):
        text = source.read_text()
        named |= set(re.findall(r"""\.table\(\s*["'](\w+)["']\s*\)""", text))
        named |= set(re.findall(r"""\bds\[\s*["'](\w+)["']\s*\]""", text))
    assert named, "the engine's table reads were not found: update this test"
    from lookedafter.timescales.base import CHILD_TABLES

    assert named | set(CHILD_TABLES) <= set(TIMESCALE_TABLES)


@pytest.mark.slow
def test_timescales_on_those_tables_alone_are_the_same() -> None:
    as_of = date(2026, 3, 31)
    full = generate(SynthConfig(children=150, years=3, seed=3, preset="struggling", as_of=as_of))
    cut = Dataset({t: full[t] for t in TIMESCALE_TABLES}, full.meta)
    order = ["CHILD", "RULE", "OCCURRENCE"]
    expected = evaluate(full, as_of).sort(order)
    got = evaluate(cut, as_of).sort(order)
    assert expected.height > 100
    assert got.equals(expected, null_equal=True)
    assert set(expected.get_column("STATUS").unique()) >= {"overdue", "on_time", "late"}


def _queries(client: Client, path: str, django_assert_max_num_queries: Any, most: int) -> str:
    with django_assert_max_num_queries(most):
        response = client.get(path)
    assert response.status_code == 200
    return str(response.content.decode())


def test_child_page_reads_its_records_in_one_query(
    as_: Callable[[str], Client], django_assert_max_num_queries: Any
) -> None:
    client = as_("sw")
    client.get("/children/C1/")  # the child's timescales are now cached
    # session, user, role, the child (access), audit entry, epoch, the timeline, worker names,
    # viewers, saving the session (3: begin, update, commit): no query per table of records.
    reads = AuditEvent.objects.filter(child="C1", action="read").count()
    page = _queries(client, "/children/C1/", django_assert_max_num_queries, 12)
    assert AuditEvent.objects.filter(child="C1", action="read").count() == reads + 1
    titles = re.findall(r'moj-timeline__title">([^<]+)<', page)
    days = re.findall(r'<time datetime="([0-9-]+)"', page)
    assert len(titles) == len(days) > 10
    assert days == sorted(days, reverse=True), "the timeline runs newest first"
    for title in ("Visit", "Review", "Missing", "Return home interview", "Social worker allocated"):
        assert title in titles
    assert "IRO allocated" in titles
    assert "Sam Worker" in page  # allocations name the worker
    assert "Placement U6" in page
    assert "Legal status" in page


def test_worklist_queries_do_not_grow_with_children(
    as_: Callable[[str], Client], django_assert_max_num_queries: Any
) -> None:
    client = as_("sw")
    client.get("/my-children/")  # the children's timescales are now cached
    # session, user, role, the children, epoch, audit entry, saving the session (3)
    page = _queries(client, "/my-children/", django_assert_max_num_queries, 9)
    assert 'data-child="C1"' in page
    events = AuditEvent.objects.filter(what="my children").order_by("-id")
    assert events.count() == 2
    first = events.first()
    assert first is not None and "C1" in first.detail["children"]


def test_a_child_page_after_a_change_shows_the_change(as_: Callable[[str], Client]) -> None:
    """The child's cached timescales are keyed by its version: a recorded visit shows at once,
    in the timeline and in what is due."""
    from django.utils import timezone

    from lookedafter.web.register.models import Child

    client = as_("sw")
    before = client.get("/children/C1/").content.decode()
    today = timezone.localdate()
    response = client.post(
        "/children/C1/visit/",
        {
            "version": Child.objects.get(child="C1").version,
            "seen": "yes",
            "seen_alone": "yes",
            "visit_date_day": str(today.day),
            "visit_date_month": str(today.month),
            "visit_date_year": str(today.year),
        },
    )
    assert response.status_code == 302
    after = client.get("/children/C1/").content.decode()
    visit = 'moj-timeline__title">Visit<'
    assert after.count(visit) == before.count(visit) + 1
    assert _due(after) != _due(before)


def _due(page: str) -> str:
    """The part of a child's page before the timeline: what is due."""
    return page[: page.index("moj-timeline")]
