"""Timeliness measures through the real timescale engine, on a child worked by hand.

Child A (born 1/05/2015, full care order) is placed in foster care on Monday 5/01/2026 and visited
on Friday 9/01/2026 and Wednesday 25/02/2026. As of 31/03/2026:
- V1 first visit due 12/01 (a week after placement): done 9/01, on time;
- V2 next visit due 20/02 (six weeks after 9/01): done 25/02, late;
- V2 following visit due 8/04 (six weeks after 25/02): not yet due;
- H1 initial health assessment due 2/02 (20 working days after 5/01): none, overdue;
- E1 initial PEP due by the first review, 2/02: none, overdue;
- V7 visit records due 5 working days after each visit: none written up, both overdue;
- CP1 care plan due 19/01 (10 working days after 5/01): none, overdue.
"""

from __future__ import annotations

from datetime import date

from lookedafter.measures import compute
from lookedafter.measures.fixtures import dataset, episode

DS = dataset(
    Header=[{"CHILD": "A", "DOB": "2015-05-01"}],
    Episodes=[episode("A", "2026-01-05", place="U6")],
    Visits=[
        {"CHILD": "A", "VISIT_DATE": "2026-01-09", "SEEN": True, "SEEN_ALONE": True},
        {"CHILD": "A", "VISIT_DATE": "2026-02-25", "SEEN": True, "SEEN_ALONE": True},
    ],
)


def test_timeliness_measures_on_the_real_engine() -> None:
    ids = [
        "visits_on_time",
        "visits_overdue_now",
        "health_initial_on_time",
        "peps_in_date",
        "recording_on_time",
        "care_plan_on_time",
    ]
    res = compute(DS, date(2026, 3, 31), measures=ids)
    assert res.skipped == {}
    got = {i: (res.row(i)["numerator"], res.row(i)["denominator"]) for i in ids}
    assert got == {
        "visits_on_time": (1.0, 2.0),  # V1 on time, V2 late
        "visits_overdue_now": (0.0, 1.0),  # the next visit is not due until 8/04
        "health_initial_on_time": (0.0, 1.0),  # H1 overdue
        "peps_in_date": (0.0, 1.0),  # E1 overdue
        "recording_on_time": (0.0, 2.0),  # neither visit written up
        "care_plan_on_time": (0.0, 1.0),  # CP1 overdue
    }
    late = res.behind("visits_on_time", in_numerator=False)
    assert late["DUE_DATE"].to_list() == [date(2026, 2, 20)]
    assert late["REASON"][0].startswith("Visit due by 20/02/2026")


def test_reasons_off_gives_the_same_figures() -> None:
    with_reasons = compute(DS, date(2026, 3, 31))
    without = compute(DS, date(2026, 3, 31), reasons=False)
    assert with_reasons.table.equals(without.table)
    assert without.frames["visits_on_time"]["REASON"].null_count() == 2


def test_a_child_unvisited_for_three_years_is_still_overdue() -> None:
    # placed 2/01/2023, visited 5/01/2023 and never again: the next visit was due 16/02/2023
    ds = dataset(
        Header=[{"CHILD": "B", "DOB": "2015-05-01"}],
        Episodes=[episode("B", "2023-01-02", place="U6")],
        Visits=[{"CHILD": "B", "VISIT_DATE": "2023-01-05", "SEEN": True}],
    )
    res = compute(ds, date(2026, 3, 31), measures=["visits_overdue_now"])
    assert (
        res.row("visits_overdue_now")["numerator"],
        res.row("visits_overdue_now")["denominator"],
    ) == (1.0, 1.0)
    assert res.behind("visits_overdue_now")["DUE_NOW"].to_list() == [date(2023, 2, 16)]
