"""Reviews R1-R4, health H1-H2 and PEPs E1-E2, worked by hand."""

from __future__ import annotations

from datetime import date

from ts_helpers import brief, ds, episode, run

from lookedafter.lib.calendar import DEFAULT, Term
from lookedafter.timescales import Policy

D = date


def test_review_chain_follows_the_actual_dates() -> None:
    data = ds(
        Episodes=[episode(D(2024, 12, 2))],  # Mon 2 Dec 2024
        Reviews=[{"REVIEW": D(2025, 1, 3)}, {"REVIEW": D(2025, 4, 3)}],
    )
    rows = run(data, D(2025, 9, 1), rule="R1,R2,R3")
    assert brief(rows) == [
        # 20 working days skipping 25, 26 Dec and 1 Jan: Thu 2 Jan 2025; held Fri 3 Jan
        ("R1", D(2024, 12, 2), D(2025, 1, 2), D(2025, 1, 3), "late"),
        ("R2", D(2025, 1, 3), D(2025, 4, 3), D(2025, 4, 3), "on_time"),  # 3 months after 3 Jan
        ("R3", D(2025, 4, 3), D(2025, 10, 3), None, "not_yet_due"),  # 6 months
    ]
    assert rows[0]["REASON"] == (
        "First review due by 02/01/2025 (20 working days after becoming looked after on "
        "02/12/2024); done on 03/01/2025: 1 day late"
    )


def test_review_dates_around_a_leap_day_and_month_ends() -> None:
    data = ds(
        Episodes=[episode(D(2024, 2, 5))],
        Reviews=[{"REVIEW": d} for d in (D(2024, 2, 29), D(2024, 5, 31), D(2024, 11, 30))],
    )
    assert brief(run(data, D(2025, 1, 1), rule="R1,R2,R3")) == [
        ("R1", D(2024, 2, 5), D(2024, 3, 4), D(2024, 2, 29), "on_time"),
        ("R2", D(2024, 2, 29), D(2024, 5, 29), D(2024, 5, 31), "late"),
        ("R3", D(2024, 5, 31), D(2024, 11, 30), D(2024, 11, 30), "on_time"),  # 31 May + 6 = 30 Nov
        ("R3", D(2024, 11, 30), D(2025, 5, 30), None, "not_yet_due"),
    ]


def test_early_review_before_section_20_accommodation_ends() -> None:
    ep = [
        episode(D(2025, 1, 6), D(2025, 6, 30), LS="V2", REC="E5", CHILD=c) for c in ("A", "B")
    ] + [episode(D(2025, 1, 6), D(2025, 6, 30), LS="V2", REC="E4A", CHILD="C")]
    data = ds(
        Episodes=ep,
        Reviews=[
            {"CHILD": "A", "REVIEW": D(2025, 1, 31)},
            {"CHILD": "A", "REVIEW": D(2025, 6, 10)},  # 20 days before leaving: counts
            {"CHILD": "B", "REVIEW": D(2025, 5, 1)},  # 60 days before: does not
        ],
    )
    a = run(data, D(2025, 7, 31), rule="R4")
    assert brief(a) == [("R4", D(2025, 6, 2), D(2025, 6, 30), D(2025, 6, 10), "on_time")]
    b = run(data, D(2025, 7, 31), rule="R4", child="B")
    assert [r["STATUS"] for r in b] == ["overdue"]
    assert b[0]["REASON"].endswith(
        "not done: missed before the child left care on 30/06/2025 (last review was on 01/05/2025)"
    )
    assert run(data, D(2025, 7, 31), rule="R4", child="C") == []  # went home: no early review
    # leaving at 18 is not a proposal to stop accommodating
    adult = ds(
        Header=[{"DOB": D(2007, 6, 30)}],
        Episodes=[episode(D(2025, 1, 6), D(2025, 6, 30), LS="V2", REC="E5")],
    )
    assert run(adult, D(2025, 7, 31), rule="R4") == []


def test_short_break_review_timetable_is_a_setting() -> None:
    data = ds(Episodes=[episode(D(2025, 1, 6), LS="V3")])
    assert run(data, D(2025, 2, 1), rule="R1")[0]["DUE_DATE"] == D(2025, 2, 3)  # reg 33
    three = Policy(statutory={"short_break_first_review_months": 3})
    assert run(data, D(2025, 2, 1), three, rule="R1")[0]["DUE_DATE"] == D(2025, 4, 6)


