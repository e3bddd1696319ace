"""Where reference data derived from installed packages is kept between runs.

The postcode index, England's bank holidays and the synthetic generator's postcode pool are built
from packaged data on first use and kept in ``$LOOKEDAFTER_CACHE`` (default
``~/.cache/lookedafter``), in a folder named for the version of the package they came from, so a
new package version builds afresh. Nothing here is needed for correctness: without a writable
folder every caller computes what it needs in memory.
"""

from __future__ import annotations

import os
import re
import sys
from functools import cache
from pathlib import Path


def root() -> Path:
    """``$LOOKEDAFTER_CACHE`` or ``~/.cache/lookedafter``."""
    return Path(os.environ.get("LOOKEDAFTER_CACHE") or Path.home() / ".cache" / "lookedafter")


@cache
def package_version(distribution: str) -> str:
    """The installed version of a distribution, or ``unknown``.

    Read from the name of its ``<name>-<version>.dist-info`` folder on ``sys.path`` (installers
    write that name normalised): ``importlib.metadata`` finds the same, several times slower.
    """
    prefix = re.sub(r"[-_.]+", "_", distribution).lower() + "-"
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        for name in names:
            if name.endswith(".dist-info") and name.lower().startswith(prefix):
                return name[len(prefix) : -len(".dist-info")]
    return "unknown"


def folder(name: str) -> Path | None:
    """The cache sub-folder ``name`` (made when missing), or None when it cannot be written."""
    path = root() / name
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return path


def write_atomic(path: Path, data: bytes) -> bool:
    """Write ``data`` to ``path`` through a temporary file and a rename, so that a reader (another
    process building the same file at the same moment) never sees half a file. False on failure."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        tmp.write_bytes(data)
        tmp.replace(path)
    except OSError:
        tmp.unlink(missing_ok=True)
        return False
    return True
