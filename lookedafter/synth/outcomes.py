"""Outcome returns: OC2 (looked after 12 months at 31 March) and OC3 (care leavers)."""

from __future__ import annotations

from datetime import date

import numpy as np
import polars as pl

from lookedafter.synth.base import NULL, OPEN, age_years, birthday, day, pick, streams, text
from lookedafter.synth.config import SynthConfig
from lookedafter.synth.people import Children

ACTIVITY = (
    ("F2", "F1", "F5", "P5", "F4", "P2", "P4", "P1", "G4", "G5", "G6"),
    (0.25, 0.07, 0.15, 0.06, 0.05, 0.03, 0.01, 0.01, 0.08, 0.22, 0.07),
)
ACCOMMODATION = (
    ("U", "D", "Z", "E", "B", "T", "K", "X", "V", "W", "S"),
    (0.25, 0.2, 0.12, 0.1, 0.15, 0.05, 0.03, 0.02, 0.02, 0.01, 0.01),
)
IN_TOUCH = (("YES", "NO", "REFU", "NREQ", "RHOM", "DIED"), (0.86, 0.06, 0.03, 0.03, 0.015, 0.005))


def oc2(
    cfg: SynthConfig, ch: Children, health: pl.DataFrame, rng: np.random.Generator
) -> pl.DataFrame:
    frames = []
    for year in range(cfg.first_year, cfg.final_year + 1):
        m31 = day(date(year, 3, 31))
        if m31 > day(cfg.as_of):
            continue
        rows = np.flatnonzero((ch.start <= m31 - 365) & (ch.end > m31))
        n = len(rows)
        age = age_years(ch.dob[rows], np.full(n, m31))
        # SDQ for ages 4-16 at 31 March; nothing at all (no reason either) for those already 17
        # on 1 April (rule 189)
        sdq_age = (age >= 4) & (age <= 16)
        older = age_years(ch.dob[rows], np.full(n, day(date(year - 1, 4, 1)))) >= 17
        frames.append(
            pl.DataFrame(
                {
                    "IX": rows,
                    "YEAR": np.full(n, year, dtype=np.int32),
                    "_age": age,
                    "_sdq_age": sdq_age,
                    "_older": older,
                    "CONVICTED": text(
                        np.where(age >= 10, np.where(rng.random(n) < 0.03, "1", "0"), NULL)
                    ),
                    "HEALTH_CHECK": text(
                        np.where(age < 5, np.where(rng.random(n) < 0.88, "1", "0"), NULL)
                    ),
                    "IMMUNISATIONS": text(np.where(rng.random(n) < 0.86, "1", "0")),
                    "_under4": age < 4,
                    "_sm": np.where(age >= 10, rng.random(n) < 0.04, False),
                    "_offered": rng.random(n) < 0.9,
                    "_received": rng.random(n) < 0.7,
                    "_reason": text(
                        pick(rng, ("SDQ4", "SDQ2", "SDQ5", "SDQ3"), (0.4, 0.2, 0.3, 0.1), n)
                    ),
                    "_skip": rng.random(n) < 0.1,
                }
            )
        )
    if not frames:
        return pl.DataFrame()
    base = pl.concat(frames)
    # what the health records say happened in the year
    h = health.with_columns(
        pl.when(pl.col("DAY").cast(pl.Int32).cast(pl.Date).dt.month() <= 3)
        .then(pl.col("DAY").cast(pl.Int32).cast(pl.Date).dt.year())
        .otherwise(pl.col("DAY").cast(pl.Int32).cast(pl.Date).dt.year() + 1)
        .cast(pl.Int32)
        .alias("YEAR")
    )
    seen = h.group_by("IX", "YEAR").agg(
        pl.col("HEALTH_KIND").is_in(["IHA", "RHA"]).any().alias("_ha"),
        (pl.col("HEALTH_KIND") == "DENTAL").any().alias("_dental"),
        pl.col("SDQ_SCORE").drop_nulls().last().alias("_sdq"),
    )

    def flag(c: str) -> pl.Expr:
        return pl.when(pl.col(c).fill_null(False)).then(pl.lit("1")).otherwise(pl.lit("0"))

    out = base.join(seen, on=["IX", "YEAR"], how="left").with_columns(
        flag("_ha").alias("HEALTH_ASSESSMENT"),
        flag("_dental").alias("TEETH_CHECK"),
        pl.when(pl.col("_sdq_age") & ~pl.col("_skip"))
        .then(pl.col("_sdq"))
        .cast(pl.Int32)
        .alias("SDQ_SCORE"),
        flag("_sm").alias("SUBSTANCE_MISUSE"),
    )
    return out.with_columns(
        pl.when(pl.col("SDQ_SCORE").is_not_null())
        .then(None)
        .when(pl.col("_under4") | pl.col("_older"))
        .then(None)
        .when(~pl.col("_sdq_age"))
        .then(pl.lit("SDQ1"))
        .otherwise(pl.col("_reason"))
        .alias("SDQ_REASON"),
        pl.when(pl.col("_sm") & ~pl.col("_received"))
        .then(flag("_offered"))
        .alias("INTERVENTION_OFFERED"),
        pl.when(pl.col("_sm")).then(flag("_received")).alias("INTERVENTION_RECEIVED"),
    )


