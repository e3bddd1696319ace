"""Permanence, connected-person, out-of-hours and IRO timeliness measures, worked by hand.
As of 31/03/2026."""

from __future__ import annotations

import pytest

from lookedafter.measures import Settings
from lookedafter.measures.fixtures import dataset, episode, figure, timescales


def test_long_term_matched_for_the_current_placement() -> None:
    episodes = [
        episode("L1", "2024-01-01", place="U4"),
        episode("L2", "2024-01-01", place="U1"),
        episode("L3", "2022-01-01", "2023-01-01", place="U4"),
        episode("L3", "2023-01-01", rne="P", place="U4"),
        episode("L4", "2024-01-01", place="U6"),  # not long-term fostering: not counted
        episode("L5", "2025-01-01", place="U4"),
    ]
    matches = [
        {"CHILD": "L1", "DECOM": "2024-01-01", "MATCH_DATE": "2024-06-01"},  # matched
        {"CHILD": "L3", "DECOM": "2022-01-01", "MATCH_DATE": "2022-06-01"},  # earlier placement
        {"CHILD": "L5", "DECOM": "2025-01-01", "MATCH_DATE": "2026-05-01"},  # after the date
    ]
    ds = dataset(Episodes=episodes, LongTermMatches=matches)
    # U1/U4 in care: L1, L2, L3, L5; matched for this placement by 31/03/2026: L1 -> 1 / 4
    assert figure(ds, "2026-03-31", "long_term_matched") == (1.0, 4.0, 25.0)


def test_permanence_drift_no_decision_this_period() -> None:
    episodes = [
        episode("D1", "2025-01-01"),
        episode("D2", "2025-06-01"),
        episode("D3", "2025-12-01"),  # in care under 6 months: not counted
        episode("D4", "2022-01-01", "2023-01-01", REC="E13"),
        episode("D4", "2024-01-01"),  # second period of care
        episode("D5", "2025-02-01"),
    ]
    plans = [
        {
            "CHILD": "D1",
            "PLAN_START": "2025-01-05",
            "PERMANENCE_PLAN": "ADOPTION",
            "PERMANENCE_DATE": "2025-04-01",
        },
        {
            "CHILD": "D4",
            "PLAN_START": "2022-02-01",
            "PERMANENCE_PLAN": "RETURN_HOME",
            "PERMANENCE_DATE": "2022-05-01",
        },  # decided in the previous period
        {"CHILD": "D5", "PLAN_START": "2025-02-10"},  # a plan with no permanence decision
    ]
    ds = dataset(Episodes=episodes, CarePlans=plans)
    # in care since 30/09/2025 or earlier: D1, D2, D4, D5; no decision: D2, D4, D5 -> 3 / 4
    assert figure(ds, "2026-03-31", "permanence_drift") == (3.0, 4.0, 75.0)
    # with a 12-month limit (in care since 31/03/2025 or earlier): D1, D4, D5 (D2 from
    # 1/06/2025 is newer); no decision: D4, D5 -> 2 / 3
    twelve = Settings(drift_months=12)
    assert figure(ds, "2026-03-31", "permanence_drift", settings=twelve)[:2] == (2.0, 3.0)


ADOPTION_TS = timescales(
    [
        # A1: 1/01/2024 -> 1/03/2025 = 366 (2024 is a leap year) + 31 + 28 = 425 days
        {
            "CHILD": "X",
            "RULE": "A1",
            "OCCURRENCE": 1,
            "CLOCK_START": "2024-01-01",
            "DUE_DATE": "2025-03-01",
            "DONE_DATE": "2025-03-01",
            "STATUS": "late",
        },
        # A1: 1/06/2022 -> 1/06/2023 = 365 days
        {
            "CHILD": "Y",
            "RULE": "A1",
            "OCCURRENCE": 1,
            "CLOCK_START": "2022-06-01",
            "DUE_DATE": "2023-08-01",
            "DONE_DATE": "2023-06-01",
            "STATUS": "on_time",
        },
        # A1 completed before the 3 years (on or before 31/03/2023): left out
        {
            "CHILD": "Z",
            "RULE": "A1",
            "OCCURRENCE": 1,
            "CLOCK_START": "2020-01-01",
            "DUE_DATE": "2021-03-01",
            "DONE_DATE": "2023-01-01",
            "STATUS": "late",
        },
        # A1 not yet completed: left out
        {
            "CHILD": "W",
            "RULE": "A1",
            "OCCURRENCE": 1,
            "CLOCK_START": "2025-06-01",
            "DUE_DATE": "2026-08-01",
            "STATUS": "not_yet_due",
        },
        # A2: matched on the day of the order = 0; 10/01/2023 -> 10/05/2023 = 120 days
        {
            "CHILD": "X",
            "RULE": "A2",
            "OCCURRENCE": 1,
            "CLOCK_START": "2024-05-01",
            "DUE_DATE": "2024-09-01",
            "DONE_DATE": "2024-05-01",
            "STATUS": "on_time",
        },
        {
            "CHILD": "Y",
            "RULE": "A2",
            "OCCURRENCE": 1,
            "CLOCK_START": "2023-01-10",
            "DUE_DATE": "2023-05-10",
            "DONE_DATE": "2023-05-10",
            "STATUS": "on_time",
        },
        # A10: foster carer adoption, clock stops at the foster placement: 1/01/2024 -> 1/07/2024
        # = 31+29+31+30+31+30 = 182 days
        {
            "CHILD": "X",
            "RULE": "A10",
            "OCCURRENCE": 1,
            "CLOCK_START": "2024-01-01",
            "DUE_DATE": "2025-03-01",
            "DONE_DATE": "2024-07-01",
            "STATUS": "on_time",
        },
    ]
)


