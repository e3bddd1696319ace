"""Shared pieces for the DfE rules in the 2xx-4xx range: joins, episode neighbours, UASC status.

Rule files import from here so each rule stays a short Polars query. Nothing here mutates a
frame; every function takes and returns LazyFrames or expressions.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

import polars as pl

from lookedafter.schema import Dataset, Meta
from lookedafter.ssda903.structural import Issue
from lookedafter.validation.derive import age_at, birthday, shared, table_columns
from lookedafter.validation.registry import Context, load_rules, run

# Placement codes the DfE guide calls temporary placements (T0-T4). The PLACE list in
# lookedafter.schema.codes has no grouping, so the group is named here once.
TEMPORARY_PLACEMENTS = ("T0", "T1", "T2", "T3", "T4")
# Placed for adoption (with or without current foster carers; consent or placement order).
ADOPTION_PLACEMENTS = ("A3", "A4", "A5", "A6")
# Foster placements (relatives/friends U1-U3, other carers U4-U6).
FOSTER_PLACEMENTS = ("U1", "U2", "U3", "U4", "U5", "U6")
# "Other placements": Z1 until 2024-25, split into Z11-Z14 from 2025-26.
OTHER_PLACEMENTS = ("Z1", "Z11", "Z12", "Z13", "Z14")
# Legal statuses for an agreed series of short-term breaks (respite).
RESPITE_LEGAL_STATUSES = ("V3", "V4")
# Placement LA values the DfE uses for placements outside England (rule 218).
OUTSIDE_ENGLAND_LA = ("CON", "NIR", "SCO", "WAL", "NUK")
# The value the DfE asks for in URN when a placement has no Ofsted URN.
NO_URN = "XXXXXXX"


def age(dob: pl.Expr, when: pl.Expr) -> pl.Expr:
    """Whole years of age on a date."""
    return age_at(dob, when)


def years_after(when: pl.Expr, years: int) -> pl.Expr:
    """The same calendar date ``years`` later or earlier; a 29 February date of birth reaches
    the anniversary on 1 March, as in :func:`age` (the ``years``-th birthday)."""
    return birthday(when, years)


def child_dob(ctx: Context) -> pl.LazyFrame:
    """One row per child in Header: CHILD and DOB (``DOB_H`` to avoid clashes)."""
    return shared(
        ctx,
        "child_dob",
        lambda: (
            ctx["Header"]
            .select("CHILD", pl.col("DOB").alias("DOB_H"))
            .unique("CHILD", keep="first", maintain_order=True)
        ),
    )


def with_dob(frame: pl.LazyFrame, ctx: Context) -> pl.LazyFrame:
    """Add the child's Header date of birth as ``DOB_H``."""
    return frame.join(child_dob(ctx), on="CHILD", how="left", maintain_order="left")


def is_first_of_child() -> pl.Expr:
    """True on a child's first row (after :func:`neighbours` sorting)."""
    return pl.col("ROW").cum_count().over("CHILD") == 1


def uasc_status(uasc: pl.LazyFrame, start: date) -> pl.LazyFrame:
    """Per child in a UASC table: ``UASC_STATUS`` (UASC at any time in the year starting
    ``start``: listed with no date ceased, or a date ceased on or after ``start``) and ``DUC``.

    The CSV form of the return has no UASC flag in Header; the flag is read from the UASC file.
    """
    return (
        uasc.group_by("CHILD", maintain_order=True)
        .agg(pl.col("DUC").drop_nulls().first().alias("DUC"), pl.col("ROW").first())
        .with_columns(
            (pl.col("DUC").is_null() | (pl.col("DUC") >= pl.lit(start))).alias("UASC_STATUS")
        )
    )


def previous_start(ctx: Context) -> date:
    return date(ctx.year - 2, 4, 1)


def previous_end(ctx: Context) -> date:
    return date(ctx.year - 1, 3, 31)


# --- test support -----------------------------------------------------------------------------


def d(text: str) -> date:
    """A date from ``YYYY-MM-DD`` (keeps test tables short)."""
    return date.fromisoformat(text)


