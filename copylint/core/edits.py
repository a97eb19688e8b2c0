"""Applying fixes to a source text: which fixes to take, and the edits that result.

Edits are applied to the *source* (a finding's fix is already in source offsets), never to the
prose a rule saw. Fixes are taken in source order and a fix whose edits overlap an edit already
taken is skipped whole (and reported), so the result never depends on the order rules ran in.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass

from copylint.core.finding import Edit, Finding

_WORD_CHARACTER = re.compile(r"\w")


@dataclass(frozen=True)
class FixPlan:
    """Which fixable findings a run applies, which it skips, and the resulting edits in order."""

    applied: tuple[Finding, ...]
    #: fixable findings left out: their edits overlap a fix taken before them, or no longer match
    #: the source (the text at the finding's span changed)
    skipped: tuple[Finding, ...]
    edits: tuple[Edit, ...]


def reaches_beyond(text: str, start: int, end: int, edits: Iterable[Edit]) -> bool:
    """Does one of ``edits`` remove a word character of ``text`` outside ``[start, end)``?

    A fix may remove what its finding reports and the spaces, line breaks and punctuation that join
    it to the text around it; never a word the finding does not show. The engine refuses fixes that
    do (see :meth:`copylint.engine.linter.Linter.check_document`), whatever rule made them."""
    for e in edits:
        if e.start < start and _WORD_CHARACTER.search(text, e.start, min(e.end, start)):
            return True
        if e.end > end and _WORD_CHARACTER.search(text, max(e.start, end), e.end):
            return True
    return False


def whole_line_breaks(source: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` moved so that it splits no CRLF line break: an end between the carriage return
    and the line feed moves before the carriage return, a start there moves after the line feed.

    Readers turn a CR of CRLF into a space of the prose, so a rule that deletes the spaces and the line
    break around a span may take the CR of one break and leave its LF ("Share." on its own line,
    deleted with the break before it and the CR after it, left a lone LF)."""
    if 0 < end < len(source) and source[end - 1] == "\r" and source[end] == "\n" and end - 1 >= start:
        end -= 1
    if 0 < start < len(source) and source[start - 1] == "\r" and source[start] == "\n" and start + 1 <= end:
        start += 1
    return start, end


def is_fixable(finding: Finding, *, unsafe: bool = False) -> bool:
    """Has ``finding`` a fix this run may apply (safe ones always, unsafe ones when asked)?"""
    fix = finding.fix
    return fix is not None and bool(fix.edits) and (unsafe or fix.applicability == "safe")


def _conflicts(a: Edit, b: Edit) -> bool:
    """Do two edits touch the same characters (or insert at the same place)?"""
    if a.start < b.end and b.start < a.end:
        return True
    return a.start == b.start and (a.start == a.end or b.start == b.end)


def plan_fixes(source: str, findings: Iterable[Finding], *, unsafe: bool = False) -> FixPlan:
    """Choose the fixes to apply to ``source``: in source order, keeping the first of overlapping ones."""
    fixable = [f for f in findings if is_fixable(f, unsafe=unsafe)]
    fixable.sort(key=lambda f: (min(e.start for e in f.fix.edits), max(e.end for e in f.fix.edits),  # type: ignore[union-attr]
                                f.start, f.end, f.code, f.message))
    taken: list[Edit] = []  # sorted by (start, end)
    applied: list[Finding] = []
    skipped: list[Finding] = []
    for f in fixable:
        edits = sorted(set(f.fix.edits), key=lambda e: (e.start, e.end))  # type: ignore[union-attr]
        if f.text != source[f.start:f.end] or any(not 0 <= e.start <= e.end <= len(source) for e in edits):
            skipped.append(f)
            continue
        new = [e for e in edits if e not in taken]
        if any(_conflicts(a, b) for i, a in enumerate(new) for b in new[i + 1:]) or any(
                _conflicts(e, other) for e in new for other in _neighbours(taken, e)):
            skipped.append(f)
            continue
        for e in new:
            bisect.insort(taken, e, key=lambda x: (x.start, x.end))
        applied.append(f)
    return FixPlan(tuple(applied), tuple(skipped), tuple(_closed_up(source, taken)))


def _closed_up(source: str, edits: list[Edit]) -> list[Edit]:
    """``edits`` (sorted, not overlapping), where deletions of whole lines that follow one another
    (with nothing but blank lines between them) are one deletion, which also removes one blank line
    beside it when it stands between blank lines: the paragraphs around it stay one blank line apart
    ("rates.\n\nRead more: ...\n\nShares" -> "rates.\n\nShares")."""
    out: list[Edit] = []
    for e in edits:
        previous = out[-1] if out else None
        if (previous is not None and _deletes_lines(source, previous) and _deletes_lines(source, e)
                and not source[previous.end:e.start].strip()):
            out[-1] = Edit(previous.start, e.end, "")
        else:
            out.append(e)
    for k, e in enumerate(out):
        if _deletes_lines(source, e):
            start, end = with_blank_line(source, e.start, e.end)
            if (k == 0 or out[k - 1].end <= start) and (k + 1 == len(out) or end <= out[k + 1].start):
                out[k] = Edit(start, end, "")
    return out


def _deletes_lines(source: str, e: Edit) -> bool:
    """Does ``e`` delete whole lines (from a line's start to after a line break, or the text's end)?"""
    return (not e.replacement and e.start < e.end and (e.start == 0 or source[e.start - 1] == "\n")
            and (e.end == len(source) or source[e.end - 1] == "\n"))


def with_blank_line(source: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` (a deletion) with the blank line after it when it removes whole lines that stand
    between blank lines (or after the start of the text); at the end of the text, the blank line before
    it. Any other deletion is returned as it is."""
    if not _deletes_lines(source, Edit(start, end, "")):
        return start, end
    previous = source.rfind("\n", 0, max(0, start - 1)) + 1
    if start > 0 and source[previous:start].strip():
        return start, end  # a line of text before it: nothing to close up
    if end == len(source):
        return previous, end
    newline = source.find("\n", end)
    if newline >= 0 and not source[end:newline].strip():
        return start, newline + 1
    return start, end


def _neighbours(taken: list[Edit], edit: Edit) -> list[Edit]:
    """The taken edits that could overlap ``edit`` (taken edits never overlap each other)."""
    i = bisect.bisect_left(taken, (edit.start, edit.end), key=lambda x: (x.start, x.end))
    return taken[max(0, i - 1):i + 1]


def apply_edits(source: str, edits: Iterable[Edit]) -> str:
    """``source`` with non-overlapping ``edits`` applied (a "\\n" in a replacement follows the file's
    line endings: CRLF, or a lone CR)."""
    crlf = "\r\n" in source and source.count("\r\n") * 2 > source.count("\n")
    newline = "\r\n" if crlf else "\r" if "\r" in source and "\n" not in source else "\n"
    out: list[str] = []
    last = 0
    for e in sorted(edits, key=lambda x: (x.start, x.end)):
        replacement = e.replacement
        if newline != "\n" and "\n" in replacement:
            replacement = replacement.replace("\r\n", "\n").replace("\n", newline)
        out.append(source[last:e.start])
        out.append(replacement)
        last = e.end
    out.append(source[last:])
    return "".join(out)


def apply_fixes(source: str, findings: Iterable[Finding], *, unsafe: bool = False) -> str:
    """``source`` with the safe fixes of ``findings`` applied (and the unsafe ones if ``unsafe``).

    Where fixes overlap, the first in source order wins; the others are left for a later run.
    """
    return apply_edits(source, plan_fixes(source, findings, unsafe=unsafe).edits)
