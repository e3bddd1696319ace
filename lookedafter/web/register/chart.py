"""A small server-rendered SVG line chart (12 months), with the national figure as a dashed line.

The same figures are always shown in a table beside it; the chart is a picture of the table.
"""

from __future__ import annotations

from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import SafeString

WIDTH, HEIGHT = 480, 200
LEFT, RIGHT, TOP, BOTTOM = 48, 12, 12, 36


def _label(value: float, unit: str) -> str:
    text = f"{value:,.1f}".rstrip("0").rstrip(".") if abs(value) < 1000 else f"{value:,.0f}"
    return f"{text}%" if unit == "%" else text


def line_chart(
    points: list[tuple[str, float | None]],
    *,
    title: str,
    unit: str,
    national: float | None = None,
    chart_id: str,
) -> SafeString:
    values = [v for _, v in points if v is not None]
    top = max([*values, national or 0.0, 1.0])
    top = 100.0 if unit == "%" and top <= 100 else top * 1.1
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    n = max(len(points) - 1, 1)

    def x(i: int) -> float:
        return LEFT + plot_w * i / n

    def y(v: float) -> float:
        return TOP + plot_h * (1 - v / top)

    path = []
    pen_up = True
    for i, (_, v) in enumerate(points):
        if v is None:
            pen_up = True
            continue
        path.append(f"{'M' if pen_up else 'L'}{x(i):.1f},{y(v):.1f}")
        pen_up = False
    dots = format_html_join(
        "",
        '<circle class="app-chart__point" cx="{}" cy="{}" r="3"></circle>',
        ((f"{x(i):.1f}", f"{y(v):.1f}") for i, (_, v) in enumerate(points) if v is not None),
    )
    ticks = format_html_join(
        "",
        '<text class="app-chart__label" x="{}" y="{}" text-anchor="middle">{}</text>',
        (
            (f"{x(i):.1f}", HEIGHT - 12, _month_label(m))
            for i, (m, _) in enumerate(points)
            if i % 2 == 1 or i == len(points) - 1
        ),
    )
    national_line = (
        format_html(
            '<line class="app-chart__national" x1="{}" x2="{}" y1="{}" y2="{}"></line>',
            LEFT,
            WIDTH - RIGHT,
            f"{y(national):.1f}",
            f"{y(national):.1f}",
        )
        if national is not None
        else ""
    )
    latest = next((v for _, v in reversed(points) if v is not None), None)
    desc = (
        f"Monthly figures from {_month_label(points[0][0])} to {_month_label(points[-1][0])}; "
        f"latest {_label(latest, unit)}"
        if latest is not None and points
        else "No figures"
    )
    if national is not None:
        desc += f"; national figure {_label(national, unit)} (dashed line)"
    return format_html(
        '<svg class="app-chart" viewBox="0 0 {w} {h}" role="img" '
        'aria-labelledby="{id}-title {id}-desc" focusable="false">'
        '<title id="{id}-title">{title}</title><desc id="{id}-desc">{desc}</desc>'
        '<line class="app-chart__axis" x1="{l}" x2="{l}" y1="{t}" y2="{b}"></line>'
        '<line class="app-chart__axis" x1="{l}" x2="{r}" y1="{b}" y2="{b}"></line>'
        '<text class="app-chart__label" x="{lx}" y="{ty}" text-anchor="end">{top}</text>'
        '<text class="app-chart__label" x="{lx}" y="{b}" text-anchor="end">0</text>'
        '{national}<path class="app-chart__line" d="{path}"></path>{dots}{ticks}</svg>',
        w=WIDTH,
        h=HEIGHT,
        id=chart_id,
        title=title,
        desc=desc,
        l=LEFT,
        r=WIDTH - RIGHT,
        t=TOP,
        b=TOP + plot_h,
        lx=LEFT - 6,
        ty=TOP + 10,
        top=_label(top, unit),
        national=national_line,
        path=escape(" ".join(path)),
        dots=dots,
        ticks=ticks,
    )


def _month_label(month: str) -> str:
    names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    year, mth = month.split("-")
    return f"{names[int(mth) - 1]} {year[2:]}"
