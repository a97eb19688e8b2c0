"""Suppression comment directives in Markdown and HTML sources.

``<!-- copylint: disable [CODES] -->``  off from here (all rules, or the listed codes/prefixes)
``<!-- copylint: enable [CODES] -->``   on again
``<!-- copylint: disable-next-line [CODES] -->``  off for the next non-blank line only

Codes are separated by spaces or commas. Directives that suppress nothing are reported as CL001.
"""

from __future__ import annotations

import bisect
import heapq
import re
from dataclasses import dataclass, field

from copylint.core.document import Document
from copylint.core.finding import Finding

DIRECTIVE_RE = re.compile(r"^\s*copylint\s*:\s*(disable-next-line|disable|enable)\b([A-Z0-9,\s]*+)$")
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
    """Where each directive's range starts and ends. A ``disable`` runs to the first later ``enable``
    that names none of its codes or one of them; ``disable-next-line`` covers the next non-blank line."""
    source = doc.source
    starts = doc.line_starts
    next_filled = _next_non_blank_lines(source, starts) if any(
        d.kind == "disable-next-line" for d in directives) else []
    enables = _EnableIndex(directives)
    for i, d in enumerate(directives):
        if d.kind == "disable-next-line":
            line = next_filled[d.line] if d.line < len(next_filled) else len(starts)
            d.from_offset = starts[line] if line < len(starts) else len(source)
            d.to_offset = starts[line + 1] if line + 1 < len(starts) else len(source)
        elif d.kind == "disable":
            d.from_offset = d.end
            later = enables.first_after(i, d.codes)
            if later is None:
                d.to_offset = len(source)
            else:
                d.to_offset = later.start
                later.used = True  # an enable that closes a disable is doing its job


def _next_non_blank_lines(source: str, starts: list[int]) -> list[int]:
    """For each line (0-based), the first line at or after it that holds more than blanks
    (``len(starts)`` when none does)."""
    out = [len(starts)] * (len(starts) + 1)
    for line in range(len(starts) - 1, -1, -1):
        end = starts[line + 1] if line + 1 < len(starts) else len(source)
        out[line] = line if source[starts[line]:end].strip() else out[line + 1]
    return out


class _EnableIndex:
    """The ``enable`` directives by position, by the codes they name and without codes, so that
    finding the one that closes a ``disable`` is a search, not a scan of every later directive."""

    def __init__(self, directives: list[Directive]) -> None:
        self._directives = directives
        self._any: list[int] = []  # every enable
        self._bare: list[int] = []  # enables without codes (they close any disable)
        self._by_code: dict[str, list[int]] = {}
        for i, d in enumerate(directives):
            if d.kind == "enable":
                self._any.append(i)
                if not d.codes:
                    self._bare.append(i)
                for code in set(d.codes):
                    self._by_code.setdefault(code, []).append(i)

    def first_after(self, i: int, codes: tuple[str, ...]) -> Directive | None:
        """The first enable after directive ``i`` that closes a disable of ``codes`` (none: all)."""
        lists = [self._any] if not codes else [self._bare, *(self._by_code.get(c, []) for c in set(codes))]
        found = [positions[k] for positions in lists if (k := bisect.bisect_right(positions, i)) < len(positions)]
        return self._directives[min(found)] if found else None


def apply_directives(doc: Document, findings: list[Finding]) -> tuple[list[Finding], list[Directive]]:
    """Drop suppressed findings; return the rest and the disable directives that suppressed nothing.

    One sweep over the findings in source order keeps the directives whose range holds the current
    finding, by the code prefixes they name: a finding looks up its own code's prefixes, and each
    directive is marked used once, so the work grows with findings plus directives, not their product."""
    directives = parse_directives(doc)
    if not directives:
        return findings, []
    active = [d for d in directives if d.kind != "enable"]
    opening = sorted(active, key=lambda d: d.from_offset)
    closing: list[tuple[int, int]] = []  # (to_offset, index in opening): a heap
    live: dict[str, int] = {}  # code prefix ("" for directives without codes) -> directives in force
    waiting: dict[str, list[Directive]] = {}  # prefix -> directives in force that have not been used yet
    next_open = 0
    kept = []
    for f in sorted(findings, key=lambda f: f.start):
        while next_open < len(opening) and opening[next_open].from_offset <= f.start:
            d = opening[next_open]
            if d.to_offset > f.start:
                heapq.heappush(closing, (d.to_offset, next_open))
                for key in _keys(d):
                    live[key] = live.get(key, 0) + 1
                    waiting.setdefault(key, []).append(d)
            next_open += 1
        while closing and closing[0][0] <= f.start:
            for key in _keys(opening[heapq.heappop(closing)[1]]):
                live[key] -= 1
        hit = False
        for key in ("", *(f.code[:n] for n in range(1, len(f.code) + 1))):
            if live.get(key):
                hit = True
                for d in waiting.pop(key, ()):  # those whose range has ended stay unused
                    if d.to_offset > f.start:
                        d.used = True
        if not hit:
            kept.append(f)
    order = {id(f): i for i, f in enumerate(findings)}
    kept.sort(key=lambda f: order[id(f)])
    return kept, [d for d in active if not d.used]


def _keys(d: Directive) -> tuple[str, ...]:
    return tuple(set(d.codes)) if d.codes else ("",)
