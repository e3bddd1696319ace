"""The whole 2025-26 rule set on a small synthetic authority: every rule runs or is skipped.

Hand-made frames in each rule's own tests cannot show that a rule copes with a realistic return
(every table present, last year's return alongside, postcodes to look up). This runs them all on
one generated authority, written to and read back from the DfE CSV files as an authority would
submit them.
"""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from lookedafter.schema import Dataset
from lookedafter.ssda903 import extract
from lookedafter.ssda903.io import ReadResult, read_return, write_return
from lookedafter.synth import SynthConfig, generate
from lookedafter.validation import registry

YEAR = 2026


@pytest.fixture(scope="module")
def read(tmp_path_factory: pytest.TempPathFactory) -> ReadResult:
    canonical = generate(SynthConfig(children=300, years=2, seed=5))
    folder: Path = tmp_path_factory.mktemp("return") / str(YEAR)
    write_return(extract.for_year(canonical, YEAR), folder)
    result = read_return(folder, year=YEAR)
    assert result.dataset.previous is not None, "last year's return was not read from prev/"
    return result


@pytest.fixture(scope="module")
def returned(read: ReadResult) -> Dataset:
    return read.dataset


@pytest.fixture(scope="module")
def result(read: ReadResult) -> registry.RunResult:
    return registry.run(read.dataset, YEAR, read.issues, la_districts=["E06000060"])


def test_no_rule_fails_on_a_synthetic_authority(result: registry.RunResult) -> None:
    assert result.failed == []


def test_every_rule_is_run_or_skipped(result: registry.RunResult) -> None:
    expected = [r.code for r in registry.load_rules(YEAR)]
    run, skipped = set(result.rules_run), {code for code, _ in result.skipped}
    assert not run & skipped
    assert sorted(run | skipped) == sorted(expected)
    # Only the rules that need Ofsted's provider lists may be skipped: the return is complete.
    assert {why for _, why in result.skipped} <= {"needs Providers", "needs Providers, LA"}


def test_flags_name_rules_that_ran_and_rows_that_exist(
    returned: Dataset, result: registry.RunResult
) -> None:
    errors = result.errors
    assert set(errors.get_column("code")) <= set(result.rules_run)
    for (table,), flags in errors.filter(pl.col("ROW").is_not_null()).group_by("table"):
        assert isinstance(table, str)
        rows = flags.get_column("ROW")
        assert rows.min() >= 0 and rows.max() < returned[table].height, table  # type: ignore[operator]
        # every flagged row belongs to the child it is reported for
        children = returned[table].get_column("CHILD").gather(rows)
        assert (children == flags.get_column("CHILD")).all(), table
