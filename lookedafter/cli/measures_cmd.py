"""``lookedafter measures``: every practice measure on a canonical dataset folder."""

from __future__ import annotations

import json
import sys
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import click
import polars as pl

from lookedafter.measures import BREAKDOWNS, all_measures, compute, get
from lookedafter.schema.dataset import META_FILE, Dataset

if TYPE_CHECKING:
    from rich.console import Console

EXTRA_BREAKDOWNS = sorted({b for m in all_measures() for b in m.extra})


def _folder(path: Path) -> Path:
    """A canonical folder, or the ``canonical/`` folder inside what ``lookedafter synth`` wrote."""
    if not (path / META_FILE).exists() and (path / "canonical" / META_FILE).exists():
        return path / "canonical"
    return path


def _fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "–"
    if unit == "%":
        return f"{value:.1f}%"
    return f"{value:,.1f}" if value != int(value) else f"{int(value):,}"


@cache
def _console(fmt: str) -> Console:
    """Rich is imported only when something is printed through it (csv and json output seldom
    need it: it costs a tenth of a second to import)."""
    from rich.console import Console

    # Wide enough for the table when output goes to a file or a pipe.
    return Console(stderr=fmt != "table", width=None if sys.stdout.isatty() else 140)


def _print_table(frame: pl.DataFrame, console: Console, as_of: date) -> None:
    from rich.table import Table

    titles = {m.id: m.title for m in all_measures()}
    table = Table(title=f"Practice measures as of {as_of:%d/%m/%Y}", show_lines=False)
    for col, justify in (
        ("Measure", "left"),
        ("Group", "left"),
        ("Numerator", "right"),
        ("Denominator", "right"),
        ("Value", "right"),
        ("England", "right"),
    ):
        table.add_column(col, justify=justify)  # type: ignore[arg-type]
    for row in frame.iter_rows(named=True):
        unit = row["unit"]
        national = (
            f"{_fmt(row['national'], unit)} ({row['national_year']})"
            if row["national"] is not None
            else ""
        )
        group = "" if row["by"] == "all" else f"{row['by']}: {row['group']}"
        table.add_row(
            f"{titles[row['measure']]} [dim]({row['measure']})[/dim]" if not group else "",
            group,
            _fmt(row["numerator"], ""),
            _fmt(row["denominator"], ""),
            _fmt(row["value"], unit) + ("" if unit == "%" or row["value"] is None else f" {unit}"),
            national,
        )
    console.print(table)


def _emit(frame: pl.DataFrame, fmt: str, as_of: date) -> None:
    if fmt == "csv":
        sys.stdout.write(frame.write_csv())
    elif fmt == "json":
        sys.stdout.write(json.dumps(frame.to_dicts(), default=str, indent=1) + "\n")
    else:
        _print_table(frame, _console(fmt), as_of)


@click.command(
    "measures",
    epilog="""\b
Examples:
  lookedafter measures demo/data --as-of 2026-03-31
  lookedafter measures demo/data/canonical --as-of 2026-03-31 --by team --format csv
  lookedafter measures demo/data --as-of 2026-03-31 --behind visits_overdue_now
Regenerate docs/measures.md with: python -m lookedafter.measures.docs""",
)
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "--as-of",
    "as_of",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="Reference date (YYYY-MM-DD); default: the dataset's own as-of date.",
)
@click.option(
    "--by",
    "by",
    multiple=True,
    type=click.Choice([*BREAKDOWNS, *EXTRA_BREAKDOWNS]),
    help="Break each measure down (repeatable): team, worker, placement, age, month (12-month "
    "trend), or a measure's own breakdown such as stage.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "json"]),
    default="table",
    show_default=True,
)
@click.option(
    "--measure",
    "measure_ids",
    multiple=True,
    metavar="ID",
    help="Only these measures (repeatable); see docs/measures.md for the IDs.",
)
@click.option(
    "--behind",
    metavar="ID",
    help="Print the rows behind one measure (the children, workers... it counts) instead.",
)
def command(
    folder: Path,
    as_of: datetime | None,
    by: tuple[str, ...],
    fmt: str,
    measure_ids: tuple[str, ...],
    behind: str | None,
) -> None:
    """Compute the practice measures for a canonical dataset FOLDER.

    Prints each measure overall (and by each --by breakdown) with its numerator, denominator,
    value and the national figure for England where one is published.
    """
    known = {m.id for m in all_measures()}
    for mid in (*measure_ids, *([behind] if behind else [])):
        if mid not in known:
            raise click.BadParameter(f"unknown measure {mid!r}", param_hint="--measure/--behind")
    try:
        ds = Dataset.read(_folder(folder))
    except (FileNotFoundError, ValueError) as exc:
        raise click.ClickException(str(exc)) from exc
    day = as_of.date() if as_of is not None else ds.meta.as_of
    if day is None:
        raise click.UsageError("the dataset has no as-of date: give --as-of YYYY-MM-DD")
    chosen = [behind] if behind else (list(measure_ids) or None)
    # Reasons for each timescale occurrence are only worth their cost when listing rows.
    res = compute(ds, day, by=list(by), measures=chosen, reasons=behind is not None)
    for mid, reason in res.skipped.items():
        _console(fmt).print(f"[yellow]skipped {mid}: {reason}[/yellow]")
    if behind:
        if behind not in res.frames:
            raise click.ClickException(f"{behind} could not be computed")
        rows = res.behind(behind)
        m = get(behind)
        _console(fmt).print(f"{m.title}: {rows.height} rows (NUM > 0: in the numerator)")
        _emit(rows, fmt, day)
        return
    _emit(res.table, fmt, day)
