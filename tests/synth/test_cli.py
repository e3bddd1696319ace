"""The synth and summary commands: help, errors, output."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from lookedafter.cli.main import cli


def test_help_has_an_example() -> None:
    for name in ("synth", "summary"):
        result = CliRunner().invoke(cli, [name, "--help"])
        assert result.exit_code == 0
        assert "Example:" in result.output


def test_bad_date_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["synth", "--out", str(tmp_path), "--as-of", "31/03/2026"])
    assert result.exit_code == 2
    assert "2026-03-31" in result.output


def test_out_must_be_given() -> None:
    result = CliRunner().invoke(cli, ["synth", "--children", "10"])
    assert result.exit_code == 2
    assert "--out" in result.output


def test_unknown_area_is_a_clear_error(tmp_path: Path) -> None:
    args = ["synth", "--children", "20", "--years", "1", "--out", str(tmp_path / "x")]
    result = CliRunner().invoke(cli, [*args, "--area", "E99999999"])
    assert result.exit_code == 1
    assert "E99999999" in result.output


def test_refuses_to_overwrite_a_foreign_folder(tmp_path: Path) -> None:
    (tmp_path / "canonical").mkdir()
    (tmp_path / "canonical" / "mine.txt").write_text("keep me")
    result = CliRunner().invoke(cli, ["synth", "--children", "20", "--out", str(tmp_path)])
    assert result.exit_code == 1
    assert (tmp_path / "canonical" / "mine.txt").exists()


def test_summary_of_a_synthetic_authority(tmp_path: Path) -> None:
    out = tmp_path / "demo"
    args = ["synth", "--children", "200", "--years", "2", "--seed", "3", "--out", str(out)]
    assert CliRunner().invoke(cli, args).exit_code == 0
    result = CliRunner().invoke(cli, ["summary", str(out)])
    assert result.exit_code == 0, result.output
    assert "Looked after during the year from 01 April 2025" in result.output
    assert "200" in result.output
    for heading in ("legal status", "placement", "age", "Workforce", "Practice"):
        assert heading in result.output
    also = CliRunner().invoke(cli, ["summary", str(out / "canonical")])
    assert also.exit_code == 0


def test_summary_of_a_folder_that_is_not_a_dataset(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["summary", str(tmp_path)])
    assert result.exit_code == 1
    assert "not a canonical dataset" in result.output
