"""Meta-tests for the measures: every measure documented, tested by hand, and well formed."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import polars as pl

from lookedafter.measures import all_measures, compute
from lookedafter.measures.docs import main, render
from lookedafter.measures.fixtures import timescales
from lookedafter.schema import Dataset

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs" / "measures.md"
TESTS = Path(__file__).resolve().parent


def test_docs_measures_md_is_not_stale() -> None:
    assert DOCS.read_text("utf-8") == render(), (
        "docs/measures.md is stale: run `python -m lookedafter.measures.docs`"
    )


def test_docs_check_flags_a_stale_file(tmp_path: Path) -> None:
    stale = tmp_path / "measures.md"
    stale.write_text("# old\n", "utf-8")
    assert main([str(stale), "--check"]) == 1
    assert main([str(stale)]) == 0
    assert main([str(stale), "--check"]) == 0


def test_every_measure_has_a_hand_worked_test() -> None:
    text = "\n".join(
        p.read_text("utf-8") for p in TESTS.glob("test_*.py") if p.name != Path(__file__).name
    )
    quoted = set(re.findall(r'"([a-z0-9_]+)"', text))
    untested = [m.id for m in all_measures() if m.id not in quoted]
    assert untested == []


def test_every_measure_is_one_module_and_fully_declared() -> None:
    measures = all_measures()
    modules = [m.module for m in measures]
    assert len(set(modules)) == len(modules)
    for m in measures:
        assert m.module.rsplit(".", 1)[1] == f"m_{m.id}", m.id
        assert m.title and m.definition and m.numerator and m.denominator, m.id
        if m.national is not None:
            assert 2010 <= m.national.year <= 2026 and m.national.source, m.id


def test_every_measure_runs_on_an_empty_dataset() -> None:
    res = compute(Dataset(), date(2026, 3, 31), by=["team", "month"], timescales=timescales([]))
    assert res.skipped == {}
    assert sorted(res.table.filter(pl.col("by") == "all")["measure"]) == sorted(
        m.id for m in all_measures()
    )
    for frame in res.frames.values():
        assert {"SUBJECT", "CHILD", "DATE", "NUM", "DEN", "VALUE", "MONTH", "IN_NUMERATOR"} <= set(
            frame.columns
        )


def test_month_trend_ends_at_the_reference_date() -> None:
    from lookedafter.measures import Context

    ends = Context(Dataset(), date(2024, 3, 15)).month_ends()
    # 12 months: April 2023 to February 2024 by their last days (29/02 in a leap year), then
    # the reference date itself standing for March 2024
    assert ends[0] == date(2023, 4, 30)
    assert ends[-2:] == [date(2024, 2, 29), date(2024, 3, 15)]
    assert len(ends) == 12
