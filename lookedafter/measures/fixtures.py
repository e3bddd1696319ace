"""Small hand-made datasets for the measures' tests and examples.

``dataset(Episodes=[{...}, ...], Visits=[...])`` builds a :class:`Dataset` from rows written as
dicts, dates as ISO strings; columns left out are null. ``timescales([...])`` builds a frame shaped
like the timescale engine's output, for testing a measure against the engine's contract alone.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import Any

import polars as pl

from lookedafter.schema import Dataset
from lookedafter.schema.tables import TABLES

Row = Mapping[str, Any]

TIMESCALES_SCHEMA: dict[str, pl.DataType] = {
    "CHILD": pl.String(),
    "RULE": pl.String(),
    "OCCURRENCE": pl.Int32(),
    "CLOCK_START": pl.Date(),
    "DUE_DATE": pl.Date(),
    "STATUTORY_DUE_DATE": pl.Date(),
    "DONE_DATE": pl.Date(),
    "STATUS": pl.String(),
    "REASON": pl.String(),
    "WORKER_ID": pl.String(),
    "TEAM_ID": pl.String(),
}


def _value(value: Any, dtype: pl.DataType) -> Any:
    if isinstance(value, str) and dtype == pl.Date:
        return date.fromisoformat(value)
    if isinstance(value, str) and isinstance(dtype, pl.Datetime):
        return datetime.fromisoformat(value)
    return value


def _frame(rows: Sequence[Row], schema: Mapping[str, pl.DataType]) -> pl.DataFrame:
    names = list(dict.fromkeys(k for r in rows for k in r))
    unknown = [n for n in names if n not in schema]
    if unknown:
        raise KeyError(f"unknown columns {unknown}")
    data = {n: [_value(r.get(n), schema[n]) for r in rows] for n in names}
    return pl.DataFrame(data, schema={n: schema[n] for n in names})


def table(name: str, rows: Sequence[Row]) -> pl.DataFrame:
    """One canonical table from dict rows (only the columns used; the Dataset adds the rest)."""
    tab = TABLES[name]
    return _frame(rows, {c.name: c.dtype for c in tab.columns})


def dataset(**tables: Sequence[Row]) -> Dataset:
    return Dataset({name: table(name, rows) for name, rows in tables.items()})


def timescales(rows: Sequence[Row]) -> pl.DataFrame:
    """A frame shaped like ``lookedafter.timescales.evaluate``'s output."""
    frame = _frame(rows, TIMESCALES_SCHEMA)
    missing = [
        pl.lit(None, dtype=t).alias(n)
        for n, t in TIMESCALES_SCHEMA.items()
        if n not in frame.columns
    ]
    return frame.with_columns(missing).select(list(TIMESCALES_SCHEMA))


def d(text: str) -> date:
    return date.fromisoformat(text)


def episode(
    child: str,
    decom: str,
    dec: str | None = None,
    *,
    rne: str = "S",
    ls: str = "C2",
    place: str = "U4",
    **more: Any,
) -> dict[str, Any]:
    """An Episodes row with everyday defaults (full care order, foster care)."""
    return {
        "CHILD": child,
        "DECOM": decom,
        "DEC": dec,
        "RNE": rne,
        "LS": ls,
        "PLACE": place,
        **more,
    }


def figure(
    ds: Dataset, as_of: str, measure_id: str, **kwargs: Any
) -> tuple[float | None, float | None, float | None]:
    """(numerator, denominator, value) of one measure, overall."""
    from lookedafter.measures.compute import compute

    res = compute(ds, date.fromisoformat(as_of), measures=[measure_id], **kwargs)
    row = res.row(measure_id)
    num, den, value = row["numerator"], row["denominator"], row["value"]
    assert num is None or isinstance(num, float)
    assert den is None or isinstance(den, float)
    assert value is None or isinstance(value, float)
    return num, den, value
