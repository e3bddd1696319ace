"""Encodings, file names, prev/, year inference, and write-then-read giving the same dataset."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st

from lookedafter.schema import codes
from lookedafter.schema.dataset import Dataset, Meta
from lookedafter.schema.tables import TABLES
from lookedafter.ssda903.io import FILE_NAMES, SOURCE, infer_year, read_return, write_return
from lookedafter.ssda903.structural import Kind

from .conftest import small_return

HEAD = ",".join(codes.ssda903_files()["Header"])
Make = Callable[..., Path]


def test_write_then_read_gives_the_same_dataset(tmp_path: Path) -> None:
    original = small_return(children=40)
    write_return(original, tmp_path)
    result = read_return(tmp_path)
    assert result.issues == []
    assert result.dataset.equals(original)


def test_written_files_follow_the_dfe_format(tmp_path: Path) -> None:
    ds = small_return()
    paths = write_return(ds, tmp_path)
    names = {p.relative_to(tmp_path).as_posix() for p in paths}
    expected = {FILE_NAMES[t] for t in codes.ssda903_files() if t != "DoLo"}
    assert names == expected | {f"prev/{n}" for n in expected}
    oc2 = (tmp_path / "oc2.csv").read_text("utf-8").splitlines()
    assert oc2[0] == ",".join(codes.ssda903_files()["OC2"])  # DfE order, no YEAR
    episodes = pl.read_csv(tmp_path / "episodes.csv", infer_schema=False)
    assert episodes.get_column("DECOM").str.contains(r"^\d{2}/\d{2}/\d{4}$").all()


def test_dolo_written_only_from_2027(tmp_path: Path) -> None:
    ds = small_return(year=2027)
    write_return(Dataset(ds.tables, ds.meta), tmp_path / "a")
    assert (tmp_path / "a" / "dolo.csv").read_text("utf-8").strip() == ",".join(
        codes.ssda903_files()["DoLo"]
    )
    old = small_return(year=2023)
    write_return(Dataset(old.tables, old.meta), tmp_path / "b")
    assert not (tmp_path / "b" / "dolo.csv").exists()
    assert not (tmp_path / "b" / "social_worker_episodes.csv").exists()
    no_year = Dataset(old.tables, Meta())
    written = {p.name for p in write_return(no_year, tmp_path / "c")}
    assert "dolo.csv" not in written and "header.csv" in written


def test_encodings(make_folder: Make) -> None:
    rows = ["C£1,F,01/02/2015,WBRI,A123456789012,,", "Cé2,M,03/04/2016,WBRI,UN1,,"]
    text = "\r\n".join([HEAD, *rows]) + "\r\n"
    for data in (
        text.encode("utf-8"),
        b"\xef\xbb\xbf" + text.encode("utf-8"),
        text.encode("cp1252"),
        text.encode("utf-16"),
    ):
        result = read_return(make_folder({"header.csv": data}))
        assert result.issues == [], data[:4]
        header = result.dataset["Header"]
        assert header.get_column("CHILD").to_list() == ["C£1", "Cé2"]
        assert header.get_column("DOB").to_list() == [date(2015, 2, 1), date(2016, 4, 3)]


def test_files_recognised_by_columns_whatever_their_names(
    valid_folder: Path, tmp_path: Path
) -> None:
    odd = tmp_path / "odd"
    odd.mkdir()
    for i, path in enumerate(sorted(valid_folder.glob("*.csv"))):
        name = ["Export (1).CSV", "data", "x.txt", "LAC 2026 - sheet"][i % 4] + f"{i}"
        (odd / name).write_bytes(path.read_bytes())
    (odd / ".DS_Store").write_bytes(b"\x00\x01junk")
    (odd / "~$lock.csv").write_bytes(b"\x00")
    result = read_return(odd)
    assert result.issues == []
    assert result.dataset.equals(
        Dataset(read_return(valid_folder).dataset.tables, result.dataset.meta)
    )


def test_previous_year_from_prev_or_last(valid_folder: Path, tmp_path: Path) -> None:
    with_prev = read_return(valid_folder)
    assert with_prev.dataset.previous is not None
    elsewhere = tmp_path / "last year"
    (valid_folder / "prev").rename(elsewhere)
    assert read_return(valid_folder).dataset.previous is None
    with_last = read_return(valid_folder, last=elsewhere)
    assert with_last.dataset.equals(with_prev.dataset)
    missing = read_return(valid_folder, last=tmp_path / "nowhere")
    assert [i.kind for i in missing.issues] == [Kind.MISSING_FILE]


def test_previous_year_issues_name_the_prev_file(valid_folder: Path) -> None:
    (valid_folder / "prev" / "episodes.csv").unlink()
    result = read_return(valid_folder)
    assert [(i.kind, i.file) for i in result.issues] == [(Kind.MISSING_FILE, "prev/episodes.csv")]


def test_year_given_or_inferred(valid_folder: Path) -> None:
    assert read_return(valid_folder, year=2026).dataset.meta.collection_year == 2026
    forced = read_return(valid_folder, year=2030).dataset
    assert forced.meta.collection_year == 2030
    assert forced.previous is not None and forced.previous.meta.collection_year == 2029
    assert forced["OC2"].get_column("YEAR").unique().to_list() == [2030]


def test_infer_year_without_end_dates() -> None:
    episodes = (
        TABLES["Episodes"]
        .empty()
        .vstack(
            pl.DataFrame(
                {"CHILD": ["1", "2"], "DECOM": [date(2019, 5, 1), date(2024, 4, 2)]},
                schema_overrides={"DECOM": pl.Date},
            ).select(
                [
                    pl.col(c) if c in ("CHILD", "DECOM") else pl.lit(None, dtype=d).alias(c)
                    for c, d in TABLES["Episodes"].polars_schema.items()
                ]
            )
        )
    )
    assert infer_year({"Episodes": episodes}) == 2025
    assert infer_year({}) is None


def test_year_from_prev_when_this_year_has_no_dates(valid_folder: Path) -> None:
    for path in valid_folder.glob("*.csv"):
        path.write_text(path.read_text("utf-8").splitlines()[0] + "\n", "utf-8")
    result = read_return(valid_folder)
    assert result.dataset.meta.collection_year == 2026


# ---- Hypothesis: arbitrary datasets survive a round trip ---------------------------------------
_TEXT = st.text(
    alphabet=st.sampled_from(list("ABCXYZabc0123456789 ,-'\"£é\n/")), min_size=1, max_size=12
).filter(lambda s: s == s.strip())
_DATES = st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))


def _value(dtype: pl.DataType) -> st.SearchStrategy[object]:
    if dtype == pl.Date:
        return st.none() | _DATES
    if dtype.is_integer():
        return st.none() | st.integers(-(2**31), 2**31 - 1)
    return st.none() | _TEXT


@st.composite
def datasets(draw: st.DrawFn) -> Dataset:
    year = draw(st.integers(2024, 2028))
    this = draw(returns(year))
    previous = draw(st.none() | returns(year - 1))
    return Dataset(this.tables, this.meta, previous)


@st.composite
def returns(draw: st.DrawFn, year: int) -> Dataset:
    tables: dict[str, pl.DataFrame] = {}
    for name in codes.ssda903_files():
        tab = TABLES[name]
        if not tab.exists_in(year):
            continue
        height = draw(st.integers(0, 4))
        data: dict[str, list[object]] = {}
        for col in tab.columns:
            if col.name == "YEAR":
                data["YEAR"] = [year] * height
            else:
                data[col.name] = [draw(_value(col.dtype)) for _ in range(height)]
        tables[name] = pl.DataFrame(data, schema=tab.polars_schema)
    return Dataset(tables, Meta(collection_year=year, source=SOURCE))


@settings(max_examples=20, deadline=None)
@given(ds=datasets())
def test_hypothesis_round_trip(ds: Dataset) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        write_return(ds, tmp)
        result = read_return(tmp, year=ds.meta.collection_year)
        assert [i for i in result.issues if i.kind != Kind.OPTIONAL_FILE_MISSING] == []
        assert result.dataset.equals(ds)


def test_last_year_without_dates_takes_the_year_before(valid_folder: Path) -> None:
    for path in (valid_folder / "prev").glob("*.csv"):
        path.write_text(path.read_text("utf-8").splitlines()[0] + "\n", "utf-8")
    result = read_return(valid_folder)
    assert result.dataset.previous is not None
    assert result.dataset.previous.meta.collection_year == 2025


def test_infer_year_is_not_fooled_by_a_typo() -> None:
    decs = [date(2025, 5, 1), date(2026, 3, 31), date(2099, 1, 1), date(2025, 4, 1)]
    episodes = pl.DataFrame(
        {"CHILD": ["1", "2", "3", "4"], "DECOM": [date(2020, 1, 1)] * 4, "DEC": decs},
        schema_overrides={"DECOM": pl.Date, "DEC": pl.Date},
    )
    assert infer_year({"Episodes": episodes}) == 2026
