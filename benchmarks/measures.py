"""Wall time of every practice measure, whole process, at authority and national scale.

    .venv/bin/python benchmarks/measures.py                      # 1,000 children and England
    .venv/bin/python benchmarks/measures.py --children 1000       # one size only
    .venv/bin/python benchmarks/measures.py --data DIR     # where synthetic data is kept

For each size it generates the synthetic authority once (``lookedafter.synth``, seed 1, 5 years;
115,000 children is synthetic England) and keeps the canonical folder under ``--data``. It then
times ``lookedafter measures DIR --as-of 2026-03-31 --format csv`` as a fresh process (Python
start, imports, reading the dataset, the timescale engine and every measure), best of
``--repeat`` runs, with the child processes' peak memory; the same with ``--by team --by month``;
and, in this process, the split between reading, the timescale engine and the measures. Prints
the figures with the load average (the machine's CPUs may be shared: compare CPU seconds when
the load is high); it is not a test. Targets (2-core machine): England under 10 s, 1,000 children
under 0.5 s.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import yardstick

AS_OF = "2026-03-31"
CLI = [sys.executable, "-c", "from lookedafter.cli.main import main; main()"]


def ensure(folder: Path, children: int) -> Path:
    canonical = folder / f"synth-{children}" / "canonical"
    if not (canonical / "dataset.json").exists():
        from lookedafter.synth import SynthConfig, generate

        start = time.perf_counter()
        print(f"generating {children:,} children (5 years)...", flush=True)
        generate(SynthConfig(children=children, years=5, seed=1)).write(canonical)
        print(f"  generated in {time.perf_counter() - start:.1f} s", flush=True)
    return canonical


def whole_process(
    canonical: Path, extra: list[str], repeat: int, *, warm: bool = False
) -> tuple[list[float], list[float], float]:
    """Wall seconds and CPU seconds (user + system, all threads) of each run, and peak MiB.

    A ``warm`` run may write the modules' bytecode (``PYTHONDONTWRITEBYTECODE`` unset), as
    installing the package does, so that timed runs do not compile edited modules each time."""
    env = dict(os.environ)
    if warm:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
    walls, cpus = [], []
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(  # noqa: S603 - our own command, fixed arguments
            [*CLI, "measures", str(canonical), "--as-of", AS_OF, "--format", "csv", *extra],
            check=True,
            stdout=subprocess.DEVNULL,
            env=env,
        )
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    peak_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return walls, cpus, peak_mib


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f}, {five:.2f}, {fifteen:.2f} on {os.cpu_count()} CPUs"


def split(canonical: Path) -> str:
    from lookedafter.measures import all_measures, compute
    from lookedafter.measures.context import Context
    from lookedafter.schema import Dataset

    day = date.fromisoformat(AS_OF)

    def now() -> tuple[float, float]:
        return time.perf_counter(), time.process_time()

    t0 = now()
    ds = Dataset.read(canonical)
    t1 = now()
    # the engine as the measures ask for it (reasons left out, as the CLI does)
    ts = Context(ds, day, reasons=False).timescales().collect()
    t2 = now()
    res = compute(ds, day, timescales=ts, reasons=False)
    t3 = now()
    trend = compute(ds, day, by=["team", "month"], timescales=ts, reasons=False)
    t4 = now()
    rows = sum(f.height for f in res.frames.values())

    def took(a: tuple[float, float], b: tuple[float, float]) -> str:
        return f"{b[0] - a[0]:.2f} s wall / {b[1] - a[1]:.2f} s CPU"

    return (
        f"read {took(t0, t1)}; timescale engine {took(t1, t2)} ({ts.height:,} occurrences); "
        f"{len(all_measures())} measures {took(t2, t3)} ({rows:,} rows behind them); "
        f"by team and month {took(t3, t4)} ({trend.table.height:,} figures)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--children", type=int, action="append")
    parser.add_argument(
        "--data", type=Path, default=Path(tempfile.gettempdir()) / "lookedafter-bench"
    )
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    sizes = args.children or [1000, 115_000]
    print(yardstick.line())
    for n in sizes:
        canonical = ensure(args.data, n)
        print(f"\n{n:,} children ({canonical}); {load()}")
        whole_process(canonical, [], 1, warm=True)  # bytecode, caches, OS file cache
        walls, cpus, peak = whole_process(canonical, [], args.repeat)
        print(
            f"  lookedafter measures (whole process): best {min(walls):.2f} s wall, "
            f"median {statistics.median(walls):.2f} s over {len(walls)} runs; "
            f"CPU {min(cpus):.2f} s (user + system, all threads); peak memory {peak:,.0f} MiB"
        )
        walls, cpus, _ = whole_process(canonical, ["--by", "team", "--by", "month"], 1)
        print(
            f"  with --by team --by month (12-month trend): {walls[0]:.2f} s wall, "
            f"CPU {cpus[0]:.2f} s"
        )
        print(f"  in process: {split(canonical)}")
        print(f"  {load()}")


if __name__ == "__main__":
    main()
