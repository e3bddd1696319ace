"""Run every measure on a dataset: build each measure's frame lazily, collect them together,
then roll them up overall and by the breakdowns asked for."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

import polars as pl

from lookedafter.lib.calendar import Calendar, date_text
from lookedafter.measures.context import Context, Settings, TimescalesUnavailable
from lookedafter.measures.registry import ENGINE, Measure, all_measures, get
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
    visit... with ``NUM``/``DEN`` and ``IN_NUMERATOR``), plus the measures skipped and why."""

    as_of: date
    table: pl.DataFrame
    _frames: dict[str, pl.DataFrame]
    trends: dict[str, pl.DataFrame] = field(default_factory=dict)
    skipped: dict[str, str] = field(default_factory=dict)
    # adds the group columns to the frames on first use (a summary alone never reads them)
    _grouping: Callable[[dict[str, pl.DataFrame]], dict[str, pl.DataFrame]] | None = field(
        default=None, repr=False
    )

    @property
    def frames(self) -> dict[str, pl.DataFrame]:
        """Each measure's rows, with its team, worker, placement and age band columns."""
        if self._grouping is not None:
            self._frames = self._grouping(self._frames)
            self._grouping = None
        return self._frames

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
    reasons: bool = True,
) -> Results:
    """Every measure (or those named) on ``ds`` at ``as_of``, overall and by each of ``by``
    (``team``, ``worker``, ``placement``, ``age``, ``month`` or a measure's own breakdown such
    as ``stage``; a measure without that breakdown is left out of it).

    ``reasons=False`` asks the timescale engine for no plain-English REASON on each occurrence
    (the figures are the same; the rows behind them lack the reason): faster and far smaller
    at national scale."""
    bys = [by] if isinstance(by, str) else list(by or [])
    chosen = [get(i) for i in measures] if measures is not None else list(all_measures())
    ctx = Context(
        ds,
        as_of,
        policy=policy,
        settings=settings,
        calendar=calendar,
        timescales=timescales,
        reasons=reasons,
    )
    skipped: dict[str, str] = {}
    added: dict[str, int] = {}
    # (measure, -1): the measure's frame; (measure, i): its rows at the i-th month end
    batch: dict[tuple[str, int], pl.LazyFrame] = {}
    collecting: list[Future[dict[tuple[str, int], pl.DataFrame]]] = []
    # One context per month end, shared by every snapshot measure (each caches the children in
    # care on its date, their ages...).
    month_ctxs = [ctx.at(d) for d in ctx.month_ends()] if "month" in bys else []
    if month_ctxs:
        ctx.share_dates([ctx.as_of, *(c.as_of for c in month_ctxs)])
    with ThreadPoolExecutor(max_workers=2) as worker:
        # The timescale engine runs in a worker thread while the measures that do not need it
        # are built and collected (Polars works without the GIL, so they overlap); then the
        # rest are built.
        engine = (
            worker.submit(ctx.timescales)
            if timescales is None and any(m.uses_timescales for m in chosen)
            else None
        )
        for m in sorted(chosen, key=lambda m: m.uses_timescales):
            try:
                if engine is not None and m.uses_timescales and not engine.done():
                    collecting.append(worker.submit(_collect, batch))
                    batch = {}
                    engine.result()
                batch[(m.id, -1)], added[m.id] = _normalise(m, m.func(ctx))
                if month_ctxs and m.kind == "snapshot":
                    for i, c in enumerate(month_ctxs):
                        batch[(m.id, i)] = _trend_rows(m.func(c), c.as_of)
            except TimescalesUnavailable as exc:
                skipped[m.id] = str(exc)
        collected = _collect(batch)
        for part in collecting:
            collected.update(part.result())
    built = sorted(chosen, key=lambda m: m.uses_timescales)
    frames = {m.id: collected[(m.id, -1)] for m in built if (m.id, -1) in collected}

    def grouping(raw: dict[str, pl.DataFrame]) -> dict[str, pl.DataFrame]:
        return _with_groups(raw, added, ctx)

    # the group columns are added now only if a breakdown asked for reads them
    grouped = any(m.breakdowns().get(b) in GROUP_COLUMNS for b in bys for m in chosen)
    if grouped:
        frames = grouping(frames)
    trends: dict[str, pl.DataFrame] = {}
    for m in chosen:
        months = [collected[(m.id, i)] for i in range(len(month_ctxs)) if (m.id, i) in collected]
        if months:
            trends[m.id] = pl.concat(months, how="vertical_relaxed")
    done = [m for m in chosen if m.id in frames]
    queries = [_summary_query(done, frames, None, None)]
    for b in bys:
        month = b == "month"
        sources = {m.id: trends.get(m.id, frames[m.id]) for m in done} if month else frames
        with_b = [m for m in done if b in m.breakdowns()]
        queries.append(
            _summary_query(with_b, sources, b, {m.id: m.breakdowns()[b] for m in with_b})
        )
    parts = pl.collect_all(queries, engine=ENGINE)
    order = {m.id: i for i, m in enumerate(done)}
    by_order = {name: i for i, name in enumerate([ALL, *bys])}
    table = (
        pl.concat(parts, how="vertical_relaxed")
        .with_columns(
            pl.col("measure").replace_strict(order, return_dtype=pl.Int32).alias("_M"),
            pl.col("by").replace_strict(by_order, return_dtype=pl.Int32).alias("_B"),
        )
        .sort("_M", "_B", "group")
        .drop("_M", "_B")
    )
    return Results(as_of, table, frames, trends, skipped, None if grouped else grouping)