def test_adoption_a1_mean_days_over_three_years() -> None:
    # (425 + 365) / 2 = 395 days
    assert figure(dataset(), "2026-03-31", "adoption_a1", timescales=ADOPTION_TS) == (
        790.0,
        2.0,
        395.0,
    )


def test_adoption_a2_mean_days() -> None:
    # (0 + 120) / 2 = 60 days
    assert figure(dataset(), "2026-03-31", "adoption_a2", timescales=ADOPTION_TS) == (
        120.0,
        2.0,
        60.0,
    )


def test_adoption_a10_mean_days() -> None:
    assert figure(dataset(), "2026-03-31", "adoption_a10", timescales=ADOPTION_TS) == (
        182.0,
        1.0,
        182.0,
    )


def _occ(rule: str, child: str, due: str, status: str) -> dict[str, object]:
    return {
        "CHILD": child,
        "RULE": rule,
        "OCCURRENCE": 1,
        "CLOCK_START": "2025-01-01",
        "DUE_DATE": due,
        "STATUS": status,
        "TEAM_ID": "T1",
    }


TS = timescales(
    [
        _occ("CP3", "A", "2025-06-01", "on_time"),
        _occ("CP3", "B", "2025-07-01", "late"),
        _occ("CP3", "C", "2025-08-01", "on_time"),
        _occ("CP3", "D", "2026-06-01", "not_yet_due"),
        _occ("C1", "A", "2025-05-01", "on_time"),  # fully approved within 16 weeks
        _occ("C1", "B", "2025-09-01", "late"),  # approved, but after 16 weeks
        _occ("C1", "C", "2026-03-01", "overdue"),  # still not approved
        # D: extended under reg 25 before its 16 weeks ran out (C1 done by the extension), the
        # extension (C2) starting where the statutory 16 weeks ended, 1/08/2025
        {
            **_occ("C1", "D", "2025-08-01", "on_time"),
            "STATUTORY_DUE_DATE": "2025-08-01",
            "CLOCK_START": "2025-04-11",
        },
        {**_occ("C2", "D", "2025-09-26", "on_time"), "CLOCK_START": "2025-08-01"},
        _occ("C2", "B", "2025-11-01", "on_time"),
        _occ("C2", "C", "2026-05-01", "due_soon"),
        _occ("D1", "A", "2025-10-01", "on_time"),
        _occ("D1", "B", "2025-10-02", "late"),
        _occ("D1", "C", "2025-10-03", "late"),
        _occ("D1", "D", "2025-10-04", "on_time"),
        _occ("I1", "A", "2025-12-01", "on_time"),
        _occ("I1", "B", "2026-01-01", "overdue"),
        _occ("M1", "A", "2025-12-01", "on_time"),
        _occ("M1", "B", "2025-12-05", "late"),
        _occ("M1", "C", "2025-12-07", "not_applicable"),
    ]
)


def test_permanence_plan_second_review() -> None:
    # CP3 due in the window: A on time, B late, C on time -> 2 / 3
    num, den, value = figure(
        dataset(), "2026-03-31", "permanence_plan_second_review", timescales=TS
    )
    assert (num, den) == (2.0, 3.0)
    assert value == pytest.approx(200 / 3)


def test_connected_past_16_weeks() -> None:
    # C1 ran out in the window: A resolved in time; B late; C still open; D extended
    # -> 3 / 4 still temporary after 16 weeks
    assert figure(dataset(), "2026-03-31", "connected_past_16_weeks", timescales=TS)[:2] == (
        3.0,
        4.0,
    )


def test_connected_past_24_weeks() -> None:
    # C2 ran out in the window: D and B resolved in time (C is not due yet) -> 0 / 2
    assert figure(dataset(), "2026-03-31", "connected_past_24_weeks", timescales=TS) == (
        0.0,
        2.0,
        0.0,
    )


def test_edt_transfer_on_time() -> None:
    # D1: A and D on time, B and C late -> 2 / 4
    assert figure(dataset(), "2026-03-31", "edt_transfer_on_time", timescales=TS) == (
        2.0,
        4.0,
        50.0,
    )


def test_iro_answered_on_time() -> None:
    # I1: A answered on time, B overdue -> 1 / 2
    assert figure(dataset(), "2026-03-31", "iro_answered_on_time", timescales=TS) == (
        1.0,
        2.0,
        50.0,
    )


def test_rhi_done_72h() -> None:
    # M1: A on time, B late (C not applicable) -> 1 / 2
    assert figure(dataset(), "2026-03-31", "rhi_done_72h", timescales=TS) == (1.0, 2.0, 50.0)
