"""Wall and CPU time of ``lookedafter.timescales.evaluate`` at authority and national scale.

    .venv/bin/python benchmarks/timescales.py                 # 1,000 children and ~115,000
    .venv/bin/python benchmarks/timescales.py --children 5000
    .venv/bin/python benchmarks/timescales.py --children 1000 --folder /tmp/england/canonical
    .venv/bin/python benchmarks/timescales.py --folder X --window-only   # skip whole history

Times a 12-month window (``since``, as the measures ask) and the whole history, with and
without REASON; wall time and process CPU time (the machine may be shared: CPU time is the
fairer figure then), with the load average at the start.

Uses the synthetic authority generator (``lookedafter.synth``) when it is available; otherwise a
quick vectorised stand-in built here (periods, placements, visits about every 40 days, reviews,
health assessments, PEPs, missing episodes), which is enough to time the engine. Prints the
figures; it is not a test.
"""

from __future__ import annotations

import argparse
import os
import time
from datetime import date, timedelta

import numpy as np
import polars as pl

from lookedafter.lib.calendar import add_months
from lookedafter.schema.dataset import Dataset
from lookedafter.timescales import evaluate

AS_OF = date(2026, 3, 31)
YEARS = 5


def _every(
    rng: np.random.Generator,
    child: np.ndarray,
    start: np.ndarray,
    end: np.ndarray,
    mean_gap: int,
) -> tuple[np.ndarray, np.ndarray]:
    """Events for each child from start to end, gaps around ``mean_gap`` days (vectorised)."""
    span = (end - start).astype(int)
    n = np.maximum(span // mean_gap + 1, 1)
    idx = np.repeat(np.arange(len(child)), n)
    k = np.arange(len(idx)) - np.repeat(np.cumsum(n) - n, n)
    jitter = rng.integers(-10, 15, len(idx))
    offset = np.clip(k * mean_gap + jitter, 0, None)
    day = start[idx] + offset
    keep = day <= end[idx]
    return child[idx][keep], day[keep]


def stand_in(n: int, seed: int = 1) -> Dataset:
    rng = np.random.default_rng(seed)
    epoch = np.datetime64(AS_OF - timedelta(days=365 * YEARS), "D")
    child = np.array([f"C{i:06d}" for i in range(n)])
    dob = epoch - rng.integers(0, 17 * 365, n)
    start = epoch + rng.integers(0, 365 * YEARS - 30, n)
    length = rng.integers(30, 365 * 4, n)
    end = start + length
    open_ = end > np.datetime64(AS_OF, "D")
    # 1-4 placements per child
    k = rng.integers(1, 5, n)
    idx = np.repeat(np.arange(n), k)
    pos = np.arange(len(idx)) - np.repeat(np.cumsum(k) - k, k)
    frac = pos / k[idx]
    decom = start[idx] + (frac * length[idx]).astype(int)
    last = pos == k[idx] - 1
    dec = np.where(last, end[idx], start[idx] + ((pos + 1) / k[idx] * length[idx]).astype(int))
    place = rng.choice(
        ["U6", "U4", "U3", "R1", "P1", "K2"], len(idx), p=[0.5, 0.15, 0.1, 0.12, 0.05, 0.08]
    )
    ls = np.where(place == "P1", "C2", rng.choice(["C2", "C1", "V2", "E1"], len(idx)))
    episodes = pl.DataFrame(
        {
            "CHILD": child[idx],
            "DECOM": decom,
            "RNE": np.where(pos == 0, "S", "P"),
            "LS": ls,
            "PLACE": place,
            "DEC": dec,
            "REC": np.where(last, "E4A", "X1"),
        }
    ).with_columns(
        pl.col("DECOM").cast(pl.Date),
        pl.when(pl.Series(np.repeat(open_, k)) & pl.Series(last))
        .then(None)
        .otherwise(pl.col("DEC"))
        .cast(pl.Date)
        .alias("DEC"),
    )
    stop = np.minimum(end, np.datetime64(AS_OF, "D"))
    vc, vd = _every(rng, child, start + 3, stop, 38)
    rc, rd = _every(rng, child, start + 18, stop, 150)
    hc, hd = _every(rng, child, start + 15, stop, 330)
    pc, pd = _every(rng, child, start + 19, stop, 110)
    mc = rng.choice(child, n // 3)
    ms = epoch + rng.integers(0, 365 * YEARS, len(mc))
    alloc_start = start - 5
    tables = {
        "Header": pl.DataFrame({"CHILD": child, "DOB": dob}).cast({"DOB": pl.Date}),
        "Episodes": episodes,
        "Visits": pl.DataFrame(
            {
                "CHILD": vc,
                "VISIT_DATE": vd,
                "SEEN_ALONE": rng.random(len(vc)) < 0.8,
                "RECORDED_DATE": vd + rng.integers(0, 9, len(vd)),
            }
        ).cast({"VISIT_DATE": pl.Date, "RECORDED_DATE": pl.Date}),
        "Reviews": pl.DataFrame({"CHILD": rc, "REVIEW": rd}).cast({"REVIEW": pl.Date}),
        "Health": pl.DataFrame(
            {
                "CHILD": hc,
                "HEALTH_KIND": np.where(rng.random(len(hc)) < 0.3, "IHA", "RHA"),
                "HEALTH_DATE": hd,
            }
        ).cast({"HEALTH_DATE": pl.Date}),
        "PEPs": pl.DataFrame({"CHILD": pc, "PEP_DATE": pd}).cast({"PEP_DATE": pl.Date}),
        "Missing": pl.DataFrame({"CHILD": mc, "MISSING": "M", "MIS_START": ms, "MIS_END": ms + 1})
        .cast({"MIS_START": pl.Date, "MIS_END": pl.Date})
        .unique(["CHILD", "MIS_START"]),
        "Allocations": pl.DataFrame(
            {
                "CHILD": child,
                "WORKER_ID": [f"W{i % 700}" for i in range(n)],
                "ALLOC_ROLE": "SW",
                "ALLOC_START": alloc_start,
            }
        ).cast({"ALLOC_START": pl.Date}),
        "Workers": pl.DataFrame(
            {
                "WORKER_ID": [f"W{i}" for i in range(700)],
                "TEAM_ID": [f"T{i % 40}" for i in range(700)],
            }
        ),
    }
    return Dataset(tables)


def load(n: int, seed: int, source: str) -> tuple[Dataset, str]:
    if source == "stand-in":
        return stand_in(n, seed), "stand-in generator"
    try:
        from lookedafter.synth import SynthConfig, generate
    except ImportError:
        if source == "synth":
            raise
        return stand_in(n, seed), "stand-in generator (lookedafter.synth not available)"
    ds: Dataset = generate(SynthConfig(children=n, years=YEARS, seed=seed))
    return ds, "lookedafter.synth"


def bench(
    n: int | None,
    seed: int,
    repeat: int,
    source: str,
    folder: str | None = None,
    full: bool = True,
) -> None:
    t0 = time.perf_counter()
    if folder is not None:
        ds = Dataset.read(folder)
        source = f"folder {folder}"
        n = ds["Header"].height
    else:
        assert n is not None
        ds, source = load(n, seed, source)
    built = time.perf_counter() - t0
    as_of = ds.meta.as_of or AS_OF
    rows = {name: ds[name].height for name in ("Episodes", "Visits", "Reviews")}
    print(
        f"{n:,} children from the {source} in {built:.1f} s: episodes {rows['Episodes']:,}, "
        f"visits {rows['Visits']:,}, reviews {rows['Reviews']:,}"
    )
    if n > 10_000:  # national scale: once is enough
        repeat = 1
    window = add_months(as_of, -12)
    runs = [(window, False), (window, True), (None, False), (None, True)]
    if not full:
        runs = [r for r in runs if r[0] is not None]
    for since, reasons in runs:
        wall, cpu = [], []
        for _ in range(repeat):
            w0, c0 = time.perf_counter(), time.process_time()
            out = evaluate(ds, as_of, reasons=reasons, since=since)
            wall.append(time.perf_counter() - w0)
            cpu.append(time.process_time() - c0)
        scope = "whole history" if since is None else f"due since {since}"
        loadavg = ", ".join(f"{x:.1f}" for x in os.getloadavg())
        print(
            f"  evaluate({scope}, reasons={reasons}) -> {out.height:,} rows (load {loadavg}): "
            f"best {min(wall):.3f} s wall, {min(cpu):.3f} s CPU ({len(wall)} runs)"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--children", type=int, action="append")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--source", choices=["auto", "synth", "stand-in"], default="auto")
    parser.add_argument("--folder", action="append", help="time a canonical folder instead")
    parser.add_argument("--window-only", action="store_true", help="time only the 12-month window")
    args = parser.parse_args()
    full = not args.window_only
    sizes = args.children or ([] if args.folder else [1000, 115_000])
    for n in sizes:
        bench(n, args.seed, args.repeat, args.source, full=full)
    for folder in args.folder or []:
        bench(None, args.seed, args.repeat, args.source, folder, full=full)


if __name__ == "__main__":
    main()
