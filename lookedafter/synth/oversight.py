"""Oversight and the service around the child: supervision, management oversight, IRO challenges,
case audits, out-of-hours contacts, advocacy/independent visitor/life-story referrals, documents.
"""

from __future__ import annotations

import numpy as np
import polars as pl

from lookedafter.synth.base import (
    NULL,
    OPEN,
    add_working_days,
    age_years,
    clock,
    day,
    ids,
    pick,
    streams,
    text,
)
from lookedafter.synth.config import SynthConfig
from lookedafter.synth.people import ADOPT, Children
from lookedafter.synth.schedule import worker_at
from lookedafter.synth.workforce import Workforce

LEAD = 400
ISSUES = (
    (
        "PLAN_DRIFT",
        "VISITS",
        "HEALTH",
        "EDUCATION",
        "PERMANENCE",
        "PLACEMENT",
        "CONTACT",
        "RECORDING",
        "OTHER",
    ),
    (0.22, 0.1, 0.1, 0.07, 0.18, 0.12, 0.08, 0.08, 0.05),
)
OUTCOMES = (("RESOLVED", "PARTIAL", "NOT_UPHELD", "WITHDRAWN"), (0.6, 0.2, 0.15, 0.05))
GRADES = ("OUTSTANDING", "GOOD", "RI", "INADEQUATE")
ACTIONS = (
    "Update the chronology",
    "Complete the outstanding statutory visit",
    "Record management oversight of the plan",
    "Book the overdue health assessment",
    "Refer for advocacy",
    "Update the care plan's permanence section",
    "Arrange the return home interview",
    "Start life-story work",
)


def _d(expr: pl.Expr) -> pl.Expr:
    return pl.when(expr >= int(OPEN)).then(None).otherwise(expr).cast(pl.Int32).cast(pl.Date)


def _stop(ch: Children, as_of: int) -> np.ndarray:
    return np.where(ch.end == OPEN, as_of + 1, np.minimum(ch.end, as_of + 1))


def _every(
    rng: np.random.Generator,
    ix: np.ndarray,
    first: np.ndarray,
    stop: np.ndarray,
    mean_gap: float,
    skip: float,
) -> tuple[np.ndarray, np.ndarray]:
    """Roughly regular events from ``first`` until ``stop``, some skipped."""
    out_ix, out_day = [], []
    alive = np.flatnonzero(first < stop)
    t = first.copy()
    while len(alive):
        keep = rng.random(len(alive)) >= skip
        out_ix.append(ix[alive[keep]])
        out_day.append(t[alive[keep]])
        t[alive] += np.maximum(1, rng.gamma(6.0, mean_gap / 6.0, len(alive))).astype(np.int64)
        alive = alive[t[alive] < stop[alive]]
    if not out_ix:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    return np.concatenate(out_ix), np.concatenate(out_day)


def supervision(
    cfg: SynthConfig, wf: Workforce, rng: np.random.Generator
) -> tuple[pl.DataFrame, pl.DataFrame]:
    as_of = day(cfg.as_of)
    lead = day(cfg.window_start) - LEAD
    sw = wf.workers.filter(pl.col("CASE_HOLDING"))
    start = np.maximum(sw["O_START"].to_numpy(), lead) + rng.integers(3, 28, len(sw))
    stop = np.minimum(sw["O_END"].to_numpy(), as_of + 1)
    rows, when = _every(rng, np.arange(len(sw)), start, stop, 29.0, cfg.rates.supervision_missed)
    sessions = pl.DataFrame(
        {
            "WORKER_ID": sw["WORKER_ID"].gather(rows),
            "SUPERVISOR_ID": sw["MANAGER_ID"].gather(rows),
            "DAY": when,
        }
    ).sort("DAY", "WORKER_ID")
    sessions = sessions.with_columns(
        ids("S", np.arange(1, len(sessions) + 1), 7).alias("SESSION_ID")
    )
    # children discussed: some of the worker's caseload at each session. Sessions sorted by
    # worker and date are numbered; each allocation covers a run of those numbers.
    sessions = sessions.sort("WORKER_ID", "DAY").with_columns(pl.int_range(pl.len()).alias("NO"))
    alloc = wf.allocations.filter((pl.col("ALLOC_ROLE") == "SW") & (pl.col("END") > lead)).select(
        "IX", "WORKER_ID", "START", "END"
    )
    numbered = sessions.select("WORKER_ID", "DAY", "NO")
    first = alloc.sort("START").join_asof(
        numbered.sort("DAY"),
        left_on="START",
        right_on="DAY",
        by="WORKER_ID",
        strategy="forward",
        check_sortedness=False,
    )
    last = (
        alloc.with_columns((pl.col("END") - 1).alias("LAST"))
        .sort("LAST")
        .join_asof(
            numbered.sort("DAY"),
            left_on="LAST",
            right_on="DAY",
            by="WORKER_ID",
            strategy="backward",
            check_sortedness=False,
        )
    )
    spans = (
        first.select("IX", "WORKER_ID", "START", pl.col("NO").alias("N0"))
        .join(
            last.select("IX", "WORKER_ID", "START", pl.col("NO").alias("N1")),
            on=["IX", "WORKER_ID", "START"],
        )
        .drop_nulls()
        .filter(pl.col("N1") >= pl.col("N0"))
        .sort("IX", "START")
    )
    cases = spans.select("IX", pl.int_ranges("N0", pl.col("N1") + 1).alias("NO")).explode("NO")
    cases = cases.filter(pl.Series(rng.random(len(cases)) < 0.4))
    cases = cases.join(sessions.select("NO", "SESSION_ID"), on="NO", how="left").select(
        "SESSION_ID", "IX"
    )
    sessions = sessions.sort("SESSION_ID").drop("NO")
    return sessions, cases


