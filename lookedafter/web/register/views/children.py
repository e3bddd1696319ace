"""Lists of children and a child's page."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import cache
from typing import Any

from django.core.paginator import Paginator
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import (
    BooleanField,
    DateField,
    DateTimeField,
    Field,
    IntegerField,
    Q,
    TextField,
)
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from lookedafter.schema.codes import code_list
from lookedafter.web.register import access, audit, worklist
from lookedafter.web.register.engine import open_occurrences
from lookedafter.web.register.models import (
    Allocation,
    AuditAction,
    CarePlan,
    Child,
    Episode,
    HealthCheck,
    MissingEpisode,
    OversightEntry,
    Pep,
    ReturnInterview,
    Review,
    Role,
    Visit,
    Worker,
)
from lookedafter.web.register.views.common import query_text, staff_required


def _worker_names(codes: set[str]) -> dict[str, str]:
    return dict(Worker.objects.filter(worker_id__in=codes).values_list("worker_id", "worker_name"))


@require_GET
@staff_required(Role.SOCIAL_WORKER)
def my_children(request: HttpRequest) -> HttpResponse:
    """A social worker's allocated children, with what is overdue first."""
    staff = request.user.staff
    children = access.accessible_children(request.user).filter(current_worker=staff.worker_code)
    today = timezone.localdate()
    work = worklist.build(children, today)
    audit.record_list(request, "my children", [r.child.child for r in work.rows])
    return render(
        request,
        "register/worklist.html",
        {"title": "My children", "work": work, "today": today, "label": worklist.label},
    )


@require_GET
@staff_required()
def children(request: HttpRequest) -> HttpResponse:
    """Every child the user may see, searchable, 50 a page."""
    qs = access.accessible_children(request.user)
    query = query_text(request, "q", 100)
    if query:
        qs = qs.filter(
            Q(child__iexact=query) | Q(surname__icontains=query) | Q(forename__icontains=query)
        )
    team = query_text(request, "team", 40)
    if team:
        qs = qs.filter(current_team=team)
    page = Paginator(qs.order_by("surname", "forename", "child"), 50).get_page(
        request.GET.get("page")
    )
    names = _worker_names({c.current_worker for c in page})
    rows = [(c, names.get(c.current_worker, c.current_worker)) for c in page]
    audit.record_list(
        request, "children", [c.child for c in page], query=query, team=team, page=page.number
    )
    return render(
        request,
        "register/children.html",
        {"title": "Children", "page": page, "rows": rows, "q": query, "team": team},
    )


@dataclass
class Event:
    day: date | None
    title: str
    detail: str
    kind: str


@dataclass
class LatestEpisode:
    """What the page shows of the child's latest episode."""

    decom: date | None
    ls: str | None
    place: str | None
    dec: date | None


# The columns each section of the timeline query gives, so that the whole timeline is one
# UNION ALL query rather than one query per table (a section fills the columns it needs; the
# rest are typed NULLs). The query is written once per database backend, not built by the ORM
# on every request.
_COLUMNS: dict[str, Field[Any, Any]] = {
    "t_seq": IntegerField(),
    "t_order": DateField(),
    "t_id": IntegerField(),
    "t_day": DateField(),
    "t_day2": DateField(),
    "t_at1": DateTimeField(),
    "t_at2": DateTimeField(),
    "t_at3": DateTimeField(),
    "t_bool1": BooleanField(),
    "t_bool2": BooleanField(),
    "t_int": IntegerField(),
    "t_text1": TextField(),
    "t_text2": TextField(),
    "t_text3": TextField(),
    "t_text4": TextField(),
    "t_text5": TextField(),
}
# Each table's fields in those columns (the section's number is its place in the list).
_SECTIONS: tuple[tuple[Any, dict[str, str]], ...] = (
    (
        Episode,
        {
            "t_day": "decom",
            "t_day2": "dec",
            "t_text1": "rne",
            "t_text2": "ls",
            "t_text3": "place",
            "t_text4": "pl_post",
            "t_text5": "rec",
        },
    ),
    (
        Visit,
        {
            "t_day": "visit_date",
            "t_bool1": "seen",
            "t_bool2": "seen_alone",
            "t_text1": "not_alone_reason",
        },
    ),
    (Review, {"t_day": "review", "t_text1": "review_code"}),
    (HealthCheck, {"t_day": "health_date", "t_text1": "health_kind", "t_int": "sdq_score"}),
    (Pep, {"t_day": "pep_date", "t_text1": "pep_kind"}),
    (
        ReturnInterview,
        {"t_day": "mis_start", "t_at1": "done_at", "t_at2": "offered_at", "t_at3": "returned_at"},
    ),
    (MissingEpisode, {"t_day": "mis_start", "t_day2": "mis_end", "t_text1": "missing"}),
    (CarePlan, {"t_day": "plan_start", "t_text1": "permanence_plan"}),
    (Allocation, {"t_day": "alloc_start", "t_text1": "worker_id", "t_text2": "alloc_role"}),
    (OversightEntry, {"t_day": "oversight_date", "t_text1": "manager_id"}),
)


