"""Statutory routines on their schedules: reviews, visits, health assessments, PEPs.

Each routine runs in steps (the k-th review of every child at once): the next one falls due by
the statutory interval from the last, and happens a little before its due date or, at the
preset's rate, late. Working days and months come from the calendar module.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import polars as pl

from lookedafter.lib.calendar import DEFAULT
from lookedafter.synth.base import (
    NULL,
    OPEN,
    add_months,
    add_working_days,
    age_years,
    day,
    pick,
    streams,
    text,
)
from lookedafter.synth.config import SynthConfig
from lookedafter.synth.episodes import Timeline
from lookedafter.synth.people import Children
from lookedafter.synth.workforce import Workforce

PARTICIPATION = (
    ("PN1", "PN2", "PN3", "PN4", "PN5", "PN6", "PN7"),
    (0.42, 0.09, 0.03, 0.02, 0.14, 0.23, 0.07),
)
NOT_ALONE = (
    "Child declined to be seen alone",
    "Carer present at the child's request",
    "Interpreter present",
    "Not possible on this visit",
)
LEAD_IN = 400  # days of practice history kept before the first collection year


def _recur(
    rng: np.random.Generator,
    ix: np.ndarray,
    due: np.ndarray,
    stop: np.ndarray,
    late_p: float,
    next_due: Callable[[np.ndarray, np.ndarray, int], np.ndarray],
    early: int = 10,
    late_by: int = 45,
    floor: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Occurrences of a routine: (child row, day, occurrence number), each due from the last."""
    out_ix, out_day, out_k = [], [], []
    due = np.array(due, dtype=np.int64)
    floor = np.array(floor if floor is not None else due - early, dtype=np.int64)
    k = 0
    alive = np.arange(len(ix))
    while len(alive):
        d = due[alive]
        late = rng.random(len(alive)) < late_p
        done = np.where(
            late,
            d + rng.integers(1, late_by + 1, len(alive)),
            d - rng.integers(0, early + 1, len(alive)),
        )
        done = np.maximum(done, floor[alive])
        ok = done < stop[alive]
        alive = alive[ok]
        done = done[ok]
        out_ix.append(ix[alive])
        out_day.append(done)
        out_k.append(np.full(len(alive), k))
        if len(alive) == 0:
            break
        due[alive] = next_due(alive, done, k)
        floor[alive] = done + 1
        k += 1
    return np.concatenate(out_ix), np.concatenate(out_day), np.concatenate(out_k)


def _stop(ch: Children, cfg: SynthConfig) -> np.ndarray:
    return np.where(ch.end == OPEN, day(cfg.as_of) + 1, np.minimum(ch.end, day(cfg.as_of) + 1))


def _recorded(rng: np.random.Generator, when: np.ndarray, median: float, as_of: int) -> np.ndarray:
    delay = np.round(rng.lognormal(np.log(max(median, 0.5)), 0.9, len(when))).astype(np.int64)
    rec = when + delay
    return np.where(rec > as_of, OPEN, rec)


def reviews(cfg: SynthConfig, ch: Children, rng: np.random.Generator) -> pl.DataFrame:
    stop = _stop(ch, cfg)
    ix = np.arange(len(ch))
    due = add_working_days(ch.start, 20)

    def nxt(rows: np.ndarray, done: np.ndarray, k: int) -> np.ndarray:
        return add_months(done, 3 if k == 0 else 6)

    rix, when, k = _recur(rng, ix, due, stop, cfg.rates.review_late, nxt, floor=ch.start + 1)
    young = age_years(ch.dob[rix], when) < 4
    code = np.where(young, "PN0", pick(rng, PARTICIPATION[0], PARTICIPATION[1], len(rix)))
    return pl.DataFrame({"IX": rix, "DAY": when, "K": k, "REVIEW_CODE": text(code)})