def oversight(
    cfg: SynthConfig, ch: Children, wf: Workforce, rng: np.random.Generator
) -> pl.DataFrame:
    as_of = day(cfg.as_of)
    lead = day(cfg.window_start) - LEAD
    stop = _stop(ch, as_of)
    ix = np.arange(len(ch))
    first = np.maximum(ch.start, lead) + rng.integers(5, 40, len(ch))
    rows, when = _every(rng, ix, first, stop, cfg.rates.oversight_interval, 0.0)
    frame = worker_at(wf.allocations, pl.DataFrame({"IX": rows, "DAY": when}))
    managers = wf.workers.select("WORKER_ID", "MANAGER_ID")
    return frame.join(managers, on="WORKER_ID", how="left").drop_nulls("MANAGER_ID")


def challenges(
    cfg: SynthConfig, wf: Workforce, rev: pl.DataFrame, rng: np.random.Generator
) -> pl.DataFrame:
    as_of = day(cfg.as_of)
    lead = day(cfg.window_start) - LEAD
    r = cfg.rates
    base = rev.filter(pl.col("DAY") >= lead)
    base = base.filter(pl.Series(rng.random(len(base)) < r.iro_challenge_rate))
    n = len(base)
    raised = base["DAY"].to_numpy() + rng.integers(0, 10, n)
    due = add_working_days(raised, 10)
    never = rng.random(n) < r.iro_unanswered
    late = rng.random(n) < r.iro_late
    responded = np.where(late, due + rng.integers(1, 40, n), raised + rng.integers(1, 13, n))
    responded = np.minimum(responded, np.where(late, responded, due))
    responded = np.where(never, OPEN, responded)
    resolved = np.where(responded != OPEN, responded + rng.integers(0, 30, n), OPEN)
    responded = np.where(responded > as_of, OPEN, responded)
    resolved = np.where((resolved > as_of) | (responded == OPEN), OPEN, resolved)
    waited = np.where(responded == OPEN, as_of, responded) - due
    stage = np.select(
        [waited <= 0, waited <= 20, waited <= 45, waited <= 90],
        ["INFORMAL", "TM", "SM", "HOS"],
        "DCS",
    )
    stage = np.where((stage == "DCS") & (rng.random(n) < 0.2), "CAFCASS", stage)
    outcome = np.where(resolved != OPEN, pick(rng, OUTCOMES[0], OUTCOMES[1], n), NULL)
    frame = pl.DataFrame(
        {
            "IX": base["IX"],
            "DAY": raised,
            "ISSUE": text(pick(rng, ISSUES[0], ISSUES[1], n)),
            "STAGE": text(stage),
            "DUE": due,
            "RESP": responded,
            "RES": resolved,
            "OUTCOME": text(outcome),
        }
    ).filter(pl.col("DAY") <= as_of)
    frame = worker_at(wf.allocations, frame, "IRO").rename({"WORKER_ID": "IRO_ID"}).drop("TEAM_ID")
    return frame.sort("DAY", "IX").with_columns(
        ids("IC", np.arange(1, len(frame) + 1), 6).alias("CHALLENGE_ID")
    )


