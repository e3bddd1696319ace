"""Lists of children and a child's page."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from lookedafter.schema.codes import code_list
from lookedafter.web.register import access, audit, worklist
from lookedafter.web.register.engine import evaluate_timescales
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
from lookedafter.web.register.views.common import staff_required


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
    query = request.GET.get("q", "").strip()[:100]
    if query:
        qs = qs.filter(
            Q(child__iexact=query) | Q(surname__icontains=query) | Q(forename__icontains=query)
        )
    team = request.GET.get("team", "").strip()[:40]
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


def _timeline(child: Child) -> list[Event]:
    """Everything recorded on the child, newest first."""
    events: list[Event] = []
    ls, place = code_list("LS"), code_list("PLACE")
    rne = code_list("RNE")
    for ep in Episode.objects.filter(child=child):
        events.append(
            Event(
                ep.decom,
                rne.get(ep.rne or "", "Episode began"),
                f"Legal status {ep.ls}: {ls.get(ep.ls or '', '?')}. "
                f"Placement {ep.place}: {place.get(ep.place or '', '?')}"
                + (f", postcode {ep.pl_post}" if ep.pl_post else ""),
                "episode",
            )
        )
        if ep.dec and ep.rec != "X1":
            events.append(
                Event(
                    ep.dec,
                    "Stopped being looked after",
                    code_list("REC").get(ep.rec or "", ""),
                    "episode",
                )
            )
    for v in Visit.objects.filter(child=child):
        seen = "seen alone" if v.seen_alone else "seen, not alone" if v.seen else "not seen"
        extra = f" ({v.not_alone_reason})" if v.not_alone_reason else ""
        events.append(Event(v.visit_date, "Visit", f"Child {seen}{extra}", "visit"))
    for r in Review.objects.filter(child=child):
        events.append(
            Event(
                r.review, "Review", code_list("REVIEW_CODE").get(r.review_code or "", ""), "review"
            )
        )
    for h in HealthCheck.objects.filter(child=child):
        score = f" (score {h.sdq_score})" if h.sdq_score is not None else ""
        events.append(
            Event(
                h.health_date,
                code_list("HEALTH_KIND").get(h.health_kind or "", "Health"),
                score.strip(),
                "health",
            )
        )
    for p in Pep.objects.filter(child=child):
        events.append(
            Event(p.pep_date, code_list("PEP_KIND").get(p.pep_kind or "", "PEP"), "", "pep")
        )
    interviews = {ri.mis_start: ri for ri in ReturnInterview.objects.filter(child=child)}
    for m in MissingEpisode.objects.filter(child=child):
        kind = "Missing" if m.missing == "M" else "Away without authorisation"
        end = f"returned {m.mis_end:%d %B %Y}" if m.mis_end else "not yet returned"
        events.append(Event(m.mis_start, kind, end, "missing"))
        ri = interviews.get(m.mis_start)
        if ri is not None:
            when = ri.done_at or ri.offered_at or ri.returned_at
            status = "done" if ri.done_at else "offered" if ri.offered_at else "not yet offered"
            events.append(
                Event(
                    when.date() if when else m.mis_start, "Return home interview", status, "missing"
                )
            )
    for plan in CarePlan.objects.filter(child=child):
        events.append(
            Event(
                plan.plan_start,
                "Care plan",
                "Permanence plan: "
                + code_list("PERMANENCE_PLAN").get(plan.permanence_plan or "", "not recorded"),
                "plan",
            )
        )
    allocations = list(Allocation.objects.filter(child=child))
    names = _worker_names({a.worker_id for a in allocations if a.worker_id})
    for a in allocations:
        role = "Social worker" if a.alloc_role == "SW" else "IRO"
        events.append(
            Event(
                a.alloc_start,
                f"{role} allocated",
                names.get(a.worker_id, a.worker_id or ""),
                "worker",
            )
        )
    for o in OversightEntry.objects.filter(child=child):
        events.append(
            Event(
                o.oversight_date,
                "Management oversight",
                names.get(o.manager_id, o.manager_id or ""),
                "oversight",
            )
        )
    events.sort(key=lambda e: e.day or date.min, reverse=True)
    return events


@require_GET
@staff_required()
def child_detail(request: HttpRequest, child_id: str) -> HttpResponse:
    child = access.access_child_by_id(request.user, child_id)
    audit.record(request, request.user, AuditAction.READ, "child page", child=child.child)
    today = timezone.localdate()
    frame = evaluate_timescales(access.accessible_children(request.user).filter(pk=child.pk), today)
    due = list(frame.sort("DUE_DATE", nulls_last=True).iter_rows(named=True))
    episode = Episode.objects.filter(child=child).order_by("-decom").first()
    names = _worker_names({child.current_worker, child.current_iro})
    events = _timeline(child)
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
