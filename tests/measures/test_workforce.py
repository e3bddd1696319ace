"""Workforce measures, worked by hand. As of 31/03/2026 the census date is 30/09/2025."""

from __future__ import annotations

import pytest

from lookedafter.measures import Settings, compute
from lookedafter.measures.fixtures import d, dataset, episode, figure

WORKERS = [
    # employed SW in post throughout
    {
        "WORKER_ID": "W1",
        "TEAM_ID": "T1",
        "ROLE": "SW",
        "FTE": 1.0,
        "AGENCY": False,
        "CASE_HOLDING": True,
        "START_DATE": "2020-01-01",
    },
    # employed SW, 0.5 FTE, left 30/06/2025: a leaver in the year to 30/09/2025
    {
        "WORKER_ID": "W2",
        "TEAM_ID": "T1",
        "ROLE": "SW",
        "FTE": 0.5,
        "AGENCY": False,
        "CASE_HOLDING": True,
        "START_DATE": "2021-01-01",
        "LEAVE_DATE": "2025-06-30",
    },
    # agency SW in post
    {
        "WORKER_ID": "W3",
        "TEAM_ID": "T2",
        "ROLE": "SW",
        "FTE": 1.0,
        "AGENCY": True,
        "CASE_HOLDING": True,
        "START_DATE": "2025-01-01",
    },
    # employed team manager in post (a registered social worker, not case-holding)
    {
        "WORKER_ID": "W4",
        "TEAM_ID": "T1",
        "ROLE": "TM",
        "FTE": 1.0,
        "AGENCY": False,
        "CASE_HOLDING": False,
        "START_DATE": "2019-01-01",
    },
    # employed SW who started after the census date
    {
        "WORKER_ID": "W5",
        "TEAM_ID": "T2",
        "ROLE": "SW",
        "FTE": 1.0,
        "AGENCY": False,
        "CASE_HOLDING": True,
        "START_DATE": "2025-10-15",
    },
    # a QA auditor: not a social work post
    {
        "WORKER_ID": "W6",
        "TEAM_ID": "T9",
        "ROLE": "QA",
        "FTE": 1.0,
        "AGENCY": False,
        "CASE_HOLDING": False,
        "START_DATE": "2018-01-01",
    },
    # left on 30/09/2024: the day that ends the previous census year, so not this year's leaver
    {
        "WORKER_ID": "W7",
        "TEAM_ID": "T1",
        "ROLE": "SW",
        "FTE": 1.0,
        "AGENCY": False,
        "CASE_HOLDING": True,
        "START_DATE": "2018-01-01",
        "LEAVE_DATE": "2024-09-30",
    },
]
VACANCIES = [
    {"VACANCY_ID": "V1", "TEAM_ID": "T1", "ROLE": "SW", "FTE": 1.0, "OPEN_DATE": "2025-07-01"},
    {
        "VACANCY_ID": "V2",
        "TEAM_ID": "T1",
        "ROLE": "SW",
        "FTE": 0.5,
        "OPEN_DATE": "2025-01-01",
        "FILLED_DATE": "2025-08-01",
    },
    {"VACANCY_ID": "V3", "TEAM_ID": "T2", "ROLE": "SW", "FTE": 1.0, "OPEN_DATE": "2025-10-01"},
]
EPISODES = [episode(c, "2025-01-01") for c in ("C1", "C2", "C3", "C4")] + [
    episode("C5", "2025-01-01", "2025-12-01", REC="E13")
]
ALLOCATIONS = [
    {"CHILD": c, "WORKER_ID": w, "ALLOC_ROLE": "SW", "ALLOC_START": "2025-01-01"}
    for c, w in (("C1", "W1"), ("C2", "W1"), ("C3", "W1"), ("C4", "W3"), ("C5", "W1"))
]
DS = dataset(Workers=WORKERS, Vacancies=VACANCIES, Episodes=EPISODES, Allocations=ALLOCATIONS)


def test_workforce_turnover_counts_employed_leavers_over_employed_fte_at_census() -> None:
    # leavers 1/10/2024-30/09/2025, employed: W2 0.5 FTE. In post 30/09/2025, employed, social
    # work roles: W1 1.0 + W4 1.0 = 2.0. Turnover = 0.5 / 2.0 = 25%.
    assert figure(DS, "2026-03-31", "workforce_turnover") == (0.5, 2.0, 25.0)


def test_workforce_vacancy_is_vacant_fte_over_vacant_plus_employed() -> None:
    # vacant on 30/09/2025: V1 1.0 (V2 filled in August, V3 opened in October).
    # 1.0 / (1.0 + 2.0 employed) = 33.33%
    num, den, value = figure(DS, "2026-03-31", "workforce_vacancy")
    assert (num, den) == (1.0, 3.0)
    assert value == pytest.approx(100 / 3)


def test_workforce_agency_is_agency_fte_over_all_in_post() -> None:
    # in post 30/09/2025: W1 1.0, W3 1.0 (agency), W4 1.0 -> 1.0 / 3.0 = 33.33%
    num, den, value = figure(DS, "2026-03-31", "workforce_agency")
    assert (num, den) == (1.0, 3.0)
    assert value == pytest.approx(100 / 3)


def test_workforce_census_date_moves_on_after_30_september() -> None:
    # As of 31/10/2025 the census date is 30/09/2025 too; as of 29/09/2025 it is 30/09/2024:
    # leavers 1/10/2023-30/09/2024: W7 (left 30/09/2024) 1.0; in post 30/09/2024 employed:
    # W1, W2 (0.5), W4 = 2.5 -> 40%
    assert figure(DS, "2025-09-29", "workforce_turnover") == (1.0, 2.5, 40.0)


def test_caseload_average_is_children_in_care_per_case_holding_fte() -> None:
    # case-holding in post 31/03/2026: W1 (C1, C2, C3; C5 left care), W3 (C4), W5 (none)
    # = 4 children / 3.0 FTE = 1.333
    num, den, value = figure(DS, "2026-03-31", "caseload_average")
    assert (num, den) == (4.0, 3.0)
    assert value == pytest.approx(4 / 3)


def test_caseload_high_against_the_local_limit() -> None:
    # limit 2: W1 has 3 per FTE (high), W3 1, W5 0 -> 1 / 3
    num, den, value = figure(DS, "2026-03-31", "caseload_high", settings=Settings(caseload_limit=2))
    assert (num, den) == (1.0, 3.0)
    assert value == pytest.approx(100 / 3)


def test_caseload_by_team_and_workers_behind_it() -> None:
    res = compute(DS, d("2026-03-31"), by="team", measures=["caseload_average"])
    # T1: W1 3 cases / 1.0 FTE = 3.0; T2: W3 1 + W5 0 = 1 case / 2.0 FTE = 0.5
    assert res.value("caseload_average", "team", "T1") == 3.0
    assert res.value("caseload_average", "team", "T2") == 0.5
    behind = res.behind("caseload_average").sort("WORKER_ID")
    assert behind["WORKER_ID"].to_list() == ["W1", "W3", "W5"]
    assert behind["CASES"].to_list() == [3.0, 1.0, 0.0]
