"""Placement measures, worked by hand with real postcodes (distances by the DfE formula):
HP20 1AA -> HP20 1AB 0.1 miles (Buckinghamshire, E06000060); -> MK9 1AA 15.2 miles (Milton
Keynes, E06000042); -> OX1 1AA 20.2 miles (Oxford, E07000178); ZZ9 9ZZ is not a postcode.
As of 31/03/2026; the 12-month window starts after 31/03/2025, the 2-year one after 31/03/2024."""

from __future__ import annotations

from typing import Any

import pytest

from lookedafter.measures import Settings
from lookedafter.measures.fixtures import dataset, episode, figure

HOME = "HP20 1AA"


def _chain(child: str, steps: list[tuple[str, str, str, str]], **kw: Any) -> list[dict[str, Any]]:
    """Contiguous episodes: (DECOM, RNE, PLACE, PL_POST); each ends when the next starts."""
    rows = []
    for i, (decom, rne, place, post) in enumerate(steps):
        dec = steps[i + 1][0] if i + 1 < len(steps) else None
        rows.append(
            episode(child, decom, dec, rne=rne, place=place, HOME_POST=HOME, PL_POST=post, **kw)
        )
    return rows


EPISODES = [
    # P1: three placements in the window: in area, Milton Keynes, Oxford
    *_chain(
        "P1",
        [
            ("2025-05-01", "S", "U6", "HP20 1AB"),
            ("2025-08-01", "P", "U6", "MK9 1AA"),
            ("2026-01-10", "P", "U6", "OX1 1AA"),
        ],
    ),
    # P2: placed before the window; a change of legal status only (L) is no new placement;
    # a change of placement with the same carers (T) is, to an unknown postcode
    *_chain(
        "P2",
        [
            ("2025-02-01", "S", "U6", "HP19 7AA"),
            ("2025-06-01", "L", "U6", "HP19 7AA"),
            ("2025-09-01", "T", "U6", "ZZ9 9ZZ"),
        ],
    ),
    # P3: came into care on the first day of the window
    *_chain("P3", [("2025-04-01", "S", "U6", HOME)]),
    # P4: four placements in two years, two in the last year (one new, in area)
    *_chain(
        "P4",
        [
            ("2023-01-01", "S", "U6", "HP20 1AB"),
            ("2024-06-01", "P", "U6", "HP20 1AB"),
            ("2025-01-01", "P", "U6", "HP20 1AB"),
            ("2025-12-01", "B", "U6", "HP20 1AB"),
        ],
    ),
    # P5: one placement since 2022
    *_chain("P5", [("2022-01-01", "S", "U6", "HP20 1AB")]),
    # P6: foster carers from 2023-06-01, placed for adoption (A5) on 2025-01-01
    *_chain("P6", [("2023-06-01", "S", "U6", "HP20 1AB"), ("2025-01-01", "P", "A5", "HP20 1AB")]),
    # P7: aged 16, one placement since 2020
    *_chain("P7", [("2020-01-01", "S", "U6", "HP20 1AB")]),
]
HEADER = [{"CHILD": c, "DOB": "2015-01-01"} for c in ("P1", "P2", "P3", "P4", "P5", "P6")] + [
    {"CHILD": "P7", "DOB": "2009-06-01"}
]
DS = dataset(Episodes=EPISODES, Header=HEADER)


def test_placements_over_20_miles_uses_true_distances() -> None:
    # placements starting in the window: P1 x3, P2 (T, unknown), P3, P4 (B) = 6;
    # over 20 miles: P1 Oxford (20.2) -> 1 / 6 (the unknown one stays in the denominator)
    num, den, value = figure(DS, "2026-03-31", "placements_over_20_miles")
    assert (num, den) == (1.0, 6.0)
    assert value == pytest.approx(100 / 6)


def test_placements_out_of_area_against_the_home_district() -> None:
    # every home is in E06000060, so that is the authority's district; outside it: P1 Milton
    # Keynes and P1 Oxford -> 2 / 6
    num, den, _ = figure(DS, "2026-03-31", "placements_out_of_area")
    assert (num, den) == (2.0, 6.0)
    # told the authority is Milton Keynes, the Milton Keynes placement is in area and the
    # five Buckinghamshire or Oxford ones out (the unknown one is never "out") -> 4 / 6
    mk = Settings(la_district="E06000042")
    assert figure(DS, "2026-03-31", "placements_out_of_area", settings=mk)[:2] == (4.0, 6.0)


def test_placements_3plus_year() -> None:
    # in care: P1..P7 = 7. Placements during the window: P1 3; P2 2 (the L episode continues
    # the first); P3 1; P4 2 (2025-01-01, 2025-12-01); P5 1; P6 1; P7 1 -> 1 / 7
    num, den, _ = figure(DS, "2026-03-31", "placements_3plus_year")
    assert (num, den) == (1.0, 7.0)


def test_placements_3plus_2years() -> None:
    # looked after since 31/03/2024 or earlier: P4, P5, P6, P7. In the two years P4 had 4
    # placements (the 2023 one ran to 1/06/2024), P6 2, P5 1, P7 1 -> 1 / 4
    assert figure(DS, "2026-03-31", "placements_3plus_2years") == (1.0, 4.0, 25.0)


def test_placement_stability_dfe_definition() -> None:
    # under 16 and looked after since 30/09/2023 or earlier: P4, P5, P6 (P7 is 16).
    # Same carers since 31/03/2024 or earlier: P5 yes; P4 no (new carers 1/12/2025);
    # P6 placed for adoption 1/01/2025, but with the foster placement before it (from
    # 1/06/2023) it has lasted over two years -> 2 / 3
    num, den, value = figure(DS, "2026-03-31", "placement_stability")
    assert (num, den) == (2.0, 3.0)
    assert value == pytest.approx(200 / 3)
