"""Render the measures catalogue (``docs/measures.md``) from the measure modules.

Regenerate: ``python -m lookedafter.measures.docs`` (writes docs/measures.md) or
``lookedafter measures --docs docs/measures.md``; ``--check`` exits 1 when the file is stale.
"""

from __future__ import annotations

import sys
from pathlib import Path

from lookedafter.measures.context import Settings
from lookedafter.measures.registry import AREAS, BREAKDOWNS, Measure, all_measures

DEFAULT_PATH = Path("docs/measures.md")
KIND_TEXT = {
    "period": "events in the 12 months to the reference date; the month trend groups them by "
    "the month they fell in",
    "snapshot": "a position on the reference date; the month trend recomputes it at each of "
    "the last 12 month ends",
}
AGG_TEXT = {
    "ratio": "numerator ÷ denominator",
    "count": "a count",
    "median": "the median of the rows' values",
}


def _anchor(m: Measure) -> str:
    return m.id.replace("_", "-")


def _measure(m: Measure) -> list[str]:
    better = {"higher": "higher", "lower": "lower", None: "neither (context)"}[m.better]
    breakdowns = ", ".join(f"`{b}`" for b in (*BREAKDOWNS, *m.extra))
    needs = ", ".join("the timescale engine" if n == "timescales" else f"`{n}`" for n in m.needs)
    lines = [
        f'<a id="{_anchor(m)}"></a>',
        "",
        f"### `{m.id}`: {m.title}",
        "",
        m.definition,
        "",
        f"- **Numerator:** {m.numerator}",
        f"- **Denominator:** {m.denominator}",
        f"- **Figure:** {AGG_TEXT[m.agg]}, in {m.unit}; better is {better}",
        f"- **Kind:** {m.kind}: {KIND_TEXT[m.kind]}",
        f"- **Rows behind it:** one per {m.subject}",
        f"- **Reads:** {needs}",
        f"- **Breakdowns:** {breakdowns}",
    ]
    if m.national is not None:
        nat = m.national
        note = f" ({nat.note})" if nat.note else ""
        unit = "%" if m.unit == "%" else f" {m.unit}"
        lines.append(f"- **England:** {nat.value:g}{unit} in {nat.year}: {nat.source}{note}")
    else:
        lines.append("- **England:** no published national figure")
    lines.append(f"- **Module:** `{m.module}`")
    return [*lines, ""]


def render() -> str:
    """The catalogue as Markdown."""
    measures = all_measures()
    defaults = Settings()
    out = [
        "# Practice measures",
        "",
        "<!-- Generated from lookedafter/measures/m_*.py by `python -m lookedafter.measures.docs`."
        " Do not edit by hand. -->",
        "",
        f"{len(measures)} measures, one module each, computed together by "
        "`lookedafter.measures.compute(ds, as_of, by=None, policy=None)` and on the command "
        "line by `lookedafter measures DIR --as-of DATE`. Each figure comes with the rows behind "
        "it (the children, workers, visits or audits it counts). Timeliness measures use the "
        "timescale engine (`lookedafter.timescales.evaluate`) under the authority's policy and "
        "never re-count the statutory rules. Breakdowns: `team` and `worker` (the child's "
        "allocated social worker and their team on the reference date, or the worker responsible "
        "for the occurrence), `placement` (903 PLACE), `age` (DfE age bands) and `month` (the "
        "12-month trend ending at the reference date).",
        "",
        "## Local settings",
        "",
        "Where statute sets no standard the measures use these settings "
        "(`lookedafter.measures.Settings`):",
        "",
        "| Setting | Default |",
        "| --- | --- |",
    ]
    for name in defaults.__dataclass_fields__:
        value = getattr(defaults, name)
        out.append(f"| `{name}` | {value if value is not None else 'derived from the data'} |")
    out += ["", "## Contents", ""]
    for area in AREAS:
        in_area = [m for m in measures if m.area == area]
        if in_area:
            links = ", ".join(f"[`{m.id}`](#{_anchor(m)})" for m in in_area)
            out.append(f"- **{area}:** {links}")
    out.append("")
    for area in AREAS:
        in_area = [m for m in measures if m.area == area]
        if not in_area:
            continue
        out += [f"## {area}", ""]
        for m in in_area:
            out += _measure(m)
    return "\n".join(out).rstrip() + "\n"


def write(path: Path = DEFAULT_PATH) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render(), "utf-8")


def is_stale(path: Path = DEFAULT_PATH) -> bool:
    return not path.exists() or path.read_text("utf-8") != render()


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    check = "--check" in args
    paths = [a for a in args if not a.startswith("--")]
    path = Path(paths[0]) if paths else DEFAULT_PATH
    if check:
        if is_stale(path):
            print(f"{path} is stale: run python -m lookedafter.measures.docs", file=sys.stderr)
            return 1
        return 0
    write(path)
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