def flagged(
    code: str,
    tables: Mapping[str, pl.DataFrame],
    year: int = 2026,
    last: Mapping[str, pl.DataFrame] | None = None,
    la_code: str = "",
    issues: list[Issue] | None = None,
    extra: Mapping[str, pl.DataFrame] | None = None,
    la_districts: tuple[str, ...] = (),
) -> dict[str, list[int]]:
    """Run one rule (by code, for a year) on hand-made tables; return table -> failing rows."""
    chosen = [r for r in load_rules(year) if r.code == code]
    assert chosen, f"rule {code} does not apply in {year}"
    previous = Dataset(dict(last), Meta(la_code=la_code)) if last is not None else None
    ds = Dataset(dict(tables), Meta(la_code=la_code, collection_year=year), previous)
    result = run(ds, year, issues, rules=chosen, extra=extra, la_districts=la_districts)
    assert not result.failed, result.failed
    assert not result.skipped, result.skipped
    out: dict[str, list[int]] = {}
    for row in result.errors.sort("table", "ROW").iter_rows(named=True):
        out.setdefault(row["table"], []).append(row["ROW"])
    return out


def uasc_both_years(ctx: Context) -> pl.LazyFrame:
    """Per child in this year's Header: UASC status and date ceased this year and last year.

    Columns: CHILD, ROW_H (Header row), ROW_U (UASC row or null), DUC, NOW (bool), DUC_last,
    LAST (bool), IN_LAST (child is in last year's Header, when it was loaded).
    """
    now = uasc_status(ctx["UASC"], ctx.start).rename({"ROW": "ROW_U", "UASC_STATUS": "NOW"})
    last = uasc_status(ctx["UASC_last"], previous_start(ctx)).select(
        "CHILD", pl.col("DUC").alias("DUC_last"), pl.col("UASC_STATUS").alias("LAST")
    )
    header = ctx["Header"].select("CHILD", pl.col("ROW").alias("ROW_H")).unique("CHILD")
    out = (
        header.join(now, on="CHILD", how="left")
        .join(last, on="CHILD", how="left")
        .with_columns(pl.col("NOW").fill_null(False), pl.col("LAST").fill_null(False))
    )
    if ctx.has("Header_last"):
        seen = (
            ctx["Header_last"].select("CHILD").unique().with_columns(pl.lit(True).alias("IN_LAST"))
        )
        out = out.join(seen, on="CHILD", how="left")
    else:
        out = out.with_columns(pl.lit(None, pl.Boolean).alias("IN_LAST"))
    return out.with_columns(pl.col("IN_LAST").fill_null(False))


def uasc_and_header_rows(frame: pl.LazyFrame) -> dict[str, pl.LazyFrame]:
    """Split a :func:`uasc_both_years` selection into failing UASC and Header rows."""
    return {
        "UASC": frame.filter(pl.col("ROW_U").is_not_null()).select(
            "CHILD", pl.col("ROW_U").alias("ROW")
        ),
        "Header": frame.select("CHILD", pl.col("ROW_H").alias("ROW")),
    }


def this_year(frame: pl.LazyFrame, ctx: Context) -> pl.LazyFrame:
    """OC2/OC3 rows for the collection year (canonical data carries YEAR; a return may not)."""
    return frame.filter(pl.col("YEAR").is_null() | (pl.col("YEAR") == ctx.year))


def days_between(start: pl.Expr, end: pl.Expr) -> pl.Expr:
    """Whole days from one date to another (negative when ``end`` is earlier)."""
    return (end - start).dt.total_days()


def open_until(ctx: Context) -> pl.Expr:
    """An episode's end date, or the last day of the collection year while it is still open."""
    return pl.coalesce(pl.col("DEC"), pl.lit(ctx.end))


def spells(eps: pl.LazyFrame, keep: pl.Expr, ctx: Context) -> pl.LazyFrame:
    """Episodes matching ``keep`` with ``SPELL_DAYS``: the length of the unbroken run of such
    episodes (each starting the day the previous one ended) that the episode belongs to.

    Open episodes count to the end of the collection year.
    """
    chosen = eps.filter(keep & pl.col("DECOM").is_not_null()).sort("CHILD", "DECOM", "ROW")
    prev_end = pl.col("DEC").shift(1).over("CHILD")
    new_spell = prev_end.is_null() | (pl.col("DECOM") != prev_end)
    return (
        chosen.with_columns(new_spell.cast(pl.Int32).cum_sum().over("CHILD").alias("_SPELL"))
        .with_columns(
            days_between(
                pl.col("DECOM").min().over("CHILD", "_SPELL"),
                open_until(ctx).max().over("CHILD", "_SPELL"),
            ).alias("SPELL_DAYS")
        )
        .drop("_SPELL")
    )


