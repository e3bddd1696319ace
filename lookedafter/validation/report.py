"""The validation report: what to fix, where, as CSV, XLSX or a self-contained HTML page.

Structural problems found by the reader (files and columns that could not be read) come first,
then every rule flag: one line per flagged row with the child, table, 0-based data row in that
table's file, rule code, fields to check and a plain-English message. Summaries count flags per
rule, per child and per field; rules that were skipped (a table absent) or failed are listed.
"""

from __future__ import annotations

import html
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Literal

import polars as pl

from lookedafter.ssda903.structural import Issue, issues_frame
from lookedafter.validation.registry import RunResult

Format = Literal["csv", "xlsx", "html"]
FLAG_COLUMNS = ("kind", "child", "table", "row", "code", "fields", "message")
_DANGEROUS = ("=", "+", "-", "@", "\t", "\r", "\n")


@dataclass
class Report:
    """Flags and summaries of one validation run."""

    year: int
    flags: pl.DataFrame  # child, table, row, code, fields, message (rule flags only)
    structural: pl.DataFrame  # kind, file, table, row, column, value, message
    skipped: list[tuple[str, str]] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    rules_run: list[str] = field(default_factory=list)
    la_name: str = ""

    @property
    def clean(self) -> bool:
        """No rule flagged anything."""
        return self.flags.height == 0

    def by_rule(self) -> pl.DataFrame:
        """One row per rule that flagged: code, message, flags, children."""
        return (
            self.flags.group_by("code", maintain_order=True)
            .agg(
                pl.col("message").first(),
                pl.len().alias("flags"),
                pl.col("child").n_unique().alias("children"),
            )
            .sort("flags", "code", descending=[True, False])
        )

    def by_child(self) -> pl.DataFrame:
        """One row per child with flags: child, flags, codes (comma-separated)."""
        return (
            self.flags.filter(pl.col("child").is_not_null())
            .group_by("child", maintain_order=True)
            .agg(
                pl.len().alias("flags"),
                pl.col("code").unique(maintain_order=True).str.join(", ").alias("codes"),
            )
            .sort("flags", "child", descending=[True, False])
        )

    def by_row(self) -> pl.DataFrame:
        """One row per flagged data row: table, row, child, codes, fields."""
        return (
            self.flags.group_by("table", "row", maintain_order=True)
            .agg(
                pl.col("child").first(),
                pl.col("code").unique(maintain_order=True).str.join(", ").alias("codes"),
                pl.col("fields")
                .str.split(",")
                .list.explode()
                .unique(maintain_order=True)
                .str.join(", ")
                .alias("fields"),
            )
            .sort("table", "row", nulls_last=True)
        )

    def by_field(self) -> pl.DataFrame:
        """How often each field of each table is named by a flag: table, field, flags."""
        return (
            self.flags.with_columns(pl.col("fields").str.split(","))
            .explode("fields")
            .filter(pl.col("fields") != "")
            .group_by("table", pl.col("fields").alias("field"))
            .agg(pl.len().alias("flags"))
            .sort("flags", "table", "field", descending=[True, False, False])
        )

    def lines(self) -> pl.DataFrame:
        """Structural problems first, then one line per rule flag (the CSV's rows)."""
        s = self.structural
        structural = pl.DataFrame(
            {
                "kind": ["structural"] * s.height,
                "child": [None] * s.height,
                "table": s["table"].fill_null(s["file"]),
                "row": s["row"],
                "code": ("STRUCT-" + s["kind"].str.to_uppercase()).to_list(),
                "fields": s["column"].fill_null(""),
                "message": s["message"],
            },
            schema=_LINE_SCHEMA,
        )
        flags = self.flags.select(
            pl.lit("rule").alias("kind"), *[pl.col(c) for c in FLAG_COLUMNS[1:]]
        ).cast(pl.Schema(_LINE_SCHEMA))
        return pl.concat([structural, flags])


_LINE_SCHEMA: dict[str, pl.DataType] = {
    "kind": pl.String(),
    "child": pl.String(),
    "table": pl.String(),
    "row": pl.Int64(),
    "code": pl.String(),
    "fields": pl.String(),
    "message": pl.String(),
}


def build(
    result: RunResult, year: int, issues: list[Issue] | None = None, la_name: str = ""
) -> Report:
    """Turn a run's result and the reader's structural issues into a report."""
    flags = result.errors.select(
        pl.col("CHILD").alias("child"),
        pl.col("table"),
        pl.col("ROW").alias("row"),
        pl.col("code"),
        pl.col("fields"),
        pl.col("message"),
    ).sort("table", "row", "code", nulls_last=True)
    return Report(
        year=year,
        flags=flags,
        structural=issues_frame(list(issues or [])),
        skipped=list(result.skipped),
        failed=list(result.failed),
        rules_run=list(result.rules_run),
        la_name=la_name,
    )


# ---- CSV ---------------------------------------------------------------------------------------


