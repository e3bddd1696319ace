"""Visits V1-V7, worked by hand (CPR 2010 reg 28: 1 week, 6 weeks, 3 months...)."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st
from ts_helpers import brief, ds, episode, run

from lookedafter.timescales import Policy

D = date


def test_a_new_placement_restarts_the_visit_clock() -> None:
    data = ds(
        Episodes=[
            episode(D(2025, 1, 6), D(2025, 3, 1)),  # Mon 6 Jan 2025 to Sat 1 Mar
            episode(D(2025, 3, 1), RNE="P"),  # new carers from 1 Mar
        ],
        Visits=[{"VISIT_DATE": v} for v in (D(2025, 1, 10), D(2025, 2, 21), D(2025, 3, 9))],
    )
    rows = run(data, D(2025, 3, 31), rule="V1,V2")
    assert brief(rows) == [
        ("V1", D(2025, 1, 6), D(2025, 1, 13), D(2025, 1, 10), "on_time"),  # 6 Jan + 7 days
        ("V2", D(2025, 1, 10), D(2025, 2, 21), D(2025, 2, 21), "on_time"),  # + 42: on the day
        # due 4 Apr, but the placement ended on 1 Mar: nothing more was owed to it
        ("V2", D(2025, 2, 21), D(2025, 4, 4), None, "not_applicable"),
        ("V1", D(2025, 3, 1), D(2025, 3, 8), D(2025, 3, 9), "late"),  # new placement: 1 week
        ("V2", D(2025, 3, 9), D(2025, 4, 20), None, "not_yet_due"),
    ]
    assert rows[2]["REASON"].endswith(
        "not needed: the placement ended on 01/03/2025 before it was due"
    )
    assert rows[3]["REASON"] == (
        "First visit in the placement due by 08/03/2025 (1 week after the placement began on "
        "01/03/2025); done on 09/03/2025: 1 day late"
    )


def test_long_term_placement_after_its_first_year_leap_day_start() -> None:
    # U4 (long-term fostering) from Thu 29 Feb 2024: first anniversary 28 Feb 2025
    data = ds(
        Episodes=[episode(D(2024, 2, 29), PLACE="U4")],
        Visits=[{"VISIT_DATE": v} for v in (D(2024, 3, 7), D(2025, 2, 27), D(2025, 2, 28))],
    )
    rows = run(data, D(2025, 4, 30), rule="V1,V2,V3")
    assert brief(rows) == [
        ("V1", D(2024, 2, 29), D(2024, 3, 7), D(2024, 3, 7), "on_time"),
        ("V2", D(2024, 3, 7), D(2024, 4, 18), D(2025, 2, 27), "late"),
        ("V2", D(2025, 2, 27), D(2025, 4, 10), D(2025, 2, 28), "on_time"),  # still first year
        ("V3", D(2025, 2, 28), D(2025, 5, 28), None, "not_yet_due"),  # 3 months from here on
    ]


def test_placement_not_meant_to_last_until_18_stays_at_six_weeks_after_a_year() -> None:
    data = ds(
        Episodes=[episode(D(2024, 2, 29), PLACE="U6")],
        Visits=[{"VISIT_DATE": v} for v in (D(2024, 3, 7), D(2025, 2, 28))],
    )
    rows = run(data, D(2025, 4, 30), rule="V3")
    assert brief(rows) == [("V3", D(2025, 2, 28), D(2025, 4, 11), None, "overdue")]
    assert rows[0]["REASON"].endswith("not done: 19 days overdue")


def test_long_term_fostering_six_month_interval_is_a_setting() -> None:
    data = ds(
        Episodes=[episode(D(2024, 2, 29), PLACE="U4")],
        Visits=[{"VISIT_DATE": v} for v in (D(2024, 3, 7), D(2025, 2, 28))],
    )
    six = Policy(statutory={"long_term_fostering_visit_months": 6})
    rows = run(data, D(2025, 4, 30), six, rule="V3")
    assert [(r["DUE_DATE"], r["STATUTORY_DUE_DATE"]) for r in rows] == [
        (D(2025, 8, 28), D(2025, 8, 28))
    ]


def test_local_four_weekly_visits_are_reported_beside_the_statutory_six() -> None:
    data = ds(
        Episodes=[episode(D(2025, 1, 6))],
        Visits=[{"VISIT_DATE": v} for v in (D(2025, 1, 10), D(2025, 2, 21))],
    )
    local = Policy(local={"visit_interval_days": 28})
    rows = run(data, D(2025, 3, 31), local, rule="V2")
    first = rows[0]
    assert (first["DUE_DATE"], first["STATUTORY_DUE_DATE"], first["STATUS"]) == (
        D(2025, 2, 7),
        D(2025, 2, 21),
        "late",
    )
    assert first["REASON"] == (
        "Visit due by 07/02/2025 (4 weeks after the visit on 10/01/2025; statutory deadline "
        "21/02/2025); done on 21/02/2025: 14 days late"
    )
    row = next(r for r in local.report().to_dicts() if r["SETTING"] == "visit_interval_days")
    assert (row["STATUTORY"], row["LOCAL"]) == (42, 28)


def test_placed_with_parents_interim_order_then_care_order() -> None:
    # P1 under an interim care order (reg 28(4): weekly until the first review, then 4 weeks);
    # a full care order on 3 Feb (reg 28(5): a visit within a week of the order, then 6 weeks)
    data = ds(
        Episodes=[
            episode(D(2025, 1, 6), D(2025, 2, 3), LS="C1", PLACE="P1"),
            episode(D(2025, 2, 3), RNE="L", LS="C2", PLACE="P1"),
        ],
        Reviews=[{"REVIEW": D(2025, 1, 30)}],
        Visits=[
            {"VISIT_DATE": v}
            for v in (D(2025, 1, 10), D(2025, 1, 17), D(2025, 1, 24), D(2025, 1, 31), D(2025, 2, 7))
        ],
    )
    rows = run(data, D(2025, 3, 14), rule="V1,V5,V6")
    assert brief(rows) == [
        ("V1", D(2025, 1, 6), D(2025, 1, 13), D(2025, 1, 10), "on_time"),
        ("V5", D(2025, 1, 10), D(2025, 1, 17), D(2025, 1, 17), "on_time"),
        ("V5", D(2025, 1, 17), D(2025, 1, 24), D(2025, 1, 24), "on_time"),
        ("V5", D(2025, 1, 24), D(2025, 1, 31), D(2025, 1, 31), "on_time"),
        ("V5", D(2025, 1, 31), D(2025, 2, 28), D(2025, 2, 7), "on_time"),  # after review: 4 weeks
        ("V6", D(2025, 2, 3), D(2025, 2, 10), D(2025, 2, 7), "on_time"),  # care order made
        ("V6", D(2025, 2, 7), D(2025, 3, 21), None, "due_soon"),  # 6 weeks; 7 days left
    ]
    assert rows[-1]["REASON"].endswith("not done yet: due in 7 days")


def test_placed_with_parent_from_the_start_of_a_care_order() -> None:
    data = ds(
        Episodes=[episode(D(2025, 2, 3), LS="C2", PLACE="P1")],
        Visits=[{"VISIT_DATE": v} for v in (D(2025, 2, 7), D(2025, 3, 21))],
    )
    assert brief(run(data, D(2025, 4, 1), rule="V1,V6")) == [
        ("V6", D(2025, 2, 3), D(2025, 2, 10), D(2025, 2, 7), "on_time"),
        ("V6", D(2025, 2, 7), D(2025, 3, 21), D(2025, 3, 21), "on_time"),
        ("V6", D(2025, 3, 21), D(2025, 5, 2), None, "not_yet_due"),
    ]


def test_placed_with_parent_before_assessment_weekly_then_six_weeks() -> None:
    data = ds(
        Episodes=[episode(D(2025, 1, 6), LS="V2", PLACE="P1")],
        Reviews=[{"REVIEW": D(2025, 1, 20)}],
        Visits=[{"VISIT_DATE": v} for v in (D(2025, 1, 13), D(2025, 1, 20))],
    )
    assert brief(run(data, D(2025, 2, 1), rule="V1,V4")) == [
        ("V1", D(2025, 1, 6), D(2025, 1, 13), D(2025, 1, 13), "on_time"),
        ("V4", D(2025, 1, 13), D(2025, 1, 20), D(2025, 1, 20), "on_time"),
        ("V4", D(2025, 1, 20), D(2025, 3, 3), None, "not_yet_due"),  # the review was held
    ]


def test_connected_person_temporary_approval_then_full_approval() -> None:
    data = ds(
        Episodes=[episode(D(2025, 1, 6), LS="C1", PLACE="U3")],
        TemporaryApprovals=[
            {
                "DECOM": D(2025, 1, 6),
                "APPROVAL_DATE": D(2025, 1, 6),
                "FULL_APPROVAL_DATE": D(2025, 3, 3),
            }
        ],
        Reviews=[{"REVIEW": D(2025, 1, 24)}],
        Visits=[
            {"VISIT_DATE": v}
            for v in (
                D(2025, 1, 10),
                D(2025, 1, 17),
                D(2025, 1, 24),
                D(2025, 2, 21),
                D(2025, 3, 10),
            )
        ],
    )
    assert brief(run(data, D(2025, 3, 31), rule="V1,V2,V5,C1")) == [
        ("C1", D(2025, 1, 6), D(2025, 4, 28), D(2025, 3, 3), "on_time"),  # 16 weeks = 112 days
        ("V1", D(2025, 1, 6), D(2025, 1, 13), D(2025, 1, 10), "on_time"),
        ("V5", D(2025, 1, 10), D(2025, 1, 17), D(2025, 1, 17), "on_time"),  # weekly
        ("V5", D(2025, 1, 17), D(2025, 1, 24), D(2025, 1, 24), "on_time"),
        ("V5", D(2025, 1, 24), D(2025, 2, 21), D(2025, 2, 21), "on_time"),  # 4 weeks after review
        ("V5", D(2025, 2, 21), D(2025, 3, 21), D(2025, 3, 10), "on_time"),
        ("V2", D(2025, 3, 10), D(2025, 4, 21), None, "not_yet_due"),  # approved: 6 weeks
    ]


def test_short_breaks_are_not_scheduled_under_reg_28_unless_the_authority_sets_an_interval() -> (
    None
):
    data = ds(
        Header=[{"DOB": D(2015, 5, 1)}],
        Episodes=[episode(D(2025, 1, 6), D(2025, 1, 9), LS="V3", PLACE="U6", REC="E13")],
        Visits=[{"VISIT_DATE": D(2025, 1, 7)}],
    )
    rows = {r["RULE"]: r for r in run(data, D(2025, 2, 1))}
    assert rows["V1"]["STATUS"] == "not_applicable"
    assert "short breaks (reg 48)" in rows["V1"]["REASON"]
    assert "V2" not in rows
    assert rows["H1"]["STATUS"] == "not_applicable"
    assert rows["H1"]["REASON"] == (
        "Initial health assessment: not required: short breaks (CPR reg 48(3)(b))"
    )
    assert rows["E1"]["STATUS"] == rows["CP3"]["STATUS"] == "not_applicable"
    agreed = Policy(local={"short_break_visit_days": 2})
    rows2 = run(data, D(2025, 2, 1), agreed, rule="V1,V2")
    assert brief(rows2) == [
        ("V1", D(2025, 1, 6), D(2025, 1, 8), D(2025, 1, 7), "on_time"),
        ("V2", D(2025, 1, 7), D(2025, 1, 9), None, "overdue"),
    ]


def test_child_who_leaves_care_before_the_due_date_is_not_owed_the_visit() -> None:
    data = ds(
        Episodes=[episode(D(2025, 1, 6), D(2025, 1, 20), REC="E4A")],
        Visits=[{"VISIT_DATE": D(2025, 1, 8)}],
    )
    rows = run(data, D(2025, 3, 1), rule="V2,R1")
    assert brief(rows) == [
        ("R1", D(2025, 1, 6), D(2025, 2, 3), None, "not_applicable"),
        ("V2", D(2025, 1, 8), D(2025, 2, 19), None, "not_applicable"),
    ]
    assert rows[1]["REASON"] == (
        "Visit: not needed: the child left care on 20/01/2025 before it was due"
    )


def test_episode_ending_after_the_reference_date_counts_as_open() -> None:
    data = ds(
        Episodes=[episode(D(2025, 1, 6), D(2025, 6, 30))],
        Visits=[{"VISIT_DATE": D(2025, 1, 10)}, {"VISIT_DATE": D(2025, 4, 1)}],  # 2nd: future
    )
    assert brief(run(data, D(2025, 3, 31), rule="V2")) == [
        ("V2", D(2025, 1, 10), D(2025, 2, 21), None, "overdue")
    ]


def test_visit_records_seen_alone_or_why_not_within_five_working_days() -> None:
    # Fri 19 Dec 2025 + 5 working days (25 and 26 Dec are bank holidays) = Tue 30 Dec 2025
    fri = D(2025, 12, 19)
    data = ds(
        Episodes=[episode(D(2025, 12, 1), CHILD=c) for c in "ABCD"],
        Visits=[
            {"CHILD": "A", "VISIT_DATE": fri, "SEEN_ALONE": True, "RECORDED_DATE": D(2025, 12, 30)},
            {"CHILD": "B", "VISIT_DATE": fri, "SEEN_ALONE": True, "RECORDED_DATE": D(2025, 12, 31)},
            {
                "CHILD": "C",
                "VISIT_DATE": fri,
                "SEEN_ALONE": False,
                "NOT_ALONE_REASON": "refused",
                "RECORDED_DATE": D(2025, 12, 22),
            },
            {
                "CHILD": "D",
                "VISIT_DATE": fri,
                "SEEN_ALONE": False,
                "RECORDED_DATE": D(2025, 12, 22),
            },
        ],
    )
    got = {c: run(data, D(2026, 1, 5), rule="V7", child=c)[0] for c in "ABCD"}
    assert {c: (r["DUE_DATE"], r["STATUS"]) for c, r in got.items()} == {
        "A": (D(2025, 12, 30), "on_time"),
        "B": (D(2025, 12, 30), "late"),
        "C": (D(2025, 12, 30), "on_time"),
        "D": (D(2025, 12, 30), "overdue"),
    }
    assert got["D"]["REASON"].endswith(
        "not done: 6 days overdue (recorded on 22/12/2025 but not seen alone and no reason given)"
    )


@settings(max_examples=15, deadline=None)
@given(
    start=st.dates(min_value=D(2001, 1, 1), max_value=D(2040, 1, 1)),
    gap=st.sampled_from([42, 43]),
)
def test_a_visit_on_the_due_day_is_on_time_and_the_day_after_is_late(start: date, gap: int) -> None:
    first = start + timedelta(days=1)
    data = ds(
        Episodes=[episode(start)],
        Visits=[{"VISIT_DATE": first}, {"VISIT_DATE": first + timedelta(days=gap)}],
    )
    rows = run(data, first + timedelta(days=60), rule="V2", only=("visits",))
    assert rows[0]["DUE_DATE"] == first + timedelta(days=42)
    assert rows[0]["STATUS"] == ("on_time" if gap == 42 else "late")
