"""Visit measures, worked by hand against the timescale engine's contract (its output injected)
and against the Visits table. As of 31/03/2026; the 12-month window starts after 31/03/2025."""

from __future__ import annotations

import pytest

from lookedafter.measures import compute
from lookedafter.measures.fixtures import d, dataset, episode, figure, timescales

EPISODES = [
    episode("C1", "2025-01-01"),
    episode("C2", "2026-03-13"),
    episode("C3", "2024-06-01"),
    episode("C4", "2025-01-01", "2026-01-15", REC="E13"),
]
TS = timescales(
    [
        # C1: on time, then late (due 19/02, done 5/03), then not yet due
        {
            "CHILD": "C1",
            "RULE": "V2",
            "OCCURRENCE": 1,
            "CLOCK_START": "2025-11-29",
            "DUE_DATE": "2026-01-10",
            "DONE_DATE": "2026-01-08",
            "STATUS": "on_time",
            "WORKER_ID": "W1",
            "TEAM_ID": "T1",
        },
        {
            "CHILD": "C1",
            "RULE": "V2",
            "OCCURRENCE": 2,
            "CLOCK_START": "2026-01-08",
            "DUE_DATE": "2026-02-19",
            "DONE_DATE": "2026-03-05",
            "STATUS": "late",
            "WORKER_ID": "W1",
            "TEAM_ID": "T1",
        },
        {
            "CHILD": "C1",
            "RULE": "V2",
            "OCCURRENCE": 3,
            "CLOCK_START": "2026-03-05",
            "DUE_DATE": "2026-04-16",
            "STATUS": "not_yet_due",
            "WORKER_ID": "W1",
            "TEAM_ID": "T1",
        },
        # C2: first visit after placement on 13/03 due 20/03, not done: overdue
        {
            "CHILD": "C2",
            "RULE": "V1",
            "OCCURRENCE": 1,
            "CLOCK_START": "2026-03-13",
            "DUE_DATE": "2026-03-20",
            "STATUS": "overdue",
            "WORKER_ID": "W2",
            "TEAM_ID": "T2",
        },
        # C2: an old occurrence due before the window (31/03/2025 is not after 31/03/2025)
        {
            "CHILD": "C2",
            "RULE": "V2",
            "OCCURRENCE": 9,
            "CLOCK_START": "2025-02-17",
            "DUE_DATE": "2025-03-31",
            "DONE_DATE": "2025-03-30",
            "STATUS": "on_time",
            "WORKER_ID": "W2",
            "TEAM_ID": "T2",
        },
        # C3: long-term, 3-monthly, on time
        {
            "CHILD": "C3",
            "RULE": "V3",
            "OCCURRENCE": 1,
            "CLOCK_START": "2025-09-01",
            "DUE_DATE": "2025-12-01",
            "DONE_DATE": "2025-11-20",
            "STATUS": "on_time",
            "WORKER_ID": "W2",
            "TEAM_ID": "T2",
        },
        # C4 left care: the engine says not applicable
        {
            "CHILD": "C4",
            "RULE": "V2",
            "OCCURRENCE": 1,
            "CLOCK_START": "2026-01-01",
            "DUE_DATE": "2026-02-12",
            "STATUS": "not_applicable",
            "WORKER_ID": "W1",
            "TEAM_ID": "T1",
        },
        # a review row is not a visit
        {
            "CHILD": "C3",
            "RULE": "R3",
            "OCCURRENCE": 1,
            "CLOCK_START": "2025-06-01",
            "DUE_DATE": "2025-12-01",
            "STATUS": "overdue",
        },
    ]
)
VISITS = [
    {"CHILD": "C1", "VISIT_DATE": "2026-01-08", "SEEN": True, "SEEN_ALONE": True},
    {"CHILD": "C1", "VISIT_DATE": "2026-03-05", "SEEN": True, "SEEN_ALONE": False},
    {"CHILD": "C2", "VISIT_DATE": "2026-03-25", "SEEN": False, "SEEN_ALONE": False},
    {"CHILD": "C3", "VISIT_DATE": "2025-11-20", "SEEN": True, "SEEN_ALONE": True},
    {"CHILD": "C3", "VISIT_DATE": "2025-03-01", "SEEN": True, "SEEN_ALONE": False},
]
DS = dataset(Episodes=EPISODES, Visits=VISITS)


