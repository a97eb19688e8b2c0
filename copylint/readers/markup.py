"""Helpers shared by the markup readers (Markdown, HTML): where prose text sits in the source.

A reader records the source span of every piece of text it turns into prose, in source order, as
:class:`TextRuns`. When a rule deletes a whole block, the reader widens the deletion to the markup
that held it; these helpers tell it which text a deletion covers and whether a line holds any other.
"""

from __future__ import annotations

import bisect


class TextRuns:
    """Source spans of prose text, non-overlapping and in source order (whitespace trimmed)."""

    __slots__ = ("ends", "starts")

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def __len__(self) -> int:
        return len(self.starts)

    def add(self, start: int, end: int, text: str) -> None:
        """Record ``text``, found at ``source[start:end]``, without its surrounding whitespace."""
        if len(text) == end - start:
            stripped = text.lstrip()
            start += len(text) - len(stripped)
            end -= len(stripped) - len(stripped.rstrip())
        elif not text.strip():
            return
        if end > start:
            self.starts.append(start)
            self.ends.append(end)

    def core(self, start: int, end: int) -> tuple[int, int] | None:
        """The part of ``[start, end)`` from its first to its last character of text (None: no text)."""
        first = bisect.bisect_right(self.ends, start)
        last = bisect.bisect_left(self.starts, end) - 1
        if first > last:
            return None
        return max(start, self.starts[first]), min(end, self.ends[last])

    def span(self, first: int, stop: int) -> tuple[int, int] | None:
        """Source span from run ``first`` to run ``stop - 1`` (None when the range is empty)."""
        if stop <= first:
            return None
        return self.starts[first], self.ends[stop - 1]


def line_bounds(source: str, start: int, end: int) -> tuple[int, int]:
    """Start of the line holding ``start`` and the end (after its newline) of the line holding ``end``."""
    line_start = source.rfind("\n", 0, start) + 1
    newline = source.find("\n", end)
    return line_start, len(source) if newline < 0 else newline + 1


def whole_lines(source: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` widened to whole lines (with the newline) when only blanks surround it."""
    line_start, line_end = line_bounds(source, start, end)
    if source[line_start:start].strip() or source[end:line_end].strip():
        return start, end
    return line_start, line_end
