"""Put the synthetic authority together: every table of the canonical dataset, whole history."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import polars as pl

from lookedafter.schema.dataset import Dataset, Meta
from lookedafter.schema.tables import TABLES
from lookedafter.synth import (
    episodes,
    missing,
    outcomes,
    oversight,
    people,
    permanence,
    places,
    schedule,
    short_breaks,
    workforce,
)
from lookedafter.synth.base import NULL, OPEN, as_date, birthday, day, ids, streams, text
from lookedafter.synth.config import SynthConfig
from lookedafter.synth.names import children_names

Progress = Callable[[str], None]


def _quiet(_: str) -> None:
    return None


def child_ids(n: int) -> pl.Series:
    return ids("C", np.arange(1, n + 1), 6 if n < 999_999 else 7)


def _upn(rng: np.random.Generator, n: int, la_code: str) -> pl.Series:
    """Unique pupil numbers with a valid check letter (DfE algorithm: weights 2-13, mod 23)."""
    letters = np.asarray(list("ABCDEFGHJKLMNPQRTUVWXYZ"), dtype=object)
    digits = np.empty((n, 12), dtype=np.int64)
    digits[:, :3] = [int(c) for c in la_code[:3].zfill(3)]
    digits[:, 3:] = rng.integers(0, 10, (n, 9))
    check = (digits * np.arange(2, 14)).sum(axis=1) % 23
    number = (digits * (10 ** np.arange(11, -1, -1, dtype=np.int64))).sum(axis=1)
    body = pl.Series(number).cast(pl.String).str.zfill(12)
    return pl.select(text(letters[check]) + body).to_series()


def _until(days: np.ndarray, as_of: int) -> np.ndarray:
    """Dates after the as-of date have not happened yet: none (OPEN)."""
    return np.where(days > as_of, OPEN, days)


def _days_to_dates(frame: pl.DataFrame, columns: dict[str, str]) -> pl.DataFrame:
    """Rename day-number columns to table columns as dates (OPEN becomes null)."""
    return frame.with_columns(
        pl.when(pl.col(src) >= int(OPEN))
        .then(None)
        .otherwise(pl.col(src))
        .cast(pl.Int32)
        .cast(pl.Date)
        .alias(dst)
        for src, dst in columns.items()
    )


def _add_short_breaks(
    cfg: SynthConfig, ch: people.Children, pool: places.Pool, tables: dict[str, pl.DataFrame]
) -> None:
    """Children on agreed series of short breaks, after the children in care (see
    ``short_breaks``): their Header, Children, Episodes and PrevPerm rows."""
    n = len(ch)
    sb = short_breaks.build(cfg, n)
    k = len(sb.ix)
    if not k:
        return
    rng = streams(cfg.seed, "short break identity")
    child = short_breaks.child_ids(sb, 6 if n < 999_999 else 7)
    ethnic = rng.choice(ch.ethnic[~ch.uasc], size=k) if (~ch.uasc).any() else ch.ethnic[:k]
    upn = np.where((day(cfg.as_of) - sb.dob) / 365.25 < 4, "UN1", _upn(rng, k, cfg.la_code))
    header = pl.DataFrame(
        {
            "CHILD": child,
            "SEX": pl.Series("SEX", np.where(sb.male, "M", "F"), dtype=pl.String),
            "DOB": as_date(sb.dob, "DOB"),
            "ETHNIC": text(ethnic),
            "UPN": text(upn.astype(object)),
            "MOTHER": text(np.full(k, None, dtype=object)),
            "MC_DOB": as_date(np.full(k, OPEN), "MC_DOB"),
        }
    )
    fore, sur = children_names(rng, sb.male)
    homes = places.homes(pool, rng, k, None if cfg.england else cfg.laua)
    kids = pl.DataFrame(
        {
            "CHILD": child,
            "FORENAME": fore,
            "SURNAME": sur,
            "HOME_POST": places.formatted(pool, homes),
            "DISABILITY": np.ones(k, dtype=bool),
            "RESTRICTED": np.zeros(k, dtype=bool),
        }
    )
    eps = short_breaks.episodes_table(sb, child, tables["Episodes"].columns)
    # previous permanence, asked of every child starting a period of care (rule 630): none
    prev = header.select(
        "CHILD",
        "DOB",
        pl.lit("Z1").alias("PREV_PERM"),
        pl.lit(None, dtype=pl.String).alias("LA_PERM"),
        pl.lit(None, dtype=pl.String).alias("DATE_PERM"),
    ).select(tables["PrevPerm"].columns)
    extras = (("Header", header), ("Children", kids), ("Episodes", eps), ("PrevPerm", prev))
    for name, extra in extras:
        tables[name] = pl.concat([tables[name], extra.cast(tables[name].schema)])


def generate(cfg: SynthConfig, progress: Progress = _quiet) -> Dataset:
    """A whole synthetic authority for ``cfg``: deterministic for its seed."""
    progress("children")
    ch = people.make(cfg)
    n = len(ch)
    child = child_ids(n)
    rng = streams(cfg.seed, "identity")
    progress("postcodes")
    pool = places.load_pool()
    progress("episodes")
    tl = episodes.build(ch, cfg, pool)
    home_post = places.formatted(pool, tl.home_rows).scatter(np.flatnonzero(ch.uasc), None)
    dob = as_date(ch.dob, "DOB")
    sex = pl.Series("SEX", np.where(ch.male, "M", "F"), dtype=pl.String)
    key = pl.DataFrame({"IX": np.arange(n), "CHILD": child, "DOB": dob})
    tables: dict[str, pl.DataFrame] = {}

    as_of = day(cfg.as_of)
    upn = _upn(rng, n, cfg.la_code).to_numpy().astype(object)
    upn = np.where((as_of - ch.dob) / 365.25 < 4, "UN1", upn)
    upn = np.where(ch.uasc & (rng.random(n) < 0.7), "UN2", upn)
    # a young mother: her first child born while she was looked after, from 14
    last_in_care = np.minimum(np.where(ch.end == OPEN, as_of, ch.end), as_of)
    first_child = ch.dob + 365 * 16 + rng.integers(-700, 600, n)
    young_mother = (rng.random(n) < 0.03) & (first_child <= last_in_care)
    young_mother &= first_child >= np.maximum(ch.start, ch.dob + 365 * 14)
    mother = np.where(~ch.male, np.where(young_mother, "1", "0"), NULL)
    mc_dob = np.where(mother == "1", first_child, OPEN)
    tables["Header"] = pl.DataFrame(
        {
            "CHILD": child,
            "SEX": sex,
            "DOB": dob,
            "ETHNIC": text(ch.ethnic),
            "UPN": text(upn),
            "MOTHER": text(mother),
            "MC_DOB": as_date(mc_dob, "MC_DOB"),
        }
    )
    fore, sur = children_names(rng, ch.male)
    tables["Children"] = pl.DataFrame(
        {
            "CHILD": child,
            "FORENAME": fore,
            "SURNAME": sur,
            "HOME_POST": home_post,
            "DISABILITY": ch.disability,
            "RESTRICTED": rng.random(n) < 0.01,
        }
    )
    eps = tl.episodes
    pl_post = places.formatted(pool, np.maximum(eps["PL_ROW"].to_numpy(), 0))
    eps = eps.with_columns(
        pl.when(pl.col("PL_ROW") >= 0).then(pl_post).otherwise(None).alias("PL_POST"),
        home_post.gather(tl.episodes["IX"]).alias("HOME_POST"),
    )
    tables["Episodes"] = (
        _days_to_dates(eps, {"DECOM": "DECOM", "DEC": "DEC"})
        .join(key.select("IX", "CHILD"), on="IX", how="left", maintain_order="left")
        .select(TABLES["Episodes"].column_names)
    )
    dolo = episodes.deprivation_of_liberty(tl.episodes, ch, cfg, streams(cfg.seed, "dolo"))
    tables["DoLo"] = (
        _days_to_dates(dolo, {"S": "DOLO_START", "E": "DOLO_END"})
        .join(key, on="IX", how="left", maintain_order="left")
        .select(TABLES["DoLo"].column_names)
    )
    uasc = np.flatnonzero(ch.uasc)
    tables["UASC"] = pl.DataFrame(
        {
            "CHILD": child.gather(uasc),
            "SEX": sex.gather(uasc),
            "DOB": dob.gather(uasc),
            "DUC": as_date(_until(birthday(ch.dob[uasc], 18), as_of), "DUC"),
        }
    )

    progress("workforce")
    wf = workforce.build(cfg, ch)
    tables["Teams"] = wf.teams
    tables["Workers"] = _days_to_dates(
        wf.workers.with_columns(
            pl.when(pl.col("O_END") > as_of)
            .then(int(OPEN))
            .otherwise(pl.col("O_END"))
            .alias("O_END")
        ),
        {"O_START": "START_DATE", "O_END": "LEAVE_DATE"},
    ).select(TABLES["Workers"].column_names)
    tables["Vacancies"] = _days_to_dates(
        wf.vacancies.with_columns(
            ids("V", np.arange(1, len(wf.vacancies) + 1), 6).alias("VACANCY_ID"),
            pl.when(pl.col("V_END") > as_of)
            .then(int(OPEN))
            .otherwise(pl.col("V_END"))
            .alias("V_END"),
        ).filter(pl.col("V_START") <= as_of),
        {"V_START": "OPEN_DATE", "V_END": "FILLED_DATE"},
    ).select(TABLES["Vacancies"].column_names)
    alloc = wf.allocations.filter(pl.col("START") <= as_of).with_columns(
        pl.when(pl.col("END") > as_of).then(int(OPEN)).otherwise(pl.col("END")).alias("END")
    )
    alloc = alloc.join(key, on="IX", how="left", maintain_order="left")
    tables["Allocations"] = (
        _days_to_dates(alloc, {"START": "ALLOC_START", "END": "ALLOC_END"})
        .rename({"REASON": "CHANGE_REASON"})
        .select(TABLES["Allocations"].column_names)
    )
    sw = (
        tables["Allocations"]
        .filter(pl.col("ALLOC_ROLE") == "SW")
        .join(key.select("CHILD", "DOB"), on="CHILD", how="left")
    )
    tables["SWEpisodes"] = sw.select(
        "CHILD",
        "DOB",
        pl.col("WORKER_ID").alias("SW_ID"),
        pl.col("ALLOC_START").alias("SW_DECOM"),
        pl.col("ALLOC_END").alias("SW_DEC"),
        pl.col("CHANGE_REASON").alias("SW_REASON"),
    )

    progress("reviews, visits, health and education")
    routine = schedule.build(cfg, ch, tl, wf, key)
    rev_days = routine.pop("_reviews")
    health_days = routine.pop("_health")
    tables.update(routine)
    progress("missing episodes and return interviews")
    gone = missing.build(cfg, ch, key, tl.episodes.select("IX", "DECOM"))
    gone.pop("_missing")
    tables.update(gone)
    progress("permanence and outcomes")
    tables.update(permanence.build(cfg, ch, tl, key, rev_days))
    tables.update(outcomes.build(cfg, ch, key, health_days))
    progress("oversight")
    tables.update(oversight.build(cfg, ch, wf, tl.segments, rev_days, key))
    progress("short breaks")
    _add_short_breaks(cfg, ch, pool, tables)
    meta = Meta(
        la_code=cfg.la_code,
        la_name=cfg.la_name if not cfg.england else "England (synthetic)",
        as_of=cfg.as_of,
        collection_year=cfg.final_year,
        source=(
            f"lookedafter synth seed={cfg.seed} preset={cfg.preset}"
            f" children={cfg.children} years={cfg.years}"
        ),
    )
    return Dataset(tables, meta)
