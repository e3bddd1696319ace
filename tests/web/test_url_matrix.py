"""Every URL pattern, every role, their own team's child and another team's child.

A URL with no row here fails ``test_every_url_pattern_is_in_the_matrix``: adding a page means
deciding who may see it.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone
from web_support import PEOPLE, signed_in

from lookedafter.web.register.models import ReturnUpload, UploadStatus

ROLES = tuple(PEOPLE)
OWN, OTHER = "C1", "C9"  # C1: team T1 (SW1, IRO1); C9: team T9 in another service


def everyone(status: int) -> dict[str, tuple[int, int]]:
    return dict.fromkeys(ROLES, (status, status))


def only(allowed: dict[str, tuple[int, int]], default: int = 403) -> dict[str, tuple[int, int]]:
    return {r: allowed.get(r, (default, default)) for r in ROLES}


SEE_ALL = {"qa": (200, 200), "analyst": (200, 200), "leader": (200, 200), "admin": (200, 200)}
CASEWORK = only({"sw": (200, 404), "tm": (200, 404)})

# url name -> role -> (status on own team's child, status on another team's child)
MATRIX: dict[str, dict[str, tuple[int, int]]] = {
    "register-home": everyone(302),
    "register-login": everyone(200),
    "register-verify": everyone(302),
    "register-logout": everyone(405),
    "register-my-children": only({"sw": (200, 200), "sw_other": (200, 200)}),
    "register-children": everyone(200),
    "register-child": {
        "sw": (200, 404),
        "sw_other": (404, 404),
        "tm": (200, 404),
        "iro": (200, 404),
        **SEE_ALL,
    },
    "register-record-visit": {**CASEWORK, "sw_other": (404, 404)},
    "register-record-health": {**CASEWORK, "sw_other": (404, 404)},
    "register-record-pep": {**CASEWORK, "sw_other": (404, 404)},
    "register-record-missing": {**CASEWORK, "sw_other": (404, 404)},
    "register-record-return-interview": {**CASEWORK, "sw_other": (404, 404)},
    "register-change-placement": {**CASEWORK, "sw_other": (404, 404)},
    "register-record-review": only({"iro": (200, 404)}),
    "register-change-worker": only({"tm": (200, 404)}),
    "register-record-oversight": only({"tm": (200, 404)}),
    "register-team": only({"tm": (200, 200)}),
    "register-caseloads": only({"tm": (200, 200)}),
    "register-iro": only({"iro": (200, 200)}),
    "register-audit-log": only({"qa": (200, 200), "admin": (200, 200)}),
    "register-returns": only({"analyst": (200, 200)}),
    "register-return": only({"analyst": (200, 200)}),
    "register-return-apply": everyone(405),
    "register-validation": only({"analyst": (200, 200)}),
    "register-download-return": only({"analyst": (200, 200)}),
    "register-dashboard": only({"analyst": (200, 200), "leader": (200, 200)}),
    "register-measure": only({"analyst": (200, 200), "leader": (200, 200)}),
}
SKIPPED_PREFIXES = ("admin/", "static/")  # Django admin (checked below) and built files


def _patterns(resolver: URLResolver, prefix: str = "") -> list[tuple[str, URLPattern]]:
    out = []
    for p in resolver.url_patterns:
        route = prefix + str(p.pattern)
        if isinstance(p, URLResolver):
            out.extend(_patterns(p, route))
        else:
            out.append((route, p))
    return out


def register_patterns() -> list[tuple[str, URLPattern]]:
    return [
        (route, p)
        for route, p in _patterns(get_resolver())
        if not route.lstrip("^").startswith(SKIPPED_PREFIXES)
    ]


def test_every_url_pattern_is_in_the_matrix() -> None:
    names = {p.name for _, p in register_patterns()}
    assert None not in names, "every URL pattern needs a name"
    assert names - set(MATRIX) == set(), "add these URLs to MATRIX"
    assert set(MATRIX) - names == set(), "MATRIX lists URLs that no longer exist"


def _kwargs(
    pattern: URLPattern, child: str, upload: int, year: int, measure: str = "x"
) -> dict[str, Any]:
    values = {"child_id": child, "upload_id": upload, "year": year, "measure": measure}
    return {name: values[name] for name in pattern.pattern.converters}


@pytest.mark.slow
def test_every_role_gets_the_expected_status_on_every_url(people: dict[str, Any]) -> None:
    upload = ReturnUpload.objects.create(
        uploaded_by=people["analyst"],
        uploaded_at=timezone.now(),
        folder="/nonexistent",
        year=2026,
        status=UploadStatus.REJECTED,
    )
    measure = _a_measure_id()
    year = timezone.localdate().year + (1 if timezone.localdate().month >= 4 else 0)
    failures = []
    for name, user in people.items():
        client = signed_in(user)
        for _, pattern in register_patterns():
            expected_own, expected_other = MATRIX[pattern.name][name]
            for child, expected in ((OWN, expected_own), (OTHER, expected_other)):
                kwargs = _kwargs(pattern, child, upload.pk, year, measure)
                if not set(kwargs) & {"child_id"} and child == OTHER:
                    continue  # a page about no child: one request is enough
                url = reverse(pattern.name, kwargs=kwargs)
                status = client.get(url).status_code
                if status != expected:
                    failures.append(f"{name} GET {url}: {status}, expected {expected}")
    assert failures == []


def _a_measure_id() -> str:
    from lookedafter.web.register.views.dashboard import measure_ids

    ids = measure_ids()
    return ids[0] if ids else "none"


def test_signed_out_visitors_are_sent_to_sign_in(register: None) -> None:
    from django.test import Client

    client = Client()
    for _, pattern in register_patterns():
        if pattern.name in ("register-login", "register-logout", "register-return-apply"):
            continue
        kwargs = _kwargs(pattern, OWN, 1, 2026)
        response = client.get(reverse(pattern.name, kwargs=kwargs))
        assert response.status_code == 302, pattern.name
        assert response["Location"].startswith(reverse("register-login")), pattern.name


def test_django_admin_is_for_verified_administrators_only(people: dict[str, Any]) -> None:
    assert signed_in(people["admin"]).get("/admin/").status_code == 200
    for name in ("sw", "tm", "leader"):
        assert signed_in(people[name]).get("/admin/").status_code == 302
    unverified = signed_in(get_user_model().objects.get(username="admin"))
    session = unverified.session
    session.pop("otp_device_id", None)
    session.save()
    assert unverified.get("/admin/").status_code == 302


def test_an_administrator_manages_users_teams_and_settings(people: dict[str, Any]) -> None:
    admin_client = signed_in(people["admin"])
    for url in (
        "/admin/auth/user/",
        f"/admin/auth/user/{people['sw'].pk}/change/",
        "/admin/register/team/",
        "/admin/register/worker/",
        "/admin/register/authorityprofile/",
        "/admin/register/closureday/add/",
        "/admin/register/schoolterm/add/",
        "/admin/register/localtimescale/add/",
        "/admin/register/auditevent/",
    ):
        assert admin_client.get(url).status_code == 200, url
    response = admin_client.post(
        "/admin/register/closureday/add/", {"day": "2026-12-24", "description": "Christmas Eve"}
    )
    assert response.status_code == 302
    from lookedafter.web.register.models import AuditEvent, ClosureDay

    assert ClosureDay.objects.filter(description="Christmas Eve").exists()
    assert AuditEvent.objects.filter(what="admin add closureday", username="admin").exists()
    assert admin_client.get("/admin/register/auditevent/1/delete/").status_code == 403
