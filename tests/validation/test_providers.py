"""Reading Ofsted's provider lists (xlsx and csv) for the URN rules."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook

from lookedafter.validation.providers import ProviderListError, read_providers


def _children_homes(path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Provider information"
    sheet.append(["Children's homes in England, as at 31 March"])
    sheet.append([])
    sheet.append(
        [
            "URN",
            "Local Authority",
            "Provider Code",
            "Provider Placement Code",
            "Closed Date",
            "Setting Postcode",
        ]
    )
    sheet.append(["SC123456", "Manchester", "PR1", "K2", None, "m1 1ae"])
    sheet.append(
        [
            "SC654321",
            "Leeds",
            "PR3/PR4",
            "K2/R1",
            datetime(2025, 6, 30, tzinfo=UTC).replace(tzinfo=None),
            "LS1 1UR",
        ]
    )
    book.save(path)


def test_it_reads_a_childrens_homes_workbook(tmp_path: Path) -> None:
    path = tmp_path / "ch.xlsx"
    _children_homes(path)
    got = read_providers([path])
    assert got["URN"].to_list() == ["SC123456", "SC654321"]
    assert got["PROVIDER_CODES"].to_list() == [["PR1"], ["PR3", "PR4"]]
    assert got["PLACE_CODES"].to_list() == [["K2"], ["K2", "R1"]]
    assert got["REG_END"].to_list() == [None, date(2025, 6, 30)]
    assert got["POSTCODE"].to_list() == ["M11AE", "LS11UR"]
    assert got["LA"].to_list() == ["E08000003", "E08000035"]


def test_it_reads_a_csv_list_and_merges_lists(tmp_path: Path) -> None:
    scp = tmp_path / "scp.csv"
    scp.write_text(
        "URN,Local authority,Placement code,Placement provider code,Deregistration date,"
        "Setting postcode\n1234567,Leeds,U1,PR4,01/04/2024,LS1 1UR\n",
        "utf-8",
    )
    ch = tmp_path / "ch.xlsx"
    _children_homes(ch)
    got = read_providers([ch, scp])
    assert got["URN"].to_list() == ["SC123456", "SC654321", "1234567"]
    assert got.filter(got["URN"] == "1234567")["REG_END"].to_list() == [date(2024, 4, 1)]


def test_a_file_without_a_urn_column_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("name,postcode\nx,M1 1AE\n", "utf-8")
    with pytest.raises(ProviderListError, match="URN"):
        read_providers([bad])
    other = tmp_path / "x.txt"
    other.write_text("URN\n1\n", "utf-8")
    with pytest.raises(ProviderListError, match=r"xlsx or \.csv"):
        read_providers([other])
    with pytest.raises(ProviderListError, match="no such file"):
        read_providers([tmp_path / "missing.csv"])
