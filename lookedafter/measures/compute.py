"""Run every measure on a dataset: build each measure's frame lazily, collect them together,
then roll them up overall and by the breakdowns asked for."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

import polars as pl

from lookedafter.lib.calendar import Calendar
from lookedafter.measures.context import Context, Settings, TimescalesUnavailable
from lookedafter.measures.registry import Measure, all_measures, get
from lookedafter.schema import Dataset

if TYPE_CHECKING:
    from lookedafter.timescales import Policy

ALL = "all"
SUMMARY_SCHEMA = pl.Schema(
    {
        "measure": pl.String,
        "by": pl.String,
        "group": pl.String,
        "numerator": pl.Float64,
        "denominator": pl.Float64,
        "value": pl.Float64,
        "national": pl.Float64,
        "national_year": pl.Int32,
        "unit": pl.String,
    }
)
GROUP_COLUMNS = ("TEAM_ID", "WORKER_ID", "PLACE", "AGE_BAND")


def counted_rows() -> pl.Expr:
    """Rows that count towards a figure (a leaver is in turnover's numerator only)."""
    return (pl.col("DEN") != 0) | (pl.col("NUM") != 0)


@dataclass
class Results:
    """The tidy summary and, for each measure, the frame behind it (one row per child, worker,
    visit... with ``NUM``/``DEN``), plus the measures that were skipped and why."""

    as_of: date
    table: pl.DataFrame
    frames: dict[str, pl.DataFrame]
    trends: dict[str, pl.DataFrame] = field(default_factory=dict)
    skipped: dict[str, str] = field(default_factory=dict)

    def value(self, measure_id: str, by: str = ALL, group: str = "All") -> float | None:
        rows = self.table.filter(
            (pl.col("measure") == measure_id) & (pl.col("by") == by) & (pl.col("group") == group)
        )
        if rows.height == 0:
            raise KeyError(f"no figure for {measure_id} {by}={group}")
        out: float | None = rows["value"][0]
        return out

    def row(self, measure_id: str, by: str = ALL, group: str = "All") -> dict[str, object]:
        rows = self.table.filter(
            (pl.col("measure") == measure_id) & (pl.col("by") == by) & (pl.col("group") == group)
        )
        if rows.height == 0:
            raise KeyError(f"no figure for {measure_id} {by}={group}")
        return rows.row(0, named=True)

    def behind(
        self,
        measure_id: str,
        by: str | None = None,
        group: str | None = None,
        in_numerator: bool | None = None,
    ) -> pl.DataFrame:
        """The rows behind a figure (a group of a breakdown; only the numerator's if asked)."""
        frame = self.frames[measure_id].filter(counted_rows())
        m = get(measure_id)
        if by is not None and by != ALL:
            col = m.breakdowns()[by]
            frame = frame.filter(pl.col(col).cast(pl.String).fill_null("Unknown") == group)
        if in_numerator is not None:
            frame = frame.filter((pl.col("NUM") > 0) == in_numerator)
        return frame


def compute(
    ds: Dataset,
    as_of: date,
    by: str | Sequence[str] | None = None,
    policy: Policy | None = None,
    *,
    settings: Settings | None = None,
    calendar: Calendar | None = None,
    timescales: pl.DataFrame | None = None,
    measures: Iterable[str] | None = None,
) -> Results:
    """Every measure (or those named) on ``ds`` at ``as_of``, overall and by each of ``by``
    (``team``, ``worker``, ``placement``, ``age``, ``month`` or a measure's own breakdown such
    as ``stage``; a measure without that breakdown is left out of it)."""
    bys = [by] if isinstance(by, str) else list(by or [])
    chosen = [get(i) for i in measures] if measures is not None else list(all_measures())
    ctx = Context(
        ds, as_of, policy=policy, settings=settings, calendar=calendar, timescales=timescales
    )
    skipped: dict[str, str] = {}
    lazy: dict[str, pl.LazyFrame] = {}
    trend_lazy: dict[str, list[pl.LazyFrame]] = {}
    for m in chosen:
        try:
            lazy[m.id] = _normalise(m, m.func(ctx), ctx)
            if "month" in bys and m.kind == "snapshot":
                trend_lazy[m.id] = [_trend_rows(m.func(ctx.at(d)), d) for d in ctx.month_ends()]
        except TimescalesUnavailable as exc:
            skipped[m.id] = str(exc)
    names = list(lazy)
    trend_names = [(k, i) for k, frames in trend_lazy.items() for i in range(len(frames))]
    collected = pl.collect_all(
        [lazy[n] for n in names] + [trend_lazy[k][i] for k, i in trend_names]
    )
    frames = dict(zip(names, collected[: len(names)], strict=True))
    trends: dict[str, pl.DataFrame] = {}
    rest = collected[len(names) :]
    for key in trend_lazy:
        parts = [rest[j] for j, (k, _) in enumerate(trend_names) if k == key]
        trends[key] = pl.concat(parts, how="vertical_relaxed")
    rows: list[pl.DataFrame] = []
    for m in chosen:
        if m.id not in frames:
            continue
        frame = frames[m.id]
        rows.append(_summarise(m, frame, ALL, None))
        for b in bys:
            col = m.breakdowns().get(b)
            if col is None:
                continue
            source = trends.get(m.id, frame) if b == "month" else frame
            rows.append(_summarise(m, source, b, col))
    table = (
        pl.concat(rows, how="vertical_relaxed").cast(dict(SUMMARY_SCHEMA))  # type: ignore[arg-type]
        if rows
        else pl.DataFrame(schema=SUMMARY_SCHEMA)
    )
    return Results(as_of, table, frames, trends, skipped)


def _normalise(m: Measure, frame: pl.LazyFrame, ctx: Context) -> pl.LazyFrame:
    """Fill in the group columns the measure left out and give NUM/DEN/VALUE their types."""
    cols = frame.collect_schema().names()
    missing = [c for c in ("NUM", "DEN", "SUBJECT", "DATE") if c not in cols]
    if missing:
        raise ValueError(f"measure {m.id}: frame lacks {missing}")
    if "CHILD" not in cols:
        frame = frame.with_columns(pl.lit(None, dtype=pl.String).alias("CHILD"))
    wanted = [c for c in GROUP_COLUMNS if c not in cols]
    if wanted:
        dim = ctx.dimension().select("CHILD", *wanted)
        frame = frame.join(dim, on="CHILD", how="left", nulls_equal=False)
    extra = [] if "VALUE" in cols else [pl.lit(None, dtype=pl.Float64).alias("VALUE")]
    return frame.with_columns(
        *extra,
        pl.col("NUM").cast(pl.Float64),
        pl.col("DEN").cast(pl.Float64),
        pl.col("DATE").cast(pl.Date).dt.strftime("%Y-%m").alias("MONTH"),
    ).with_columns(pl.col("VALUE").cast(pl.Float64))


def _trend_rows(frame: pl.LazyFrame, day: date) -> pl.LazyFrame:
    """A snapshot measure's rows at one month end: only what the month trend needs."""
    cols = frame.collect_schema().names()
    value = pl.col("VALUE") if "VALUE" in cols else pl.lit(None, dtype=pl.Float64)
    return frame.select(
        pl.col("NUM").cast(pl.Float64),
        pl.col("DEN").cast(pl.Float64),
        value.cast(pl.Float64).alias("VALUE"),
        pl.lit(day.strftime("%Y-%m")).alias("MONTH"),
    )


def _summarise(m: Measure, frame: pl.DataFrame, by: str, col: str | None) -> pl.DataFrame:
    counted = frame.filter(counted_rows())
    group = (
        pl.lit("All") if col is None else pl.col(col).cast(pl.String).fill_null("Unknown")
    ).alias("group")
    num = pl.col("NUM").sum()
    den = pl.col("DEN").sum()
    if m.agg == "ratio":
        value = pl.when(den > 0).then(num / den * m.scale).otherwise(None)
        aggs = [num.alias("numerator"), den.alias("denominator"), value.alias("value")]
    elif m.agg == "count":
        aggs = [
            num.alias("numerator"),
            pl.lit(None, dtype=pl.Float64).alias("denominator"),
            num.alias("value"),
        ]
    else:  # median
        aggs = [
            pl.lit(None, dtype=pl.Float64).alias("numerator"),
            pl.len().cast(pl.Float64).alias("denominator"),
            pl.col("VALUE").median().alias("value"),
        ]
    out = counted.group_by(group).agg(*aggs).sort("group")
    if col is None and out.height == 0:
        out = pl.DataFrame(
            {
                "group": ["All"],
                "numerator": [0.0 if m.agg != "median" else None],
                "denominator": [0.0 if m.agg != "count" else None],
                "value": [0.0 if m.agg == "count" else None],
            },
            schema={
                "group": pl.String,
                "numerator": pl.Float64,
                "denominator": pl.Float64,
                "value": pl.Float64,
            },
        )
    nat = m.national
    return out.select(
        pl.lit(m.id).alias("measure"),
        pl.lit(by).alias("by"),
        "group",
        "numerator",
        "denominator",
        "value",
        pl.lit(nat.value if nat else None, dtype=pl.Float64).alias("national"),
        pl.lit(nat.year if nat else None, dtype=pl.Int32).alias("national_year"),
        pl.lit(m.unit).alias("unit"),
    )
