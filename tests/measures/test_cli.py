"""``lookedafter measures`` through the command line."""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl
from click.testing import CliRunner

from lookedafter.cli.main import cli
from lookedafter.measures.fixtures import dataset, episode
from lookedafter.schema import Dataset, Meta

DS = dataset(
    Header=[{"CHILD": "A", "DOB": "2012-05-01"}, {"CHILD": "B", "DOB": "2010-01-01"}],
    Episodes=[episode("A", "2025-01-01"), episode("B", "2025-01-01")],
    Workers=[
        {
            "WORKER_ID": "W1",
            "TEAM_ID": "T1",
            "ROLE": "SW",
            "FTE": 1.0,
            "CASE_HOLDING": True,
            "START_DATE": "2020-01-01",
        },
        {
            "WORKER_ID": "W2",
            "TEAM_ID": "T2",
            "ROLE": "SW",
            "FTE": 1.0,
            "CASE_HOLDING": True,
            "START_DATE": "2020-01-01",
        },
    ],
    Allocations=[
        {"CHILD": "A", "WORKER_ID": "W1", "ALLOC_ROLE": "SW", "ALLOC_START": "2025-01-01"},
        {"CHILD": "B", "WORKER_ID": "W2", "ALLOC_ROLE": "SW", "ALLOC_START": "2025-01-01"},
    ],
    CaseAudits=[
        {
            "AUDIT_ID": "X",
            "CHILD": "A",
            "AUDIT_SERVICE": "CIC",
            "AUDITOR_ROLE": "TM",
            "AUDIT_DATE": "2025-10-01",
            "GRADE": "GOOD",
        }
    ],
)


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "authority"
    Dataset(DS.tables, Meta(la_code="825")).write(folder / "canonical")
    return folder


def test_measures_csv_by_team(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    result = CliRunner().invoke(
        cli,
        [
            "measures",
            str(folder),
            "--as-of",
            "2026-03-31",
            "--by",
            "team",
            "--format",
            "csv",
            "--measure",
            "audit_coverage_cic",
        ],
    )
    assert result.exit_code == 0, result.output
    rows = pl.read_csv(result.stdout.encode())
    # in care A, B; A audited -> 50%; by team: T1 (A) 100%, T2 (B) 0%
    got = {(r["by"], r["group"]): r["value"] for r in rows.iter_rows(named=True)}
    assert got == {("all", "All"): 50.0, ("team", "T1"): 100.0, ("team", "T2"): 0.0}


def test_measures_json_and_table(tmp_path: Path) -> None:
    folder = _folder(tmp_path) / "canonical"
    result = CliRunner().invoke(
        cli, ["measures", str(folder), "--as-of", "2026-03-31", "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    ids = {r["measure"] for r in json.loads(result.stdout)}
    assert {"audit_coverage_cic", "caseload_average", "visits_on_time"} <= ids
    table = CliRunner().invoke(cli, ["measures", str(folder), "--as-of", "2026-03-31"])
    assert table.exit_code == 0
    assert "Children in care whose case was audited" in table.output


def test_measures_behind_lists_the_children(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli,
        [
            "measures",
            str(_folder(tmp_path)),
            "--as-of",
            "2026-03-31",
            "--behind",
            "audit_coverage_cic",
            "--format",
            "csv",
        ],
    )
    assert result.exit_code == 0, result.output
    rows = pl.read_csv(result.stdout.encode())
    assert rows.sort("CHILD")[["CHILD", "NUM"]].rows() == [("A", 1.0), ("B", 0.0)]


def test_measures_errors(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    no_date = CliRunner().invoke(cli, ["measures", str(folder)])
    assert no_date.exit_code == 2 and "--as-of" in no_date.output
    unknown = CliRunner().invoke(
        cli, ["measures", str(folder), "--as-of", "2026-03-31", "--measure", "nope"]
    )
    assert unknown.exit_code == 2 and "unknown measure" in unknown.output
    not_canonical = CliRunner().invoke(cli, ["measures", str(tmp_path), "--as-of", "2026-03-31"])
    assert not_canonical.exit_code == 1 and "dataset.json" in not_canonical.output
    helped = CliRunner().invoke(cli, ["measures", "--help"])
    assert helped.exit_code == 0 and "Examples:" in helped.output
