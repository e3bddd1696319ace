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
the figures; it is not a test. Targets (2-core machine): England under 10 s, 1,000 children
under 0.5 s.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

AS_OF = "2026-03-31"
CLI = [sys.executable, "-c", "from lookedafter.cli.main import cli; cli()"]


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
    canonical: Path, extra: list[str], repeat: int
) -> tuple[list[float], list[float], float]:
    """Wall seconds and CPU seconds (user + system, all threads) of each run, and peak MiB."""
    walls, cpus = [], []
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(  # noqa: S603 - our own command, fixed arguments
            [*CLI, "measures", str(canonical), "--as-of", AS_OF, "--format", "csv", *extra],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    peak_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return walls, cpus, peak_mib


def split(canonical: Path) -> str:
    from lookedafter.measures import all_measures, compute
    from lookedafter.measures.context import Context
    from lookedafter.schema import Dataset

    day = date.fromisoformat(AS_OF)
    t0 = time.perf_counter()
    ds = Dataset.read(canonical)
    t1 = time.perf_counter()
    # the engine as the measures ask for it: 36 months (adoption in full), no reasons
    ts = Context(ds, day, reasons=False).timescales().collect()
    t2 = time.perf_counter()
    res = compute(ds, day, timescales=ts, reasons=False)
    t3 = time.perf_counter()
    rows = sum(f.height for f in res.frames.values())
    return (
        f"read {t1 - t0:.2f} s, timescale engine {t2 - t1:.2f} s ({ts.height:,} occurrences), "
        f"{len(all_measures())} measures {t3 - t2:.2f} s ({rows:,} rows behind them)"
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
    for n in sizes:
        canonical = ensure(args.data, n)
        print(f"\n{n:,} children ({canonical})")
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


if __name__ == "__main__":
    main()
