"""Advocacy, independent visitors, life story, supervision, oversight, IRO challenges and audits,
worked by hand. As of Tuesday 31/03/2026 (12-month window after 31/03/2025)."""

from __future__ import annotations

import pytest

from lookedafter.measures import compute
from lookedafter.measures.fixtures import d, dataset, episode, figure

REF_EPISODES = [
    episode("R1", "2025-01-01"),
    episode("R2", "2025-06-01"),
    episode("R3", "2024-01-01"),
    episode("R4", "2024-01-01", "2025-12-01", REC="E13"),
]
REFERRALS = [
    # R1 asked 1/02/2025 (this period of care, before the window), started 10 days later
    {
        "CHILD": "R1",
        "SERVICE": "ADVOCACY",
        "REQUESTED_DATE": "2025-02-01",
        "STARTED_DATE": "2025-02-11",
    },
    # R2's request predates this period of care (1/06/2025): not an offer in it
    {
        "CHILD": "R2",
        "SERVICE": "ADVOCACY",
        "REQUESTED_DATE": "2025-03-01",
        "STARTED_DATE": "2025-03-20",
    },
    # R3 still waiting since 1/03/2026: 30 days so far
    {"CHILD": "R3", "SERVICE": "ADVOCACY", "REQUESTED_DATE": "2026-03-01"},
    # R4 (left care) waited 20 days
    {
        "CHILD": "R4",
        "SERVICE": "ADVOCACY",
        "REQUESTED_DATE": "2025-10-01",
        "STARTED_DATE": "2025-10-21",
    },
    # life story: 1/04/2025 -> 1/12/2025 = 30+31+30+31+31+30+31+30 = 244 days
    {
        "CHILD": "R1",
        "SERVICE": "LIFE_STORY",
        "REQUESTED_DATE": "2025-04-01",
        "STARTED_DATE": "2025-12-01",
    },
    # independent visitor: waiting since 1/07/2025 = 31+31+30+31+30+31+31+28+30 = 273 days
    {"CHILD": "R2", "SERVICE": "INDEPENDENT_VISITOR", "REQUESTED_DATE": "2025-07-01"},
]
REF = dataset(Episodes=REF_EPISODES, Referrals=REFERRALS)


def test_advocacy_offered_this_period_of_care() -> None:
    # in care: R1, R2, R3; offered in this period: R1, R3 -> 2 / 3
    num, den, value = figure(REF, "2026-03-31", "advocacy_offered")
    assert (num, den) == (2.0, 3.0)
    assert value == pytest.approx(200 / 3)


def test_advocacy_wait_median_counts_those_still_waiting() -> None:
    # requests in the window or still waiting: R3 (30, waiting), R4 (20) -> median 25
    assert figure(REF, "2026-03-31", "advocacy_wait") == (None, 2.0, 25.0)


def test_life_story_offered_and_wait() -> None:
    assert figure(REF, "2026-03-31", "life_story_offered")[:2] == (1.0, 3.0)
    assert figure(REF, "2026-03-31", "life_story_wait") == (None, 1.0, 244.0)


def test_independent_visitor_offered_and_wait() -> None:
    assert figure(REF, "2026-03-31", "independent_visitor_offered")[:2] == (1.0, 3.0)
    assert figure(REF, "2026-03-31", "independent_visitor_wait") == (None, 1.0, 273.0)


def _worker(wid: str, role: str = "SW", **kw: object) -> dict[str, object]:
    return {
        "WORKER_ID": wid,
        "TEAM_ID": "T1",
        "ROLE": role,
        "FTE": 1.0,
        "AGENCY": False,
        "CASE_HOLDING": role == "SW",
        "START_DATE": "2020-01-01",
        **kw,
    }


def test_supervision_in_interval_of_one_month() -> None:
    workers = [
        _worker("S1"),
        _worker("S2"),
        _worker("S3", START_DATE="2026-03-10"),  # too new to be due supervision
        _worker("S4", AGENCY=True, START_DATE="2024-01-01"),  # never supervised
        _worker("S5", role="TM"),  # not case-holding
        _worker("S6", LEAVE_DATE="2026-01-01"),  # left
    ]
    sessions = [
        {"SESSION_ID": "1", "WORKER_ID": "S1", "SESSION_DATE": "2026-03-15"},
        {"SESSION_ID": "2", "WORKER_ID": "S2", "SESSION_DATE": "2026-02-28"},  # a month before
        {"SESSION_ID": "3", "WORKER_ID": "S4", "SESSION_DATE": "2026-04-02"},  # after the date
    ]
    ds = dataset(Workers=workers, Supervision=sessions)
    # counted: S1, S2, S4; supervised since 28/02/2026: S1, S2 -> 2 / 3
    num, den, _ = figure(ds, "2026-03-31", "supervision_in_interval")
    assert (num, den) == (2.0, 3.0)


