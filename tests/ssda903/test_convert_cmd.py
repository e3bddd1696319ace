"""``lookedafter convert`` through click's CliRunner."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest
from click.testing import CliRunner

from lookedafter.cli.main import cli
from lookedafter.schema.dataset import Dataset
from lookedafter.ssda903 import io as io_module
from lookedafter.ssda903.io import read_return

from .test_extract import canonical


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["convert", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.output


def test_help_has_an_example() -> None:
    code, output = run("--help")
    assert code == 0
    assert "lookedafter convert" in output and "Examples" in output


def test_903_to_canonical_and_back_gives_the_same_files(valid_folder: Path, tmp_path: Path) -> None:
    code, output = run(str(valid_folder), "--out", str(tmp_path / "canon"))
    assert code == 0, output
    assert "No structural problems" in output
    assert Dataset.is_canonical_folder(tmp_path / "canon")
    assert (tmp_path / "canon" / "prev" / "Episodes.parquet").exists()
    code, output = run(str(tmp_path / "canon"), "--out", str(tmp_path / "again"))
    assert code == 0, output
    for path in valid_folder.rglob("*.csv"):
        assert (
            tmp_path / "again" / path.relative_to(valid_folder)
        ).read_bytes() == path.read_bytes()


def test_canonical_csv_and_903_to_903(valid_folder: Path, tmp_path: Path) -> None:
    code, _ = run(str(valid_folder), "--out", str(tmp_path / "c"), "--format", "csv")
    assert code == 0
    assert (tmp_path / "c" / "Episodes.csv").exists()
    code, _ = run(str(valid_folder), "--out", str(tmp_path / "d"), "--to", "903")
    assert code == 0
    assert read_return(tmp_path / "d").dataset.equals(read_return(valid_folder).dataset)


def test_multi_year_canonical_to_903(tmp_path: Path) -> None:
    canonical().write(tmp_path / "canon")
    code, output = run(str(tmp_path / "canon"), "--out", str(tmp_path / "r"))
    assert code == 0, output
    # the as-of date is 1 May 2026: the latest complete year is 2025-26
    assert "2025-26" in output
    ret = read_return(tmp_path / "r").dataset
    assert ret.meta.collection_year == 2026
    assert ret.previous is not None
    code, _ = run(str(tmp_path / "canon"), "--out", str(tmp_path / "r24"), "--year", "2024")
    assert code == 0
    assert read_return(tmp_path / "r24").dataset.meta.collection_year == 2024


def test_unreadable_file_exits_1_with_a_report(valid_folder: Path, tmp_path: Path) -> None:
    (valid_folder / "episodes.csv").write_bytes(b"\x00\x01\x02 binary")
    (valid_folder / "reviews.csv").write_text(
        "CHILD,DOB,REVIEW,REVIEW_CODE\n1,01/01/2015,31/13/2025,PN1\n", "utf-8"
    )
    report = tmp_path / "problems.csv"
    code, output = run(str(valid_folder), "--out", str(tmp_path / "o"), "--report", str(report))
    assert code == 1
    assert "unreadable_file" in output and "episodes.csv" in output
    assert "bad_date" in output and "REVIEW" in output
    assert "Could not read" in output
    problems = pl.read_csv(report)
    assert set(problems.get_column("kind")) >= {"unreadable_file", "bad_date", "missing_file"}
    code, output = run(
        str(valid_folder), "--out", str(tmp_path / "o2"), "--report", str(tmp_path / "no" / "r.csv")
    )
    assert code == 1 and "cannot write the report" in output


def test_clear_errors(valid_folder: Path, tmp_path: Path) -> None:
    code, output = run(str(tmp_path / "nowhere"), "--out", str(tmp_path / "o"))
    assert code == 2
    assert "does not exist" in output
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "x").write_text("x")
    code, output = run(str(valid_folder), "--out", str(tmp_path / "full"))
    assert code == 1
    assert "--force" in output
    code, _ = run(str(valid_folder), "--out", str(tmp_path / "full"), "--force")
    assert code == 0
    code, output = run(str(valid_folder), "--out", str(valid_folder))
    assert code == 1 and "different folder" in output
    (tmp_path / "junk").mkdir()
    (tmp_path / "junk" / "x.csv").write_text("a,b\n1,2\n")
    code, output = run(str(tmp_path / "junk"), "--out", str(tmp_path / "o2"), "--to", "903")
    assert code == 1 and "Could not read" in output and "unrecognised_file" in output
    code, output = run(str(tmp_path / "empty-canon"), "--out", str(tmp_path / "o3"))
    assert code == 2


def test_many_problems_are_summarised(valid_folder: Path, tmp_path: Path) -> None:
    rows = "\n".join("1,x,y,PN1" for _ in range(150))
    (valid_folder / "reviews.csv").write_text(f"CHILD,DOB,REVIEW,REVIEW_CODE\n{rows}\n", "utf-8")
    code, output = run(str(valid_folder), "--out", str(tmp_path / "o"))
    assert code == 0
    assert "more not shown" in output and "--report" in output


def test_broken_canonical_folder(tmp_path: Path) -> None:
    folder = tmp_path / "canon"
    folder.mkdir()
    (folder / "dataset.json").write_text("{not json", "utf-8")
    code, output = run(str(folder), "--out", str(tmp_path / "o"))
    assert code == 1
    assert "cannot read the canonical dataset" in output
    empty = tmp_path / "empty"
    Dataset().write(empty)
    code, output = run(str(empty), "--out", str(tmp_path / "o4"))
    assert code == 1 and "no episodes" in output


def test_out_is_a_file_and_canonical_with_last(valid_folder: Path, tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    code, output = run(str(valid_folder), "--out", str(tmp_path / "file"))
    assert code == 2 and "is a file" in output
    this, last = tmp_path / "this", tmp_path / "last"
    ret = read_return(valid_folder).dataset
    Dataset(ret.tables, ret.meta).write(this)
    assert ret.previous is not None
    ret.previous.write(last)
    code, output = run(str(this), "--out", str(tmp_path / "o"), "--last", str(last))
    assert code == 0, output
    assert "with last year's: Return 2024-25" in output
    assert read_return(tmp_path / "o").dataset.equals(ret)


def test_write_failure_is_a_clear_error(
    valid_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full_disk(dataset: Dataset, folder: Path) -> list[Path]:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(io_module, "write_return", full_disk)
    code, output = run(str(valid_folder), "--out", str(tmp_path / "o"), "--to", "903")
    assert code == 1
    assert "cannot write to" in output and "No space left" in output
