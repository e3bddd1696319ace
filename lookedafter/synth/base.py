"""Shared plumbing for the generator: random streams, day numbers, calendar calls, ids.

Dates are held as day numbers (days since 1970-01-01, the same integers Polars uses for
``pl.Date``) so whole columns move with numpy; they become ``pl.Date`` when a table is built.
Each part of the generator draws from its own named random stream, so a change in one part does
not reshuffle the others.
"""

from __future__ import annotations

import functools
import zlib
from datetime import date

import numpy as np
import polars as pl

from lookedafter.lib.calendar import DEFAULT

EPOCH = date(1970, 1, 1)
OPEN = 2**30  # "not ended yet" as a day number (an open period or episode)
NULL = np.array(None, dtype=object)  # "no value" inside numpy.where


def day(d: date) -> int:
    return (d - EPOCH).days


def streams(seed: int, name: str) -> np.random.Generator:
    """An independent, reproducible generator for one named part of the synthetic authority."""
    return np.random.default_rng([seed, zlib.crc32(name.encode("utf-8"))])


def as_date(values: np.ndarray | pl.Series, name: str) -> pl.Series:
    """Day numbers (OPEN for none) as a Polars Date column."""
    raw = np.asarray(values, dtype=np.int64)
    series = pl.Series(name, np.where(raw >= int(OPEN), 0, raw).astype(np.int32)).cast(pl.Date)
    return series.scatter(np.flatnonzero(raw >= int(OPEN)), None)


def _through(values: np.ndarray, expr: pl.Expr) -> np.ndarray:
    frame = pl.DataFrame({"d": pl.Series(np.asarray(values, dtype=np.int32)).cast(pl.Date)})
    out = frame.select(expr.cast(pl.Int32)).to_series()
    return out.to_numpy().astype(np.int64)


def add_working_days(values: np.ndarray, n: int) -> np.ndarray:
    """``n`` working days after each day (the calendar module does the counting)."""
    if len(values) == 0:
        return np.asarray(values, dtype=np.int64)
    return _through(values, DEFAULT.add_working_days_expr(pl.col("d"), n))


def add_months(values: np.ndarray, months: int) -> np.ndarray:
    """The same day ``months`` calendar months later, clamped to month end."""
    if len(values) == 0:
        return np.asarray(values, dtype=np.int64)
    return _through(values, DEFAULT.add_months_expr(pl.col("d"), months))