def test_oversight_in_interval_of_three_months() -> None:
    episodes = [
        episode("O1", "2025-01-01"),
        episode("O2", "2025-01-01"),
        episode("O3", "2025-01-01"),
        episode("O4", "2026-02-01"),  # in care under 3 months
        episode("O5", "2025-12-31"),  # in care exactly 3 months: counted
    ]
    oversight = [
        {"CHILD": "O1", "MANAGER_ID": "M", "OVERSIGHT_DATE": "2026-01-15"},
        {"CHILD": "O3", "MANAGER_ID": "M", "OVERSIGHT_DATE": "2025-12-30"},  # a day too early
    ]
    sessions = [{"SESSION_ID": "9", "WORKER_ID": "S1", "SESSION_DATE": "2026-02-01"}]
    discussed = [{"SESSION_ID": "9", "CHILD": "O2"}]
    ds = dataset(
        Episodes=episodes,
        ManagementOversight=oversight,
        Supervision=sessions,
        SupervisionCases=discussed,
    )
    # counted: O1, O2, O3, O5; oversight since 31/12/2025: O1 (entry), O2 (supervision) -> 2 / 4
    assert figure(ds, "2026-03-31", "oversight_in_interval") == (2.0, 4.0, 50.0)


def test_iro_open_challenges_by_stage_and_age() -> None:
    challenges = [
        # Tue 24/03 -> Tue 31/03: 5 working days open
        {
            "CHALLENGE_ID": "CH1",
            "CHILD": "A",
            "RAISED_DATE": "2026-03-24",
            "STAGE": "INFORMAL",
            "RESPONSE_DUE": "2026-04-07",
        },
        # 2/02 -> 31/03: 41 working days; response overdue since 16/02
        {
            "CHALLENGE_ID": "CH2",
            "CHILD": "B",
            "RAISED_DATE": "2026-02-02",
            "STAGE": "TM",
            "RESPONSE_DUE": "2026-02-16",
        },
        # 2/03 -> 31/03: 21 working days
        {
            "CHALLENGE_ID": "CH3",
            "CHILD": "A",
            "RAISED_DATE": "2026-03-02",
            "STAGE": "SM",
            "RESPONSE_DUE": "2026-03-16",
            "RESPONDED_DATE": "2026-03-10",
        },
        # resolved: not open
        {
            "CHALLENGE_ID": "CH4",
            "CHILD": "B",
            "RAISED_DATE": "2026-01-05",
            "STAGE": "TM",
            "RESOLVED_DATE": "2026-02-01",
        },
        # raised after the date
        {"CHALLENGE_ID": "CH5", "CHILD": "B", "RAISED_DATE": "2026-04-02", "STAGE": "INFORMAL"},
    ]
    allocations = [
        {"CHILD": "A", "WORKER_ID": "W1", "ALLOC_ROLE": "SW", "ALLOC_START": "2025-01-01"},
        {"CHILD": "B", "WORKER_ID": "W2", "ALLOC_ROLE": "SW", "ALLOC_START": "2025-01-01"},
    ]
    workers = [_worker("W1"), {**_worker("W2"), "TEAM_ID": "T2"}]
    ds = dataset(IROChallenges=challenges, Allocations=allocations, Workers=workers)
    res = compute(
        ds, d("2026-03-31"), by=["stage", "open_age", "team"], measures=["iro_open_challenges"]
    )
    assert res.value("iro_open_challenges") == 3.0
    for stage in ("INFORMAL", "TM", "SM"):
        assert res.value("iro_open_challenges", "stage", stage) == 1.0
    assert res.value("iro_open_challenges", "open_age", "Under 10 working days") == 1.0
    assert res.value("iro_open_challenges", "open_age", "20 to 39 working days") == 1.0
    assert res.value("iro_open_challenges", "open_age", "40 working days or more") == 1.0
    # by the team of the child's social worker: A (W1, T1) has 2, B (W2, T2) 1
    assert res.value("iro_open_challenges", "team", "T1") == 2.0
    assert res.value("iro_open_challenges", "team", "T2") == 1.0
    behind = res.behind("iro_open_challenges").sort("SUBJECT")
    assert behind["OPEN_WORKING_DAYS"].to_list() == [5, 41, 21]
    assert behind["RESPONSE_OVERDUE"].to_list() == [False, True, False]


