"""Move a canonical ``Dataset`` into the register and back out again.

``load_dataset`` replaces the register's contents with a dataset (bulk inserts, one transaction);
``export_dataset`` builds a ``Dataset`` from the register, for every child or a chosen few, so
the engine (timescales, measures, validation, the 903 writer) runs on what staff have recorded.
Clock times are stored aware and read back as the naive local (Europe/London) times the canonical
dataset uses.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import polars as pl
from django.db import transaction
from django.db.models import Model, QuerySet

from lookedafter.schema.dataset import Dataset, Meta
from lookedafter.schema.tables import TABLES
from lookedafter.web.register.models import (
    CHILDREN_FIELDS,
    HEADER_FIELDS,
    MODELS,
    AuthorityProfile,
    Child,
    field_name,
)

LOCAL = ZoneInfo("Europe/London")
BATCH = 2000


def _aware(value: Any) -> Any:
    if isinstance(value, datetime) and value.tzinfo is None:
        return value.replace(tzinfo=LOCAL)
    return value


def _naive(value: Any) -> Any:
    if isinstance(value, datetime) and value.tzinfo is not None:
        return value.astimezone(LOCAL).replace(tzinfo=None)
    return value


def _child_rows(ds: Dataset) -> dict[str, dict[str, Any]]:
    """CHILD -> Child model fields, from Header, Children and any other table naming a child."""
    rows: dict[str, dict[str, Any]] = {}
    for name in TABLES:
        if "CHILD" in TABLES[name].column_index and name not in ("Header", "Children"):
            for cid in ds[name]["CHILD"].drop_nulls().unique().to_list():
                rows.setdefault(cid, {"child": cid, "in_header": False, "in_children": False})
    for rec in ds["Header"].iter_rows(named=True):
        row = rows.setdefault(rec["CHILD"], {"child": rec["CHILD"], "in_children": False})
        row["in_header"] = True
        row.update({field_name(c): rec[c] for c in HEADER_FIELDS})
    for rec in ds["Children"].iter_rows(named=True):
        row = rows.setdefault(rec["CHILD"], {"child": rec["CHILD"], "in_header": False})
        row["in_children"] = True
        row.update({field_name(c): rec[c] for c in CHILDREN_FIELDS})
        row["restricted"] = bool(rec["RESTRICTED"])
    return rows


def current_placement_of(ds: Dataset) -> dict[str, tuple[str, str, str]]:
    """CHILD -> (team, worker, IRO) now: open allocations, the latest start winning."""
    alloc = ds["Allocations"].filter(pl.col("ALLOC_END").is_null()).sort("ALLOC_START")
    workers = dict(
        zip(ds["Workers"]["WORKER_ID"].to_list(), ds["Workers"]["TEAM_ID"].to_list(), strict=True)
    )
    out: dict[str, list[str]] = {}
    for rec in alloc.iter_rows(named=True):
        slot = out.setdefault(rec["CHILD"], ["", "", ""])
        if rec["ALLOC_ROLE"] == "SW":
            slot[1] = rec["WORKER_ID"] or ""
            slot[0] = workers.get(rec["WORKER_ID"]) or ""
        elif rec["ALLOC_ROLE"] == "IRO":
            slot[2] = rec["WORKER_ID"] or ""
    return {k: (v[0], v[1], v[2]) for k, v in out.items()}


@transaction.atomic
def load_dataset(ds: Dataset, *, replace: bool = True) -> dict[str, int]:
    """Put a canonical dataset into the register (replacing what is there); rows per table."""
    if replace:
        for model in MODELS.values():
            model.objects.all().delete()
        Child.objects.all().delete()
    counts: dict[str, int] = {}
    rows = _child_rows(ds)
    now = current_placement_of(ds)
    children = []
    for cid, fields in rows.items():
        team, worker, iro = now.get(cid, ("", "", ""))
        children.append(Child(**fields, current_team=team, current_worker=worker, current_iro=iro))
    Child.objects.bulk_create(children, batch_size=BATCH)
    counts["Child"] = len(children)
    pk_of = dict(Child.objects.values_list("child", "pk"))
    for table, model in MODELS.items():
        frame = ds[table]
        cols = TABLES[table].column_names
        objs: list[Model] = []
        for rec in frame.iter_rows():
            kwargs: dict[str, Any] = {}
            for col, value in zip(cols, rec, strict=True):
                if col == "CHILD":
                    kwargs["child_id"] = pk_of.get(value) if value is not None else None
                else:
                    kwargs[field_name(col)] = _aware(value)
            objs.append(model(**kwargs))
        model.objects.bulk_create(objs, batch_size=BATCH)
        counts[table] = len(objs)
    profile = AuthorityProfile.objects.first() or AuthorityProfile()
    profile.la_code = ds.meta.la_code or profile.la_code
    profile.la_name = ds.meta.la_name or profile.la_name
    profile.epoch += 1  # every cached figure about the old register is now stale
    profile.save()
    return counts


def _frame(table: str, records: Iterable[tuple[Any, ...]]) -> pl.DataFrame:
    tab = TABLES[table]
    data = [tuple(_naive(v) for v in rec) for rec in records]
    return pl.DataFrame(data, schema=tab.polars_schema, orient="row")


def export_dataset(
    children: QuerySet[Child] | None = None,
    *,
    as_of: date | None = None,
    only: Iterable[str] | None = None,
) -> Dataset:
    """The register as a canonical dataset: every child, or only ``children``; every table, or
    ``only`` those named."""
    wanted = set(only) if only is not None else set(TABLES)
    scope = Child.objects.all() if children is None else children
    tables: dict[str, pl.DataFrame] = {}
    header_cols = ["child", *(field_name(c) for c in HEADER_FIELDS)]
    child_cols = ["child", *(field_name(c) for c in CHILDREN_FIELDS)]
    if "Header" in wanted:
        tables["Header"] = _frame(
            "Header", scope.filter(in_header=True).order_by("pk").values_list(*header_cols)
        )
    if "Children" in wanted:
        tables["Children"] = _frame(
            "Children", scope.filter(in_children=True).order_by("pk").values_list(*child_cols)
        )
    for table, model in MODELS.items():
        if table not in wanted:
            continue
        tab = TABLES[table]
        names = ["child__child" if c == "CHILD" else field_name(c) for c in tab.column_names]
        qs = model.objects.all()
        if children is not None and "CHILD" in tab.column_index:
            qs = qs.filter(child__in=scope)
        tables[table] = _frame(table, qs.order_by("pk").values_list(*names))
    profile = AuthorityProfile.objects.first()
    meta = Meta(
        la_code=profile.la_code if profile else "",
        la_name=profile.la_name if profile else "",
        as_of=as_of,
        source="register",
    )
    return Dataset(tables, meta)
