"""A machine yardstick printed beside benchmark figures: the best wall time of a bare
``python -c "import polars"`` process, the floor under every command of ours. Figures taken on
different machines (or the same machine under other load) compare through it."""

from __future__ import annotations

import subprocess
import sys
import time


def polars_import_seconds(repeat: int = 5) -> float:
    """Best wall seconds of a fresh process that only imports Polars."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", "import polars"], check=True)
        best = min(best, time.perf_counter() - start)
    return best


def line() -> str:
    return f"machine yardstick: python -c 'import polars' best {polars_import_seconds():.3f} s"
