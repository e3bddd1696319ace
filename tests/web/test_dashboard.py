"""The dashboard: every measure, its trend as a chart and a table, filters, drill-down."""

from __future__ import annotations

from collections.abc import Callable

from django.test import Client

from lookedafter.measures import all_measures
from lookedafter.web.register.chart import line_chart
from lookedafter.web.register.models import AuditEvent

As = Callable[[str], Client]


def test_the_dashboard_shows_every_measure_with_a_chart_and_a_table(as_: As) -> None:
    page = as_("leader").get("/dashboard/").content.decode()
    for m in all_measures():
        assert f'id="m-{m.id}"' in page, m.id
    assert page.count('<svg class="app-chart"') >= 1
    assert page.count("by month</caption>") == page.count('<svg class="app-chart"')


def test_a_filter_is_applied_and_unknown_values_are_ignored(as_: As) -> None:
    assert as_("leader").get("/dashboard/?team=T1&age=10+to+15").status_code == 200
    assert as_("leader").get("/dashboard/?team=NOPE").status_code == 200


def test_a_figure_leads_to_the_children_behind_it(as_: As) -> None:
    measure = next(m for m in all_measures() if m.subject == "child")
    response = as_("analyst").get(f"/dashboard/{measure.id}/")
    assert response.status_code == 200
    assert 'id="behind"' in response.content.decode()
    assert AuditEvent.objects.filter(action="list", what=f"measure {measure.id}").exists()
    assert as_("analyst").get("/dashboard/not-a-measure/").status_code == 404


def test_the_chart_describes_itself_and_draws_the_national_line() -> None:
    svg = line_chart(
        [("2026-01", 50.0), ("2026-02", None), ("2026-03", 75.0)],
        title="Visits on time",
        unit="%",
        national=80.0,
        chart_id="c1",
    )
    assert 'role="img"' in svg and '<title id="c1-title">Visits on time</title>' in svg
    assert "latest 75%" in svg and "national figure 80%" in svg
    assert "app-chart__national" in svg
    assert svg.count("<circle") == 2
