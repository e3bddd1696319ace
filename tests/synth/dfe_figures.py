"""National headline figures computed from a dataset the way the DfE publishes them.

Used by the calibration test (and handy when tuning the generator): each function takes the
canonical dataset and returns a share, worked out from the generated rows, never from settings.
"""

from __future__ import annotations

from datetime import date

import polars as pl

from lookedafter.lib import postcodes
from lookedafter.schema.dataset import Dataset

PROFESSIONAL = ("SW", "TM", "SM", "IRO")  # registered child and family social workers
TEMPORARY = ("T0", "T1", "T2", "T3", "T4")  # temporary moves: not placements in DfE figures
SHORT_BREAKS = ("V3", "V4")  # children on agreed series of short breaks: not counted as CLA


def placement_episodes(ds: Dataset) -> pl.DataFrame:
    """Episodes without temporary moves, the return from one not counted as a new placement
    (RNE T): the DfE ignores both, so the usual placement continues across the move."""
    eps = ds["Episodes"].sort("CHILD", "DECOM")
    temporary = pl.col("PLACE").is_in(TEMPORARY)
    after = temporary.shift(1).over("CHILD").fill_null(False)
    return eps.with_columns(
        pl.when(after).then(pl.lit("T")).otherwise(pl.col("RNE")).alias("RNE")
    ).filter(~temporary)


def _mean(flags: pl.Series) -> float:
    value = flags.cast(pl.Float64).mean()
    return float(value) if isinstance(value, int | float) else 0.0


def _sum(values: pl.Series) -> float:
    return float(values.cast(pl.Float64).sum())


def cla(ds: Dataset, on: date) -> pl.DataFrame:
    """Children looked after on a day (31 March): an episode open at the end of that day (not
    on short breaks, which the DfE counts apart)."""
    eps = ds["Episodes"]
    open_ = (pl.col("DECOM") <= on) & (pl.col("DEC").is_null() | (pl.col("DEC") > on))
    return eps.filter(open_ & ~pl.col("LS").is_in(SHORT_BREAKS)).select("CHILD").unique()


def male_share(ds: Dataset, on: date) -> float:
    kids = cla(ds, on).join(ds["Header"], on="CHILD")
    return _mean(kids["SEX"] == "M")


def ethnic_shares(ds: Dataset, on: date) -> dict[str, float]:
    kids = cla(ds, on).join(ds["Header"], on="CHILD")
    group = (
        pl.when(pl.col("ETHNIC").str.starts_with("W"))
        .then(pl.lit("White"))
        .when(pl.col("ETHNIC").str.starts_with("M"))
        .then(pl.lit("Mixed"))
        .when(pl.col("ETHNIC").str.starts_with("B"))
        .then(pl.lit("Black"))
        .when(pl.col("ETHNIC").str.starts_with("A"))
        .then(pl.lit("Asian"))
        .when(pl.col("ETHNIC").is_in(["REFU", "NOBT"]))
        .then(pl.lit("Unknown"))
        .otherwise(pl.lit("Other"))
    )
    counts = kids.select(group.alias("G"))["G"].value_counts()
    total = counts["count"].sum()
    return {g: c / total for g, c in counts.iter_rows()}


def uasc_share(ds: Dataset, on: date) -> float:
    kids = cla(ds, on)
    uasc = ds["UASC"].filter(pl.col("DUC").is_null() | (pl.col("DUC") > on)).select("CHILD")
    return kids.join(uasc, on="CHILD").height / kids.height


def three_social_workers(ds: Dataset, year_start: date, on: date) -> float:
    kids = cla(ds, on)
    swe = ds["SWEpisodes"].filter(
        (pl.col("SW_DECOM") <= on) & (pl.col("SW_DEC").is_null() | (pl.col("SW_DEC") >= year_start))
    )
    per = swe.group_by("CHILD").agg(pl.col("SW_ID").n_unique().alias("N"))
    joined = kids.join(per, on="CHILD", how="left").with_columns(pl.col("N").fill_null(0))
    return _mean(joined["N"] >= 3)


def new_placements_far(ds: Dataset, year_start: date, on: date) -> float:
    eps = placement_episodes(ds).filter(
        pl.col("RNE").is_in(["S", "P", "B"]) & pl.col("DECOM").is_between(year_start, on)
    )
    dist = postcodes.with_distance(eps)
    far = (dist["PL_DISTANCE"] > 20) & (dist["PL_DISTANCE"] < postcodes.UNKNOWN_DISTANCE)
    return _mean(far)


def _placements(ds: Dataset) -> pl.DataFrame:
    """One row per placement (a new carer: RNE S, P or B), with the day it began."""
    return (
        placement_episodes(ds)
        .with_columns(pl.col("RNE").is_in(["S", "P", "B"]).cum_sum().over("CHILD").alias("PNO"))
        .group_by("CHILD", "PNO")
        .agg(
            pl.col("DECOM").min().alias("P_START"),
            pl.col("DEC").last().alias("P_END"),
            pl.col("PLACE").last().alias("P_PLACE"),
        )
    )


