"""Helpers for the tests beside each rule: tiny frames in, flagged rows out.

``flags({"Header": {"CHILD": ["1"], "DOB": ["01/02/2010"]}}, "102")`` builds a Dataset (dates
written dd/mm/yyyy as in the 903 files), runs only that rule through ``registry.run`` and returns
``{table: [ROW, ...]}`` for the rows it flagged.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

import polars as pl

from lookedafter.schema import Dataset
from lookedafter.schema.dataset import Meta
from lookedafter.schema.tables import TABLES
from lookedafter.ssda903.structural import Issue
from lookedafter.validation.registry import RunResult, run

Tables = Mapping[str, Mapping[str, Any]]  # table -> column -> values


def frame(table: str, columns: Mapping[str, Sequence[object]]) -> pl.DataFrame:
    """A typed frame for a table; date columns may be given as 'dd/mm/yyyy' strings."""
    schema = TABLES[table].polars_schema
    data: dict[str, list[object]] = {}
    for name, values in columns.items():
        if schema.get(name) == pl.Date():
            data[name] = [
                datetime.strptime(v, "%d/%m/%Y").date() if isinstance(v, str) else v  # noqa: DTZ007
                for v in values
            ]
        else:
            data[name] = list(values)
    return pl.DataFrame(data, schema={n: schema[n] for n in data})


def dataset(tables: Tables, la_code: str = "", previous: Tables | None = None) -> Dataset:
    prev = Dataset({t: frame(t, c) for t, c in previous.items()}) if previous else None
    return Dataset({t: frame(t, c) for t, c in tables.items()}, Meta(la_code=la_code), prev)


def result(
    tables: Tables,
    code: str,
    year: int = 2026,
    *,
    previous: Tables | None = None,
    la_code: str = "",
    issues: list[Issue] | None = None,
    extra: Mapping[str, pl.DataFrame] | None = None,
) -> RunResult:
    return run(dataset(tables, la_code, previous), year, issues, codes=[code], extra=extra)


def flags(
    tables: Tables,
    code: str,
    year: int = 2026,
    *,
    previous: Tables | None = None,
    la_code: str = "",
    issues: list[Issue] | None = None,
    extra: Mapping[str, pl.DataFrame] | None = None,
) -> dict[str, list[int]]:
    """Rows flagged by one rule, per table (tables with no flags are left out)."""
    res = result(tables, code, year, previous=previous, la_code=la_code, issues=issues, extra=extra)
    if res.failed:
        raise AssertionError(f"rule {code} failed: {res.failed}")
    if res.skipped:
        raise AssertionError(f"rule {code} skipped: {res.skipped}")
    out: dict[str, list[int]] = {}
    for (table,), group in res.errors.sort("table", "ROW").group_by("table", maintain_order=True):
        out[str(table)] = [int(r) for r in group["ROW"].to_list() if r is not None]
    return out
