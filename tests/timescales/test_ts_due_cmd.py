"""``lookedafter due`` on a small canonical folder."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from click.testing import CliRunner
from ts_helpers import ds, episode

from lookedafter.cli.main import cli
from lookedafter.schema.dataset import Dataset, Meta

D = date


def _folder(tmp_path: Path) -> Path:
    data = ds(
        Header=[{"CHILD": c, "DOB": D(2014, 5, 1)} for c in "ABC"],
        Episodes=[
            episode(D(2025, 1, 6), CHILD="A"),
            episode(D(2025, 2, 24), CHILD="B"),
            episode(D(2025, 1, 6), D(2025, 1, 20), CHILD="C", REC="E4A"),  # left care
        ],
        Visits=[
            {
                "CHILD": "A",
                "VISIT_DATE": D(2025, 1, 8),
                "SEEN_ALONE": True,
                "RECORDED_DATE": D(2025, 1, 8),
            },
            {
                "CHILD": "B",
                "VISIT_DATE": D(2025, 2, 26),
                "SEEN_ALONE": True,
                "RECORDED_DATE": D(2025, 2, 26),
            },
        ],
        Allocations=[
            {"CHILD": "A", "WORKER_ID": "W1", "ALLOC_ROLE": "SW", "ALLOC_START": D(2025, 1, 6)},
            {"CHILD": "B", "WORKER_ID": "W2", "ALLOC_ROLE": "SW", "ALLOC_START": D(2025, 2, 24)},
        ],
        Workers=[{"WORKER_ID": "W1", "TEAM_ID": "T1"}, {"WORKER_ID": "W2", "TEAM_ID": "T2"}],
    )
    out = tmp_path / "canonical"
    Dataset(data.tables, Meta(as_of=D(2025, 3, 14))).write(out)
    return tmp_path


def test_due_lists_overdue_first_with_reasons(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    result = CliRunner().invoke(cli, ["due", str(folder), "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    statuses = [r["STATUS"] for r in rows]
    assert statuses == sorted(statuses, key=["overdue", "due_soon"].index)
    assert {r["CHILD"] for r in rows} == {"A", "B"}  # C left care: nothing can still be done
    a_visit = next(r for r in rows if r["CHILD"] == "A" and r["RULE"] == "V2")
    assert a_visit["STATUS"] == "overdue"
    assert a_visit["REASON"] == (
        "Visit due by 19/02/2025 (6 weeks after the visit on 08/01/2025); not done: 23 days overdue"
    )
    b_rules = {r["RULE"]: r["STATUS"] for r in rows if r["CHILD"] == "B"}
    assert b_rules["R1"] == "due_soon"  # Mon 24 Feb + 20 working days = Mon 24 Mar


def test_due_filters_by_worker_and_team_and_prints_a_table(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    runner = CliRunner()
    by_worker = runner.invoke(
        cli,
        [
            "due",
            str(folder / "canonical"),
            "--worker",
            "W2",
            "--as-of",
            "2025-03-14",
            "--format",
            "csv",
        ],
    )
    assert by_worker.exit_code == 0, by_worker.output
    lines = by_worker.output.strip().splitlines()
    assert lines[0].startswith("CHILD,RULE,STATUS,DUE_DATE")
    assert {line.split(",")[0] for line in lines[1:]} == {"B"}
    by_team = runner.invoke(cli, ["due", str(folder), "--team", "T1"])
    assert by_team.exit_code == 0, by_team.output
    assert "Due and overdue for team T1" in by_team.output and "A" in by_team.output
    both = runner.invoke(cli, ["due", str(folder), "--team", "T1", "--worker", "W1"])
    assert both.exit_code != 0
    empty = runner.invoke(cli, ["due", str(folder), "--team", "NOPE"])
    assert "Nothing overdue or due soon" in empty.output


def test_due_help_has_an_example() -> None:
    result = CliRunner().invoke(cli, ["due", "--help"])
    assert result.exit_code == 0
    assert "lookedafter due demo --as-of 2026-03-31" in result.output