def test_visits_on_time_counts_occurrences_due_in_the_window() -> None:
    # due 1/04/2025-31/03/2026 and done or overdue: C1#1 on time, C1#2 late, C2 V1 overdue,
    # C3 V3 on time (C1#3 not yet due, C2#9 before the window, C4 not applicable,
    # R3 not a visit) -> 2 / 4 = 50%
    assert figure(DS, "2026-03-31", "visits_on_time", timescales=TS) == (2.0, 4.0, 50.0)


def test_visits_on_time_by_team_uses_the_responsible_team() -> None:
    res = compute(DS, d("2026-03-31"), by="team", measures=["visits_on_time"], timescales=TS)
    # T1: C1#1 on time, C1#2 late -> 50%; T2: C2 V1 overdue, C3 on time -> 50%
    assert res.row("visits_on_time", "team", "T1")["denominator"] == 2.0
    assert res.value("visits_on_time", "team", "T2") == 50.0
    late = res.behind("visits_on_time", in_numerator=False)["SUBJECT"].sort().to_list()
    assert late == ["C1/V2/2", "C2/V1/1"]


def test_visits_overdue_now_and_its_month_trend() -> None:
    # 31/03/2026: in care C1, C2, C3; overdue: C2 (due 20/03, not done) -> 1 / 3
    num, den, value = figure(DS, "2026-03-31", "visits_overdue_now", timescales=TS)
    assert (num, den) == (1.0, 3.0)
    assert value == pytest.approx(100 / 3)
    res = compute(DS, d("2026-03-31"), by="month", measures=["visits_overdue_now"], timescales=TS)
    # 28/02/2026: in care C1, C3 (C2 not yet, C4 left 15/01); C1#2 was due 19/02 and done
    # only on 5/03, so overdue on 28/02 -> 1 / 2
    assert res.value("visits_overdue_now", "month", "2026-02") == 50.0
    # 31/01/2026: in care C1, C3; nothing overdue -> 0 / 2
    assert res.row("visits_overdue_now", "month", "2026-01")["numerator"] == 0.0
    assert res.row("visits_overdue_now", "month", "2026-01")["denominator"] == 2.0


def test_visits_seen_alone_over_visits_where_seen() -> None:
    # seen in the window: C1 8/01 alone, C1 5/03 not alone, C3 20/11 alone (C2 not seen,
    # C3 1/03/2025 before the window) -> 2 / 3
    num, den, value = figure(DS, "2026-03-31", "visits_seen_alone")
    assert (num, den) == (2.0, 3.0)
    assert value == pytest.approx(200 / 3)


def test_visits_overdue_now_a_missed_visit_in_an_earlier_placement_is_superseded() -> None:
    ts = timescales(
        [
            # placement 1: a visit due 13/07/2025 was missed before the child moved on 1/08/2025
            {
                "CHILD": "C5",
                "RULE": "V2",
                "OCCURRENCE": 1,
                "CLOCK_START": "2025-06-01",
                "DUE_DATE": "2025-07-13",
                "STATUS": "overdue",
            },
            # placement 2: first visit 5/08, then every six weeks; next due 12/04/2026
            {
                "CHILD": "C5",
                "RULE": "V1",
                "OCCURRENCE": 1,
                "CLOCK_START": "2025-08-01",
                "DUE_DATE": "2025-08-08",
                "DONE_DATE": "2025-08-05",
                "STATUS": "on_time",
            },
            {
                "CHILD": "C5",
                "RULE": "V2",
                "OCCURRENCE": 2,
                "CLOCK_START": "2026-03-01",
                "DUE_DATE": "2026-04-12",
                "STATUS": "not_yet_due",
            },
        ]
    )
    ds = dataset(
        Episodes=[episode("C5", "2025-01-01", "2025-08-01"), episode("C5", "2025-08-01", rne="P")]
    )
    # now: the latest visit clock (started 1/03/2026) is not yet due -> 0 / 1
    assert figure(ds, "2026-03-31", "visits_overdue_now", timescales=ts)[:2] == (0.0, 1.0)
    # on 31/07/2025, before the move, the missed visit was overdue -> 1 / 1
    assert figure(ds, "2025-07-31", "visits_overdue_now", timescales=ts)[:2] == (1.0, 1.0)
