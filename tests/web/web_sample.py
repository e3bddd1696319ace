"""A small authority for the web tests, dated relative to today so timescales are meaningful.

Two teams in the children-in-care service (T1, T2) and one in another service (T9). Social
workers SW1 (T1), SW2 (T2), SW9 (T9); manager TM1 (T1); IRO1. Children:
- C1 (T1, SW1, IRO1): in care since 300 days ago, last visit 60 days ago: a visit is overdue.
- C2 (T2, SW2, IRO1): in care, visited 10 days ago.
- C3 (T1, SW1): restricted; named workers only.
- C9 (T9, SW9): another service's child.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import polars as pl

from lookedafter.schema.dataset import Dataset, Meta
from lookedafter.schema.tables import TABLES


def _frame(name: str, rows: Sequence[Mapping[str, object]]) -> pl.DataFrame:
    tab = TABLES[name]
    return pl.DataFrame(
        [{c: r.get(c) for c in tab.column_names} for r in rows], schema=tab.polars_schema
    )


def sample_dataset(today: date | None = None) -> Dataset:
    t = today or datetime.now(ZoneInfo("Europe/London")).date()

    def ago(days: int) -> date:
        return t - timedelta(days=days)

    children = [
        ("C1", "Amira", "Khan", "T1", "SW1", "IRO1", False, 60),
        ("C2", "Ben", "Jones", "T2", "SW2", "IRO1", False, 10),
        ("C3", "Cara", "Smith", "T1", "SW1", "", True, 12),
        ("C9", "Dev", "Patel", "T9", "SW9", "", False, 20),
    ]
    header, kids, episodes, allocs, visits, reviews, health = [], [], [], [], [], [], []
    for i, (cid, fore, sur, _team, sw, iro, restricted, last_visit) in enumerate(children):
        dob = date(t.year - 9 - i, 5, 1 + i)
        header.append({"CHILD": cid, "SEX": "F" if i % 2 else "M", "DOB": dob, "ETHNIC": "WBRI"})
        kids.append(
            {
                "CHILD": cid,
                "FORENAME": fore,
                "SURNAME": sur,
                "HOME_POST": "M1 1AE",
                "DISABILITY": False,
                "RESTRICTED": restricted,
            }
        )
        episodes.append(
            {
                "CHILD": cid,
                "DECOM": ago(300),
                "RNE": "S",
                "LS": "C2",
                "CIN": "N1",
                "PLACE": "U6",
                "PLACE_PROVIDER": "PR1",
                "HOME_POST": "M1 1AE",
                "PL_POST": "M2 3BB",
            }
        )
        allocs.append({"CHILD": cid, "WORKER_ID": sw, "ALLOC_ROLE": "SW", "ALLOC_START": ago(300)})
        if iro:
            allocs.append(
                {"CHILD": cid, "WORKER_ID": iro, "ALLOC_ROLE": "IRO", "ALLOC_START": ago(300)}
            )
        for days in (295, 250, 200, 150, 100, last_visit):
            visits.append(
                {
                    "CHILD": cid,
                    "VISIT_DATE": ago(days),
                    "WORKER_ID": sw,
                    "SEEN": True,
                    "SEEN_ALONE": True,
                    "RECORDED_DATE": ago(days),
                }
            )
        for days in (285, 200, 30):
            reviews.append({"CHILD": cid, "DOB": dob, "REVIEW": ago(days), "REVIEW_CODE": "PN1"})
        health.append(
            {"CHILD": cid, "HEALTH_KIND": "IHA", "HEALTH_DATE": ago(290), "RECORDED_DATE": ago(290)}
        )
    teams = [
        {"TEAM_ID": "T1", "TEAM_NAME": "Children in care 1", "SERVICE": "CIC"},
        {"TEAM_ID": "T2", "TEAM_NAME": "Children in care 2", "SERVICE": "CIC"},
        {"TEAM_ID": "T9", "TEAM_NAME": "Disabled children", "SERVICE": "DCT"},
        {"TEAM_ID": "IRO", "TEAM_NAME": "IRO service", "SERVICE": "IRO"},
    ]
    workers = [
        ("SW1", "Sam Worker", "T1", "SW", "TM1"),
        ("SW2", "Sue Worker", "T2", "SW", "TM1"),
        ("SW9", "Sid Worker", "T9", "SW", ""),
        ("TM1", "Tina Manager", "T1", "TM", ""),
        ("IRO1", "Ian Reviewer", "IRO", "IRO", ""),
    ]
    worker_rows = [
        {
            "WORKER_ID": w,
            "WORKER_NAME": n,
            "TEAM_ID": team,
            "ROLE": role,
            "FTE": 1.0,
            "AGENCY": False,
            "CASE_HOLDING": role == "SW",
            "START_DATE": ago(2000),
            "MANAGER_ID": mgr or None,
        }
        for w, n, team, role, mgr in workers
    ]
    missing = [
        {
            "CHILD": "C1",
            "DOB": header[0]["DOB"],
            "MISSING": "M",
            "MIS_START": ago(5),
            "MIS_END": ago(4),
        }
    ]
    interviews = [
        {
            "CHILD": "C1",
            "MIS_START": ago(5),
            "RETURNED_AT": datetime.combine(ago(4), datetime.min.time()),
        }
    ]
    tables = {
        "Header": _frame("Header", header),
        "Children": _frame("Children", kids),
        "Episodes": _frame("Episodes", episodes),
        "Allocations": _frame("Allocations", allocs),
        "Visits": _frame("Visits", visits),
        "Reviews": _frame("Reviews", reviews),
        "Health": _frame("Health", health),
        "Teams": _frame("Teams", teams),
        "Workers": _frame("Workers", worker_rows),
        "Missing": _frame("Missing", missing),
        "ReturnInterviews": _frame("ReturnInterviews", interviews),
    }
    return Dataset(tables, Meta(la_code="999", la_name="Sampleshire", as_of=t, source="tests"))