def oc3(cfg: SynthConfig, ch: Children, rng: np.random.Generator) -> pl.DataFrame:
    as_of = day(cfg.as_of)
    b14, b16 = birthday(ch.dob, 14), birthday(ch.dob, 16)
    leaver = (ch.end != OPEN) & (ch.end >= b16) & (ch.end - np.maximum(ch.start, b14) >= 91)
    leaver &= ch.rec != "E3"  # the authority that took over returns them
    died_at = np.where(rng.random(len(ch)) < 0.006, rng.integers(17, 22, len(ch)), 99)
    lo, hi = day(cfg.window_start), as_of
    frames = []
    for age in range(17, 22):
        bd = birthday(ch.dob, age)
        rows = np.flatnonzero(leaver & (bd > ch.end) & (bd >= lo) & (bd <= hi))
        frames.append(pl.DataFrame({"IX": rows, "BD": bd[rows], "AGE": np.full(len(rows), age)}))
    out = pl.concat(frames)
    n = len(out)
    touch = pick(rng, IN_TOUCH[0][:-1], IN_TOUCH[1][:-1], n)
    years_old = out["AGE"].to_numpy()
    touch = np.where(years_old >= died_at[out["IX"].to_numpy()], "DIED", touch)  # and stays so
    active = np.isin(touch, ["YES", "NREQ"])
    activ = np.where(active, pick(rng, ACTIVITY[0], ACTIVITY[1], n), "0")
    letter = pick(rng, ACCOMMODATION[0], ACCOMMODATION[1], n)
    letter = np.where((letter == "Z") & (years_old < 18), "B", letter)  # staying put is 18+
    letter = np.where((letter == "T") & (years_old < 19), "D", letter)  # foyers: adults only
    suit = np.where((rng.random(n) < 0.88) & ~np.isin(letter, ["S", "X"]), "1", "2")
    accom = np.where(active, np.char.add(letter.astype(str), suit), "0")
    bday = out["BD"].cast(pl.Int32).cast(pl.Date)
    year = pl.select(
        pl.when(bday.dt.month() <= 3).then(bday.dt.year()).otherwise(bday.dt.year() + 1)
    ).to_series()
    return out.with_columns(
        text(touch, "IN_TOUCH"),
        text(activ, "ACTIV"),
        text(accom.astype(object), "ACCOM"),
        year.cast(pl.Int32).alias("YEAR"),
    )


def build(
    cfg: SynthConfig, ch: Children, key: pl.DataFrame, health_days: pl.DataFrame
) -> dict[str, pl.DataFrame]:
    rng = streams(cfg.seed, "outcomes")
    out: dict[str, pl.DataFrame] = {}
    two = oc2(cfg, ch, health_days, rng)
    if len(two):
        out["OC2"] = two.join(key, on="IX", how="left", maintain_order="left").select(
            "CHILD",
            "DOB",
            "SDQ_SCORE",
            "SDQ_REASON",
            "CONVICTED",
            "HEALTH_CHECK",
            "IMMUNISATIONS",
            "TEETH_CHECK",
            "HEALTH_ASSESSMENT",
            "SUBSTANCE_MISUSE",
            "INTERVENTION_RECEIVED",
            "INTERVENTION_OFFERED",
            "YEAR",
        )
    out["OC3"] = (
        oc3(cfg, ch, rng)
        .join(key, on="IX", how="left", maintain_order="left")
        .select("CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM", "YEAR")
    )
    return out
