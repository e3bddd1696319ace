"""The report: CSV lines, formula safety, XLSX sheets, a self-contained accessible HTML page."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import polars as pl
from openpyxl import load_workbook

from lookedafter.schema import Dataset
from lookedafter.ssda903.structural import Issue, Kind
from lookedafter.validation import report
from lookedafter.validation.registry import run


def _report() -> report.Report:
    header = pl.DataFrame(
        {"CHILD": ["1", "2", "=HYPERLINK(1)", "4"], "ETHNIC": ["WBRI", "wbri", None, "WBRI"]}
    )
    issues = [Issue(Kind.BAD_DATE, "header.csv", "DOB is not a date", "Header", 3, "DOB", "x")]
    result = run(Dataset({"Header": header}), 2026, issues, codes=["103"])
    return report.build(result, 2026, issues, "Testshire")


def test_csv_has_the_columns_structural_lines_first_and_one_line_per_flag() -> None:
    rows = list(csv.DictReader(io.StringIO(report.to_csv(_report()))))
    assert {"child", "table", "row", "code", "fields", "message"} <= set(rows[0])
    assert [r["kind"] for r in rows] == ["structural", "rule", "rule"]
    assert rows[0]["code"] == "STRUCT-BAD_DATE" and rows[0]["fields"] == "DOB"
    assert [(r["table"], r["row"], r["code"]) for r in rows[1:]] == [
        ("Header", "1", "103"),
        ("Header", "2", "103"),
    ]


def test_csv_cells_cannot_run_as_formulas() -> None:
    rows = list(csv.DictReader(io.StringIO(report.to_csv(_report()))))
    assert rows[2]["child"] == "'=HYPERLINK(1)"
    assert report.safe_cell("-1") == "-1"  # a number stays a number
    assert report.safe_cell("@SUM(A1)") == "'@SUM(A1)"


def test_summaries_count_per_rule_child_row_and_field() -> None:
    rep = _report()
    assert rep.by_rule().select("code", "flags", "children").rows() == [("103", 2, 2)]
    assert rep.by_child()["child"].to_list() == ["2", "=HYPERLINK(1)"]
    assert rep.by_row().select("table", "row", "fields").rows() == [
        ("Header", 1, "ETHNIC"),
        ("Header", 2, "ETHNIC"),
    ]
    assert rep.by_field().rows() == [("Header", "ETHNIC", 2)]
    assert not rep.clean


def test_xlsx_has_every_sheet_and_safe_strings(tmp_path: Path) -> None:
    out = tmp_path / "r.xlsx"
    report.write_xlsx(_report(), out)
    book = load_workbook(out)
    assert book.sheetnames == [
        "Summary",
        "Structural",
        "Flags",
        "By rule",
        "By child",
        "By row",
        "By field",
        "Not run",
    ]
    flags = list(book["Flags"].iter_rows(values_only=True))
    assert flags[0][:4] == ("child", "table", "row", "code")
    assert flags[2][0] == "'=HYPERLINK(1)"
    assert book["Summary"]["B4"].value == 2


def test_html_is_self_contained_and_accessible() -> None:
    page = report.to_html(_report())
    assert page.startswith("<!DOCTYPE html>") and '<html lang="en">' in page
    assert not re.search(r"(src|href)=\"(https?:)?//", page)
    assert "<script" not in page
    assert '<th scope="col">' in page and "<caption>" in page
    assert "=HYPERLINK(1)" in page and "&lt;" not in "".join(_report().flags["child"].to_list())
    assert page.index("Structural problems found") < page.index("Flags per rule")


def test_html_escapes_what_the_data_holds() -> None:
    header = pl.DataFrame({"CHILD": ["<b>x</b>"], "ETHNIC": ["bad"]})
    rep = report.build(run(Dataset({"Header": header}), 2026, codes=["103"]), 2026)
    page = report.to_html(rep)
    assert "<b>x</b>" not in page and "&lt;b&gt;x&lt;/b&gt;" in page


def test_a_clean_run_says_so() -> None:
    header = pl.DataFrame({"CHILD": ["1"], "ETHNIC": ["WBRI"]})
    rep = report.build(run(Dataset({"Header": header}), 2026, codes=["103"]), 2026)
    assert rep.clean
    assert "No problems found" in report.to_html(rep)
    assert report.to_csv(rep).strip() == "kind,child,table,row,code,fields,message"


def test_the_vectorised_csv_guard_agrees_with_the_cell_guard() -> None:
    values = ["-1", "=A1", "@x", "+44 20", "1e5", "abc", "\tx", "-", ".5", "+1.5e-3", "=1+1"]
    frame = pl.DataFrame({"v": values})
    got = frame.select(report.safe_text(pl.col("v")).alias("v"))["v"].to_list()
    assert got == [report.safe_cell(v) for v in values]
