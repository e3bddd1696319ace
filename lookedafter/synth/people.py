"""The children: who they are and when each was looked after.

Children start to be looked after at a steady rate over the years before and during the history,
each on a care path chosen by age at entry (home again soon, adoption, special guardianship, home
after a longer stay, care until 18, remand, or an unaccompanied asylum-seeking child). The path
fixes how long the period lasts and how it ends. The cohort is then cut so that exactly
``children`` were looked after during the final collection year.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from lookedafter.synth.base import NULL, OPEN, age_years, birthday, day, pick, streams
from lookedafter.synth.config import SynthConfig

QUICK, ADOPT, SGO, HOME_LATER, LONG, REMAND, UASC = range(7)
PATH_NAMES = ("quick", "adopt", "sgo", "home_later", "long", "remand", "uasc")
YEAR = 365.25
# share of entrants per path, by age band at entry: under 1, 1-4, 5-9, 10-15, 16-17
PATH_BY_BAND = np.array(
    [
        # QUICK ADOPT SGO  HOME_L LONG REMAND
        [0.19, 0.45, 0.13, 0.08, 0.15, 0.00],
        [0.28, 0.22, 0.17, 0.13, 0.20, 0.00],
        [0.38, 0.00, 0.12, 0.20, 0.30, 0.00],
        [0.46, 0.00, 0.04, 0.16, 0.28, 0.06],
        [0.52, 0.00, 0.00, 0.10, 0.30, 0.08],
    ]
)
BAND_DAYS = ((0, 365), (365, 1826), (1826, 3652), (3652, 5844), (5844, 6540))
ETHNIC_CODES = {
    "White": (("WBRI", "WOTH", "WIRI", "WIRT", "WROM"), (0.86, 0.10, 0.01, 0.015, 0.015)),
    "Mixed": (("MWBC", "MWBA", "MWAS", "MOTH"), (0.35, 0.15, 0.15, 0.35)),
    "Black": (("BAFR", "BCRB", "BOTH"), (0.50, 0.30, 0.20)),
    "Asian": (("APKN", "ABAN", "AIND", "AOTH"), (0.35, 0.15, 0.15, 0.35)),
    "Other": (("OOTH", "CHNE"), (0.92, 0.08)),
    "Unknown": (("NOBT", "REFU"), (0.6, 0.4)),
}
UASC_ETHNIC_CODES = {
    "White": (("WOTH",), (1.0,)),
    "Mixed": (("MOTH",), (1.0,)),
    "Black": (("BAFR", "BOTH"), (0.9, 0.1)),
    "Asian": (("AOTH", "APKN"), (0.9, 0.1)),
    "Other": (("OOTH",), (1.0,)),
    "Unknown": (("NOBT",), (1.0,)),
}
AGED_OUT = (
    ("E17", "E5", "E6", "E8", "E7", "E13", "E4A"),
    (0.22, 0.45, 0.09, 0.14, 0.02, 0.05, 0.03),
)


@dataclass
class Children:
    """One row per child (one period of care each), as numpy columns."""

    dob: np.ndarray
    male: np.ndarray
    ethnic: np.ndarray
    uasc: np.ndarray
    path: np.ndarray
    start: np.ndarray
    end: np.ndarray  # day care ceased; OPEN while still looked after at the as-of date
    planned_end: np.ndarray  # the day the path would end (beyond the as-of date for open periods)
    rec: np.ndarray  # reason ceased (None while open)
    instability: np.ndarray  # multiplier on placement moves
    disability: np.ndarray
    # an earlier, short period of care that ended with a return home before this one began
    # (``first`` = its start, ``first_end`` = the day it ceased); both ``start`` when none
    first: np.ndarray | None = None
    first_end: np.ndarray | None = None

    def __post_init__(self) -> None:
        if self.first is None:
            self.first = self.start.copy()
        if self.first_end is None:
            self.first_end = self.start.copy()

    @property
    def earlier(self) -> np.ndarray:
        """True for children with an earlier period of care."""
        return np.asarray(self.first) < self.start

    def __len__(self) -> int:
        return len(self.start)

    def take(self, rows: np.ndarray) -> Children:
        return Children(**{k: v[rows] for k, v in self.__dict__.items()})


def _ethnicity(rng: np.random.Generator, cfg: SynthConfig, uasc: np.ndarray) -> np.ndarray:
    pop = cfg.population
    groups = [g for g, _ in pop.ethnic_target]
    target = np.array([p for _, p in pop.ethnic_target])
    in_uasc = np.array([p for _, p in pop.ethnic_uasc])
    share = 0.08  # UASC share of children in care at 31 March (REFERENCE.md §3)
    rest = np.clip((target - share * in_uasc) / (1 - share), 0.001, None)
    out = np.empty(len(uasc), dtype=object)
    for is_uasc, probs, table in ((False, rest, ETHNIC_CODES), (True, in_uasc, UASC_ETHNIC_CODES)):
        rows = np.flatnonzero(uasc == is_uasc)
        group = pick(rng, groups, probs, len(rows))
        for g, (codes, weights) in table.items():
            sel = rows[group == g]
            out[sel] = pick(rng, codes, weights, len(sel))
    return out


def _candidates(cfg: SynthConfig, n: int, rng: np.random.Generator) -> Children:
    pop = cfg.population
    lo = day(cfg.window_start) - int(19 * YEAR)
    hi = day(cfg.as_of)
    start = np.sort(rng.integers(lo, hi + 1, n))
    uasc = rng.random(n) < pop.uasc_entry_share
    band = rng.choice(5, size=n, p=np.asarray(pop.entry_age) / sum(pop.entry_age))
    bounds = np.array(BAND_DAYS)
    age_days = rng.integers(bounds[band, 0], bounds[band, 1])
    uasc_age = rng.choice([14, 15, 16, 17], size=n, p=[0.03, 0.15, 0.45, 0.37])
    uasc_days = (uasc_age * YEAR + rng.uniform(0, 360, n)).astype(np.int64)
    age_days = np.where(uasc, uasc_days, age_days)
    dob = start - age_days
    male = rng.random(n) < np.where(uasc, pop.male_uasc, pop.male_non_uasc)

    cum = PATH_BY_BAND[band].cumsum(axis=1)
    path = (rng.random(n)[:, None] > cum).sum(axis=1)
    path = np.where(uasc, UASC, path)
    # remand only from the age of criminal responsibility (10; rule 358)
    path = np.where((path == REMAND) & (age_years(dob, start) < 10), QUICK, path)

    dur = np.zeros(n)
    dur = np.where(path == QUICK, np.clip(rng.lognormal(np.log(55), 1.1, n), 1, 420), dur)
    dur = np.where(path == ADOPT, np.clip(rng.normal(650, 170, n), 330, 1500), dur)
    dur = np.where(path == SGO, 150 + rng.gamma(3.0, 250, n), dur)
    dur = np.where(path == HOME_LATER, 120 + rng.gamma(2.0, 420, n), dur)
    dur = np.where(path == LONG, 1e9, dur)
    dur = np.where(path == REMAND, rng.uniform(14, 150, n), dur)
    uasc_early = rng.random(n) < 0.06
    dur = np.where(path == UASC, np.where(uasc_early, rng.uniform(30, 300, n), 1e9), dur)
    b18 = birthday(dob, 18)
    end = np.minimum(start + np.maximum(dur, 1).astype(np.int64), b18)
    aged_out = end >= b18

    rec = np.empty(n, dtype=object)
    rules: list[tuple[int, tuple[str, ...], tuple[float, ...]]] = [
        (
            QUICK,
            ("E4A", "E4B", "E13", "E41", "E8", "E3", "E16"),
            (0.5, 0.1, 0.12, 0.05, 0.15, 0.06, 0.02),
        ),
        (ADOPT, ("E11", "E12"), (0.6, 0.4)),
        (SGO, ("E45", "E46", "E47", "E48"), (0.45, 0.2, 0.25, 0.1)),
        (HOME_LATER, ("E4A", "E41", "E13", "E8"), (0.65, 0.15, 0.1, 0.1)),
        (REMAND, ("E14", "E9", "E4A"), (0.7, 0.2, 0.1)),
        (UASC, ("E15", "E8", "E3"), (0.5, 0.35, 0.15)),
        (LONG, AGED_OUT[0], AGED_OUT[1]),
    ]
    for p, codes, weights in rules:
        rows = np.flatnonzero(path == p)
        rec[rows] = pick(rng, codes, weights, len(rows))
    grown = np.flatnonzero(aged_out)
    rec[grown] = pick(rng, AGED_OUT[0], AGED_OUT[1], len(grown))
    # UASC who turn 18 in care mostly move to supported or independent accommodation
    instability = rng.lognormal(-0.5 * pop.move_spread**2, pop.move_spread, n)
    return Children(
        dob=dob,
        male=male,
        ethnic=_ethnicity(rng, cfg, uasc),
        uasc=uasc,
        path=path,
        start=start,
        end=end,
        planned_end=end.copy(),
        rec=rec,
        instability=instability,
        disability=rng.random(n) < np.where(path == LONG, pop.disability * 1.6, pop.disability),
    )


def make(cfg: SynthConfig) -> Children:
    """Exactly ``cfg.children`` looked after in the final year, plus the history around them."""
    rng = streams(cfg.seed, "people")
    window = day(cfg.window_start)
    final = day(cfg.final_year_start)
    as_of = day(cfg.as_of)
    per_day = cfg.children * (33_000 / 115_000) / 365.25
    span = as_of - (window - int(19 * YEAR))
    factor = 1.3
    while True:
        cand = _candidates(cfg, max(int(per_day * span * factor), 50), rng)
        in_final = (cand.start <= as_of) & (cand.end >= final)
        if in_final.sum() >= cfg.children:
            break
        factor *= 1.5
    in_window = (cand.start <= as_of) & (cand.end >= window)
    b16 = birthday(cand.dob, 16)
    b14 = birthday(cand.dob, 14)
    b21 = birthday(cand.dob, 21)
    leaver = (
        (cand.end >= b16) & (cand.end - np.maximum(cand.start, b14) >= 91) & (b21 >= window - 366)
    )
    finals = np.flatnonzero(in_final)
    keep_final = np.sort(rng.choice(finals, size=cfg.children, replace=False))
    others = np.flatnonzero(~in_final & (in_window | leaver))
    ratio = cfg.children / len(finals)
    keep_other = others[rng.random(len(others)) < ratio]
    chosen = cand.take(np.sort(np.concatenate([keep_final, keep_other])))
    still = chosen.end > as_of
    chosen.end = np.where(still, OPEN, chosen.end)
    chosen.rec = np.where(still, NULL, chosen.rec)
    _earlier_periods(chosen, cfg)
    return chosen


SECOND_PERIOD = 0.06  # share of children (not UASC or on remand) who were in care briefly before


def _earlier_periods(ch: Children, cfg: SynthConfig) -> None:
    """A short earlier period of care for a few children: accommodated for a few days to under
    three weeks, home again, then back in care weeks or months later (a new RNE S)."""
    rng = streams(cfg.seed, "earlier periods")
    n = len(ch)
    length = rng.integers(2, 20, n)
    gap = rng.integers(14, 330, n)
    end = ch.start - gap
    start = end - length
    chosen = (
        np.isin(ch.path, [QUICK, HOME_LATER, LONG, SGO])
        & (start > ch.dob + 60)
        & (start >= day(cfg.window_start) - 365)
        & (rng.random(n) < SECOND_PERIOD)
    )
    ch.first = np.where(chosen, start, ch.start)
    ch.first_end = np.where(chosen, end, ch.start)


def ages(children: Children, at: np.ndarray) -> np.ndarray:
    return age_years(children.dob, at)
