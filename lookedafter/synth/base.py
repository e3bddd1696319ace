"""Shared plumbing for the generator: random streams, day numbers, calendar calls, ids.

Dates are held as day numbers (days since 1970-01-01, the same integers Polars uses for
``pl.Date``) so whole columns move with numpy; they become ``pl.Date`` when a table is built.
Each part of the generator draws from its own named random stream, so a change in one part does
not reshuffle the others.
"""

from __future__ import annotations

import zlib
from datetime import date

import numpy as np
import polars as pl

from lookedafter.lib.calendar import DEFAULT, age_expr

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


def birthday(dob: np.ndarray, years: int) -> np.ndarray:
    """The day of each child's ``years``-th birthday (born 29 February: 1 March in other years,
    as ``lookedafter.lib.calendar`` counts ages)."""
    if len(dob) == 0:
        return np.asarray(dob, dtype=np.int64)
    frame = pl.DataFrame({"d": pl.Series(np.asarray(dob, dtype=np.int32)).cast(pl.Date)})
    leap_day = (pl.col("d").dt.month() == 2) & (pl.col("d").dt.day() == 29)
    moved = DEFAULT.add_months_expr(pl.col("d"), 12 * years)
    clamped = leap_day & (moved.dt.day() == 28)
    out = frame.select((moved.cast(pl.Int32) + clamped.cast(pl.Int32)).cast(pl.Int64)).to_series()
    result: np.ndarray = out.to_numpy()
    return result


def age_years(dob: np.ndarray, at: np.ndarray) -> np.ndarray:
    """Whole years of age on a day, as ``lookedafter.lib.calendar`` counts them."""
    dob_arr, at_arr = np.broadcast_arrays(np.asarray(dob), np.asarray(at))
    if dob_arr.size == 0:
        return np.zeros(dob_arr.shape, dtype=np.int64)
    frame = pl.DataFrame(
        {
            "dob": pl.Series(dob_arr.ravel().astype(np.int32)).cast(pl.Date),
            "at": pl.Series(np.minimum(at_arr.ravel(), 2_900_000).astype(np.int32)).cast(pl.Date),
        }
    )
    ages = frame.select(age_expr(pl.col("dob"), pl.col("at"))).to_series().to_numpy()
    out: np.ndarray = ages.astype(np.int64).reshape(dob_arr.shape)
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
