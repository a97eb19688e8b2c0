"""LSP positions and document changes: every offset converts to the position the encodings say
(Python's own UTF-8/UTF-16 codecs are the reference) and back, with the protocol's line breaks only,
and an editor's incremental change lands exactly where it was made."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

pytest.importorskip("pygls")

from lsprotocol import types

from copylint.app.lsp.documents import OpenDocument, document_format
from copylint.app.lsp.positions import UTF8, UTF16, UTF32, TextPositions

#: line breaks, characters other tools take for line breaks, and characters of 1 to 4 UTF-8 bytes
#: and 1 or 2 UTF-16 units
ALPHABET = [*"ab \t\n\r\u2028\u0085\x0c", "é", "€", "😀", "🇺", "\U0010ffff"]
TEXTS = st.text(alphabet=st.sampled_from(ALPHABET) | st.characters(exclude_categories=("Cs",)), max_size=40)
ENCODINGS = st.sampled_from([UTF8, UTF16, UTF32])
_CODEC = {UTF8: ("utf-8", 1), UTF16: ("utf-16-le", 2), UTF32: ("utf-32-le", 4)}


def reference_position(text: str, offset: int, encoding: str) -> tuple[int, int]:
    """(line, character) by the protocol's definition, counted with Python's codecs."""
    line_starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]
    line = max(i for i, s in enumerate(line_starts) if s <= offset)
    end = offset
    if end > line_starts[line] and text[end - 1] == "\r" and end < len(text) and text[end] == "\n":
        end -= 1  # between "\r" and "\n": the end of the line
    codec, unit = _CODEC[encoding]
    return line, len(text[line_starts[line]:end].encode(codec)) // unit


@given(TEXTS, ENCODINGS)
def test_offsets_and_positions_agree_with_the_codecs(text: str, encoding: str) -> None:
    positions = TextPositions(text, encoding)
    for offset in range(len(text) + 1):
        pos = positions.position(offset)
        assert (pos.line, pos.character) == reference_position(text, offset, encoding)
        back = positions.offset(pos)
        mid_crlf = 0 < offset < len(text) and text[offset - 1:offset + 1] == "\r\n"
        assert back == (offset - 1 if mid_crlf else offset)


def test_only_the_protocols_line_breaks_end_lines() -> None:
    text = "a\u2028b\x0cc\u0085d\r\ne\rf\ng"
    positions = TextPositions(text, UTF16)
    assert positions.position(text.index("d")) == types.Position(line=0, character=6)
    assert [positions.position(text.index(c)).line for c in "efg"] == [1, 2, 3]


def test_positions_inside_a_character_mean_its_start_and_past_the_end_clamp() -> None:
    text = "x😀y\nzz"
    utf16, utf8 = TextPositions(text, UTF16), TextPositions(text, UTF8)
    assert utf16.offset(types.Position(line=0, character=2)) == 1  # the second half of the pair
    assert utf16.offset(types.Position(line=0, character=3)) == 2
    assert [utf8.offset(types.Position(line=0, character=c)) for c in range(1, 6)] == [1, 1, 1, 1, 2]
    assert utf16.offset(types.Position(line=0, character=99)) == 3  # past the line: its end
    assert utf16.offset(types.Position(line=7, character=0)) == len(text)  # past the text: its end


def _lsp_range(text: str, start: int, end: int, encoding: str) -> types.Range:
    (sl, sc), (el, ec) = reference_position(text, start, encoding), reference_position(text, end, encoding)
    return types.Range(start=types.Position(line=sl, character=sc), end=types.Position(line=el, character=ec))


@given(TEXTS, ENCODINGS, st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40), TEXTS), max_size=4))
def test_incremental_changes_land_where_they_were_made(text: str, encoding: str, edits: list) -> None:
    doc = OpenDocument("file:///story.md", "markdown", 1, text)
    expected = text
    changes = []
    for a, b, new in edits:
        start, end = sorted((min(a, len(expected)), min(b, len(expected))))
        if start < end and expected[start - 1:start + 1] == "\r\n":
            start -= 1  # no LSP position stands between "\r" and "\n"
        if 0 < end < len(expected) and expected[end - 1:end + 1] == "\r\n":
            end += 1
        start = min(start, end)
        changes.append(types.TextDocumentContentChangePartial(range=_lsp_range(expected, start, end, encoding),
                                                              text=new))
        expected = expected[:start] + new + expected[end:]
    doc.apply(2, changes, encoding, 7)
    assert doc.text == expected
    assert (doc.version, doc.generation) == (2, 7)


def test_a_change_after_a_line_separator_lands_on_the_editors_line() -> None:
    """U+2028 is not a line break to an editor (str.splitlines, which pygls's own documents use,
    breaks there and would take the change one line down)."""
    text = "Sources said\u2028the talks.\nThey had yeae ended.\n"
    doc = OpenDocument("file:///story.md", "markdown", 1, text)
    start = text.index("yeae")
    change = types.TextDocumentContentChangePartial(range=_lsp_range(text, start, start + 4, UTF16), text="year")
    doc.apply(2, [change], UTF16, 1)
    assert doc.text == text.replace("yeae", "year")


def test_a_whole_text_change_replaces_the_text() -> None:
    doc = OpenDocument("untitled:Untitled-1", "plaintext", 1, "old")
    doc.apply(5, [types.TextDocumentContentChangeWholeDocument(text="new")], UTF16, 1)
    assert (doc.text, doc.version, doc.path, doc.format) == ("new", 5, None, "text")


@pytest.mark.parametrize(("language_id", "path", "expected"), [
    ("markdown", "/n/a.txt", "markdown"), ("html", None, "html"), ("plaintext", None, "text"),
    ("text", None, "text"), ("mdx", "/n/story.md", "markdown"), ("python", "/n/app.py", None), ("python", None, None),
])
def test_documents_are_read_by_language_then_extension(language_id: str, path: str | None,
                                                       expected: str | None) -> None:
    assert document_format(language_id, path) == expected
