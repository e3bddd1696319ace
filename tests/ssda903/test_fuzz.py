"""Fuzzing the reader: random bytes and mutated valid files never raise, and the CLI's exit code
says whether every file could be read."""

from __future__ import annotations

import tempfile
from pathlib import Path

from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from lookedafter.cli.main import cli
from lookedafter.schema.dataset import Dataset
from lookedafter.schema.tables import TABLES
from lookedafter.ssda903.io import FILE_NAMES, ReadResult, read_return, write_return
from lookedafter.ssda903.structural import Issue, Kind

from .conftest import small_return

_VALID = small_return(children=4)
_NAMES = sorted(FILE_NAMES[t] for t in _VALID.tables)


def _valid_files() -> dict[str, bytes]:
    with tempfile.TemporaryDirectory() as tmp:
        write_return(Dataset(_VALID.tables, _VALID.meta), tmp)
        return {p.name: p.read_bytes() for p in Path(tmp).iterdir()}


_FILES = _valid_files()


def _check(folder: Path) -> ReadResult:
    result = read_return(folder)  # must not raise
    assert all(isinstance(i, Issue) and isinstance(i.kind, Kind) for i in result.issues)
    for issue in result.issues:
        assert isinstance(issue.file, str) and issue.message
        assert issue.row is None or issue.row >= 0
    for name, frame in result.dataset.tables.items():
        assert frame.schema == TABLES[name].polars_schema
    out = folder.parent / "out"
    cli_result = CliRunner().invoke(cli, ["convert", str(folder), "--out", str(out), "--to", "903"])
    assert cli_result.exception is None or isinstance(cli_result.exception, SystemExit), (
        cli_result.output
    )
    assert cli_result.exit_code == (1 if result.fatal else 0), cli_result.output
    return result


@settings(max_examples=15, deadline=None)
@given(junk=st.binary(max_size=600), name=st.sampled_from([*_NAMES, "extra.csv"]))
def test_random_bytes(junk: bytes, name: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "return"
        folder.mkdir()
        for file, data in _FILES.items():
            (folder / file).write_bytes(data)
        (folder / name).write_bytes(junk)
        result = _check(folder)
        if name == "episodes.csv" and "Episodes" not in result.dataset.tables:
            assert result.fatal  # Episodes unreadable: reported, and the CLI exits 1


_OPS = st.lists(
    st.tuples(
        st.sampled_from(["delete", "duplicate", "insert", "delimiter", "truncate"]),
        st.floats(0, 1),
        st.binary(min_size=1, max_size=3) | st.sampled_from([b",", b'"', b"\n", b"\r", b"\xff"]),
    ),
    min_size=1,
    max_size=4,
)


def _mutate(data: bytes, ops: list[tuple[str, float, bytes]]) -> bytes:
    for op, where, extra in ops:
        i = int(where * len(data))
        if op == "delete":
            data = data[:i] + data[i + 1 :]
        elif op == "duplicate":
            data = data[: i + 1] + data[i : i + 1] + data[i + 1 :]
        elif op == "insert":
            data = data[:i] + extra + data[i:]
        elif op == "delimiter":
            data = data.replace(b",", b";" if where < 0.5 else b"\t")
        else:
            data = data[:i]
    return data


@settings(max_examples=25, deadline=None)
@given(name=st.sampled_from(_NAMES), ops=_OPS)
def test_mutated_valid_files(name: str, ops: list[tuple[str, float, bytes]]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "return"
        folder.mkdir()
        for file, data in _FILES.items():
            (folder / file).write_bytes(data)
        mutated = _mutate(_FILES[name], ops)
        (folder / name).write_bytes(mutated)
        result = _check(folder)
        lines = mutated.count(b"\n") + mutated.count(b"\r") + 1
        for table, frame in result.dataset.tables.items():
            if FILE_NAMES[table] == name:
                assert frame.height <= lines  # rows are never invented
