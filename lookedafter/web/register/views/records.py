"""Forms that record something on a child: one view per action, each calling one do_* function."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms as django_forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from lookedafter.web.register import access, actions, forms
from lookedafter.web.register.access import Write
from lookedafter.web.register.models import Child, MissingEpisode, Role, Worker
from lookedafter.web.register.views.common import staff_required

Save = Callable[[actions.Actor, Child, int, dict[str, Any]], Any]


def _record(
    request: HttpRequest,
    child_id: str,
    *,
    kind: str,
    form_class: type[forms.RecordForm],
    title: str,
    save: Save,
    done: str,
    form_kwargs: Callable[[Child], dict[str, Any]] | None = None,
) -> HttpResponse:
    child = access.access_child_for_write(request.user, child_id, kind)
    extra = form_kwargs(child) if form_kwargs else {}
    form = form_class(request.POST or None, child=child, **extra)
    conflict = ""
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            save(actions.Actor(request), child, data["version"], data)
        except actions.StaleRecord as exc:
            conflict = str(exc)
            child.refresh_from_db()
            form = form_class(None, child=child, initial=_redisplay(form), **extra)
        except actions.ActionRefused as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, done)
            return redirect("register-child", child_id=child.child)
    status = 409 if conflict else 400 if form.errors else 200
    return render(
        request,
        "register/form_page.html",
        {
            "title": title,
            "child": child,
            "form": form,
            "conflict": conflict,
            "back_url": reverse("register-child", args=[child.child]),
        },
        status=status,
    )


def _redisplay(form: django_forms.Form) -> dict[str, Any]:
    """What the person typed, to show again after a refused (stale) save; version refreshed."""
    return {k: v for k, v in form.cleaned_data.items() if k != "version"}


CASEWORK = (Role.SOCIAL_WORKER, Role.TEAM_MANAGER)


@require_http_methods(["GET", "POST"])
@staff_required(*CASEWORK)
def record_visit(request: HttpRequest, child_id: str) -> HttpResponse:
    return _record(
        request,
        child_id,
        kind=Write.CASEWORK,
        form_class=forms.VisitForm,
        title="Record a visit",
        done="Visit recorded",
        save=lambda a, c, v, d: actions.do_record_visit(
            a,
            c,
            v,
            visit_date=d["visit_date"],
            seen=d["seen"],
            seen_alone=d["seen_alone"],
            not_alone_reason=d.get("not_alone_reason", ""),
        ),
    )


@require_http_methods(["GET", "POST"])
@staff_required(Role.IRO)
def record_review(request: HttpRequest, child_id: str) -> HttpResponse:
    return _record(
        request,
        child_id,
        kind=Write.REVIEW,
        form_class=forms.ReviewForm,
        title="Record a review",
        done="Review recorded",
        save=lambda a, c, v, d: actions.do_record_review(
            a, c, v, review_date=d["review_date"], participation=d["participation"]
        ),
    )


@require_http_methods(["GET", "POST"])
@staff_required(*CASEWORK)
def record_health(request: HttpRequest, child_id: str) -> HttpResponse:
    return _record(
        request,
        child_id,
        kind=Write.CASEWORK,
        form_class=forms.HealthForm,
        title="Record a health assessment",
        done="Health assessment recorded",
        save=lambda a, c, v, d: actions.do_record_health_assessment(
            a, c, v, kind=d["kind"], done_on=d["done_on"], sdq_score=d.get("sdq_score")
        ),
    )


@require_http_methods(["GET", "POST"])
@staff_required(*CASEWORK)
def record_pep(request: HttpRequest, child_id: str) -> HttpResponse:
    return _record(
        request,
        child_id,
        kind=Write.CASEWORK,
        form_class=forms.PepForm,
        title="Record a personal education plan",
        done="PEP recorded",
        save=lambda a, c, v, d: actions.do_record_pep(
            a, c, v, pep_date=d["pep_date"], kind=d["kind"]
        ),
    )


@require_http_methods(["GET", "POST"])
@staff_required(*CASEWORK)
def record_missing(request: HttpRequest, child_id: str) -> HttpResponse:
    return _record(
        request,
        child_id,
        kind=Write.CASEWORK,
        form_class=forms.MissingForm,
        title="Record a missing episode",
        done="Missing episode recorded",
        save=lambda a, c, v, d: actions.do_record_missing_episode(
            a, c, v, kind=d["kind"], start=d["start"], end=d.get("end")
        ),
    )


def _episodes(child: Child) -> dict[str, Any]:
    starts = MissingEpisode.objects.filter(child=child).order_by("-mis_start")
    return {"episodes": [m.mis_start for m in starts[:50] if m.mis_start]}


@require_http_methods(["GET", "POST"])
@staff_required(*CASEWORK)
def record_return_interview(request: HttpRequest, child_id: str) -> HttpResponse:
    return _record(
        request,
        child_id,
        kind=Write.CASEWORK,
        form_class=forms.ReturnInterviewForm,
        title="Record a return home interview",
        done="Return home interview recorded",
        form_kwargs=_episodes,
        save=lambda a, c, v, d: actions.do_record_return_interview(
            a,
            c,
            v,
            mis_start=d["mis_start"],
            returned_at=d["returned_at"],
            offered_at=d["offered_at"],
            done_at=d["done_at"],
            accepted=d["accepted_flag"],
        ),
    )


@require_http_methods(["GET", "POST"])
@staff_required(*CASEWORK)
def change_placement(request: HttpRequest, child_id: str) -> HttpResponse:
    return _record(
        request,
        child_id,
        kind=Write.CASEWORK,
        form_class=forms.PlacementForm,
        title="Record a placement change",
        done="Placement change recorded",
        save=lambda a, c, v, d: actions.do_change_placement(
            a,
            c,
            v,
            moved_on=d["moved_on"],
            place=d["place"],
            provider=d["provider"],
            reason=d["reason"],
            postcode=d.get("postcode", ""),
            urn=d.get("urn", ""),
        ),
    )


def worker_choices(request: HttpRequest) -> list[tuple[str, str]]:
    """Case-holding social workers in the manager's service, still in post."""
    teams = access.service_teams(request.user.staff.team_code)
    workers = Worker.objects.filter(team_id__in=teams, role="SW", leave_date__isnull=True).order_by(
        "worker_name"
    )
    return [(w.worker_id, f"{w.worker_name} ({w.team_id})") for w in workers]


@require_http_methods(["GET", "POST"])
@staff_required(Role.TEAM_MANAGER)
def change_worker(request: HttpRequest, child_id: str) -> HttpResponse:
    return _record(
        request,
        child_id,
        kind=Write.ALLOCATE,
        form_class=forms.WorkerForm,
        title="Change social worker",
        done="Social worker changed",
        form_kwargs=lambda child: {"workers": worker_choices(request)},
        save=lambda a, c, v, d: actions.do_change_worker(
            a, c, v, worker_id=d["worker"], starts_on=d["starts_on"], reason=d["reason"]
        ),
    )


@require_http_methods(["GET", "POST"])
@staff_required(Role.TEAM_MANAGER)
def record_oversight(request: HttpRequest, child_id: str) -> HttpResponse:
    return _record(
        request,
        child_id,
        kind=Write.OVERSIGHT,
        form_class=forms.OversightForm,
        title="Record management oversight",
        done="Management oversight recorded",
        save=lambda a, c, v, d: actions.do_record_oversight(a, c, v, on=d["on"]),
    )
