"""Return interviews M1, connected persons C1-C2, care planning CP1/CP3/L1, adoption A1/A2/A10,
IRO challenges I1 and out-of-hours transfers D1, worked by hand."""

from __future__ import annotations

from datetime import date, datetime

from ts_helpers import brief, ds, episode, run

D = date


def at(y: int, m: int, d: int, hour: int, minute: int = 0) -> datetime:
    return datetime(y, m, d, hour, minute)  # noqa: DTZ001  (naive England wall-clock time)


def test_return_interviews_within_72_clock_hours() -> None:
    miss = {"MISSING": "M", "MIS_START": D(2025, 5, 1), "MIS_END": D(2025, 5, 2)}
    back = at(2025, 5, 2, 22)  # Fri 22:00; 72 hours later is Mon 5 May 22:00 (a bank holiday)
    data = ds(
        Missing=[{"CHILD": c, **miss} for c in "ABCD"]
        + [{"CHILD": "E", "MISSING": "A", "MIS_START": D(2025, 5, 9), "MIS_END": None}],
        ReturnInterviews=[
            {
                "CHILD": "A",
                "MIS_START": D(2025, 5, 1),
                "RETURNED_AT": back,
                "DONE_AT": at(2025, 5, 5, 21, 59),
            },
            {
                "CHILD": "B",
                "MIS_START": D(2025, 5, 1),
                "RETURNED_AT": back,
                "DONE_AT": at(2025, 5, 5, 22, 45),
            },
            {
                "CHILD": "C",
                "MIS_START": D(2025, 5, 1),
                "RETURNED_AT": back,
                "OFFERED_AT": at(2025, 5, 3, 10),
                "ACCEPTED": False,
            },
        ],
    )
    got = {c: run(data, D(2025, 5, 10), rule="M1", child=c) for c in "ABCDE"}
    assert [r["STATUS"] for r in got["A"]] == ["on_time"]
    assert got["B"][0]["REASON"] == (
        "Return home interview due by 22:00 on 05/05/2025 (72 hours after returning from being "
        "missing (01/05/2025 to 02/05/2025)); done at 22:45 on 05/05/2025: 45 minutes late"
    )
    assert got["C"][0]["STATUS"] == "on_time"
    assert got["C"][0]["REASON"].endswith("(offered and declined)")
    # no interview record and no time of return: the whole third day after the return counts
    assert brief(got["D"]) == [("M1", D(2025, 5, 2), D(2025, 5, 5), None, "overdue")]
    assert got["E"] == []  # still missing: the clock has not started


def test_connected_person_approval_extension_and_overrun() -> None:
    data = ds(
        Episodes=[episode(D(2025, 1, 6), PLACE="U3", CHILD=c) for c in "AB"],
        TemporaryApprovals=[
            {
                "CHILD": "A",
                "DECOM": D(2025, 1, 6),
                "APPROVAL_DATE": D(2025, 1, 6),
                "EXTENSION_DATE": D(2025, 4, 20),
                "EXTENDED_TO": D(2025, 6, 23),
                "FULL_APPROVAL_DATE": D(2025, 6, 30),
            },
            {"CHILD": "B", "DECOM": D(2025, 1, 6), "APPROVAL_DATE": D(2025, 1, 6)},
        ],
    )
    a = run(data, D(2025, 7, 31), rule="C1,C2")
    assert brief(a) == [
        ("C1", D(2025, 1, 6), D(2025, 4, 28), D(2025, 4, 20), "on_time"),  # 16 weeks = 112 days
        ("C2", D(2025, 4, 28), D(2025, 6, 23), D(2025, 6, 30), "late"),  # + 8 weeks
    ]
    assert a[0]["REASON"].endswith("(extended under reg 25)")
    b = run(data, D(2025, 6, 1), rule="C1,C2", child="B")
    assert brief(b) == [("C1", D(2025, 1, 6), D(2025, 4, 28), None, "overdue")]
    assert b[0]["REASON"].endswith("not done: 34 days overdue")


