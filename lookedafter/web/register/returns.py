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


def _key_filter(tab_name: str, row: dict[str, Any], pk_of: dict[str, int]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for col in TABLES[tab_name].key:
        if col == "CHILD":
            out["child_id"] = pk_of.get(row["CHILD"])
        elif row[col] is None:
            out[f"{field_name(col)}__isnull"] = True
        else:
            out[field_name(col)] = row[col]
    return out


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
        model = MODELS[name]
        cols = TABLES[name].column_names
        for r in d.removed.iter_rows(named=True):
            model.objects.filter(**_key_filter(name, r, pk_of)).delete()
        for r in d.changed.iter_rows(named=True):
            model.objects.filter(**_key_filter(name, r, pk_of)).update(
                **{field_name(c): _value(r[c]) for c in r["CHANGED"]}
            )
        objs = []
        for r in d.added.iter_rows(named=True):
            kwargs = {
                ("child_id" if c == "CHILD" else field_name(c)): (
                    pk_of.get(r[c]) if c == "CHILD" else _value(r[c])
                )
                for c in cols
            }
            objs.append(model(**kwargs))
        model.objects.bulk_create(objs, batch_size=1000)
        written[name] = d.added.height + d.changed.height + d.removed.height
    return written


def _all_children(diffs: dict[str, TableDiff]) -> set[str]:
    out: set[str] = set()
    for d in diffs.values():
        out |= d.children()
    return out
