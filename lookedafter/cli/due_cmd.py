"""``lookedafter due``: per child, what is overdue and due soon, with the reason for each."""

from __future__ import annotations

import json
import sys
from datetime import date, datetime
from pathlib import Path

import click
import polars as pl
from rich.console import Console
from rich.table import Table

from lookedafter.lib.calendar import add_months
from lookedafter.schema.dataset import META_FILE, Dataset
from lookedafter.timescales import Policy, evaluate_lazy
from lookedafter.timescales.base import ENGINE

RANK = {"overdue": 0, "due_soon": 1, "not_yet_due": 2}
COLUMNS = ["CHILD", "RULE", "STATUS", "DUE_DATE", "STATUTORY_DUE_DATE", "WORKER_ID", "TEAM_ID"]


def _folder(path: Path) -> Path:
    """A canonical folder, or the ``canonical/`` folder inside what ``lookedafter synth`` wrote."""
    if not (path / META_FILE).exists() and (path / "canonical" / META_FILE).exists():
        return path / "canonical"
    return path


def due_list(
    ds: Dataset,
    as_of: date,
    worker: str | None = None,
    team: str | None = None,
    upcoming: bool = False,
    since: date | None = None,
    policy: Policy | None = None,
) -> pl.DataFrame:
    """What can still be done: overdue and due-soon items (and later ones with ``upcoming``),
    overdue first; children ordered by their most pressing item. Items that can no longer be
    done (the placement or care ended) are left out, and so are items due before ``since``."""
    wanted = ["overdue", "due_soon", *(["not_yet_due"] if upcoming else [])]
    lf = evaluate_lazy(ds, as_of, policy, keep_lapse=True, since=since)
    lf = lf.filter(pl.col("STATUS").is_in(wanted) & pl.col("LAPSE_DATE").is_null())
    if since is not None:
        lf = lf.filter(pl.col("DUE_DATE") >= since)
    if worker:
        lf = lf.filter(pl.col("WORKER_ID") == worker)
    if team:
        lf = lf.filter(pl.col("TEAM_ID") == team)
    rank = pl.col("STATUS").replace_strict(RANK, return_dtype=pl.Int8)
    return (
        lf.with_columns(_RANK=rank)
        .with_columns(
            _CHILD_RANK=pl.col("_RANK").min().over("CHILD"),
            _CHILD_DUE=pl.col("DUE_DATE").min().over("CHILD"),
        )
        .sort("_CHILD_RANK", "_CHILD_DUE", "CHILD", "_RANK", "DUE_DATE", "RULE", nulls_last=True)
        .select(*COLUMNS, "REASON")
        .collect(engine=ENGINE)
    )


def _print(frame: pl.DataFrame, console: Console, as_of: date, scope: str) -> None:
    if frame.is_empty():
        console.print(f"Nothing overdue or due soon{scope} as of {as_of:%d/%m/%Y}.")
        return
    counts = frame["STATUS"].value_counts()
    summary = ", ".join(f"{n} {s.replace('_', ' ')}" for s, n in counts.sort("STATUS").rows())
    table = Table(
        title=f"Due and overdue{scope} as of {as_of:%d/%m/%Y} "
        f"({frame['CHILD'].n_unique()} children; {summary})",
        show_lines=False,
    )
    for name in ("Child", "Rule", "Status", "Due", "Worker", "Team", "Why"):
        table.add_column(name, overflow="fold")
    previous = None
    style = {"overdue": "red", "due_soon": "yellow", "not_yet_due": ""}
    for row in frame.iter_rows(named=True):
        child = row["CHILD"] if row["CHILD"] != previous else ""
        previous = row["CHILD"]
        table.add_row(
            child or "",
            row["RULE"],
            f"[{style[row['STATUS']]}]{row['STATUS'].replace('_', ' ')}[/]"
            if style[row["STATUS"]]
            else row["STATUS"].replace("_", " "),
            f"{row['DUE_DATE']:%d/%m/%Y}",
            row["WORKER_ID"] or "unallocated",
            row["TEAM_ID"] or "",
            row["REASON"],
        )
    console.print(table)


@click.command(
    "due",
    epilog="""\b
Examples:
  lookedafter due demo --as-of 2026-03-31
  lookedafter due demo/canonical --as-of 2026-03-31 --team T01 --format csv
  lookedafter due demo --as-of 2026-03-31 --worker W0007 --upcoming""",
)
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "--as-of",
    "as_of",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="Reference date (YYYY-MM-DD); default: the dataset's own as-of date.",
)
@click.option("--worker", metavar="ID", help="Only children allocated to this social worker.")
@click.option("--team", metavar="ID", help="Only children whose allocated worker is in this team.")
@click.option(
    "--upcoming", is_flag=True, help="Also list items not yet due (beyond the due-soon window)."
)
@click.option(
    "--since",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="Only items due on or after this date (default: a year before the reference date; "
    "use 1900-01-01 for all).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "json"]),
    default="table",
    show_default=True,
)
def command(
    folder: Path,
    as_of: datetime | None,
    worker: str | None,
    team: str | None,
    upcoming: bool,
    since: datetime | None,
    fmt: str,
) -> None:
    """List, per child, the statutory visits, reviews, assessments and other timescales that are
    overdue or due soon, overdue first, each with the reason (rule, due date, what it follows).

    FOLDER is a canonical dataset folder (or the folder ``lookedafter synth`` wrote). Items that
    can no longer be done because the placement or care has ended are not listed; the worker and
    team are the child's allocated social worker on the due date (or the reference date).
    """
    if worker and team:
        raise click.UsageError("give --worker or --team, not both")
    ds = Dataset.read(_folder(folder))
    day = as_of.date() if as_of is not None else ds.meta.as_of
    if day is None:
        raise click.UsageError("the dataset has no as-of date: give --as-of YYYY-MM-DD")
    first = since.date() if since is not None else add_months(day, -12)
    frame = due_list(ds, day, worker=worker, team=team, upcoming=upcoming, since=first)
    if fmt == "csv":
        sys.stdout.write(frame.write_csv(date_format="%Y-%m-%d"))
    elif fmt == "json":
        sys.stdout.write(json.dumps(frame.to_dicts(), default=str, indent=1) + "\n")
    else:
        scope = f" for worker {worker}" if worker else f" for team {team}" if team else ""
        scope += f" (items due since {first:%d/%m/%Y})"
        _print(frame, Console(width=200), day, scope)