def test_care_plans_before_or_within_ten_working_days() -> None:
    data = ds(
        Episodes=[
            episode(D(2025, 1, 6), CHILD="A"),
            episode(D(2025, 1, 6), CHILD="B"),
            episode(D(2010, 3, 1), CHILD="C"),
            episode(D(2024, 1, 8), D(2024, 3, 1), CHILD="D", REC="E4A"),
            episode(D(2025, 1, 6), CHILD="D"),
        ],
        CarePlans=[
            {
                "CHILD": "A",
                "PLAN_START": D(2025, 1, 3),
                "PERMANENCE_PLAN": "RETURN_HOME",
                "PERMANENCE_DATE": D(2025, 4, 1),
            },
            {"CHILD": "B", "PLAN_START": D(2025, 1, 22)},
            {"CHILD": "D", "PLAN_START": D(2024, 1, 10)},
        ],
    )
    # Mon 6 Jan 2025 + 10 working days = Mon 20 Jan; the permanence plan is due by the second
    # review: 6 Jan + 20 working days = 3 Feb, + 3 months = 3 May 2025
    assert brief(run(data, D(2025, 6, 1), rule="CP1,CP3")) == [
        ("CP1", D(2025, 1, 6), D(2025, 1, 20), D(2025, 1, 3), "on_time"),
        ("CP3", D(2025, 1, 6), D(2025, 5, 3), D(2025, 4, 1), "on_time"),
    ]
    assert run(data, D(2025, 6, 1), rule="CP1", child="B")[0]["STATUS"] == "late"
    c = run(data, D(2025, 6, 1), rule="CP1", child="C")[0]
    assert c["STATUS"] == "not_applicable" and "before 1 April 2011" in c["REASON"]
    # a plan from an earlier period of care does not count for the new one
    assert [r["STATUS"] for r in run(data, D(2025, 6, 1), rule="CP1", child="D")] == [
        "on_time",
        "overdue",
    ]


def test_long_term_fostering_confirmed_when_designated() -> None:
    eps = []
    for c in "AB":
        eps += [
            episode(D(2025, 1, 6), D(2025, 7, 1), CHILD=c),
            episode(D(2025, 7, 1), RNE="T", PLACE="U4", CHILD=c),
        ]
    data = ds(
        Episodes=eps,
        LongTermMatches=[{"CHILD": "A", "DECOM": D(2025, 7, 1), "MATCH_DATE": D(2025, 7, 1)}],
    )
    assert brief(run(data, D(2025, 8, 1), rule="L1")) == [
        ("L1", D(2025, 7, 1), D(2025, 7, 1), D(2025, 7, 1), "on_time")
    ]
    assert [r["STATUS"] for r in run(data, D(2025, 8, 1), rule="L1", child="B")] == ["overdue"]


def test_adoption_timeliness_a1_a2_a10() -> None:
    data = ds(
        Episodes=[
            # A: adopted by strangers
            episode(D(2025, 1, 6), D(2025, 7, 1), CHILD="A"),
            episode(D(2025, 7, 1), D(2026, 2, 3), RNE="L", LS="E1", CHILD="A"),
            episode(D(2026, 2, 3), RNE="B", LS="E1", PLACE="A6", CHILD="A"),
            # B: adopted by the foster carers she had lived with since 1 Feb 2024
            episode(D(2024, 2, 1), D(2024, 9, 1), CHILD="B"),
            episode(D(2024, 9, 1), D(2025, 6, 1), RNE="L", LS="E1", CHILD="B"),
            episode(D(2025, 6, 1), RNE="T", LS="E1", PLACE="A5", CHILD="B"),
            # C: decision to place for adoption reversed
            episode(D(2025, 1, 6), CHILD="C"),
        ],
        PlacedAdoption=[
            {"CHILD": "A", "DATE_PLACED": D(2025, 6, 15)},
            {
                "CHILD": "C",
                "DATE_PLACED": D(2025, 3, 1),
                "DATE_PLACED_CEASED": D(2025, 6, 1),
                "REASON_PLACED_CEASED": "RD1",
            },
        ],
        AD1=[{"CHILD": "A", "DATE_MATCH": D(2026, 1, 20), "FOSTER_CARE": "0"}],
    )
    as_of = D(2026, 3, 1)
    assert brief(run(data, as_of, rule="A1,A2,A10")) == [
        ("A1", D(2025, 1, 6), D(2026, 3, 6), D(2026, 2, 3), "on_time"),  # 14 months
        ("A10", D(2025, 1, 6), D(2026, 3, 6), D(2026, 2, 3), "on_time"),
        ("A2", D(2025, 7, 1), D(2025, 11, 1), D(2026, 1, 20), "late"),  # 4 months to the match
    ]
    assert brief(run(data, as_of, rule="A1,A2,A10", child="B")) == [
        ("A1", D(2024, 2, 1), D(2025, 4, 1), D(2025, 6, 1), "late"),
        ("A10", D(2024, 2, 1), D(2025, 4, 1), D(2024, 2, 1), "on_time"),  # foster placement began
        ("A2", D(2024, 9, 1), D(2025, 1, 1), D(2025, 6, 1), "late"),
    ]
    c = run(data, as_of, rule="A1", child="C")[0]
    assert c["STATUS"] == "not_applicable"
    assert "reversed on 01/06/2025 (RD1)" in c["REASON"]


