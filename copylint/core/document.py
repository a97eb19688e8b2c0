"""The document model: one object per input, shared by every rule.

A :class:`Document` holds the decoded *source*, the *prose* a rule should see (markup removed,
entities decoded) and an exact :class:`OffsetMap` from prose offsets back to source offsets.
Lines, paragraphs, sentences and word tokens are computed once, on first use, and shared.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, NamedTuple, TypeVar

T = TypeVar("T")


class OffsetMap:
    """Maps prose offsets to source offsets.

    The prose is a sequence of segments. An *aligned* segment has as many prose characters as source
    characters, one for one. Any other segment (an entity such as ``&amp;`` read as ``&``, or a
    paragraph break that a reader inserted) maps as a whole: a span that touches it covers all of
    its source text.
    """

    __slots__ = (
        "_prose_lens",
        "_prose_starts",
        "_source_lens",
        "_source_starts",
        "prose_length",
        "source_length",
    )

    def __init__(self, prose_starts: list[int], source_starts: list[int], prose_lens: list[int],
                 source_lens: list[int], prose_length: int, source_length: int) -> None:
        self._prose_starts = prose_starts
        self._source_starts = source_starts
        self._prose_lens = prose_lens
        self._source_lens = source_lens
        self.prose_length = prose_length
        self.source_length = source_length

    @classmethod
    def identity(cls, length: int) -> OffsetMap:
        return cls([0], [0], [length], [length], length, length)

    def _segment(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self._prose_starts, offset) - 1)

    def start(self, offset: int) -> int:
        """Source offset where the prose character at ``offset`` begins."""
        if offset >= self.prose_length:
            return self.source_length if not self._prose_starts else self.end(self.prose_length)
        i = self._segment(offset)
        p0, s0 = self._prose_starts[i], self._source_starts[i]
        if self._prose_lens[i] == self._source_lens[i]:
            return s0 + (offset - p0)
        return s0

    def end(self, offset: int) -> int:
        """Source offset just after the prose character before ``offset``."""
        if offset <= 0:
            return self.start(0) if self.prose_length else 0
        i = self._segment(offset - 1)
        p0, s0 = self._prose_starts[i], self._source_starts[i]
        if self._prose_lens[i] == self._source_lens[i]:
            return s0 + (offset - p0)
        return s0 + self._source_lens[i]

    def segments(self, start: int, end: int) -> list[tuple[int, int, int, int]]:
        """(prose start, source start, prose length, source length) of the segments that hold prose
        offsets ``[start, end)``."""
        first = self._segment(start)
        last = self._segment(max(start, end - 1))
        return [(self._prose_starts[i], self._source_starts[i], self._prose_lens[i], self._source_lens[i])
                for i in range(first, last + 1)]

    def whole_segments(self, start: int, end: int) -> tuple[int, int]:
        """``[start, end)`` widened so that it cuts no segment that maps as a whole."""
        for i in {self._segment(start), self._segment(max(start, end - 1))}:
            ps, pl = self._prose_starts[i], self._prose_lens[i]
            if pl != self._source_lens[i] and ps < end and start < ps + pl:
                start, end = min(start, ps), max(end, ps + pl)
        return start, end

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Source span of the prose span ``[start, end)``."""
        s = self.start(start)
        if end <= start:
            return s, s
        return s, max(s, self.end(end))

    def sliced(self, start: int, end: int) -> OffsetMap:
        """The map of the prose ``[start, end)`` alone (its offsets counted from ``start``), to the same
        source. A segment cut by either edge keeps its kind: an aligned one is cut with it, any other
        still stands for all of its source characters."""
        prose_starts: list[int] = []
        source_starts: list[int] = []
        prose_lens: list[int] = []
        source_lens: list[int] = []
        for i in range(self._segment(start), len(self._prose_starts)):
            p0, s0, n, m = self._prose_starts[i], self._source_starts[i], self._prose_lens[i], self._source_lens[i]
            if p0 >= end:
                break
            a, b = max(p0, start), min(p0 + n, end)
            if b <= a:
                continue
            prose_starts.append(a - start)
            prose_lens.append(b - a)
            if n == m:
                source_starts.append(s0 + a - p0)
                source_lens.append(b - a)
            else:
                source_starts.append(s0)
                source_lens.append(m)
        if not prose_starts:
            at = self.start(start)
            return OffsetMap([0], [at], [0], [0], 0, self.source_length)
        return OffsetMap(prose_starts, source_starts, prose_lens, source_lens, end - start, self.source_length)


