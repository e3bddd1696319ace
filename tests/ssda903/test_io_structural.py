"""Each structural problem, from a hand-made file: reported with file, row and column; no crash."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import polars as pl
import pytest

from lookedafter.schema import codes
from lookedafter.ssda903 import io as io_module
from lookedafter.ssda903.io import MAX_LISTED, read_return
from lookedafter.ssda903.structural import Issue, Kind

EPISODE_COLUMNS = codes.ssda903_files()["Episodes"]
HEAD = ",".join(EPISODE_COLUMNS)
ROW = "C1,01/04/2025,S,C2,N1,U1,PR1,,,,AB1 2CD,CD1 2EF,"  # 13 fields, open episode
ROW2 = "C2,15/06/2025,S,V2,N4,U3,PR1,20/08/2025,E3,,AB1 2CD,CD1 2EF,"

Make = Callable[..., Path]


def kinds(issues: list[Issue]) -> set[Kind]:
    return {i.kind for i in issues}


def only(issues: list[Issue], kind: Kind) -> list[Issue]:
    return [i for i in issues if i.kind == kind]


def test_clean_return_has_no_issues(valid_folder: Path) -> None:
    result = read_return(valid_folder)
    assert result.issues == []
    assert not result.fatal
    assert result.dataset.meta.collection_year == 2026
    assert result.dataset.previous is not None
    assert result.dataset.previous.meta.collection_year == 2025


def test_missing_folder_is_a_fatal_issue(tmp_path: Path) -> None:
    result = read_return(tmp_path / "nowhere")
    assert kinds(result.issues) == {Kind.MISSING_FILE}
    assert result.fatal


def test_missing_required_file_is_fatal(make_folder: Make) -> None:
    result = read_return(make_folder(remove=("episodes.csv",)), year=2026)
    missing = only(result.issues, Kind.MISSING_FILE)
    assert [(i.table, i.file) for i in missing] == [("Episodes", "episodes.csv")]
    assert result.fatal
    assert result.dataset["Episodes"].height == 0


def test_missing_optional_file_is_reported_not_fatal(make_folder: Make) -> None:
    result = read_return(make_folder(remove=("reviews.csv",)))
    assert [i.table for i in result.issues] == ["Reviews"]
    assert result.issues[0].kind == Kind.OPTIONAL_FILE_MISSING
    assert not result.fatal


def test_missing_and_extra_column(make_folder: Make) -> None:
    head = HEAD.replace(",CIN", "") + ",YEAR"
    row = ROW.replace(",N1", "") + ",2026"
    result = read_return(make_folder({"episodes.csv": f"{head}\n{row}\n"}))
    (missing,) = only(result.issues, Kind.MISSING_COLUMN)
    (extra,) = only(result.issues, Kind.EXTRA_COLUMN)
    assert (missing.file, missing.column) == ("episodes.csv", "CIN")
    assert (extra.file, extra.column) == ("episodes.csv", "YEAR")
    episodes = result.dataset["Episodes"]
    assert episodes.get_column("CIN").to_list() == [None]
    assert episodes.get_column("PLACE").to_list() == ["U1"]
    assert not result.fatal


def test_unnamed_trailing_column(make_folder: Make) -> None:
    result = read_return(make_folder({"episodes.csv": f"{HEAD},\n{ROW},\n"}))
    (extra,) = only(result.issues, Kind.EXTRA_COLUMN)
    assert extra.column is None
    assert "unnamed column (field 14)" in extra.message
    assert result.dataset["Episodes"].height == 1


def test_duplicate_column_keeps_the_first(make_folder: Make) -> None:
    result = read_return(make_folder({"episodes.csv": f"{HEAD},LS\n{ROW},XX\n"}))
    (dup,) = only(result.issues, Kind.DUPLICATE_COLUMN)
    assert dup.column == "LS"
    assert result.dataset["Episodes"].get_column("LS").to_list() == ["C2"]


def test_bad_dates_become_null_with_row_and_column(make_folder: Make) -> None:
    rows = [
        ROW,
        ROW2.replace("15/06/2025", "31/02/2025"),
        ROW2.replace("15/06/2025", "2025-06-15"),
        ROW2.replace("15/06/2025", "15/06/25"),
        ROW2.replace("15/06/2025", "5/6/2025 00:00"),
        ROW2.replace("15/06/2025", "soon"),
    ]
    result = read_return(make_folder({"episodes.csv": "\n".join([HEAD, *rows]) + "\n"}))
    bad = only(result.issues, Kind.BAD_DATE)
    assert [(i.file, i.row, i.column, i.value) for i in bad] == [
        ("episodes.csv", 1, "DECOM", "31/02/2025"),
        ("episodes.csv", 3, "DECOM", "15/06/25"),
        ("episodes.csv", 5, "DECOM", "soon"),
    ]
    decom = result.dataset["Episodes"].get_column("DECOM").to_list()
    assert decom == [
        date(2025, 4, 1),
        None,
        date(2025, 6, 15),
        None,
        date(2025, 6, 5),
        None,
    ]
    assert not result.fatal


def test_bad_numbers(make_folder: Make, valid_folder: Path) -> None:
    text = (valid_folder / "oc2.csv").read_text("utf-8").splitlines()
    head, first = text[0], text[1].split(",")
    rows = []
    for score in ("12", "12.0", "12.5", "x", "99999999999"):
        first[2] = score
        rows.append(",".join(first))
    result = read_return(make_folder({"oc2.csv": "\n".join([head, *rows]) + "\n"}))
    bad = only(result.issues, Kind.BAD_NUMBER)
    assert [(i.row, i.column, i.value) for i in bad] == [
        (2, "SDQ_SCORE", "12.5"),
        (3, "SDQ_SCORE", "x"),
        (4, "SDQ_SCORE", "99999999999"),
    ]
    assert result.dataset["OC2"].get_column("SDQ_SCORE").to_list() == [12, 12, None, None, None]
    assert result.dataset["OC2"].get_column("YEAR").to_list() == [2026] * 5


def test_duplicate_file_for_one_table(make_folder: Make, valid_folder: Path) -> None:
    copy = (valid_folder / "reviews.csv").read_bytes()
    result = read_return(make_folder({"another reviews export.csv": copy}))
    (dup,) = only(result.issues, Kind.DUPLICATE_FILE)
    assert dup.file == "another reviews export.csv"  # the standard name wins
    assert dup.table == "Reviews"
    assert not result.fatal


def test_wrong_delimiter_is_fatal_but_read(make_folder: Make) -> None:
    for sep in (";", "\t"):
        text = f"{HEAD}\n{ROW}\n".replace(",", sep)
        result = read_return(make_folder({"episodes.csv": text}))
        (wrong,) = only(result.issues, Kind.WRONG_DELIMITER)
        assert wrong.table == "Episodes"
        assert result.fatal
        assert result.dataset["Episodes"].get_column("CHILD").to_list() == ["C1"]


def test_empty_files(make_folder: Make) -> None:
    result = read_return(make_folder({"episodes.csv": b"", "blank.csv": " \r\n\r\n"}))
    empty = only(result.issues, Kind.EMPTY_FILE)
    assert sorted(i.file for i in empty) == ["blank.csv", "episodes.csv"]
    assert result.fatal  # and Episodes is then missing too
    assert Kind.MISSING_FILE in kinds(result.issues)


def test_header_only_is_an_empty_table_not_a_problem(make_folder: Make) -> None:
    result = read_return(make_folder({"episodes.csv": HEAD + "\r\n"}))
    assert result.issues == []
    assert result.dataset["Episodes"].height == 0


def test_ragged_rows_and_blank_lines(make_folder: Make) -> None:
    short = ",".join(ROW.split(",")[:5])
    text = "\n".join([HEAD, "", ROW, "   ", short, ROW + ",extra,more", ROW2, ""]) + "\n\n"
    result = read_return(make_folder({"episodes.csv": text}))
    bad = only(result.issues, Kind.BAD_ROW)
    assert [(i.row, i.value) for i in bad] == [(1, "5"), (2, "15")]
    episodes = result.dataset["Episodes"]
    assert episodes.height == 4  # blank lines are not rows; ragged rows are kept
    assert episodes.get_column("CIN").to_list() == ["N1", "N1", "N1", "N4"]
    assert episodes.get_column("PLACE").to_list() == ["U1", None, "U1", "U3"]
    assert episodes.get_column("CHILD").to_list()[3] == "C2"


def test_undecodable_bytes(make_folder: Make) -> None:
    # 0x81 is undefined in Windows-1252 and invalid UTF-8.
    data = (
        f"{HEAD}\n{ROW}\n".encode()
        + ROW2.replace("AB1", "AB\x01").encode().replace(b"\x01", b"\x81")
        + b"\n"
    )
    result = read_return(make_folder({"episodes.csv": data}))
    per_row = [i for i in only(result.issues, Kind.BAD_ENCODING) if i.row is not None]
    assert [(i.row, i.column) for i in per_row] == [(1, "HOME_POST")]
    assert result.dataset["Episodes"].get_column("HOME_POST")[1] == "AB\ufffd 2CD"
    assert not result.fatal


def test_binary_junk_and_workbooks_are_unreadable(make_folder: Make) -> None:
    result = read_return(
        make_folder({"junk.bin": bytes(range(256)) * 4, "returns.xlsx": b"PK\x03\x04rest"})
    )
    unreadable = only(result.issues, Kind.UNREADABLE_FILE)
    assert sorted(i.file for i in unreadable) == ["junk.bin", "returns.xlsx"]
    assert "Excel" in next(i.message for i in unreadable if i.file == "returns.xlsx")
    assert result.fatal


def test_unrecognised_text_file_is_reported(make_folder: Make) -> None:
    result = read_return(make_folder({"notes.txt": "Remember to upload by May\n"}))
    (unknown,) = only(result.issues, Kind.UNRECOGNISED_FILE)
    assert unknown.file == "notes.txt"
    assert not result.fatal


def test_table_not_collected_that_year(make_folder: Make) -> None:
    dolo = ",".join(codes.ssda903_files()["DoLo"]) + "\nC1,01/01/2015,01/05/2025,\n"
    result = read_return(make_folder({"dolo.csv": dolo}))
    (odd,) = only(result.issues, Kind.TABLE_NOT_IN_YEAR)
    assert odd.table == "DoLo"
    assert result.dataset["DoLo"].height == 1


def test_quoted_fields_over_lines_and_unbalanced_quotes(make_folder: Make) -> None:
    quoted = ROW.replace("AB1 2CD", '"AB1,\n2CD"')
    result = read_return(make_folder({"episodes.csv": f"{HEAD}\n{quoted}\n{ROW2}\n"}))
    assert result.issues == []
    assert result.dataset["Episodes"].get_column("HOME_POST").to_list() == ["AB1,\n2CD", "AB1 2CD"]
    odd = ROW2.replace("AB1 2CD", 'AB1 "2CD')
    result = read_return(make_folder({"episodes.csv": f"{HEAD}\n{ROW}\n{odd}\n"}))
    assert not result.fatal
    assert result.dataset["Episodes"].height == 2


def test_many_bad_values_are_summarised(make_folder: Make) -> None:
    rows = [ROW.replace("01/04/2025", "nope")] * (MAX_LISTED + 50)
    result = read_return(make_folder({"episodes.csv": "\n".join([HEAD, *rows])}))
    bad = only(result.issues, Kind.BAD_DATE)
    assert len(bad) == MAX_LISTED + 1
    assert bad[-1].row is None
    assert "50 more rows" in bad[-1].message


def test_lower_case_headers_with_spaces_are_accepted(make_folder: Make) -> None:
    head = ", ".join(c.lower() for c in EPISODE_COLUMNS)
    result = read_return(make_folder({"episodes.csv": f"{head}\n{ROW}\n"}))
    assert result.issues == []
    assert result.dataset["Episodes"].get_column("LS").to_list() == ["C2"]


def test_values_are_stripped_and_blank_is_null(make_folder: Make) -> None:
    row = ROW.replace("C2,", " C2 ,").replace(",AB1 2CD", ",   ")
    result = read_return(make_folder({"episodes.csv": f"{HEAD}\n{row}\n"}))
    frame = result.dataset["Episodes"]
    assert frame.get_column("LS").to_list() == ["C2"]
    assert frame.get_column("HOME_POST").to_list() == [None]
    assert frame.schema["DECOM"] == pl.Date


def test_white_space_of_every_kind_is_stripped(make_folder: Make) -> None:
    for padded in ("\u00a0C2", "C2\t", "\tC2", "C2\x0b", '" C2"'):
        row = ROW.replace(",C2,", f",{padded},")
        result = read_return(make_folder({"episodes.csv": f"{HEAD}\n{row}\n"}))
        assert result.dataset["Episodes"].get_column("LS").to_list() == ["C2"], repr(padded)


def test_blank_lines_before_the_header(make_folder: Make) -> None:
    result = read_return(make_folder({"episodes.csv": f"\n  \n{HEAD}\n{ROW}\n"}))
    assert result.issues == []
    assert result.dataset["Episodes"].height == 1


def test_duplicate_files_neither_with_the_standard_name(
    make_folder: Make, valid_folder: Path
) -> None:
    copy = (valid_folder / "reviews.csv").read_bytes()
    result = read_return(make_folder({"b.csv": copy, "c.csv": copy}, remove=("reviews.csv",)))
    dups = only(result.issues, Kind.DUPLICATE_FILE)
    assert [i.file for i in dups] == ["c.csv"]  # b.csv, first by name, is read


def test_python_path_skips_blank_records_and_reports_csv_errors(make_folder: Make) -> None:
    odd = ROW2.replace("AB1 2CD", 'AB1 "2CD')
    result = read_return(make_folder({"episodes.csv": f"{HEAD}\n\n{ROW}\n   \n{odd}\n"}))
    assert result.dataset["Episodes"].get_column("CHILD").to_list() == ["C1", "C2"]
    huge = '"' + "x" * 200_000  # an unterminated quote running past the csv field limit
    result = read_return(make_folder({"episodes.csv": f"{HEAD}\n{ROW}\n{huge}\n"}))
    (bad,) = only(result.issues, Kind.UNREADABLE_FILE)
    assert bad.file == "episodes.csv" and bad.row == 1
    assert result.fatal


def test_a_huge_header_line_is_unrecognised_not_a_crash(make_folder: Make) -> None:
    result = read_return(make_folder({"odd.csv": '"' + "X" * 200_000 + "\n1\n"}))
    assert [i.kind for i in result.issues] == [Kind.UNRECOGNISED_FILE]


def test_unexpected_errors_become_issues(
    make_folder: Make, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = make_folder()

    def boom(path: Path, label: str, issues: list[Issue]) -> None:
        raise RuntimeError("surprise")

    monkeypatch.setattr(io_module, "_read_file_inner", boom)
    result = read_return(folder)
    assert {i.kind for i in result.issues} >= {Kind.UNREADABLE_FILE, Kind.MISSING_FILE}
    assert any("surprise" in i.message for i in result.issues)


def test_files_that_cannot_be_opened_or_listed(
    make_folder: Make, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = make_folder()
    real = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self.name == "reviews.csv":
            raise PermissionError("denied")
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    result = read_return(folder)
    (bad,) = only(result.issues, Kind.UNREADABLE_FILE)
    assert bad.file == "reviews.csv" and "denied" in bad.message

    def iterdir(self: Path) -> None:
        raise PermissionError("no listing")

    monkeypatch.setattr(Path, "iterdir", iterdir)
    result = read_return(folder)
    assert any("no listing" in i.message for i in result.issues)
    assert result.fatal


def test_quotes_polars_rejects_go_the_exact_way(make_folder: Make) -> None:
    odd = ROW2.replace("AB1 2CD", '"AB1" 2CD')
    result = read_return(make_folder({"episodes.csv": f"{HEAD}\n{ROW}\n{odd}\n"}))
    assert result.issues == []
    assert result.dataset["Episodes"].get_column("HOME_POST").to_list() == ["AB1 2CD", "AB1 2CD"]


def test_utf8_with_a_stray_byte_keeps_its_accents(make_folder: Make) -> None:
    row2 = ROW2.replace("AB1 2CD", "AB\x01").replace("C2,", "Cé2,", 1)
    data = f"\ufeff{HEAD}\n{ROW}\n{row2}\n".encode().replace(b"\x01", b"\xff")
    result = read_return(make_folder({"episodes.csv": data}))
    episodes = result.dataset["Episodes"]
    assert episodes.get_column("CHILD").to_list() == ["C1", "Cé2"]
    per_row = [
        (i.row, i.column) for i in only(result.issues, Kind.BAD_ENCODING) if i.row is not None
    ]
    assert per_row == [(1, "HOME_POST")]


def test_bom_then_windows_1252(make_folder: Make) -> None:
    data = b"\xef\xbb\xbf" + f"{HEAD}\n{ROW.replace('C1', 'C£1')}\n".encode("cp1252")
    result = read_return(make_folder({"episodes.csv": data}))
    assert result.issues == []
    assert result.dataset["Episodes"].get_column("CHILD").to_list() == ["C£1"]


def test_spaces_at_the_very_start_or_end_of_the_data(make_folder: Make) -> None:
    result = read_return(make_folder({"episodes.csv": f"{HEAD}\n {ROW}\n{ROW2} "}))
    episodes = result.dataset["Episodes"]
    assert episodes.get_column("CHILD").to_list() == ["C1", "C2"]
    assert episodes.get_column("URN").to_list() == [None, None]
