"""Legal statuses and placements over each period of care, merged into 903 episodes.

Two timelines per child are drawn at once for every child: legal status changes (emergency
protection, interim then full care order, placement order) and placement segments (an emergency
first placement, moves at a rate set by age and the child's own instability, long-term fostering
conversions with the same carer, placement for adoption, home to parents before discharge). They
are merged so that a new episode starts on every change, with the RNE code saying what changed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np
import polars as pl

from lookedafter.schema.codes import valid_for_year
from lookedafter.synth import places
from lookedafter.synth.base import (
    NULL,
    OPEN,
    age_years,
    day,
    next_in,
    pick,
    prev_in,
    rank_in,
    streams,
    text,
)
from lookedafter.synth.config import SynthConfig
from lookedafter.synth.people import ADOPT, HOME_LATER, LONG, QUICK, REMAND, SGO, UASC, Children

FOSTER_SHORT = ("U6", "U3")
LONG_TERM = ("U1", "U4")
RESIDENTIAL_URN = ("K1", "K2", "K3")
NO_LOCATION = ("Z11", "Z12", "Z13", "Z14")
CHANGE_REASONS = (
    ("CARPL", "CREQB", "CREQO", "CHILD", "LAREQ", "ALLEG", "STAND", "CLOSE", "APPRR", "OTHER"),
    (0.40, 0.11, 0.08, 0.04, 0.02, 0.02, 0.02, 0.02, 0.01, 0.28),
)
# placement type by age band (under 5, 5-9, 10-15, 16-17) for children not UASC
TYPES = ("U6", "U3", "U5", "K2", "K3", "S1", "K1", "R1", "R3", "Z11", "Z12", "Z13", "Z14", "P3")
TYPE_WEIGHTS = np.array(
    [
        # U6   U3    U5    K2    K3    S1    K1    R1    R3    Z11   Z12   Z13   Z14   P3
        [0.72, 0.22, 0.02, 0.005, 0.0, 0.0, 0.0, 0.0, 0.03, 0.003, 0.0, 0.0, 0.002, 0.0],
        [0.70, 0.22, 0.0, 0.04, 0.0, 0.02, 0.0, 0.005, 0.0, 0.005, 0.005, 0.0, 0.005, 0.0],
        [0.54, 0.14, 0.0, 0.24, 0.0, 0.03, 0.01, 0.01, 0.0, 0.005, 0.01, 0.005, 0.005, 0.0],
        [0.30, 0.06, 0.0, 0.17, 0.42, 0.01, 0.005, 0.01, 0.0, 0.005, 0.005, 0.005, 0.005, 0.005],
    ]
)
PROVIDERS: dict[str, tuple[tuple[str, ...], tuple[float, ...]]] = {
    "U1": (("PR1", "PR4"), (0.92, 0.08)),
    "U2": (("PR1",), (1.0,)),
    "U3": (("PR1", "PR4"), (0.92, 0.08)),
    "U4": (("PR1", "PR4", "PR5"), (0.55, 0.40, 0.05)),
    "U5": (("PR1", "PR4", "PR5"), (0.55, 0.30, 0.15)),
    "U6": (("PR1", "PR4", "PR5"), (0.50, 0.45, 0.05)),
    "K1": (("PR1", "PR2"), (0.5, 0.5)),
    "K2": (("PR4", "PR1", "PR5"), (0.78, 0.15, 0.07)),
    "K3": (("PR4", "PR5", "PR1"), (0.70, 0.20, 0.10)),
    "A3": (("PR1", "PR2", "PR5"), (0.45, 0.35, 0.20)),
    "A4": (("PR1", "PR2", "PR5"), (0.45, 0.35, 0.20)),
    "A5": (("PR1", "PR2", "PR5"), (0.45, 0.35, 0.20)),
    "A6": (("PR1", "PR2", "PR5"), (0.45, 0.35, 0.20)),
    "P1": (("PR0",), (1.0,)),
    "P3": (("PR4",), (1.0,)),
    "R1": (("PR4", "PR3"), (0.8, 0.2)),
    "R3": (("PR4", "PR1"), (0.6, 0.4)),
    "R5": (("PR3",), (1.0,)),
    "S1": (("PR4", "PR5", "PR1"), (0.6, 0.3, 0.1)),
}
FAR_WEIGHT = {"K2": 2.3, "K1": 3.0, "K3": 1.0, "S1": 2.5, "R1": 2.0, "U3": 0.45, "U1": 0.45}


@dataclass
class Timeline:
    episodes: pl.DataFrame  # IX, DECOM, DEC (day numbers), RNE, LS, CIN, PLACE, ... CARER
    segments: pl.DataFrame  # IX, SEG_START, SEG_END, PLACE, CARER, NEW_CARER, PL_ROW, MILES
    adoption: pl.DataFrame  # IX, E1_DAY, PA_DAY, PA_PLACE
    home_rows: np.ndarray


def _legal(
    ch: Children, cfg: SynthConfig, rng: np.random.Generator
) -> tuple[pl.DataFrame, np.ndarray, np.ndarray]:
    n = len(ch)
    ix = np.arange(n)
    stop = np.where(ch.end == OPEN, day(cfg.as_of) + 1, ch.end)
    age = age_years(ch.dob, ch.start)
    p_c1 = np.select(
        [
            ch.path == ADOPT,
            ch.path == SGO,
            ch.path == HOME_LATER,
            ch.path == LONG,
            ch.path == QUICK,
        ],
        [1.0, 0.8, 0.82, np.where(age < 10, 0.92, 0.8), 0.3],
        0.0,
    )
    main = np.where(rng.random(n) < p_c1, "C1", "V2").astype(object)
    # some parents consent to adoption: the child stays accommodated (s20) and no order is made
    consent = (ch.path == ADOPT) & (rng.random(n) < 0.1)
    main = np.where(consent, "V2", main)
    p_em = np.select([ch.path == QUICK, ch.path == ADOPT], [0.17, 0.10], 0.05)
    p_em = np.where((ch.path == UASC) | (ch.path == REMAND), 0.0, p_em)
    emergency = rng.random(n) < p_em
    # police protection, an emergency protection order or (rarely) a child assessment order,
    # which lasts 7 days at most (rule 363)
    em_code = pick(rng, ("L1", "L2", "L3"), (0.68, 0.29, 0.03), n)
    first = np.where(emergency, em_code, main)
    # youth justice: remanded (J1); a few first held overnight under PACE (J2, then remanded;
    # 21 days at most, rule 364) or sentenced to a youth rehabilitation order with a residence
    # requirement (J3) instead
    justice = pick(rng, ("J1", "J2", "J3"), (0.78, 0.10, 0.12), n)
    first = np.where(ch.path == REMAND, justice, first)
    main = np.where((ch.path == REMAND) & (justice == "J2"), "J1", main)
    emergency = emergency | ((ch.path == REMAND) & (justice == "J2"))
    days = [ch.start]
    kids = [ix]
    codes = [first]
    em_day = ch.start + np.select(
        [em_code == "L1", em_code == "L3"],
        [rng.integers(1, 4, n), rng.integers(1, 8, n)],
        rng.integers(1, 9, n),
    )
    em_day = np.where(ch.path == REMAND, ch.start + rng.integers(1, 3, n), em_day)
    sel = emergency & (em_day < stop)
    kids.append(ix[sel])
    days.append(em_day[sel])
    codes.append(main[sel])
    c2_day = np.full(n, OPEN, dtype=np.int64)
    c2 = ch.start + rng.integers(180, 421, n)
    sel = (main == "C1") & np.isin(ch.path, [SGO, HOME_LATER, LONG, QUICK]) & (c2 < stop)
    c2_day[sel] = c2[sel]
    kids.append(ix[sel])
    days.append(c2[sel])
    codes.append(np.full(sel.sum(), "C2", dtype=object))
    # adoption: placement order part way through, then placed for adoption, then the order
    span = ch.planned_end - ch.start
    e1 = ch.start + (span * rng.uniform(0.35, 0.48, n)).astype(np.int64)
    pa = np.minimum(e1 + (span * rng.uniform(0.15, 0.28, n)).astype(np.int64), ch.planned_end - 90)
    pa = np.maximum(pa, e1 + 14)
    is_adopt = ch.path == ADOPT
    sel = is_adopt & ~consent & (e1 < stop)
    kids.append(ix[sel])
    days.append(e1[sel])
    codes.append(np.full(sel.sum(), "E1", dtype=object))
    legal = pl.DataFrame(
        {
            "IX": np.concatenate(kids),
            "DAY": np.concatenate(days).astype(np.int64),
            "LS": text(np.concatenate(codes)),
        }
    ).sort("IX", "DAY")
    e1_day = np.where(is_adopt & (e1 < stop), e1, OPEN)
    pa_day = np.where(is_adopt & (pa < stop) & (e1 < stop), pa, OPEN)
    return legal, np.stack([e1_day, pa_day, consent.astype(np.int64)]), c2_day


def _moves(
    ch: Children,
    cfg: SynthConfig,
    rng: np.random.Generator,
    pa_day: np.ndarray,
    c2_day: np.ndarray,
    consent: np.ndarray,
) -> pl.DataFrame:
    n = len(ch)
    ix = np.arange(n)
    pop = cfg.population
    stop = np.where(ch.end == OPEN, day(cfg.as_of) + 1, ch.end)
    limit = np.minimum(stop, pa_day)
    kids, days, forced = [], [], []
    age0 = age_years(ch.dob, ch.start)
    # an emergency first placement that ends within two months
    early = rng.random(n) < pop.early_move * np.where(age0 < 1, 0.6, 1.0)
    early = early & (ch.path != REMAND)
    d = ch.start + rng.integers(2, 61, n)
    sel = early & (d < limit)
    kids.append(ix[sel])
    days.append(d[sel])
    forced.append(np.full(sel.sum(), None, dtype=object))
    # moves through the period at a rate set by age (band by band) and the child's instability
    edges = [0, 5, 10, 14, 16, 19]
    for band, rate in enumerate(pop.move_rate):
        lo = np.maximum(ch.start + 1, ch.dob + int(edges[band] * 365.25))
        hi = np.minimum(limit, ch.dob + int(edges[band + 1] * 365.25))
        span = np.maximum(hi - lo, 0)
        count = rng.poisson(rate * ch.instability * span / 365.25)
        rows = np.repeat(ix, count)
        when = lo[rows] + (rng.random(len(rows)) * span[rows]).astype(np.int64)
        kids.append(rows)
        days.append(when)
        forced.append(np.full(len(rows), None, dtype=object))
    # home to parents (on a full care order) for the last months before discharge
    home = ch.planned_end - rng.integers(180, 721, n)
    sel = (ch.path == HOME_LATER) & (rng.random(n) < 0.9) & (home > c2_day) & (c2_day != OPEN)
    sel &= (home < stop) & (home > ch.start + 30)
    kids.append(ix[sel])
    days.append(home[sel])
    forced.append(np.full(sel.sum(), "P1", dtype=object))
    # placed for adoption: with the current foster carer (A3/A5) or new adopters (A4/A6), with
    # the parents' consent (A3/A4) or under a placement order (A5/A6)
    sel = pa_day != OPEN
    kids.append(ix[sel])
    days.append(pa_day[sel])
    with_carer = rng.random(sel.sum()) < 0.15
    by_consent = consent[sel]
    forced.append(
        np.where(
            by_consent, np.where(with_carer, "A3", "A4"), np.where(with_carer, "A5", "A6")
        ).astype(object)
    )
    all_ix = np.concatenate(kids)
    all_day = np.concatenate(days).astype(np.int64)
    ok = (all_day < stop[all_ix]) & (all_day > ch.start[all_ix])
    moves = pl.DataFrame(
        {
            "IX": all_ix[ok],
            "DAY": all_day[ok],
            "FORCED": text(np.concatenate(forced)[ok]),
        }
    )
    return moves.sort("IX", "DAY", pl.col("FORCED").is_null()).unique(
        ["IX", "DAY"], keep="first", maintain_order=True
    )


def _ends(frame: pl.DataFrame, start: str, end: str, stop: np.ndarray) -> pl.DataFrame:
    """Each row ends where the child's next row starts; the last ends at the child's stop day."""
    last = pl.Series(stop).gather(frame["IX"])
    return frame.with_columns(next_in(pl.col(start)).fill_null(last).alias(end))


def _segments(
    ch: Children,
    cfg: SynthConfig,
    rng: np.random.Generator,
    moves: pl.DataFrame,
    legal: pl.DataFrame,
) -> pl.DataFrame:
    n = len(ch)
    stop = np.where(ch.end == OPEN, OPEN, ch.end)
    firsts = pl.DataFrame(
        {
            "IX": np.arange(n),
            "DAY": ch.start.astype(np.int64),
            "FORCED": pl.Series([None] * n, dtype=pl.String),
        }
    )
    seg = pl.concat([firsts, moves]).sort("IX", "DAY")
    seg = seg.join_asof(
        legal.rename({"DAY": "LDAY"}),
        left_on="DAY",
        right_on="LDAY",
        by="IX",
        strategy="backward",
        check_sortedness=False,
    )
    seg = seg.with_columns(rank_in().alias("K"))
    seg = _ends(seg, "DAY", "END", stop)
    ix = seg["IX"].to_numpy()
    when = seg["DAY"].to_numpy()
    m = len(seg)
    age = age_years(ch.dob[ix], when)
    band = np.digitize(age, [5, 10, 16])
    weights = TYPE_WEIGHTS[band].copy()
    k = seg["K"].to_numpy()
    weights[:, TYPES.index("K2")] *= np.where(k >= 2, 1.8, 1.0)
    path = ch.path[ix]
    weights[:, TYPES.index("U5")] = np.where((path == ADOPT) & (k == 0), 0.10, 0.0)
    weights = weights / weights.sum(axis=1, keepdims=True)
    cum = weights.cumsum(axis=1)
    chosen = (rng.random(m)[:, None] > cum).sum(axis=1)
    place = np.asarray(TYPES, dtype=object)[np.minimum(chosen, len(TYPES) - 1)]
    # unaccompanied children: foster care under 16, supported accommodation at 16-17
    uasc = ch.uasc[ix]
    place = np.where(uasc & (age < 16), pick(rng, ("U6", "K2"), (0.85, 0.15), m), place)
    place = np.where(uasc & (age >= 16), pick(rng, ("K3", "U6", "K2"), (0.6, 0.33, 0.07), m), place)
    place = np.where(path == REMAND, pick(rng, ("K2", "U6", "R5"), (0.5, 0.3, 0.2), m), place)
    # children on a long-term plan are often moved straight into a long-term foster home
    direct = (path == LONG) & (age < 14) & (k >= 1) & (place == "U6") & (rng.random(m) < 0.25)
    place = np.where(direct, "U4", place)
    # special guardians are mostly the kinship carers the child already lives with
    last = seg["END"].to_numpy() == stop[ix]
    rec = ch.rec[ix]
    place = np.where((path == SGO) & last & np.isin(rec, ["E45", "E47"]), "U3", place)
    place = np.where(
        (path == SGO) & last & (rec == "E46") & ~np.isin(place, ["U6", "U4"]), "U6", place
    )
    forced = seg["FORCED"].to_numpy()
    # placed for adoption with the current carers only if they are foster carers
    before = np.concatenate([[None], place[:-1]])
    fostered = np.isin(before, ["U1", "U2", "U3", "U4", "U5", "U6"]) & (k > 0)
    forced = np.where((forced == "A5") & ~fostered, "A6", forced)
    forced = np.where((forced == "A3") & ~fostered, "A4", forced)
    place = np.where(forced != None, forced, place)  # noqa: E711 (numpy elementwise)
    same_carer = np.isin(forced, ["A3", "A5"])
    seg = seg.with_columns(text(place, "PLACE"), pl.Series("SAME_CARER", same_carer)).drop(
        "FORCED", "LDAY"
    )
    # long-term fostering confirmed part way through a foster placement, with the same carer
    length = (
        np.where(seg["END"].to_numpy() == OPEN, day(cfg.as_of) + 1, seg["END"].to_numpy()) - when
    )
    convert = (
        (path == LONG)
        & (age < 16)
        & np.isin(place, FOSTER_SHORT)
        & (length > 400)
        & (rng.random(m) < 0.85)
    )
    offset = np.minimum(rng.integers(120, 420, m), length - 30)  # within the placement
    conv = seg.filter(pl.Series(convert)).with_columns(
        (pl.col("DAY") + pl.Series(offset[convert])).alias("DAY"),
        pl.col("PLACE").replace_strict({"U6": "U4", "U3": "U1"}, return_dtype=pl.String),
        pl.lit(True).alias("SAME_CARER"),
    )
    seg = pl.concat([seg, conv]).sort("IX", "DAY")
    seg = _ends(seg.drop("END"), "DAY", "END", stop)
    seg = seg.with_columns(
        rank_in().alias("K"),
        (~pl.col("SAME_CARER")).cum_sum().alias("CARER"),
    )
    return seg.rename({"DAY": "SEG_START", "END": "SEG_END"})


def _locate(
    ch: Children,
    cfg: SynthConfig,
    rng: np.random.Generator,
    seg: pl.DataFrame,
    pool: places.Pool,
    home_rows: np.ndarray,
) -> pl.DataFrame:
    """Provider, URN and postcode for each carer (a same-carer change keeps them)."""
    carers = seg.group_by("CARER", maintain_order=True).agg(
        pl.col("IX").first(), pl.col("PLACE").first()
    )
    c = len(carers)
    place = carers["PLACE"].to_numpy()
    ix = carers["IX"].to_numpy()
    provider = np.full(c, None, dtype=object)
    for code, (opts, weights) in PROVIDERS.items():
        rows = np.flatnonzero(place == code)
        provider[rows] = pick(rng, opts, weights, len(rows))
    weight = np.ones(c)
    for code, w in FAR_WEIGHT.items():
        weight[place == code] = w
    # a DfE-like share of new placements far from home; the weights say which kinds go far
    p_far = np.clip(cfg.rates.far_placement * weight / 1.05, 0, 0.95)
    far = rng.random(c) < p_far
    miles = np.where(
        far,
        np.clip(20.5 + rng.lognormal(np.log(22), 0.9, c), 20.5, 280),
        np.clip(rng.gamma(1.6, 3.2, c), 0.2, 19.0),
    )
    rows = places.near(pool, rng, home_rows[ix], miles)
    # a new carer is somewhere else than the last one (the next postcode along, if need be)
    again = np.concatenate([[False], (ix[1:] == ix[:-1]) & (rows[1:] == rows[:-1])])
    rows = np.where(again, (rows + 1) % len(pool.east), rows)
    rows = np.where(place == "P1", home_rows[ix], rows)
    located = np.ones(c, dtype=bool)
    away = pool.laua[rows] != pool.laua[home_rows[ix]]
    private = away & (provider == "PR1") & ~np.isin(place, ["U1", "U2", "U3"])
    provider = np.where(private, "PR4", provider)
    no_urn = np.isin(place, NO_LOCATION)
    urn_number = rng.integers(100_000, 999_999, c)
    urn = np.where(
        np.isin(place, RESIDENTIAL_URN),
        np.char.add("SC", urn_number.astype(str)).astype(object),
        "XXXXXXX",
    )
    urn = np.where(no_urn, NULL, urn)
    info = pl.DataFrame(
        {
            "CARER": carers["CARER"],
            "PLACE_PROVIDER": text(np.where(no_urn, NULL, provider)),
            "URN": text(urn),
            "PL_ROW": pl.Series(np.where(located, rows, -1)),
        }
    )
    return seg.join(info, on="CARER", how="left", maintain_order="left")


def _merge(
    ch: Children, rng: np.random.Generator, legal: pl.DataFrame, seg: pl.DataFrame
) -> pl.DataFrame:
    """One row per episode: a new one wherever legal status or placement changes."""
    stop = np.where(ch.end == OPEN, OPEN, ch.end)
    seg_ev = seg.select(
        "IX", pl.col("SEG_START").alias("DAY"), pl.int_range(pl.len()).alias("SEG"), "SAME_CARER"
    )
    days = (
        pl.concat([legal.select("IX", "DAY"), seg_ev.select("IX", "DAY")])
        .unique()
        .sort("IX", "DAY")
    )
    ev = (
        days.join(legal, on=["IX", "DAY"], how="left")
        .join(seg_ev, on=["IX", "DAY"], how="left")
        .with_columns(
            # each child's first day has both a legal status and a placement, so a plain
            # forward fill never crosses from one child to the next
            pl.col("LS").forward_fill().alias("LS_NOW"),
            pl.col("SEG").forward_fill().alias("SEG_NOW"),
        )
        .with_columns(prev_in(pl.col("LS_NOW")).alias("LS_BEFORE"))
        .with_columns(
            (pl.col("LS").is_not_null() & (pl.col("LS_NOW") != pl.col("LS_BEFORE"))).alias(
                "LS_CHG"
            ),
            pl.col("SEG").is_not_null().alias("PL_CHG"),
            pl.col("LS_BEFORE").is_null().alias("FIRST"),
        )
        .filter(pl.col("FIRST") | pl.col("LS_CHG") | pl.col("PL_CHG"))
    )
    same = pl.col("SAME_CARER").fill_null(False)
    rne = (
        pl.when(pl.col("FIRST"))
        .then(pl.lit("S"))
        .when(pl.col("LS_CHG") & pl.col("PL_CHG") & same)
        .then(pl.lit("U"))
        .when(pl.col("LS_CHG") & pl.col("PL_CHG"))
        .then(pl.lit("B"))
        .when(pl.col("LS_CHG"))
        .then(pl.lit("L"))
        .when(same)
        .then(pl.lit("T"))
        .otherwise(pl.lit("P"))
    )
    ev = ev.select(
        "IX",
        pl.col("DAY").alias("DECOM"),
        rne.alias("RNE"),
        pl.col("LS_NOW").alias("LS"),
        "SEG_NOW",
    )
    ev = _ends(ev, "DECOM", "DEC", stop)
    placed = seg.select(
        pl.int_range(pl.len()).alias("SEG_NOW"), "PLACE", "PLACE_PROVIDER", "URN", "PL_ROW", "CARER"
    )
    ev = ev.join(placed, on="SEG_NOW", how="left", maintain_order="left")
    nxt = next_in(pl.col("RNE"))
    last = nxt.is_null()
    m = len(ev)
    reasons = text(pick(rng, CHANGE_REASONS[0], CHANGE_REASONS[1], m))
    next_place = next_in(pl.col("PLACE"))
    reason = (
        pl.when(nxt.is_in(["T", "U"]))
        .then(pl.lit("PLACE"))
        .when(nxt.is_in(["P", "B"]) & next_place.is_in(["A3", "A4", "A5", "A6", "P1"]))
        .then(pl.lit("CARPL"))
        .when(nxt.is_in(["P", "B"]))
        .then(reasons)
    )
    rec_by_child = text(ch.rec).gather(ev["IX"])
    return ev.with_columns(
        pl.when(last).then(rec_by_child).otherwise(pl.lit("X1")).alias("REC"),
        reason.alias("REASON_PLACE_CHANGE"),
    ).drop("SEG_NOW")


# codes a placement type had before the current list: used when an episode ended before then
EARLIER_CODES = {"Z11": "Z1", "Z12": "Z1", "Z13": "Z1", "Z14": "Z1", "K3": "H5"}


def _first_valid(code: str, last: int) -> int:
    """The first collection year (ending March) whose PLACE list has ``code``."""
    years = [
        y for y in range(2000, last + 1) if code in valid_for_year("PLACE", f"{y - 1}-{str(y)[2:]}")
    ]
    return years[0] if years else last + 1


def _valid_for_its_year(episodes: pl.DataFrame, as_of: int) -> pl.DataFrame:
    """Recode placement types that did not yet exist in the collection year an episode ended."""
    end = pl.when(pl.col("DEC") >= OPEN).then(as_of).otherwise(pl.col("DEC")).cast(pl.Int32)
    end_date = end.cast(pl.Date)
    year = end_date.dt.year() + (end_date.dt.month() >= 4).cast(pl.Int32)
    last = int(pl.select(pl.lit(as_of).cast(pl.Int32).cast(pl.Date).dt.year()).item()) + 1
    fixed = pl.col("PLACE")
    for code, earlier in EARLIER_CODES.items():
        too_early = (pl.col("PLACE") == code) & (year < _first_valid(code, last))
        fixed = pl.when(too_early).then(pl.lit(earlier)).otherwise(fixed)
    out = episodes.with_columns(fixed.alias("PLACE"))
    return out.with_columns(
        pl.when(pl.col("PLACE") == "H5")
        .then(pl.lit("XXXXXXX"))
        .otherwise(pl.col("URN"))
        .alias("URN")
    )


# temporary moves away from the usual placement, and how long each lasts (days, inclusive)
TEMPORARY = (
    ("T2", "T1", "T3", "T4", "T0"),  # holiday, hospital, carer's break, other (7 days at most), any
    (0.35, 0.22, 0.25, 0.12, 0.06),
)
TEMPORARY_DAYS = {"T2": (3, 15), "T1": (1, 11), "T3": (2, 15), "T4": (1, 8), "T0": (2, 22)}
USUAL = ("U1", "U2", "U3", "U4", "U5", "U6", "K2", "S1", "R1")
TEMPORARY_RATE = 0.07  # temporary moves per placement-year


def _temporary(
    episodes: pl.DataFrame,
    ch: Children,
    rng: np.random.Generator,
    as_of: int,
    pool: places.Pool,
    home_rows: np.ndarray,
) -> pl.DataFrame:
    """A few temporary moves (T0-T4: a holiday, a stay in hospital, a break while the carer is
    away, a night or two elsewhere, custody) inside a usual placement, returning to it after.

    The episode is split in three: the placement until the move (ending X1 without a reason for
    the change, rule 226), the temporary one (RNE P, no provider or URN; the postcode of the
    hospital, holiday or stay, from which the distance is worked out, rule 392a) and the return
    to the same placement (RNE P, same type and postcode, rule 383), which keeps the episode's
    ending.
    """
    end = pl.when(pl.col("DEC") >= OPEN).then(as_of + 1).otherwise(pl.col("DEC"))
    eps = episodes.with_columns(
        (end - pl.col("DECOM")).alias("_LEN"), pl.int_range(pl.len()).alias("_ROW")
    )
    length_all = eps["_LEN"].to_numpy()
    # the draws are made for usual placements long enough to hold a move, the rest never move
    usual = np.flatnonzero(
        eps["PLACE"].is_in(USUAL).to_numpy()
        & ~eps["LS"].is_in(["V3", "V4", "J1", "J2"]).to_numpy()
        & (length_all > 44)
    )
    m = len(usual)
    length = length_all[usual]
    chance = np.clip(TEMPORARY_RATE * length / 365.25, 0, 0.6)
    kind = pick(rng, TEMPORARY[0], TEMPORARY[1], m)
    order = np.argsort(TEMPORARY[0])
    which = order[np.searchsorted(np.asarray(TEMPORARY[0], dtype=object), kind, sorter=order)]
    lo = np.array([TEMPORARY_DAYS[k][0] for k in TEMPORARY[0]])
    hi = np.array([TEMPORARY_DAYS[k][1] for k in TEMPORARY[0]])
    days_all = lo[which] + (rng.random(m) * (hi[which] - lo[which])).astype(np.int64)
    decom = eps["DECOM"].to_numpy()[usual]
    at_all = decom + 15 + (rng.random(m) * (length - days_all - 30)).astype(np.int64)
    pick_it = (length > days_all + 40) & (rng.random(m) < chance) & (at_all + days_all <= as_of)
    sub = np.flatnonzero(pick_it)
    rows = usual[sub]
    # custody (T0 here) only from 13; younger children's other short stays are T4
    age = age_years(ch.dob[eps["IX"].to_numpy()[rows]], decom[sub])
    kind_rows = np.where((kind[sub] == "T0") & (age < 13), "T4", kind[sub])
    at_rows = at_all[sub]
    days_rows = np.where(kind_rows == "T4", np.minimum(days_all[sub], 7), days_all[sub])
    if not len(rows):
        return episodes
    # where: mostly near home, a holiday anywhere
    far = kind_rows == "T2"
    miles = np.where(far, rng.uniform(20, 200, len(rows)), rng.gamma(1.6, 3.2, len(rows)) + 0.3)
    where = places.near(pool, rng, home_rows[eps["IX"].to_numpy()[rows]], miles)
    chosen = eps[rows].with_columns(
        pl.Series("_AT", at_rows),
        pl.Series("_BACK", at_rows + days_rows),
        text(kind_rows, "_T"),
        pl.Series("_WHERE", where),
    )
    before = chosen.with_columns(
        pl.col("_AT").alias("DEC"),
        pl.lit("X1").alias("REC"),
        pl.lit(None, dtype=pl.String).alias("REASON_PLACE_CHANGE"),
    )
    away = chosen.with_columns(
        pl.col("_AT").alias("DECOM"),
        pl.col("_BACK").alias("DEC"),
        pl.lit("P").alias("RNE"),
        pl.col("_T").alias("PLACE"),
        pl.lit(None, dtype=pl.String).alias("PLACE_PROVIDER"),
        pl.lit(None, dtype=pl.String).alias("URN"),
        pl.col("_WHERE").cast(eps.schema["PL_ROW"]).alias("PL_ROW"),
        pl.lit("X1").alias("REC"),
        pl.lit(None, dtype=pl.String).alias("REASON_PLACE_CHANGE"),
    )
    back = chosen.with_columns(pl.col("_BACK").alias("DECOM"), pl.lit("P").alias("RNE"))
    cols = episodes.columns
    kept = eps.filter(~pl.col("_ROW").is_in(pl.Series(rows).implode()))
    parts = [f.select(cols) for f in (kept, before, away, back)]
    return pl.concat(parts).sort("IX", "DECOM", maintain_order=True)


EARLIER_ENDS = (("E4A", "E13", "E4B"), (0.7, 0.2, 0.1))


def _with_earlier_periods(
    episodes: pl.DataFrame, ch: Children, rng: np.random.Generator
) -> pl.DataFrame:
    """The earlier short period of care of the children who have one (see ``people``): one
    episode, accommodated (V2) with foster carers near where they were placed later, ended with
    a return home."""
    rows = np.flatnonzero(ch.earlier)
    if not len(rows):
        return episodes
    firsts = episodes.filter(pl.col("RNE") == "S").unique("IX", keep="first", maintain_order=True)
    earlier = (
        pl.DataFrame({"IX": rows})
        .cast({"IX": episodes.schema["IX"]})
        .join(firsts, on="IX", how="inner", maintain_order="left")
    )
    ix = earlier["IX"].to_numpy()
    first, first_end = np.asarray(ch.first), np.asarray(ch.first_end)
    earlier = earlier.with_columns(
        pl.Series("DECOM", first[ix]).cast(episodes.schema["DECOM"]),
        pl.Series("DEC", first_end[ix]).cast(episodes.schema["DEC"]),
        pl.lit("V2").alias("LS"),
        # a short stay with foster carers, whatever the later placement was
        pl.when(pl.col("PLACE").is_in(["U3", "U6"]))
        .then(pl.col("PLACE"))
        .otherwise(pl.lit("U6"))
        .alias("PLACE"),
        pl.when(pl.col("PLACE").is_in(["U3", "U6"]))
        .then(pl.col("PLACE_PROVIDER"))
        .otherwise(pl.lit("PR1"))
        .alias("PLACE_PROVIDER"),
        pl.lit("XXXXXXX").alias("URN"),
        text(pick(rng, EARLIER_ENDS[0], EARLIER_ENDS[1], len(ix)), "REC"),
        pl.lit(None, dtype=pl.String).alias("REASON_PLACE_CHANGE"),
    )
    return pl.concat([earlier.select(episodes.columns), episodes]).sort(
        "IX", "DECOM", maintain_order=True
    )


DOLO_PLACES = ("K2", "Z12", "Z13")  # where a child under a deprivation of liberty order lives
DOLO_SHARE = 0.12  # of episodes in those placements for children aged 13 or more
DOLO_FROM = 2027  # first collection year of the DoLo return (2026-27)


def deprivation_of_liberty(
    episodes: pl.DataFrame, ch: Children, cfg: SynthConfig, rng: np.random.Generator
) -> pl.DataFrame:
    """Deprivation of liberty orders (IX, S, E day numbers; E OPEN while in force), mostly
    for older teenagers in children's homes, each within one episode in such a placement (rules
    709, 710), ended by the time the episode ends (rule 708). Only orders in force from 1 April 2026
    (the first year of the return) are made."""
    as_of = day(cfg.as_of)
    first = day(date(DOLO_FROM - 1, 4, 1))
    eps = episodes.filter(pl.col("PLACE").is_in(DOLO_PLACES))
    end = np.where(eps["DEC"].to_numpy() >= OPEN, OPEN, eps["DEC"].to_numpy())
    start = eps["DECOM"].to_numpy()
    ix = eps["IX"].to_numpy()
    m = len(eps)
    age = age_years(ch.dob[ix], start)
    weight = np.where(age >= 16, 1.0, 0.6)
    chosen = (
        (age >= 13)
        & (np.minimum(end, as_of + 1) - start > 20)
        & (np.minimum(end, as_of) >= first)
        & (rng.random(m) < DOLO_SHARE * weight)
    )
    s = start + rng.integers(0, 21, m)
    e = s + rng.integers(60, 400, m)
    # ends the day before the episode's last day at the latest (the episode's end date is the
    # next one's start), or stays in force
    e = np.where(e >= end - 1, end - 1, e)
    e = np.where(e > as_of, OPEN, e)
    keep = chosen & (s <= as_of) & ((e == OPEN) | (e >= first)) & ((e == OPEN) | (e > s))
    return pl.DataFrame(
        {"IX": ix[keep], "S": s[keep], "E": e[keep]},
        schema={"IX": pl.Int64, "S": pl.Int64, "E": pl.Int64},
    ).sort("IX", "S")


CIN_CODES = (
    ("N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8"),
    (0.63, 0.03, 0.03, 0.07, 0.12, 0.01, 0.002, 0.108),
)


def build(ch: Children, cfg: SynthConfig, pool: places.Pool) -> Timeline:
    rng = streams(cfg.seed, "episodes")
    home_rows = places.homes(pool, rng, len(ch), None if cfg.england else cfg.laua)
    legal, adoption_days, c2_day = _legal(ch, cfg, rng)
    moves = _moves(ch, cfg, rng, adoption_days[1], c2_day, adoption_days[2] == 1)
    seg = _segments(ch, cfg, rng, moves, legal)
    seg = _locate(ch, cfg, rng, seg, pool, home_rows)
    # an episode carries the code of the year it ended in (the list changed in 2024-25 and
    # 2025-26), so a placement that spans the change is Z1 before it and Z11 after
    episodes = _valid_for_its_year(
        _with_earlier_periods(_merge(ch, rng, legal, seg), ch, streams(cfg.seed, "earlier")),
        day(cfg.as_of),
    )
    episodes = _temporary(
        episodes, ch, streams(cfg.seed, "temporary"), day(cfg.as_of), pool, home_rows
    )
    cin = pick(rng, CIN_CODES[0], CIN_CODES[1], len(ch))
    cin = np.where(ch.uasc, "N8", np.where(ch.path == REMAND, "N6", cin))
    episodes = episodes.with_columns(text(cin).gather(episodes["IX"]).alias("CIN"))
    adoption = pl.DataFrame(
        {"IX": np.arange(len(ch)), "E1_DAY": adoption_days[0], "PA_DAY": adoption_days[1]}
    ).filter(pl.col("E1_DAY") != OPEN)
    return Timeline(episodes=episodes, segments=seg, adoption=adoption, home_rows=home_rows)
