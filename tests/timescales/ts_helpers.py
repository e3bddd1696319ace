"""Small builders for hand-worked timescale cases."""

from __future__ import annotations

from datetime import date
from typing import Any

import polars as pl

from lookedafter.schema.dataset import Dataset
from lookedafter.timescales import Policy, evaluate


def ds(**tables: list[dict[str, Any]]) -> Dataset:
    """A dataset from rows: ``ds(Episodes=[{...}], Visits=[{...}])``; CHILD defaults to "A"."""
    frames = {}
    for name, rows in tables.items():
        rows = [{"CHILD": "A", **r} if name not in ("Workers",) else r for r in rows]
        frames[name] = pl.DataFrame(rows)
    return Dataset(frames)


def episode(decom: date, dec: date | None = None, **kw: Any) -> dict[str, Any]:
    row = {"DECOM": decom, "DEC": dec, "RNE": "S", "LS": "C2", "PLACE": "U6"}
    row.update(kw)
    return row


def run(
    data: Dataset,
    as_of: date,
    policy: Policy | None = None,
    rule: str | None = None,
    child: str = "A",
    only: tuple[str, ...] | None = None,
) -> list[dict[str, Any]]:
    """Occurrences of ``rule`` for ``child`` in clock order, as dicts (``only``: rule groups)."""
    out = evaluate(data, as_of, policy, only=only)
    out = out.filter(pl.col("CHILD") == child)
    if rule is not None:
        out = out.filter(pl.col("RULE").is_in(rule.split(",")))
    return out.sort("CLOCK_START", "RULE", "OCCURRENCE").to_dicts()


def brief(rows: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    """(RULE, CLOCK_START, DUE_DATE, DONE_DATE, STATUS) for each row: what tests compare."""
    return [(r["RULE"], r["CLOCK_START"], r["DUE_DATE"], r["DONE_DATE"], r["STATUS"]) for r in rows]
