"""Senior leaders and analysts: every measure with its trend, and the children behind a figure."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlencode

from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone
from django.views.decorators.http import require_GET

from lookedafter.measures import all_measures
from lookedafter.web.register import access, audit, chart
from lookedafter.web.register import dashboard as board
from lookedafter.web.register.models import Role
from lookedafter.web.register.views.common import staff_required

VIEWERS = (Role.ANALYST, Role.SENIOR_LEADER)


def measure_ids() -> list[str]:
    return board.all_ids()


def _options(computed: board.Computed) -> dict[str, list[tuple[str, str]]]:
    """The filters' choices (teams, workers...), kept while the figures are."""
    key = f"dashboard-options:{computed.key}:{computed.at}"
    options = cache.get(key)
    if options is None:
        options = board.filter_options(computed.results)
        cache.set(key, options, timeout=6 * 3600)
    return dict(options)


def _filters(request: HttpRequest, options: dict[str, list[tuple[str, str]]]) -> dict[str, str]:
    """The filters asked for, keeping only values that exist (unknown values are ignored)."""
    out = {}
    for name, choices in options.items():
        value = request.GET.get(name, "")
        if value and value in {k for k, _ in choices}:
            out[name] = value
    return out


def _areas(res: Any, filters: dict[str, str]) -> list[tuple[str, list[dict[str, Any]]]]:
    """Every measure's figure and chart, grouped by area."""
    months = board.months_of(res)
    figs = board.figures(res, filters, months)
    areas: dict[str, list[dict[str, Any]]] = {}
    for i, m in enumerate(all_measures()):
        fig = figs[m.id]
        areas.setdefault(m.area, []).append(
            {
                "fig": fig,
                "chart": chart.line_chart(
                    fig.trend,
                    title=f"{m.title}: the last 12 months",
                    unit=m.unit,
                    national=fig.national,
                    chart_id=f"chart-{i}",
                ),
            }
        )
    return sorted(areas.items())


@require_GET
@staff_required(*VIEWERS)
def dashboard(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    computed = board.results(today)
    res = computed.results
    options = _options(computed)
    filters = _filters(request, options)
    key = f"dashboard:{computed.key}:{computed.at}:{urlencode(sorted(filters.items()))}"
    measures_html = cache.get(key)
    if measures_html is None:
        measures_html = render_to_string(
            "register/_measures.html",
            {
                "areas": _areas(res, filters),
                "query": urlencode(filters),
                "options": options,
                "filters": filters,
                "as_of": today,
                "computed_at": datetime.fromtimestamp(computed.at, tz=UTC),
            },
        )
        cache.set(key, measures_html, timeout=6 * 3600)
    audit.record(request, request.user, "list", "dashboard", detail={"filters": filters})
    return render(
        request,
        "register/dashboard.html",
        {
            "title": "Dashboard",
            "measures_html": measures_html,
        },
    )


@require_GET
@staff_required(*VIEWERS)
def measure_children(request: HttpRequest, measure: str) -> HttpResponse:
    """The rows behind one figure, with links to the children the user may see."""
    if measure not in board.all_ids():
        raise Http404("No such measure")
    today = timezone.localdate()
    computed = board.results(today)
    res = computed.results
    options = _options(computed)
    filters = _filters(request, options)
    month = request.GET.get("month", "")
    if month and month not in board.months_of(res):
        month = ""
    side = {"yes": True, "no": False}.get(request.GET.get("numerator", ""))
    m = next(x for x in all_measures() if x.id == measure)
    fig = board.figures(res, filters, board.months_of(res))[m.id]
    if m.id not in res.frames:
        rows: list[dict[str, Any]] = []
    else:
        frame = board.children_behind(res, measure, filters, month, side)
        ids = [c for c in frame["CHILD"].unique().to_list() if c]
        visible = set(
            access.accessible_children(request.user)
            .filter(child__in=ids)
            .values_list("child", flat=True)
        )
        hidden = {c for c in ids if c not in visible}
        frame = frame.filter(~frame["CHILD"].is_in(list(hidden))) if hidden else frame
        rows = (
            frame.sort("NUM", "CHILD", descending=[True, False], nulls_last=True)
            .head(1000)
            .to_dicts()
        )
    audit.record_list(
        request,
        f"measure {measure}",
        sorted({r["CHILD"] for r in rows if r.get("CHILD")}),
        filters=filters,
        month=month,
    )
    columns = [
        c
        for c in (
            "SUBJECT",
            "CHILD",
            "DATE",
            "NUM",
            "DEN",
            "VALUE",
            "TEAM_ID",
            "WORKER_ID",
            "PLACE",
            "AGE_BAND",
        )
        if rows and c in rows[0]
    ]
    return render(
        request,
        "register/measure.html",
        {
            "title": m.title,
            "m": m,
            "fig": fig,
            "rows": [[(c, r.get(c)) for c in columns] for r in rows],
            "columns": columns,
            "month": month,
            "filters": filters,
            "numerator": request.GET.get("numerator", ""),
        },
    )