def _civil(days: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Year, month and day of month of day numbers (proleptic Gregorian, integer arithmetic:
    much cheaper than numpy's datetime64 conversions on millions of rows)."""
    z = np.asarray(days, dtype=np.int64) + 719_468
    era = z // 146_097
    doe = z - era * 146_097
    yoe = (doe - doe // 1_460 + doe // 36_524 - doe // 146_096) // 365
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    d = doy - (153 * mp + 2) // 5 + 1
    m = np.where(mp < 10, mp + 3, mp - 9)
    y = yoe + era * 400 + (m <= 2)
    return y, m, d


def _days(y: np.ndarray, m: np.ndarray, d: np.ndarray) -> np.ndarray:
    """Day numbers of dates given as year, month, day (a day past the month's end runs on into
    the next month, so 29 February of a common year is 1 March)."""
    y = y - (m <= 2)
    era = y // 400
    yoe = y - era * 400
    doy = (153 * np.where(m > 2, m - 3, m + 9) + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    out: np.ndarray = era * 146_097 + doe - 719_468
    return out


@functools.cache
def _calendar_table() -> tuple[np.ndarray, np.ndarray]:
    """Year and month-and-day key (month * 32 + day) of every day from 1900 to 2199."""
    days = np.arange(_TABLE_FIRST, _TABLE_FIRST + _TABLE_DAYS, dtype=np.int64)
    y, m, d = _civil(days)
    return y.astype(np.int32), (m * 32 + d).astype(np.int16)


_TABLE_FIRST = -25_567  # 1 January 1900
_TABLE_DAYS = 109_572  # to 31 December 2199


def _year_and_key(days: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Year and month-and-day key of day numbers, by table look-up where the table reaches."""
    arr = np.asarray(days, dtype=np.int64)
    idx = arr - _TABLE_FIRST
    if arr.size and (idx.min() < 0 or idx.max() >= _TABLE_DAYS):
        y, m, d = _civil(arr)
        return y, m * 32 + d
    years, keys = _calendar_table()
    return years[idx].astype(np.int64), keys[idx].astype(np.int64)


def birthday(dob: np.ndarray, years: int) -> np.ndarray:
    """The day of each child's ``years``-th birthday (born 29 February: 1 March in other years,
    as ``lookedafter.lib.calendar`` counts ages)."""
    y, m, d = _civil(dob)
    return _days(y + years, m, d)


def age_years(dob: np.ndarray, at: np.ndarray) -> np.ndarray:
    """Whole years of age on a day, as ``lookedafter.lib.calendar.age_on`` counts them (a year
    older on the birthday; born 29 February, on 1 March in other years)."""
    y_dob, k_dob = _year_and_key(dob)
    y_at, k_at = _year_and_key(at)
    out: np.ndarray = y_at - y_dob - (k_at < k_dob)
    return out


def pick(
    rng: np.random.Generator, options: list[str] | tuple[str, ...], p: object, n: int
) -> np.ndarray:
    """``n`` draws from labelled options with probabilities ``p`` (normalised)."""
    probs = np.asarray(p, dtype=np.float64)
    probs = probs / probs.sum()
    out: np.ndarray = np.asarray(options, dtype=object)[rng.choice(len(options), size=n, p=probs)]
    return out


def ids(prefix: str, numbers: np.ndarray, width: int = 6) -> pl.Series:
    """Identifiers like ``C000123`` from integers."""
    digits = pl.Series(np.asarray(numbers, dtype=np.int64)).cast(pl.String).str.zfill(width)
    return pl.select(pl.lit(prefix) + digits).to_series()


def clock(days: np.ndarray, minutes: np.ndarray) -> pl.Series:
    """Datetimes from day numbers and minutes after midnight."""
    micros = (
        np.asarray(days, dtype=np.int64) * 1440 + np.asarray(minutes, dtype=np.int64)
    ) * 60_000_000
    return pl.Series(micros).cast(pl.Datetime("us"))


def repeat_index(counts: np.ndarray) -> np.ndarray:
    """Row numbers repeated by counts: [2, 0, 1] -> [0, 0, 2]."""
    return np.repeat(np.arange(len(counts)), counts)


def text(values: np.ndarray, name: str = "") -> pl.Series:
    """A numpy array of strings (None for missing) as a Polars String column."""
    return pl.Series(name, np.asarray(values, dtype=object).tolist(), dtype=pl.String)


# Window helpers for frames sorted by a group column (much cheaper than ``.over``).
def first_in(by: str = "IX") -> pl.Expr:
    """True on the first row of each group."""
    return (pl.col(by) != pl.col(by).shift(1)).fill_null(True)


def last_in(by: str = "IX") -> pl.Expr:
    """True on the last row of each group."""
    return (pl.col(by) != pl.col(by).shift(-1)).fill_null(True)


def prev_in(expr: pl.Expr, by: str = "IX") -> pl.Expr:
    """The previous row's value within the group (null on the group's first row)."""
    return pl.when(first_in(by)).then(None).otherwise(expr.shift(1))


def next_in(expr: pl.Expr, by: str = "IX") -> pl.Expr:
    """The next row's value within the group (null on the group's last row)."""
    return pl.when(last_in(by)).then(None).otherwise(expr.shift(-1))


def rank_in(by: str = "IX") -> pl.Expr:
    """0, 1, 2, ... within each group."""
    row = pl.int_range(pl.len(), dtype=pl.Int64)
    return row - pl.when(first_in(by)).then(row).otherwise(None).forward_fill()


def group_first(expr: pl.Expr, by: str = "IX") -> pl.Expr:
    """The group's first value, on every row."""
    return pl.when(first_in(by)).then(expr).otherwise(None).forward_fill()


def group_last(expr: pl.Expr, by: str = "IX") -> pl.Expr:
    """The group's last value, on every row."""
    return pl.when(last_in(by)).then(expr).otherwise(None).backward_fill()
