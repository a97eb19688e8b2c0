"""``--format rich`` (the default): findings grouped by file, each with a frame of its source line
and the span underlined, then a summary table by rule. Without a terminal, or with ``NO_COLOR``
set, the same report is printed as plain text (``--format text`` forces that).
"""

from __future__ import annotations

from collections import Counter

from rich.console import Console
from rich.table import Table
from rich.text import Text

from copylint.finding import Finding
from copylint.report import ReportContext

#: Characters of context shown on each side of a span in a frame.
FRAME_CONTEXT = 40
_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def _frame(source: str, f: Finding) -> Text:
    """The finding's first source line, trimmed around the span, with the span underlined."""
    line_start = source.rfind("\n", 0, f.start) + 1
    line_end = source.find("\n", f.start)
    if line_end < 0:
        line_end = len(source)
    span_end = min(f.end, line_end)
    lo = max(line_start, f.start - FRAME_CONTEXT)
    hi = min(line_end, max(span_end, f.start) + FRAME_CONTEXT)
    before = source[lo:f.start].replace("\t", " ").replace("\r", "")
    inside = source[f.start:span_end].replace("\t", " ").replace("\r", "")
    after = source[span_end:hi].replace("\t", " ").replace("\r", "")
    lead = "…" if lo > line_start else ""
    tail = "…" if hi < line_end else ""
    gutter = f"{f.line:>5} │ "
    text = Text(gutter, style="dim")
    text.append(lead + before)
    text.append(inside or " ", style=f"underline {_STYLE[f.severity]}")
    text.append(after + tail)
    marker = " " * (len(gutter) - 2) + "│ " + " " * (len(lead) + len(before)) + "^" * max(1, len(inside))
    text.append("\n" + marker, style=_STYLE[f.severity])
    return text


def render(findings: list[Finding], context: ReportContext, console: Console,
           statistics: bool = False) -> None:
    if statistics:
        render_statistics(findings, console)
        return
    current = None
    for f in findings:
        if f.path != current:
            current = f.path
            console.print(Text(f.path, style="bold underline"))
        head = Text(f"  {f.path}:{f.line}:{f.column}: ")
        head.append(f.code, style=_STYLE[f.severity])
        head.append(f" {f.message}")
        if f.fix:
            head.append(" [*]" if f.fix.applicability == "safe" else " [unsafe fix]", style="dim")
        console.print(head, soft_wrap=True)
        source = context.sources.get(f.path)
        if source is not None:
            console.print(_frame(source, f), soft_wrap=True, highlight=False)
        if f.suggestions:
            sugg = Text("        suggestion: ", style="dim")
            sugg.append(", ".join(repr(s) if s else "(delete)" for s in f.suggestions[:3]), style="green")
            console.print(sugg, soft_wrap=True)
    if findings:
        console.print()
        render_summary(findings, console)
    files = context.files_checked
    fixable = sum(1 for f in findings if f.fix and f.fix.applicability == "safe")
    if findings:
        console.print(f"Found {len(findings)} finding{'s' if len(findings) != 1 else ''} in "
                      f"{len({f.path for f in findings})} of {files} file{'s' if files != 1 else ''}"
                      + (f"; {fixable} fixable with `copylint fix`" if fixable else "") + ".")
    else:
        console.print(f"All clear: {files} file{'s' if files != 1 else ''} checked, nothing found.",
                      style="green")


def render_summary(findings: list[Finding], console: Console) -> None:
    counts = Counter((f.code, f.rule, f.category) for f in findings)
    table = Table(title="Findings by rule", title_justify="left", show_edge=False)
    table.add_column("code")
    table.add_column("rule")
    table.add_column("category")
    table.add_column("count", justify="right")
    for (code, rule, category), n in sorted(counts.items()):
        table.add_row(code, rule, category, str(n))
    console.print(table)


def render_statistics(findings: list[Finding], console: Console) -> None:
    """``--statistics``: counts by code, most frequent first (like Ruff)."""
    counts = Counter((f.code, f.rule) for f in findings)
    fixable = Counter(f.code for f in findings if f.fix and f.fix.applicability == "safe")
    for (code, rule), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        mark = "[*]" if fixable[code] == n else ("[-]" if fixable[code] else "   ")
        console.print(f"{n:>6}  {code}  {mark} {rule}", highlight=False)
