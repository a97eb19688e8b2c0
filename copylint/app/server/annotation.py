"""LanguageTool's annotated text: the ``data`` parameter of ``/v2/check``.

``{"annotation": [{"text": "Hello "}, {"markup": "<b>"}, {"text": "wrold"}, {"markup": "</b>"}]}``:
the *text* parts are checked; a *markup* part is not, unless it has ``interpretAs``, whose text is
checked in its place (``{"markup": "<br/>", "interpretAs": "\\n\\n"}``). As in LanguageTool, the
offsets of the answer index the original, text and markup together: ``wrold`` is at 9, not 6.
``{"text": "..."}`` instead of ``annotation`` is plain text.
"""

from __future__ import annotations

import bisect
import json
from dataclasses import dataclass
from typing import Any

from copylint.app.server.errors import ApiError


@dataclass(frozen=True)
class Segment:
    """One annotation part: where it is in the checked text and in the original."""

    checked_start: int
    checked_end: int
    original_start: int
    original_end: int
    #: a text part (characters map one for one) rather than markup
    is_text: bool


class AnnotatedText:
    """The text copylint checks, the original the client sent, and positions from one to the other."""

    def __init__(self, segments: list[Segment], checked: str, original: str) -> None:
        self.checked = checked
        self.original = original
        self._segments = segments
        self._starts = [s.checked_start for s in segments]

    @classmethod
    def plain(cls, text: str) -> AnnotatedText:
        return cls([Segment(0, len(text), 0, len(text), True)], text, text)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """The original span of the checked span ``[start, end)``: a span that touches the stand-in
        text of a markup part (its ``interpretAs``) covers the whole markup."""
        first = self._segment_at(start)
        s = first.original_start + (start - first.checked_start) if first.is_text else first.original_start
        if end <= start:
            return s, s
        last = self._segment_at(end - 1)
        e = last.original_start + (end - last.checked_start) if last.is_text else last.original_end
        return s, max(s, e)

    def _segment_at(self, offset: int) -> Segment:
        """The segment holding checked character ``offset`` (empty markup parts hold none)."""
        i = bisect.bisect_right(self._starts, offset) - 1
        while i > 0 and self._segments[i].checked_start == self._segments[i].checked_end:
            i -= 1
        return self._segments[max(i, 0)]


def parse_data(raw: str) -> AnnotatedText:
    """The ``data`` parameter, parsed and checked; raises ApiError(400) naming what is wrong."""
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise ApiError(400, f"bad JSON in 'data': {exc}") from None
    if not isinstance(data, dict):
        raise ApiError(400, "bad annotation: 'data' must be a JSON object with 'annotation' or 'text'")
    if "text" in data and "annotation" in data:
        raise ApiError(400, "bad annotation: 'data' needs 'annotation' or 'text', not both")
    if "text" in data:
        if not isinstance(data["text"], str):
            raise ApiError(400, "bad annotation: 'data.text' must be a string")
        return AnnotatedText.plain(data["text"])
    if "annotation" not in data:
        raise ApiError(400, "bad annotation: 'data' needs 'annotation' (a list of text and markup parts)")
    parts = data["annotation"]
    if not isinstance(parts, list):
        raise ApiError(400, "bad annotation: 'annotation' must be a list of text and markup parts")
    segments: list[Segment] = []
    checked: list[str] = []
    original: list[str] = []
    checked_at = original_at = 0
    for i, part in enumerate(parts):
        text, shown = _part(i, part)
        segments.append(Segment(checked_at, checked_at + len(shown), original_at, original_at + len(text),
                                "text" in part))
        checked.append(shown)
        original.append(text)
        checked_at += len(shown)
        original_at += len(text)
    if not segments:
        segments.append(Segment(0, 0, 0, 0, True))
    return AnnotatedText(segments, "".join(checked), "".join(original))


def _part(i: int, part: Any) -> tuple[str, str]:
    """(its original text, the text checked in its place) of annotation part ``i``."""
    where = f"bad annotation: part {i}"
    if not isinstance(part, dict):
        raise ApiError(400, f"{where} must be an object with 'text' or 'markup'")
    if "text" in part and "markup" in part:
        raise ApiError(400, f"{where} has both 'text' and 'markup'")
    if "text" in part and "interpretAs" in part:
        raise ApiError(400, f"{where}: 'interpretAs' goes with 'markup', not 'text'")
    unknown = sorted(set(part) - {"text", "markup", "interpretAs"})
    if unknown:
        raise ApiError(400, f"{where} has unknown keys: {', '.join(unknown)}")
    if "text" in part:
        if not isinstance(part["text"], str):
            raise ApiError(400, f"{where}: 'text' must be a string")
        return part["text"], part["text"]
    if "markup" not in part:
        raise ApiError(400, f"{where} must have 'text' or 'markup'")
    markup, stand_in = part["markup"], part.get("interpretAs", "")
    if not isinstance(markup, str) or not isinstance(stand_in, str):
        raise ApiError(400, f"{where}: 'markup' and 'interpretAs' must be strings")
    return markup, stand_in
