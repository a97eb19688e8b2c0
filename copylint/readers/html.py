"""HTML: the prose of text nodes, each character at its exact place in the source.

A small tokenizer in the manner of a browser's (tags, quoted attributes, comments, raw-text elements,
a stray ``<`` read as text, unclosed things running to the end) walks the source once. Text inside
``script``, ``style``, ``code``, ``pre`` and the like, and every attribute, gives no prose. Entities
are decoded and each stands, as a whole, for its source characters. Block elements (``p``, ``h1``,
``li``, ``div``, ``td``...) become paragraph breaks and ``br`` a line break; inline elements
(``a``, ``em``, ``span``...) split nothing, so ``Ukr<em>anian</em>`` is one word. Runs of source
whitespace read as one space, as a browser shows them. Comments are kept for suppression
directives, and a whole-block deletion widens to the element that held nothing else.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from html.entities import html5

from copylint.core.document import Comment, Document, ProseBuilder
from copylint.readers import reader
from copylint.readers.body import article_body
from copylint.readers.markup import TextRuns, whole_lines

PARAGRAPH_BREAK = "\n\n"
LINE_BREAK = "\n"
BLOCK_ELEMENTS = frozenset({
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details",
    "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1",
    "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li", "main", "menu",
    "nav", "ol", "p", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
})
#: Elements whose content is not prose (code, machinery, controls).
SKIPPED_ELEMENTS = frozenset({
    "code", "pre", "kbd", "samp", "head", "template", "svg", "math", "select", "button", "object",
    "datalist", "audio", "video", "canvas", "map",
})
#: Elements whose content the tokenizer does not parse for tags (and that give no prose either).
RAW_TEXT_ELEMENTS = frozenset({
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext",
})
VOID_ELEMENTS = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
})
#: Elements that may sit in ``<head>``; any other start tag ends it (its end tag is optional).
HEAD_ELEMENTS = frozenset({"base", "link", "meta", "noscript", "script", "style", "template", "title"})
#: An open element of the same name that a new start tag closes (``<li>`` after ``<li>``).
_SELF_CLOSING_SIBLINGS = frozenset({"li", "dt", "dd", "td", "th", "tr", "option", "p"})
#: Elements that stop that search (a nested list's ``<li>`` does not close its parent's).
_SCOPE_ELEMENTS = frozenset({"ul", "ol", "dl", "table", "div", "blockquote", "section", "article",
                             "body", "html", "td", "th", "li"})
#: Elements a block deletion never removes whole (it would take the page with it).
_STRUCTURE_ELEMENTS = frozenset({"html", "body", "main", "article", "head"})
#: Elements only a whole page has (a CMS fragment has none of them).
_PAGE_ELEMENTS = frozenset({"html", "head", "body"})
#: Elements that mark the article body of a page, by the marker :mod:`copylint.readers.body` knows.
_BODY_ELEMENTS = {"article": "<article>", "main": "<main>"}
_ARTICLE_BODY_ATTRIBUTE = re.compile(r"""[\s"'/]itemprop\s*=\s*["']?[^"'>]*\barticleBody\b""", re.IGNORECASE)

_HTML_SPACE = " \t\n\r\f"
_BLANKS_RE = re.compile(r"(?:[ \t\n\r\f]|<br\s*/?>)*", re.IGNORECASE)
_TAG_NAME_RE = re.compile(r"[A-Za-z][^\s/>]*")
_LEGACY_ENTITIES = "|".join(sorted((re.escape(k) for k in html5 if not k.endswith(";")), key=len, reverse=True))
_TEXT_PIECE_RE = re.compile(
    r"(?P<space>[ \t\n\r\f]+)"
    rf"|(?P<entity>&(?:\#[0-9]+;?|\#[xX][0-9a-fA-F]+;?|[A-Za-z][A-Za-z0-9]*;|(?:{_LEGACY_ENTITIES})))"
    r"|(?P<text>[^ \t\n\r\f&]+(?: [^ \t\n\r\f&]+)*|&)"  # words single-spaced read as they are
)


@dataclass(frozen=True, slots=True)
class _Element:
    name: str
    start: int  # source span of the whole element, tags included
    end: int
    text_start: int  # source span of its text, first to last character
    text_end: int


class _Reader:
    def __init__(self, source: str) -> None:
        self.source = source
        self.builder = ProseBuilder(source)
        self.runs = TextRuns()
        self.comments: list[Comment] = []
        self.elements: list[_Element] = []
        self.italics: list[tuple[int, int]] = []  # prose spans of <i> and <em> elements
        self.italic_starts: list[int] = []
        #: open elements: (name, start offset, number of text runs when it opened, skips content?)
        self.stack: list[tuple[str, int, int, bool]] = []
        self.open_names: dict[str, int] = {}  # how many elements of each name are open
        self.skipping = 0  # open elements whose content is not prose
        self.pending_break = ""  # a break to emit before the next text, standing for ``break_span``
        self.break_span = (0, 0)
        self.pending_space: tuple[int, int] | None = None
        self.line_open = False  # has text been emitted since the last break?
        self.is_page = False  # has the source a <!doctype>, <html>, <head> or <body>?
        #: elements marking the article body: (marker, prose start) by stack depth, then (marker, prose span)
        self.open_bodies: list[tuple[int, str, int]] = []
        self.bodies: list[tuple[str, int, int]] = []

    # -------------------------------------------------------------- tokenizer
    def tokenize(self) -> None:
        src, n = self.source, len(self.source)
        i = 1 if src.startswith("\ufeff") else 0
        text_from = i
        while i < n:
            lt = src.find("<", i)
            if lt < 0:
                break
            nxt = src[lt + 1:lt + 2]
            if nxt.isascii() and nxt.isalpha():
                self.text(text_from, lt)
                i = self._start_tag(lt)
            elif nxt == "/":
                third = src[lt + 2:lt + 3]
                if third.isascii() and third.isalpha():
                    self.text(text_from, lt)
                    i = self._end_tag(lt)
                elif third == ">":
                    self.text(text_from, lt)
                    i = lt + 3
                elif not third:
                    i = n  # "</" at the very end is text
                    continue
                else:
                    self.text(text_from, lt)
                    i = self._bogus_comment(lt, lt + 2)
            elif nxt == "!":
                self.text(text_from, lt)
                self.is_page = self.is_page or src[lt + 2:lt + 9].lower() == "doctype"
                i = self._comment(lt) if src.startswith("<!--", lt) else self._bogus_comment(lt, lt + 2)
            elif nxt == "?":
                self.text(text_from, lt)
                i = self._bogus_comment(lt, lt + 1)
            else:  # a "<" that starts no tag is text
                i = lt + 1
                continue
            text_from = i
        self.text(text_from, n)
        while self.stack:
            self._close_top(n)

    def _start_tag(self, lt: int) -> int:
        src = self.source
        m = _TAG_NAME_RE.match(src, lt + 1)
        assert m is not None
        name = m.group().lower()
        end, self_closing = _tag_end(src, m.end())
        if end > len(src):  # a tag cut off by the end of the file is dropped
            return len(src)
        if name in RAW_TEXT_ELEMENTS:
            close = re.compile(rf"</{re.escape(name)}[\s/>]", re.IGNORECASE).search(src, end)
            if close is None:
                return len(src)
            return _tag_end(src, close.start() + 2 + len(name))[0]
        if name == "br":
            self.request_break(LINE_BREAK, lt, end)
        elif name in BLOCK_ELEMENTS:
            self.request_break(PARAGRAPH_BREAK, lt)
        elif name in SKIPPED_ELEMENTS and not self.skipping:
            self._space_for_skipped(lt)
        self.is_page = self.is_page or name in _PAGE_ELEMENTS
        if name not in VOID_ELEMENTS and not (self_closing and name in ("svg", "math")):
            self._open(name, lt)
            marker = ("[itemprop=articleBody]" if _ARTICLE_BODY_ATTRIBUTE.search(src, m.end() - 1, end)
                      else _BODY_ELEMENTS.get(name))
            if marker:
                self.open_bodies.append((len(self.stack) - 1, marker, self.builder.length))
        return end

    def _end_tag(self, lt: int) -> int:
        src = self.source
        m = _TAG_NAME_RE.match(src, lt + 2)
        assert m is not None
        name = m.group().lower()
        end, _ = _tag_end(src, m.end())
        if end > len(src):
            return len(src)
        if name == "br":
            self.request_break(LINE_BREAK, lt, end)
            return end
        if name in BLOCK_ELEMENTS:
            self.request_break(PARAGRAPH_BREAK, lt)
        if self.open_names.get(name):
            while self.stack[-1][0] != name:
                self._close_top(lt)
            self._close_top(end)
        if name in SKIPPED_ELEMENTS and not self.skipping:
            self._space_for_skipped(lt)
        return end

    def _comment(self, lt: int) -> int:
        src = self.source
        for empty in ("<!-->", "<!--->"):
            if src.startswith(empty, lt):
                self.comments.append(Comment(lt, lt + len(empty), ""))
                return lt + len(empty)
        close = src.find("-->", lt + 4)
        # only a "--!>" before the "-->" matters: never search past it (once per comment, not to the end)
        bang_close = src.find("--!>", lt + 4, close + 3 if close >= 0 else len(src))
        if bang_close >= 0 and (close < 0 or bang_close < close):
            end, inner_end = bang_close + 4, bang_close
        elif close >= 0:
            end, inner_end = close + 3, close
        else:
            end = inner_end = len(src)
        self.comments.append(Comment(lt, end, src[lt + 4:inner_end]))
        return end

    def _bogus_comment(self, lt: int, start: int) -> int:
        close = self.source.find(">", start)
        return len(self.source) if close < 0 else close + 1

    # -------------------------------------------------------------- element stack
    def _open(self, name: str, at: int) -> None:
        if self.open_names.get("head") and name not in HEAD_ELEMENTS:  # the head ends where the body starts
            while self.stack[-1][0] != "head":
                self._close_top(at)
            self._close_top(at)
        if name in _SELF_CLOSING_SIBLINGS or name in BLOCK_ELEMENTS:
            self._close_sibling(name, at)
        skips = name in SKIPPED_ELEMENTS
        self.stack.append((name, at, len(self.runs), skips))
        if name in _ITALIC_ELEMENTS:
            self.italic_starts.append(self.builder.length)
        self.open_names[name] = self.open_names.get(name, 0) + 1
        self.skipping += skips

    def _close_sibling(self, name: str, at: int) -> None:
        """Close an open ``<p>`` (before any block) or an open element of the same name (``<li>``)."""
        for depth in range(len(self.stack) - 1, -1, -1):
            open_name = self.stack[depth][0]
            if (open_name == name and name in _SELF_CLOSING_SIBLINGS) or open_name == "p":
                while len(self.stack) > depth:
                    self._close_top(at)
                return
            if open_name in _SCOPE_ELEMENTS:
                return

    def _close_top(self, end: int) -> None:
        if self.open_bodies and self.open_bodies[-1][0] == len(self.stack) - 1:
            _, marker, prose_start = self.open_bodies.pop()
            self.bodies.append((marker, prose_start, self.builder.length))
        name, start, first_run, skips = self.stack.pop()
        if name in _ITALIC_ELEMENTS and self.italic_starts:
            self.italics.append((self.italic_starts.pop(), self.builder.length))
        self.open_names[name] -= 1
        self.skipping -= skips
        text = self.runs.span(first_run, len(self.runs))
        if text is not None and name not in _STRUCTURE_ELEMENTS:
            self.elements.append(_Element(name, start, end, text[0], text[1]))

    # -------------------------------------------------------------- prose
    def request_break(self, kind: str, start: int, end: int | None = None) -> None:
        """A break before the next text; a ``<br>`` tag (``start``-``end``) is the break's source."""
        if self.skipping or not self.builder.length:
            return
        self.pending_space = None
        end = start if end is None else end
        if self.line_open or not self.pending_break:
            self.pending_break = kind
            self.break_span = (start, end)
        else:  # <br><br>, or a block after a <br>: a paragraph break covering the <br> tags
            self.pending_break = PARAGRAPH_BREAK
            if kind == LINE_BREAK and self.break_span[1] > self.break_span[0]:
                self.break_span = (self.break_span[0], end)
        self.line_open = False

    def _space_for_skipped(self, at: int) -> None:
        """Skipped content (a code span) still separates the words around it."""
        if self.line_open and self.pending_space is None:
            self.pending_space = (at, at)

    def text(self, start: int, end: int) -> None:
        if self.skipping or start >= end:
            return
        src = self.source
        for m in _TEXT_PIECE_RE.finditer(src, start, end):
            s, e = m.span()
            kind = m.lastgroup
            if kind == "space":
                if self.line_open and self.pending_space is None:
                    self.pending_space = (s, e)
                continue
            self._flush()
            if kind == "entity":
                decoded = html.unescape(m.group())
                if decoded != m.group():
                    self.builder.replace(s, e, decoded)
                    self.runs.add(s, e, decoded)
                    continue
            self.builder.copy(s, e)
            self.runs.add(s, e, m.group())

    def _flush(self) -> None:
        if self.pending_break:
            self.builder.replace(*self.break_span, self.pending_break)
            self.pending_break = ""
        elif self.pending_space is not None:
            s, e = self.pending_space
            if self.source[s:e] == " ":
                self.builder.copy(s, e)
            elif s == e:
                self.builder.insert(" ", s)
            else:
                self.builder.replace(s, e, " ")
        self.pending_space = None
        self.line_open = True

    # -------------------------------------------------------------- deletions
    def widen_deletion(self, start: int, end: int) -> tuple[int, int]:
        """A deletion of a whole block becomes the deletion of the element that held only it."""
        core = self.runs.core(start, end)
        if core is None:
            return start, end
        first, last = core
        outer_start = outer_end = None
        for el in self.elements:
            if el.text_start >= start and el.text_end <= end:
                if el.text_start == first and (outer_start is None or el.start < outer_start):
                    outer_start = el.start
                if el.text_end == last and (outer_end is None or el.end > outer_end):
                    outer_end = el.end
        src = self.source
        if outer_start is None:  # keep the rule's span where it only adds blanks and line breaks
            outer_start = start if _BLANKS_RE.fullmatch(src, start, first) else first
        if outer_end is None:
            outer_end = end if _BLANKS_RE.fullmatch(src, last, end) else last
        return whole_lines(src, outer_start, outer_end)