#: a run of non-ASCII characters (where normal form C may differ from the text)
_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")


class ProseBuilder:
    """Builds prose and its offset map, for readers."""

    def __init__(self, source: str) -> None:
        self.source = source
        self._parts: list[str] = []
        self._length = 0
        self._prose_starts: list[int] = []
        self._source_starts: list[int] = []
        self._prose_lens: list[int] = []
        self._source_lens: list[int] = []

    @property
    def length(self) -> int:
        return self._length

    def _add(self, text: str, source_start: int, source_len: int) -> None:
        if not text and not source_len:
            return
        n = len(text)
        if (self._prose_starts and n == source_len and self._prose_lens[-1] == self._source_lens[-1]
                and self._source_starts[-1] + self._source_lens[-1] == source_start):
            self._prose_lens[-1] += n
            self._source_lens[-1] += n
        else:
            self._prose_starts.append(self._length)
            self._source_starts.append(source_start)
            self._prose_lens.append(n)
            self._source_lens.append(source_len)
        self._parts.append(text)
        self._length += n

    def copy(self, start: int, end: int, text: str | None = None) -> None:
        """Append ``source[start:end]`` (or same-length ``text`` standing for it) one for one."""
        piece = self.source[start:end] if text is None else text
        if len(piece) != end - start:
            raise ValueError("an aligned copy must keep the length of the source span")
        self._add(piece, start, end - start)

    def replace(self, start: int, end: int, text: str) -> None:
        """Append ``text`` standing, as a whole, for ``source[start:end]`` (an entity, say)."""
        self._add(text, start, end - start)

    def insert(self, text: str, at: int) -> None:
        """Append ``text`` that has no source characters (a paragraph break), placed at ``at``."""
        self._add(text, at, 0)

    def build(self) -> tuple[str, OffsetMap]:
        """The prose, in Unicode normal form C, and its map back to the source.

        Copy written with decomposed accents ("re\u0301sume\u0301") reads as the composed copy
        ("résumé") for the rules; each composed stretch stands, as a whole, for the characters of the
        source it came from, so findings and fixes still point at (and replace) all of them."""
        prose = "".join(self._parts)
        if not self._prose_starts:
            return prose, OffsetMap([0], [0], [0], [0], 0, len(self.source))
        offsets = OffsetMap(self._prose_starts, self._source_starts, self._prose_lens,
                            self._source_lens, self._length, len(self.source))
        if prose.isascii() or unicodedata.is_normalized("NFC", prose):
            return prose, offsets
        return self._composed(prose, offsets)

    def _composed(self, prose: str, offsets: OffsetMap) -> tuple[str, OffsetMap]:
        """``prose`` (not in NFC) composed, with its map. A character never composes with the ASCII
        character after it, so each run of non-ASCII characters, with the character before it, is
        normalised on its own; a run that changes becomes one stretch standing for its source."""
        out = ProseBuilder(self.source)
        done = 0
        for m in _NON_ASCII_RUN.finditer(prose):
            start, end = offsets.whole_segments(max(0, m.start() - 1), m.end())
            if start < done:
                continue  # within a stretch already taken whole
            piece = prose[start:end]
            composed = unicodedata.normalize("NFC", piece)
            if composed == piece:
                continue
            self._copy_mapped(out, offsets, prose, done, start)
            out.replace(*offsets.span(start, end), composed)
            done = end
        self._copy_mapped(out, offsets, prose, done, len(prose))
        return "".join(out._parts), OffsetMap(out._prose_starts, out._source_starts, out._prose_lens,
                                              out._source_lens, out._length, len(self.source))

    def _copy_mapped(self, out: ProseBuilder, offsets: OffsetMap, prose: str, start: int, end: int) -> None:
        """Append ``prose[start:end]`` to ``out`` with the mapping it has in ``offsets``."""
        for ps, ss, pl, sl in offsets.segments(start, end):
            a, b = max(start, ps), min(end, ps + pl)
            if a >= b:
                continue
            if pl == sl:
                out._add(prose[a:b], ss + (a - ps), b - a)
            else:  # a stretch standing as a whole for its source (never cut: see whole_segments)
                out._add(prose[a:b], ss, sl)


@dataclass(frozen=True, slots=True)
class Comment:
    """A markup comment found by a reader (the engine reads suppression directives from these)."""

    start: int  # source offsets
    end: int
    text: str  # the comment's inner text


class Token(NamedTuple):
    """A token of the prose. ``kind`` is one of :data:`TOKEN_KINDS`. (A named tuple: a document
    makes one per word, and a tuple is built several times faster than a frozen dataclass.)"""

    start: int
    end: int
    text: str
    kind: str
    sentence_start: bool


