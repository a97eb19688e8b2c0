"""Encoding damage (mojibake): UTF-8 text decoded as Windows-1252 or Latin-1 somewhere on its way
("Potterâ€™s", "cafÃ©", "Â© 2024"), found and repaired by ftfy.

ftfy (https://github.com/rspeer/python-ftfy) reads a line, decides whether it looks like mojibake
and undoes the wrong decoding; the damaged spans are where its repair differs from the line. One
kind of damage ftfy cannot see is handled here: a curly apostrophe whose two invisible middle bytes
were dropped on the way, leaving "â" between a word and its ending ("Potterâs", "dollsâ", "donât").
"""

from __future__ import annotations

import bisect
import re
from difflib import SequenceMatcher
from typing import NamedTuple

from copylint.core.document import Document

#: what mojibake is made of: the Latin-1 letter a UTF-8 lead byte turns into (Â, Ã, â, Ð ...) before
#: a Latin-1 sign or the Windows-1252 punctuation a continuation byte turns into (©, €, ™ ...). A
#: line without such a pair cannot be damaged (café and “quotes” have none), and ftfy is not loaded.
_CONTINUATION = ("\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
                 "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122")
_SUSPECT = re.compile(f"[\u00c2-\u00f4][{_CONTINUATION}]")
#: "â" left of a curly apostrophe (U+2019 is E2 80 99; the 80 and 99 were lost): after a Latin
#: word, before the end of the word or a clitic (Potterâs, donât, theyâre, dollsâ); not before a
#: "?", which stands for other lost bytes ("wayâ?¦" was an ellipsis)
_BARE_APOSTROPHE = re.compile(r"(?<=[A-Za-z])â(?=(?:s|t|d|m|ll|re|ve)?(?![^\W\d_]|\?))")


class Damage(NamedTuple):
    """A damaged span of the prose and the text it stood for."""

    start: int
    end: int
    repair: str
    #: found by ftfy (a whole wrong decoding undone), not by the lost-apostrophe pattern
    by_ftfy: bool


def encoding_damage(doc: Document) -> list[Damage]:
    """Every damaged span of ``doc``'s prose, in order (computed once per document)."""
    return doc.memo("spelling.encoding-damage", lambda: _find(doc.prose))


def _find(prose: str) -> list[Damage]:
    if prose.isascii() or not ("â" in prose or _SUSPECT.search(prose)):
        return []
    from ftfy import fix_encoding  # loaded only for text that may be damaged

    out: list[Damage] = []
    line_start = 0
    for line in prose.split("\n"):
        if "â" in line or _SUSPECT.search(line):
            found = _merged(_ftfy_damage(line, fix_encoding(line), line_start)) if _SUSPECT.search(line) else []
            by_ftfy = DamageSpans(found)
            for m in _BARE_APOSTROPHE.finditer(line):
                start, end = line_start + m.start(), line_start + m.end()
                if not by_ftfy.overlaps(start, end):
                    found.append(Damage(start, end, "’", False))
            out.extend(sorted(found))
        line_start += len(line) + 1
    return out


def _ftfy_damage(line: str, repaired: str, offset: int) -> list[Damage]:
    """Where ftfy's repair of ``line`` differs from it. A deleted character is shown with the one
    after it ("Â©" stands for "©", rather than "Â" for nothing)."""
    if repaired == line:
        return []
    out = []
    for _, i1, i2, j1, j2 in _opcodes(line, repaired):
        if i2 == i1:  # an insertion: take a neighbouring character along
            if i1:
                i1, j1 = i1 - 1, j1 - 1
            else:
                i2, j2 = i2 + 1, j2 + 1
        elif j2 == j1 and i2 < len(line):
            i2, j2 = i2 + 1, j2 + 1
        out.append(Damage(offset + i1, offset + i2, repaired[j1:j2], True))
    return out


#: the longest texts SequenceMatcher compares (its time grows with the cube of their length: a
#: 4,000-character line of "Ã© " took 70 s); longer ones are told apart by their common ends only
MAX_MATCHED = 200
_ASCII_OR_NOT = re.compile(r"[\x00-\x7f]+|[^\x00-\x7f]+")

Opcode = tuple[str, int, int, int, int]


def _opcodes(line: str, repaired: str) -> list[Opcode]:
    """How ``repaired`` differs from ``line``, as SequenceMatcher's opcodes (the "equal" ones left
    out), found run by run. Mojibake and its repair are made of non-ASCII characters only, so the
    ASCII runs of the two are the same, in the same order, and each non-ASCII run is compared with
    its counterpart alone: the time grows with the line, not with a power of it. A line whose ASCII
    text changed is compared whole."""
    a = [m.span() for m in _ASCII_OR_NOT.finditer(line)]
    b = [m.span() for m in _ASCII_OR_NOT.finditer(repaired)]
    if len(a) != len(b) or any(line[s:e].isascii() != repaired[t:u].isascii() or
                               (line[s:e].isascii() and line[s:e] != repaired[t:u])
                               for (s, e), (t, u) in zip(a, b, strict=True)):
        return _differences(line, repaired, 0, 0)
    out: list[Opcode] = []
    for (s, e), (t, u) in zip(a, b, strict=True):
        if line[s:e] != repaired[t:u]:
            out.extend(_differences(line[s:e], repaired[t:u], s, t))
    return out


def _differences(a: str, b: str, at: int, bt: int) -> list[Opcode]:
    """The opcodes (not "equal") from ``a`` to ``b``, which start at ``at`` and ``bt``: the span
    between their common beginning and end when what is left of the two shares no character (a
    repaired sequence, most often: "Ã©" for "é"), else SequenceMatcher's, for short texts."""
    head = 0
    while head < min(len(a), len(b)) and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < min(len(a), len(b)) - head and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    i2, j2 = len(a) - tail, len(b) - tail
    if (len(a) > MAX_MATCHED or len(b) > MAX_MATCHED) or not set(a[head:i2]) & set(b[head:j2]):
        tag = "replace" if i2 > head and j2 > head else "delete" if i2 > head else "insert"
        return [(tag, at + head, at + i2, bt + head, bt + j2)]
    return [(tag, at + i1, at + i2, bt + j1, bt + j2)
            for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
            if tag != "equal"]


class DamageSpans:
    """Damaged spans (in order, none overlapping another), asked whether a span touches one: a
    search, not a scan of them all (a page of mojibake has thousands)."""

    def __init__(self, damaged: list[Damage]) -> None:
        self._starts = [d.start for d in damaged]
        self._ends = [d.end for d in damaged]

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_right(self._ends, start)
        return i < len(self._starts) and self._starts[i] < end


def _merged(found: list[Damage]) -> list[Damage]:
    """Damage spans with adjacent or overlapping ones joined (one wrong decoding is one finding)."""
    out: list[Damage] = []
    for d in found:
        if out and out[-1].end >= d.start:
            last = out.pop()
            d = Damage(last.start, d.end, last.repair + d.repair[last.end - d.start:], True)
        out.append(d)
    return out