def uasc_children(ctx: Context) -> pl.LazyFrame:
    """Children who are or were UASC: listed in this year's or last year's UASC file."""
    frames = [ctx[name].select("CHILD") for name in ("UASC", "UASC_last") if ctx.has(name)]
    if not frames:
        return pl.LazyFrame(schema={"CHILD": pl.String})
    return pl.concat(frames).unique()


def not_respite() -> pl.Expr:
    """Episode is not a short break (legal status other than V3/V4, or missing)."""
    return ~pl.col("LS").is_in(RESPITE_LEGAL_STATUSES).fill_null(False)


def postcode_key(col: str) -> pl.Expr:
    """A postcode column compared without spaces or case ('m1 1ae' == 'M11AE')."""
    return pl.col(col).str.replace_all(r"\s", "").str.to_uppercase()


def with_previous_placement(ctx: Context) -> pl.LazyFrame:
    """Episodes with the previous episode's LS, ROW and placement fields (``<col>_prev``)."""
    return ctx.sequence()


def placement_changed() -> pl.Expr:
    """The placement (type, postcode, URN or provider) differs from the previous episode's."""
    changed = [
        pl.col(c).ne_missing(pl.col(f"{c}_prev")) for c in ("PLACE", "URN", "PLACE_PROVIDER")
    ]
    changed.append(postcode_key("PL_POST").ne_missing(postcode_key("PL_POST_prev")))
    return pl.any_horizontal(changed)


def carried_over(ctx: Context) -> pl.LazyFrame:
    """This year's first episode of each child joined to last year's last episode when that
    episode was still open at the end of last year (``<col>_last`` columns for it).

    Built once per run and shared by the rules that compare the two.
    """
    return shared(ctx, "carried_over", lambda: _carried_over(ctx))


def _carried_over(ctx: Context) -> pl.LazyFrame:
    # each child's last dated episode last year and first dated episode this year (SEQ is null
    # on undated rows; ROW_next is null on a child's last dated row)
    last = (
        ctx.sequence("Episodes_last")
        .filter(pl.col("SEQ").is_not_null() & pl.col("ROW_next").is_null())
        .select(table_columns(ctx, "Episodes_last"))
        .filter(pl.col("DEC").is_null() | (pl.col("DEC") >= pl.lit(ctx.start)))
    )
    last = last.rename({c: f"{c}_last" for c in last.collect_schema().names() if c != "CHILD"})
    first = ctx.sequence().filter(pl.col("SEQ") == 0).select(table_columns(ctx, "Episodes"))
    return first.join(last, on="CHILD", how="inner")


def with_provider(eps: pl.LazyFrame, ctx: Context) -> pl.LazyFrame:
    """Episodes with an Ofsted URN (not XXXXXXX) joined to Ofsted's provider list by URN
    (``P_`` columns; only episodes whose URN is in the list are kept)."""
    providers = (
        ctx["Providers"]
        .select(
            pl.col("URN").str.strip_chars().str.to_uppercase().alias("_URN"),
            *(
                pl.col(c).alias(f"P_{c}")
                for c in ("PLACE_CODES", "PROVIDER_CODES", "REG_START", "REG_END", "POSTCODE", "LA")
            ),
        )
        .unique("_URN", keep="first")
    )
    urn = pl.col("URN").str.strip_chars().str.to_uppercase()
    return (
        eps.filter(urn.is_not_null() & (urn != NO_URN))
        .with_columns(urn.alias("_URN"))
        .join(providers, on="_URN", how="inner")
    )


def providers_frame(rows: list[dict[str, object]]) -> pl.DataFrame:
    """A Providers frame for tests (missing columns are null)."""
    from lookedafter.validation.providers import SCHEMA

    return pl.DataFrame(rows, schema=SCHEMA)
