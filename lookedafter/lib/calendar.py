"""The one place that counts days: calendar days, working days, months, clock hours, school terms.

Working days are Monday to Friday excluding England's bank holidays (``holidays`` package, offline)
and the authority's own closure days. Every other module asks this one; none counts days itself.
Polars' business-day functions are marked unstable, so they are called only here.
"""

from __future__ import annotations

import calendar as _cal
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import cached_property

import holidays
import polars as pl

FIRST_YEAR, LAST_YEAR = 1990, 2045


def england_bank_holidays(first: int = FIRST_YEAR, last: int = LAST_YEAR) -> tuple[date, ...]:
    """England and Wales bank holidays (including one-off days such as coronations)."""
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

    def term_containing_or_after(self, day: date) -> Term | None:
        for term in self.terms:
            if term.end >= day:
                return term
        return None

    def terms_between(self, start: date, end: date) -> list[Term]:
        return [t for t in self.terms if t.end >= start and t.start <= end]

    # ---- Polars expressions (the only callers of the unstable business-day API) ----------------
    def add_working_days_expr(self, expr: pl.Expr, n: int | pl.Expr) -> pl.Expr:
        """Expression form of :meth:`add_working_days` for a Date column (``n`` >= 0)."""
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

    @staticmethod
    def add_months_expr(expr: pl.Expr, months: int) -> pl.Expr:
        """Expression form of :func:`add_months` (clamped to month end)."""
        return expr.dt.offset_by(f"{months}mo")


def dates(values: Iterable[str]) -> list[date]:
    """Parse ISO date strings (for settings and tests)."""
    return [date.fromisoformat(v) for v in values]


DEFAULT = Calendar()