def _carer_runs(tl: Timeline, cfg: SynthConfig) -> pl.DataFrame:
    return (
        tl.segments.group_by("CARER", maintain_order=True)
        .agg(
            pl.col("IX").first(),
            pl.col("SEG_START").min().alias("RUN_START"),
            pl.col("SEG_END").max().alias("RUN_END"),
            pl.col("PLACE").first().alias("FIRST_PLACE"),
            pl.col("PLACE").is_in(["U1", "U4", "A5", "A6"]).any().alias("LONG_TERM"),
        )
        .filter(pl.col("RUN_END") > day(cfg.window_start) - LEAD_IN)
    )


def visits(cfg: SynthConfig, ch: Children, tl: Timeline, rng: np.random.Generator) -> pl.DataFrame:
    runs = _carer_runs(tl, cfg)
    as_of = day(cfg.as_of)
    ix = runs["IX"].to_numpy()
    start = runs["RUN_START"].to_numpy()
    stop = np.minimum(runs["RUN_END"].to_numpy(), as_of + 1)
    long_term = runs["LONG_TERM"].to_numpy()
    kinship = runs["FIRST_PLACE"].to_numpy() == "U3"
    lead = day(cfg.window_start) - LEAD_IN
    old = start < lead
    # placements that began long before the history: pick up the clock at the lead-in
    due = np.where(old, lead + rng.integers(0, 42, len(ix)), start + 7)
    anniversary = start + 365

    def nxt(rows: np.ndarray, done: np.ndarray, k: int) -> np.ndarray:
        interval = np.where(long_term[rows] & (done >= anniversary[rows]), 91, 42)
        interval = np.where(kinship[rows] & ~old[rows], np.where(k < 3, 7, 28), interval)
        return done + interval

    r, when, _ = _recur(
        rng,
        np.arange(len(ix)),
        due,
        stop,
        cfg.rates.visit_late,
        nxt,
        early=6,
        late_by=30,
        floor=start,
    )
    child = ix[r]
    n = len(child)
    age = age_years(ch.dob[child], when)
    seen = rng.random(n) < 0.97
    alone = seen & (age >= 4) & (rng.random(n) >= cfg.rates.not_seen_alone)
    reason = np.where(
        seen & ~alone,
        np.where(age < 4, "Child too young", pick(rng, NOT_ALONE, (0.45, 0.3, 0.1, 0.15), n)),
        NULL,
    )
    return pl.DataFrame(
        {
            "IX": child,
            "DAY": when,
            "SEEN": seen,
            "SEEN_ALONE": alone,
            "NOT_ALONE_REASON": text(reason),
            "REC_DAY": _recorded(rng, when, cfg.rates.recording_delay, as_of),
        }
    ).filter(pl.col("DAY") >= lead)


