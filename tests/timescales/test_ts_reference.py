"""The optimised engine gives the same answers as the straightforward one it replaced.

``data/reference/`` holds a small synthetic authority (246 children over three years, every
table the engine reads) and ``expected.parquet``: what the engine at commit 4990524 (before the
national-scale speed work) returned for it, for the whole history and for a 12-month window.
Made with::

    lookedafter synth --children 120 --years 3 --seed 11 --preset struggling --out X --no-903
    # then, with that commit's engine: evaluate(ds, 2026-03-31) and
    # evaluate(ds, 2026-03-31, since=2025-03-31), tagged SCOPE "whole" / "window"

The inputs are stored rather than regenerated so that later changes to the generator do not
move the target. Rows that tie on the engine's ordering (CHILD, RULE, CLOCK_START, DUE_DATE)
may come in either order, so the ordering columns are compared row by row and the full rows
as sorted sets.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import polars as pl
import pytest
from ts_helpers import window_of

from lookedafter.schema.dataset import Dataset
from lookedafter.timescales import OUTPUT_SCHEMA, evaluate

DATA = Path(__file__).parent / "data" / "reference"
AS_OF, SINCE = date(2026, 3, 31), date(2025, 3, 31)
ORDER = ["CHILD", "RULE", "CLOCK_START", "DUE_DATE"]


@pytest.fixture(scope="module")
def data() -> Dataset:
    tables = {p.stem: pl.read_parquet(p) for p in DATA.glob("*.parquet") if p.stem != "expected"}
    return Dataset(tables)


def expected(scope: str) -> pl.DataFrame:
    frame = pl.read_parquet(DATA / "expected.parquet")
    return frame.filter(pl.col("SCOPE") == scope).drop("SCOPE")


def same(got: pl.DataFrame, want: pl.DataFrame) -> None:
    assert got.schema == pl.Schema(OUTPUT_SCHEMA)
    assert got.height == want.height
    assert got.select(ORDER).equals(want.select(ORDER))  # the same order
    rest = [c for c in got.columns if c != "OCCURRENCE"]
    assert (
        got.select(rest)
        .sort(rest, nulls_last=True)
        .equals(want.select(rest).sort(rest, nulls_last=True))
    )
    # occurrence numbers: 1, 2... per child and rule, whatever the order of tied rows
    numbers = ["CHILD", "RULE", "OCCURRENCE"]
    assert got.select(numbers).equals(want.select(numbers))


@pytest.mark.parametrize("reasons", [True, False])
def test_whole_history_matches_the_reference(data: Dataset, reasons: bool) -> None:
    want = expected("whole")
    if not reasons:
        want = want.with_columns(REASON=pl.lit(None, dtype=pl.String))
    same(evaluate(data, AS_OF, reasons=reasons), want)


def test_window_matches_the_reference(data: Dataset) -> None:
    # A window keeps, of the whole history, the occurrences due in it and each chain's latest
    # one due before it (see ts_helpers.window_of), numbered as in the whole history. The
    # reference's own "window" rows (engine of 4990524: due in the window only, numbered
    # afresh within it) are all among them, identical but for that numbering.
    want = window_of(expected("whole"), data, AS_OF, SINCE)
    got = evaluate(data, AS_OF, since=SINCE)
    same(got, want)
    old = expected("window").drop("OCCURRENCE")
    assert old.height > 1000  # the window is not trivially small
    assert old.join(got.drop("OCCURRENCE"), on=old.columns, how="anti", nulls_equal=True).is_empty()
    assert got.height > old.height  # the chains' latest occurrences due before the window


def test_reference_covers_the_rules_and_statuses() -> None:
    want = expected("whole")
    assert want.get_column("RULE").n_unique() >= 24
    assert set(want.get_column("STATUS")) == {
        "on_time",
        "late",
        "overdue",
        "due_soon",
        "not_yet_due",
        "not_applicable",
    }
    assert want.get_column("WORKER_ID").null_count() < want.height


def test_one_group_alone_matches_its_rows_of_the_whole(data: Dataset) -> None:
    alone = evaluate(data, AS_OF, only=("visits",))
    whole = evaluate(data, AS_OF).filter(pl.col("RULE").str.starts_with("V"))
    same(alone, whole)


def test_tabulated_working_days_match_counting_day_by_day() -> None:
    """The engine's working-day deadlines come from a table of 1990-2045 (with counting for
    dates outside it): both agree with the scalar count, closure days included."""
    from datetime import timedelta

    from lookedafter.lib.calendar import DEFAULT, Calendar

    closed = Calendar(closure_days=frozenset({date(2024, 12, 27), date(2025, 4, 22)}))
    days = [date(1989, 12, 20) + timedelta(days=k) for k in range(0, 20_500, 7)]
    days += [date(2024, 12, 20) + timedelta(days=k) for k in range(150)]
    days += [date(1989, 12, 31), date(1990, 1, 1), date(2045, 12, 31), date(2046, 1, 1)]
    frame = pl.DataFrame({"DAY": [*days, None]}, schema={"DAY": pl.Date})
    for cal in (DEFAULT, closed):
        for n in (0, 1, 10, 20):
            got = frame.select(cal.add_working_days_expr(pl.col("DAY"), n))
            assert got.columns == ["DAY"]
            want = [*(cal.add_working_days(d, n) for d in days), None]
            assert got.get_column("DAY").to_list() == want
