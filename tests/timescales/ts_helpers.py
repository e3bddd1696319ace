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


# Chains of occurrences (each restarts the clock of the next); every other rule is its own.
CHAIN = {
    **{f"V{i}": "V" for i in range(1, 7)},
    "H1": "H",
    "H2": "H",
    "R1": "R",
    "R2": "R",
    "R3": "R",
}


def window_of(whole: pl.DataFrame, data: Dataset, as_of: date, since: date) -> pl.DataFrame:
    """What ``evaluate(..., since=since)`` must return, picked out of the whole-history
    evaluation ``whole`` straight from the definition: the occurrences due (with no due date:
    started) on or after ``since``; the adoption ones (A1, A2, A10) done on or after it; and,
    for the children looked after on or after it, each chain's latest applicable occurrence
    due before it (by clock start, then due date; ties all kept)."""
    s = pl.lit(since)
    looked_after = (
        data["Episodes"]
        .filter((pl.col("DECOM") <= as_of) & (pl.col("DEC").is_null() | (pl.col("DEC") >= s)))
        .get_column("CHILD")
        .unique()
        .implode()
    )
    key = pl.col("CLOCK_START").cast(pl.Int64) * 1_000_000 + pl.col("DUE_DATE").cast(pl.Int64)
    chain = pl.col("RULE").replace(CHAIN)
    before = (pl.col("DUE_DATE") < s) & (pl.col("STATUS") != "not_applicable")
    latest = (
        before
        & pl.col("CHILD").is_in(looked_after)
        & (key == key.filter(before).max().over("CHILD", chain))
    )
    keep = (
        (pl.col("DUE_DATE") >= s)
        | (pl.col("DUE_DATE").is_null() & (pl.col("CLOCK_START") >= s))
        | (pl.col("RULE").is_in(["A1", "A2", "A10"]) & (pl.col("DONE_DATE") >= s))
        | latest
    )
    return whole.filter(keep.fill_null(False))
