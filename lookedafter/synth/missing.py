"""Missing and away-from-placement episodes, and the return interviews that follow them.

Missing is concentrated in teenagers: some children aged 11+ go missing at all, and those who do
go missing repeatedly. Each return gets an interview offer (or not), within 72 hours (or not),
accepted or declined, with findings used in the plan (or not), at the preset's rates.
"""

from __future__ import annotations

import numpy as np
import polars as pl

from lookedafter.synth.base import OPEN, birthday, clock, day, next_in, streams
from lookedafter.synth.config import SynthConfig
from lookedafter.synth.people import Children


def _within_placements(frame: pl.DataFrame, starts: pl.DataFrame) -> pl.DataFrame:
    """A child is back (or found) before the episode they went missing from ends, and does not
    go missing on the day of a move (rule 575: an ended placement's missing episode has an end).
    ``starts``: IX and DECOM (day numbers) of every episode."""
    bounds = (
        starts.select(pl.col("IX").cast(pl.Int64), pl.col("DECOM").cast(pl.Int64).alias("B"))
        .unique()
        .sort("B")
    )
    frame = frame.sort("S").join(bounds, left_on=["IX", "S"], right_on=["IX", "B"], how="anti")
    nxt = frame.join_asof(
        bounds,
        left_on="S",
        right_on="B",
        by="IX",
        strategy="forward",
        allow_exact_matches=False,
        check_sortedness=False,
    )
    return (
        nxt.with_columns(
            pl.when(pl.col("B").is_not_null())
            .then(pl.min_horizontal("E", pl.col("B") - 1))
            .otherwise(pl.col("E"))
            .alias("E")
        )
        .drop("B")
        .sort("IX", "S")
    )