def _period_start(ds: Dataset, on: date) -> pl.DataFrame:
    """Start of the period of care each child looked after on ``on`` is in."""
    eps = ds["Episodes"].filter(pl.col("DECOM") <= on).sort("CHILD", "DECOM")
    return (
        eps.with_columns((pl.col("RNE") == "S").cum_sum().over("CHILD").alias("PER"))
        .filter(pl.col("PER") == pl.col("PER").max().over("CHILD"))
        .group_by("CHILD")
        .agg(pl.col("DECOM").min().alias("PERIOD_START"))
    )


def long_term_stability(ds: Dataset, on: date) -> float:
    """Under 16, looked after 2.5 years or more, same placement for 2 years (adoption joined)."""
    kids = cla(ds, on).join(ds["Header"].select("CHILD", "DOB"), on="CHILD")
    kids = kids.join(_period_start(ds, on), on="CHILD").filter(
        (pl.col("DOB").dt.offset_by("16y") > pl.lit(on))
        & (pl.col("PERIOD_START") <= _scalar(pl.lit(on).dt.offset_by("-30mo")))
    )
    places = _placements(ds).filter(pl.col("P_START") <= on).sort("CHILD", "P_START")
    # a placement for adoption counts together with the placement before it
    places = places.with_columns(
        pl.when(pl.col("P_PLACE").is_in(["A3", "A4", "A5", "A6"]))
        .then(pl.col("P_START").shift(1).over("CHILD").fill_null(pl.col("P_START")))
        .otherwise(pl.col("P_START"))
        .alias("SINCE")
    )
    current = places.group_by("CHILD").agg(pl.col("SINCE").last())
    got = kids.join(current, on="CHILD")
    two_years = _scalar(pl.lit(on).dt.offset_by("-2y"))
    return _mean(got["SINCE"] <= two_years)


def _scalar(expr: pl.Expr) -> date:
    value: date = pl.select(expr).item()
    return value


def three_placements_two_years(ds: Dataset, on: date) -> float:
    """Of children looked after 2 years or more on 31 March, 3+ placements in those 2 years."""
    since = _scalar(pl.lit(on).dt.offset_by("-2y"))
    kids = (
        cla(ds, on).join(_period_start(ds, on), on="CHILD").filter(pl.col("PERIOD_START") <= since)
    )
    places = _placements(ds).filter(
        (pl.col("P_START") <= on) & (pl.col("P_END").is_null() | (pl.col("P_END") > since))
    )
    per = places.group_by("CHILD").agg(pl.len().alias("N"))
    got = kids.join(per, on="CHILD", how="left").with_columns(pl.col("N").fill_null(0))
    return _mean(got["N"] >= 3)


def adopted_share(ds: Dataset, year_start: date, on: date) -> float:
    adopted = ds["Episodes"].filter(
        pl.col("REC").is_in(["E11", "E12"]) & pl.col("DEC").is_between(year_start, on)
    )
    return adopted["CHILD"].n_unique() / cla(ds, on).height


def _in_post(ds: Dataset, on: date) -> pl.DataFrame:
    w = ds["Workers"].filter(pl.col("ROLE").is_in(PROFESSIONAL))
    return w.filter(
        (pl.col("START_DATE") <= on)
        & (pl.col("LEAVE_DATE").is_null() | (pl.col("LEAVE_DATE") > on))
    )


def workforce_rates(ds: Dataset, census: date) -> dict[str, float]:
    """DfE workforce census definitions at 30 September: turnover, agency and vacancy rates."""
    staff = _in_post(ds, census)
    permanent = _sum(staff.filter(~pl.col("AGENCY"))["FTE"])
    agency = _sum(staff.filter(pl.col("AGENCY"))["FTE"])
    year_before = _scalar(pl.lit(census).dt.offset_by("-1y"))
    leavers = (
        ds["Workers"]
        .filter(
            pl.col("ROLE").is_in(PROFESSIONAL)
            & ~pl.col("AGENCY")
            & (pl.col("LEAVE_DATE") > year_before)
            & (pl.col("LEAVE_DATE") <= census)
        )["FTE"]
        .cast(pl.Float64)
        .sum()
    )
    vacant = (
        ds["Vacancies"]
        .filter(
            pl.col("ROLE").is_in(PROFESSIONAL)
            & (pl.col("OPEN_DATE") <= census)
            & (pl.col("FILLED_DATE").is_null() | (pl.col("FILLED_DATE") > census))
        )["FTE"]
        .cast(pl.Float64)
        .sum()
    )
    return {
        "turnover": float(leavers) / permanent,
        "agency": agency / (agency + permanent),
        "vacancy": float(vacant) / (float(vacant) + permanent),
    }
