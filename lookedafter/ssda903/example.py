"""A quick, vectorised 903 return of any size, for tests and the reading benchmark.

It has the shape of a real return (one Header row per child, about 2.3 contiguous episodes per
child, reviews, missing episodes, social worker episodes, outcomes, adoptions) with codes drawn
from the year's code lists, but none of the synthetic authority's realism (``lookedafter.synth``
is the place for that): it exists to exercise reading and writing at England's scale in seconds.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import polars as pl

from lookedafter.schema import codes
from lookedafter.schema.dataset import Dataset, Meta
from lookedafter.schema.tables import TABLES

_EPOCH = date(1970, 1, 1)


def _days(d: date) -> int:
    return (d - _EPOCH).days


def _dates(days: np.ndarray) -> pl.Series:
    return pl.Series(days.astype("int64")).cast(pl.Int32).cast(pl.Date)


def _where(mask: np.ndarray, values: np.ndarray | str) -> pl.Series:
    """``values`` (broadcast) where ``mask`` holds, else null, as a string Series."""
    full = np.broadcast_to(np.asarray(values, dtype=str), mask.shape)
    return pl.select(pl.when(pl.Series(mask)).then(pl.Series(full))).to_series()


def example_return(children: int, year: int, seed: int = 0) -> Dataset:
    """A return for collection ``year`` (ending 31 March) with ``children`` children."""
    rng = np.random.default_rng(seed)
    label = f"{year - 1}-{str(year)[2:]}"

    def pick(list_name: str, size: int) -> np.ndarray:
        options = sorted(codes.valid_for_year(list_name, label))
        return np.asarray(options)[rng.integers(0, len(options), size)]

    start, end = _days(date(year - 1, 4, 1)), _days(date(year, 3, 31))
    n = children
    child = np.asarray([f"{seed % 1000:03d}{i:07d}" for i in range(n)])
    dob = end - rng.integers(30, 18 * 365, n)
    header = pl.DataFrame(
        {
            "CHILD": child,
            "SEX": pick("SEX_from_2024_25", n),
            "DOB": _dates(dob),
            "ETHNIC": pick("ETHNIC", n),
            "UPN": np.asarray([f"A{rng.integers(10**11, 10**12)}" for _ in range(n)]),
            "MOTHER": _where(rng.random(n) < 0.02, "1"),
            "MC_DOB": pl.Series([None] * n, dtype=pl.Date),
        }
    )

    # Episodes: each child's first starts at most two years before the year (not before birth);
    # later ones start at sorted dates within the year; the last is open at 31 March for 70%.
    per_child = rng.choice([1, 2, 3, 4], n, p=[0.3, 0.3, 0.25, 0.15])
    first = np.maximum(dob, start - rng.integers(0, 730, n))
    owner = np.repeat(np.arange(n), per_child)
    m = len(owner)
    position = np.arange(m) - np.repeat(np.cumsum(per_child) - per_child, per_child)
    offsets = rng.integers(1, end - start, m)
    lower = np.maximum(first[owner] + 1, start)
    starts = np.where(position == 0, first[owner], lower + offsets % np.maximum(end - lower, 1))
    order = np.lexsort((starts, owner))
    starts = starts[order]
    is_last = np.append(owner[1:] != owner[:-1], True)
    next_start = np.append(starts[1:], 0)
    closes = rng.random(m) < 0.3
    dec = np.where(is_last, np.where(closes, np.minimum(starts + 200, end), -1), next_start)
    dec = np.where((dec != -1) & (dec < np.maximum(starts, start)), np.maximum(starts, start), dec)
    rec = np.where(is_last, pick("REC", m), "X1")
    episodes = pl.DataFrame(
        {
            "CHILD": child[owner],
            "DECOM": _dates(starts),
            "RNE": pick("RNE", m),
            "LS": pick("LS", m),
            "CIN": pick("CIN", m),
            "PLACE": pick("PLACE", m),
            "PLACE_PROVIDER": pick("PLACE_PROVIDER", m),
            "DEC": _dates(np.where(dec == -1, 0, dec)),
            "REC": _where(dec != -1, rec),
            "REASON_PLACE_CHANGE": _where(rng.random(m) < 0.3, pick("REASON_PLACE_CHANGE", m)),
            "HOME_POST": np.asarray([f"AB{i % 90 + 1} {i % 9}CD" for i in range(m)]),
            "PL_POST": np.asarray([f"CD{i % 70 + 1} {i % 9}EF" for i in range(m)]),
            "URN": _where(rng.random(m) < 0.4, "SC123456"),
        }
    ).with_columns(
        pl.when(pl.col("REC").is_null()).then(None).otherwise(pl.col("DEC")).alias("DEC")
    )

    def per_child_rows(mean: float, lo: int, hi: int) -> tuple[np.ndarray, pl.Series]:
        count = rng.poisson(mean, n)
        who = np.repeat(np.arange(n), count)
        return who, _dates(rng.integers(lo, hi, len(who)))

    who, when = per_child_rows(1.5, start, end)
    reviews = pl.DataFrame(
        {
            "CHILD": child[who],
            "DOB": _dates(dob[who]),
            "REVIEW": when,
            "REVIEW_CODE": pick("REVIEW_CODE", len(who)),
        }
    )
    who, when = per_child_rows(0.4, start, end - 10)
    missing = pl.DataFrame(
        {
            "CHILD": child[who],
            "DOB": _dates(dob[who]),
            "MISSING": pick("MISSING", len(who)),
            "MIS_START": when,
        }
    ).with_columns((pl.col("MIS_START") + pl.duration(days=2)).alias("MIS_END"))
    who, when = per_child_rows(1.4, start, end - 40)
    sw = pl.DataFrame(
        {
            "CHILD": child[who],
            "DOB": _dates(dob[who]),
            "SW_ID": np.asarray([f"SW{i % 4000:05d}" for i in who]),
            "SW_DECOM": when,
            "SW_DEC": pl.Series([None] * len(who), dtype=pl.Date),
            "SW_REASON": pl.Series([None] * len(who), dtype=pl.String),
        }
    )
    oc2_who = np.flatnonzero(rng.random(n) < 0.6)
    k = len(oc2_who)
    oc2 = pl.DataFrame(
        {
            "CHILD": child[oc2_who],
            "DOB": _dates(dob[oc2_who]),
            "SDQ_SCORE": rng.integers(0, 41, k).astype("int32"),
            "SDQ_REASON": pl.Series([None] * k, dtype=pl.String),
            **{
                name: pick("OC2_FLAG", k)
                for name in (
                    "CONVICTED",
                    "HEALTH_CHECK",
                    "IMMUNISATIONS",
                    "TEETH_CHECK",
                    "HEALTH_ASSESSMENT",
                    "SUBSTANCE_MISUSE",
                    "INTERVENTION_RECEIVED",
                    "INTERVENTION_OFFERED",
                )
            },
            "YEAR": np.full(k, year, dtype="int32"),
        }
    )
    uasc_who = np.flatnonzero(rng.random(n) < 0.08)
    uasc = header.select("CHILD", "SEX", "DOB").filter(pl.Series(np.isin(np.arange(n), uasc_who)))
    uasc = uasc.with_columns(pl.lit(None, dtype=pl.Date).alias("DUC"))
    tables = {
        "Header": header,
        "Episodes": episodes,
        "Reviews": reviews,
        "Missing": missing,
        "SWEpisodes": sw,
        "OC2": oc2,
        "UASC": uasc,
    }
    if not TABLES["SWEpisodes"].exists_in(year):
        del tables["SWEpisodes"]
    return Dataset(tables, Meta(collection_year=year, source="example"))
