"""Reviews, health and PEP measures, worked by hand. As of 31/03/2026 (window after 31/03/2025)."""

from __future__ import annotations

import pytest

from lookedafter.measures.fixtures import dataset, episode, figure, timescales

EPISODES = [
    episode("C1", "2024-01-10"),  # looked after 12 months+
    episode("C2", "2025-11-03"),  # came into care recently
    episode("C3", "2023-05-01"),  # looked after 12 months+
    episode("C4", "2020-01-01", "2026-02-01", REC="E13"),  # left
]
HEADER = [
    {"CHILD": "C1", "DOB": "2015-06-01"},  # 10
    {"CHILD": "C2", "DOB": "2024-02-01"},  # 2
    {"CHILD": "C3", "DOB": "2009-04-01"},  # 16 (turns 17 on 1/04/2026)
    {"CHILD": "C4", "DOB": "2012-01-01"},
]


def _ts(rule: str, child: str, due: str, status: str, done: str | None = None) -> dict[str, object]:
    return {
        "CHILD": child,
        "RULE": rule,
        "OCCURRENCE": 1,
        "CLOCK_START": "2024-01-01",
        "DUE_DATE": due,
        "DONE_DATE": done,
        "STATUS": status,
    }


TS = timescales(
    [
        _ts("R1", "C2", "2025-12-01", "on_time", "2025-11-28"),
        _ts("R1", "C1", "2024-02-07", "on_time", "2024-02-07"),  # before the window
        _ts("R2", "C2", "2026-02-28", "late", "2026-03-03"),
        _ts("R2", "C3", "2025-08-01", "on_time", "2025-07-30"),
        _ts("R3", "C1", "2025-10-01", "on_time", "2025-09-15"),
        _ts("R3", "C3", "2026-01-30", "overdue"),
        _ts("R3", "C4", "2026-03-01", "not_applicable"),
        _ts("H1", "C2", "2025-12-01", "late", "2025-12-10"),
        _ts("H2", "C1", "2026-03-01", "overdue"),
        _ts("H2", "C3", "2026-06-01", "not_yet_due"),
        _ts("E1", "C2", "2025-11-17", "on_time", "2025-11-10"),
        _ts("E2", "C1", "2026-03-20", "overdue"),
        _ts("E2", "C3", "2026-04-20", "due_soon"),
    ]
)


def test_reviews_first_on_time() -> None:
    # R1 due in the window: C2 on time (C1's was in 2024) -> 1 / 1
    assert figure(
        dataset(Episodes=EPISODES), "2026-03-31", "reviews_first_on_time", timescales=TS
    ) == (1.0, 1.0, 100.0)


def test_reviews_second_on_time() -> None:
    # R2: C2 late, C3 on time -> 1 / 2
    assert figure(
        dataset(Episodes=EPISODES), "2026-03-31", "reviews_second_on_time", timescales=TS
    ) == (1.0, 2.0, 50.0)


def test_reviews_later_on_time() -> None:
    # R3: C1 on time, C3 overdue (C4 not applicable) -> 1 / 2
    assert figure(
        dataset(Episodes=EPISODES), "2026-03-31", "reviews_later_on_time", timescales=TS
    ) == (1.0, 2.0, 50.0)


def test_review_participation_excludes_under_fours() -> None:
    reviews = [
        {"CHILD": "C2", "REVIEW": "2025-11-28", "REVIEW_CODE": "PN0"},  # under 4: left out
        {"CHILD": "C1", "REVIEW": "2025-09-15", "REVIEW_CODE": "PN1"},
        {"CHILD": "C3", "REVIEW": "2025-07-30", "REVIEW_CODE": "PN4"},
        {"CHILD": "C3", "REVIEW": "2025-05-01", "REVIEW_CODE": "PN7"},  # no views: not in num
        {"CHILD": "C4", "REVIEW": "2026-01-10", "REVIEW_CODE": "PN6"},
        {"CHILD": "C1", "REVIEW": "2025-03-01", "REVIEW_CODE": "PN1"},  # before the window
    ]
    ds = dataset(Episodes=EPISODES, Reviews=reviews)
    # PN1, PN4, PN6 of PN1, PN4, PN7, PN6 -> 3 / 4
    assert figure(ds, "2026-03-31", "review_participation") == (3.0, 4.0, 75.0)


def test_health_initial_on_time() -> None:
    # H1 due in the window: C2 late -> 0 / 1
    assert figure(
        dataset(Episodes=EPISODES), "2026-03-31", "health_initial_on_time", timescales=TS
    ) == (0.0, 1.0, 0.0)


def test_health_in_date_for_children_in_care_a_year() -> None:
    # looked after since 31/03/2025 or before: C1 (H2 overdue since 1/03) and C3 (H2 not yet
    # due) -> 1 / 2. C2 is too new for the OC2 population.
    ds = dataset(Episodes=EPISODES, Header=HEADER)
    assert figure(ds, "2026-03-31", "health_in_date", timescales=TS) == (1.0, 2.0, 50.0)


def test_dental_checks_in_the_last_12_months() -> None:
    health = [
        {"CHILD": "C1", "HEALTH_KIND": "DENTAL", "HEALTH_DATE": "2025-04-01"},  # first day in
        {"CHILD": "C3", "HEALTH_KIND": "DENTAL", "HEALTH_DATE": "2025-03-31"},  # a day too early
        {"CHILD": "C3", "HEALTH_KIND": "RHA", "HEALTH_DATE": "2025-10-01"},  # not dental
        {"CHILD": "C2", "HEALTH_KIND": "DENTAL", "HEALTH_DATE": "2026-01-01"},  # not in the pop.
    ]
    ds = dataset(Episodes=EPISODES, Header=HEADER, Health=health)
    # population C1, C3; dental in window: C1 -> 1 / 2
    assert figure(ds, "2026-03-31", "dental_checks") == (1.0, 2.0, 50.0)


def test_sdq_completed_for_children_aged_4_to_16() -> None:
    health = [
        {"CHILD": "C1", "HEALTH_KIND": "SDQ", "HEALTH_DATE": "2025-06-01", "SDQ_SCORE": 14},
        {"CHILD": "C3", "HEALTH_KIND": "DENTAL", "HEALTH_DATE": "2025-06-01"},
    ]
    ds = dataset(Episodes=EPISODES, Header=HEADER, Health=health)
    # in care 12 months+: C1 (10) and C3 (16, still 16 on 31/03/2026): SDQ for C1 only -> 1 / 2
    num, den, value = figure(ds, "2026-03-31", "sdq_completed")
    assert (num, den, value) == (1.0, 2.0, 50.0)
    # on 1/04/2026 C3 turns 17 and leaves the population -> 1 / 1
    assert figure(ds, "2026-04-01", "sdq_completed")[:2] == (1.0, 1.0)


def test_peps_in_date() -> None:
    # in care with E1/E2 occurrences: C1 (E2 overdue since 20/03), C2 (E1 done), C3 (due soon)
    # -> 2 / 3
    ds = dataset(Episodes=EPISODES, Header=HEADER)
    num, den, value = figure(ds, "2026-03-31", "peps_in_date", timescales=TS)
    assert (num, den) == (2.0, 3.0)
    assert value == pytest.approx(200 / 3)


def test_peps_on_time_over_the_year() -> None:
    # E1/E2 due in the window: C2 E1 on time, C1 E2 overdue (C3's is not due) -> 1 / 2
    ds = dataset(Episodes=EPISODES, Header=HEADER)
    assert figure(ds, "2026-03-31", "peps_on_time", timescales=TS) == (1.0, 2.0, 50.0)
