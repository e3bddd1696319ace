"""The access module and the audit log."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection, transaction
from django.db.utils import DatabaseError
from django.test import Client

from lookedafter.web.register import access
from lookedafter.web.register.models import AppendOnlyError, AuditEvent, Child, ChildAccessGrant

As = Callable[[str], Client]


def _ids(user: Any) -> set[str]:
    return set(access.accessible_children(user).values_list("child", flat=True))


def test_each_role_sees_the_children_it_should(people: dict[str, Any]) -> None:
    assert _ids(people["sw"]) == {"C1", "C3"}  # own team, and named on restricted C3
    assert _ids(people["sw_other"]) == {"C2"}
    assert _ids(people["tm"]) == {"C1", "C2"}  # the CIC service; not named on C3
    assert _ids(people["iro"]) == {"C1", "C2"}
    for name in ("qa", "analyst", "leader", "admin"):
        assert _ids(people[name]) == {"C1", "C2", "C9"}


def test_a_restricted_child_is_visible_only_to_people_named_on_it(
    people: dict[str, Any], as_: As
) -> None:
    assert as_("sw").get("/children/C3/").status_code == 200
    for name in ("tm", "leader", "analyst", "qa", "sw_other"):
        assert as_(name).get("/children/C3/").status_code == 404, name
    ChildAccessGrant.objects.create(
        child=Child.objects.get(child="C3"), user=people["leader"], reason="case review"
    )
    assert as_("leader").get("/children/C3/").status_code == 200


def test_a_user_with_no_role_sees_nothing(db: Any, django_user_model: Any) -> None:
    user = django_user_model.objects.create_user("nobody", password="x" * 12)
    assert _ids(user) == set()
    client = Client()
    client.force_login(user)
    assert client.get("/children/").status_code == 403


def test_reading_a_child_is_logged_and_shown_on_the_page(as_: As) -> None:
    as_("qa").get("/children/C1/")
    event = AuditEvent.objects.filter(action="read", child="C1").latest("id")
    assert (event.username, event.role, event.ip) == ("qa", "qa_auditor", "127.0.0.1")
    page = as_("sw").get("/children/C1/").content.decode()
    viewers = page[page.index('id="viewers"') :]
    assert "qa" in viewers and "qa_auditor" in viewers


def test_lists_and_exports_are_logged(as_: As) -> None:
    as_("sw").get("/my-children/")
    listed = AuditEvent.objects.filter(action="list", what="my children").latest("id")
    assert set(listed.detail["children"]) == {"C1", "C3"}
    as_("leader").get("/children/?q=Khan")
    assert AuditEvent.objects.filter(action="list", what="children", username="leader").exists()


def test_the_audit_log_cannot_be_changed_or_deleted(as_: As) -> None:
    as_("qa").get("/children/C1/")
    event = AuditEvent.objects.latest("id")
    event.what = "tampered"
    with pytest.raises(AppendOnlyError):
        event.save()
    with pytest.raises(AppendOnlyError):
        event.delete()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the trigger is PostgreSQL's")
def test_on_postgresql_a_trigger_refuses_update_and_delete(as_: As) -> None:
    as_("qa").get("/children/C1/")
    for sql in ("UPDATE register_auditevent SET what = 'x'", "DELETE FROM register_auditevent"):
        with (
            pytest.raises(DatabaseError, match="append-only"),
            transaction.atomic(),
            connection.cursor() as cursor,
        ):
            cursor.execute(sql)
    assert AuditEvent.objects.filter(what="child page").exists()


def test_views_reach_children_only_through_the_access_module() -> None:
    """Zulip-style custom check: no view queries Child itself."""
    from pathlib import Path

    import lookedafter.web.register.views as views

    offenders = [
        f"{p.name}:{n}"
        for p in Path(views.__file__).parent.glob("*.py")
        for n, line in enumerate(p.read_text("utf-8").splitlines(), 1)
        if "Child.objects" in line
    ]
    assert offenders == [], "use access.accessible_children / access_child_by_id"