@cache
def _timeline_sql(vendor: str) -> str:
    """The timeline query for this backend: one parameter per section, the child's key."""
    conn = connections[DEFAULT_DB_ALIAS]
    assert conn.vendor == vendor
    quote = conn.ops.quote_name
    branches = []
    for seq, (model, fields) in enumerate(_SECTIONS):
        meta = model._meta

        def column(name: str, meta: Any = meta) -> str:
            return f"{quote(meta.db_table)}.{quote(meta.get_field(name).column)}"

        cols = []
        for name, output in _COLUMNS.items():
            if name == "t_seq":
                expr = str(seq)
            elif name == "t_order":
                expr = column(meta.ordering[0])  # every mirrored table is ordered by (a date, id)
            elif name == "t_id":
                expr = column("id")
            elif name in fields:
                expr = column(fields[name])
            else:
                expr = f"CAST(NULL AS {output.db_type(conn)})"
            cols.append(f"{expr} AS {quote(name)}")
        select, where = ", ".join(cols), f"{column('child')} = %s"
        # quoted names from the models; the only value, the child's key, is a parameter
        branches.append(f"SELECT {select} FROM {quote(meta.db_table)} WHERE {where}")  # noqa: S608
    return " UNION ALL ".join(branches)


def _as_date(value: Any) -> date | None:
    """A date column's value (SQLite returns text from a UNION)."""
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def _as_datetime(value: Any) -> datetime | None:
    """A date-time column's value, aware (SQLite returns UTC text from a UNION)."""
    if value is None or isinstance(value, datetime):
        return value
    parsed = datetime.fromisoformat(str(value))
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


_CONVERT = {
    name: _as_date
    if isinstance(f, DateField) and not isinstance(f, DateTimeField)
    else _as_datetime
    if isinstance(f, DateTimeField)
    else None
    for name, f in _COLUMNS.items()
}


def _records(child: Child) -> list[list[dict[str, Any]]]:
    """Every timeline record of the child, one list per section in the tables' own order
    (date, then id), read in one query."""
    conn = connections[DEFAULT_DB_ALIAS]
    with conn.cursor() as cursor:
        cursor.execute(_timeline_sql(conn.vendor), [child.pk] * len(_SECTIONS))
        fetched = cursor.fetchall()
    rows = []
    for raw in fetched:
        row = dict(zip(_COLUMNS, raw, strict=True))
        for name, convert in _CONVERT.items():
            if convert is not None:
                row[name] = convert(row[name])
        rows.append(row)
    rows.sort(key=lambda r: (r["t_seq"], r["t_order"] is None, r["t_order"] or date.min, r["t_id"]))
    sections: list[list[dict[str, Any]]] = [[] for _ in _SECTIONS]
    for row in rows:
        sections[row["t_seq"]].append(row)
    return sections


