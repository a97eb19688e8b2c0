"""``--format rich`` (the default) on a terminal: findings grouped by file, each with a frame of its
source line and the span underlined in colour, then a summary table by rule. Off a terminal, or with
``NO_COLOR`` set, the same report is drawn by :mod:`copylint.report.text`."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from copylint.core.finding import Finding
from copylint.report import ReportContext, layout

_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def render(findings: list[Finding], context: ReportContext, console: Console,
           statistics: bool = False) -> None:
    if statistics:
        for line in layout.statistics(findings):
            console.print(line, highlight=False)
        return
    current = None
    for f in findings:
        style = _STYLE[f.severity]
        if f.path != current:
            current = f.path
            console.print(Text(f.path, style="bold underline"))
        where, code, message, mark = layout.heading(f)
        head = Text(where)
        head.append(code, style=style)
        head.append(message)
        head.append(mark, style="dim")
        console.print(head, soft_wrap=True)
        source = context.sources.get(f.path)
        if source is not None:
            fr = layout.frame(source, f)
            text = Text(fr.gutter, style="dim")
            text.append(fr.before)
            text.append(fr.inside, style=f"underline {style}")
            text.append(fr.after)
            text.append("\n" + fr.marker, style=style)
            console.print(text, soft_wrap=True, highlight=False)
        if f.suggestions:
            sugg = Text("        suggestion: ", style="dim")
            sugg.append(layout.suggestions(f), style="green")
            console.print(sugg, soft_wrap=True)
    if findings:
        console.print()
        table = Table(title="Findings by rule", title_justify="left", show_edge=False)
        for name in ("code", "rule", "category"):
            table.add_column(name)
        table.add_column("count", justify="right")
        for row in layout.summary_rows(findings):
            table.add_row(*row)
        console.print(table)
    style = None if findings else "yellow" if context.files_failed else "green"
    console.print(layout.totals(findings, context.files_checked, context.files_failed), style=style)