def test_health_assessments_under_five_then_yearly() -> None:
    data = ds(
        Header=[{"DOB": D(2021, 6, 1)}],  # 5th birthday 1 Jun 2026
        Episodes=[episode(D(2025, 1, 6))],
        Health=[
            {"HEALTH_KIND": "IHA", "HEALTH_DATE": D(2024, 12, 20)},  # before care: within 3 months
            {"HEALTH_KIND": "RHA", "HEALTH_DATE": D(2025, 6, 16)},
            {"HEALTH_KIND": "DENTAL", "HEALTH_DATE": D(2025, 7, 1)},  # not an assessment
            {"HEALTH_KIND": "RHA", "HEALTH_DATE": D(2025, 12, 10)},
            {"HEALTH_KIND": "RHA", "HEALTH_DATE": D(2026, 6, 2)},  # aged 5: next in 12 months
        ],
    )
    rows = run(data, D(2026, 7, 1), rule="H1,H2")
    assert brief(rows) == [
        ("H2", D(2024, 12, 20), D(2025, 6, 20), D(2025, 6, 16), "on_time"),
        ("H1", D(2025, 1, 6), D(2025, 2, 3), D(2024, 12, 20), "on_time"),
        ("H2", D(2025, 6, 16), D(2025, 12, 16), D(2025, 12, 10), "on_time"),
        ("H2", D(2025, 12, 10), D(2026, 6, 10), D(2026, 6, 2), "on_time"),
        ("H2", D(2026, 6, 2), D(2027, 6, 2), None, "not_yet_due"),
    ]
    assert rows[1]["REASON"].endswith("(done in the months before care began)")


def test_initial_health_assessment_too_old_to_count() -> None:
    data = ds(
        Header=[{"DOB": D(2012, 1, 1)}],
        Episodes=[episode(D(2025, 1, 6))],
        Health=[{"HEALTH_KIND": "IHA", "HEALTH_DATE": D(2024, 9, 1)}],  # 4 months before
    )
    assert brief(run(data, D(2025, 3, 1), rule="H1,H2")) == [
        ("H1", D(2025, 1, 6), D(2025, 2, 3), None, "overdue")
    ]


def test_peps_initial_and_each_term() -> None:
    data = ds(
        Header=[{"DOB": D(2015, 3, 10)}],
        Episodes=[episode(D(2025, 1, 6))],
        PEPs=[{"PEP_DATE": D(2025, 1, 30)}, {"PEP_DATE": D(2025, 5, 20)}],
    )
    # default terms: spring 6 Jan-31 Mar (care began in it: the initial PEP covers it),
    # summer 15 Apr-20 Jul, autumn 1 Sep-20 Dec
    assert brief(run(data, D(2025, 10, 1), rule="E1,E2")) == [
        ("E1", D(2025, 1, 6), D(2025, 2, 3), D(2025, 1, 30), "on_time"),
        ("E2", D(2025, 4, 15), D(2025, 7, 20), D(2025, 5, 20), "on_time"),
        ("E2", D(2025, 9, 1), D(2025, 12, 20), None, "not_yet_due"),
    ]
    terms = [Term(D(2025, 1, 6), D(2025, 4, 4)), Term(D(2025, 4, 22), D(2025, 7, 18))]
    own = Policy(calendar=DEFAULT.with_terms(terms))
    assert brief(run(data, D(2025, 10, 1), own, rule="E2")) == [
        ("E2", D(2025, 4, 22), D(2025, 7, 18), D(2025, 5, 20), "on_time")
    ]


def test_pep_age_range_is_a_setting() -> None:
    data = ds(Header=[{"DOB": D(2008, 9, 1)}], Episodes=[episode(D(2025, 1, 6))])  # aged 16
    row = run(data, D(2025, 3, 1), rule="E1")[0]
    assert row["STATUS"] == "not_applicable"
    assert row["REASON"] == "Initial PEP: not required: aged 16 on 06/01/2025, outside ages 5 to 15"
    post16 = Policy(local={"pep_max_age": 18})
    assert run(data, D(2025, 3, 1), post16, rule="E1")[0]["STATUS"] == "overdue"
