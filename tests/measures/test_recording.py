"""Recording, documents and care plan measures, worked by hand. As of Tuesday 31/03/2026.
Working days exclude weekends and England's bank holidays (Christmas 2025, 1/01/2026, Good
Friday 3/04/2026, Easter Monday 6/04/2026)."""

from __future__ import annotations

from lookedafter.measures.fixtures import dataset, episode, figure, timescales

VISITS = [
    # Mon 2/03 -> Mon 9/03: 5 working days (within the 5-day standard)
    {"CHILD": "A", "VISIT_DATE": "2026-03-02", "RECORDED_DATE": "2026-03-09"},
    # 6 working days: late
    {"CHILD": "B", "VISIT_DATE": "2026-03-02", "RECORDED_DATE": "2026-03-10"},
    # Fri 27/03, not recorded: due by Tue 7/04 (Easter), so not yet late, and no delay to count
    {"CHILD": "C", "VISIT_DATE": "2026-03-27"},
    # Fri 19/12/2025 -> Fri 2/01/2026: 22, 23, 24, 29, 30, 31 Dec and 2 Jan = 7 working days
    {"CHILD": "D", "VISIT_DATE": "2025-12-19", "RECORDED_DATE": "2026-01-02"},
    # 5/01/2026, never recorded: late, and no delay to count
    {"CHILD": "E", "VISIT_DATE": "2026-01-05"},
]
HEALTH = [
    {
        "CHILD": "A",
        "HEALTH_KIND": "DENTAL",
        "HEALTH_DATE": "2026-02-02",
        "RECORDED_DATE": "2026-02-02",
    }
]  # same day: 0
PEPS = [
    {"CHILD": "A", "PEP_DATE": "2026-02-10", "PEP_KIND": "REVIEW", "RECORDED_DATE": "2026-02-12"}
]  # Tue -> Thu: 2
RECORDS = dataset(Visits=VISITS, Health=HEALTH, PEPs=PEPS)


def test_recording_delay_median_working_days() -> None:
    # recorded: 5, 6, 7, 0, 2 -> sorted 0, 2, 5, 6, 7 -> median 5 over 5 records
    assert figure(RECORDS, "2026-03-31", "recording_delay") == (None, 5.0, 5.0)


def test_recording_on_time_uses_the_engines_v7_records() -> None:
    ts = timescales(
        [
            {
                "CHILD": "A",
                "RULE": "V7",
                "OCCURRENCE": 1,
                "CLOCK_START": "2026-03-02",
                "DUE_DATE": "2026-03-09",
                "DONE_DATE": "2026-03-09",
                "STATUS": "on_time",
            },
            {
                "CHILD": "B",
                "RULE": "V7",
                "OCCURRENCE": 1,
                "CLOCK_START": "2026-03-02",
                "DUE_DATE": "2026-03-09",
                "DONE_DATE": "2026-03-10",
                "STATUS": "late",
            },
            {
                "CHILD": "C",
                "RULE": "V7",
                "OCCURRENCE": 1,
                "CLOCK_START": "2026-03-27",
                "DUE_DATE": "2026-04-07",
                "STATUS": "not_yet_due",
            },
            {
                "CHILD": "E",
                "RULE": "V7",
                "OCCURRENCE": 1,
                "CLOCK_START": "2026-01-05",
                "DUE_DATE": "2026-01-12",
                "STATUS": "overdue",
            },
        ]
    )
    # due in the window: A on time, B late, E never recorded (C not due yet) -> 1 / 3
    num, den, _ = figure(RECORDS, "2026-03-31", "recording_on_time", timescales=ts)
    assert (num, den) == (1.0, 3.0)


def test_documents_after_move_both_updated_within_20_working_days() -> None:
    episodes = [
        episode("X", "2025-01-01", "2025-06-02"),
        # a move on Mon 2/06/2025: update by Mon 30/06/2025
        episode("X", "2025-06-02", "2026-03-20", rne="P"),
        # a move on 20/03/2026: its deadline is after 31/03/2026, not counted yet
        episode("X", "2026-03-20", rne="P"),
        episode("Y", "2025-05-01", "2025-07-01"),  # coming into care is not a move
        episode("Y", "2025-07-01", "2025-09-01", rne="L"),  # legal status only: not a move
        # a move on Mon 1/09/2025: update by Mon 29/09/2025
        episode("Y", "2025-09-01", rne="P"),
    ]
    documents = [
        {"CHILD": "X", "DOC_KIND": "CHRONOLOGY", "UPDATED_DATE": "2025-06-10"},
        {"CHILD": "X", "DOC_KIND": "ASSESSMENT", "UPDATED_DATE": "2025-06-30"},  # on the day
        {"CHILD": "Y", "DOC_KIND": "CHRONOLOGY", "UPDATED_DATE": "2025-09-05"},
        {"CHILD": "Y", "DOC_KIND": "ASSESSMENT", "UPDATED_DATE": "2025-10-01"},  # too late
        {"CHILD": "Y", "DOC_KIND": "CASE_SUMMARY", "UPDATED_DATE": "2025-09-10"},  # not needed
    ]
    ds = dataset(Episodes=episodes, Documents=documents)
    # moves counted: X 2/06/2025 (both in time), Y 1/09/2025 (assessment late) -> 1 / 2
    assert figure(ds, "2026-03-31", "documents_after_move") == (1.0, 2.0, 50.0)


ALL_SECTIONS = "PERMANENCE;HEALTH;EDUCATION;PLACEMENT;IDENTITY;FAMILY;WISHES;IRO"


def test_care_plan_complete_uses_the_current_plan() -> None:
    episodes = [
        episode("K1", "2025-01-01"),
        episode("K2", "2025-01-01"),
        episode("K3", "2025-01-01"),
        episode("K4", "2025-01-01", ls="V3"),  # short breaks: a shorter plan, not counted
        episode("K5", "2025-01-01"),
    ]
    plans = [
        {"CHILD": "K1", "PLAN_START": "2025-01-01", "SECTIONS_COMPLETE": ALL_SECTIONS},
        # K1's current plan lacks the IRO's name
        {
            "CHILD": "K1",
            "PLAN_START": "2026-01-01",
            "SECTIONS_COMPLETE": "PERMANENCE;HEALTH;EDUCATION;PLACEMENT;IDENTITY;FAMILY;WISHES",
        },
        {"CHILD": "K2", "PLAN_START": "2025-01-03", "SECTIONS_COMPLETE": ALL_SECTIONS},
        # (K3 has no plan)
        {"CHILD": "K4", "PLAN_START": "2025-01-03", "SECTIONS_COMPLETE": "HEALTH"},
        {"CHILD": "K5", "PLAN_START": "2026-05-01", "SECTIONS_COMPLETE": ALL_SECTIONS},  # future
    ]
    ds = dataset(Episodes=episodes, CarePlans=plans)
    # counted: K1 (incomplete), K2 (complete), K3 (no plan), K5 (no plan yet) -> 1 / 4
    assert figure(ds, "2026-03-31", "care_plan_complete") == (1.0, 4.0, 25.0)