def safe_cell(value: object) -> str:
    """A cell a spreadsheet will not run as a formula (leading = + - @ get a quote)."""
    if value is None:
        return ""
    text = str(value)
    if text.startswith(_DANGEROUS) and not _is_number(text):
        return "'" + text
    return text


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def safe_text(expr: pl.Expr) -> pl.Expr:
    """Vectorised :func:`safe_cell` for a string column."""
    risky = expr.str.contains(r"^[=+\-@\t\r\n]") & ~expr.str.contains(_NUMBER)
    return pl.when(risky).then(pl.lit("'") + expr).otherwise(expr)


_NUMBER = r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$"


def write_csv(report: Report, out: IO[str]) -> None:
    lines = report.lines()
    safe = lines.with_columns(
        safe_text(pl.col(c)).alias(c) for c, t in lines.schema.items() if t == pl.String
    )
    out.write(safe.write_csv())


def to_csv(report: Report) -> str:
    buf = io.StringIO()
    write_csv(report, buf)
    return buf.getvalue()


# ---- XLSX --------------------------------------------------------------------------------------


def write_xlsx(report: Report, path: str | Path | IO[bytes]) -> None:
    """A workbook: Summary, Structural, Flags, By rule, By child, By row, By field, Not run."""
    import xlsxwriter

    book = xlsxwriter.Workbook(path, {"strings_to_formulas": False, "strings_to_urls": False})
    bold = book.add_format({"bold": True})
    summary = book.add_worksheet("Summary")
    summary.set_column(0, 0, 34)
    summary.set_column(1, 1, 60)
    facts = _summary_facts(report)
    for i, (label, value) in enumerate(facts):
        summary.write_string(i, 0, label, bold)
        summary.write(i, 1, value)
    sheets: list[tuple[str, pl.DataFrame]] = [
        ("Structural", report.structural),
        ("Flags", report.flags),
        ("By rule", report.by_rule()),
        ("By child", report.by_child()),
        ("By row", report.by_row()),
        ("By field", report.by_field()),
        (
            "Not run",
            pl.DataFrame(
                {
                    "code": [c for c, _ in report.failed] + [c for c, _ in report.skipped],
                    "status": ["failed"] * len(report.failed) + ["skipped"] * len(report.skipped),
                    "why": [w for _, w in report.failed] + [w for _, w in report.skipped],
                },
                schema={"code": pl.String, "status": pl.String, "why": pl.String},
            ),
        ),
    ]
    for name, frame in sheets:
        sheet = book.add_worksheet(name)
        for j, col in enumerate(frame.columns):
            sheet.write_string(0, j, col, bold)
            sheet.set_column(j, j, 60 if col == "message" else 14)
        for i, row in enumerate(frame.iter_rows(), start=1):
            for j, value in enumerate(row):
                if value is None:
                    continue
                if isinstance(value, int | float) and not isinstance(value, bool):
                    sheet.write_number(i, j, value)
                else:
                    sheet.write_string(i, j, safe_cell(value))
        sheet.freeze_panes(1, 0)
        if frame.height:
            sheet.autofilter(0, 0, frame.height, max(frame.width - 1, 0))
    book.close()


def _summary_facts(report: Report) -> list[tuple[str, str | int]]:
    year = report.year
    return [
        ("Authority", report.la_name or "(not given)"),
        ("Collection year", f"{year - 1}-{str(year)[-2:]} (1 April {year - 1} to 31 March {year})"),
        ("Structural problems", report.structural.height),
        ("Rule flags", report.flags.height),
        ("Children with flags", report.by_child().height),
        ("Rules that flagged", report.by_rule().height),
        ("Rules run", len(report.rules_run)),
        ("Rules skipped (a table absent)", len(report.skipped)),
        ("Rules that failed to run", len(report.failed)),
    ]


# ---- HTML --------------------------------------------------------------------------------------

_CSS = """
body{font-family:Arial,Helvetica,sans-serif;color:#0b0c0c;margin:0;line-height:1.4;font-size:19px}
.header{background:#0b0c0c;color:#fff;padding:12px 30px;font-weight:bold;font-size:24px}
.skip{position:absolute;left:-9999px}.skip:focus{left:10px;top:10px;background:#fd0;color:#0b0c0c;padding:8px}
main{max-width:1100px;margin:0 auto;padding:20px 30px 60px}
h1{font-size:36px;margin:20px 0}h2{font-size:27px;margin-top:40px}h3{font-size:21px}
table{border-collapse:collapse;width:100%;margin-bottom:30px;font-size:16px}
caption{text-align:left;font-weight:bold;font-size:19px;padding-bottom:8px}
th,td{border-bottom:1px solid #b1b4b6;padding:8px 10px 8px 0;text-align:left;vertical-align:top}
th{font-weight:bold}td.num,th.num{text-align:right}
.panel{border-left:10px solid #b1b4b6;padding:12px 16px;margin:16px 0;background:#f3f2f1}
.panel.ok{border-color:#00703c}.panel.bad{border-color:#d4351c}
.tag{display:inline-block;background:#d4351c;color:#fff;padding:2px 8px;font-weight:bold}
a{color:#1d70b8}a:focus{outline:3px solid #fd0;background:#fd0;color:#0b0c0c}
details summary{cursor:pointer;color:#1d70b8;text-decoration:underline}
dl{display:grid;grid-template-columns:max-content auto;gap:6px 20px}dt{font-weight:bold}dd{margin:0}
"""