TOKEN_KINDS = ("word", "number", "url", "email", "handle", "hashtag")

_APOS = "'’"
_URL_CHARS = r"""[^\s<>"'“”‘’()\[\]]"""
#: the last character of a URL (not punctuation that ends the sentence around it)
_URL_END = r"""[^\s<>"'“”‘’()\[\].,;:!?]"""
#: The token grammar. Every kind that scans a run of characters (a domain, an e-mail address, a
#: number) may start only where its run starts, so that no run is scanned from each of its
#: characters in turn: the scan takes linear time whatever the text (a run of 80,000 hyphens, dots
#: or apostrophes is read once, not 80,000 times). A domain may follow hyphens, an address dots,
#: pluses or hyphens (``(+ed@bbc.co.uk)``), which are left out of the token. Where a run starts
#: right after another token (``@bbc.co.uk`` is the handle ``@bbc``, then ``.co.uk``), its rest
#: reads as words. A URL after ``http://`` or ``www.`` is read in one pass (possessive
#: quantifiers), and so are words.
_TOKEN_RE = re.compile(
    rf"""(?P<url>\b(?:https?://|www\.){_URL_CHARS}(?:[.,;:!?]*+{_URL_END})++)
      |(?<![A-Za-z0-9-])(?<![A-Za-z0-9-]\.)-*+
       (?P<domain>\b[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.(?i:com|org|net|gov|edu|co\.uk|uk|io|info|tv|eu)\b
                  (?:/{_URL_CHARS}*{_URL_END})?)
      |(?<![\w.+-])[.+-]*+(?P<email>\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b)
      |(?P<handle>(?<![\w@])@\w+)
      |(?P<hashtag>(?<![\w#&])\#[^\W\d_]\w*)
      |(?P<number>(?<![\w'’.-])[\w'’.-]*\d[\w'’.,%-]*(?<![.,'’-]))
      |(?P<word>[^\W\d_]++(?:[-'’.][^\W\d_]++)*+(?:['’](?=\s|$|[^\w]))?)
    """,
    re.VERBOSE,
)
#: characters no token starts with
_SKIP = r"[^\w'’.+\-@\#]"
#: What :attr:`Document.tokens` scans with: the same tokens as ``_TOKEN_RE``, found faster. A run of
#: characters no token can start with is skipped in one step (only from its first character, so
#: a long run that no token follows is passed over once), and a plain word (letters followed by
#: nothing that could extend it into a URL, e-mail address, number or longer word) is matched
#: first, without trying the other kinds: each of them needs a digit, ``.``, ``@``, ``-``, ``+``,
#: an apostrophe or ``://`` at or right after the letters. Tokens are the groups of this pattern.
_SCAN_RE = re.compile(
    rf"(?:(?<!{_SKIP}){_SKIP}++)?(?:(?P<plain>[^\W\d_]++(?![\w'’.+@-])(?!:/))|" + _TOKEN_RE.pattern + ")",
    re.VERBOSE,
)
#: token kind of each group of a token pattern, by group name
KIND_OF = {"plain": "word", "domain": "url"}
#: token kind by group number (group 0, the whole match, is never a token's group)
_KIND_OF_GROUP = ("", *(KIND_OF.get(name, name)
                        for name, _ in sorted(_SCAN_RE.groupindex.items(), key=lambda item: item[1])))
_SENTENCE_END = frozenset(".!?")
_OPENERS = frozenset("\"'“‘([«—–- \t\u00a0")
#: Words that end in a full stop without ending a sentence.
ABBREVIATIONS = frozenset({
    "mr", "mrs", "ms", "dr", "st", "prof", "sr", "jr", "gen", "col", "lt", "sgt", "capt", "rev", "gov",
    "sen", "rep", "co", "corp", "inc", "ltd", "no", "vs", "v", "etc", "eg", "ie", "approx", "jan", "feb",
    "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "u.n", "a.m",
    "p.m", "e.g", "i.e", "mt", "ft", "fig", "cf", "al",
})
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\u00a0\ufeff]*\n\s*")


@dataclass(frozen=True, slots=True)
class Region:
    """A part of the prose (``[start, end)``) and what told the reader where it is."""

    start: int
    end: int
    #: what marked it: "<article>", "[itemprop=articleBody]", "<main>", "the densest block of prose"
    found_by: str