def _tag_end(src: str, i: int) -> tuple[int, bool]:
    """End of a tag whose attributes start at ``i``, and whether it ends in ``/>``.

    Quoted attribute values may hold ``>``. A tag the file ends inside returns ``len(src) + 1``.
    """
    n = len(src)
    while i < n:
        c = src[i]
        if c == ">":
            return i + 1, src[i - 1] == "/"
        if c in _HTML_SPACE or c == "/":
            i += 1
            continue
        j = i + 1  # an attribute name
        while j < n and src[j] not in _HTML_SPACE and src[j] not in "/>=":
            j += 1
        k = j
        while k < n and src[k] in _HTML_SPACE:
            k += 1
        if k < n and src[k] == "=":
            k += 1
            while k < n and src[k] in _HTML_SPACE:
                k += 1
            if k < n and src[k] in "\"'":
                close = src.find(src[k], k + 1)
                if close < 0:
                    return n + 1, False
                i = close + 1
            else:
                while k < n and src[k] not in _HTML_SPACE and src[k] != ">":
                    k += 1
                i = k
        else:
            i = j
    return n + 1, False


#: elements whose text is set in italics (titles, foreign words, terms)
_ITALIC_ELEMENTS = frozenset({"i", "em", "cite"})


@reader("html", (".html", ".htm", ".xhtml"))
def read_html(source: str, path: str) -> Document:
    r = _Reader(source)
    r.tokenize()
    prose, offsets = r.builder.build()
    return Document(path=path, source=source, prose=prose, offsets=offsets, format="html",
                    comments=tuple(r.comments), italics=tuple(sorted(r.italics)), widen_deletion=r.widen_deletion,
                    body=article_body(prose, r.bodies, r.is_page))
