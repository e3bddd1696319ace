"""Shared fixtures: a small valid return written as DfE files, and ways to spoil it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from lookedafter.schema.dataset import Dataset, Meta
from lookedafter.ssda903.example import example_return
from lookedafter.ssda903.io import SOURCE, write_return

YEAR = 2026


def small_return(children: int = 12, year: int = YEAR, seed: int = 3) -> Dataset:
    """A valid return (with last year's) whose meta is what the reader will produce."""
    this = example_return(children, year, seed)
    last = example_return(children - 2, year - 1, seed + 1)
    return Dataset(
        this.tables,
        Meta(collection_year=year, source=SOURCE),
        Dataset(last.tables, Meta(collection_year=year - 1, source=SOURCE)),
    )


@pytest.fixture
def valid_folder(tmp_path: Path) -> Path:
    """A folder holding a small valid return, with last year's in prev/."""
    folder = tmp_path / "return"
    write_return(small_return(), folder)
    return folder


@pytest.fixture
def make_folder(tmp_path: Path) -> Callable[..., Path]:
    """Build a folder from a valid return, replacing or adding files (text or bytes)."""
    counter = iter(range(1000))

    def make(files: dict[str, str | bytes] | None = None, remove: tuple[str, ...] = ()) -> Path:
        folder = tmp_path / f"case{next(counter)}"
        this = small_return()
        write_return(Dataset(this.tables, this.meta), folder)
        for name in remove:
            (folder / name).unlink()
        for name, content in (files or {}).items():
            path = folder / name
            if isinstance(content, str):
                path.write_text(content, encoding="utf-8", newline="")
            else:
                path.write_bytes(content)
        return folder

    return make
