"""The engine's contract: columns, rule catalogue, policy, workers, the reference date."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

import polars as pl
import pytest
from ts_helpers import ds, episode, run, window_of

from lookedafter.schema.dataset import Dataset
from lookedafter.timescales import OUTPUT_SCHEMA, RULES, SETTINGS, STATUSES, Policy, evaluate, rules

D = date
REFERENCE = Path(__file__).resolve().parents[3] / "shared" / "domain" / "REFERENCE.md"
IDS = (
    "V1",
    "V2",
    "V3",
    "V4",
    "V5",
    "V6",
    "V7",
    "R1",
    "R2",
    "R3",
    "R4",
    "H1",
    "H2",
    "E1",
    "E2",
    "M1",
    "C1",
    "C2",
    "CP1",
    "CP3",
    "L1",
    "A1",
    "A2",
    "A10",
    "I1",
    "D1",
)


def test_every_rule_the_issue_names_is_declared_once_with_a_source() -> None:
    meta = rules()
    assert sorted(meta["RULE"].to_list()) == sorted(IDS)
    assert meta["RULE"].is_unique().all()
    assert meta.filter(pl.col("SOURCE").str.len_chars() < 10).is_empty()
    assert set(meta["DAY_TYPE"]) <= {
        "calendar",
        "working days",
        "clock hours",
        "school terms",
        "derived",
        "local",
    }


@pytest.mark.skipif(not REFERENCE.exists(), reason="shared reference notes not mounted")
def test_rule_ids_exist_in_the_reference_notes() -> None:
    text = REFERENCE.read_text("utf-8")
    table_ids = set(re.findall(r"^\| ([A-Z]+\d+) \|", text, flags=re.M))
    assert set(RULES) <= table_ids


def test_output_has_the_contract_columns_even_when_empty() -> None:
    out = evaluate(Dataset(), D(2026, 3, 31))
    assert out.schema == pl.Schema(OUTPUT_SCHEMA)
    assert out.is_empty()


def test_statuses_occurrences_and_dates() -> None:
    data = ds(
        Header=[{"DOB": D(2012, 1, 1)}],
        Episodes=[episode(D(2025, 1, 6))],
        Visits=[{"VISIT_DATE": D(2025, 1, 8)}, {"VISIT_DATE": D(2025, 2, 14)}],
        Reviews=[{"REVIEW": D(2025, 1, 30)}],
    )
    out = evaluate(data, D(2025, 3, 20))
    assert set(out["STATUS"]) <= set(STATUSES)
    assert out.select("CHILD", "RULE", "OCCURRENCE").is_duplicated().sum() == 0
    v2 = out.filter(RULE="V2").sort("OCCURRENCE")
    assert v2["OCCURRENCE"].to_list() == [1, 2]
    assert v2["STATUS"].to_list() == ["on_time", "due_soon"]  # 14 Feb + 42 = 28 Mar: in 8 days


def test_records_after_the_reference_date_are_not_yet_known() -> None:
    data = ds(
        Episodes=[episode(D(2025, 1, 6)), episode(D(2025, 5, 1), RNE="P")],
        Visits=[{"VISIT_DATE": D(2025, 1, 8)}, {"VISIT_DATE": D(2025, 2, 1)}],
        Reviews=[{"REVIEW": D(2025, 2, 10)}],
    )
    rows = run(data, D(2025, 1, 31))
    assert {r["RULE"] for r in rows} >= {"V1", "V2", "R1"}
    assert all(r["CLOCK_START"] <= D(2025, 1, 31) for r in rows)
    assert [r["STATUS"] for r in rows if r["RULE"] == "R1"] == ["due_soon"]  # due 3 Feb


def test_worker_and_team_on_the_due_date() -> None:
    data = ds(
        Episodes=[episode(D(2025, 1, 6))],
        Visits=[{"VISIT_DATE": D(2025, 1, 10)}],
        Allocations=[
            {
                "WORKER_ID": "W1",
                "ALLOC_ROLE": "SW",
                "ALLOC_START": D(2025, 1, 6),
                "ALLOC_END": D(2025, 1, 31),
            },
            {"WORKER_ID": "W2", "ALLOC_ROLE": "SW", "ALLOC_START": D(2025, 2, 1)},
            {"WORKER_ID": "I9", "ALLOC_ROLE": "IRO", "ALLOC_START": D(2025, 1, 6)},
        ],
        Workers=[{"WORKER_ID": "W1", "TEAM_ID": "T1"}, {"WORKER_ID": "W2", "TEAM_ID": "T2"}],
    )
    rows = {r["RULE"]: r for r in run(data, D(2025, 3, 31), rule="V1,V2")}
    assert (rows["V1"]["WORKER_ID"], rows["V1"]["TEAM_ID"]) == ("W1", "T1")  # due 13 Jan
    assert (rows["V2"]["WORKER_ID"], rows["V2"]["TEAM_ID"]) == ("W2", "T2")  # due 21 Feb
    later = {r["RULE"]: r for r in run(data, D(2025, 1, 20), rule="V2")}
    assert later["V2"]["WORKER_ID"] == "W1"  # due after the reference date: today's worker


def test_policy_rejects_unknown_settings_and_confirmed_statutory_overrides() -> None:
    with pytest.raises(KeyError, match="unknown local"):
        Policy(local={"visits_every": 28})
    with pytest.raises(ValueError, match="cannot be overridden"):
        Policy(statutory={"first_visit_days": 14})
    policy = Policy(local={"visit_interval_days": 28})
    assert policy.value("visit_interval_days") == 28
    assert policy.statutory_value("visit_interval_days") == 42
    assert policy.is_local("visit_interval_days")
    assert not Policy().is_local("first_visit_days")
    assert Policy().value("edt_transfer_hour") == 9  # local default where statute is silent
    report = Policy().report()
    assert report.height == len(SETTINGS)
    unconfirmed = set(report.filter("UNCONFIRMED")["SETTING"])
    assert {"long_term_fostering_visit_months", "adoption_a1_days"} <= unconfirmed


def test_reasons_can_be_left_out_for_speed() -> None:
    data = ds(Episodes=[episode(D(2025, 1, 6))], Visits=[{"VISIT_DATE": D(2025, 1, 8)}])
    full = evaluate(data, D(2025, 3, 1))
    bare = evaluate(data, D(2025, 3, 1), reasons=False)
    assert bare["REASON"].null_count() == bare.height
    assert bare.drop("REASON").equals(full.drop("REASON"))


def test_a_window_gives_the_same_occurrences_as_the_whole_history() -> None:
    visits = [D(2023, 1, 10) + timedelta(days=40 * k) for k in range(20)]
    data = ds(
        Header=[{"DOB": D(2012, 1, 1)}],
        Episodes=[episode(D(2023, 1, 2), D(2024, 6, 3)), episode(D(2024, 6, 3), RNE="P")],
        Visits=[{"VISIT_DATE": v, "RECORDED_DATE": v} for v in visits],
        Reviews=[{"REVIEW": D(2023, 1, 27)}, {"REVIEW": D(2023, 4, 20)}, {"REVIEW": D(2024, 5, 1)}],
        Health=[
            {"HEALTH_KIND": "RHA", "HEALTH_DATE": D(2023, 3, 1)},
            {"HEALTH_KIND": "RHA", "HEALTH_DATE": D(2024, 2, 1)},
        ],
        PEPs=[{"PEP_DATE": D(2023, 1, 20)}, {"PEP_DATE": D(2024, 10, 1)}],
        Missing=[{"MISSING": "M", "MIS_START": D(2024, 8, 30), "MIS_END": D(2024, 8, 31)}],
    )
    as_of, since = D(2025, 3, 31), D(2024, 9, 1)
    whole = evaluate(data, as_of)
    window = evaluate(data, as_of, since=since)
    key = ["CHILD", "RULE", "CLOCK_START"]
    assert {"V2", "V7", "R3", "H2", "E2", "M1"} <= set(window["RULE"])
    # the same rows as picked out of the whole history by the window's definition, with the
    # same occurrence numbers (the 8th visit clock is the 8th, whatever the window)
    assert window.sort(key).equals(window_of(whole, data, as_of, since).sort(key))
    v2 = window.filter(RULE="V2").sort("CLOCK_START")
    assert v2["OCCURRENCE"][0] > 1
    # each chain's latest occurrence due before the window is kept: the last visit before it
    before = window.filter(pl.col("DUE_DATE") < since)
    assert sorted(before["RULE"]) == sorted(set(before["RULE"]))
