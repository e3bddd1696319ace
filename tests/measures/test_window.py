"""The measures ask the timescale engine for a window (the 12 months they report, the month
trend, each chain's latest occurrence before it, 3 years of adoptions), not the whole history:
every figure, and every row behind one, is the same as over the whole history."""

from __future__ import annotations

from datetime import date

import polars as pl
import pytest

from lookedafter.measures import compute, context
from lookedafter.measures.context import Context
from lookedafter.schema import Dataset
from lookedafter.synth import SynthConfig, generate
from lookedafter.timescales import evaluate

AS_OF = date(2026, 3, 31)


@pytest.fixture(autouse=True)
def window_at_any_size(monkeypatch: pytest.MonkeyPatch) -> None:
    # small authorities are evaluated over the whole history: window these ones anyway
    monkeypatch.setattr(context, "WINDOW_FROM_EPISODES", 0)


@pytest.fixture(scope="module", params=["struggling", "good"])
def data(request: pytest.FixtureRequest) -> Dataset:
    # 5 years of history, so that most of it lies outside the window
    return generate(SynthConfig(children=300, years=5, seed=7, preset=request.param))


def _rows(frame: pl.DataFrame) -> pl.DataFrame:
    return frame.sort(pl.all(), nulls_last=True)


@pytest.mark.parametrize("reasons", [False, True])
def test_the_window_gives_the_figures_of_the_whole_history(data: Dataset, reasons: bool) -> None:
    whole = evaluate(data, AS_OF, reasons=reasons)
    by = ["team", "month"]
    window = compute(data, AS_OF, by=by, reasons=reasons)
    history = compute(data, AS_OF, by=by, timescales=whole, reasons=reasons)
    assert window.skipped == history.skipped == {}
    assert window.table.equals(history.table)
    for measure, frame in history.frames.items():
        # the rows behind each figure too, named alike (CHILD/RULE/OCCURRENCE: the numbers
        # of the whole history)
        assert _rows(window.frames[measure]).equals(_rows(frame)), measure
    for measure, frame in history.trends.items():
        assert _rows(window.trends[measure]).equals(_rows(frame)), measure
    # the window is a window: the engine returns far fewer occurrences than the whole history
    asked = Context(data, AS_OF, reasons=reasons).timescales().collect()
    assert asked.height < whole.height / 2
    assert window.frames["visits_overdue_now"]["NUM"].sum() > 0