def health(cfg: SynthConfig, ch: Children, rng: np.random.Generator) -> pl.DataFrame:
    as_of = day(cfg.as_of)
    stop = _stop(ch, cfg)
    lead = day(cfg.window_start) - LEAD_IN
    live = np.flatnonzero(stop > lead)
    ix = live
    start = ch.start[ix]
    r = cfg.rates
    frames = []
    # initial health assessment: by the first review (20 working days)
    fresh = ix[start >= lead]
    due = add_working_days(ch.start[fresh], 20)
    late = rng.random(len(fresh)) < r.health_late
    iha = np.where(
        late, due + rng.integers(1, 60, len(fresh)), due - rng.integers(0, 12, len(fresh))
    )
    iha = np.maximum(iha, ch.start[fresh] + 1)
    ok = iha < stop[fresh]
    frames.append(("IHA", fresh[ok], iha[ok]))
    # review health assessments: 6-monthly under 5, yearly from 5
    base = np.where(start >= lead, OPEN, lead - rng.integers(0, 180, len(ix)))
    base[np.isin(ix, fresh[ok])] = iha[ok]
    has = base != OPEN

    def nxt(rows: np.ndarray, done: np.ndarray, k: int) -> np.ndarray:
        young = age_years(ch.dob[rix0[rows]], done) < 5
        return np.where(young, add_months(done, 6), add_months(done, 12))

    rix0 = ix[has]
    first_due = nxt(np.arange(len(rix0)), base[has], 0)
    rr, when, _ = _recur(
        rng, np.arange(len(rix0)), first_due, stop[rix0], r.health_late, nxt, early=20, late_by=90
    )
    frames.append(("RHA", rix0[rr], when))
    # dental checks and SDQs: yearly
    for kind, lo_age, hi_age, missed in (("DENTAL", 1, 18, r.dental_missed), ("SDQ", 4, 17, 0.12)):
        first = np.maximum(start, lead) + rng.integers(30, 330, len(ix))

        def yearly(rows: np.ndarray, done: np.ndarray, k: int) -> np.ndarray:
            return add_months(done, 12) + rng.integers(-20, 30, len(rows))

        dr, dwhen, _ = _recur(rng, np.arange(len(ix)), first, stop[ix], 0.0, yearly, early=0)
        age = age_years(ch.dob[ix[dr]], dwhen)
        keep = (age >= lo_age) & (age <= hi_age) & (rng.random(len(dr)) >= missed)
        frames.append((kind, ix[dr][keep], dwhen[keep]))
    out = pl.concat(
        pl.DataFrame(
            {
                "IX": f_ix,
                "DAY": f_day,
                "HEALTH_KIND": pl.Series([kind] * len(f_ix), dtype=pl.String),
            }
        )
        for kind, f_ix, f_day in frames
    ).filter(pl.col("DAY") >= lead)
    n = len(out)
    sdq = np.clip(np.round(rng.normal(14, 6.5, n)), 0, 40).astype(np.int64)
    return out.with_columns(
        pl.Series("REC_DAY", _recorded(rng, out["DAY"].to_numpy(), r.recording_delay * 1.5, as_of)),
        pl.when(pl.col("HEALTH_KIND") == "SDQ")
        .then(pl.Series(sdq))
        .otherwise(None)
        .cast(pl.Int32)
        .alias("SDQ_SCORE"),
    )


