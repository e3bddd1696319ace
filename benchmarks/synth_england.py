"""Benchmark: synthetic England (115,000 children in the final year, 5 years of history).

Prints wall time for generating the canonical dataset, writing it (Parquet), and writing the 903
return of each collection year, then peak resident memory and the data sizes. Target on a 2-core
machine: under 60 s and under 4 GiB in all.

    .venv/bin/python benchmarks/synth_england.py [--children 115000] [--years 5] [--keep DIR]
"""

from __future__ import annotations

import argparse
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

from lookedafter.ssda903 import extract, io
from lookedafter.synth import SynthConfig, generate


def _size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--children", type=int, default=115_000)
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", type=Path, help="write here and keep (default: a temp folder)")
    args = parser.parse_args(argv)
    out = args.keep or Path(tempfile.mkdtemp(prefix="synth-england-"))
    cfg = SynthConfig(children=args.children, years=args.years, seed=args.seed)
    timings: list[tuple[str, float]] = []
    t0 = time.perf_counter()
    last = t0

    def lap(name: str) -> None:
        nonlocal last
        now = time.perf_counter()
        timings.append((name, now - last))
        last = now

    ds = generate(cfg)
    lap("generate")
    ds.write(out / "canonical", "parquet")
    lap("write canonical (parquet)")
    for year in range(cfg.first_year, cfg.final_year + 1):
        io.write_return(extract.for_year(ds, year), out / "903" / str(year))
    lap(f"write {cfg.years} 903 returns (csv)")
    total = time.perf_counter() - t0
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    cpu = resource.getrusage(resource.RUSAGE_SELF)
    print(f"synthetic England: {args.children:,} children x {args.years} years, seed {args.seed}")
    for name, seconds in timings:
        print(f"  {name:<32} {seconds:7.1f} s")
    print(f"  {'total wall time':<32} {total:7.1f} s")
    print(f"  {'cpu time (user + system)':<32} {cpu.ru_utime + cpu.ru_stime:7.1f} s")
    print(f"  {'peak RSS':<32} {peak_kib / 1024 / 1024:7.2f} GiB")
    rows = sum(frame.height for frame in ds.tables.values())
    print(f"  {'rows (all tables)':<32} {rows:>11,}")
    print(f"  {'episodes':<32} {ds['Episodes'].height:>11,}")
    print(f"  {'canonical size':<32} {_size(out / 'canonical') / 2**20:9.1f} MiB")
    print(f"  {'903 returns size':<32} {_size(out / '903') / 2**20:9.1f} MiB")
    if args.keep is None:
        shutil.rmtree(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
