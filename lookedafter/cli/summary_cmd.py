"""``lookedafter summary``: a readable summary of a canonical dataset (the demo's main job)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click
import polars as pl
from rich.console import Console
from rich.table import Table

from lookedafter.lib import postcodes
from lookedafter.schema.dataset import Dataset

LEGAL = {
    "C1": "Interim care order",
    "C2": "Full care order",
    "E1": "Placement order",
    "D1": "Freeing order",
    "V2": "Accommodated (s20)",
    "V3": "Short breaks",
    "V4": "Short breaks",
    "L1": "Police protection / EPO / CAO",
    "L2": "Police protection / EPO / CAO",
    "L3": "Police protection / EPO / CAO",
    "J1": "Youth justice",
    "J2": "Youth justice",
    "J3": "Youth justice",
}
PLACEMENT = {
    "U1": "Foster: kinship",
    "U2": "Foster: kinship",
    "U3": "Foster: kinship",
    "U4": "Foster: other carers",
    "U5": "Foster: other carers",
    "U6": "Foster: other carers",
    "K1": "Secure children's home",
    "K2": "Children's home",
    "K3": "Supported accommodation",
    "P1": "Placed with parents",
    "A3": "Placed for adoption",
    "A4": "Placed for adoption",
    "A5": "Placed for adoption",
    "A6": "Placed for adoption",
}
AGE_BANDS = ((0, 1, "Under 1"), (1, 5, "1 to 4"), (5, 10, "5 to 9"), (10, 16, "10 to 15"))
PROFESSIONAL = ("SW", "TM", "SM", "IRO")


def _folder(path: Path) -> Path:
    if Dataset.is_canonical_folder(path):
        return path
    if Dataset.is_canonical_folder(path / "canonical"):
        return path / "canonical"
    raise click.ClickException(
        f"{path} is not a canonical dataset (no dataset.json in it or in {path / 'canonical'}). "
        "Make one with: lookedafter synth --out DIR, or lookedafter convert SRC --out DIR."
    )


def _pct(part: float, whole: float) -> str:
    return "–" if not whole else f"{100 * part / whole:.1f}%"


def _breakdown(title: str, counts: pl.DataFrame, total: int) -> Table:
    table = Table(title=title, title_justify="left")
    table.add_column("")
    table.add_column("Children", justify="right")
    table.add_column("Share", justify="right")
    for label, n in counts.iter_rows():
        table.add_row(str(label), f"{n:,}", _pct(n, total))
    return table


def _in_care(ds: Dataset, on: date) -> pl.DataFrame:
    """The open episode of each child looked after on ``on``, with their details."""
    eps = ds["Episodes"].filter(
        (pl.col("DECOM") <= on) & (pl.col("DEC").is_null() | (pl.col("DEC") > on))
    )
    eps = eps.sort("CHILD", "DECOM").unique("CHILD", keep="last", maintain_order=True)
    uasc = ds["UASC"].filter(pl.col("DUC").is_null() | (pl.col("DUC") > on)).select("CHILD")
    return eps.join(
        ds["Header"].select("CHILD", "SEX", "DOB"), on="CHILD", how="left"
    ).with_columns(
        pl.col("CHILD").is_in(uasc["CHILD"].implode()).alias("UASC"),
        ((pl.lit(on) - pl.col("DOB")).dt.total_days() / 365.25).floor().cast(pl.Int32).alias("AGE"),
    )


def _age_band() -> pl.Expr:
    expr: pl.Expr = pl.lit("16 and over")
    for lo, hi, label in reversed(AGE_BANDS):
        expr = pl.when(pl.col("AGE").is_between(lo, hi - 1)).then(pl.lit(label)).otherwise(expr)
    return expr


def _count(frame: pl.DataFrame, expr: pl.Expr) -> pl.DataFrame:
    return frame.select(expr.alias("K")).group_by("K").len().sort("len", descending=True)


def summarise(ds: Dataset, console: Console) -> None:
    meta = ds.meta
    on = meta.as_of or ds["Episodes"]["DECOM"].max()
    if not isinstance(on, date):
        raise click.ClickException("the dataset has no episodes and no as-of date")
    start = date(on.year - 1 if on.month <= 3 else on.year, 4, 1)
    eps = ds["Episodes"]
    during = eps.filter(
        (pl.col("DECOM") <= on) & (pl.col("DEC").is_null() | (pl.col("DEC") >= start))
    )["CHILD"].n_unique()
    started = eps.filter((pl.col("RNE") == "S") & pl.col("DECOM").is_between(start, on)).height
    ceased = eps.filter(pl.col("REC").is_not_null() & (pl.col("REC") != "X1"))
    ceased = ceased.filter(pl.col("DEC").is_between(start, on))
    adopted = ceased.filter(pl.col("REC").is_in(["E11", "E12"])).height
    now = _in_care(ds, on)
    total = now.height
    console.print(
        f"[bold]{meta.la_name or 'Authority'}[/bold] ({meta.la_code or 'no LA code'}) "
        f"as at {on:%d %B %Y}" + (f" — {meta.source}" if meta.source else "")
    )
    head = Table(title="Children", title_justify="left")
    head.add_column("")
    head.add_column("Number", justify="right")
    rows = [
        ("Children in the history", ds["Header"].height),
        (f"Looked after during the year from {start:%d %B %Y}", during),
        (f"Looked after on {on:%d %B %Y}", total),
        ("Started to be looked after in the year", started),
        ("Ceased to be looked after in the year", ceased.height),
        ("Adopted in the year", adopted),
        ("Unaccompanied asylum-seeking children in care", int(now["UASC"].sum())),
    ]
    for label, n in rows:
        head.add_row(label, f"{n:,}")
    console.print(head)
    legal = pl.col("LS").replace_strict(LEGAL, default=pl.col("LS"))
    place = pl.col("PLACE").replace_strict(PLACEMENT, default=pl.lit("Other placements"))
    sex = pl.col("SEX").replace_strict({"M": "Male", "F": "Female"}, default=pl.lit("Unknown"))
    console.print(_breakdown("In care by legal status", _count(now, legal), total))
    console.print(_breakdown("In care by placement", _count(now, place), total))
    ages = (
        now.select(_age_band().alias("K"), "AGE").group_by("K").agg(pl.len(), pl.col("AGE").min())
    )
    console.print(_breakdown("In care by age", ages.sort("AGE").select("K", "len"), total))
    console.print(_breakdown("In care by sex", _count(now, sex), total))
    _workforce(ds, on, console)
    _practice(ds, start, on, now, console)


def _workforce(ds: Dataset, on: date, console: Console) -> None:
    workers = ds["Workers"]
    in_post = workers.filter(
        pl.col("ROLE").is_in(PROFESSIONAL)
        & (pl.col("START_DATE") <= on)
        & (pl.col("LEAVE_DATE").is_null() | (pl.col("LEAVE_DATE") > on))
    )
    year_ago = date(on.year - 1, on.month, min(on.day, 28))
    leavers = workers.filter(
        pl.col("ROLE").is_in(PROFESSIONAL)
        & ~pl.col("AGENCY")
        & pl.col("LEAVE_DATE").is_between(year_ago, on, closed="right")
    )
    vacant = ds["Vacancies"].filter(
        pl.col("ROLE").is_in(PROFESSIONAL)
        & (pl.col("OPEN_DATE") <= on)
        & (pl.col("FILLED_DATE").is_null() | (pl.col("FILLED_DATE") > on))
    )
    permanent = float(in_post.filter(~pl.col("AGENCY"))["FTE"].sum())
    agency = float(in_post.filter(pl.col("AGENCY"))["FTE"].sum())
    vacancies = float(vacant["FTE"].sum())
    case_holders = in_post.filter(pl.col("CASE_HOLDING"))
    alloc = ds["Allocations"].filter(
        (pl.col("ALLOC_ROLE") == "SW")
        & (pl.col("ALLOC_START") <= on)
        & (pl.col("ALLOC_END").is_null() | (pl.col("ALLOC_END") > on))
    )
    caseload = alloc.join(case_holders.select("WORKER_ID"), on="WORKER_ID").height
    table = Table(title="Workforce (social workers, managers and IROs)", title_justify="left")
    table.add_column("")
    table.add_column("Figure", justify="right")
    table.add_row("Teams", f"{ds['Teams'].height:,}")
    table.add_row("In post (FTE), permanent", f"{permanent:,.1f}")
    table.add_row("Agency workers (FTE)", f"{agency:,.1f} ({_pct(agency, agency + permanent)})")
    table.add_row(
        "Vacant posts (FTE)", f"{vacancies:,.1f} ({_pct(vacancies, vacancies + permanent)})"
    )
    table.add_row(
        "Permanent leavers in the last 12 months (FTE)",
        f"{float(leavers['FTE'].sum()):,.1f} ({_pct(float(leavers['FTE'].sum()), permanent)})",
    )
    if case_holders.height:
        table.add_row(
            "Children per case-holding social worker", f"{caseload / case_holders.height:.1f}"
        )
    console.print(table)


def _practice(ds: Dataset, start: date, on: date, now: pl.DataFrame, console: Console) -> None:
    table = Table(title=f"Practice in the year to {on:%d %B %Y}", title_justify="left")
    table.add_column("")
    table.add_column("Figure", justify="right")
    swe = ds["SWEpisodes"].filter(
        (pl.col("SW_DECOM") <= on) & (pl.col("SW_DEC").is_null() | (pl.col("SW_DEC") >= start))
    )
    per = swe.group_by("CHILD").agg(pl.col("SW_ID").n_unique().alias("N"))
    three = now.join(per, on="CHILD").filter(pl.col("N") >= 3).height
    table.add_row("In care with 3+ social workers in the year", _pct(three, now.height))
    new = ds["Episodes"].filter(
        pl.col("RNE").is_in(["S", "P", "B"]) & pl.col("DECOM").is_between(start, on)
    )
    if new.height:
        dist = postcodes.with_distance(new)["PL_DISTANCE"]
        far = ((dist > 20) & (dist < postcodes.UNKNOWN_DISTANCE)).sum()
        table.add_row("New placements more than 20 miles from home", _pct(float(far), new.height))
    visits = ds["Visits"].filter(pl.col("VISIT_DATE").is_between(start, on))
    table.add_row("Statutory visits", f"{visits.height:,}")
    reviews = ds["Reviews"].filter(pl.col("REVIEW").is_between(start, on))
    table.add_row("Reviews held", f"{reviews.height:,}")
    missing = ds["Missing"].filter(pl.col("MIS_START").is_between(start, on))
    table.add_row(
        "Missing or away episodes (children)",
        f"{missing.height:,} ({missing['CHILD'].n_unique():,})",
    )
    rhi = ds["ReturnInterviews"].filter(pl.col("MIS_START").is_between(start, on))
    offered = rhi.filter(
        pl.col("OFFERED_AT").is_not_null()
        & (pl.col("OFFERED_AT") - pl.col("RETURNED_AT") <= pl.duration(hours=72))
    ).height
    table.add_row("Return interviews offered within 72 hours", _pct(offered, rhi.height))
    long_term = now.filter(pl.col("PLACE").is_in(["U1", "U4"]))
    matched = long_term.join(ds["LongTermMatches"].select("CHILD"), on="CHILD", how="semi").height
    table.add_row(
        "Long-term foster placements not formally matched",
        _pct(long_term.height - matched, long_term.height),
    )
    challenges = ds["IROChallenges"]
    open_ = challenges.filter(pl.col("RESOLVED_DATE").is_null() & (pl.col("RAISED_DATE") <= on))
    table.add_row("IRO challenges open", f"{open_.height:,}")
    audits = ds["CaseAudits"].filter(pl.col("AUDIT_DATE").is_between(start, on))
    table.add_row(
        "Case audits (by team managers)",
        f"{audits.height:,} ({_pct(float((audits['AUDITOR_ROLE'] == 'TM').sum()), audits.height)})",
    )
    console.print(table)


@click.command("summary")
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
def command(folder: Path) -> None:
    """Print a readable summary of a canonical dataset: children, who is in care and where,
    the workforce, and headline practice figures.

    FOLDER is a canonical dataset folder, or the --out folder of ``lookedafter synth``.

    \b
    Example:
      lookedafter synth --children 1000 --seed 1 --out demo
      lookedafter summary demo
    """
    console = Console()
    ds = Dataset.read(_folder(folder))
    summarise(ds, console)
