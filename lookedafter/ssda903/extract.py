"""Cut one collection year's SSDA903 return out of a canonical, multi-year dataset.

The year runs from 1 April to 31 March and is named by the year it ends (2026 = 2025-26). The
scope follows the DfE guide to the return:

- **Episodes**: every episode open at any point in the year (started on or before 31 March, and
  not ended or ended on or after 1 April), including those that began in earlier years. The
  return is as at 31 March, so an episode that ends after the year has its end date (DEC), reason
  ended (REC) and reason for placement change (recorded when a placement ends; validation rule
  233: not required when the episode has not ceased) blanked.
  Placement types are written with the year's codes (``codes.valid_for_year``): a placement
  recorded with a newer code in the canonical data (Z11-Z14 from 2025-26, K3 from 2024-25) is
  written with the code it replaced (Z1, H5) in earlier years (rule 146; its provider and URN
  are kept, as the carried-over episode must keep them: rules 503E and 503F).
- **Header**: one row for each child with such an episode, and for each care leaver in the
  year's OC3 cohort (the Header file covers that cohort too). MOTHER and MC_DOB are as at 31
  March: a first child born after the year is not yet reported (MOTHER 0, no MC_DOB; rule 625),
  and both are blank for care leavers not looked after during the year (rule 628).
- **Reviews**: reviews held during the year; **Missing**, **PlacedAdoption** and **DoLo** (from
  2026-27): periods that overlap the year, with an end after 31 March blanked (rules 571 and 117
  reject end dates after the year; for PlacedAdoption the reason ceased goes with the date).
- **SWEpisodes** (from 2025-26): only for children looked after on 31 March, every social worker
  episode that overlaps the year, including those before the child became looked after (DfE
  guide; rules SW01STG1, SW12STG2, SW17STG2), with an end after 31 March blanked (an episode
  keeps its reason, which says why it started).
- **OC2** and **OC3**: the rows whose ``YEAR`` is the collection year (``YEAR`` is kept in the
  dataset as the canonical column and left out of the files by ``io.write_return``).
- **AD1**: children adopted during the year, that is with an episode ending in the year with
  REC E11 or E12 (adoption granted, unopposed or consent dispensed with).
- **UASC** and **PrevPerm**: the rows for children looked after during the year (validation
  rule 1014: UASC information is not required for care leavers).

Apart from the Header and OC3 rows of care leavers, only children looked after during the year
appear in any table. ``previous`` is the year before, cut the same way, when the dataset has any
episode open in it.
"""

from __future__ import annotations

from datetime import date

import polars as pl

from lookedafter.schema.codes import valid_for_year
from lookedafter.schema.dataset import Dataset, Meta
from lookedafter.schema.tables import TABLES

#: Reasons an episode ended that mean the child was adopted.
ADOPTED = ("E11", "E12")
#: Placement types and the code each replaced, for a year before the newer code existed.
EARLIER_PLACE = {"Z11": "Z1", "Z12": "Z1", "Z13": "Z1", "Z14": "Z1", "K3": "H5"}


def year_bounds(year: int) -> tuple[date, date]:
    """1 April and 31 March of collection ``year`` (named by the year it ends)."""
    return date(year - 1, 4, 1), date(year, 3, 31)


def _overlapping(frame: pl.DataFrame, begin: str, finish: str, year: int) -> pl.DataFrame:
    """Rows whose [begin, finish] period overlaps the year (an open end counts as open)."""
    start, end = year_bounds(year)
    return frame.filter(
        (pl.col(begin) <= end) & (pl.col(finish).is_null() | (pl.col(finish) >= start))
    )


def _blank_after(
    frame: pl.DataFrame, finish: str, also: tuple[str, ...], year: int
) -> pl.DataFrame:
    """Blank ``finish`` (and ``also``) where it is after the year: the return is as at 31 March."""
    _, end = year_bounds(year)
    after = pl.col(finish) > end
    return frame.with_columns(
        pl.when(after).then(None).otherwise(pl.col(c)).alias(c) for c in (finish, *also)
    )


def year_label(year: int) -> str:
    """'2025-26' for collection year 2026."""
    return f"{year - 1}-{str(year)[2:]}"


def place_for_year(episodes: pl.DataFrame, year: int) -> pl.DataFrame:
    """PLACE written with the year's codes.

    A code not yet valid in the year becomes the one it replaced (``EARLIER_PLACE``, followed
    along a chain of renamings). The provider and URN stay as they are: the year's rules ask for
    neither on Z1 (rules 218, 526), both on H5 from the same provider, and an episode carried
    over into the year of the new code must keep them (rules 503E, 503F; 503D accepts the
    recoding).
    """
    valid = valid_for_year("PLACE", year_label(year))
    mapping: dict[str, str] = {}
    for code in EARLIER_PLACE:
        now = code
        while now not in valid and now in EARLIER_PLACE:
            now = EARLIER_PLACE[now]
        if now != code and now in valid:
            mapping[code] = now
    if not mapping or "PLACE" not in episodes.columns:
        return episodes
    return episodes.with_columns(pl.col("PLACE").replace(mapping).alias("PLACE"))


