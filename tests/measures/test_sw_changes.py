"""Changes of social worker, worked by hand. As of 31/03/2026: the 12-month window is
1/04/2025-31/03/2026 (a spell counts if it ran on any day after 31/03/2025), the 2-year window
1/04/2024-31/03/2026."""

from __future__ import annotations

import pytest

from lookedafter.measures.fixtures import dataset, episode, figure

EPISODES = [
    episode("C1", "2023-01-01"),
    episode("C2", "2025-06-01"),
    episode("C3", "2022-01-01"),
    episode("C4", "2021-01-01", "2026-01-01", REC="E13"),  # left care: not counted
]
SPELLS = [
    # C1: A ends 1/05/2025 (inside both windows), B, C -> 3 workers in 12 months and in 2 years
    ("C1", "A", "2023-01-01", "2025-05-01"),
    ("C1", "B", "2025-05-01", "2025-12-01"),
    ("C1", "C", "2025-12-01", None),
    # C2: 2 workers; in care under 2 years
    ("C2", "D", "2025-06-01", "2025-07-01"),
    ("C2", "E", "2025-07-01", None),
    # C3: F ended before both windows; G ended 1/02/2025 (inside 2 years only); H current
    ("C3", "F", "2022-01-01", "2024-01-01"),
    ("C3", "G", "2024-01-01", "2025-02-01"),
    ("C3", "H", "2025-02-01", None),
    # C4 had 3 workers but left care
    ("C4", "A", "2025-01-01", "2025-04-01"),
    ("C4", "B", "2025-04-01", "2025-08-01"),
    ("C4", "C", "2025-08-01", "2026-01-01"),
]


def _sw_episodes() -> list[dict[str, str | None]]:
    return [
        {"CHILD": c, "SW_ID": w, "SW_DECOM": s, "SW_DEC": e, "SW_REASON": "MANAGE"}
        for c, w, s, e in SPELLS
    ]


def _allocations() -> list[dict[str, str | None]]:
    return [
        {"CHILD": c, "WORKER_ID": w, "ALLOC_ROLE": "SW", "ALLOC_START": s, "ALLOC_END": e}
        for c, w, s, e in SPELLS
    ]


def test_sw_changes_year_from_903_social_worker_episodes() -> None:
    # in care 31/03/2026: C1 (3 workers), C2 (2), C3 (1: only H overlaps) -> 1 / 3
    ds = dataset(Episodes=EPISODES, SWEpisodes=_sw_episodes())
    num, den, value = figure(ds, "2026-03-31", "sw_changes_year")
    assert (num, den) == (1.0, 3.0)
    assert value == pytest.approx(100 / 3)


def test_sw_changes_year_falls_back_to_allocations() -> None:
    ds = dataset(Episodes=EPISODES, Allocations=_allocations())
    assert figure(ds, "2026-03-31", "sw_changes_year")[:2] == (1.0, 3.0)


def test_sw_changes_two_years_only_children_in_care_two_years() -> None:
    # looked after since 31/03/2024 or earlier: C1 (3 workers: A, B, C) and C3 (2: G, H);
    # C2 came in 2025 -> 1 / 2 = 50%
    ds = dataset(Episodes=EPISODES, SWEpisodes=_sw_episodes())
    assert figure(ds, "2026-03-31", "sw_changes_two_years") == (1.0, 2.0, 50.0)
