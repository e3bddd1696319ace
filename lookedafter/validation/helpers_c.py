"""Shared pieces for the episode, adoption, missing, motherhood, SW, DoLo and INT rules.

Query helpers (first/last row per child, previous row per child, "ceased to be looked after")
keep the rule files short and consistent; ``flagged`` runs one rule on hand-made frames for the
tests that sit beside each rule.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

import polars as pl

from lookedafter.schema import Dataset
from lookedafter.schema.dataset import Meta
from lookedafter.schema.tables import TABLES
from lookedafter.ssda903.structural import Issue
from lookedafter.validation.derive import first_per_child as first_per_child
from lookedafter.validation.derive import first_rows, last_rows, neighbours
from lookedafter.validation.derive import last_per_child as last_per_child
from lookedafter.validation.registry import Context, load_rules, run

# Placement codes that mean "placed for adoption" (DfE guide, PLACE list A3-A6).
ADOPTION_PLACEMENTS = ("A3", "A4", "A5", "A6")
# Reasons an episode ended that mean the child was adopted (REC list).
ADOPTED = ("E11", "E12")
# Legal statuses of short-break (respite) care, outside most checks (LS list).
RESPITE = ("V3", "V4")
# Couple codes in the genders-of-adopters list (SEX_ADOPTR).
COUPLE = ("MM", "FF", "MF")
SAME_SEX_COUPLE = ("MM", "FF")
FEMALE = "F"  # SEX list from 2024-25


def ceased_care() -> pl.Expr:
    """The episode ended the period of care: a reason is given and it is not X1."""
    return pl.col("REC").is_not_null() & (pl.col("REC") != "X1")


def with_previous(lf: pl.LazyFrame, order: str, columns: Sequence[str]) -> pl.LazyFrame:
    """Add ``<col>_PREV`` from the same child's previous row by ``order``; also ``ROW_PREV``.

    Rows with no ``order`` value are left out: they cannot be placed in the sequence (the rule
    for the missing date reports them). Built on :func:`derive.neighbours`; for a table of the
    return, ``Context.sequence`` holds the neighbours once per run.
    """
    cols = [*columns, "ROW"]
    dated = lf.filter(pl.col(order).is_not_null())
    return (
        neighbours(dated, cols, order)
        .drop([f"{c}_next" for c in cols])
        .rename({f"{c}_prev": f"{c}_PREV" for c in cols})
    )


def overlapping(lf: pl.LazyFrame, start: str, end: str) -> pl.LazyFrame:
    """Rows of the same child whose periods overlap an earlier row's (or follow an open one).

    Returns both rows of each clashing pair (ROW of the later and of the earlier). Rows with no
    start date are left out: they cannot be placed in order, and their own rules report them.
    """
    ordered = with_previous(lf, start, [start, end])
    prev_end = pl.col(f"{end}_PREV")
    clash = pl.col("ROW_PREV").is_not_null() & (prev_end.is_null() | (pl.col(start) < prev_end))
    later = ordered.filter(clash)
    earlier = lf.join(later.select(pl.col("ROW_PREV").alias("ROW")).unique(), on="ROW", how="semi")
    return pl.concat([later.select(lf.collect_schema().names()), earlier]).unique("ROW")


def present(*columns: str) -> pl.Expr:
    return pl.any_horizontal(pl.col(c).is_not_null() for c in columns)


def missing(*columns: str) -> pl.Expr:
    return pl.any_horizontal(pl.col(c).is_null() for c in columns)


def in_year(ctx: Context, column: str) -> pl.Expr:
    return pl.col(column).is_between(ctx.start, ctx.end)


# ---- tests -------------------------------------------------------------------------------


def _typed(name: str, frame: pl.DataFrame) -> pl.DataFrame:
    """Parse dd/mm/yyyy strings in date columns so tests can write dates as the files do."""
    table = TABLES[name.removesuffix("_last")]
    fixes = [
        pl.col(c).str.to_date("%d/%m/%Y", strict=True)
        for c in frame.columns
        if c in table.column_index
        and table.column_index[c].dtype == pl.Date
        and frame.schema[c] == pl.String
    ]
    return frame.with_columns(fixes) if fixes else frame


def _dataset(tables: Mapping[str, pl.DataFrame], year: int, la_code: str) -> Dataset:
    typed = {n: _typed(n, f) for n, f in tables.items()}
    return Dataset(typed, Meta(la_code=la_code, collection_year=year))


def flagged(
    code: str,
    year: int,
    tables: Mapping[str, pl.DataFrame],
    last: Mapping[str, pl.DataFrame] | None = None,
    issues: list[Issue] | None = None,
    la_code: str = "",
) -> dict[str, list[int | None]]:
    """Run one rule (found by code among the year's rules); table -> sorted flagged rows.

    Raises if the rule is unknown for the year, was skipped, or failed.
    """
    chosen = [r for r in load_rules(year) if r.code == code]
    if not chosen:
        raise LookupError(f"rule {code} does not apply in {year}")
    ds = _dataset(tables, year, la_code)
    if last is not None:
        ds = Dataset(ds.tables, ds.meta, _dataset(last, year - 1, la_code))
    result = run(ds, year, issues, chosen)
    if result.failed or result.skipped:
        raise AssertionError(f"{code}: failed={result.failed} skipped={result.skipped}")
    out: dict[str, list[int | None]] = {}
    for (table,), group in result.errors.group_by(["table"], maintain_order=True):
        rows = group["ROW"].to_list()
        out[str(table)] = sorted(rows, key=lambda r: -1 if r is None else r)
    return out


def flagged_rows(
    code: str,
    year: int,
    tables: Mapping[str, pl.DataFrame],
    last: Mapping[str, pl.DataFrame] | None = None,
    issues: list[Issue] | None = None,
) -> list[int | None]:
    """Rows flagged in the rule's own table."""
    chosen = [r for r in load_rules(year) if r.code == code]
    if not chosen:
        raise LookupError(f"rule {code} does not apply in {year}")
    return flagged(code, year, tables, last, issues).get(chosen[0].table, [])


def differs_from_open_last(ctx: Context, column: str) -> pl.LazyFrame:
    """This year's first episode of each child whose ``column`` differs from the episode left
    open at the end of last year's return (the same episode carried over)."""
    open_last = (
        last_rows(ctx, "Episodes_last", "DECOM")
        .filter(pl.col("DEC").is_null())
        .select("CHILD", pl.col(column).alias("_LAST"))
    )
    first = first_rows(ctx, "Episodes", "DECOM")
    value = pl.col(column)
    if ctx["Episodes"].collect_schema()[column].is_float():
        value, last = value.round(1), pl.col("_LAST").round(1)
    else:
        last = pl.col("_LAST")
    return first.join(open_last, on="CHILD").filter(value.ne_missing(last))


def not_in_header(ctx: Context, table: str) -> pl.LazyFrame:
    """Rows of ``table`` whose child has no Header row."""
    return ctx[table].join(ctx["Header"], on="CHILD", how="anti")


def differs_from_header(ctx: Context, table: str, column: str) -> pl.LazyFrame:
    """Rows of ``table`` whose ``column`` differs from the child's Header row."""
    header = ctx["Header"].select("CHILD", pl.col(column).alias("_HEADER"))
    return ctx[table].join(header, on="CHILD").filter(pl.col(column).ne_missing(pl.col("_HEADER")))


def repeated_children(ctx: Context, table: str) -> pl.LazyFrame:
    """Every row of a child who appears more than once in a one-row-per-child table.

    OC2 and OC3 carry a collection YEAR in the canonical dataset; a child may appear once a year.
    """
    frame = ctx[table]
    keys = ["CHILD", "YEAR"] if "YEAR" in frame.collect_schema().names() else ["CHILD"]
    return frame.filter(pl.len().over(keys) > 1)


# Social worker episodes starting on or after this date also carry the reason for the change
# (SW01bSTG1); for earlier ones only the start date and worker ID are asked for (SW01aSTG1).
SW_COLLECTED_FROM = date(2023, 4, 1)


def sw_period_start(ctx: Context) -> date:
    """Start of the social worker reporting period: the year before the collection year."""
    return date(ctx.year - 2, 4, 1)


# Placements for a child under a deprivation of liberty order (2026-27 guidance as encoded by the
# sector's validator): expected ones, and ones that must never be used.
DOLO_EXPECTED_PLACEMENTS = ("K2", "Z12", "Z13")
DOLO_FORBIDDEN_PLACEMENTS = ("K1", "P1", "R5", "K3")


def dolo_placements(ctx: Context) -> pl.LazyFrame:
    """Each DoLO joined with the episodes it overlaps (open dates run to the year's end).

    An episode runs from its start up to the day it ended, which is the first day of the next
    episode: a DoLO starting on the day of a move overlaps the new placement, not the old one.
    Columns: the DoLo row (``ROW``) plus ``PLACE`` and ``ROW_EP`` of the episode.
    """
    eps = ctx["Episodes"].select(
        "CHILD",
        "DECOM",
        pl.col("DEC").alias("_DEC"),
        "PLACE",
        pl.col("ROW").alias("ROW_EP"),
    )
    dolo = ctx["DoLo"].filter(pl.col("DOLO_START").is_not_null())
    before_episode_ended = (
        pl.when(pl.col("_DEC").is_null())
        .then(pl.col("DOLO_START") <= ctx.end)
        .otherwise(pl.col("DOLO_START") < pl.col("_DEC"))
    )
    return dolo.join(eps, on="CHILD").filter(
        before_episode_ended & (pl.col("DOLO_END").fill_null(ctx.end) >= pl.col("DECOM"))
    )
