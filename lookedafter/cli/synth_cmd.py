"""``lookedafter synth``: generate a synthetic authority (canonical dataset and 903 returns)."""

from __future__ import annotations

import shutil
import time
from datetime import date
from pathlib import Path

import click
import polars as pl
from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from lookedafter.schema.dataset import META_FILE
from lookedafter.synth import PRESETS, SynthConfig, generate

STAGES = (
    "children",
    "postcodes",
    "episodes",
    "workforce",
    "reviews, visits, health and education",
    "missing episodes and return interviews",
    "permanence and outcomes",
    "oversight",
)


def _as_of(ctx: click.Context, param: click.Parameter, value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date like 2026-03-31") from None


def _clear(folder: Path) -> None:
    """Remove an earlier run's output so nothing stale is left beside the new files."""
    if folder.exists():
        if not folder.is_dir():
            raise click.ClickException(f"{folder} exists and is not a folder")
        shutil.rmtree(folder)


@click.command("synth")
@click.option(
    "--children",
    "-n",
    type=click.IntRange(1, 2_000_000),
    default=1000,
    show_default=True,
    help="Children looked after at some point in the final collection year (England: 115000).",
)
@click.option(
    "--years",
    "-y",
    type=click.IntRange(1, 30),
    default=5,
    show_default=True,
    help="Collection years of history, ending with the year of --as-of.",
)
@click.option("--seed", "-s", type=int, default=1, show_default=True, help="Random seed.")
@click.option(
    "--out",
    "-o",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder to write: OUT/canonical/ and OUT/903/<year>/ (replaced if present).",
)
@click.option(
    "--preset",
    type=click.Choice(PRESETS),
    default="national",
    show_default=True,
    help="Practice: national averages, a good authority, or a struggling one.",
)
@click.option(
    "--as-of",
    "as_of",
    default="2026-03-31",
    show_default=True,
    callback=_as_of,
    help="The date the data describes (the extract date).",
)
@click.option(
    "--area",
    default=None,
    help="Home local authority district (ONS code, e.g. E08000003), or 'england'. "
    "Default: Buckinghamshire, or all England from 20,000 children.",
)
@click.option("--no-903", "no_903", is_flag=True, help="Write only the canonical dataset.")
def command(
    children: int,
    years: int,
    seed: int,
    out: Path,
    preset: str,
    as_of: date,
    area: str | None,
    no_903: bool,
) -> None:
    """Generate a synthetic authority: deterministic for a seed (same seed, same bytes).

    \b
    Example:
      lookedafter synth --children 1000 --years 5 --seed 1 --out demo
      lookedafter synth --children 115000 --seed 7 --preset struggling --out england
    """
    console = Console(stderr=True)
    try:
        cfg = SynthConfig(
            children=children,
            years=years,
            seed=seed,
            preset=preset,  # type: ignore[arg-type]
            as_of=as_of,
            home_area=area,
        )
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None
    if out.exists() and not out.is_dir():
        raise click.UsageError(f"--out {out} exists and is not a folder")
    canonical = out / "canonical"
    if canonical.exists() and not (canonical / META_FILE).exists() and any(canonical.iterdir()):
        raise click.ClickException(
            f"{canonical} holds files that are not a canonical dataset; choose another --out"
        )
    started = time.perf_counter()
    with Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        TextColumn("{task.completed}/{task.total}"),
        TimeElapsedColumn(),
        console=console,
        transient=False,
    ) as bar:
        task = bar.add_task("Generating", total=len(STAGES))

        def step(stage: str) -> None:
            done = STAGES.index(stage) if stage in STAGES else 0
            bar.update(task, completed=done, description=f"Generating: {stage}")

        try:
            ds = generate(cfg, progress=step)
        except ValueError as exc:
            raise click.ClickException(str(exc)) from None
        bar.update(task, completed=len(STAGES), description="Generated")
        write = bar.add_task("Writing canonical dataset", total=1)
        _clear(canonical)
        ds.write(canonical, "parquet")
        bar.update(write, completed=1)
        if not no_903:
            from lookedafter.ssda903 import extract, io

            returns = out / "903"
            _clear(returns)
            year_list = list(range(cfg.first_year, cfg.final_year + 1))
            ret = bar.add_task("Writing 903 returns", total=len(year_list))
            for year in year_list:
                bar.update(ret, description=f"Writing 903 return {year - 1}-{str(year)[2:]}")
                io.write_return(extract.for_year(ds, year), returns / str(year))
                bar.advance(ret)
    elapsed = time.perf_counter() - started
    in_care = ds["Episodes"].filter(pl.col("DEC").is_null()).height
    console.print(
        f"[green]Wrote[/green] {out}: {ds['Header'].height:,} children in the history, "
        f"{in_care:,} looked after on {cfg.as_of:%d %B %Y}, {len(ds.tables)} tables "
        f"({elapsed:.1f} s). Next: lookedafter summary {out}"
    )
