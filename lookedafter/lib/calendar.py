"""The one place that counts days: calendar days, working days, months, clock hours, school terms.

Working days are Monday to Friday excluding England's bank holidays (``holidays`` package, offline)
and the authority's own closure days. Every other module asks this one; none counts days itself.
Polars' business-day functions are marked unstable, so they are called only here.
"""

from __future__ import annotations

import calendar as _cal
import csv
import itertools
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import cached_property, lru_cache
from pathlib import Path

import polars as pl

from lookedafter.lib import cache as _cache

FIRST_YEAR, LAST_YEAR = 1990, 2045
# working-day look-ups are tabulated for these dates (see Calendar.add_working_days_expr)
TABLE_FIRST, TABLE_LAST = date(FIRST_YEAR, 1, 1), date(LAST_YEAR, 12, 31)


@lru_cache(maxsize=8)
def england_bank_holidays(first: int = FIRST_YEAR, last: int = LAST_YEAR) -> tuple[date, ...]:
    """England and Wales bank holidays (including one-off days such as coronations).

    Computed by the ``holidays`` package and kept in the cache folder per ``holidays`` version:
    importing the package loads every country's calendar, which costs more than a small
    authority's whole run, so a cached list is read instead when there is one.
    """
    folder = _cache.folder(f"holidays-{_cache.package_version('holidays')}")
    path = folder / f"england-{first}-{last}.txt" if folder is not None else None
    if path is not None:
        try:
            return tuple(date.fromisoformat(d) for d in path.read_text("ascii").split())
        except (OSError, ValueError):
            pass  # not built yet, or unreadable: build it
    days = _bank_holidays_from_package(first, last)
    if path is not None:
        _cache.write_atomic(path, "\n".join(d.isoformat() for d in days).encode("ascii"))
    return days


def _bank_holidays_from_package(first: int, last: int) -> tuple[date, ...]:
    import holidays

    return tuple(
        sorted(holidays.country_holidays("GB", subdiv="ENG", years=range(first, last + 1)))
    )


