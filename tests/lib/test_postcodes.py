"""The postcode index: the same rows whichever way it is searched, and without a cache."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest
from polars.testing import assert_frame_equal

from lookedafter.lib import postcodes


def _expected(wanted: list[str], letters: str) -> pl.DataFrame:
    keys = pl.DataFrame({"PCD": wanted}).select(postcodes.normalise(pl.col("PCD")))
    return postcodes.lookup(letters).join(keys, on="PCD", how="semi").sort("PCD")


@pytest.fixture
def fresh_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("LOOKEDAFTER_CACHE", str(tmp_path))
    postcodes._index.cache_clear()
    yield tmp_path
    postcodes._index.cache_clear()


def _sample() -> list[str]:
    known = postcodes.lookup("MZ")["PCD"]  # Z: no postcodes begin with it (an empty index)
    picked = known.gather_every(997).to_list()
    return [
        *picked,
        *(p.lower() for p in picked[:5]),  # case and spaces do not matter
        *(f"{p[:-3]} {p[-3:]}" for p in picked[5:10]),
        known[0],  # the first and last keys of the index
        known[-1],
        "M99 9ZZ",  # well formed, unknown
        "M",  # shorter than any key
        "MZZZZZZZ9",  # longer than a key
        "9M1 1AE",  # not a postcode
        "M1-1AE",
        "",
    ]


def test_binary_search_and_numpy_search_find_the_same_rows(
    fresh_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    wanted = _sample()
    expected = _expected(wanted, "MZ")
    assert expected.height > 100
    by_bisect = postcodes.lookup_for(pl.Series(wanted)).sort("PCD")
    assert list(fresh_cache.glob("postcodes-*/index-M.bin"))  # built on first use
    assert_frame_equal(by_bisect, expected)
    monkeypatch.setattr(postcodes, "BISECT_LIMIT", 0)
    assert_frame_equal(postcodes.lookup_for(pl.Series(wanted)).sort("PCD"), expected)


def test_without_a_writable_cache_the_data_is_filtered(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("LOOKEDAFTER_CACHE", str(blocker))
    postcodes._index.cache_clear()
    try:
        wanted = _sample()
        got = postcodes.lookup_for(pl.Series(wanted)).sort("PCD")
    finally:
        postcodes._index.cache_clear()
    assert_frame_equal(got, _expected(wanted, "MZ"))


def test_no_postcodes_no_rows(fresh_cache: Path) -> None:
    assert postcodes.lookup_for(pl.Series([None, "", "??"], dtype=pl.String)).height == 0


def test_distance_follows_the_dfe_formula(fresh_cache: Path) -> None:
    ref = postcodes.lookup("M").head(2)
    (a, b), (ea, eb), (na, nb) = ref["PCD"], ref["EAST"], ref["NORTH"]
    frame = pl.DataFrame({"HOME_POST": [a, a, None], "PL_POST": [b, "ZZ1 1ZZ", b]})
    out = postcodes.with_distance(frame)
    miles = round(((ea - eb) ** 2 + (na - nb) ** 2) ** 0.5 / 1000 / 1.6093, 1)
    assert out["PL_DISTANCE"].to_list() == [miles, 999.9, 999.9]
    assert out["PL_LA"].to_list()[0] == ref["LAUA"][1]
