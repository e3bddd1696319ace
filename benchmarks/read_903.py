"""Benchmark: read an England-size SSDA903 return (this year's files and last year's in prev/).

Prints the wall time and peak memory (resident set size) of ``read_return``, measured in a fresh
Python process so that generating the files does not count, with the size of the data read.

    python benchmarks/read_903.py                     # build an England-size return, then read it
    python benchmarks/read_903.py --children 20000    # a smaller one
    python benchmarks/read_903.py --source synth      # cut it from lookedafter.synth's authority
    python benchmarks/read_903.py PATH                # read an existing 903 folder

England has about 80,000 children looked after on 31 March and 115,000 during a year, with about
250,000 episodes in a year's return. ``--source example`` (the default) builds such a return with
``lookedafter.ssda903.example`` in seconds; ``--source synth`` uses the synthetic authority
(slower to generate, more realistic).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _measure(folder: Path, repeat: int) -> dict[str, object]:
    """Runs in the child process: time read_return and report the peak RSS."""
    start = time.perf_counter()
    from lookedafter.ssda903.io import read_return

    import_s = time.perf_counter() - start
    times = []
    cpu = []
    result = None
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        result = read_return(folder)
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    assert result is not None
    ds = result.dataset
    rows = {name: ds[name].height for name in ds.tables}
    prev_rows = (
        {name: ds.previous[name].height for name in ds.previous.tables} if ds.previous else {}
    )
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    return {
        "hwm_mib": _vm_hwm_mib(),
        "import_s": import_s,
        "times": times,
        "cpu": cpu,
        "rows": rows,
        "prev_rows": prev_rows,
        "issues": len(result.issues),
        "fatal": result.fatal,
        "year": ds.meta.collection_year,
        "peak_mib": peak_kib / 1024,
    }


def _vm_hwm_mib() -> float | None:
    """This process's own peak RSS from /proc (Linux), unaffected by the process that spawned it."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def _build(folder: Path, source: str, children: int, year: int, seed: int) -> None:
    from lookedafter.schema.dataset import Dataset
    from lookedafter.ssda903.io import write_return

    if source == "synth":
        from lookedafter.ssda903.extract import for_year
        from lookedafter.synth import SynthConfig, generate

        canonical = generate(SynthConfig(children=children, years=5, seed=seed))
        ret = for_year(canonical, year)
    else:
        from lookedafter.ssda903.example import example_return

        this = example_return(children, year, seed)
        last = example_return(int(children * 0.97), year - 1, seed + 1)
        ret = Dataset(this.tables, this.meta, last)
    write_return(ret, folder)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", nargs="?", type=Path, help="an existing 903 folder to read")
    parser.add_argument("--children", type=int, default=115_000)
    parser.add_argument("--year", type=int, default=2026)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--source", choices=["example", "synth"], default="example")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--build", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.measure:
        print(json.dumps(_measure(args.path, args.repeat)))
        return
    if args.build:
        _build(args.path, args.source, args.children, args.year, args.seed)
        return

    with tempfile.TemporaryDirectory() as tmp:
        folder = args.path
        if folder is None:
            folder = Path(tmp) / "903"
            start = time.perf_counter()
            # Built in its own process, so that this one stays small: a child started from a
            # large process inherits its peak RSS in getrusage's figures.
            subprocess.run(  # noqa: S603 (this script, run by this interpreter)
                [
                    sys.executable,
                    __file__,
                    str(folder),
                    "--build",
                    "--source",
                    args.source,
                    "--children",
                    str(args.children),
                    "--year",
                    str(args.year),
                    "--seed",
                    str(args.seed),
                ],
                check=True,
            )
            print(f"built a {args.source} return in {time.perf_counter() - start:.1f} s")
        files = [p for p in folder.rglob("*") if p.is_file()]
        size_mb = sum(p.stat().st_size for p in files) / 1e6
        child = subprocess.run(  # noqa: S603 (this script, run by this interpreter)
            [sys.executable, __file__, str(folder), "--measure", "--repeat", str(args.repeat)],
            capture_output=True,
            text=True,
            check=True,
        )
        m = json.loads(child.stdout)
    times = m["times"]
    print(f"folder: {len(files)} files, {size_mb:.1f} MB (this year and prev/)")
    print(f"collection year {m['year']}; structural issues: {m['issues']}, fatal: {m['fatal']}")
    print("rows this year: " + ", ".join(f"{k} {v:,}" for k, v in m["rows"].items()))
    if m["prev_rows"]:
        print("rows last year: " + ", ".join(f"{k} {v:,}" for k, v in m["prev_rows"].items()))
    print(f"import lookedafter.ssda903.io: {m['import_s']:.2f} s")
    print(
        "read_return wall time: first "
        f"{times[0]:.2f} s, best {min(times):.2f} s of {len(times)} (both years)"
    )
    print(f"read_return CPU time (all threads): best {min(m['cpu']):.2f} s")
    print(f"load average while measuring: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    hwm = f", /proc VmHWM {m['hwm_mib']:.0f} MiB" if m["hwm_mib"] is not None else ""
    print(f"peak RSS of the reading process: getrusage {m['peak_mib']:.0f} MiB{hwm}")
    target = 3.0
    verdict = "OK" if times[0] < target else "SLOW"
    load, cores = os.getloadavg()[0], os.cpu_count() or 1
    note = f" (the machine is busy: load {load:.1f} on {cores} cores)" if load > cores else ""
    print(f"target: under {target:.0f} s wall -> {verdict}{note}")


if __name__ == "__main__":
    main()
