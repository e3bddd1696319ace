"""The one place that counts days: working days, months, clock hours, terms, ages."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lookedafter.lib.calendar import (
    DEFAULT,
    Calendar,
    Term,
    add_months,
    age_expr,
    age_on,
    check_terms,
    dates,
    england_bank_holidays,
    read_terms,
)

D = date


def at(y: int, m: int, d: int, hour: int, minute: int = 0) -> datetime:
    """A wall-clock time in England (the schema's datetimes are naive local times)."""
    return datetime(y, m, d, hour, minute)  # noqa: DTZ001


def _expr_add(cal: Calendar, day: date, n: int) -> date:
    out = pl.DataFrame({"d": [day]}).select(cal.add_working_days_expr(pl.col("d"), n))
    value: date = out.item()
    return value


def test_twenty_working_days_over_christmas() -> None:
    # Mon 2 Dec 2024 + 20 working days, skipping 25 and 26 Dec and 1 Jan: Thu 2 Jan 2025
    # (3-6 Dec 4, 9-13 Dec 9, 16-20 Dec 14, 23-24 Dec 16, 27 Dec 17, 30-31 Dec 19, 2 Jan 20)
    assert DEFAULT.add_working_days(D(2024, 12, 2), 20) == D(2025, 1, 2)
    assert _expr_add(DEFAULT, D(2024, 12, 2), 20) == D(2025, 1, 2)
    assert DEFAULT.working_days_between(D(2024, 12, 2), D(2025, 1, 2)) == 20


def test_weekend_and_easter_starts() -> None:
    # From Sat 4 Jan 2025 counting starts on Mon 6 Jan: the 20th working day is Fri 31 Jan
    assert DEFAULT.add_working_days(D(2025, 1, 4), 20) == D(2025, 1, 31)
    assert _expr_add(DEFAULT, D(2025, 1, 4), 20) == D(2025, 1, 31)
    # Thu 10 Apr 2025 + 20: skips Good Friday 18 Apr, Easter Monday 21 Apr, 5 May: Tue 13 May
    assert DEFAULT.add_working_days(D(2025, 4, 10), 20) == D(2025, 5, 13)
    assert _expr_add(DEFAULT, D(2025, 4, 10), 20) == D(2025, 5, 13)
    # Good Friday itself + 1 working day = Tue 22 Apr 2025
    assert DEFAULT.add_working_days(D(2025, 4, 18), 1) == D(2025, 4, 22)
    assert _expr_add(DEFAULT, D(2025, 4, 18), 0) == D(2025, 4, 18)


def test_bank_holidays_include_one_off_days() -> None:
    days = set(england_bank_holidays(2022, 2023))
    assert D(2022, 9, 19) in days  # state funeral of Queen Elizabeth II
    assert D(2023, 5, 8) in days  # coronation of King Charles III
    assert not DEFAULT.is_working_day(D(2023, 5, 8))


def test_cached_bank_holidays_are_the_packages_own(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import holidays

    from lookedafter.lib import calendar as module

    monkeypatch.setenv("LOOKEDAFTER_CACHE", str(tmp_path))
    expected = tuple(sorted(holidays.country_holidays("GB", subdiv="ENG", years=range(2019, 2032))))
    built = module.england_bank_holidays.__wrapped__(2019, 2031)  # builds and writes the cache
    assert built == expected
    (cached,) = tmp_path.glob("holidays-*/england-2019-2031.txt")
    assert cached.read_text("ascii").split()[0] == expected[0].isoformat()
    monkeypatch.setattr(module, "_bank_holidays_from_package", lambda *_: pytest.fail("rebuilt"))
    assert module.england_bank_holidays.__wrapped__(2019, 2031) == expected  # read back


def test_bank_holidays_without_a_usable_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from lookedafter.lib import calendar as module

    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("LOOKEDAFTER_CACHE", str(blocker))  # cannot make folders inside a file
    days = module.england_bank_holidays.__wrapped__(2024, 2024)
    assert D(2024, 12, 25) in days and len(days) == 8
    monkeypatch.setenv("LOOKEDAFTER_CACHE", str(tmp_path / "c"))
    module.england_bank_holidays.__wrapped__(2024, 2024)
    (cached,) = (tmp_path / "c").glob("holidays-*/england-2024-2024.txt")
    cached.write_text("garbage")  # a damaged cache file is rebuilt, not trusted
    assert module.england_bank_holidays.__wrapped__(2024, 2024) == days


def test_closure_days_are_an_authority_setting() -> None:
    cal = DEFAULT.with_closure_days([D(2025, 12, 29), D(2025, 12, 30), D(2025, 12, 31)])
    # Wed 24 Dec 2025 + 1: 25, 26 bank holidays, 27-28 weekend, 29-31 closed: Fri 2 Jan 2026
    assert cal.add_working_days(D(2025, 12, 24), 1) == D(2026, 1, 2)
    assert _expr_add(cal, D(2025, 12, 24), 1) == D(2026, 1, 2)
    assert DEFAULT.add_working_days(D(2025, 12, 24), 1) == D(2025, 12, 29)


def test_months_clamp_to_month_end_and_leap_days() -> None:
    assert add_months(D(2024, 2, 29), 12) == D(2025, 2, 28)
    assert add_months(D(2024, 2, 29), 48) == D(2028, 2, 29)
    assert add_months(D(2025, 1, 31), 1) == D(2025, 2, 28)
    assert add_months(D(2024, 8, 31), 6) == D(2025, 2, 28)
    frame = pl.DataFrame({"d": [D(2024, 2, 29), D(2025, 1, 31)], "m": [12, 1]})
    got = frame.select(
        a=Calendar.add_months_expr(pl.col("d"), 12),
        b=Calendar.add_months_expr(pl.col("d"), pl.col("m")),
    )
    assert got["a"].to_list() == [D(2025, 2, 28), D(2026, 1, 31)]
    assert got["b"].to_list() == [D(2025, 2, 28), D(2025, 2, 28)]


def test_clock_hours_ignore_weekends() -> None:
    fri = at(2025, 5, 2, 22, 0)
    assert DEFAULT.add_hours(fri, 72) == at(2025, 5, 5, 22, 0)
    assert DEFAULT.hours_between(fri, at(2025, 5, 5, 21, 30)) == 71.5
    got = pl.DataFrame({"t": [fri]}).select(Calendar.add_hours_expr(pl.col("t"), 72)).item()
    assert got == at(2025, 5, 5, 22, 0)


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (at(2025, 12, 24, 20, 0), at(2025, 12, 29, 9, 0)),  # Christmas Eve evening
        (at(2026, 1, 6, 3, 0), at(2026, 1, 6, 9, 0)),  # small hours of a Tuesday
        (at(2026, 1, 6, 9, 0), at(2026, 1, 7, 9, 0)),  # 09:00 exactly: next day
        (at(2026, 1, 10, 10, 0), at(2026, 1, 12, 9, 0)),  # Saturday
        (at(2025, 4, 17, 23, 0), at(2025, 4, 22, 9, 0)),  # Thursday before Easter
    ],
)
def test_next_working_day_at_nine(moment: datetime, expected: datetime) -> None:
    assert DEFAULT.next_working_start(moment, 9) == expected
    frame = pl.DataFrame({"t": [moment]}, schema={"t": pl.Datetime("us")})
    assert frame.select(DEFAULT.next_working_start_expr(pl.col("t"), 9)).item() == expected


