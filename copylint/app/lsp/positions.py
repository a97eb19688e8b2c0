"""LSP positions of one text: 0-based line and character, the character counted in the encoding the
client and server agreed on (UTF-16 code units unless the client offered UTF-8 or UTF-32), and the
code-point offsets copylint's findings use.

Lines end at "\\n", "\\r\\n" or "\\r", as the protocol defines them (not at the other characters
``str.splitlines`` breaks on, such as U+2028 or a form feed, which are ordinary characters to an
editor). UTF-16 columns come from :class:`copylint.core.positions.Utf16Index` over the whole text,
so a line full of emoji converts in O(log n).
"""

from __future__ import annotations

import bisect
import re

from lsprotocol import types

from copylint.core.positions import Utf16Index, utf8_length

UTF8, UTF16, UTF32 = (types.PositionEncodingKind.Utf8.value, types.PositionEncodingKind.Utf16.value,
                      types.PositionEncodingKind.Utf32.value)
ENCODINGS = (UTF8, UTF16, UTF32)
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


class TextPositions:
    """Converts between code-point offsets into ``text`` and LSP positions in ``encoding``."""

    __slots__ = ("_utf16", "encoding", "line_ends", "line_starts", "text")

    def __init__(self, text: str, encoding: str = UTF16) -> None:
        if encoding not in ENCODINGS:
            raise ValueError(f"unknown position encoding {encoding!r}")
        self.text = text
        self.encoding = encoding
        #: offset where each line starts, and where its content ends (before its line break)
        self.line_starts = [0]
        self.line_ends: list[int] = []
        for m in _LINE_BREAK.finditer(text):
            self.line_ends.append(m.start())
            self.line_starts.append(m.end())
        self.line_ends.append(len(text))
        self._utf16 = Utf16Index(text) if encoding == UTF16 else None

    def line_of(self, offset: int) -> int:
        """The 0-based line holding ``offset`` (a line break belongs to the line it ends)."""
        return bisect.bisect_right(self.line_starts, offset) - 1

    def position(self, offset: int) -> types.Position:
        """The LSP position of code-point ``offset`` (0 ≤ offset ≤ len(text)). An offset between the
        "\\r" and "\\n" of a line break, which no LSP position names, is its line's end."""
        line = self.line_of(offset)
        start = self.line_starts[line]
        return types.Position(line=line, character=self._units(start, min(offset, self.line_ends[line])))

    def range(self, start: int, end: int) -> types.Range:
        return types.Range(start=self.position(start), end=self.position(end))

    def offset(self, position: types.Position) -> int:
        """The code-point offset of an LSP position. As the protocol says, a character past the end
        of its line means the line's end, and a line past the last means the end of the text; a
        position inside a character (half a surrogate pair, a byte inside a UTF-8 sequence) means
        that character's start."""
        if position.line >= len(self.line_starts):
            return len(self.text)
        start, end = self.line_starts[position.line], self.line_ends[position.line]
        units = position.character
        if self.encoding == UTF32:
            return min(start + units, end)
        if self._utf16 is not None:
            index = self._utf16
            return min(index.from_utf16(index.to_utf16(start) + units), end)
        prefix = self.text[start:end].encode("utf-8", "surrogatepass")[:units]
        try:
            return start + len(prefix.decode("utf-8", "surrogatepass"))
        except UnicodeDecodeError as exc:  # the prefix ends inside a character: count up to it
            return start + len(prefix[:exc.start].decode("utf-8", "surrogatepass"))

    def _units(self, start: int, end: int) -> int:
        """How many code units of the encoding ``text[start:end]`` takes."""
        if self.encoding == UTF32:
            return end - start
        if self._utf16 is not None:
            return self._utf16.to_utf16(end) - self._utf16.to_utf16(start)
        return utf8_length(self.text[start:end])
