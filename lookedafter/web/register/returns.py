"""An uploaded SSDA903 return compared with, and applied to, the register.

The return is authoritative for its collection year. Table by table (keyed as the schema
declares: Episodes by CHILD and DECOM, Reviews by CHILD and REVIEW...), the register's own cut of
that year (``ssda903.extract.for_year``) is compared with the upload:

- rows only in the upload are **added**;
- rows in both whose other columns differ are **changed** (only the differing columns are
  written, so a date the extract blanks because it falls after 31 March is left alone);
- rows only in the register's cut are **removed**, except Header rows: a child missing from one
  year's return keeps their record (other years and the practice tables refer to it).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

import polars as pl

from lookedafter.schema.dataset import Dataset
from lookedafter.schema.tables import SSDA903_NAMES, TABLES
from lookedafter.ssda903.extract import for_year
from lookedafter.web.register.models import HEADER_FIELDS, MODELS, Child, field_name

# The register's tables a comparison reads: the 903 tables (Header is the Child rows).
NEEDED = SSDA903_NAMES


@dataclass
class TableDiff:
    table: str
    added: pl.DataFrame
    changed: pl.DataFrame  # the upload's rows, plus CHANGED (list of column names)
    removed: pl.DataFrame

    @property
    def counts(self) -> dict[str, int]:
        return {
            "added": self.added.height,
            "changed": self.changed.height,
            "removed": 0 if self.table == "Header" else self.removed.height,
        }

    def children(self) -> set[str]:
        out: set[str] = set()
        for frame in (self.added, self.changed, self.removed):
            out.update(frame["CHILD"].drop_nulls().to_list())
        return out


def compare(upload: Dataset, register: Dataset, year: int) -> dict[str, TableDiff]:
    """What applying ``upload`` (one year's return) would change in ``register`` (canonical)."""
    current = for_year(register, year, with_previous=False)
    diffs: dict[str, TableDiff] = {}
    for name in SSDA903_NAMES:
        tab = TABLES[name]
        if not tab.exists_in(year) or (name not in upload and current[name].height == 0):
            continue
        new = upload[name].unique(keep="first", subset=list(tab.key) or None, maintain_order=True)
        old = current[name]
        key = list(tab.key)
        added = new.join(old.select(key), on=key, how="anti", nulls_equal=True)
        removed = old.join(new.select(key), on=key, how="anti", nulls_equal=True)
        others = [c for c in tab.column_names if c not in key]
        both = new.join(old, on=key, how="inner", suffix="__old", nulls_equal=True)
        if others and both.height:
            differs = [
                pl.when(pl.col(c).ne_missing(pl.col(f"{c}__old"))).then(pl.lit(c)) for c in others
            ]
            both = both.with_columns(pl.concat_list(differs).list.drop_nulls().alias("CHANGED"))
            changed = both.filter(pl.col("CHANGED").list.len() > 0).select(
                *tab.column_names, "CHANGED"
            )
        else:
            changed = new.head(0).with_columns(
                pl.lit([], dtype=pl.List(pl.String)).alias("CHANGED")
            )
        diffs[name] = TableDiff(name, added, changed, removed)
    return diffs


def summary(diffs: dict[str, TableDiff]) -> dict[str, Any]:
    """JSON-friendly counts per table and the children affected."""
    children: set[str] = set()
    for d in diffs.values():
        children |= d.children()
    return {
        "tables": {name: d.counts for name, d in diffs.items()},
        "children": len(children),
        "total": sum(sum(d.counts.values()) for d in diffs.values()),
    }


def _value(value: Any) -> Any:
    if isinstance(value, datetime) and value.tzinfo is None:
        from zoneinfo import ZoneInfo

        return value.replace(tzinfo=ZoneInfo("Europe/London"))
    return value


def apply(diffs: dict[str, TableDiff]) -> dict[str, int]:
    """Write the differences to the register (the caller holds the transaction)."""
    header = diffs.get("Header")
    if header is not None:
        existing = set(Child.objects.values_list("child", flat=True))
        new_children = [
            Child(
                child=r["CHILD"],
                in_header=True,
                in_children=False,
                **{field_name(c): r[c] for c in HEADER_FIELDS},
            )
            for r in header.added.iter_rows(named=True)
            if r["CHILD"] not in existing
        ]
        Child.objects.bulk_create(new_children, batch_size=1000)
        for r in header.added.iter_rows(named=True):
            if r["CHILD"] in existing:
                Child.objects.filter(child=r["CHILD"]).update(
                    in_header=True, **{field_name(c): r[c] for c in HEADER_FIELDS}
                )
        for r in header.changed.iter_rows(named=True):
            Child.objects.filter(child=r["CHILD"]).update(
                **{field_name(c): r[c] for c in r["CHANGED"]}
            )
    # any child named only in other tables
    named: set[str] = set()
    for d in diffs.values():
        named |= set(d.added["CHILD"].drop_nulls().to_list())
    missing = named - set(Child.objects.filter(child__in=named).values_list("child", flat=True))
    Child.objects.bulk_create(
        [Child(child=c, in_header=False, in_children=False) for c in sorted(missing)],
        batch_size=1000,
    )
    pk_of = dict(
        Child.objects.filter(child__in=named | _all_children(diffs)).values_list("child", "pk")
    )
    written: dict[str, int] = {}
    for name, d in diffs.items():
        if name == "Header":
            written[name] = d.added.height + d.changed.height
            continue
        _apply_table(name, d, pk_of)
        written[name] = d.added.height + d.changed.height + d.removed.height
    return written


def _keys(name: str, frame: pl.DataFrame) -> list[tuple[Any, ...]]:
    return list(frame.select(list(TABLES[name].key)).iter_rows())


def _apply_table(name: str, d: TableDiff, pk_of: dict[str, int]) -> None:
    """Deletes, updates and inserts for one table, in bulk."""
    model = MODELS[name]
    key = TABLES[name].key
    touched = set(d.removed["CHILD"].to_list()) | set(d.changed["CHILD"].to_list())
    lookup = ["child__child" if c == "CHILD" else field_name(c) for c in key]
    existing: dict[tuple[Any, ...], int] = {}
    ids = sorted(touched)
    for start in range(0, len(ids), 1000):
        rows = model.objects.filter(child__child__in=ids[start : start + 1000]).values_list(
            "pk", *lookup
        )
        existing.update({tuple(r[1:]): r[0] for r in rows})
    gone = [existing[k] for k in _keys(name, d.removed) if k in existing]
    for start in range(0, len(gone), 1000):
        model.objects.filter(pk__in=gone[start : start + 1000]).delete()
    by_columns: dict[tuple[str, ...], list[Any]] = {}
    for r in d.changed.iter_rows(named=True):
        pk = existing.get(tuple(r[c] for c in key))
        if pk is None:
            continue
        cols = tuple(r["CHANGED"])
        obj = model(pk=pk, **{field_name(c): _value(r[c]) for c in cols})
        by_columns.setdefault(cols, []).append(obj)
    for cols, objs in by_columns.items():
        model.objects.bulk_update(objs, [field_name(c) for c in cols], batch_size=1000)
    cols_all = TABLES[name].column_names
    model.objects.bulk_create(
        [
            model(
                **{
                    ("child_id" if c == "CHILD" else field_name(c)): (
                        pk_of.get(r[c]) if c == "CHILD" else _value(r[c])
                    )
                    for c in cols_all
                }
            )
            for r in d.added.iter_rows(named=True)
        ],
        batch_size=1000,
    )


def _all_children(diffs: dict[str, TableDiff]) -> set[str]:
    out: set[str] = set()
    for d in diffs.values():
        out |= d.children()
    return out