def test_ages_around_a_leap_day_birthday() -> None:
    dob = D(2008, 2, 29)
    assert age_on(dob, D(2013, 2, 28)) == 4
    assert age_on(dob, D(2013, 3, 1)) == 5
    assert age_on(dob, D(2012, 2, 29)) == 4
    frame = pl.DataFrame({"dob": [dob] * 3, "on": [D(2013, 2, 28), D(2013, 3, 1), D(2012, 2, 29)]})
    assert frame.select(age_expr(pl.col("dob"), pl.col("on"))).to_series().to_list() == [4, 5, 4]


def test_school_terms_per_authority(tmp_path: Path) -> None:
    path = tmp_path / "terms.csv"
    path.write_text("start,end\n2025-09-03,2025-12-19\n2026-01-05,2026-03-27\n", "utf-8")
    terms = read_terms(path)
    cal = DEFAULT.with_terms(terms)
    assert cal.term_containing(D(2025, 12, 19)) == Term(D(2025, 9, 3), D(2025, 12, 19))
    assert cal.term_containing(D(2025, 12, 22)) is None
    assert cal.term_containing_or_after(D(2025, 12, 22)) == Term(D(2026, 1, 5), D(2026, 3, 27))
    assert cal.terms_between(D(2025, 10, 1), D(2026, 1, 5)) == list(terms)
    assert cal.terms_frame()["TERM_END"].to_list() == [D(2025, 12, 19), D(2026, 3, 27)]
    with pytest.raises(ValueError, match="overlap"):
        check_terms([Term(D(2025, 9, 1), D(2025, 12, 20)), Term(D(2025, 12, 1), D(2026, 3, 1))])
    with pytest.raises(ValueError, match="ends before"):
        check_terms([Term(D(2025, 9, 1), D(2025, 8, 20))])


