"""Team managers' worklist and caseloads, the IRO's reviews, the audit log page."""

from __future__ import annotations

from collections.abc import Callable

from django.test import Client

As = Callable[[str], Client]


def test_a_manager_sees_the_team_worklist_overdue_first(as_: As) -> None:
    page = as_("tm").get("/team/").content.decode()
    assert 'data-child="C1"' in page and 'data-child="C2"' not in page  # C2 is in team T2
    assert 'data-child="C3"' not in page  # restricted, the manager is not named on it
    other = as_("tm").get("/team/?team=T2").content.decode()
    assert 'data-child="C2"' in other
    # a team outside the service falls back to the manager's own
    assert 'data-child="C9"' not in as_("tm").get("/team/?team=T9").content.decode()


def test_caseloads_count_each_workers_children(as_: As) -> None:
    page = as_("tm").get("/team/caseloads/").content.decode()
    row = page[page.index("Sam Worker") :]
    row = row[: row.index("</tr>")]
    assert ">1<" in row  # C1 (C3 is restricted and not the manager's to see)


def test_an_iro_sees_their_children_with_the_next_review(as_: As) -> None:
    page = as_("iro").get("/iro/").content.decode()
    assert "Amira Khan" in page and "Ben Jones" in page and "Dev Patel" not in page
    assert "review" in page.lower()


def test_the_audit_log_filters_by_child(as_: As) -> None:
    as_("sw").get("/children/C1/")
    page = as_("qa").get("/audit/?child=C1").content.decode()
    assert "child page" in page and ">sw<" in page