def _timeline(child: Child) -> tuple[list[Event], dict[str, str], LatestEpisode | None]:
    """Everything recorded on the child, newest first; the names of the workers it and the
    page mention; the child's latest episode."""
    events: list[Event] = []
    ls, place = code_list("LS"), code_list("PLACE")
    rne = code_list("RNE")
    (
        episodes,
        visits,
        reviews,
        health,
        peps,
        interviews_,
        missing,
        plans,
        allocations,
        oversight,
    ) = _records(child)
    for ep in episodes:
        events.append(
            Event(
                ep["t_day"],
                rne.get(ep["t_text1"] or "", "Episode began"),
                f"Legal status {ep['t_text2']}: {ls.get(ep['t_text2'] or '', '?')}. "
                f"Placement {ep['t_text3']}: {place.get(ep['t_text3'] or '', '?')}"
                + (f", postcode {ep['t_text4']}" if ep["t_text4"] else ""),
                "episode",
            )
        )
        if ep["t_day2"] and ep["t_text5"] != "X1":
            events.append(
                Event(
                    ep["t_day2"],
                    "Stopped being looked after",
                    code_list("REC").get(ep["t_text5"] or "", ""),
                    "episode",
                )
            )
    for v in visits:
        seen = "seen alone" if v["t_bool2"] else "seen, not alone" if v["t_bool1"] else "not seen"
        extra = f" ({v['t_text1']})" if v["t_text1"] else ""
        events.append(Event(v["t_day"], "Visit", f"Child {seen}{extra}", "visit"))
    for r in reviews:
        events.append(
            Event(
                r["t_day"],
                "Review",
                code_list("REVIEW_CODE").get(r["t_text1"] or "", ""),
                "review",
            )
        )
    for h in health:
        score = f" (score {h['t_int']})" if h["t_int"] is not None else ""
        events.append(
            Event(
                h["t_day"],
                code_list("HEALTH_KIND").get(h["t_text1"] or "", "Health"),
                score.strip(),
                "health",
            )
        )
    for p in peps:
        events.append(
            Event(p["t_day"], code_list("PEP_KIND").get(p["t_text1"] or "", "PEP"), "", "pep")
        )
    interviews = {ri["t_day"]: ri for ri in interviews_}
    for m in missing:
        kind = "Missing" if m["t_text1"] == "M" else "Away without authorisation"
        end = f"returned {m['t_day2']:%d %B %Y}" if m["t_day2"] else "not yet returned"
        events.append(Event(m["t_day"], kind, end, "missing"))
        ri = interviews.get(m["t_day"])
        if ri is not None:
            done, offered = ri["t_at1"], ri["t_at2"]
            when = done or offered or ri["t_at3"]
            status = "done" if done else "offered" if offered else "not yet offered"
            events.append(
                Event(
                    when.date() if when else m["t_day"],
                    "Return home interview",
                    status,
                    "missing",
                )
            )
    for plan in plans:
        events.append(
            Event(
                plan["t_day"],
                "Care plan",
                "Permanence plan: "
                + code_list("PERMANENCE_PLAN").get(plan["t_text1"] or "", "not recorded"),
                "plan",
            )
        )
    names = _worker_names(
        {a["t_text1"] for a in allocations if a["t_text1"]}
        | {o["t_text1"] for o in oversight if o["t_text1"]}
        | {child.current_worker, child.current_iro}
    )
    for a in allocations:
        role = "Social worker" if a["t_text2"] == "SW" else "IRO"
        events.append(
            Event(
                a["t_day"],
                f"{role} allocated",
                names.get(a["t_text1"], a["t_text1"] or ""),
                "worker",
            )
        )
    for o in oversight:
        events.append(
            Event(
                o["t_day"],
                "Management oversight",
                names.get(o["t_text1"], o["t_text1"] or ""),
                "oversight",
            )
        )
    events.sort(key=lambda e: e.day or date.min, reverse=True)
    return events, names, _latest(episodes)


def _latest(episodes: list[dict[str, Any]]) -> LatestEpisode | None:
    """The episode that began last (as ``order_by("-decom").first()`` would choose)."""
    dated = [e for e in episodes if e["t_day"] is not None]
    if not episodes:
        return None
    ep = max(dated, key=lambda e: e["t_day"]) if dated else episodes[0]
    return LatestEpisode(ep["t_day"], ep["t_text2"], ep["t_text3"], ep["t_day2"])


@require_GET
@staff_required()
def child_detail(request: HttpRequest, child_id: str) -> HttpResponse:
    child = access.access_child_by_id(request.user, child_id)
    audit.record(request, request.user, AuditAction.READ, "child page", child=child.child)
    today = timezone.localdate()
    due = open_occurrences([child], today)  # the child read (and access-checked) above
    due.sort(key=lambda i: (i["DUE_DATE"] is None, i["DUE_DATE"] or date.min))
    events, names, episode = _timeline(child)
    show_all = request.GET.get("all") == "1"
    writes = {
        kind: access.can_write(request.user, child, kind)
        for kind in ("casework", "review", "oversight", "allocate")
    }
    return render(
        request,
        "register/child.html",
        {
            "title": child.name,
            "child": child,
            "episode": episode,
            "worker": names.get(child.current_worker, child.current_worker),
            "iro": names.get(child.current_iro, child.current_iro),
            "due": due,
            "events": events if show_all else events[:60],
            "more_events": 0 if show_all else max(0, len(events) - 60),
            "viewers": audit.viewers_of(child.child, 20),
            "writes": writes,
            "label": worklist.label,
            "today": today,
        },
    )