def test_default_terms_cover_three_a_year() -> None:
    assert len(DEFAULT.terms_between(D(2025, 1, 1), D(2025, 12, 31))) == 3


days = st.dates(min_value=D(1995, 1, 1), max_value=D(2040, 12, 31))


@settings(max_examples=200, deadline=None)
@given(day=days, n=st.integers(min_value=0, max_value=300))
def test_adding_n_working_days_then_counting_them_gives_n(day: date, n: int) -> None:
    end = DEFAULT.add_working_days(day, n)
    assert DEFAULT.working_days_between(day, end) == n
    if n > 0:
        assert DEFAULT.is_working_day(end)
        assert DEFAULT.add_working_days(end, -n) <= day or not DEFAULT.is_working_day(day)


@settings(max_examples=30, deadline=None)
@given(starts=st.lists(days, min_size=1, max_size=40), n=st.integers(min_value=0, max_value=60))
def test_expression_forms_agree_with_the_scalar_ones(starts: list[date], n: int) -> None:
    frame = pl.DataFrame({"d": starts}, schema={"d": pl.Date})
    got = frame.select(
        added=DEFAULT.add_working_days_expr(pl.col("d"), n),
        working=DEFAULT.is_working_day_expr(pl.col("d")),
        counted=DEFAULT.working_days_between_expr(pl.col("d"), pl.col("d") + timedelta(days=n)),
    )
    assert got["added"].to_list() == [DEFAULT.add_working_days(d, n) for d in starts]
    assert got["working"].to_list() == [DEFAULT.is_working_day(d) for d in starts]
    assert got["counted"].to_list() == [
        DEFAULT.working_days_between(d, d + timedelta(days=n)) for d in starts
    ]


def test_remaining_helpers() -> None:
    assert dates(["2025-01-02", "2024-02-29"]) == [D(2025, 1, 2), D(2024, 2, 29)]
    # strictly the next working day's date at the hour (the older helper)
    assert DEFAULT.next_working_day_at(at(2025, 12, 24, 3), 9) == at(2025, 12, 29, 9)
    # backwards and negative counts
    assert DEFAULT.add_working_days(D(2025, 1, 2), -1) == D(2024, 12, 31)
    assert DEFAULT.working_days_between(D(2025, 1, 2), D(2024, 12, 31)) == -1
    # a closure day on a Saturday changes nothing
    sat = DEFAULT.with_closure_days([D(2025, 1, 4)])
    assert D(2025, 1, 4) not in sat.non_working
    assert DEFAULT.term_containing_or_after(D(2040, 1, 1)) is None


@pytest.mark.parametrize("n", [1, 5, 20, 300])
@pytest.mark.parametrize("closed", [False, True])
def test_the_working_day_table_agrees_with_counting_for_every_date(n: int, closed: bool) -> None:
    # the expressions look most dates up in a table built from the list of working days;
    # every date of the table must give what counting from it gives (the years' last days,
    # whose answers lie past the table, included)
    cal = DEFAULT.with_closure_days([D(2025, 12, 29), D(2045, 12, 29)]) if closed else DEFAULT
    days = pl.DataFrame({"d": pl.date_range(D(1990, 1, 1), D(2045, 12, 31), eager=True)})
    looked_up = days.select(cal.add_working_days_expr(pl.col("d"), n))["d"]
    counted = days.select(cal.add_working_days_expr(pl.col("d"), pl.lit(n)))["d"]  # counted
    assert looked_up.equals(counted)