def audits(
    cfg: SynthConfig, ch: Children, wf: Workforce, rng: np.random.Generator
) -> tuple[pl.DataFrame, pl.DataFrame]:
    as_of = day(cfg.as_of)
    lo = day(cfg.window_start)
    r = cfg.rates
    stop = _stop(ch, as_of)
    in_care = int(((ch.start <= as_of) & (ch.end > as_of)).sum())
    per_month = max(2, round(in_care * 0.004 / max(r.cic_audit_share, 0.05)))
    months = np.arange(lo, as_of, 30)
    n = per_month * len(months)
    when = np.repeat(months, per_month) + rng.integers(0, 30, n)
    when = np.minimum(when, as_of)
    cic = rng.random(n) < r.cic_audit_share
    # children in care at the audit date, drawn at random
    order = np.argsort(ch.start)
    child = order[np.minimum((rng.random(n) * len(ch)).astype(np.int64), len(ch) - 1)]
    alive = (ch.start[child] <= when) & (stop[child] > when)
    for _ in range(20):  # redraw until in care (cheap: most draws land)
        redo = cic & ~alive
        if not redo.any():
            break
        child[redo] = rng.integers(0, len(ch), redo.sum())
        alive = (ch.start[child] <= when) & (stop[child] > when)
    cic &= alive
    service = np.where(cic, "CIC", pick(rng, ("CP", "CIN", "FD", "CL"), (0.4, 0.35, 0.15, 0.1), n))
    role = np.where(
        rng.random(n) < r.tm_audit_share, "TM", np.where(rng.random(n) < 0.1, "SM", "QA")
    )
    posts = wf.posts
    auditor = np.empty(n, dtype=object)
    occ = wf.occupancy.sort("O_START")
    picked = []
    for role_name in ("TM", "SM", "QA"):
        rows = np.flatnonzero(role == role_name)
        options = posts.filter(pl.col("ROLE") == role_name)["POST"].to_numpy()
        picked.append(
            pl.DataFrame(
                {
                    "ROW": rows,
                    "POST": options[rng.integers(0, len(options), len(rows))],
                    "DAY": when[rows],
                }
            )
        )
    who = (
        pl.concat(picked)
        .sort("DAY")
        .join_asof(
            occ.select("POST", "WORKER_ID", "O_START"),
            left_on="DAY",
            right_on="O_START",
            by="POST",
            check_sortedness=False,
        )
        .sort("ROW")
    )
    auditor[who["ROW"].to_numpy()] = who["WORKER_ID"].to_numpy()
    good = r.tm_audit_share  # better-run services audit more and grade better
    weights = np.array(
        [0.05 + 0.1 * good, 0.35 + 0.5 * good, 0.42 - 0.3 * good, 0.18 - 0.2 * good]
    ).clip(0.02)

    def grade() -> pl.Series:
        return text(pick(rng, GRADES, weights, n))

    child_id = np.where(
        cic, NULL, np.char.add("X", rng.integers(100_000, 999_999, n).astype(str)).astype(object)
    )
    frame = pl.DataFrame(
        {
            "AUDIT_ID": ids("AU", np.arange(1, n + 1), 6),
            "IX": np.where(cic, child, -1),
            "OTHER": text(child_id),
            "AUDIT_SERVICE": text(service),
            "AUDITOR_ID": text(auditor),
            "AUDITOR_ROLE": text(role),
            "DAY": when,
            "GRADE": grade(),
            "GRADE_PLANNING": grade(),
            "GRADE_VOICE": grade(),
            "GRADE_OVERSIGHT": grade(),
        }
    ).filter(pl.col("AUDITOR_ID").is_not_null())
    k = rng.integers(0, 4, len(frame))
    arow = np.repeat(np.arange(len(frame)), k)
    adue = frame["DAY"].to_numpy()[arow] + 28
    late = rng.random(len(arow)) < r.audit_action_late
    done = np.where(
        late,
        np.where(rng.random(len(arow)) < 0.4, OPEN, adue + rng.integers(1, 60, len(arow))),
        adue - rng.integers(0, 21, len(arow)),
    )
    done = np.where(done > as_of, OPEN, done)
    actions = pl.DataFrame(
        {
            "AUDIT_ID": frame["AUDIT_ID"].gather(arow),
            "ACTION_NO": pl.Series(
                np.concatenate([np.arange(1, j + 1) for j in k]) if len(k) else [], dtype=pl.Int32
            ),
            "ACTION": text(
                np.asarray(ACTIONS, dtype=object)[rng.integers(0, len(ACTIONS), len(arow))]
            ),
            "DUE": adue,
            "DONE": done,
        }
    )
    return frame, actions


