"""Positions in other units than Python's code points: UTF-16 code units (LanguageTool's HTTP API,
JavaScript editors, the Language Server Protocol's default) and UTF-8 bytes.

Findings carry 0-based code-point offsets into the decoded source. A character outside the Basic
Multilingual Plane (most emoji) is one code point but two UTF-16 code units and four UTF-8 bytes, so
every offset after one shifts. :class:`Utf16Index` converts both ways in O(log n) after one linear
pass that records only where such characters are; text without them (most copy) converts for free.
"""

from __future__ import annotations

import bisect
import re

#: characters that take two UTF-16 code units (a surrogate pair)
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class Utf16Index:
    """Code-point offsets of one text to UTF-16 code-unit offsets and back."""

    __slots__ = ("_astral", "_astral_utf16", "length", "utf16_length")

    def __init__(self, text: str) -> None:
        #: code-point offsets of the astral characters, in order
        self._astral = [m.start() for m in _ASTRAL.finditer(text)]
        #: the UTF-16 offset at which each of them starts
        self._astral_utf16 = [offset + i for i, offset in enumerate(self._astral)]
        self.length = len(text)
        self.utf16_length = len(text) + len(self._astral)

    def to_utf16(self, offset: int) -> int:
        """The UTF-16 offset of code-point ``offset`` (0 ≤ offset ≤ len(text))."""
        if not self._astral:
            return offset
        return offset + bisect.bisect_left(self._astral, offset)

    def from_utf16(self, offset: int) -> int:
        """The code-point offset of UTF-16 ``offset``; an offset inside a surrogate pair maps to the
        start of its character."""
        if not self._astral:
            return offset
        before = bisect.bisect_left(self._astral_utf16, offset)  # astral characters starting before it
        if before and offset == self._astral_utf16[before - 1] + 1:  # the second half of a pair
            return self._astral[before - 1]
        return offset - before


def utf8_length(text: str) -> int:
    """How many bytes ``text`` takes in UTF-8."""
    return len(text.encode("utf-8", "surrogatepass"))
