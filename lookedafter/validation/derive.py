"""Derived fields that rules need, computed once per run (placement distance, LA, location).

Placement distance uses the DfE formula in ``lib.postcodes``; PL_LOCATION is IN when the placement
postcode's local authority district is one of the authority's own districts, else OUT.
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
        la = ctx.la_code
        location = (
            pl.when(pl.col("PL_LA").is_null())
            .then(pl.lit(None, pl.String))
            .when(pl.lit(bool(la)) & (pl.col("PL_LA") == la))
            .then(pl.lit("IN"))
            .otherwise(pl.lit("OUT"))
        )
        return frame.with_columns(location.alias("PL_LOCATION")).lazy()
    return lazy


def age_at(dob: pl.Expr, when: pl.Expr) -> pl.Expr:
    """Whole years of age on a date (birthday counted on the day itself; 29 Feb -> 1 Mar)."""
    years = when.dt.year() - dob.dt.year()
    before_birthday = (when.dt.month() < dob.dt.month()) | (
        (when.dt.month() == dob.dt.month()) & (when.dt.day() < dob.dt.day())
    )
    return years - before_birthday.cast(pl.Int32)