def episodes_for_year(canonical: Dataset, year: int) -> pl.DataFrame:
    """The year's Episodes table (as at 31 March), with the year's placement codes."""
    episodes = _overlapping(canonical["Episodes"], "DECOM", "DEC", year)
    episodes = _blank_after(episodes, "DEC", ("REC", "REASON_PLACE_CHANGE"), year)
    return place_for_year(episodes, year)


def header_for_year(header: pl.DataFrame, looked_after: pl.Series, year: int) -> pl.DataFrame:
    """MOTHER and MC_DOB as at 31 March; blank for children not looked after in the year."""
    _, end = year_bounds(year)
    in_care = pl.col("CHILD").is_in(looked_after.implode())
    later = pl.col("MC_DOB") > end
    return header.with_columns(
        pl.when(~in_care)
        .then(None)
        .when(later.fill_null(False))
        .then(pl.lit("0"))
        .otherwise(pl.col("MOTHER"))
        .alias("MOTHER"),
        pl.when(~in_care | later.fill_null(False))
        .then(None)
        .otherwise(pl.col("MC_DOB"))
        .alias("MC_DOB"),
    )


def for_year(canonical: Dataset, year: int, *, with_previous: bool = True) -> Dataset:
    """The collection-year return (903 tables only) cut out of ``canonical``; see the module."""
    start, end = year_bounds(year)
    episodes = episodes_for_year(canonical, year)
    oc2 = canonical["OC2"].filter(pl.col("YEAR") == year)
    oc3 = canonical["OC3"].filter(pl.col("YEAR") == year)
    looked_after = episodes.get_column("CHILD").unique()
    children = pl.concat([looked_after, oc3.get_column("CHILD")]).unique()

    def of_children(name: str) -> pl.DataFrame:
        """Rows for children looked after during the year."""
        return canonical[name].filter(pl.col("CHILD").is_in(looked_after.implode()))

    adopted = (
        episodes.filter(pl.col("REC").is_in(ADOPTED) & pl.col("DEC").is_between(start, end))
        .get_column("CHILD")
        .unique()
    )
    tables: dict[str, pl.DataFrame] = {
        "Header": header_for_year(
            canonical["Header"].filter(pl.col("CHILD").is_in(children.implode())),
            looked_after,
            year,
        ),
        "Episodes": episodes,
        "Reviews": of_children("Reviews").filter(pl.col("REVIEW").is_between(start, end)),
        "UASC": of_children("UASC"),
        "OC2": oc2,
        "OC3": oc3,
        "AD1": canonical["AD1"].filter(pl.col("CHILD").is_in(adopted.implode())),
        "PlacedAdoption": _blank_after(
            _overlapping(of_children("PlacedAdoption"), "DATE_PLACED", "DATE_PLACED_CEASED", year),
            "DATE_PLACED_CEASED",
            ("REASON_PLACED_CEASED",),
            year,
        ),
        "PrevPerm": of_children("PrevPerm"),
        "Missing": _blank_after(
            _overlapping(of_children("Missing"), "MIS_START", "MIS_END", year),
            "MIS_END",
            (),
            year,
        ),
    }
    if TABLES["SWEpisodes"].exists_in(year):
        at_end = episodes.filter(pl.col("DEC").is_null()).get_column("CHILD").unique()
        tables["SWEpisodes"] = _blank_after(
            _overlapping(
                canonical["SWEpisodes"].filter(pl.col("CHILD").is_in(at_end.implode())),
                "SW_DECOM",
                "SW_DEC",
                year,
            ),
            "SW_DEC",
            (),
            year,
        )
    if TABLES["DoLo"].exists_in(year):
        tables["DoLo"] = _blank_after(
            _overlapping(of_children("DoLo"), "DOLO_START", "DOLO_END", year),
            "DOLO_END",
            (),
            year,
        )
    meta = canonical.meta
    as_of = end if meta.as_of is None else min(meta.as_of, end)
    previous = None
    if with_previous and episodes_for_year(canonical, year - 1).height:
        previous = for_year(canonical, year - 1, with_previous=False)
    return Dataset(
        tables,
        Meta(meta.la_code, meta.la_name, as_of, year, meta.source),
        previous,
    )


def years_with_data(canonical: Dataset) -> list[int]:
    """Collection years in which ``canonical`` has at least one episode open, oldest first."""
    episodes = canonical["Episodes"]
    if not episodes.height:
        return []
    first = episodes.get_column("DECOM").min()
    last_dates = [
        d for d in (episodes.get_column("DECOM").max(), episodes.get_column("DEC").max()) if d
    ]
    if not isinstance(first, date) or not last_dates:
        return []
    latest = max(d for d in last_dates if isinstance(d, date))
    if canonical.meta.as_of is not None:
        latest = max(latest, canonical.meta.as_of)
    lo = first.year + (first.month >= 4)
    hi = latest.year + (latest.month >= 4)
    return [y for y in range(lo, hi + 1) if episodes_for_year(canonical, y).height]
