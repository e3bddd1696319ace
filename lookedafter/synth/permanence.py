"""Care plans and the routes to permanence: long-term fostering matches, connected-person
approvals, adoption decisions and adoptions, and previous permanence orders.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import polars as pl

from lookedafter.synth.base import NULL, OPEN, day, pick, prev_in, streams, text
from lookedafter.synth.config import SynthConfig
from lookedafter.synth.episodes import Timeline
from lookedafter.synth.people import ADOPT, HOME_LATER, LONG, QUICK, REMAND, SGO, UASC, Children

SECTIONS = ("PERMANENCE", "HEALTH", "EDUCATION", "PLACEMENT", "IDENTITY", "FAMILY", "WISHES", "IRO")


def _date(expr: pl.Expr) -> pl.Expr:
    return pl.when(expr >= int(OPEN)).then(None).otherwise(expr).cast(pl.Int32).cast(pl.Date)


def care_plans(
    cfg: SynthConfig, ch: Children, rng: np.random.Generator, rev: pl.DataFrame
) -> pl.DataFrame:
    as_of = day(cfg.as_of)
    lead = day(cfg.window_start) - 400
    stop = np.where(ch.end == OPEN, as_of + 1, np.minimum(ch.end, as_of + 1))
    live = np.flatnonzero(stop > lead)
    n = len(ch)
    age = (ch.start - ch.dob) / 365.25
    plan = np.select(
        [
            np.isin(ch.path, [QUICK, HOME_LATER]),
            ch.path == ADOPT,
            ch.path == SGO,
            ch.path == REMAND,
            (ch.path == UASC) | ((ch.path == LONG) & (age >= 15)),
            (ch.path == LONG) & (age >= 12),
        ],
        ["RETURN_HOME", "ADOPTION", "SGO_CAO", "RETURN_HOME", "SUPPORTED_LIVING", "LTF"],
        "LTF",
    ).astype(object)
    plan = np.where((ch.path == LONG) & (age >= 12) & (rng.random(n) < 0.2), "LT_RESIDENTIAL", plan)
    second = rev.filter(pl.col("K") == 1).select("IX", pl.col("DAY").alias("R2"))
    last = rev.group_by("IX").agg(pl.col("DAY").max().alias("LAST"))
    frame = (
        pl.DataFrame({"IX": live, "START": ch.start[live]})
        .join(second, on="IX", how="left")
        .join(last, on="IX", how="left")
    )
    m = len(frame)
    start = frame["START"].to_numpy()
    r2 = frame["R2"].fill_null(int(OPEN)).to_numpy()
    late = rng.random(m) < cfg.rates.permanence_late
    perm_day = np.where(late, r2 + rng.integers(20, 200, m), r2 - rng.integers(0, 10, m))
    perm_day = np.where(r2 == OPEN, OPEN, np.maximum(perm_day, start))
    old = start < lead
    perm_day = np.where(old, start + rng.integers(60, 140, m), perm_day)
    perm_day = np.where(perm_day > np.minimum(stop[live] - 1, as_of), OPEN, perm_day)
    plan_start = start + rng.integers(0, 15, m)
    sections = [
        pl.when(pl.Series(rng.random(m) >= cfg.rates.plan_section_missing)).then(pl.lit(s))
        for s in SECTIONS
    ]
    return (
        frame.with_columns(
            pl.Series("PS", plan_start),
            text(np.where(perm_day != OPEN, plan[live], NULL), "PERMANENCE_PLAN"),
            pl.Series("PD", perm_day),
            pl.concat_str(sections, separator=";", ignore_nulls=True).alias("SECTIONS_COMPLETE"),
        )
        .with_columns(
            _date(pl.col("PS")).alias("PLAN_START"),
            _date(pl.col("PD")).alias("PERMANENCE_DATE"),
            _date(pl.col("LAST").fill_null(int(OPEN))).alias("REVIEWED_DATE"),
        )
        .filter(pl.col("PS") <= as_of)
    )


def long_term(
    cfg: SynthConfig, tl: Timeline, rng: np.random.Generator
) -> tuple[pl.DataFrame, pl.DataFrame]:
    as_of = day(cfg.as_of)
    seg = tl.segments  # the whole history: a long-term placement is matched once, whenever
    became = pl.col("PLACE") != prev_in(pl.col("PLACE")).fill_null("")
    ltf = seg.filter(pl.col("PLACE").is_in(["U1", "U4"]) & became)
    m = len(ltf)
    matched = rng.random(m) >= cfg.rates.ltf_unmatched
    when = ltf["SEG_START"].to_numpy() + np.where(
        rng.random(m) < 0.6, -rng.integers(0, 30, m), rng.integers(0, 90, m)
    )
    matches = (
        ltf.select("IX", pl.col("SEG_START").alias("D"))
        .with_columns(pl.Series("M", when))
        .filter(pl.Series(matched) & (pl.col("M") <= as_of))
    )
    # connected-person temporary approvals (reg 24) and extensions (reg 25)
    runs = seg.group_by("CARER", maintain_order=True).agg(
        pl.col("IX").first(),
        pl.col("PLACE").first(),
        pl.col("SEG_START").min(),
        pl.col("SEG_END").max(),
    )
    kin = runs.filter(pl.col("PLACE") == "U3")
    k = len(kin)
    kin = kin.filter(pl.Series(rng.random(k) < 0.65))
    k = len(kin)
    s = kin["SEG_START"].to_numpy()
    e = kin["SEG_END"].to_numpy()
    overrun = rng.random(k) < cfg.rates.temp_approval_overrun
    extended = overrun | (rng.random(k) < 0.25)
    full = np.where(
        overrun & (rng.random(k) < 0.6),
        s + rng.integers(169, 280, k),
        np.where(extended, s + rng.integers(113, 168, k), s + rng.integers(50, 112, k)),
    )
    ext_day = np.where(extended, s + 112 - rng.integers(0, 10, k), OPEN)
    ext_to = np.where(extended, s + 112 + 56, OPEN)
    ended = np.where(full >= e, e, OPEN)
    full = np.where(full >= e, OPEN, full)

    def cut(a: np.ndarray) -> np.ndarray:
        return np.where(a > as_of, OPEN, a)

    approvals = kin.select("IX", pl.col("SEG_START").alias("D")).with_columns(
        pl.Series("EXT", cut(ext_day)),
        pl.Series("TO", np.where(cut(ext_day) == OPEN, OPEN, ext_to)),
        pl.Series("FULL", cut(full)),
        pl.Series("END", cut(ended)),
    )
    return matches, approvals


def adoption(
    cfg: SynthConfig, ch: Children, tl: Timeline, rng: np.random.Generator
) -> tuple[pl.DataFrame, pl.DataFrame]:
    as_of = day(cfg.as_of)
    ad = tl.adoption
    e1 = ad["E1_DAY"].to_numpy()
    ix = ad["IX"].to_numpy()
    decided = np.maximum(e1 - rng.integers(20, 120, len(ad)), ch.start[ix] + 1)
    placed = pl.DataFrame(
        {
            "IX": ix,
            "DP": decided,
            "DC": np.full(len(ad), OPEN),
            "RC": pl.Series([None] * len(ad), dtype=pl.String),
        }
    )
    # decisions later reversed (needs changed, no placement order, no adopters found)
    young = np.flatnonzero(
        (ch.path == LONG) & (ch.start - ch.dob < 5 * 365) & (rng.random(len(ch)) < 0.12)
    )
    d = ch.start[young] + rng.integers(120, 400, len(young))
    c = d + rng.integers(90, 300, len(young))
    stop = np.where(ch.end == OPEN, as_of + 1, ch.end)
    ok = d < stop[young]
    reason = pick(rng, ("RD1", "RD2", "RD3", "RD4"), (0.2, 0.3, 0.3, 0.2), len(young))
    rev = pl.DataFrame(
        {
            "IX": young[ok],
            "DP": d[ok],
            "DC": np.where(c[ok] < np.minimum(stop[young][ok], as_of + 1), c[ok], OPEN),
            "RC": text(reason[ok]),
        }
    )
    rev = rev.with_columns(
        pl.when(pl.col("DC") == int(OPEN)).then(None).otherwise(pl.col("RC")).alias("RC")
    )
    placed_all = pl.concat([placed, rev]).filter(pl.col("DP") <= as_of)
    # adoptions: AD1
    adopted = np.flatnonzero(np.isin(ch.rec, ["E11", "E12"]) & (ch.end != OPEN))
    lastplace = tl.segments.group_by("IX").agg(pl.col("PLACE").last())
    a = (
        pl.DataFrame({"IX": adopted})
        .join(ad.select("IX", "PA_DAY"), on="IX", how="left")
        .join(placed.select("IX", "DP"), on="IX", how="left")
        .join(lastplace, on="IX", how="left")
    )
    m = len(a)
    pa = a["PA_DAY"].fill_null(int(OPEN)).to_numpy()
    dp = a["DP"].fill_null(int(OPEN)).to_numpy()
    match = np.maximum(pa - rng.integers(7, 60, m), dp)
    single = rng.random(m) < 0.12
    sex = np.where(
        single,
        pick(rng, ("F1", "M1"), (0.85, 0.15), m),
        pick(rng, ("MF", "FF", "MM"), (0.84, 0.09, 0.07), m),
    )
    ls = np.where(
        single,
        "L0",
        np.where(
            sex == "MF",
            pick(rng, ("L11", "L3", "L2"), (0.72, 0.2, 0.08), m),
            pick(rng, ("L12", "L2", "L4"), (0.5, 0.3, 0.2), m),
        ),
    )
    ad1 = a.with_columns(
        pl.Series("DI", dp),
        pl.Series("DM", match),
        pl.when(pl.col("PLACE").is_in(["A3", "A5"]))
        .then(pl.lit("1"))
        .otherwise(pl.lit("0"))
        .alias("FOSTER_CARE"),
        text(np.where(single, "1", "2"), "NB_ADOPTR"),
        text(sex, "SEX_ADOPTR"),
        text(ls, "LS_ADOPTR"),
    )
    return placed_all, ad1


def prev_perm(cfg: SynthConfig, ch: Children, rng: np.random.Generator) -> pl.DataFrame:
    n = len(ch)
    code = pick(rng, ("Z1", "P4", "P2", "P3", "P1"), (0.86, 0.05, 0.05, 0.02, 0.02), n)
    # an earlier order (adoption, SGO, child arrangements) made before this period of care
    # began: at least six months after birth and at least a month before care (rule 632)
    first = np.asarray(ch.first)  # the first period of care, if there were two
    earliest, latest = ch.dob + 180, first - 30
    when = first - rng.integers(200, 2500, n)
    when = np.where(when >= earliest, when, earliest + (latest - earliest) // 2)
    code = np.where(latest - earliest < 60, "Z1", code)  # too young for one
    has = np.isin(code, ["P1", "P2", "P3"])
    dates = pl.Series(np.where(has, when, 0)).cast(pl.Int32).cast(pl.Date).dt.strftime("%d/%m/%Y")
    la = np.where(has & (rng.random(n) < 0.6), cfg.la_code, NULL)
    collected = ch.start >= day(date(2016, 4, 1))  # not collected for earlier periods
    frame = pl.DataFrame({"IX": np.arange(n), "PREV_PERM": text(code), "LA_PERM": text(la)})
    frame = frame.with_columns(
        pl.when(pl.Series(has)).then(dates).otherwise(None).alias("DATE_PERM")
    )
    return frame.filter(pl.Series(collected))


def build(
    cfg: SynthConfig, ch: Children, tl: Timeline, key: pl.DataFrame, rev: pl.DataFrame
) -> dict[str, pl.DataFrame]:
    rng = streams(cfg.seed, "permanence")
    out: dict[str, pl.DataFrame] = {}
    cp = care_plans(cfg, ch, rng, rev).join(key, on="IX", how="left", maintain_order="left")
    out["CarePlans"] = cp.select(
        "CHILD",
        "PLAN_START",
        "PERMANENCE_PLAN",
        "PERMANENCE_DATE",
        "SECTIONS_COMPLETE",
        "REVIEWED_DATE",
    )
    matches, approvals = long_term(cfg, tl, rng)
    out["LongTermMatches"] = matches.join(key, on="IX", how="left").select(
        "CHILD", _date(pl.col("D")).alias("DECOM"), _date(pl.col("M")).alias("MATCH_DATE")
    )
    out["TemporaryApprovals"] = approvals.join(key, on="IX", how="left").select(
        "CHILD",
        _date(pl.col("D")).alias("DECOM"),
        _date(pl.col("D")).alias("APPROVAL_DATE"),
        _date(pl.col("EXT")).alias("EXTENSION_DATE"),
        _date(pl.col("TO")).alias("EXTENDED_TO"),
        _date(pl.col("FULL")).alias("FULL_APPROVAL_DATE"),
        _date(pl.col("END")).alias("ENDED_DATE"),
    )
    placed, ad1 = adoption(cfg, ch, tl, rng)
    out["PlacedAdoption"] = (
        placed.join(key, on="IX", how="left")
        .select(
            "CHILD",
            "DOB",
            _date(pl.col("DP")).alias("DATE_PLACED"),
            _date(pl.col("DC")).alias("DATE_PLACED_CEASED"),
            pl.col("RC").alias("REASON_PLACED_CEASED"),
        )
        .unique(["CHILD", "DATE_PLACED"], keep="first", maintain_order=True)
    )
    out["AD1"] = ad1.join(key, on="IX", how="left").select(
        "CHILD",
        "DOB",
        _date(pl.col("DI")).alias("DATE_INT"),
        _date(pl.col("DM")).alias("DATE_MATCH"),
        "FOSTER_CARE",
        "NB_ADOPTR",
        "SEX_ADOPTR",
        "LS_ADOPTR",
    )
    out["PrevPerm"] = (
        prev_perm(cfg, ch, rng)
        .join(key, on="IX", how="left")
        .select("CHILD", "DOB", "PREV_PERM", "LA_PERM", "DATE_PERM")
    )
    return out