AUDITS = [
    {
        "AUDIT_ID": "A1",
        "CHILD": "K1",
        "AUDIT_SERVICE": "CIC",
        "AUDITOR_ROLE": "TM",
        "AUDIT_DATE": "2025-06-01",
        "GRADE": "GOOD",
    },
    {
        "AUDIT_ID": "A2",
        "CHILD": "Z",
        "AUDIT_SERVICE": "CP",
        "AUDITOR_ROLE": "QA",
        "AUDIT_DATE": "2025-07-01",
        "GRADE": "RI",
    },
    {
        "AUDIT_ID": "A3",
        "CHILD": "K2",
        "AUDIT_SERVICE": "CIC",
        "AUDITOR_ROLE": "QA",
        "AUDIT_DATE": "2025-08-01",
        "GRADE": "OUTSTANDING",
    },
    {
        "AUDIT_ID": "A4",
        "CHILD": "K1",
        "AUDIT_SERVICE": "CIC",
        "AUDITOR_ROLE": "TM",
        "AUDIT_DATE": "2025-02-01",
        "GRADE": "INADEQUATE",
    },  # before the window
    {
        "AUDIT_ID": "A5",
        "CHILD": "Y",
        "AUDIT_SERVICE": "CIN",
        "AUDITOR_ROLE": "SM",
        "AUDIT_DATE": "2026-01-01",
    },  # not graded
]
ACTIONS = [
    {"AUDIT_ID": "A1", "ACTION_NO": 1, "DUE_DATE": "2025-07-01", "COMPLETED_DATE": "2025-06-20"},
    {"AUDIT_ID": "A1", "ACTION_NO": 2, "DUE_DATE": "2025-08-01", "COMPLETED_DATE": "2025-08-05"},
    {"AUDIT_ID": "A2", "ACTION_NO": 1, "DUE_DATE": "2026-01-01"},  # still open
    {"AUDIT_ID": "A3", "ACTION_NO": 1, "DUE_DATE": "2026-05-01"},  # not due yet
    {"AUDIT_ID": "A4", "ACTION_NO": 1, "DUE_DATE": "2025-03-01"},  # before the window
]
AUDIT_DS = dataset(
    Episodes=[episode(c, "2025-01-01") for c in ("K1", "K2", "K3")],
    CaseAudits=AUDITS,
    AuditActions=ACTIONS,
)


def test_audits_completed_by_service_and_grade() -> None:
    res = compute(AUDIT_DS, d("2026-03-31"), by=["service", "grade"], measures=["audits_completed"])
    # in the window: A1, A2, A3, A5 = 4; CIC 2, CP 1, CIN 1; grades GOOD, RI, OUTSTANDING, none
    assert res.value("audits_completed") == 4.0
    assert res.value("audits_completed", "service", "CIC") == 2.0
    assert res.value("audits_completed", "service", "CIN") == 1.0
    assert res.value("audits_completed", "grade", "RI") == 1.0
    assert res.value("audits_completed", "grade", "Unknown") == 1.0


def test_audits_cic_share() -> None:
    # CIC audits in the window: A1, A3 of A1, A2, A3, A5 -> 2 / 4
    assert figure(AUDIT_DS, "2026-03-31", "audits_cic_share") == (2.0, 4.0, 50.0)


def test_audits_by_team_managers() -> None:
    # A1 of A1, A2, A3, A5 -> 1 / 4
    assert figure(AUDIT_DS, "2026-03-31", "audits_by_team_managers") == (1.0, 4.0, 25.0)


def test_audit_grades_good() -> None:
    # graded: A1 good, A2 RI, A3 outstanding -> 2 / 3
    num, den, _ = figure(AUDIT_DS, "2026-03-31", "audit_grades_good")
    assert (num, den) == (2.0, 3.0)


def test_audit_coverage_cic() -> None:
    # in care: K1, K2, K3; audited as children in care in the window: K1 (A1), K2 (A3) -> 2 / 3
    num, den, _ = figure(AUDIT_DS, "2026-03-31", "audit_coverage_cic")
    assert (num, den) == (2.0, 3.0)


def test_audit_actions_on_time() -> None:
    # due in the window: A1#1 done early, A1#2 done late, A2#1 open -> 1 / 3
    num, den, _ = figure(AUDIT_DS, "2026-03-31", "audit_actions_on_time")
    assert (num, den) == (1.0, 3.0)
