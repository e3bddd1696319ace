"""Disabled children on agreed series of short breaks (legal status V3 or V4).

They are looked after only during their breaks and are counted apart from the children in care
(the DfE leaves them out of its counts), so they come on top of ``SynthConfig.children``. An
authority records them one of two ways: each break as its own period of care (V3: a few nights
every month or so, 17 days at most each and 75 days at most a year, rules 365 and 367) or the
agreement as one episode (V4, open while it lasts). Their episodes carry no postcodes and no
URN (rules 214, 398, 420), no long-term foster or temporary placement (rules 382, 384), and
MOTHER is not collected for them (rule 399).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import polars as pl

from lookedafter.synth.base import (
    OPEN,
    as_date,
    birthday,
    day,
    first_in,
    ids,
    pick,
    repeat_index,
    streams,
    text,
)
from lookedafter.synth.config import SynthConfig

SHARE = 0.025  # children on short breaks for every child in care during the final year
INDIVIDUAL = 0.3  # share recorded break by break (V3) rather than by agreement (V4)
PLACES = (("K2", "U6"), (0.55, 0.45))
PROVIDERS = (("PR1", "PR4", "PR5"), (0.6, 0.3, 0.1))
ENDS = (("E8", "E4A"), (0.8, 0.2))


@dataclass
class ShortBreaks:
    ix: np.ndarray  # child numbers after the children in care (0-based)
    dob: np.ndarray
    male: np.ndarray
    episodes: pl.DataFrame  # IX, DECOM, DEC (day numbers, OPEN while open), LS, PLACE, ...


def build(cfg: SynthConfig, first_ix: int) -> ShortBreaks:
    """Short-break children numbered from ``first_ix``, with their episodes."""
    rng = streams(cfg.seed, "short breaks")
    as_of = day(cfg.as_of)
    window = day(cfg.window_start)
    k = round(cfg.children * SHARE)
    ix = np.arange(first_ix, first_ix + k)
    age_days = (rng.uniform(5.0, 17.5, k) * 365.25).astype(np.int64)
    dob = as_of - age_days
    male = rng.random(k) < 0.62
    b18 = birthday(dob, 18)
    begin = np.maximum(
        rng.integers(window - 730, as_of - 30, k), birthday(dob, 4) if k else dob
    ).astype(np.int64)
    finish = np.minimum(begin + rng.integers(365, 1460, k), b18 - 1)
    individual = rng.random(k) < INDIVIDUAL
    place = pick(rng, PLACES[0], PLACES[1], k)
    provider = pick(rng, PROVIDERS[0], PROVIDERS[1], k)
    # V4: the agreement, one episode
    agreed = np.flatnonzero(~individual & (begin < finish))
    v4 = pl.DataFrame(
        {
            "IX": ix[agreed],
            "DECOM": begin[agreed],
            "DEC": np.where(finish[agreed] > as_of, OPEN, finish[agreed]),
            "LS": pl.Series(["V4"] * len(agreed), dtype=pl.String),
            "PLACE": text(place[agreed]),
            "PLACE_PROVIDER": text(provider[agreed]),
        }
    )
    # V3: a break of 1-4 nights every 3-7 weeks through the arrangement
    series = np.flatnonzero(individual & (begin < finish))
    span = np.minimum(finish[series], as_of) - begin[series]
    count = np.maximum(span // 35, 1)
    row = repeat_index(count)
    m = len(row)
    gaps = rng.integers(21, 50, m)
    frame = pl.DataFrame({"R": row, "GAP": gaps}).with_columns(
        pl.when(first_in("R")).then(0).otherwise(pl.col("GAP")).cum_sum().over("R").alias("OFF")
    )
    starts = begin[series][row] + frame["OFF"].to_numpy()
    ends = starts + rng.integers(1, 5, m)
    keep = (ends <= np.minimum(finish[series][row], as_of)) & (starts <= as_of)
    rows = series[row][keep]
    v3 = pl.DataFrame(
        {
            "IX": ix[rows],
            "DECOM": starts[keep],
            "DEC": ends[keep],
            "LS": pl.Series(["V3"] * len(rows), dtype=pl.String),
            "PLACE": text(place[rows]),
            "PLACE_PROVIDER": text(provider[rows]),
        }
    )
    eps = pl.concat([v4, v3]).sort("IX", "DECOM")
    n = len(eps)
    eps = eps.with_columns(
        pl.lit("S").alias("RNE"),
        pl.lit("N2").alias("CIN"),
        pl.when(pl.col("DEC") >= OPEN)
        .then(None)
        .otherwise(text(pick(rng, ENDS[0], ENDS[1], n)))
        .alias("REC"),
    ).filter((pl.col("DEC") >= window - 365) & (pl.col("DECOM") <= as_of))
    return ShortBreaks(ix=ix, dob=dob, male=male, episodes=eps)


def episodes_table(sb: ShortBreaks, child: pl.Series, columns: list[str]) -> pl.DataFrame:
    """The short-break episodes as rows of the Episodes table (``child``: ids by IX offset)."""
    first = int(sb.ix[0]) if len(sb.ix) else 0
    eps = sb.episodes
    frame = eps.with_columns(
        child.gather(eps["IX"] - first).alias("CHILD"),
        as_date(eps["DECOM"].to_numpy(), "DECOM"),
        as_date(eps["DEC"].to_numpy(), "DEC"),
    )
    for name in columns:
        if name not in frame.columns:
            frame = frame.with_columns(pl.lit(None, dtype=pl.String).alias(name))
    return frame.select(columns)


def child_ids(sb: ShortBreaks, width: int) -> pl.Series:
    return ids("C", sb.ix + 1, width)
