"""What the human-readable reports say, independent of how they are drawn.

Both the ``rich`` renderer (colours, on a terminal) and the plain ``text`` renderer (pre-commit
logs, pipes, ``NO_COLOR``) lay out findings with these functions, so they always say the same.
This module does not import rich: the plain report starts faster without it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from copylint.core.finding import Finding

#: Characters of context shown on each side of a span in a frame.
FRAME_CONTEXT = 40
_LINE_END = re.compile(r"[\r\n]")


@dataclass(frozen=True)
class Frame:
    """The finding's first source line, trimmed around the span, ready to draw."""

    gutter: str  # "   12 │ "
    before: str  # text before the span (with a leading … when trimmed)
    inside: str  # the span's text on this line
    after: str  # text after the span (with a trailing … when trimmed)
    marker: str  # the line under it: "      │       ^^^^"


def frame(source: str, f: Finding) -> Frame:
    # the line starts f.column - 1 characters before the span; its end is looked for only as far
    # as the frame shows (a line of megabytes costs the frame's width, not its length)
    line_start = f.start - f.column + 1
    window = max(f.end, f.start) + FRAME_CONTEXT
    found = _LINE_END.search(source, f.start, window + 1)
    line_end = found.start() if found else min(len(source), window + 1)
    span_end = min(f.end, line_end)
    lo = max(line_start, f.start - FRAME_CONTEXT)
    hi = min(line_end, max(span_end, f.start) + FRAME_CONTEXT)

    def clean(text: str) -> str:
        return text.replace("\t", " ").replace("\r", "")

    before = ("…" if lo > line_start else "") + clean(source[lo:f.start])
    inside = clean(source[f.start:span_end])
    after = clean(source[span_end:hi]) + ("…" if hi < line_end else "")
    gutter = f"{f.line:>5} │ "
    marker = " " * (len(gutter) - 2) + "│ " + " " * len(before) + "^" * max(1, len(inside))
    return Frame(gutter, before, inside or " ", after, marker)


def heading(f: Finding) -> tuple[str, str, str, str]:
    """(location, code, message, fix mark) of a finding's first report line."""
    mark = ""
    if f.fix:
        mark = " [*]" if f.fix.applicability == "safe" else " [unsafe fix]"
    return f"  {f.path}:{f.line}:{f.column}: ", f.code, f" {f.message}", mark


def suggestions(f: Finding) -> str:
    """The first three suggestions, quoted (an empty suggestion means: delete)."""
    return ", ".join(repr(s) if s else "(delete)" for s in f.suggestions[:3])


def summary_rows(findings: list[Finding]) -> list[tuple[str, str, str, str]]:
    """(code, rule, category, count) for the table of findings by rule."""
    counts = Counter((f.code, f.rule, f.category) for f in findings)
    return [(code, rule, category, str(n)) for (code, rule, category), n in sorted(counts.items())]


def totals(findings: list[Finding], files: int, failed: int = 0) -> str:
    """The last line of a report: what was found in the ``files`` checked, and how many ``failed``."""
    def plural(n: int, word: str) -> str:
        return f"{n} {word}{'' if n == 1 else 's'}"

    not_checked = f"; {plural(failed, 'file')} could not be checked (see the errors)" if failed else ""
    if not findings:
        if failed:
            return f"Nothing found in {plural(files, 'file')} checked{not_checked}."
        return f"All clear: {plural(files, 'file')} checked, nothing found."
    fixable = sum(1 for f in findings if f.fix and f.fix.applicability == "safe")
    return (f"Found {plural(len(findings), 'finding')} in {len({f.path for f in findings})} of "
            f"{plural(files, 'file')}" + (f"; {fixable} fixable with `copylint fix`" if fixable else "")
            + not_checked + ".")


def statistics(findings: list[Finding]) -> list[str]:
    """``--statistics`` lines: counts by code, most frequent first (like Ruff)."""
    counts = Counter((f.code, f.rule) for f in findings)
    fixable = Counter(f.code for f in findings if f.fix and f.fix.applicability == "safe")
    lines = []
    for (code, rule), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        mark = "[*]" if fixable[code] == n else ("[-]" if fixable[code] else "   ")
        lines.append(f"{n:>6}  {code}  {mark} {rule}")
    return lines
