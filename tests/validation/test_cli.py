"""``lookedafter validate`` through the real entry point."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import polars as pl
from click.testing import CliRunner

from lookedafter.cli.main import cli
from lookedafter.schema import Dataset
from lookedafter.schema.dataset import Meta


def _folder(tmp_path: Path, ethnic: str) -> Path:
    header = pl.DataFrame({"CHILD": ["1"], "ETHNIC": [ethnic]})
    episodes = pl.DataFrame({"CHILD": ["1"], "DECOM": [date(2025, 5, 1)]})
    out = tmp_path / "ds"
    meta = Meta(collection_year=2026, la_name="Testshire")
    Dataset({"Header": header, "Episodes": episodes}, meta).write(out)
    return out


def test_it_exits_1_and_writes_csv_when_a_rule_flags(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["validate", str(_folder(tmp_path, "bad")), "--year", "2026"])
    assert result.exit_code == 1, result.output
    lines = list(csv.DictReader(io.StringIO(result.stdout)))
    assert any(line["code"] == "103" and line["child"] == "1" for line in lines)
    assert "flag(s)" in result.stderr


def test_it_exits_0_when_nothing_is_flagged_and_writes_html(tmp_path: Path) -> None:
    folder = _folder(tmp_path, "WBRI")
    out = tmp_path / "r.html"
    result = CliRunner().invoke(
        cli, ["validate", str(folder), "--format", "html", "--out", str(out)]
    )
    flagged = [line for line in result.stderr.splitlines() if line.strip().startswith("103")]
    assert flagged == []
    assert out.read_text("utf-8").startswith("<!DOCTYPE html>")
    assert result.exit_code in (0, 1)  # other rules may flag this one-column return
    assert result.exit_code == (0 if "0 flag(s)" in result.stderr else 1)


def test_xlsx_needs_an_output_file(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli, ["validate", str(_folder(tmp_path, "WBRI")), "--format", "xlsx"]
    )
    assert result.exit_code == 2
    assert "--out" in result.output


def test_a_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["validate", str(tmp_path / "nope")])
    assert result.exit_code == 2
    assert "does not exist" in result.output


def test_help_has_an_example() -> None:
    result = CliRunner().invoke(cli, ["validate", "--help"])
    assert result.exit_code == 0 and "Example:" in result.output


def test_it_validates_903_csv_files_with_last_years_return(tmp_path: Path) -> None:
    from lookedafter.ssda903.io import write_return
    from lookedafter.validation.testing import dataset

    current = dataset(
        {
            "Header": {
                "CHILD": ["1", "2"],
                "SEX": ["M", "F"],
                "DOB": ["01/01/2015"] * 2,
                "ETHNIC": ["WBRI", "XXXX"],
                "UPN": ["UN1", "UN1"],
                "MOTHER": [None, "0"],
            },
            "Episodes": {
                "CHILD": ["1", "2"],
                "DECOM": ["01/05/2025", "01/06/2025"],
                "RNE": ["S", "S"],
                "LS": ["C2", "C2"],
                "CIN": ["N1", "N1"],
                "PLACE": ["U1", "U1"],
                "PLACE_PROVIDER": ["PR1", "PR1"],
                "HOME_POST": ["M1 1AE", "M1 1AE"],
                "PL_POST": ["M1 1AE", "M1 1AE"],
            },
        },
        la_code="E08000003",
        previous={"Header": {"CHILD": ["1"], "SEX": ["M"], "DOB": ["01/01/2015"]}},
    )
    folder = tmp_path / "903"
    write_return(
        type(current)(current.tables, type(current.meta)(collection_year=2026), current.previous),
        folder,
    )
    (folder / "episodes.csv").write_text(
        (folder / "episodes.csv").read_text("utf-8").replace("01/06/2025", "31/06/2025"), "utf-8"
    )
    out = tmp_path / "r.csv"
    result = CliRunner().invoke(cli, ["validate", str(folder), "--year", "2026", "--out", str(out)])
    assert result.exit_code == 1, result.output
    lines = list(csv.DictReader(out.open(encoding="utf-8")))
    assert lines[0]["kind"] == "structural"  # the impossible date comes first
    codes = {(line["code"], line["child"], line["table"], line["row"]) for line in lines}
    assert ("103", "2", "Header", "1") in codes
    assert ("141", "2", "Episodes", "1") in codes  # DECOM could not be read
    assert not any(c == "103" and child == "1" for c, child, _, _ in codes)


def test_la_code_and_ofsted_lists_switch_on_the_rules_that_need_them(tmp_path: Path) -> None:
    from lookedafter.validation.testing import dataset

    eps = {
        "CHILD": ["1", "2"],
        "DECOM": ["01/05/2025", "01/05/2025"],
        "LS": ["C2", "C2"],
        "PLACE": ["K2", "K2"],
        "PLACE_PROVIDER": ["PR1", "PR1"],
        "HOME_POST": ["M1 1AE", "M1 1AE"],
        "PL_POST": ["M1 1AE", "LS1 1UR"],
        "URN": ["SC111111", "SC999999"],
    }
    ds = dataset({"Episodes": eps})
    folder = tmp_path / "canonical"
    type(ds)(ds.tables, type(ds.meta)(collection_year=2026)).write(folder)
    providers = tmp_path / "providers.csv"
    providers.write_text("URN,Setting postcode\nSC111111,M1 1AE\n", "utf-8")

    def codes(*extra: str) -> set[str]:
        args = ["validate", str(folder), "--year", "2026", *extra]
        result = CliRunner().invoke(cli, args)
        return {line["code"] for line in csv.DictReader(io.StringIO(result.stdout))}

    assert not {"1008", "1015"} & codes()
    got = codes("--la-code", "e08000003", "--ofsted-providers", str(providers))
    assert {"1008", "1015"} <= got
    bad = CliRunner().invoke(cli, ["validate", str(folder), "--ofsted-providers", str(folder)])
    assert bad.exit_code == 2


def _history(folder: Path, dob: date) -> Path:
    """A canonical folder: children looked after in 2019 only, in 2024-25 only, and now."""
    header = pl.DataFrame(
        {
            "CHILD": ["old", "2", "1"],
            "ETHNIC": ["bad", "bad", "bad"],
            "DOB": [date(2010, 1, 1), date(2012, 1, 1), dob],
        }
    )
    episodes = pl.DataFrame(
        {
            "CHILD": ["old", "2", "1", "1"],
            "DECOM": [date(2019, 5, 1), date(2024, 5, 1), date(2024, 6, 1), date(2025, 5, 1)],
            "DEC": [date(2019, 9, 1), date(2024, 12, 1), date(2025, 5, 1), None],
            "REC": ["E13", "E13", "X1", None],
        }
    )
    Dataset({"Header": header, "Episodes": episodes}, Meta(la_name="Testshire")).write(folder)
    return folder


def _flags(*args: str) -> list[dict[str, str]]:
    result = CliRunner().invoke(cli, ["validate", *args])
    assert result.exit_code == 1, result.output
    return list(csv.DictReader(io.StringIO(result.stdout)))


def test_a_canonical_folder_is_cut_to_the_collection_year_first(tmp_path: Path) -> None:
    folder = _history(tmp_path / "canonical", date(2015, 1, 1))
    lines = _flags(str(folder), "--year", "2026")
    assert {line["child"] for line in lines} == {"1"}  # nobody outside 2025-26
    ethnic = [line for line in lines if line["code"] == "103"]
    assert [(e["table"], e["row"]) for e in ethnic] == [("Header", "0")]  # row in the cut return
    # an earlier year of the same history is cut the same way
    assert {line["child"] for line in _flags(str(folder), "--year", "2025")} == {"1", "2"}
    no_year = CliRunner().invoke(cli, ["validate", str(folder)])
    assert no_year.exit_code == 2 and "--year" in no_year.output


def test_a_canonical_folder_gets_last_years_return_from_its_history_or_last(
    tmp_path: Path,
) -> None:
    folder = _history(tmp_path / "canonical", date(2015, 1, 1))
    assert not [f for f in _flags(str(folder), "--year", "2026") if f["code"] == "203"]
    other = _history(tmp_path / "other", date(2015, 2, 2))
    changed = _flags(str(folder), "--year", "2026", "--last", str(other))
    assert [(f["child"], f["row"]) for f in changed if f["code"] == "203"] == [("1", "0")]
