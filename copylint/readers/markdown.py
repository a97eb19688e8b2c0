"""Markdown: the prose of paragraphs, headings, list items, block quotes, table cells, link text and
image alt text, each character at its exact place in the source.

markdown-it-py parses the blocks; its inline tokens say *what* the text is but not *where*, so the
reader walks each block's tokens with one cursor over the source that only moves forward, finding
every piece of text, every delimiter and every link destination in turn (linear in the source).
Code spans and blocks, raw HTML, autolinks, front matter and reference definitions give no prose.
Backslash escapes and entities are decoded and stand, as a whole, for their source characters.
Each block is separated from the next by a paragraph break; a line break inside a block is the
source's own newline. HTML comments are kept for suppression directives, and a whole-block
deletion widens to the source lines that held the block (with their newline).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING

from copylint.core.document import Comment, Document, ProseBuilder, line_end
from copylint.readers import reader
from copylint.readers.markup import TextRuns, line_bounds

if TYPE_CHECKING:  # markdown-it is imported on the first Markdown file, not on every run
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

PARAGRAPH_BREAK = "\n\n"
_LINE_BREAK_TAG_RE = re.compile(r"<br\s*/?>", re.IGNORECASE)
_FRONT_MATTER_CLOSERS = {"---": ("---", "..."), "+++": ("+++",)}
_DELIMITERS = frozenset({"em_open", "em_close", "strong_open", "strong_close", "s_open", "s_close"})
_LINK_SPACE = " \t\n"

_parser_lock = threading.Lock()
_parser: MarkdownIt | None = None


def _markdown_parser() -> MarkdownIt:
    """One CommonMark parser (plus tables and strikethrough) for the process; parsing keeps no state."""
    global _parser
    with _parser_lock:
        if _parser is None:
            from markdown_it import MarkdownIt

            # text_join would merge decoded escapes and entities into the text around them, and
            # lose where they came from; kept apart, each one maps back to its source characters.
            _parser = MarkdownIt("commonmark").enable(["table", "strikethrough"]).disable("text_join")
        return _parser


def front_matter_lines(source: str) -> int:
    """How many lines at the top of ``source`` are YAML (``---``) or TOML (``+++``) front matter."""
    first_end = source.find("\n")
    if first_end < 0:
        return 0
    closers = _FRONT_MATTER_CLOSERS.get(source[:first_end].lstrip("\ufeff").rstrip())
    if closers is None:
        return 0
    line, start = 1, first_end + 1
    while start <= len(source):
        end = source.find("\n", start)
        end = len(source) if end < 0 else end
        if source[start:end].rstrip() in closers:
            return line + 1
        line, start = line + 1, end + 1
    return 0


def _haystack(source: str) -> str:
    """``source`` with the same length and lines, as markdown-it will see it.

    Front matter is blanked, a byte-order mark and lone carriage returns become spaces (markdown-it
    would read a lone CR as a line break, and the source's lines end at "\\n" only), except in a
    file whose lines all end in lone carriage returns, where each becomes the line feed it stands for.
    """
    hay = source
    if "\r" in hay:
        hay = hay.replace("\r", "\n") if line_end(source) == "\r" else re.sub(r"\r(?!\n)", " ", hay)
    if hay.startswith("\ufeff"):
        hay = " " + hay[1:]
    skip = front_matter_lines(source.replace("\r", "\n") if line_end(source) == "\r" else source)
    if skip:
        cut = 0
        for _ in range(skip):
            cut = hay.find("\n", cut) + 1 or len(hay)
        hay = re.sub(r"[^\n]", " ", hay[:cut]) + hay[cut:]
    return hay


class _Walker:
    """Walks markdown-it tokens, locating each piece of inline text in the source."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.hay = _haystack(source)
        self.builder = ProseBuilder(source)
        self.runs = TextRuns()
        self.comments: list[Comment] = []
        self.italics: list[tuple[int, int]] = []  # prose spans of *emphasis*
        self.italic_starts: list[int] = []
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", self.hay)]
        self.cursor = 0
        self.limit = len(source)
        self.block_open = False  # has the current block emitted text yet?
        self.last_end = 0  # source end of the last text emitted

    # -------------------------------------------------------------- blocks
    def walk(self, tokens: Sequence[Token]) -> None:
        for tok in tokens:
            if tok.type == "inline" and tok.map:
                start, stop = self._line_span(tok.map)
                self.cursor = max(self.cursor, start)
                self.limit = stop
                self.block_open = False
                self._inline(tok.children or ())
            elif tok.type == "html_block" and tok.map:
                start, stop = self._line_span(tok.map)
                self.comments.extend(_comments(self.source, start, stop))
                self.cursor = max(self.cursor, stop)

    def _line_span(self, lines: list[int]) -> tuple[int, int]:
        starts = self.line_starts
        start = starts[lines[0]] if lines[0] < len(starts) else len(self.source)
        stop = starts[lines[1]] if lines[1] < len(starts) else len(self.source)
        return start, stop

    # -------------------------------------------------------------- inline
    def _inline(self, children: Sequence[Token]) -> None:
        skipping_autolink = False
        for tok in children:
            kind = tok.type
            if skipping_autolink:
                if kind == "link_close":
                    skipping_autolink = False
                    self._advance_past(">")
                continue
            if kind == "text":
                self._text(tok.content)
            elif kind == "text_special":
                self._special(tok.markup, tok.content)
            elif kind in ("softbreak", "hardbreak"):
                self._newline()
            elif kind == "code_inline":
                self._code_span(tok.markup)
            elif kind == "html_inline":
                self._html_inline(tok.content)
            elif kind in _DELIMITERS:
                self._advance_past(tok.markup)
                if kind == "em_open":
                    self.italic_starts.append(self.builder.length)
                elif kind == "em_close" and self.italic_starts:
                    self.italics.append((self.italic_starts.pop(), self.builder.length))
            elif kind == "link_open":
                if tok.markup in ("autolink", "linkify"):
                    skipping_autolink = tok.markup == "autolink"
                    if skipping_autolink:
                        self._advance_past("<")
                else:
                    self._advance_past("[")
            elif kind == "link_close":
                self._link_end()
            elif kind == "image":
                self._advance_past("![")
                self._inline(tok.children or ())
                self._link_end()

    def _find(self, text: str) -> int:
        return self.hay.find(text, self.cursor, self.limit) if text else -1

    def _advance_past(self, markup: str) -> None:
        at = self._find(markup)
        if at >= 0:
            self.cursor = at + len(markup)

    def _begin_text(self) -> None:
        if not self.block_open:
            if self.builder.length:
                self.builder.insert(PARAGRAPH_BREAK, self.last_end)
            self.block_open = True

    def _text(self, content: str) -> None:
        at = self._find(content)
        if at >= 0:
            self._begin_text()
            self.builder.copy(at, at + len(content), content)
            self._emitted(at, at + len(content), content)
        else:
            self._escaped_text(content)

    def _escaped_text(self, content: str) -> None:
        """Text the parser unescaped itself (``\\|`` in a table cell): align it char by char."""
        pattern = "".join(r"\\?" + re.escape(c) if not c.isalnum() else re.escape(c) for c in content)
        m = re.compile(pattern).search(self.hay, self.cursor, self.limit) if content else None
        if m is None:
            return
        self._begin_text()
        pos = m.start()
        for c in content:
            if self.hay[pos] == c:
                self.builder.copy(pos, pos + 1, c)
                pos += 1
            else:  # a backslash escape
                self.builder.replace(pos, pos + 2, c)
                pos += 2
        self._emitted(m.start(), m.end(), self.source[m.start():m.end()])

    def _special(self, markup: str, content: str) -> None:
        at = self._find(markup)
        if at >= 0:
            self._begin_text()
            self.builder.replace(at, at + len(markup), content)
            self._emitted(at, at + len(markup), content)

    def _emitted(self, start: int, end: int, text: str) -> None:
        self.runs.add(start, end, text)
        self.cursor = self.last_end = end

    def _newline(self) -> None:
        at = self.hay.find("\n", self.cursor, self.limit)
        if at >= 0:
            if self.block_open:
                self.builder.copy(at, at + 1, "\n")  # a lone carriage return ends the line too
                self.last_end = at + 1
            self.cursor = at + 1

    def _code_span(self, fence: str) -> None:
        opening = self._find(fence)
        if opening < 0:
            return
        closing = re.compile(rf"(?<!`){re.escape(fence)}(?!`)").search(self.hay, opening + len(fence),
                                                                      self.limit)
        self.cursor = closing.end() if closing else opening + len(fence)

    def _html_inline(self, content: str) -> None:
        at = self._find(content)
        if at < 0 and "\n" in content:
            content = content.replace("\n", "\r\n")
            at = self._find(content)
        if at < 0:
            return
        end = at + len(content)
        if content.startswith("<!--") and content.endswith("-->"):
            self.comments.append(Comment(at, end, content[4:-3]))
        elif _LINE_BREAK_TAG_RE.fullmatch(content) and self.block_open:
            self.builder.replace(at, end, "\n")
            self.last_end = end
        self.cursor = end

    def _link_end(self) -> None:
        """Move past ``]`` and the destination that follows: ``(url "title")`` or ``[label]``."""
        close = self._find("]")
        if close < 0:
            return
        hay, pos, limit = self.hay, close + 1, self.limit
        self.cursor = pos
        if pos < limit and hay[pos] == "[":
            label_end = hay.find("]", pos + 1, limit)
            if label_end >= 0:
                self.cursor = label_end + 1
            return
        if pos >= limit or hay[pos] != "(":
            return
        from markdown_it.helpers import parseLinkDestination, parseLinkTitle

        pos = _skip(hay, pos + 1, limit)
        destination = parseLinkDestination(hay, pos, limit)
        if destination.ok:
            after = _skip(hay, destination.pos, limit)
            title = parseLinkTitle(hay, after, limit)
            pos = _skip(hay, title.pos, limit) if title.ok and after > destination.pos else after
        if pos < limit and hay[pos] == ")":
            self.cursor = pos + 1

    # -------------------------------------------------------------- result
    def widen_deletion(self, start: int, end: int) -> tuple[int, int]:
        """A deletion of a whole block becomes the deletion of its source lines."""
        core = self.runs.core(start, end)
        if core is None:
            return start, end
        line_start, line_stop = line_bounds(self.hay, core[0], core[1])  # the hay's lines end in "\n"
        if self.runs.core(line_start, core[0]) or self.runs.core(core[1], line_stop):
            return start, end
        return line_start, line_stop


def _comments(source: str, start: int, stop: int) -> list[Comment]:
    """The ``<!-- ... -->`` comments in ``source[start:stop]``: found with ``str.find``, so an
    unclosed one ends the search instead of being sought again from every later ``<!--``."""
    out = []
    at = source.find("<!--", start, stop)
    while at >= 0:
        close = source.find("-->", at + 4, stop)
        if close < 0:
            break
        out.append(Comment(at, close + 3, source[at + 4:close]))
        at = source.find("<!--", close + 3, stop)
    return out


def _skip(text: str, pos: int, limit: int) -> int:
    while pos < limit and text[pos] in _LINK_SPACE:
        pos += 1
    return pos


@reader("markdown", (".md", ".markdown", ".mdown", ".mkd"))
def read_markdown(source: str, path: str) -> Document:
    walker = _Walker(source)
    walker.walk(_markdown_parser().parse(walker.hay[1:] if source.startswith("\ufeff") else walker.hay))
    prose, offsets = walker.builder.build()
    return Document(path=path, source=source, prose=prose, offsets=offsets, format="markdown",
                    comments=tuple(walker.comments), italics=tuple(sorted(walker.italics)),
                    widen_deletion=walker.widen_deletion)