def add_months(day: date, months: int) -> date:
    """The same day ``months`` calendar months later, clamped to month end (31 Jan + 1 = 28 Feb)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, _cal.monthrange(year, month)[1]))


@dataclass(frozen=True)
class Term:
    start: date
    end: date


def default_terms(first: int = 2010, last: int = 2035) -> tuple[Term, ...]:
    """A sensible default English school year.

    Autumn 1 Sep-20 Dec, spring 6 Jan-31 Mar, summer 15 Apr-20 Jul.

    Authorities set their own term dates; this default is only used when none are configured.
    """
    terms: list[Term] = []
    for y in range(first, last + 1):
        terms.append(Term(date(y, 1, 6), date(y, 3, 31)))
        terms.append(Term(date(y, 4, 15), date(y, 7, 20)))
        terms.append(Term(date(y, 9, 1), date(y, 12, 20)))
    return tuple(terms)


@dataclass(frozen=True)
class Calendar:
    """Working-day arithmetic for one authority."""

    closure_days: frozenset[date] = frozenset()
    terms: tuple[Term, ...] = field(default_factory=default_terms)

    @cached_property
    def non_working(self) -> tuple[date, ...]:
        """Bank holidays and closure days that fall on weekdays, sorted."""
        days = set(england_bank_holidays()) | set(self.closure_days)
        return tuple(sorted(d for d in days if d.weekday() < 5))

    @cached_property
    def _non_working_set(self) -> frozenset[date]:
        return frozenset(self.non_working)

    # ---- scalar -------------------------------------------------------------------------------
    def is_working_day(self, day: date) -> bool:
        return day.weekday() < 5 and day not in self._non_working_set

    def add_working_days(self, day: date, n: int) -> date:
        """The date ``n`` working days after ``day`` (before, when ``n`` is negative).

        ``day`` itself is not counted: 20 working days from a Monday with no holidays is the
        Friday four weeks later. From a non-working day, counting starts at the next working day.
        """
        step = 1 if n >= 0 else -1
        remaining = abs(n)
        current = day
        while remaining:
            current += timedelta(days=step)
            if self.is_working_day(current):
                remaining -= 1
        return current

    def working_days_between(self, start: date, end: date) -> int:
        """Working days after ``start`` up to and including ``end`` (negative when end < start)."""
        if end < start:
            return -self.working_days_between(end, start)
        return sum(
            1 for i in range(1, (end - start).days + 1) if self.is_working_day(start + timedelta(i))
        )

    def next_working_day_at(self, moment: datetime, hour: int) -> datetime:
        """``hour`` o'clock on the first working day after ``moment``'s date."""
        nxt = self.add_working_days(moment.date(), 1)
        return datetime(nxt.year, nxt.month, nxt.day, hour, tzinfo=moment.tzinfo)

    def next_working_start(self, moment: datetime, hour: int) -> datetime:
        """The first ``hour`` o'clock on a working day strictly after ``moment``.

        "By 09:00 next working day": a contact at 20:00 on a Monday is due 09:00 Tuesday, one at
        03:00 on a Tuesday is due 09:00 that Tuesday, one on a Saturday is due 09:00 Monday.
        """
        day = moment.date()
        at = datetime(day.year, day.month, day.day, hour, tzinfo=moment.tzinfo)
        if self.is_working_day(day) and moment < at:
            return at
        nxt = self.add_working_days(day, 1)
        return datetime(nxt.year, nxt.month, nxt.day, hour, tzinfo=moment.tzinfo)

    @staticmethod
    def add_hours(moment: datetime, hours: int) -> datetime:
        """Clock hours: 72 hours after 22:00 Friday is 22:00 Monday, whatever the calendar."""
        return moment + timedelta(hours=hours)

    @staticmethod
    def hours_between(start: datetime, end: datetime) -> float:
        return (end - start).total_seconds() / 3600

    def with_closure_days(self, days: Iterable[date]) -> Calendar:
        """This calendar with the authority's own closure days added."""
        return Calendar(self.closure_days | frozenset(days), self.terms)

    def with_terms(self, terms: Iterable[Term]) -> Calendar:
        """This calendar with the authority's own school terms."""
        return Calendar(self.closure_days, check_terms(terms))

    def term_containing(self, day: date) -> Term | None:
        for term in self.terms:
            if term.start <= day <= term.end:
                return term
        return None

    def terms_frame(self) -> pl.DataFrame:
        """The school terms as a frame: ``TERM_START``, ``TERM_END`` (Date), sorted."""
        return pl.DataFrame(
            {"TERM_START": [t.start for t in self.terms], "TERM_END": [t.end for t in self.terms]},
            schema={"TERM_START": pl.Date, "TERM_END": pl.Date},
        ).sort("TERM_START")

    def term_containing_or_after(self, day: date) -> Term | None:
        for term in self.terms:
            if term.end >= day:
                return term
        return None

    def terms_between(self, start: date, end: date) -> list[Term]:
        return [t for t in self.terms if t.end >= start and t.start <= end]

    # ---- Polars expressions (the only callers of the unstable business-day API) ----------------
    def add_working_days_expr(self, expr: pl.Expr, n: int | pl.Expr) -> pl.Expr:
        """Expression form of :meth:`add_working_days` for a Date column (``n`` >= 0).

        For a constant ``n`` the answer for each date from 1990 to 2045 is worked out once per
        calendar and looked up (many times faster on a national dataset than counting per
        row); dates outside those years are counted as they come.
        """
        if isinstance(n, int):
            if n == 0:
                return expr
            table = self._added_working_days(n)
            day = (expr - pl.lit(TABLE_FIRST, dtype=pl.Date)).dt.total_days()
            inside = day.is_between(0, table.len() - 1)
            looked_up = pl.lit(table).gather(pl.when(inside).then(day))
            counted = self._add_working_days_counted(pl.when(~inside).then(expr), n)
            result = pl.coalesce(looked_up, counted)
            name = expr.meta.output_name(raise_if_undetermined=False)
            return result if name is None else result.alias(name)  # named like ``expr``
        return self._add_working_days_counted(expr, n)

    def _added_working_days(self, n: int) -> pl.Series:
        """:meth:`add_working_days` of every date from TABLE_FIRST to TABLE_LAST (cached).

        Each date's answer is the n-th working day after the last working day on or before it:
        one look-up in the list of working days by each date's running count of them (worked
        out once per calendar), rather than counting afresh for every ``n``. The few answers
        that fall past the table's last working day are counted."""
        if n not in self._tables:
            working, count = self._working_days
            at = count - 1 + n  # the position of each date's answer in ``working``
            past = at >= working.len()
            found = working.gather(at.set(past, 0)).set(past, None)
            if past.any():
                days = pl.date_range(TABLE_FIRST, TABLE_LAST, eager=True).alias("DAY")
                late = (
                    days.filter(past)
                    .to_frame()
                    .select(self._add_working_days_counted(pl.col("DAY"), n))
                )
                found = found.scatter(past.arg_true(), late["DAY"])
            self._tables[n] = found.alias("DAY")
        return self._tables[n]

    @cached_property
    def _working_days(self) -> tuple[pl.Series, pl.Series]:
        """The working days from TABLE_FIRST to a year after TABLE_LAST (where the answers for
        the table's last dates lie), and for each date of the table how many of them fall on
        or before it."""
        days = pl.date_range(TABLE_FIRST, TABLE_LAST + timedelta(days=366), eager=True)
        is_working = days.to_frame("DAY").select(self.is_working_day_expr(pl.col("DAY")))["DAY"]
        in_table = (TABLE_LAST - TABLE_FIRST).days + 1
        return days.filter(is_working), is_working.cast(pl.Int64).cum_sum().head(in_table)

    @cached_property
    def _tables(self) -> dict[int, pl.Series]:
        return {}

    def _add_working_days_counted(self, expr: pl.Expr, n: int | pl.Expr) -> pl.Expr:
        # Polars rolls a non-business start forward before counting; ours counts from the day
        # after. Starting from the previous working day (rolled back) gives the same result.
        n_expr = n if isinstance(n, pl.Expr) else pl.lit(n)
        start = expr.dt.add_business_days(0, holidays=self.non_working, roll="backward")
        moved = start.dt.add_business_days(n_expr, holidays=self.non_working, roll="raise")
        return pl.when(n_expr == 0).then(expr).otherwise(moved)

    def working_days_between_expr(self, start: pl.Expr, end: pl.Expr) -> pl.Expr:
        """Expression form of :meth:`working_days_between`: working days in (start, end]."""
        return pl.business_day_count(
            start + pl.duration(days=1), end + pl.duration(days=1), holidays=self.non_working
        )

    def is_working_day_expr(self, expr: pl.Expr) -> pl.Expr:
        """Expression form of :meth:`is_working_day` for a Date column."""
        return expr.dt.is_business_day(holidays=self.non_working)

    def next_working_start_expr(self, moment: pl.Expr, hour: int) -> pl.Expr:
        """Expression form of :meth:`next_working_start` for a Datetime column."""
        day = moment.dt.date()
        same_day = self.is_working_day_expr(day) & (moment.dt.hour() < hour)
        target = pl.when(same_day).then(day).otherwise(self.add_working_days_expr(day, 1))
        return target.cast(pl.Datetime("us")) + pl.duration(hours=hour)

    @staticmethod
    def add_hours_expr(moment: pl.Expr, hours: int | pl.Expr) -> pl.Expr:
        """Clock hours added to a Datetime column."""
        return moment + pl.duration(hours=hours)

    @staticmethod
    def add_days_expr(expr: pl.Expr, days: int | pl.Expr) -> pl.Expr:
        """Calendar days added to a Date column ("within one week" = start + 7 days)."""
        return expr + pl.duration(days=days)

    @staticmethod
    def days_between_expr(start: pl.Expr, end: pl.Expr) -> pl.Expr:
        """Calendar days from ``start`` to ``end`` (negative when end is earlier)."""
        return (end - start).dt.total_days()

    @staticmethod
    def add_months_expr(expr: pl.Expr, months: int | pl.Expr) -> pl.Expr:
        """Expression form of :func:`add_months` (clamped to month end: 29 Feb + 12 = 28 Feb)."""
        if isinstance(months, pl.Expr):
            return expr.dt.offset_by(pl.format("{}mo", months))
        return expr.dt.offset_by(f"{months}mo")


