"""Derived fields that rules need, computed once per run.

- Episodes (this year's and last year's) gain ``PL_DISTANCE`` (miles between home and placement
  postcodes by the DfE formula, 999.9 when either is missing or unknown), ``PL_LA`` (the ONS
  district of the placement postcode) and ``PL_LOCATION`` (``IN`` when that district is one of the
  authority's own areas, ``OUT`` otherwise, null when the placement postcode is unknown).
- ``age_at`` gives whole years of age on a date; collection-year windows are ``Context.start`` and
  ``Context.end``.

The authority's own areas are ``meta.la_code`` plus ``Context.la_districts``. The offline postcode
data carries only the lower-tier district (``laua``), not the county, so for a two-tier county the
districts must be given (``--la-districts`` on the command line): they cannot be derived offline.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import polars as pl

from lookedafter.lib import postcodes

if TYPE_CHECKING:
    from lookedafter.validation.registry import Context


def add_derived(name: str, lazy: pl.LazyFrame, ctx: Context) -> pl.LazyFrame:
    base = name.removesuffix("_last")
    if base == "Episodes":
        frame = postcodes.with_distance(lazy.collect())
        return frame.with_columns(placement_location(ctx.own_areas)).lazy()
    return lazy


def placement_location(own_areas: frozenset[str]) -> pl.Expr:
    """``IN`` when ``PL_LA`` is one of the authority's own areas, ``OUT`` otherwise."""
    return (
        pl.when(pl.col("PL_LA").is_null())
        .then(pl.lit(None, pl.String))
        .when(pl.col("PL_LA").is_in(pl.Series(sorted(own_areas), dtype=pl.String).implode()))
        .then(pl.lit("IN"))
        .otherwise(pl.lit("OUT"))
        .alias("PL_LOCATION")
    )


def age_at(dob: pl.Expr, when: pl.Expr) -> pl.Expr:
    """Whole years of age on a date (birthday counted on the day itself; 29 Feb -> 1 Mar)."""
    years = when.dt.year() - dob.dt.year()
    before_birthday = (when.dt.month() < dob.dt.month()) | (
        (when.dt.month() == dob.dt.month()) & (when.dt.day() < dob.dt.day())
    )
    return years - before_birthday.cast(pl.Int32)


def birthday(dob: pl.Expr, years: int) -> pl.Expr:
    """The date of the ``years``-th birthday (29 February falls on 1 March, as in ``age_at``)."""
    shifted = dob.dt.offset_by(f"{years}y")
    leapling = (dob.dt.month() == 2) & (dob.dt.day() == 29) & (shifted.dt.day() == 28)
    return pl.when(leapling).then(shifted.dt.offset_by("1d")).otherwise(shifted)