def test_adoption_thresholds_in_days_are_settings() -> None:
    from lookedafter.timescales import Policy

    data = ds(
        Episodes=[
            episode(D(2025, 1, 6), D(2026, 2, 3)),
            episode(D(2026, 2, 3), RNE="B", PLACE="A6"),
        ],
    )
    days = Policy(statutory={"adoption_a1_days": 426})
    row = run(data, D(2026, 3, 1), days, rule="A1")[0]
    assert row["DUE_DATE"] == D(2026, 3, 8)  # 6 Jan 2025 + 426 days


def test_iro_challenges_and_out_of_hours_transfers() -> None:
    data = ds(
        IROChallenges=[
            {
                "CHALLENGE_ID": "X1",
                "CHILD": "A",
                "RAISED_DATE": D(2025, 12, 1),
                "STAGE": "TM",
                "RESPONDED_DATE": D(2025, 12, 12),
            },
            {
                "CHALLENGE_ID": "X2",
                "CHILD": "B",
                "RAISED_DATE": D(2025, 12, 1),
                "STAGE": "SM",
                "RESPONSE_DUE": D(2025, 12, 5),
            },
        ],
        EDTContacts=[
            {
                "CONTACT_ID": "E1",
                "CHILD": "A",
                "CONTACT_AT": at(2025, 12, 24, 20),
                "TRANSFERRED_AT": at(2025, 12, 29, 8, 30),
                "TEAM_ID": "T9",
            },
            {
                "CONTACT_ID": "E2",
                "CHILD": "B",
                "CONTACT_AT": at(2026, 1, 6, 3),
                "TRANSFERRED_AT": at(2026, 1, 6, 10, 15),
                "TEAM_ID": "T9",
            },
        ],
    )
    # Mon 1 Dec 2025: 10 working days = Mon 15 Dec; 20 working days (25, 26 Dec) = Wed 31 Dec
    a = run(data, D(2026, 1, 10), rule="I1,D1")
    assert [(r["RULE"], r["DUE_DATE"], r["STATUTORY_DUE_DATE"], r["STATUS"]) for r in a] == [
        ("I1", D(2025, 12, 15), D(2025, 12, 31), "on_time"),
        ("D1", D(2025, 12, 29), None, "on_time"),  # Christmas Eve 20:00 -> Mon 29 Dec 09:00
    ]
    assert a[1]["TEAM_ID"] == "T9"  # unallocated child: the receiving team named on the contact
    b = run(data, D(2026, 1, 10), rule="I1,D1", child="B")
    assert [(r["RULE"], r["STATUS"]) for r in b] == [("I1", "overdue"), ("D1", "late")]
    assert b[0]["REASON"] == (
        "Response to IRO challenge X2 due by 05/12/2025 (response due date recorded, stage SM, "
        "raised on 01/12/2025; statutory deadline 31/12/2025); not done: 36 days overdue"
    )
    assert b[-1]["REASON"].endswith("done at 10:15 on 06/01/2026: 75 minutes late")