def peps(cfg: SynthConfig, ch: Children, rng: np.random.Generator) -> pl.DataFrame:
    as_of = day(cfg.as_of)
    stop = _stop(ch, cfg)
    lead = day(cfg.window_start) - LEAD_IN
    r = cfg.rates
    rows_ix, rows_day, rows_kind = [], [], []
    fresh = np.flatnonzero((ch.start >= lead) & (stop > ch.start))
    due = add_working_days(ch.start[fresh], 10)
    late = rng.random(len(fresh)) < r.pep_missed
    first = np.where(
        late, due + rng.integers(5, 40, len(fresh)), due - rng.integers(0, 8, len(fresh))
    )
    first = np.maximum(first, ch.start[fresh])
    age = age_years(ch.dob[fresh], first)
    ok = (first < stop[fresh]) & (age >= 5) & (age <= 15)
    rows_ix.append(fresh[ok])
    rows_day.append(first[ok])
    rows_kind.append(np.full(ok.sum(), "INITIAL", dtype=object))
    for term in DEFAULT.terms_between(
        cfg.window_start.replace(year=cfg.window_start.year - 1), cfg.as_of
    ):
        t0, t1 = day(term.start), min(day(term.end), as_of)
        if t1 < t0:
            continue
        lo = np.maximum(ch.start + 10, t0)
        hi = np.minimum(stop - 1, t1)
        mid_age = age_years(ch.dob, (lo + hi) // 2)
        cand = np.flatnonzero((hi > lo) & (mid_age >= 5) & (mid_age <= 15))
        cand = cand[rng.random(len(cand)) >= r.pep_missed]
        when = lo[cand] + (rng.random(len(cand)) * (hi[cand] - lo[cand])).astype(np.int64)
        rows_ix.append(cand)
        rows_day.append(when)
        rows_kind.append(np.full(len(cand), "REVIEW", dtype=object))
    out = (
        pl.DataFrame(
            {
                "IX": np.concatenate(rows_ix),
                "DAY": np.concatenate(rows_day),
                "PEP_KIND": text(np.concatenate(rows_kind)),
            }
        )
        .sort("IX", "DAY")
        .unique(["IX", "DAY"], keep="first", maintain_order=True)
    )
    return out.with_columns(
        pl.Series("REC_DAY", _recorded(rng, out["DAY"].to_numpy(), r.recording_delay, as_of))
    )


def _dates(frame: pl.DataFrame, cols: dict[str, str]) -> pl.DataFrame:
    return frame.with_columns(
        pl.when(pl.col(a) >= int(OPEN))
        .then(None)
        .otherwise(pl.col(a))
        .cast(pl.Int32)
        .cast(pl.Date)
        .alias(b)
        for a, b in cols.items()
    )


def worker_at(alloc: pl.DataFrame, frame: pl.DataFrame, role: str = "SW") -> pl.DataFrame:
    """Add the child's allocated worker (WORKER_ID, TEAM_ID) on each row's DAY."""
    # one sorted integer key (child, day) makes this a plain as-of join, no grouping
    key = pl.col("IX").cast(pl.Int64) * (1 << 20) + pl.col("_D")
    a = (
        alloc.filter(pl.col("ALLOC_ROLE") == role)
        .select(pl.col("IX").alias("_IX"), pl.col("START").alias("_D"), "WORKER_ID", "TEAM_ID")
        .with_columns((pl.col("_IX").cast(pl.Int64) * (1 << 20) + pl.col("_D")).alias("_K"))
        .sort("_K")
        .drop("_D")
    )
    out = (
        frame.with_columns(pl.col("DAY").alias("_D"))
        .with_columns(key.alias("_K"))
        .sort("_K")
        .join_asof(a, on="_K", strategy="backward", check_sortedness=False)
    )
    same = pl.col("_IX") == pl.col("IX")
    return out.with_columns(
        pl.when(same).then(pl.col("WORKER_ID")).alias("WORKER_ID"),
        pl.when(same).then(pl.col("TEAM_ID")).alias("TEAM_ID"),
    ).drop("_D", "_K", "_IX")


def build(
    cfg: SynthConfig, ch: Children, tl: Timeline, wf: Workforce, key: pl.DataFrame
) -> dict[str, pl.DataFrame]:
    rng = streams(cfg.seed, "schedule")
    as_of = day(cfg.as_of)
    out: dict[str, pl.DataFrame] = {}
    lead = day(cfg.window_start) - LEAD_IN
    rev = reviews(cfg, ch, rng).filter(pl.col("DAY").is_between(lead, as_of))
    out["Reviews"] = _dates(
        rev.join(key, on="IX", how="left", maintain_order="left"), {"DAY": "REVIEW"}
    ).select("CHILD", "DOB", "REVIEW", "REVIEW_CODE")
    vis = worker_at(wf.allocations, visits(cfg, ch, tl, rng))
    out["Visits"] = (
        _dates(
            vis.join(key, on="IX", how="left"), {"DAY": "VISIT_DATE", "REC_DAY": "RECORDED_DATE"}
        )
        .select(
            "CHILD",
            "VISIT_DATE",
            "WORKER_ID",
            "SEEN",
            "SEEN_ALONE",
            "NOT_ALONE_REASON",
            "RECORDED_DATE",
        )
        .unique(["CHILD", "VISIT_DATE"], keep="first", maintain_order=True)
    )
    hdays = health(cfg, ch, rng)
    out["_health"] = hdays
    hl = hdays.join(key, on="IX", how="left")
    out["Health"] = (
        _dates(hl, {"DAY": "HEALTH_DATE", "REC_DAY": "RECORDED_DATE"})
        .select("CHILD", "HEALTH_KIND", "HEALTH_DATE", "RECORDED_DATE", "SDQ_SCORE")
        .unique(["CHILD", "HEALTH_KIND", "HEALTH_DATE"], keep="first", maintain_order=True)
        .sort("CHILD", "HEALTH_DATE", "HEALTH_KIND")
    )
    pp = peps(cfg, ch, rng).join(key, on="IX", how="left")
    out["PEPs"] = _dates(pp, {"DAY": "PEP_DATE", "REC_DAY": "RECORDED_DATE"}).select(
        "CHILD", "PEP_DATE", "PEP_KIND", "RECORDED_DATE"
    )
    out["_reviews"] = rev  # day-number form, used by later parts (not a table)
    return out
