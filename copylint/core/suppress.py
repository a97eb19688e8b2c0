"""Suppression comment directives in Markdown and HTML sources.

``<!-- copylint: disable [CODES] -->``  off from here (all rules, or the listed codes/prefixes)
``<!-- copylint: enable [CODES] -->``   on again
``<!-- copylint: disable-next-line [CODES] -->``  off for the next non-blank line only

Codes are separated by spaces or commas. Directives that suppress nothing are reported as CL001.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from copylint.core.document import Document
from copylint.core.finding import Finding

DIRECTIVE_RE = re.compile(r"^\s*copylint\s*:\s*(disable-next-line|disable|enable)\b\s*([A-Z0-9,\s]*?)\s*$")
#: formats whose sources can hold suppression comments
COMMENT_FORMATS = ("markdown", "html")


def directive_comment(kind: str, codes: tuple[str, ...] = ()) -> str:
    """The comment that writes a directive (``<!-- copylint: disable-next-line CL101 -->``)."""
    return f"<!-- copylint: {' '.join((kind, *codes))} -->"


@dataclass
class Directive:
    kind: str
    codes: tuple[str, ...]  # empty: every rule
    start: int  # source span of the comment
    end: int
    line: int  # 1-based line of the comment's end
    #: source range of findings this directive covers: [from_offset, to_offset)
    from_offset: int = 0
    to_offset: int = 0
    used: bool = field(default=False)

    def covers(self, code: str) -> bool:
        return not self.codes or any(code.startswith(c) for c in self.codes)


def parse_directives(doc: Document) -> list[Directive]:
    out = []
    for c in doc.comments:
        m = DIRECTIVE_RE.match(c.text)
        if not m:
            continue
        codes = tuple(x for x in re.split(r"[\s,]+", m.group(2)) if x)
        out.append(Directive(m.group(1), codes, c.start, c.end, doc.position(c.end)[0]))
    _set_ranges(doc, out)
    return out


def _set_ranges(doc: Document, directives: list[Directive]) -> None:
    source = doc.source
    starts = doc.line_starts
    for i, d in enumerate(directives):
        if d.kind == "disable-next-line":
            line = d.line  # the next non-blank line after the comment
            while line < len(starts):
                s = starts[line]
                e = starts[line + 1] if line + 1 < len(starts) else len(source)
                if source[s:e].strip():
                    break
                line += 1
            d.from_offset = starts[line] if line < len(starts) else len(source)
            d.to_offset = starts[line + 1] if line + 1 < len(starts) else len(source)
        elif d.kind == "disable":
            d.from_offset = d.end
            d.to_offset = len(source)
            for later in directives[i + 1:]:
                if later.kind == "enable" and (not later.codes or not d.codes
                                               or set(d.codes) & set(later.codes)):
                    d.to_offset = later.start
                    later.used = True  # an enable that closes a disable is doing its job
                    break


def apply_directives(doc: Document, findings: list[Finding]) -> tuple[list[Finding], list[Directive]]:
    """Drop suppressed findings; return the rest and the disable directives that suppressed nothing."""
    directives = parse_directives(doc)
    if not directives:
        return findings, []
    active = [d for d in directives if d.kind != "enable"]
    kept = []
    for f in findings:
        hit = [d for d in active if d.from_offset <= f.start < d.to_offset and d.covers(f.code)]
        for d in hit:
            d.used = True
        if not hit:
            kept.append(f)
    return kept, [d for d in active if not d.used]