def _collect(
    queries: dict[tuple[str, int], pl.LazyFrame],
) -> dict[tuple[str, int], pl.DataFrame]:
    """The queries collected together (Polars shares their common parts)."""
    keys = list(queries)
    return dict(zip(keys, pl.collect_all(list(queries.values()), engine=ENGINE), strict=True))


# The columns :func:`_normalise` adds at the end of a measure's frame when it lacks them.
ADDED_COLUMNS = ("VALUE", "MONTH", "IN_NUMERATOR")


def _normalise(m: Measure, frame: pl.LazyFrame) -> tuple[pl.LazyFrame, int]:
    """Give NUM/DEN/VALUE their types and add CHILD, VALUE, MONTH and IN_NUMERATOR where the
    measure left them out; and how many of :data:`ADDED_COLUMNS` were added (the group
    columns it left out are added after collection, before those: see :func:`_with_groups`)."""
    cols = frame.collect_schema().names()
    missing = [c for c in ("NUM", "DEN", "SUBJECT", "DATE") if c not in cols]
    if missing:
        raise ValueError(f"measure {m.id}: frame lacks {missing}")
    if "CHILD" not in cols:
        frame = frame.with_columns(pl.lit(None, dtype=pl.String).alias("CHILD"))
    extra = [] if "VALUE" in cols else [pl.lit(None, dtype=pl.Float64).alias("VALUE")]
    added = sum(c not in cols for c in ADDED_COLUMNS)
    normal = frame.with_columns(
        *extra,
        pl.col("NUM").cast(pl.Float64),
        pl.col("DEN").cast(pl.Float64),
        date_text(pl.col("DATE").cast(pl.Date), "%Y-%m").alias("MONTH"),
    ).with_columns(
        pl.col("VALUE").cast(pl.Float64),
        (pl.lit(None, dtype=pl.Boolean) if m.agg == "median" else pl.col("NUM") > 0).alias(
            "IN_NUMERATOR"
        ),
    )
    return normal, added


