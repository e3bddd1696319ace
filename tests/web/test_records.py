"""Recording on a child: the happy path, bad input, stale saves, and who may do it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from lookedafter.web.register.models import (
    Allocation,
    AuditEvent,
    Child,
    Episode,
    HealthCheck,
    MissingEpisode,
    OversightEntry,
    Pep,
    ReturnInterview,
    Review,
    Visit,
)

As = Callable[[str], Client]


def _date(prefix: str, day: Any) -> dict[str, str]:
    return {
        f"{prefix}_day": str(day.day),
        f"{prefix}_month": str(day.month),
        f"{prefix}_year": str(day.year),
    }


def _version(child: str = "C1") -> int:
    return int(Child.objects.get(child=child).version)


def _overdue_rules(client: Client) -> str:
    page: str = client.get("/my-children/").content.decode()
    start = page.index('data-child="C1"')
    return page[start : page.index("</tr>", start)]


def test_recording_a_visit_takes_it_off_the_overdue_list(as_: As) -> None:
    sw = as_("sw")
    assert "Visits in a placement" in _overdue_rules(sw)
    today = timezone.localdate()
    response = sw.post(
        "/children/C1/visit/",
        {"version": _version(), "seen": "yes", "seen_alone": "yes", **_date("visit_date", today)},
    )
    assert response.status_code == 302
    assert Visit.objects.filter(child__child="C1", visit_date=today, worker_id="SW1").exists()
    assert "Visits in a placement" not in _overdue_rules(sw)
    event = AuditEvent.objects.filter(action="write", child="C1").latest("id")
    assert event.username == "sw" and event.role == "social_worker" and event.what == "record visit"


def test_a_bad_visit_is_explained_with_the_error_summary(as_: As) -> None:
    response = as_("sw").post(
        "/children/C1/visit/",
        {
            "version": _version(),
            "seen": "yes",
            "seen_alone": "no",
            "visit_date_day": "31",
            "visit_date_month": "2",
            "visit_date_year": "2026",
        },
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "There is a problem" in page
    assert "Date of the visit must be a real date" in page
    assert "Enter why the child was not seen alone" in page
    assert 'href="#id_visit_date"' in page
    assert not Visit.objects.filter(child__child="C1", recorded_date=timezone.localdate()).exists()


def test_a_future_visit_is_refused(as_: As) -> None:
    tomorrow = timezone.localdate() + timedelta(days=1)
    response = as_("sw").post(
        "/children/C1/visit/",
        {
            "version": _version(),
            "seen": "yes",
            "seen_alone": "yes",
            **_date("visit_date", tomorrow),
        },
    )
    assert response.status_code == 400
    assert "must be today or in the past" in response.content.decode()


def test_the_second_of_two_saves_from_the_same_page_is_refused(as_: As) -> None:
    sw, tm = as_("sw"), as_("tm")
    version = _version()
    today = timezone.localdate()
    first = sw.post(
        "/children/C1/visit/",
        {"version": version, "seen": "yes", "seen_alone": "yes", **_date("visit_date", today)},
    )
    assert first.status_code == 302
    second = tm.post(
        "/children/C1/health/",
        {"version": version, "kind": "RHA", **_date("done_on", today)},
    )
    assert second.status_code == 409
    assert "Someone else saved a change" in second.content.decode()
    assert not HealthCheck.objects.filter(child__child="C1", health_kind="RHA").exists()
    assert _version() == version + 1


@pytest.mark.parametrize(
    ("path", "data", "model", "lookup"),
    [
        (
            "health",
            {"kind": "SDQ", "sdq_score": "14"},
            HealthCheck,
            {"health_kind": "SDQ", "sdq_score": 14},
        ),
        ("pep", {"kind": "REVIEW"}, Pep, {"pep_kind": "REVIEW"}),
        ("missing", {"kind": "A"}, MissingEpisode, {"missing": "A"}),
    ],
)
def test_a_social_worker_records_casework(
    as_: As, path: str, data: dict[str, str], model: Any, lookup: dict[str, Any]
) -> None:
    day = timezone.localdate() - timedelta(days=1)
    prefix = {"health": "done_on", "pep": "pep_date", "missing": "start"}[path]
    response = as_("sw").post(
        f"/children/C1/{path}/", {"version": _version(), **data, **_date(prefix, day)}
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert model.objects.filter(child__child="C1", **lookup).exists()


def test_a_return_interview_is_recorded_against_its_missing_episode(as_: As) -> None:
    start = MissingEpisode.objects.get(child__child="C1").mis_start
    returned = start + timedelta(days=1)
    response = as_("sw").post(
        "/children/C1/return-interview/",
        {
            "version": _version(),
            "mis_start": start.isoformat(),
            **_date("returned_on", returned),
            "returned_time": "18:30",
            **_date("done_on", returned + timedelta(days=1)),
            "done_time": "10:00",
            "accepted": "yes",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    interview = ReturnInterview.objects.get(child__child="C1", mis_start=start)
    assert interview.accepted is True
    assert timezone.localtime(interview.done_at).hour == 10


def test_a_placement_change_closes_the_episode_and_opens_the_next(as_: As) -> None:
    day = timezone.localdate() - timedelta(days=2)
    response = as_("sw").post(
        "/children/C1/placement/",
        {
            "version": _version(),
            **_date("moved_on", day),
            "place": "U4",
            "provider": "PR1",
            "reason": "CARPL",
            "postcode": "m1 1ae",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    episodes = list(Episode.objects.filter(child__child="C1").order_by("decom"))
    assert episodes[-2].dec == day and episodes[-2].rec == "X1"
    assert episodes[-1].decom == day and episodes[-1].place == "U4"
    assert episodes[-1].ls == "C2" and episodes[-1].rne == "P" and episodes[-1].pl_post == "M1 1AE"


def test_a_placement_change_with_a_bad_postcode_is_refused(as_: As) -> None:
    response = as_("sw").post(
        "/children/C1/placement/",
        {
            "version": _version(),
            **_date("moved_on", timezone.localdate()),
            "place": "U4",
            "provider": "PR1",
            "reason": "CARPL",
            "postcode": "NOTACODE",
        },
    )
    assert response.status_code == 400
    assert "Enter a real postcode" in response.content.decode()


def test_a_manager_reassigns_a_child_and_the_team_follows(as_: As) -> None:
    tm = as_("tm")
    response = tm.post(
        "/children/C1/worker/",
        {
            "version": _version(),
            "worker": "SW2",
            **_date("starts_on", timezone.localdate()),
            "reason": "MANAGE",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    child = Child.objects.get(child="C1")
    assert (child.current_worker, child.current_team) == ("SW2", "T2")
    assert Allocation.objects.get(child=child, worker_id="SW1").alloc_end is not None
    # SW1's team can no longer see the child; SW2's team now can
    assert as_("sw").get("/children/C1/").status_code == 404
    assert as_("sw_other").get("/children/C1/").status_code == 200


def test_a_manager_records_oversight(as_: As) -> None:
    response = as_("tm").post(
        "/children/C1/oversight/", {"version": _version(), **_date("on", timezone.localdate())}
    )
    assert response.status_code == 302
    assert OversightEntry.objects.filter(child__child="C1", manager_id="TM1").exists()


def test_an_iro_records_a_review_with_participation(as_: As) -> None:
    day = timezone.localdate()
    response = as_("iro").post(
        "/children/C1/review/",
        {"version": _version(), "participation": "PN6", **_date("review_date", day)},
    )
    assert response.status_code == 302
    assert Review.objects.get(child__child="C1", review=day).review_code == "PN6"


def test_an_iro_must_choose_how_the_child_took_part(as_: As) -> None:
    response = as_("iro").post(
        "/children/C1/review/",
        {"version": _version(), **_date("review_date", timezone.localdate())},
    )
    assert response.status_code == 400
    assert "Select how the child participated" in response.content.decode()


def test_people_who_cannot_record_are_refused(as_: As) -> None:
    today = _date("visit_date", timezone.localdate())
    data = {"version": _version(), "seen": "yes", "seen_alone": "yes", **today}
    assert as_("sw_other").post("/children/C1/visit/", data).status_code == 404
    assert as_("leader").post("/children/C1/visit/", data).status_code == 403
    assert as_("sw").post("/children/C9/visit/", data).status_code == 404
    assert as_("sw").post("/children/C1/review/", data).status_code == 403
    assert not Visit.objects.filter(recorded_date=timezone.localdate()).exists()


def test_the_version_field_is_required(as_: As) -> None:
    response = as_("sw").post(
        "/children/C1/visit/",
        {"seen": "yes", "seen_alone": "yes", **_date("visit_date", timezone.localdate())},
    )
    assert response.status_code == 400