def build(
    cfg: SynthConfig, ch: Children, key: pl.DataFrame, starts: pl.DataFrame | None = None
) -> dict[str, pl.DataFrame]:
    rng = streams(cfg.seed, "missing")
    pop, r = cfg.population, cfg.rates
    as_of = day(cfg.as_of)
    lead = day(cfg.window_start) - 365
    # a child is back (or found) before their period of care ends
    ended = np.where(ch.end == OPEN, OPEN, ch.end - 1)
    stop = np.where(ch.end == OPEN, as_of + 1, np.minimum(ch.end - 1, as_of + 1))
    lo = np.maximum.reduce([ch.start, birthday(ch.dob, 11), np.full(len(ch), lead)])
    span = np.maximum(stop - lo, 0)
    prone = rng.random(len(ch)) < pop.missing_prone * np.where(ch.uasc, 0.6, 1.0)
    rate = np.where(prone, rng.gamma(0.8, pop.missing_rate / 0.8, len(ch)), 0.0)
    count = rng.poisson(rate * span / 365.25)
    ix = np.repeat(np.arange(len(ch)), count)
    start = lo[ix] + (rng.random(len(ix)) * span[ix]).astype(np.int64)
    length = np.where(
        rng.random(len(ix)) < 0.7, rng.integers(0, 2, len(ix)), rng.integers(2, 10, len(ix))
    )
    frame = (
        pl.DataFrame({"IX": ix, "S": start, "L": length})
        .sort("IX", "S")
        .unique(["IX", "S"], keep="first", maintain_order=True)
        .with_columns(
            pl.min_horizontal(pl.col("S") + pl.col("L"), next_in(pl.col("S")) - 1).alias("E")
        )
        .with_columns(pl.max_horizontal("E", "S").alias("E"))
    )
    frame = frame.with_columns(
        pl.min_horizontal("E", pl.Series(ended).gather(frame["IX"])).alias("E")
    ).filter(pl.col("E") >= pl.col("S"))
    if starts is not None:
        frame = _within_placements(
            frame.select("IX", "S", "E").cast({"IX": pl.Int64, "S": pl.Int64, "E": pl.Int64}),
            starts,
        )
    # some who leave care "for any other reason" (E8) on their 18th birthday are missing then:
    # the missing period closes the day care ends (rule 580 asks for E8 exactly then)
    at_18 = (ch.rec == "E8") & (ch.end == birthday(ch.dob, 18)) & (ch.end <= as_of)
    at_18 &= ch.end - 10 >= lead
    away = np.flatnonzero(at_18 & prone & (rng.random(len(ch)) < 0.4))
    gone = ch.end[away] - rng.integers(1, 8, len(away))
    last = pl.DataFrame(
        {"IX": away, "S": np.maximum(gone, ch.start[away]), "E": ch.end[away]},
        schema={"IX": pl.Int64, "S": pl.Int64, "E": pl.Int64},
    )
    frame = frame.select("IX", "S", "E").cast({"IX": pl.Int64, "S": pl.Int64, "E": pl.Int64})
    frame = pl.concat(
        [
            frame.join(last.select("IX", pl.col("S").alias("CUT")), on="IX", how="left")
            .filter(pl.col("CUT").is_null() | (pl.col("E") < pl.col("CUT")))
            .drop("CUT"),
            last,
        ]
    ).sort("IX", "S")
    n = len(frame)
    ends = frame["E"].to_numpy()
    ends = np.where(ends > as_of, OPEN, ends)
    kind = np.where(rng.random(n) < 0.12, "A", "M")
    missing = frame.select("IX", "S").with_columns(
        pl.Series("E", ends), pl.Series("MISSING", kind, dtype=pl.String)
    )
    # return interviews
    back = ends != OPEN
    returned_min = rng.integers(0, 1440, n)
    not_offered = rng.random(n) < r.rhi_not_offered
    late = rng.random(n) < r.rhi_offered_late
    offer_h = np.where(late, rng.uniform(73, 240, n), rng.uniform(2, 70, n))
    offered_min = returned_min + (offer_h * 60).astype(np.int64)
    accepted = rng.random(n) >= r.rhi_declined
    done_min = offered_min + (rng.uniform(0, 30, n) * 60).astype(np.int64)
    used = rng.random(n) >= r.rhi_not_used
    used_day = ends + (done_min // 1440) + rng.integers(1, 21, n)
    base = np.where(back, ends, 0)
    ri = pl.DataFrame(
        {
            "IX": frame["IX"],
            "S": frame["S"],
            "RETURNED_AT": clock(base, returned_min),
            "OFFERED_AT": clock(base, offered_min),
            "DONE_AT": clock(base, done_min),
            "USED": used_day,
            "_back": back,
            "_offered": ~not_offered,
            "_accepted": accepted,
            "_used": used,
        }
    ).filter(pl.col("_back"))
    limit = pl.lit(as_of * 1440 * 60_000_000).cast(pl.Datetime("us"))
    ri = ri.with_columns(
        pl.when(pl.col("_offered") & (pl.col("OFFERED_AT") <= limit))
        .then(pl.col("OFFERED_AT"))
        .alias("OFFERED_AT"),
        pl.when(pl.col("_offered") & pl.col("_accepted") & (pl.col("DONE_AT") <= limit))
        .then(pl.col("DONE_AT"))
        .alias("DONE_AT"),
        pl.when(pl.col("_offered")).then(pl.col("_accepted")).alias("ACCEPTED"),
    ).with_columns(
        pl.when(pl.col("DONE_AT").is_not_null() & pl.col("_used") & (pl.col("USED") <= as_of))
        .then(pl.col("USED"))
        .cast(pl.Int32)
        .cast(pl.Date)
        .alias("USED_IN_PLAN_ON"),
    )
    to_date = {"S": "MIS_START", "E": "MIS_END"}
    miss = missing.with_columns(
        pl.when(pl.col(a) >= int(OPEN))
        .then(None)
        .otherwise(pl.col(a))
        .cast(pl.Int32)
        .cast(pl.Date)
        .alias(b)
        for a, b in to_date.items()
    ).join(key, on="IX", how="left", maintain_order="left")
    ri = ri.with_columns(pl.col("S").cast(pl.Int32).cast(pl.Date).alias("MIS_START")).join(
        key, on="IX", how="left", maintain_order="left"
    )
    return {
        "Missing": miss.select("CHILD", "DOB", "MISSING", "MIS_START", "MIS_END"),
        "ReturnInterviews": ri.select(
            "CHILD",
            "MIS_START",
            "RETURNED_AT",
            "OFFERED_AT",
            "DONE_AT",
            "ACCEPTED",
            "USED_IN_PLAN_ON",
        ),
        "_missing": missing,
    }