def _with_groups(
    frames: dict[str, pl.DataFrame], added: dict[str, int], ctx: Context
) -> dict[str, pl.DataFrame]:
    """Each frame with the group columns (team, worker, placement, age band) it lacks, from
    each child's situation (:meth:`Context.dimension`), placed before the columns
    :func:`_normalise` added.

    Every frame's children are looked up in one join: a join per measure hashed the 300,000
    children of a national history again each time (about 2 s of CPU in all)."""
    wanted = {
        mid: [c for c in GROUP_COLUMNS if c not in f.columns]
        for mid, f in frames.items()
        if any(c not in f.columns for c in GROUP_COLUMNS)
    }
    if not wanted:
        return frames
    children = pl.concat([frames[mid].select("CHILD") for mid in wanted])
    found = children.join(
        ctx.dimension().collect(engine=ENGINE).select("CHILD", *GROUP_COLUMNS),
        on="CHILD",
        how="left",
        nulls_equal=False,
        maintain_order="left",
    )
    out = dict(frames)
    offset = 0
    for mid, cols in wanted.items():
        frame = frames[mid]
        groups = found.slice(offset, frame.height).select(cols)
        offset += frame.height
        first = frame.width - added[mid]
        order = [*frame.columns[:first], *cols, *frame.columns[first:]]
        out[mid] = frame.hstack(groups.get_columns()).select(order)
    return out


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


def _summarise(
    measures: list[Measure],
    frames: dict[str, pl.DataFrame],
    by: str | None,
    cols: dict[str, str] | None,
) -> pl.DataFrame:
    """One row per measure (and group of ``by``); see :func:`_summary_query`."""
    return _summary_query(measures, frames, by, cols).collect(engine=ENGINE)


def _summary_query(
    measures: list[Measure],
    frames: dict[str, pl.DataFrame],
    by: str | None,
    cols: dict[str, str] | None,
) -> pl.LazyFrame:
    """One row per measure (and group of ``by``): each measure's rows summed on their own (no
    grouping for the overall figure, none by a measure's name: stacking millions of rows to
    group them by name hashed every one). ``cols`` names each measure's column for ``by``."""
    sums = (
        pl.col("NUM").sum().alias("_NUM"),
        pl.col("DEN").sum().alias("_DEN"),
        pl.col("VALUE").median().alias("_MEDIAN"),
        pl.len().cast(pl.Float64).alias("_ROWS"),
    )
    stacked = []
    for m in measures:
        rows = frames[m.id].lazy().filter(counted_rows())
        if cols is None:  # every measure has an overall row, even with nothing to count
            part = rows.select(pl.lit("All").alias("group"), *sums)
        else:
            group = pl.col(cols[m.id]).cast(pl.String).fill_null("Unknown").alias("group")
            part = rows.group_by(group).agg(*sums)
        stacked.append(part.select(pl.lit(m.id).alias("measure"), pl.all()))
    info = pl.DataFrame(
        {
            "measure": [m.id for m in measures],
            "agg": [m.agg for m in measures],
            "scale": [m.scale for m in measures],
            "national": [m.national.value if m.national else None for m in measures],
            "national_year": [m.national.year if m.national else None for m in measures],
            "unit": [m.unit for m in measures],
        },
        schema={
            "measure": pl.String,
            "agg": pl.String,
            "scale": pl.Float64,
            "national": pl.Float64,
            "national_year": pl.Int32,
            "unit": pl.String,
        },
    )
    if not stacked:
        return pl.LazyFrame(schema=SUMMARY_SCHEMA)
    grouped = pl.concat(stacked, how="vertical_relaxed")
    agg = pl.col("agg")
    ratio = pl.when(pl.col("_DEN") > 0).then(pl.col("_NUM") / pl.col("_DEN") * pl.col("scale"))
    return grouped.join(info.lazy(), on="measure", how="left").select(
        "measure",
        pl.lit(by or ALL).alias("by"),
        "group",
        pl.when(agg == "median").then(None).otherwise(pl.col("_NUM")).alias("numerator"),
        pl.when(agg == "count")
        .then(None)
        .when(agg == "median")
        .then(pl.col("_ROWS"))
        .otherwise(pl.col("_DEN"))
        .alias("denominator"),
        pl.when(agg == "count")
        .then(pl.col("_NUM"))
        .when(agg == "median")
        .then(pl.col("_MEDIAN"))
        .otherwise(ratio)
        .alias("value"),
        "national",
        "national_year",
        "unit",
    )


# Public name for callers that roll up frames themselves (the web dashboard filters the rows
# behind each figure, then summarises them the same way).
summarise = _summarise
