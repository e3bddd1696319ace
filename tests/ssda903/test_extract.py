"""Cutting a collection year's return out of a canonical multi-year dataset (DfE scope)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import polars as pl

from lookedafter.schema.dataset import Dataset, Meta
from lookedafter.schema.tables import TABLES
from lookedafter.ssda903.extract import for_year, year_bounds, years_with_data
from lookedafter.ssda903.io import read_return, write_return

D = date


def frame(name: str, rows: list[dict[str, object]]) -> pl.DataFrame:
    tab = TABLES[name]
    return pl.DataFrame(
        [{c: row.get(c) for c in tab.column_names} for row in rows], schema=tab.polars_schema
    )


def canonical() -> Dataset:
    """A: in care 2020-2025, adopted 10/05/2025. B: left in 2018. C: came in 01/02/2026.
    D: a care leaver in the 2025-26 OC3 cohort only."""
    ep = {"RNE": "S", "LS": "C2", "CIN": "N1", "PLACE": "U1", "PLACE_PROVIDER": "PR1"}
    episodes = [
        {"CHILD": "A", "DECOM": D(2020, 1, 1), "DEC": D(2024, 6, 1), "REC": "X1", **ep},
        {
            "CHILD": "A",
            "DECOM": D(2024, 6, 1),
            "DEC": D(2025, 5, 10),
            "REC": "E11",
            "REASON_PLACE_CHANGE": "CARPL",
            **ep,
        },
        {"CHILD": "B", "DECOM": D(2015, 1, 1), "DEC": D(2018, 1, 1), "REC": "E8", **ep},
        {"CHILD": "C", "DECOM": D(2026, 2, 1), **ep},
    ]
    header: list[dict[str, object]] = [
        {"CHILD": c, "SEX": "F", "DOB": D(2012, 1, 1), "ETHNIC": "WBRI"}
        for c in ("A", "B", "C", "D")
    ]
    tables = {
        "Header": frame("Header", header),
        "Episodes": frame("Episodes", episodes),
        "Reviews": frame(
            "Reviews",
            [
                {"CHILD": "A", "REVIEW": D(2024, 5, 1), "REVIEW_CODE": "PN1"},
                {"CHILD": "A", "REVIEW": D(2025, 5, 1), "REVIEW_CODE": "PN1"},
                {"CHILD": "B", "REVIEW": D(2017, 5, 1), "REVIEW_CODE": "PN1"},
            ],
        ),
        "Missing": frame(
            "Missing",
            [
                {
                    "CHILD": "C",
                    "MISSING": "M",
                    "MIS_START": D(2026, 3, 20),
                    "MIS_END": D(2026, 4, 5),
                },
                {
                    "CHILD": "A",
                    "MISSING": "A",
                    "MIS_START": D(2024, 3, 1),
                    "MIS_END": D(2024, 3, 2),
                },
            ],
        ),
        "SWEpisodes": frame(
            "SWEpisodes",
            [
                {"CHILD": "A", "SW_ID": "S1", "SW_DECOM": D(2023, 1, 1), "SW_DEC": D(2024, 8, 1)},
                {"CHILD": "A", "SW_ID": "S2", "SW_DECOM": D(2024, 8, 1), "SW_REASON": "MANAGE"},
                # C's social worker from before care began (reported: C is in care on 31 March)
                {"CHILD": "C", "SW_ID": "S3", "SW_DECOM": D(2025, 11, 1), "SW_REASON": "MANAGE"},
            ],
        ),
        "PlacedAdoption": frame(
            "PlacedAdoption",
            [{"CHILD": "A", "DATE_PLACED": D(2023, 6, 1)}],
        ),
        "AD1": frame("AD1", [{"CHILD": "A", "DATE_INT": D(2023, 6, 1), "NB_ADOPTR": "2"}]),
        "OC2": frame("OC2", [{"CHILD": "A", "SDQ_SCORE": 10, "YEAR": 2025}]),
        "OC3": frame("OC3", [{"CHILD": "D", "IN_TOUCH": "YES", "YEAR": 2026}]),
        "UASC": frame(
            "UASC",
            [
                {"CHILD": "C", "SEX": "F", "DOB": D(2012, 1, 1)},
                {"CHILD": "D", "SEX": "F", "DOB": D(2012, 1, 1), "DUC": D(2020, 1, 1)},
            ],
        ),
        "PrevPerm": frame(
            "PrevPerm", [{"CHILD": "B", "PREV_PERM": "P1"}, {"CHILD": "D", "PREV_PERM": "P2"}]
        ),
    }
    return Dataset(tables, Meta(la_code="999", la_name="Demo", as_of=D(2026, 5, 1)))


def children(ds: Dataset, table: str) -> list[str]:
    return sorted(ds[table].get_column("CHILD").to_list())


def test_year_bounds() -> None:
    assert year_bounds(2026) == (D(2025, 4, 1), D(2026, 3, 31))


def test_2024_25_return() -> None:
    ret = for_year(canonical(), 2025)
    assert ret.meta.collection_year == 2025
    assert ret.meta.as_of == D(2025, 3, 31)
    assert ret.meta.la_code == "999"
    episodes = ret["Episodes"]
    assert episodes.get_column("CHILD").to_list() == ["A", "A"]
    # the second episode ends after 31 March 2025: as at year end it is open
    assert episodes.row(1, named=True)["DEC"] is None
    assert episodes.row(1, named=True)["REC"] is None
    assert episodes.row(1, named=True)["REASON_PLACE_CHANGE"] is None
    assert children(ret, "Header") == ["A"]
    assert ret["Reviews"].get_column("REVIEW").to_list() == [D(2024, 5, 1)]
    assert ret["Missing"].height == 0  # A's missing episode was in 2023-24
    assert ret["SWEpisodes"].get_column("SW_ID").to_list() == ["S1", "S2"]
    assert ret["AD1"].height == 0  # not adopted until 2025-26
    assert children(ret, "OC2") == ["A"]
    assert ret["OC3"].height == 0
    assert children(ret, "PlacedAdoption") == ["A"]
    assert ret["PrevPerm"].height == 0
    assert ret.previous is not None
    assert ret.previous.meta.collection_year == 2024
    assert ret.previous.previous is None
    assert ret.previous["Missing"].get_column("CHILD").to_list() == ["A"]


def test_2025_26_return() -> None:
    ret = for_year(canonical(), 2026)
    assert ret.meta.as_of == D(2026, 3, 31)
    episodes = ret["Episodes"]
    assert episodes.get_column("CHILD").to_list() == ["A", "C"]
    assert episodes.row(0, named=True)["REC"] == "E11"
    assert children(ret, "Header") == ["A", "C", "D"]  # D: care leaver in the OC3 cohort
    assert ret["Reviews"].get_column("REVIEW").to_list() == [D(2025, 5, 1)]
    missing = ret["Missing"]
    assert missing.get_column("CHILD").to_list() == ["C"]
    assert missing.get_column("MIS_END").to_list() == [None]
    # A was adopted in May 2025: not looked after on 31 March, so no social worker episodes
    assert ret["SWEpisodes"].get_column("SW_ID").to_list() == ["S3"]
    assert children(ret, "AD1") == ["A"]
    assert ret["OC2"].height == 0
    assert ret["OC3"].get_column("YEAR").to_list() == [2026]
    assert children(ret, "UASC") == ["C"]  # not D: a care leaver (rule 1014)
    assert ret["PrevPerm"].height == 0
    assert "DoLo" not in ret


def test_dolo_from_2027_and_no_previous_without_data() -> None:
    ds = canonical()
    dolo = frame("DoLo", [{"CHILD": "C", "DOLO_START": D(2026, 6, 1), "DOLO_END": D(2027, 6, 1)}])
    ret = for_year(ds.with_table("DoLo", dolo), 2027)
    assert ret["DoLo"].get_column("DOLO_END").to_list() == [None]
    early = for_year(ds, 2015)
    assert early["Episodes"].get_column("CHILD").to_list() == ["B"]
    assert early["Header"].get_column("CHILD").to_list() == ["B"]
    assert early["PrevPerm"].get_column("CHILD").to_list() == ["B"]
    assert early.previous is None


def test_years_with_data() -> None:
    # 2026-27 is under way on the as-of date (1 May 2026), and C is still looked after
    assert years_with_data(canonical()) == list(range(2015, 2019)) + list(range(2020, 2028))
    assert years_with_data(Dataset()) == []


def test_extracted_return_survives_the_files(tmp_path: Path) -> None:
    ret = for_year(canonical(), 2026)
    write_return(ret, tmp_path)
    back = read_return(tmp_path).dataset
    assert back.meta.collection_year == 2026
    assert back.previous is not None
    for name in ret.tables:
        assert back[name].equals(ret[name]), name


def test_years_with_data_needs_dates() -> None:
    undated = frame("Episodes", [{"CHILD": "A"}])
    assert years_with_data(Dataset({"Episodes": undated})) == []


def test_social_worker_episodes_only_for_children_in_care_on_31_march() -> None:
    ret = for_year(canonical(), 2026)
    assert children(ret, "SWEpisodes") == ["C"]
    # in 2024-25 A was looked after on 31 March: both episodes overlapping the year
    assert children(for_year(canonical(), 2025), "SWEpisodes") == ["A", "A"]


def test_motherhood_as_at_31_march_and_blank_for_care_leavers() -> None:
    ds = canonical()
    header = ds["Header"].with_columns(
        pl.Series("MOTHER", ["1", None, "1", "0"], dtype=pl.String),
        pl.Series("MC_DOB", [D(2025, 2, 1), None, D(2026, 4, 20), None], dtype=pl.Date),
    )
    ret = for_year(ds.with_table("Header", header), 2026)
    rows = {r["CHILD"]: (r["MOTHER"], r["MC_DOB"]) for r in ret["Header"].iter_rows(named=True)}
    assert rows["A"] == ("1", D(2025, 2, 1))
    assert rows["C"] == ("0", None)  # her baby is born after the year: not yet a mother
    assert rows["D"] == (None, None)  # a care leaver not looked after in the year (rule 628)
    earlier = for_year(ds.with_table("Header", header), 2025)
    assert earlier["Header"].row(0, named=True)["MOTHER"] == "1"


def test_placement_codes_of_the_year() -> None:
    ds = canonical()
    episodes = ds["Episodes"].with_columns(
        pl.Series("PLACE", ["U1", "Z12", "U1", "K3"], dtype=pl.String),
        pl.Series("URN", ["XXXXXXX", None, None, "SC123456"], dtype=pl.String),
        pl.Series("PLACE_PROVIDER", ["PR1", None, "PR1", "PR4"], dtype=pl.String),
    )
    ds = ds.with_table("Episodes", episodes)
    late = for_year(ds, 2026)["Episodes"]
    assert late.get_column("PLACE").to_list() == ["Z12", "K3"]
    assert late.get_column("PLACE_PROVIDER").to_list() == [None, "PR4"]
    # 2024-25: Z12 was still Z1; K3 already valid
    early = for_year(ds, 2025)["Episodes"]
    assert early.get_column("PLACE").to_list() == ["U1", "Z1"]
    assert early.get_column("URN").to_list() == ["XXXXXXX", None]
    # before 2024-25 K3 was H5 (same provider and URN, as the carried-over episode keeps them)
    moved = episodes.with_columns(
        pl.when(pl.col("CHILD") == "C")
        .then(pl.lit(D(2023, 6, 1)))
        .otherwise(pl.col("DECOM"))
        .alias("DECOM")
    )
    older = for_year(ds.with_table("Episodes", moved), 2024)["Episodes"].filter(
        pl.col("CHILD") == "C"
    )
    assert older.select("PLACE", "URN", "PLACE_PROVIDER").row(0) == ("H5", "SC123456", "PR4")