@lru_cache(maxsize=4)
def _date_texts(fmt: str) -> pl.Series:
    """Every date from TABLE_FIRST to TABLE_LAST written with ``fmt``."""
    return pl.date_range(TABLE_FIRST, TABLE_LAST, eager=True).dt.strftime(fmt)


def date_text(expr: pl.Expr, fmt: str) -> pl.Expr:
    """``expr`` (dates) written with the strftime format ``fmt``, looked up in a table of the
    years the calendar covers (formatting millions of dates one by one is about twice as
    slow); dates outside those years are formatted as they come."""
    table = _date_texts(fmt)
    day = (expr - pl.lit(TABLE_FIRST, dtype=pl.Date)).dt.total_days()
    inside = day.is_between(0, table.len() - 1)
    looked_up = pl.lit(table).gather(pl.when(inside).then(day))
    return pl.coalesce(looked_up, pl.when(~inside).then(expr).dt.strftime(fmt))


def age_on(dob: date, day: date) -> int:
    """Whole years of age on ``day`` (born 29 Feb: a year older on 1 Mar in other years)."""
    years = day.year - dob.year
    return years - (1 if (day.month, day.day) < (dob.month, dob.day) else 0)


def age_expr(dob: pl.Expr, day: pl.Expr) -> pl.Expr:
    """Expression form of :func:`age_on`."""
    before = (day.dt.month() < dob.dt.month()) | (
        (day.dt.month() == dob.dt.month()) & (day.dt.day() < dob.dt.day())
    )
    return (day.dt.year() - dob.dt.year() - before.cast(pl.Int32)).cast(pl.Int32)


def read_terms(path: str | Path) -> tuple[Term, ...]:
    """An authority's term dates from a CSV file with ``start`` and ``end`` columns (ISO dates)."""
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    terms = [Term(date.fromisoformat(r["start"]), date.fromisoformat(r["end"])) for r in rows]
    return check_terms(terms)


def check_terms(terms: Iterable[Term]) -> tuple[Term, ...]:
    """Sort terms and refuse ones that end before they start or overlap."""
    ordered = tuple(sorted(terms, key=lambda t: t.start))
    for term in ordered:
        if term.end < term.start:
            raise ValueError(f"term {term.start} to {term.end} ends before it starts")
    for a, b in itertools.pairwise(ordered):
        if b.start <= a.end:
            raise ValueError(f"terms {a.start}-{a.end} and {b.start}-{b.end} overlap")
    return ordered


def dates(values: Iterable[str]) -> list[date]:
    """Parse ISO date strings (for settings and tests)."""
    return [date.fromisoformat(v) for v in values]


DEFAULT = Calendar()
