"""Benchmark ``lookedafter validate``: whole-process time and peak memory.

Writes a 903 return (with last year's in ``prev/``) for each size, then runs the real command
(``lookedafter validate DIR --year Y --out report.csv``) in a fresh process several times and
prints the best and median wall time and the peak resident memory of that process.

The return comes from the synthetic authority (``lookedafter.synth``) when it is installed and
exposes ``generate``; otherwise from ``lookedafter.ssda903.example.example_return``, a vectorised
return of any size with the real files' shape. Targets (issue 4, 2 cores, full 2025-26 rule set):
1,000 children under 0.5 s; 80,000 children under 5 s and under 1.5 GB.

    python benchmarks/validate.py                 # 1,000 and 80,000 children
    python benchmarks/validate.py --sizes 1000 --repeat 5
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

import yardstick

from lookedafter.schema import Dataset
from lookedafter.ssda903.io import write_return


def make_return(children: int, year: int, seed: int) -> tuple[Dataset, str]:
    """The year's return with last year's as ``previous``, and where it came from."""
    try:
        from lookedafter.ssda903.extract import for_year
        from lookedafter.synth import SynthConfig, generate

        config = SynthConfig(children=children, years=3, seed=seed)
        canonical = generate(config)
        current, last = for_year(canonical, year), for_year(canonical, year - 1)
        meta = replace(current.meta, la_code=config.laua)  # the ONS code, for --la-code
        return Dataset(current.tables, meta, last), "lookedafter.synth"
    except Exception:  # the synthetic authority is not available: use the example return
        from lookedafter.ssda903.example import example_return

        current = example_return(children, year, seed)
        last = example_return(children, year - 1, seed + 1)
        return Dataset(current.tables, current.meta, last), "ssda903.example"


def command() -> list[str]:
    script = Path(sys.executable).with_name("lookedafter")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "from lookedafter.cli.main import main; main()"]


def run_once(
    folder: Path, year: int, out: Path, extra: list[str], *, warm: bool = False
) -> tuple[float, float, float, int]:
    """Wall seconds, CPU seconds, peak resident MB and exit code of one ``validate`` process.

    The peak is the child's own ``ru_maxrss``; the parent holds no return data, so pages shared
    with it before ``exec`` do not inflate the figure. The ``warm`` run may write the modules'
    bytecode (``PYTHONDONTWRITEBYTECODE`` unset), as installing the package does, so the timed
    runs do not compile the ~320 rule modules from source each time.
    """
    args = [*command(), "validate", str(folder), "--year", str(year), "--out", str(out), "-q"]
    args += extra
    env = dict(os.environ)
    if warm:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
    start = time.perf_counter()
    proc = subprocess.Popen(  # noqa: S603
        args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env
    )
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    stderr = proc.stderr.read().decode() if proc.stderr else ""
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"validate failed ({proc.returncode}): {stderr}")
    cpu = usage.ru_utime + usage.ru_stime
    return seconds, cpu, usage.ru_maxrss / 1024, proc.returncode


def _make(size: int, year: int, seed: int, folder: Path) -> list[str]:
    """Write a return in a child process; its episode count, source and ONS code."""
    script = [sys.executable, __file__, "--sizes", str(size), "--year", str(year)]
    script += ["--seed", str(seed), "--write", str(folder)]
    made = subprocess.run(script, check=True, capture_output=True, text=True)  # noqa: S603
    return made.stdout.split()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 80000])
    parser.add_argument("--year", type=int, default=2026)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--data",
        type=Path,
        help="keep the generated returns in this folder and reuse them on later runs",
    )
    parser.add_argument("--write", type=Path, help=argparse.SUPPRESS)  # internal: make one return
    args = parser.parse_args()
    if args.write is not None:  # in a child process, so the parent stays small (see run_once)
        dataset, source = make_return(args.sizes[0], args.year, args.seed)
        write_return(dataset, args.write)
        print(f"{dataset['Episodes'].height} {source} {dataset.meta.la_code or '-'}")
        return 0
    work = args.data or Path(tempfile.mkdtemp(prefix="validate-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"cores: {os.cpu_count()}, load average: {os.getloadavg()[0]:.1f}")
    print(yardstick.line())
    print(
        f"{'children':>9} {'episodes':>9} {'source':>17} {'best s':>7} {'median s':>9} "
        f"{'cpu s':>6} {'peak MB':>8} {'flags':>8} {'load':>5}"
    )
    try:
        for size in args.sizes:
            folder = work / f"r{size}-{args.year}-{args.seed}"
            made_file = folder.with_suffix(".made")
            if made_file.exists():
                made = made_file.read_text("utf-8").split()
            else:
                made = _make(size, args.year, args.seed, folder)
                made_file.write_text(" ".join(made), "utf-8")
            episodes, source, la_code = int(made[0]), made[1], made[2]
            extra = ["--la-code", la_code] if la_code != "-" else []
            out = work / f"r{size}.csv"
            # warm the postcode cache, the OS file cache and the bytecode
            run_once(folder, args.year, out, extra, warm=True)
            load = os.getloadavg()[0]
            runs = [run_once(folder, args.year, out, extra) for _ in range(args.repeat)]
            seconds = [r[0] for r in runs]
            cpu = min(r[1] for r in runs)
            peak = max(r[2] for r in runs)
            with out.open("rb") as fh:
                flags = sum(1 for _ in fh) - 1
            print(
                f"{size:>9,} {episodes:>9,} {source:>17} {min(seconds):>7.2f} "
                f"{statistics.median(seconds):>9.2f} {cpu:>6.2f} {peak:>8.0f} {flags:>8,} "
                f"{(load + os.getloadavg()[0]) / 2:>5.1f}"
            )
    finally:
        if args.data is None:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
