"""``lookedafter validate``: check an SSDA903 return against the DfE validation rules."""

from __future__ import annotations

import dataclasses
import importlib
import sys
import threading
from pathlib import Path
from types import ModuleType
from typing import Literal, cast

import click
import polars as pl

from lookedafter.schema import Dataset
from lookedafter.ssda903.structural import Issue
from lookedafter.validation import registry, report
from lookedafter.validation.providers import ProviderListError, read_providers


def _read(folder: Path, last: Path | None, year: int | None) -> tuple[Dataset, list[Issue]]:
    """A 903 folder through the reader, or the collection year cut out of a canonical folder.

    A canonical folder holds the authority's whole history: the year's return is cut out of it
    with the DfE scope rules (``extract.for_year``), with the year before as last year's return
    (or the return in ``last``), so only the year is validated.
    """
    if Dataset.is_canonical_folder(folder):
        canonical = Dataset.read(folder)
        chosen = year or canonical.meta.collection_year
        if chosen is None:
            raise click.UsageError(
                "give --year (a canonical folder holds every year; say which one to validate)"
            )
        from lookedafter.ssda903.extract import for_year

        cut = for_year(canonical, chosen)
        if last is None:
            return cut, []
        previous, issues = _read_last(last, chosen - 1)
        return Dataset(cut.tables, cut.meta, previous), issues
    reader = _reader()
    result = reader.read_return(folder, last=last, year=year)
    dataset: Dataset = result.dataset
    return dataset, list(result.issues)


def _read_last(last: Path, year: int) -> tuple[Dataset, list[Issue]]:
    """Last year's return from ``--last``: a canonical folder (cut to ``year``) or 903 files."""
    if Dataset.is_canonical_folder(last):
        from lookedafter.ssda903.extract import for_year

        return for_year(Dataset.read(last), year, with_previous=False), []
    result = _reader().read_return(last, year=year)
    return result.dataset, list(result.issues)


def _reader() -> ModuleType:
    try:
        return importlib.import_module("lookedafter.ssda903.io")
    except ImportError as exc:  # the reader is part of the package; say so if it is missing
        raise click.ClickException(f"cannot read 903 CSV files: {exc}") from exc


@click.command("validate")
@click.argument(
    "folder", type=click.Path(exists=True, file_okay=False, dir_okay=True, path_type=Path)
)
@click.option(
    "--last",
    type=click.Path(exists=True, file_okay=False, dir_okay=True, path_type=Path),
    help="Folder of last year's return (default: FOLDER/prev when present).",
)
@click.option(
    "--year",
    type=click.IntRange(2025, 2027),
    help="Collection year, named by the year it ends (2026 = 2025-26). "
    "Default: the year recorded with the data.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["csv", "xlsx", "html"]),
    default="csv",
    show_default=True,
    help="Report format.",
)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    help="Write the report here (csv and html go to standard output when omitted).",
)
@click.option(
    "--ofsted-providers",
    "providers",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Ofsted's social care providers or children's homes list (xlsx or csv); repeat for "
    "both. Rules that check URNs are skipped without it.",
)
@click.option(
    "--la-code",
    default="",
    help="ONS code of the authority (for example E08000003); the 903 files do not carry it, and "
    "rules comparing the placement's area with the authority's are skipped without it.",
)
@click.option(
    "--la-districts",
    default="",
    help="Comma-separated ONS district codes that count as the authority's own area "
    "(needed for a two-tier county; the offline postcode data knows only districts).",
)
@click.option("--quiet", "-q", is_flag=True, help="Print no summary on standard error.")
def command(
    folder: Path,
    last: Path | None,
    year: int | None,
    fmt: str,
    out: Path | None,
    providers: tuple[Path, ...],
    la_code: str,
    la_districts: str,
    quiet: bool,
) -> None:
    """Validate the SSDA903 return in FOLDER and report what to fix.

    FOLDER holds the year's 903 CSV files, or a canonical dataset folder, from which the
    collection year's return (and last year's) is cut first. Structural problems
    (files and values that could not be read) are listed first, then one line per flag: child,
    table, 0-based data row, rule code, fields and what to fix.

    Exit status: 0 when nothing is flagged, 1 when any rule flags or a file has structural
    problems, 2 on a usage error.

    \b
    Example:
      lookedafter validate demo/903/2026 --year 2026 --format html --out report.html
      lookedafter validate returns/2026 --last returns/2025 --year 2026 --out flags.csv \\
          --la-code E08000003 --ofsted-providers childrens_homes.xlsx
    """
    if fmt == "xlsx" and out is None:
        raise click.UsageError("an xlsx report needs --out FILE")
    # The rule modules are imported while the files are read: Polars parses without the GIL.
    loading = threading.Thread(target=registry.all_rules, daemon=True)
    loading.start()
    dataset, issues = _read(folder, last, year)
    loading.join()
    if la_code:
        if not registry.is_ons_code(la_code.strip().upper()):
            raise click.UsageError(
                f"--la-code {la_code!r} is not an ONS code like E08000003 (the DfE three-digit "
                "number cannot be matched with postcodes)"
            )
        meta = dataclasses.replace(dataset.meta, la_code=la_code.strip().upper())
        dataset = Dataset(dataset.tables, meta, dataset.previous)
    chosen = year or dataset.meta.collection_year
    if chosen is None:
        raise click.UsageError("give --year (the data does not say which collection year it is)")
    if not registry.FIRST_YEAR <= chosen <= registry.LAST_YEAR:
        raise click.UsageError(
            f"collection year {chosen} is not supported "
            f"({registry.FIRST_YEAR}-{registry.LAST_YEAR})"
        )
    extra: dict[str, pl.DataFrame] = {}
    if providers:
        try:
            extra["Providers"] = read_providers(providers)
        except ProviderListError as exc:
            raise click.ClickException(str(exc)) from exc
    districts = [d.strip().upper() for d in la_districts.split(",") if d.strip()]
    if not all(registry.is_ons_code(d) for d in districts):
        raise click.UsageError("--la-districts takes ONS district codes like E07000004")
    result = registry.run(dataset, chosen, issues, extra=extra, la_districts=districts)
    rep = report.build(result, chosen, issues, dataset.meta.la_name)
    text = report.write(rep, cast(Literal["csv", "xlsx", "html"], fmt), out)
    if text is not None:
        sys.stdout.write(text)
    if not quiet:
        _summary(rep, out)
    if not rep.clean or rep.structural.height:
        raise SystemExit(1)


def _summary(rep: report.Report, out: Path | None) -> None:
    err = sys.stderr
    year = rep.year
    click.echo(
        f"{year - 1}-{str(year)[-2:]}: {rep.structural.height} structural problem(s), "
        f"{rep.flags.height} flag(s) for {rep.by_child().height} child(ren) from "
        f"{rep.by_rule().height} rule(s); {len(rep.rules_run)} rules run, "
        f"{len(rep.skipped)} skipped, {len(rep.failed)} failed.",
        file=err,
    )
    for row in rep.by_rule().head(10).iter_rows(named=True):
        click.echo(f"  {row['code']:>6}  {row['flags']:>6}  {row['message'][:80]}", file=err)
    for code, why in rep.failed:
        click.echo(f"  rule {code} failed to run: {why}", file=err)
    if out is not None:
        click.echo(f"Report written to {out}", file=err)
