"""Hover on a finding: what it says, its suggestions, and its rule explained (what ``copylint rule
CODE`` prints), in Markdown."""

from __future__ import annotations

from lsprotocol import types

from copylint.app.lsp.positions import TextPositions
from copylint.core.finding import Finding
from copylint.core.rule import Rule
from copylint.report.explain import explain

#: suggestions listed in a hover (a misspelling has up to five)
MAX_SUGGESTIONS = 5


def findings_at(findings: list[Finding], offset: int) -> list[Finding]:
    """The findings whose span holds the character at ``offset`` (an empty span: that place)."""
    return [f for f in findings if f.start <= offset < max(f.end, f.start + 1)]


def hover_text(here: list[Finding], rules: dict[str, type[Rule]]) -> str:
    """Each finding's code, rule, message and suggestions, then each of their rules explained once."""
    parts = []
    for f in here:
        parts.append(f"**{f.code}** `{f.rule}` ({f.severity}): {f.message}")
        if f.suggestions:
            parts.append("Suggestions: " + ", ".join(f"“{s}”" for s in f.suggestions[:MAX_SUGGESTIONS]))
    for code in dict.fromkeys(f.code for f in here):
        if code in rules:
            parts += ["---", explain(rules[code])]
    return "\n\n".join(parts)


def hover(findings: list[Finding], offset: int, rules: dict[str, type[Rule]], positions: TextPositions, *,
          markdown: bool = True) -> types.Hover | None:
    """The hover for the findings at ``offset`` (None: there are none), over the first one's range;
    the same text is sent as plain text to a client that does not render Markdown."""
    here = findings_at(findings, offset)
    if not here:
        return None
    kind = types.MarkupKind.Markdown if markdown else types.MarkupKind.PlainText
    return types.Hover(contents=types.MarkupContent(kind=kind, value=hover_text(here, rules)),
                       range=positions.range(here[0].start, here[0].end))
