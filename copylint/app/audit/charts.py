"""Inline SVG charts for the audit report: drawn here, so the page needs no script and no network.

Every data mark carries ``class="mark"`` and a ``<title>`` (the browser's tooltip) with its value.
"""

from __future__ import annotations

from html import escape

#: one colour per family, the same on every chart
FAMILY_COLOURS = {"spelling": "#c8453c", "names": "#d99a1e", "boilerplate": "#11808c", "grammar": "#3f5fa8",
                  "housekeeping": "#8a8a8a", "other": "#7a5c8e"}
FONT = 'font-family="system-ui, sans-serif" font-size="11"'


def colour(family: str) -> str:
    return FAMILY_COLOURS.get(family, "#555")


def _nice_max(value: float) -> float:
    """A round axis maximum at or above ``value``."""
    if value <= 0:
        return 1.0
    step = 10 ** len(str(int(value))) / 100 if value >= 1 else 0.1
    for mult in (1, 2, 2.5, 5, 10, 20, 25, 50, 100):
        if step * mult * 4 >= value:
            return step * mult * 4
    return value


def _fmt(value: float) -> str:
    return f"{value:,.0f}" if value >= 100 else f"{value:,.2f}".rstrip("0").rstrip(".")


def line_chart(labels: list[str], series: dict[str, list[float]], *, unit: str, width: int = 820,
               height: int = 280) -> str:
    """One line per series over ``labels`` (periods), with a legend; ``unit`` names the values."""
    left, right, top, bottom = 48, 120, 14, 36
    plot_w, plot_h = width - left - right, height - top - bottom
    top_value = _nice_max(max((v for vs in series.values() for v in vs), default=0))
    n = len(labels)

    def x(i: int) -> float:
        return left + (plot_w * (i + 0.5) / n if n else 0)

    def y(v: float) -> float:
        return top + plot_h - plot_h * v / top_value

    out = [f'<svg class="chart line-chart" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
           f'role="img" {FONT}>']
    for k in range(5):
        value = top_value * k / 4
        out.append(f'<line x1="{left}" x2="{left + plot_w}" y1="{y(value):.1f}" y2="{y(value):.1f}" stroke="#e4e4e4"/>'
                   f'<text x="{left - 6}" y="{y(value) + 4:.1f}" text-anchor="end" fill="#666">{_fmt(value)}</text>')
    every = max(1, -(-n // 14))
    for i, label in enumerate(labels):
        if i % every == 0 or i == n - 1:
            out.append(f'<text x="{x(i):.1f}" y="{height - bottom + 16}" text-anchor="middle" fill="#666">'
                       f'{escape(label)}</text>')
    out.append(f'<text x="{left}" y="{height - 4}" fill="#888">{escape(unit)}</text>')
    for row, (name, values) in enumerate(series.items()):
        c = colour(name)
        points = " ".join(f"{x(i):.1f},{y(v):.1f}" for i, v in enumerate(values))
        if n > 1:
            out.append(f'<polyline points="{points}" fill="none" stroke="{c}" stroke-width="2.2"/>')
        for i, v in enumerate(values):
            out.append(f'<circle class="mark" cx="{x(i):.1f}" cy="{y(v):.1f}" r="3.2" fill="{c}">'
                       f'<title>{escape(name)}, {escape(labels[i])}: {_fmt(v)} {escape(unit)}</title></circle>')
        ly = top + 8 + row * 18
        out.append(f'<rect x="{left + plot_w + 16}" y="{ly - 8}" width="12" height="12" rx="2" fill="{c}"/>'
                   f'<text x="{left + plot_w + 34}" y="{ly + 2}" fill="#333">{escape(name)}</text>')
    out.append("</svg>")
    return "".join(out)


def stacked_bars(rows: list[tuple[str, dict[str, float]]], *, unit: str, width: int = 820) -> str:
    """One horizontal bar per row, stacked by family (``{family: value}``)."""
    label_w, right, bar_h, gap, top = 210, 70, 16, 6, 6
    height = top + len(rows) * (bar_h + gap) + 24
    plot_w = width - label_w - right
    top_value = _nice_max(max((sum(v.values()) for _, v in rows), default=0))
    out = [f'<svg class="chart bar-chart" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
           f'role="img" {FONT}>']
    for i, (label, values) in enumerate(rows):
        y = top + i * (bar_h + gap)
        shown = label if len(label) <= 32 else label[:31] + "…"
        out.append(f'<text x="{label_w - 8}" y="{y + 12}" text-anchor="end" fill="#333">{escape(shown)}</text>')
        x = float(label_w)
        for family, v in values.items():
            w = plot_w * v / top_value
            if w <= 0:
                continue
            out.append(f'<rect class="mark" x="{x:.1f}" y="{y}" width="{w:.1f}" height="{bar_h}" '
                       f'fill="{colour(family)}"><title>{escape(label)}: {escape(family)} {_fmt(v)} '
                       f'{escape(unit)}</title></rect>')
            x += w
        out.append(f'<text x="{x + 6:.1f}" y="{y + 12}" fill="#666">{_fmt(sum(values.values()))}</text>')
    axis_y = top + len(rows) * (bar_h + gap) + 14
    out.append(f'<text x="{label_w}" y="{axis_y}" fill="#888">{escape(unit)} (scale to {_fmt(top_value)})</text>')
    out.append("</svg>")
    return "".join(out)


def span_bar(first: str, last: str, start: str, end: str, *, width: int = 180) -> str:
    """Where ``first`` .. ``last`` (ISO dates) fall on the archive's ``start`` .. ``end``."""
    def pos(day: str) -> float:
        lo, hi = _day_number(start), _day_number(end)
        return 0.0 if hi <= lo else (_day_number(day) - lo) / (hi - lo)

    a, b = pos(first), pos(last)
    x, w = 2 + a * (width - 4), max(3.0, (b - a) * (width - 4))
    return (f'<svg class="chart span" viewBox="0 0 {width} 14" width="{width}" height="14">'
            f'<rect x="0" y="6" width="{width}" height="2" fill="#ddd"/>'
            f'<rect class="mark" x="{x:.1f}" y="2" width="{w:.1f}" height="10" rx="2" fill="{colour("boilerplate")}">'
            f'<title>{escape(first)} to {escape(last)}</title></rect></svg>')


def _day_number(day: str) -> float:
    """A date (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``) as a number of days, near enough for a chart."""
    parts = [int(p) for p in day.split("-")[:3] if p.isdigit()] + [1, 1]
    return parts[0] * 372 + (parts[1] - 1) * 31 + (parts[2] - 1)
