"""Missing-from-care measures, worked by hand. As of 31/03/2026 (window after 31/03/2025)."""

from __future__ import annotations

import pytest

from lookedafter.measures.fixtures import dataset, episode, figure

EPISODES = [
    episode("M1", "2024-01-01"),
    episode("M2", "2024-01-01"),
    episode("M3", "2023-01-01", "2025-06-01", REC="E13"),  # looked after during the window
    episode("M4", "2023-01-01", "2025-03-01", REC="E13"),  # left before the window
    episode("M5", "2024-01-01"),  # never missing
]
MISSING = [
    {"CHILD": "M1", "MISSING": "M", "MIS_START": "2025-03-20", "MIS_END": "2025-03-21"},  # before
    {"CHILD": "M1", "MISSING": "M", "MIS_START": "2025-05-01", "MIS_END": "2025-05-02"},
    {"CHILD": "M1", "MISSING": "M", "MIS_START": "2025-07-01", "MIS_END": "2025-07-03"},
    {"CHILD": "M1", "MISSING": "M", "MIS_START": "2025-09-10", "MIS_END": "2025-09-10"},
    {"CHILD": "M2", "MISSING": "M", "MIS_START": "2026-03-30", "MIS_END": "2026-03-31"},
    {"CHILD": "M2", "MISSING": "A", "MIS_START": "2025-08-01", "MIS_END": "2025-08-01"},  # away
    {"CHILD": "M3", "MISSING": "M", "MIS_START": "2025-04-10", "MIS_END": "2025-04-11"},
]
INTERVIEWS = [
    # offered exactly 72 hours after the return: in time; done, accepted, used in the plan
    {
        "CHILD": "M1",
        "MIS_START": "2025-05-01",
        "RETURNED_AT": "2025-05-02T10:00",
        "OFFERED_AT": "2025-05-05T10:00",
        "DONE_AT": "2025-05-06T14:00",
        "ACCEPTED": True,
        "USED_IN_PLAN_ON": "2025-05-20",
    },
    # offered 72 hours and 1 minute after: too late; declined
    {
        "CHILD": "M1",
        "MIS_START": "2025-07-01",
        "RETURNED_AT": "2025-07-03T09:00",
        "OFFERED_AT": "2025-07-06T09:01",
        "ACCEPTED": False,
    },
    # (M1's episode of 10/09/2025 has no interview record: not offered)
    {
        "CHILD": "M2",
        "MIS_START": "2026-03-30",
        "RETURNED_AT": "2026-03-31T08:00",
        "OFFERED_AT": "2026-03-31T12:00",
        "ACCEPTED": True,
    },
    {
        "CHILD": "M3",
        "MIS_START": "2025-04-10",
        "RETURNED_AT": "2025-04-11T20:00",
        "OFFERED_AT": "2025-04-12T09:00",
        "DONE_AT": "2025-04-13T10:00",
        "ACCEPTED": True,
    },
]
DS = dataset(Episodes=EPISODES, Missing=MISSING, ReturnInterviews=INTERVIEWS)


def test_missing_episodes_counts_m_episodes_starting_in_the_window() -> None:
    # M1 3 (not the one of 20/03/2025), M2 1 (the A episode is not counted), M3 1 = 5
    assert figure(DS, "2026-03-31", "missing_episodes") == (5.0, None, 5.0)


def test_missing_children_over_children_looked_after_in_the_window() -> None:
    # looked after in the window: M1, M2, M3, M5 (M4 left on 1/03/2025); missing: M1, M2, M3
    assert figure(DS, "2026-03-31", "missing_children") == (3.0, 4.0, 75.0)


def test_missing_repeat_three_or_more() -> None:
    # missing in the window: M1 (3 times), M2 (1), M3 (1) -> 1 / 3
    num, den, value = figure(DS, "2026-03-31", "missing_repeat")
    assert (num, den) == (1.0, 3.0)
    assert value == pytest.approx(100 / 3)


def test_rhi_offered_72h() -> None:
    # returns in the window: M1 x3, M2, M3 = 5; offered within 72 hours: M1 (5/05, exactly 72h),
    # M2, M3 -> 3 / 5
    assert figure(DS, "2026-03-31", "rhi_offered_72h") == (3.0, 5.0, 60.0)


def test_rhi_accepted_of_those_offered() -> None:
    # offered (at any time): M1 5/05, M1 6/07, M2, M3 = 4; accepted: M1 5/05, M2, M3 -> 3 / 4
    assert figure(DS, "2026-03-31", "rhi_accepted") == (3.0, 4.0, 75.0)


def test_rhi_used_in_plan_of_those_done() -> None:
    # done: M1 (6/05), M3 (13/04); findings used: M1 -> 1 / 2
    assert figure(DS, "2026-03-31", "rhi_used_in_plan") == (1.0, 2.0, 50.0)