def _e(value: object) -> str:
    return html.escape("" if value is None else str(value))


def _table(frame: pl.DataFrame, caption: str, headings: dict[str, str] | None = None) -> str:
    if frame.height == 0:
        return f"<p>{_e(caption)}: none.</p>"
    heads = headings or {}
    numeric = {c for c, t in frame.schema.items() if t.is_numeric()}
    cols = frame.columns
    head = "".join(
        f'<th scope="col"{" class=num" if c in numeric else ""}>{_e(heads.get(c, c))}</th>'
        for c in cols
    )
    body = "".join(
        "<tr>"
        + "".join(
            f"<td{' class=num' if c in numeric else ''}>{_e(v)}</td>"
            for c, v in zip(cols, row, strict=True)
        )
        + "</tr>"
        for row in frame.iter_rows()
    )
    return (
        f"<table><caption>{_e(caption)}</caption>"
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )


def to_html(report: Report) -> str:
    """A self-contained, accessible page (no scripts, no external assets)."""
    year = report.year
    title = f"SSDA903 validation report {year - 1} to {year}"
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(title)}</title><style>{_CSS}</style></head><body>",
        '<a class="skip" href="#main">Skip to main content</a>',
        '<header class="header" role="banner">lookedafter</header>',
        f'<main id="main"><h1>{_e(title)}</h1>',
    ]
    if report.la_name:
        parts.append(f"<p>{_e(report.la_name)}</p>")
    if report.clean and report.structural.height == 0:
        parts.append('<div class="panel ok"><p>No problems found.</p></div>')
    else:
        parts.append(
            f'<div class="panel bad"><p><strong>{report.structural.height}</strong> structural '
            f"problem(s) and <strong>{report.flags.height}</strong> rule flag(s) for "
            f"<strong>{report.by_child().height}</strong> child(ren).</p></div>"
        )
    parts.append(
        "<dl>"
        + "".join(f"<dt>{_e(k)}</dt><dd>{_e(v)}</dd>" for k, v in _summary_facts(report))
        + "</dl>"
    )
    parts.append('<nav aria-label="Contents"><h2>Contents</h2><ul>')
    for anchor, label in (
        ("structural", "Structural problems"),
        ("rules", "Flags by rule"),
        ("children", "Flags by child"),
        ("fields", "Flags by field"),
        ("notrun", "Rules not run"),
    ):
        parts.append(f'<li><a href="#{anchor}">{label}</a></li>')
    parts.append("</ul></nav>")
    s = report.structural.select("file", "table", "row", "column", "value", "message")
    parts.append('<h2 id="structural">Structural problems</h2>')
    parts.append(
        "<p>Fix these first: they are files, columns or values that could not be read, so "
        "some rules may not have seen the data.</p>"
    )
    parts.append(_table(s, "Structural problems found reading the files"))
    parts.append('<h2 id="rules">Flags by rule</h2>')
    parts.append(_table(report.by_rule(), "Flags per rule, most first"))
    parts.append('<h2 id="children">Flags by child</h2>')
    parts.append("<p>Rows are numbered from 0, the first data row under the column headings.</p>")
    flags = report.flags.filter(pl.col("child").is_not_null())
    for (child,), group in flags.group_by("child", maintain_order=True):
        rows = group.select("table", "row", "code", "fields", "message")
        parts.append(
            f"<details><summary>Child {_e(child)}: {group.height} flag(s)</summary>"
            + _table(rows, f"Flags for child {child}")
            + "</details>"
        )
    la_level = report.flags.filter(pl.col("child").is_null())
    if la_level.height:
        parts.append("<h3>Flags about the return as a whole</h3>")
        parts.append(
            _table(la_level.select("table", "code", "fields", "message"), "Return-level flags")
        )
    parts.append('<h2 id="fields">Flags by field</h2>')
    parts.append(_table(report.by_field(), "How often each field is named by a flag"))
    parts.append('<h2 id="notrun">Rules not run</h2>')
    notrun = pl.DataFrame(
        {
            "code": [c for c, _ in report.failed] + [c for c, _ in report.skipped],
            "status": ["failed"] * len(report.failed) + ["skipped"] * len(report.skipped),
            "why": [w for _, w in report.failed] + [w for _, w in report.skipped],
        },
        schema={"code": pl.String, "status": pl.String, "why": pl.String},
    )
    parts.append(_table(notrun, "Rules skipped or failed"))
    parts.append("</main></body></html>")
    return "\n".join(parts)


def write(report: Report, fmt: Format, out: str | Path | None) -> str | None:
    """Write the report in a format to a file; for csv/html with no file, return the text."""
    if fmt == "xlsx":
        if out is None:
            raise ValueError("an XLSX report needs --out FILE")
        write_xlsx(report, out)
        return None
    text = to_csv(report) if fmt == "csv" else to_html(report)
    if out is None:
        return text
    Path(out).write_text(text, "utf-8")
    return None
