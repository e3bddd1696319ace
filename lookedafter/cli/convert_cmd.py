"""``lookedafter convert``: SSDA903 CSV files to the canonical dataset, and back."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import click
from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from lookedafter.schema.dataset import Dataset
from lookedafter.ssda903 import extract, io
from lookedafter.ssda903.structural import Issue, issues_frame

#: At most this many problems are printed; ``--report`` writes them all.
MAX_PRINTED = 100


def print_structural_report(issues: list[Issue], console: Console) -> None:
    """The structural problems as a table (file, row, column, problem), fatal ones first."""
    if not issues:
        console.print("[green]No structural problems: every file was read cleanly.[/green]")
        return
    ordered = sorted(
        issues, key=lambda i: (not i.fatal, i.file, i.row if i.row is not None else -1)
    )
    table = Table(
        title=f"Structural problems ({len(issues)})",
        caption="Row: data row counted from 0 (the header and blank lines are not rows).",
        show_lines=False,
    )
    table.add_column("File", overflow="fold")
    table.add_column("Row", justify="right")
    table.add_column("Column")
    table.add_column("Problem", overflow="fold")
    for issue in ordered[:MAX_PRINTED]:
        style = "bold red" if issue.fatal else None
        table.add_row(
            issue.file,
            "" if issue.row is None else str(issue.row),
            issue.column or "",
            f"{issue.kind}: {issue.message}",
            style=style,
        )
    console.print(table)
    if len(ordered) > MAX_PRINTED:
        counts = Counter(str(i.kind) for i in ordered)
        summary = ", ".join(f"{kind} {n}" for kind, n in counts.most_common())
        console.print(
            f"… {len(ordered) - MAX_PRINTED} more not shown (by kind: {summary}); "
            "use --report FILE to list them all."
        )


def _summary(ds: Dataset) -> str:
    year = ds.meta.collection_year
    label = f"Return {year - 1}-{str(year)[2:]}" if year else "Dataset"
    return (
        f"{label}: {ds['Header'].height:,} children, {ds['Episodes'].height:,} episodes, "
        f"{ds['Reviews'].height:,} reviews"
    )


@click.command("convert")
@click.argument("src", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "--out",
    "-o",
    "dst",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder to write to (created if needed).",
)
@click.option(
    "--to",
    "target",
    type=click.Choice(["canonical", "903"]),
    help="What to write. Default: the other form (903 files from a canonical folder, and back).",
)
@click.option(
    "--year",
    type=click.IntRange(2000, 2100),
    help="Collection year, named by the year it ends (2026 = 2025-26). Reading 903 files: "
    "default inferred from the dates. Writing 903 from a multi-year canonical dataset: "
    "default the latest year with data that ended by the dataset's as-of date.",
)
@click.option(
    "--last",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Folder of last year's 903 files (default: SRC/prev when present).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["parquet", "csv"]),
    default="parquet",
    show_default=True,
    help="File format of a canonical dataset written.",
)
@click.option(
    "--report",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also write every structural problem to this CSV file.",
)
@click.option("--force", is_flag=True, help="Write into DST even if it already holds files.")
def command(
    src: Path,
    dst: Path,
    target: str | None,
    year: int | None,
    last: Path | None,
    fmt: str,
    report: Path | None,
    force: bool,
) -> None:
    """Convert SRC, a folder of SSDA903 CSV files or a canonical dataset, into the other form.

    903 files are recognised by their columns, whatever they are called; last year's return is
    read from SRC/prev (or --last). Problems with the files themselves (a missing file or
    column, a bad date, a wrong delimiter, an unreadable encoding...) are printed as a table.
    The exit code is 1 when a file could not be read, the Header or Episodes file is missing,
    or a file is not comma-separated (the output is still written from what could be read);
    otherwise 0.

    \b
    Examples:
      lookedafter convert returns/2026 --out canonical
      lookedafter convert canonical --out returns/2026 --to 903 --year 2026
      lookedafter convert demo/canonical --out demo-903 --year 2025
    """
    console = Console(stderr=True)
    out = Console()
    canonical_src = Dataset.is_canonical_folder(src)
    target = target or ("903" if canonical_src else "canonical")
    if dst.resolve() == src.resolve():
        raise click.ClickException("--out must be a different folder from SRC")
    if dst.exists() and any(dst.iterdir()) and not force:
        raise click.ClickException(f"{dst} already holds files; use --force to write into it")

    issues: list[Issue] = []
    with Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    ) as progress:
        task = progress.add_task(f"Reading {src}", total=2)
        if canonical_src:
            try:
                dataset = Dataset.read(src)
                if last is not None:
                    dataset = Dataset(dataset.tables, dataset.meta, Dataset.read(last))
            except Exception as exc:
                raise click.ClickException(
                    f"cannot read the canonical dataset {src}: {exc}"
                ) from exc
        else:
            result = io.read_return(src, last=last, year=year)
            dataset, issues = result.dataset, result.issues
        progress.update(task, advance=1, description=f"Writing {dst}")
        try:
            if target == "903":
                dataset = _as_return(dataset, year)
                written = len(io.write_return(dataset, dst))
            else:
                dataset.write(dst, "parquet" if fmt == "parquet" else "csv")
                written = sum(1 for p in dst.rglob("*") if p.is_file())
        except click.ClickException:
            raise
        except OSError as exc:
            raise click.ClickException(f"cannot write to {dst}: {exc}") from exc
        progress.update(task, advance=1)

    if not canonical_src:
        print_structural_report(issues, out)
        if report is not None:
            try:
                issues_frame(issues).write_csv(report)
            except OSError as exc:
                raise click.ClickException(f"cannot write the report {report}: {exc}") from exc
            out.print(f"All {len(issues)} problems written to {report}.")
    out.print(_summary(dataset))
    if dataset.previous is not None:
        out.print(f"  with last year's: {_summary(dataset.previous)}")
    out.print(f"Wrote {written} files to {dst} ({'903 CSV' if target == '903' else fmt}).")
    if any(i.fatal for i in issues):
        fatal = sorted({i.file for i in issues if i.fatal})
        out.print(
            f"[bold red]Could not read (or the DfE would reject): {', '.join(fatal)}[/bold red]"
        )
        click.get_current_context().exit(1)


def _as_return(dataset: Dataset, year: int | None) -> Dataset:
    """``dataset`` as one year's return: as it is when it came from 903 files, else cut out."""
    if dataset.meta.source == io.SOURCE and (year is None or year == dataset.meta.collection_year):
        return dataset
    if year is None:
        years = extract.years_with_data(dataset)
        if not years:
            raise click.ClickException("the dataset has no episodes, so no return to write")
        as_of = dataset.meta.as_of
        complete = [y for y in years if as_of is None or extract.year_bounds(y)[1] <= as_of]
        year = complete[-1] if complete else years[-1]
    return extract.for_year(dataset, year)