def edt(cfg: SynthConfig, ch: Children, wf: Workforce, rng: np.random.Generator) -> pl.DataFrame:
    as_of = day(cfg.as_of)
    lead = day(cfg.window_start) - LEAD
    stop = _stop(ch, as_of)
    lo = np.maximum(ch.start, lead)
    span = np.maximum(stop - lo, 0)
    teen = age_years(ch.dob, lo) >= 12
    count = rng.poisson(np.where(teen, 0.8, 0.25) * span / 365.25)
    ix = np.repeat(np.arange(len(ch)), count)
    d = lo[ix] + (rng.random(len(ix)) * span[ix]).astype(np.int64)
    n = len(ix)
    minute = np.where(
        rng.random(n) < 0.6, rng.integers(17 * 60, 24 * 60, n), rng.integers(0, 8 * 60, n)
    )
    nxt = add_working_days(d, 1)
    late = rng.random(n) < cfg.rates.edt_late
    transfer_min = np.where(
        late,
        rng.integers(9 * 60 + 1, 9 * 60 + 72 * 60, n),
        rng.integers(7 * 60 + 30, 9 * 60 + 1, n),
    )
    frame = pl.DataFrame(
        {
            "IX": ix,
            "DAY": d,
            "CONTACT_AT": clock(d, minute),
            "TRANSFERRED_AT": clock(nxt, transfer_min),
        }
    )
    limit = pl.lit(as_of * 1440 * 60_000_000).cast(pl.Datetime("us"))
    frame = frame.with_columns(
        pl.when(pl.col("TRANSFERRED_AT") <= limit)
        .then(pl.col("TRANSFERRED_AT"))
        .alias("TRANSFERRED_AT")
    )
    frame = worker_at(wf.allocations, frame).sort("CONTACT_AT", "IX")
    return frame.with_columns(ids("EDT", np.arange(1, len(frame) + 1), 7).alias("CONTACT_ID"))


def referrals(cfg: SynthConfig, ch: Children, rng: np.random.Generator) -> pl.DataFrame:
    as_of = day(cfg.as_of)
    lead = day(cfg.window_start) - LEAD
    stop = _stop(ch, as_of)
    lo = np.maximum(ch.start, lead)
    ok = stop > lo + 30
    age = age_years(ch.dob, lo)
    r = cfg.rates
    frames = []
    for service, p in (
        ("ADVOCACY", np.where(age >= 5, 0.35, 0.0)),
        ("INDEPENDENT_VISITOR", np.where(age >= 8, 0.12, 0.0)),
        ("LIFE_STORY", np.where(ch.path == ADOPT, 0.95, np.where(age < 12, 0.25, 0.05))),
    ):
        rows = np.flatnonzero(ok & (rng.random(len(ch)) < p))
        asked = (
            lo[rows] + 10 + (rng.random(len(rows)) * (stop[rows] - lo[rows] - 10)).astype(np.int64)
        )
        wait = np.maximum(1, rng.lognormal(np.log(r.referral_wait), 0.8, len(rows))).astype(
            np.int64
        )
        began = np.where(rng.random(len(rows)) < r.referral_unmet, OPEN, asked + wait)
        began = np.where(began > as_of, OPEN, began)
        frames.append(
            pl.DataFrame(
                {
                    "IX": rows,
                    "SERVICE": pl.Series([service] * len(rows), dtype=pl.String),
                    "ASKED": asked,
                    "BEGAN": began,
                }
            )
        )
    return pl.concat(frames)


DOC_KINDS = ("PLACEMENT_PLAN", "CHRONOLOGY", "ASSESSMENT", "CASE_SUMMARY")


def documents(
    cfg: SynthConfig, segments: pl.DataFrame, rev: pl.DataFrame, rng: np.random.Generator
) -> pl.DataFrame:
    """A placement plan for each new placement; chronology and assessment updated after it (or
    not, at the preset's rate); a case summary refreshed before most reviews."""
    as_of = day(cfg.as_of)
    lead = day(cfg.window_start) - LEAD
    moves = segments.filter((pl.col("SEG_START") >= lead) & ~pl.col("SAME_CARER"))
    n = len(moves)
    s = moves["SEG_START"].to_numpy()
    ix = moves["IX"].to_numpy()
    parts_ix, parts_kind, parts_day = (
        [ix],
        [np.zeros(n, dtype=np.int8)],
        [s + rng.integers(0, 8, n)],
    )
    for code in (1, 2):
        keep = rng.random(n) >= cfg.rates.docs_not_updated
        k = int(keep.sum())
        parts_ix.append(ix[keep])
        parts_kind.append(np.full(k, code, dtype=np.int8))
        parts_day.append(s[keep] + rng.integers(1, 25, k))
    rv = rev.filter(pl.col("DAY") >= lead)
    keep = rng.random(len(rv)) < 0.7
    parts_ix.append(rv["IX"].to_numpy()[keep])
    parts_kind.append(np.full(int(keep.sum()), 3, dtype=np.int8))
    parts_day.append(rv["DAY"].to_numpy()[keep] - 2)
    out = pl.DataFrame(
        {
            "IX": np.concatenate(parts_ix),
            "CODE": np.concatenate(parts_kind),
            "DAY": np.concatenate(parts_day),
        }
    ).filter(pl.col("DAY") <= as_of)
    out = out.unique(["IX", "CODE", "DAY"], keep="first", maintain_order=True)
    names = pl.Series(DOC_KINDS, dtype=pl.String)
    return out.with_columns(names.gather(out["CODE"]).alias("KIND")).drop("CODE")


