"""The ``lookedafter`` console script as a separate process: it ends the process itself once the
command is done (see ``lookedafter.cli.main.main``), so its output and exit status must still be
whole."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from lookedafter.measures import all_measures
from lookedafter.measures.fixtures import dataset, episode

SCRIPT = "from lookedafter.cli.main import main; main()"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # noqa: S603 - our own command, fixed arguments
        [sys.executable, "-c", SCRIPT, *args], capture_output=True, text=True, check=False
    )


def test_a_command_prints_all_its_output_and_succeeds(tmp_path: Path) -> None:
    folder = tmp_path / "canonical"
    dataset(
        Header=[{"CHILD": "A", "DOB": "2012-05-01"}], Episodes=[episode("A", "2025-01-01")]
    ).write(folder)
    done = run("measures", str(folder), "--as-of", "2026-03-31", "--format", "csv")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("measure,")
    # every measure has its overall row, the last one included
    assert len([line for line in lines[1:] if ",all,All," in line]) == len(all_measures())


def test_a_usage_error_keeps_its_message_and_status(tmp_path: Path) -> None:
    done = run("measures", str(tmp_path / "missing"))
    assert done.returncode == 2
    assert "does not exist" in done.stderr


def test_help_exits_cleanly() -> None:
    done = run("--help")
    assert done.returncode == 0
    assert "children in care" in done.stdout


def test_the_allocator_is_set_before_polars_is_loaded() -> None:
    # jemalloc reads its settings once, when Polars is first imported: the command module
    # must set them before any command (or anything else) imports Polars
    probe = (
        "import os, sys; import lookedafter.cli.main; "
        "assert 'polars' not in sys.modules, 'polars loaded too early'; "
        "print(os.environ['_RJEM_MALLOC_CONF'])"
    )
    done = subprocess.run(  # noqa: S603 - our own command, fixed arguments
        [sys.executable, "-c", probe], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert "dirty_decay_ms" in done.stdout
