"""The canonical dataset: typed Polars tables for one authority, written to and read from a folder.

Parquet is the canonical on-disk form (lossless, typed); CSV is for exchange (ISO dates, ISO
datetimes, ``true``/``false``). A ``dataset.json`` beside the tables carries the metadata.
A ``Dataset`` may hold the previous year's return as ``previous`` (the ``*_last`` tables rules use).
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Literal

import polars as pl

from lookedafter.schema.tables import TABLES, Table

Format = Literal["parquet", "csv"]
META_FILE = "dataset.json"


class SchemaMismatch(ValueError):
    """A table handed to a Dataset does not have the declared columns and types."""


@dataclass(frozen=True, slots=True)
class Meta:
    la_code: str = ""
    la_name: str = ""
    as_of: date | None = None  # the date the data describes (extract date)
    collection_year: int | None = None  # year ending 31 March, e.g. 2026 for 2025-26
    source: str = ""

    def to_json(self) -> dict[str, str | int | None]:
        return {
            "la_code": self.la_code,
            "la_name": self.la_name,
            "as_of": self.as_of.isoformat() if self.as_of else None,
            "collection_year": self.collection_year,
            "source": self.source,
        }

    @classmethod
    def from_json(cls, raw: Mapping[str, object]) -> Meta:
        as_of = raw.get("as_of")
        year = raw.get("collection_year")
        return cls(
            la_code=str(raw.get("la_code") or ""),
            la_name=str(raw.get("la_name") or ""),
            as_of=date.fromisoformat(as_of) if isinstance(as_of, str) and as_of else None,
            collection_year=int(year) if isinstance(year, int | str) and str(year) else None,
            source=str(raw.get("source") or ""),
        )


def conform(tab: Table, frame: pl.DataFrame) -> pl.DataFrame:
    """Return ``frame`` with exactly the table's columns, in order, cast to the declared dtypes.

    Missing columns are added as nulls; extra columns are an error (the caller must decide).
    """
    extra = [c for c in frame.columns if c not in tab.column_index]
    if extra:
        raise SchemaMismatch(f"{tab.name}: unexpected columns {extra}")
    exprs = []
    for col in tab.columns:
        if col.name in frame.columns:
            exprs.append(pl.col(col.name).cast(col.dtype, strict=True))
        else:
            exprs.append(pl.lit(None, dtype=col.dtype).alias(col.name))
    return frame.select(exprs)


@dataclass(slots=True)
class Dataset:
    """Typed tables keyed by name. Absent tables read as empty frames of the right schema."""

    tables: dict[str, pl.DataFrame] = field(default_factory=dict)
    meta: Meta = field(default_factory=Meta)
    previous: Dataset | None = None

    def __post_init__(self) -> None:
        for name, frame in list(self.tables.items()):
            if name not in TABLES:
                raise SchemaMismatch(f"unknown table {name!r}")
            self.tables[name] = conform(TABLES[name], frame)

    def __getitem__(self, name: str) -> pl.DataFrame:
        if name not in TABLES:
            raise KeyError(f"unknown table {name!r}")
        frame = self.tables.get(name)
        return frame if frame is not None else TABLES[name].empty()

    def __contains__(self, name: object) -> bool:
        return name in self.tables

    def __iter__(self) -> Iterator[str]:
        return iter(self.tables)

    def with_table(self, name: str, frame: pl.DataFrame) -> Dataset:
        tables = dict(self.tables)
        tables[name] = frame
        return Dataset(tables, self.meta, self.previous)

    def lazy(self, name: str) -> pl.LazyFrame:
        return self[name].lazy()

    def equals(self, other: Dataset) -> bool:
        names = set(self.tables) | set(other.tables)
        same = all(self[n].equals(other[n]) for n in names)
        prev_same = (self.previous is None and other.previous is None) or (
            self.previous is not None
            and other.previous is not None
            and self.previous.equals(other.previous)
        )
        return same and self.meta == other.meta and prev_same

    # ---- folders -------------------------------------------------------------------------
    def write(self, folder: str | Path, fmt: Format = "parquet") -> None:
        out = Path(folder)
        out.mkdir(parents=True, exist_ok=True)
        for name, frame in self.tables.items():
            if fmt == "parquet":
                frame.write_parquet(out / f"{name}.parquet", statistics=False)
            else:
                _to_csv_frame(frame).write_csv(
                    out / f"{name}.csv", datetime_format="%Y-%m-%dT%H:%M:%S"
                )
        (out / META_FILE).write_text(
            json.dumps(self.meta.to_json(), indent=2, sort_keys=True) + "\n", "utf-8"
        )
        if self.previous is not None:
            self.previous.write(out / "prev", fmt)

    @classmethod
    def read(cls, folder: str | Path) -> Dataset:
        src = Path(folder)
        if not src.is_dir():
            raise FileNotFoundError(f"{src} is not a folder")
        meta_path = src / META_FILE
        if not meta_path.exists():
            raise FileNotFoundError(f"{src} has no {META_FILE}: not a canonical dataset folder")
        meta = Meta.from_json(json.loads(meta_path.read_text("utf-8")))
        tables: dict[str, pl.DataFrame] = {}
        scans: dict[str, pl.LazyFrame] = {}
        for name, tab in TABLES.items():
            pq, csv = src / f"{name}.parquet", src / f"{name}.csv"
            if pq.exists():
                scans[name] = pl.scan_parquet(pq)
                tables[name] = pl.DataFrame()  # keeps the tables' order; read below
            elif csv.exists():
                tables[name] = _from_csv(tab, csv)
        # the Parquet files read together, in parallel
        tables.update(zip(scans, pl.collect_all(list(scans.values())), strict=True))
        previous = cls.read(src / "prev") if (src / "prev" / META_FILE).exists() else None
        return cls(tables, meta, previous)

    @staticmethod
    def is_canonical_folder(folder: str | Path) -> bool:
        return (Path(folder) / META_FILE).exists()


def _to_csv_frame(frame: pl.DataFrame) -> pl.DataFrame:
    return frame.with_columns(
        pl.col(pl.Boolean).replace_strict({True: "true", False: "false"}, return_dtype=pl.String)
    )


def _from_csv(tab: Table, path: Path) -> pl.DataFrame:
    raw = pl.read_csv(path, infer_schema=False)
    exprs = []
    for col in tab.columns:
        if col.name not in raw.columns:
            exprs.append(pl.lit(None, dtype=col.dtype).alias(col.name))
            continue
        c = pl.col(col.name)
        if col.dtype == pl.Date:
            exprs.append(c.str.to_date("%Y-%m-%d"))
        elif col.dtype == pl.Datetime("us"):
            exprs.append(c.str.to_datetime("%Y-%m-%dT%H:%M:%S", time_unit="us"))
        elif col.dtype == pl.Boolean:
            exprs.append(
                c.replace_strict(
                    {"true": True, "false": False}, default=None, return_dtype=pl.Boolean
                )
            )
        else:
            exprs.append(c.cast(col.dtype))
    return raw.select(exprs)
