"""Encoding damage (mojibake): UTF-8 text decoded as Windows-1252 or Latin-1 somewhere on its way
("Potterâ€™s", "cafÃ©", "Â© 2024"), found and repaired by ftfy.

ftfy (https://github.com/rspeer/python-ftfy) reads a line, decides whether it looks like mojibake
and undoes the wrong decoding; the damaged spans are where its repair differs from the line. One
kind of damage ftfy cannot see is handled here: a curly apostrophe whose two invisible middle bytes
were dropped on the way, leaving "â" between a word and its ending ("Potterâs", "dollsâ", "donât").
"""

from __future__ import annotations

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
            for m in _BARE_APOSTROPHE.finditer(line):
                start, end = line_start + m.start(), line_start + m.end()
                if not any(d.start < end and start < d.end for d in found):
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
    matcher = SequenceMatcher(None, line, repaired, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if i2 == i1:  # an insertion: take a neighbouring character along
            if i1:
                i1, j1 = i1 - 1, j1 - 1
            else:
                i2, j2 = i2 + 1, j2 + 1
        elif j2 == j1 and i2 < len(line):
            i2, j2 = i2 + 1, j2 + 1
        out.append(Damage(offset + i1, offset + i2, repaired[j1:j2], True))
    return out


def _merged(found: list[Damage]) -> list[Damage]:
    """Damage spans with adjacent or overlapping ones joined (one wrong decoding is one finding)."""
    out: list[Damage] = []
    for d in found:
        if out and out[-1].end >= d.start:
            last = out.pop()
            d = Damage(last.start, d.end, last.repair + d.repair[last.end - d.start:], True)
        out.append(d)
    return out
