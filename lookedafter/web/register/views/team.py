"""Team managers' and IROs' pages, and the audit log for QA and administrators."""

from __future__ import annotations

from typing import Any

from django.core.paginator import Paginator
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from lookedafter.web.register import access, audit, worklist
from lookedafter.web.register.engine import evaluate_timescales
from lookedafter.web.register.models import AuditEvent, Role, Team, Worker
from lookedafter.web.register.views.common import query_text, staff_required

REVIEW_RULES = ("R1", "R2", "R3")


@require_GET
@staff_required(Role.TEAM_MANAGER)
def team_worklist(request: HttpRequest) -> HttpResponse:
    """The team's children with what is overdue first; any team in the manager's service."""
    staff = request.user.staff
    service = access.service_teams(staff.team_code)
    team = request.GET.get("team") or staff.team_code
    if team not in service:
        team = staff.team_code
    children = access.accessible_children(request.user).filter(current_team=team)
    today = timezone.localdate()
    work = worklist.build(children, today)
    shown = {r.child.current_worker for r in work.rows}
    names = dict(Worker.objects.filter(worker_id__in=shown).values_list("worker_id", "worker_name"))
    for row in work.rows:
        row.worker_name = names.get(row.child.current_worker, row.child.current_worker)
    audit.record_list(request, "team worklist", [r.child.child for r in work.rows], team=team)
    teams = Team.objects.filter(team_id__in=service).order_by("team_name")
    return render(
        request,
        "register/team.html",
        {
            "title": f"Team worklist: {team}",
            "work": work,
            "today": today,
            "show_worker": True,
            "teams": teams,
            "team": team,
        },
    )


@require_GET
@staff_required(Role.TEAM_MANAGER)
def caseloads(request: HttpRequest) -> HttpResponse:
    """Children allocated to each social worker in the manager's service."""
    staff = request.user.staff
    teams = access.service_teams(staff.team_code)
    counts = dict(
        access.accessible_children(request.user)
        .exclude(current_worker="")
        .values("current_worker")
        .annotate(n=Count("pk"))
        .values_list("current_worker", "n")
    )
    workers = Worker.objects.filter(team_id__in=teams, leave_date__isnull=True).order_by(
        "team_id", "worker_name"
    )
    rows: list[dict[str, Any]] = []
    for w in workers:
        if w.role != "SW" and w.worker_id not in counts:
            continue
        n = counts.get(w.worker_id, 0)
        per_fte = n / w.fte if w.fte else None
        rows.append({"worker": w, "children": n, "per_fte": per_fte})
    audit.record(request, request.user, "list", "caseloads", detail={"teams": teams})
    return render(
        request,
        "register/caseloads.html",
        {"title": "Caseloads", "rows": rows, "total": sum(r["children"] for r in rows)},
    )


@require_GET
@staff_required(Role.IRO)
def iro_children(request: HttpRequest) -> HttpResponse:
    """An IRO's children with each one's next review due date."""
    children = access.accessible_children(request.user).filter(
        current_iro=request.user.staff.worker_code
    )
    today = timezone.localdate()
    kids = list(children)
    next_review: dict[str, dict[str, Any]] = {}
    frame = evaluate_timescales(kids, today) if kids else None
    if frame is not None:  # open occurrences only, soonest first
        for row in frame.sort("DUE_DATE").iter_rows(named=True):
            if row["RULE"] in REVIEW_RULES:
                next_review.setdefault(row["CHILD"], row)
    rows = sorted(
        ((c, next_review.get(c.child)) for c in kids),
        key=lambda pair: (pair[1] is None, pair[1]["DUE_DATE"] if pair[1] else today),
    )
    audit.record_list(request, "IRO children", [c.child for c in kids])
    return render(
        request,
        "register/iro.html",
        {"title": "My reviews", "rows": rows, "today": today},
    )


@require_GET
@staff_required(Role.QA_AUDITOR, Role.ADMIN)
def audit_log(request: HttpRequest) -> HttpResponse:
    events = AuditEvent.objects.all()
    child = query_text(request, "child", 40)
    who = query_text(request, "who", 150)
    if child:
        events = events.filter(child=child)
    if who:
        events = events.filter(username=who)
    page = Paginator(events, 100).get_page(request.GET.get("page"))
    audit.record(request, request.user, "list", "audit log", detail={"child": child, "who": who})
    return render(
        request,
        "register/audit_log.html",
        {"title": "Audit log", "page": page, "child": child, "who": who},
    )