@dataclass
class Document:
    """One input, as every rule sees it."""

    path: str
    source: str
    prose: str
    offsets: OffsetMap
    format: str = "text"
    comments: tuple[Comment, ...] = ()
    #: prose spans set in italics by the markup (Markdown ``*…*``, HTML ``<i>``/``<em>``): titles,
    #: foreign words and terms being introduced
    italics: tuple[tuple[int, int], ...] = ()
    #: Widens a source span being deleted to the whole markup block that holds only it.
    widen_deletion: Callable[[int, int], tuple[int, int]] | None = field(default=None, repr=False)
    #: The article body of a full web page (None: the whole prose is the copy, as in a CMS fragment).
    body: Region | None = None
    #: Prose spans of web furniture (sorted, not overlapping), marked by the rules that find it before
    #: the other rules run (see :meth:`mark_furniture`): rules that read copy skip them.
    furniture: tuple[tuple[int, int], ...] = ()
    _memo: dict[Hashable, Any] = field(default_factory=dict, init=False, repr=False, compare=False)

    def within(self, region: Region) -> Document:
        """The same input, with only the prose of ``region`` to check (offsets still point into the
        whole source, so findings and fixes stay exact)."""
        start, end = region.start, region.end
        italics = tuple((max(s, start) - start, min(e, end) - start) for s, e in self.italics if s < end and e > start)
        return Document(path=self.path, source=self.source, prose=self.prose[start:end],
                        offsets=self.offsets.sliced(start, end), format=self.format,
                        comments=self.comments, italics=italics, widen_deletion=self.widen_deletion)

    # ---------------------------------------------------------------- furniture
    def mark_furniture(self, spans: Iterable[tuple[int, int]]) -> None:
        """Record prose spans that are web furniture, not copy (the engine does, for the rules that
        run after the rules that find furniture)."""
        merged: list[tuple[int, int]] = []
        for s, e in sorted(span for span in spans if span[1] > span[0]):
            if merged and s <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], e))
            else:
                merged.append((s, e))
        self.furniture = tuple(merged)
        self.__dict__.pop("prose_without_furniture", None)

    def in_furniture(self, start: int, end: int) -> bool:
        """Does the prose span ``[start, end)`` touch a span marked as furniture?"""
        spans = self.furniture
        if not spans:
            return False
        i = bisect.bisect_right(spans, (start, len(self.prose) + 1)) - 1
        return (i >= 0 and spans[i][1] > start) or (i + 1 < len(spans) and spans[i + 1][0] < end)

    @cached_property
    def prose_without_furniture(self) -> str:
        """The prose with every furniture span blanked out (same length, same lines): for rules that
        count or scan words of the copy over the whole text."""
        if not self.furniture:
            return self.prose
        parts = []
        last = 0
        for s, e in self.furniture:
            parts.append(self.prose[last:s])
            parts.append(re.sub(r"[^\n]", " ", self.prose[s:e]))
            last = e
        parts.append(self.prose[last:])
        return "".join(parts)

    def memo(self, key: Hashable, compute: Callable[[], T]) -> T:
        """``compute()``, run once per document and shared by every rule that asks for ``key``: an
        analysis that two rules of one family both read (a document is checked by one thread)."""
        try:
            return self._memo[key]
        except KeyError:
            value = self._memo[key] = compute()
            return value

    # ---------------------------------------------------------------- source positions
    @cached_property
    def line_starts(self) -> list[int]:
        """Source offsets at which each source line starts ("\\n" ends a line; in a file whose lines
        all end in a lone carriage return, old Mac style, "\\r" does)."""
        starts = [0]
        end = line_end(self.source)
        find = self.source.find
        i = find(end)
        while i >= 0:
            starts.append(i + 1)
            i = find(end, i + 1)
        return starts

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a source offset; columns count characters."""
        starts = self.line_starts
        i = bisect.bisect_right(starts, offset) - 1
        return i + 1, offset - starts[i] + 1

    # ---------------------------------------------------------------- prose structure
    @cached_property
    def lines(self) -> list[tuple[int, int]]:
        """Prose line spans, without their newline."""
        out = []
        start = 0
        find = self.prose.find
        i = find("\n")
        while i >= 0:
            out.append((start, i))
            start = i + 1
            i = find("\n", start)
        out.append((start, len(self.prose)))
        return out

    @cached_property
    def paragraphs(self) -> list[tuple[int, int]]:
        """Prose spans of blocks separated by blank lines, stripped of surrounding whitespace."""
        out = []
        prose = self.prose
        pos = 0
        for m in _PARAGRAPH_BREAK.finditer(prose):
            out.append((pos, m.start()))
            pos = m.end()
        out.append((pos, len(prose)))
        spans = []
        for s, e in out:
            while s < e and prose[s].isspace():
                s += 1
            while e > s and prose[e - 1].isspace():
                e -= 1
            if e > s:
                spans.append((s, e))
        return spans

    @cached_property
    def tokens(self) -> list[Token]:
        """Word, number, URL, e-mail, @handle and #hashtag tokens of the prose, in order."""
        prose = self.prose
        out: list[Token] = []
        append = out.append
        kinds = _KIND_OF_GROUP
        verdicts = _GAP_VERDICTS
        new_token = tuple.__new__  # what Token(...) calls, without its Python-level __new__
        last_end = -2  # before the first token: no gap of one character can end here
        prev_word = ""
        for m in _SCAN_RE.finditer(prose):
            group = m.lastindex
            s, e = m.span(group)
            if s - last_end == 1 and prose[last_end] == " ":
                boundary = False  # the common case: one space, no punctuation between two tokens
            elif last_end < 0:
                boundary = True
            else:
                gap = prose[last_end:s]
                verdict = verdicts.get(gap)
                if verdict is None:
                    verdict = _gap_verdict(gap)
                    if len(verdicts) < _GAP_CACHE_SIZE and len(gap) <= _GAP_CACHE_LENGTH:
                        verdicts[gap] = verdict
                boundary = verdict if verdict is not _DEPENDS else _starts_sentence(prose, last_end, s, prev_word)
            prev_word = prose[s:e]
            append(new_token(Token, (s, e, prev_word, kinds[group], boundary)))
            last_end = e
        return out

    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        """Prose spans of sentences (a paragraph break always ends one)."""
        out = []
        tokens = self.tokens
        starts = [t.start for t in tokens if t.sentence_start]
        for ps, pe in self.paragraphs:
            i = bisect.bisect_left(starts, ps)
            cur = ps
            while i < len(starts) and starts[i] < pe:
                if starts[i] > cur:
                    out.append((cur, _rstrip(self.prose, cur, starts[i])))
                    cur = starts[i]
                i += 1
            out.append((cur, pe))
        return out

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Source span of a prose span."""
        return self.offsets.span(start, end)


def line_end(source: str) -> str:
    """The character that ends a line of ``source``: "\\n", or "\\r" when the file's line endings
    are lone carriage returns (it holds no "\\n" at all)."""
    return "\r" if "\r" in source and "\n" not in source else "\n"


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


#: the gap between two tokens says whether the second starts a sentence, or it depends on the first
_DEPENDS = object()
#: gap -> True, False or _DEPENDS (gaps repeat: ", ", ". ", "\n\n"); thread-safe, bounded
_GAP_VERDICTS: dict[str, object] = {}
_GAP_CACHE_SIZE = 10_000
#: longer gaps (a run of blank lines, say) are rare and not remembered: the cache stays small
_GAP_CACHE_LENGTH = 64
_GAP_STRIP = "".join(sorted(_OPENERS)) + "\"'”’)]»"


def _gap_verdict(gap: str) -> object:
    """What :func:`_starts_sentence` answers for ``gap`` whatever the previous token, if anything."""
    if "\n" in gap:
        stripped = gap.replace(" ", "").replace("\t", "").replace("\r", "")
        return True if "\n\n" in stripped else _DEPENDS
    core = gap.strip(_GAP_STRIP) or gap.strip()
    if not core or core[0] == ".":
        return _DEPENDS
    return core[0] in _SENTENCE_END or core[0] == ":"


def _starts_sentence(prose: str, prev_end: int, start: int, prev_word: str) -> bool:
    """Does a token at ``start`` begin a sentence, given the previous token ended at ``prev_end``?"""
    gap = prose[prev_end:start]
    if "\n" in gap:
        stripped = gap.replace(" ", "").replace("\t", "").replace("\r", "")
        if "\n\n" in stripped:
            return True
        # a single line break: a new sentence unless the line looks hard-wrapped mid-sentence
        last = prose[prev_end - 1] if prev_end else ""
        return not ((last.isalpha() and last.islower()) or last in ",;-–(")
    core = gap.strip(_GAP_STRIP)
    if not core:
        core = gap.strip()
    if not core:
        # "U.S." style abbreviations end with the token itself
        if prev_word.endswith(".") and prev_word.lower().rstrip(".") not in ABBREVIATIONS:
            return True
        return False
    if core[0] in _SENTENCE_END or core[0] == ":":
        return prev_word.lower() not in ABBREVIATIONS or core[0] != "."
    return False
