"""Teams, posts and the people who fill them; who holds each child, and when.

Each funded post is a renewal process: a permanent worker stays for an exponential time set by
the turnover rate, then the post is vacant (filled again at the rate that gives the preset's
vacancy rate), usually covered by a chain of agency workers. A child is assigned to a post (first
in a front-door team, then a children-in-care team, reallocated now and then); the worker who
holds the child is whoever fills the post at the time, or the team manager while it is empty.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import polars as pl

from lookedafter.synth.base import (
    NULL,
    OPEN,
    day,
    first_in,
    group_first,
    group_last,
    ids,
    last_in,
    next_in,
    pick,
    streams,
    text,
)
from lookedafter.synth.config import SynthConfig
from lookedafter.synth.names import staff_names
from lookedafter.synth.people import Children

TEAM_SIZE = 7
PERM_LEAVE = (
    ("RESIGNED", "RETIRED", "MOVED_INTERNAL", "DISMISSED", "OTHER"),
    (0.62, 0.10, 0.15, 0.03, 0.10),
)
REALLOCATE = (
    ("MANAGE", "ABSENC", "CHCHAN", "ORGRST", "PCCHAN", "OTHERS"),
    (0.55, 0.15, 0.04, 0.08, 0.04, 0.14),
)


@dataclass
class Workforce:
    teams: pl.DataFrame
    posts: pl.DataFrame  # POST, TEAM_ID, ROLE, FTE, FALLBACK (post that covers a gap)
    workers: pl.DataFrame  # Workers table plus POST, day-number START/END
    occupancy: pl.DataFrame  # POST, WORKER_ID, O_START, O_END (day numbers)
    vacancies: pl.DataFrame  # Vacancies table (dates)
    allocations: (
        pl.DataFrame
    )  # IX, WORKER_ID, ALLOC_ROLE, START, END (days), CHANGE_REASON, TEAM_ID


def _teams(cfg: SynthConfig, ch: Children) -> tuple[pl.DataFrame, pl.DataFrame]:
    as_of = day(cfg.as_of)
    in_care = int(((ch.start <= as_of) & (ch.end > as_of)).sum())
    starts = int(((ch.start > as_of - 365) & (ch.start <= as_of)).sum())
    rates = cfg.rates
    n_cic = max(1, int(np.ceil(in_care / rates.caseload / TEAM_SIZE)))
    n_fd = max(1, int(np.ceil(starts * 70 / 365 / 12 / TEAM_SIZE)))
    n_iro = max(2, int(np.ceil(in_care / 65)))
    teams: list[tuple[str, str, str]] = []
    for t in range(n_cic):
        teams.append((f"CIC{t + 1:02d}", f"Children in care team {t + 1}", "Children in care"))
    for t in range(n_fd):
        teams.append((f"FD{t + 1:02d}", f"Assessment team {t + 1}", "Front door"))
    teams += [
        ("IRO", "Independent reviewing service", "IRO service"),
        ("QA", "Quality assurance", "Quality assurance"),
        ("EDT", "Emergency duty team", "Out of hours"),
        ("LEAD", "Leadership", "Leadership"),
    ]
    return pl.DataFrame(
        teams, schema=["TEAM_ID", "TEAM_NAME", "SERVICE"], orient="row"
    ), pl.DataFrame({"n_cic": [n_cic], "n_fd": [n_fd], "n_iro": [n_iro], "in_care": [in_care]})


def _posts(sizes: pl.DataFrame, rng: np.random.Generator) -> pl.DataFrame:
    n_cic, n_fd, n_iro, in_care = (int(sizes[c][0]) for c in sizes.columns)
    rows: list[tuple[str, str, str | None]] = []  # team, role, fallback post id (assigned below)
    for prefix, count in (("CIC", n_cic), ("FD", n_fd)):
        for t in range(count):
            team = f"{prefix}{t + 1:02d}"
            rows.append((team, "TM", "SM-" + prefix))
            rows += [(team, "SW", f"TM-{team}")] * TEAM_SIZE
    rows.append(("CIC01", "SM", "HOS"))
    rows += [("CIC01", "SM", "HOS")] * (max(1, n_cic // 4) - 1)
    rows.append(("FD01", "SM", "HOS"))
    rows.append(("IRO", "SM", "HOS"))
    rows += [("IRO", "IRO", "SM-IRO")] * n_iro
    rows += [("QA", "QA", "HOS")] * max(2, int(np.ceil(in_care / 250)))
    rows.append(("EDT", "TM", "HOS"))
    rows += [("EDT", "SW", "TM-EDT")] * max(3, int(np.ceil(in_care / 300)))
    rows += [("LEAD", "HOS", "LEADER"), ("LEAD", "LEADER", None)]
    rows += [("LEAD", "ANALYST", "HOS")] * max(1, in_care // 1000)
    frame = pl.DataFrame(rows, schema=["TEAM_ID", "ROLE", "FALLBACK_KEY"], orient="row")
    n = len(frame)
    fte = np.where(rng.random(n) < 0.14, rng.choice([0.5, 0.6, 0.8], n), 1.0)
    frame = frame.with_columns(pl.int_range(n).alias("POST"), pl.Series("FTE", fte))
    # the post a gap falls back on: the team manager, the service manager, the head of service
    key = (
        pl.when(pl.col("ROLE") == "TM")
        .then(pl.lit("TM-") + pl.col("TEAM_ID"))
        .when((pl.col("ROLE") == "SM") & (pl.col("TEAM_ID") == "IRO"))
        .then(pl.lit("SM-IRO"))
        .when(pl.col("ROLE") == "SM")
        .then(pl.lit("SM-") + pl.col("TEAM_ID").str.replace(r"\d+$", ""))
        .when(pl.col("ROLE").is_in(["HOS", "LEADER"]))
        .then(pl.col("ROLE"))
    )
    frame = frame.with_columns(key.alias("KEY"))
    first = (
        frame.filter(pl.col("KEY").is_not_null())
        .group_by("KEY")
        .agg(pl.col("POST").min().alias("FALLBACK"))
    )
    return frame.join(
        first, left_on="FALLBACK_KEY", right_on="KEY", how="left", maintain_order="left"
    ).drop("FALLBACK_KEY", "KEY")


def _occupants(
    cfg: SynthConfig, posts: pl.DataFrame, rng: np.random.Generator
) -> tuple[pl.DataFrame, pl.DataFrame]:
    r = cfg.rates
    t0 = day(cfg.window_start) - 3 * 365
    end = day(cfg.as_of) + 1
    n = len(posts)
    role = posts["ROLE"].to_numpy()
    always = np.isin(role, ["HOS", "LEADER", "SM", "ANALYST"])
    fill_rate = r.turnover * (1 - r.vacancy) / max(r.vacancy, 0.01)  # vacancies filled per year
    occ: list[tuple[np.ndarray, ...]] = []  # post, start, end, agency
    vac: list[tuple[np.ndarray, ...]] = []  # post, start, end
    t = np.full(n, t0, dtype=np.int64)
    perm = (rng.random(n) >= r.vacancy) | always
    first = np.ones(n, dtype=bool)
    while True:
        live = np.flatnonzero(t < end)
        if len(live) == 0:
            break
        p = live[perm[live]]
        tenure = (rng.exponential(1 / r.turnover, len(p)) * 365.25).astype(np.int64) + 30
        began = np.where(first[p], t[p] - rng.integers(0, 3650, len(p)), t[p])
        occ.append((p, began, t[p] + tenure, np.zeros(len(p), dtype=bool)))
        t[p] += tenure
        v = live[~perm[live]]
        gap = (rng.exponential(1 / fill_rate, len(v)) * 365.25).astype(np.int64) + 14
        gap = np.where(always[v], 30, gap)
        vac.append((v, t[v], t[v] + gap))
        # agency cover: a chain of locums through the vacancy
        # (managers' posts always get an interim at once)
        takes = (rng.random(len(v)) < r.agency_cover) | always[v]
        covered = v[takes]
        cur = t[covered] + np.where(always[covered], 0, rng.integers(0, 21, len(covered)))
        stop = t[covered] + gap[np.isin(v, covered)]
        while len(covered):
            stint = (rng.exponential(1 / r.agency_churn, len(covered)) * 365.25).astype(
                np.int64
            ) + 20
            fin = np.minimum(cur + stint, stop)
            occ.append((covered, cur, fin, np.ones(len(covered), dtype=bool)))
            more = (fin < stop) & (fin < end)
            covered, cur, stop = (
                covered[more],
                fin[more] + rng.integers(0, 8, more.sum()),
                stop[more],
            )
            keep = cur < stop
            covered, cur, stop = covered[keep], cur[keep], stop[keep]
        t[v] += gap
        first[live] = False
        perm[live] = ~perm[live]
    o = pl.DataFrame(
        {
            "POST": np.concatenate([x[0] for x in occ]),
            "O_START": np.concatenate([x[1] for x in occ]),
            "O_END": np.concatenate([x[2] for x in occ]),
            "AGENCY": np.concatenate([x[3] for x in occ]),
        }
    ).sort("POST", "O_START")
    vacant = pl.DataFrame(
        {
            "POST": np.concatenate([x[0] for x in vac]),
            "V_START": np.concatenate([x[1] for x in vac]),
            "V_END": np.concatenate([x[2] for x in vac]),
        }
    ).sort("POST", "V_START")
    return o, vacant


def _gaps(occupancy: pl.DataFrame, posts: pl.DataFrame, t0: int) -> pl.DataFrame:
    """Stretches when a post has nobody in it (held by the fallback post meanwhile)."""
    o = occupancy.sort("POST", "O_START")
    prev_end = pl.col("O_END").cum_max().shift(1).over("POST")  # small frame
    gaps = o.with_columns(prev_end.alias("PREV")).filter(
        pl.col("PREV").is_not_null() & (pl.col("O_START") > pl.col("PREV"))
    )
    gaps = gaps.select("POST", pl.col("PREV").alias("G_START"), pl.col("O_START").alias("G_END"))
    lasts = (
        o.group_by("POST")
        .agg(pl.col("O_END").max().alias("G_START"))
        .with_columns(pl.lit(int(OPEN), dtype=pl.Int64).alias("G_END"))
    )
    firsts = (
        o.group_by("POST")
        .agg(pl.col("O_START").min().alias("G_END"))
        .with_columns(pl.lit(t0, dtype=pl.Int64).alias("G_START"))
    )
    all_gaps = pl.concat(
        [gaps, lasts.select("POST", "G_START", "G_END"), firsts.select("POST", "G_START", "G_END")]
    ).filter(pl.col("G_END") > pl.col("G_START"))
    return all_gaps.join(posts.select("POST", "FALLBACK"), on="POST", how="left")


def _resolve(assign: pl.DataFrame, occupancy: pl.DataFrame, gaps: pl.DataFrame) -> pl.DataFrame:
    """Turn post assignments (IX, POST, A_START, A_END, REASON) into worker pieces."""
    pieces = []
    todo = assign
    for _ in range(4):
        hit = todo.join(
            occupancy.select("POST", "WORKER_ID", "O_START", "O_END"), on="POST"
        ).filter((pl.col("O_START") < pl.col("A_END")) & (pl.col("O_END") > pl.col("A_START")))
        pieces.append(
            hit.select(
                "IX",
                "WORKER_ID",
                pl.max_horizontal("A_START", "O_START").alias("START"),
                pl.min_horizontal("A_END", "O_END").alias("END"),
                pl.when(pl.col("O_START") > pl.col("A_START"))
                .then(pl.lit("LEFTRL"))
                .otherwise(pl.col("REASON"))
                .alias("REASON"),
            )
        )
        gap = todo.join(gaps, on="POST").filter(
            (pl.col("G_START") < pl.col("A_END"))
            & (pl.col("G_END") > pl.col("A_START"))
            & pl.col("FALLBACK").is_not_null()
        )
        todo = gap.select(
            "IX",
            pl.col("FALLBACK").alias("POST"),
            pl.max_horizontal("A_START", "G_START").alias("A_START"),
            pl.min_horizontal("A_END", "G_END").alias("A_END"),
            pl.when(pl.col("G_START") > pl.col("A_START"))
            .then(pl.lit("LEFTRL"))
            .otherwise(pl.col("REASON"))
            .alias("REASON"),
        )
        if todo.is_empty():
            break
    out = pl.concat(pieces).filter(pl.col("END") > pl.col("START")).sort("IX", "START")
    out = _runs(out)
    # a cover of a day or two is not recorded as a change of worker: the neighbours absorb it
    out = out.with_columns(
        group_first(pl.col("START")).alias("_F"), group_last(pl.col("END")).alias("_L")
    )
    only = first_in() & last_in()
    out = out.filter((pl.col("END") - pl.col("START") >= 3) | only)
    out = out.with_columns(
        pl.when(first_in()).then(pl.col("_F")).otherwise(pl.col("START")).alias("START")
    ).with_columns(next_in(pl.col("START")).fill_null(pl.col("_L")).alias("END"))
    return _runs(out.drop("_F", "_L"))


def _runs(frame: pl.DataFrame) -> pl.DataFrame:
    """Consecutive pieces with the same worker (sorted by child and start) as one allocation."""
    new = first_in() | (pl.col("WORKER_ID") != pl.col("WORKER_ID").shift(1))
    new = new | (pl.col("START") != pl.col("END").shift(1))
    runs = frame.with_columns(new.cum_sum().alias("RUN"))
    return (
        runs.group_by("RUN", maintain_order=True)
        .agg(
            pl.col("IX").first(),
            pl.col("WORKER_ID").first(),
            pl.col("START").first(),
            pl.col("END").last(),
            pl.col("REASON").first(),
        )
        .drop("RUN")
    )


def build(cfg: SynthConfig, ch: Children) -> Workforce:
    rng = streams(cfg.seed, "workforce")
    teams, sizes = _teams(cfg, ch)
    posts = _posts(sizes, rng)
    occ, vacant = _occupants(cfg, posts, rng)
    t0 = day(cfg.window_start) - 3 * 365
    occ = occ.with_columns(
        ids("SW", np.arange(1, len(occ) + 1) * 7 + 100_000, 6).alias("WORKER_ID")
    )
    occ = occ.join(posts, on="POST", how="left", maintain_order="left")
    as_of = day(cfg.as_of)
    m = len(occ)
    agency = occ["AGENCY"].to_numpy()
    leave_reason = np.where(agency, "CONTRACT_END", pick(rng, PERM_LEAVE[0], PERM_LEAVE[1], m))
    left = occ["O_END"].to_numpy() <= as_of
    workers = occ.with_columns(
        staff_names(rng, m),
        text(np.where(left, leave_reason, NULL), "LEAVE_REASON"),
    )
    workers = workers.with_columns(
        (pl.col("ROLE").is_in(["SW"]) & pl.col("TEAM_ID").str.contains("^(CIC|FD)")).alias(
            "CASE_HOLDING"
        )
    )
    # line manager: whoever holds the fallback post when the worker starts
    mgr = occ.select(
        pl.col("POST").alias("FALLBACK"),
        pl.col("WORKER_ID").alias("MANAGER_ID"),
        pl.col("O_START").alias("MS"),
    ).sort("MS")
    workers = (
        workers.sort("O_START")
        .join_asof(
            mgr,
            left_on="O_START",
            right_on="MS",
            by="FALLBACK",
            strategy="backward",
            check_sortedness=False,
        )
        .sort("WORKER_ID")
    )
    gaps = _gaps(occ, posts, t0)
    return Workforce(
        teams=teams,
        posts=posts,
        workers=workers,
        occupancy=occ.select("POST", "WORKER_ID", "O_START", "O_END", "TEAM_ID", "ROLE"),
        vacancies=vacant.join(
            posts.select("POST", "TEAM_ID", "ROLE", "FTE"), on="POST", how="left"
        ),
        allocations=_allocate(cfg, ch, posts, occ, gaps, rng),
    )


def _allocate(
    cfg: SynthConfig,
    ch: Children,
    posts: pl.DataFrame,
    occ: pl.DataFrame,
    gaps: pl.DataFrame,
    rng: np.random.Generator,
) -> pl.DataFrame:
    n = len(ch)
    as_of = day(cfg.as_of)
    t0 = day(cfg.window_start) - 2 * 365
    stop = np.where(ch.end == OPEN, int(OPEN), ch.end)
    begin = np.maximum(ch.start, t0)
    live = np.flatnonzero(stop > begin)
    sw = posts.filter(pl.col("ROLE") == "SW")
    cic_posts = [
        g["POST"].to_numpy()
        for _, g in sw.filter(pl.col("TEAM_ID").str.starts_with("CIC")).group_by(
            "TEAM_ID", maintain_order=True
        )
    ]
    fd_posts = sw.filter(pl.col("TEAM_ID").str.starts_with("FD"))["POST"].to_numpy()
    team = rng.integers(0, len(cic_posts), n)
    team_posts = np.stack([np.resize(p, TEAM_SIZE) for p in cic_posts])
    pieces_ix, pieces_post, pieces_start, pieces_reason = [], [], [], []
    # front door first, for children who start within the history
    fresh = live[ch.start[live] >= t0]
    transfer = ch.start + rng.integers(15, 81, n)
    pieces_ix.append(fresh)
    pieces_post.append(fd_posts[rng.integers(0, len(fd_posts), len(fresh))])
    # (from the start of an earlier period of care, if any: the case stayed open in between)
    first = np.asarray(ch.first)
    pieces_start.append(np.maximum(first[fresh], t0))
    pieces_reason.append(np.full(len(fresh), "FCONTA", dtype=object))
    moved = fresh[transfer[fresh] < stop[fresh]]
    old = live[ch.start[live] < t0]
    into = np.concatenate([moved, old])
    pieces_ix.append(into)
    pieces_post.append(team_posts[team[into], rng.integers(0, TEAM_SIZE, len(into))])
    pieces_start.append(np.concatenate([transfer[moved], begin[old]]))
    pieces_reason.append(
        np.concatenate(
            [np.full(len(moved), "TSPROC", dtype=object), np.full(len(old), "OTHERS", dtype=object)]
        )
    )
    # reallocations within the team
    years = (np.minimum(stop[live], as_of) - begin[live]) / 365.25
    count = rng.poisson(cfg.rates.reallocation * np.maximum(years, 0))
    rix = np.repeat(live, count)
    lo = np.where(ch.start[rix] >= t0, transfer[rix], begin[rix])
    hi = np.minimum(stop[rix], as_of)
    when = lo + (rng.random(len(rix)) * np.maximum(hi - lo, 0)).astype(np.int64)
    ok = when < hi
    rix, when = rix[ok], when[ok]
    pieces_ix.append(rix)
    pieces_post.append(team_posts[team[rix], rng.integers(0, TEAM_SIZE, len(rix))])
    pieces_start.append(when)
    pieces_reason.append(pick(rng, REALLOCATE[0], REALLOCATE[1], len(rix)))
    assign = pl.DataFrame(
        {
            "IX": np.concatenate(pieces_ix),
            "POST": np.concatenate(pieces_post),
            "A_START": np.concatenate(pieces_start).astype(np.int64),
            "REASON": text(np.concatenate(pieces_reason)),
        }
    ).sort("IX", "A_START")
    stop_s = pl.Series(stop.astype(np.int64))
    assign = assign.with_columns(
        next_in(pl.col("A_START")).fill_null(stop_s.gather(assign["IX"])).alias("A_END")
    ).filter(pl.col("A_END") > pl.col("A_START"))
    occ_small = occ.select("POST", "WORKER_ID", "O_START", "O_END")
    sw_alloc = _resolve(assign, occ_small, gaps).with_columns(pl.lit("SW").alias("ALLOC_ROLE"))
    # IROs: one per child, changing only when the IRO leaves
    iro_posts = posts.filter(pl.col("ROLE") == "IRO")["POST"].to_numpy()
    iro_assign = pl.DataFrame(
        {
            "IX": live,
            "POST": iro_posts[rng.integers(0, len(iro_posts), len(live))],
            "A_START": begin[live].astype(np.int64),
            "A_END": stop[live].astype(np.int64),
            "REASON": pl.Series(["FCONTA"] * len(live), dtype=pl.String),
        }
    )
    iro_alloc = _resolve(iro_assign, occ_small, gaps).with_columns(
        pl.lit("IRO").alias("ALLOC_ROLE")
    )
    out = pl.concat([sw_alloc, iro_alloc]).with_columns(pl.col("END").clip(upper_bound=int(OPEN)))
    return out.join(occ.select("WORKER_ID", "TEAM_ID"), on="WORKER_ID", how="left").sort(
        "IX", "ALLOC_ROLE", "START"
    )