def build(
    cfg: SynthConfig,
    ch: Children,
    wf: Workforce,
    segments: pl.DataFrame,
    rev: pl.DataFrame,
    key: pl.DataFrame,
) -> dict[str, pl.DataFrame]:
    rng = streams(cfg.seed, "oversight")
    out: dict[str, pl.DataFrame] = {}
    ids_only = key.select("IX", "CHILD")
    sessions, cases = supervision(cfg, wf, rng)
    out["Supervision"] = sessions.select(
        "SESSION_ID", "WORKER_ID", "SUPERVISOR_ID", _d(pl.col("DAY")).alias("SESSION_DATE")
    )
    out["SupervisionCases"] = cases.join(
        ids_only, on="IX", how="left", maintain_order="left"
    ).select("SESSION_ID", "CHILD")
    mo = oversight(cfg, ch, wf, rng).join(ids_only, on="IX", how="left")
    out["ManagementOversight"] = mo.select(
        "CHILD", "MANAGER_ID", _d(pl.col("DAY")).alias("OVERSIGHT_DATE")
    ).unique(maintain_order=True)
    ic = challenges(cfg, wf, rev, rng).join(ids_only, on="IX", how="left")
    out["IROChallenges"] = ic.select(
        "CHALLENGE_ID",
        "CHILD",
        "IRO_ID",
        _d(pl.col("DAY")).alias("RAISED_DATE"),
        "ISSUE",
        "STAGE",
        _d(pl.col("DUE")).alias("RESPONSE_DUE"),
        _d(pl.col("RESP")).alias("RESPONDED_DATE"),
        _d(pl.col("RES")).alias("RESOLVED_DATE"),
        "OUTCOME",
    )
    au, actions = audits(cfg, ch, wf, rng)
    au = au.join(ids_only, on="IX", how="left", maintain_order="left").with_columns(
        pl.coalesce("CHILD", "OTHER").alias("CHILD")
    )
    out["CaseAudits"] = au.select(
        "AUDIT_ID",
        "CHILD",
        "AUDIT_SERVICE",
        "AUDITOR_ID",
        "AUDITOR_ROLE",
        _d(pl.col("DAY")).alias("AUDIT_DATE"),
        "GRADE",
        "GRADE_PLANNING",
        "GRADE_VOICE",
        "GRADE_OVERSIGHT",
    )
    out["AuditActions"] = actions.select(
        "AUDIT_ID",
        "ACTION_NO",
        "ACTION",
        _d(pl.col("DUE")).alias("DUE_DATE"),
        _d(pl.col("DONE")).alias("COMPLETED_DATE"),
    )
    e = edt(cfg, ch, wf, rng).join(ids_only, on="IX", how="left", maintain_order="left")
    out["EDTContacts"] = e.select("CONTACT_ID", "CHILD", "CONTACT_AT", "TRANSFERRED_AT", "TEAM_ID")
    rf = referrals(cfg, ch, rng).join(ids_only, on="IX", how="left", maintain_order="left")
    out["Referrals"] = rf.select(
        "CHILD",
        "SERVICE",
        _d(pl.col("ASKED")).alias("REQUESTED_DATE"),
        _d(pl.col("BEGAN")).alias("STARTED_DATE"),
    ).unique(["CHILD", "SERVICE", "REQUESTED_DATE"], keep="first", maintain_order=True)
    docs = documents(cfg, segments, rev, rng).join(
        ids_only, on="IX", how="left", maintain_order="left"
    )
    out["Documents"] = docs.select(
        "CHILD", pl.col("KIND").alias("DOC_KIND"), _d(pl.col("DAY")).alias("UPDATED_DATE")
    )
    return out
