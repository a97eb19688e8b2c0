"""``--format text``, and the default report when the output is not a terminal or ``NO_COLOR`` is
set: the rich report's content as plain text, drawn without importing rich (faster start-up for
pre-commit hooks and pipes)."""

from __future__ import annotations

from typing import TextIO

from copylint.core.finding import Finding
from copylint.report import ReportContext, layout


def render(findings: list[Finding], context: ReportContext, out: TextIO, statistics: bool = False) -> None:
    if statistics:
        out.writelines(line + "\n" for line in layout.statistics(findings))
        return
    current = None
    for f in findings:
        if f.path != current:
            current = f.path
            out.write(f"{f.path}\n")
        out.write("".join(layout.heading(f)) + "\n")
        source = context.sources.get(f.path)
        if source is not None:
            fr = layout.frame(source, f)
            out.write(f"{fr.gutter}{fr.before}{fr.inside}{fr.after}\n{fr.marker}\n")
        if f.suggestions:
            out.write(f"        suggestion: {layout.suggestions(f)}\n")
    if findings:
        out.write("\n" + _table("Findings by rule", ("code", "rule", "category", "count"),
                                layout.summary_rows(findings)))
    out.write(layout.totals(findings, context.files_checked, context.files_failed) + "\n")


def _table(title: str, header: tuple[str, ...], rows: list[tuple[str, ...]]) -> str:
    widths = [max(len(r[i]) for r in (header, *rows)) for i in range(len(header))]

    def line(cells: tuple[str, ...]) -> str:
        parts = [c.rjust(w) if i == len(cells) - 1 else c.ljust(w)
                 for i, (c, w) in enumerate(zip(cells, widths, strict=True))]
        return " " + " │ ".join(parts).rstrip() + "\n"

    rule = "━" + "━╇━".join("━" * w for w in widths) + "━\n"
    return title + "\n" + line(header) + rule + "".join(line(r) for r in rows)
