"""Name mentions: runs of capitalised words in the prose, with particles, titles and possessives.

A mention is a run of name tokens (words holding a capital: ``Kim``, ``Jong-un``, ``al-Assad``,
``O'Neill``, ``McDonald``, ``iPod``) joined by one space or one line break, with lowercase particles
between them (``Abu Bakr al-Baghdadi``, ``Charles de Gaulle``). Leading titles (``Mr``,
``President``) are kept apart from the name; a possessive (``Kim's``) ends the mention and is not
part of it. The scanner is one regular expression over the prose, so it is linear in its length.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from typing import NamedTuple

from copylint.core.document import ABBREVIATIONS

#: every uppercase letter of the Latin, Greek and Cyrillic blocks (Python's ``re`` has no \p{Lu})
_UPPER = "".join(chr(c) for c in range(0x41, 0x530) if chr(c).isupper())
_LETTER = r"[^\W\d_]"
_LOWER = rf"[^\W\d_{_UPPER}]"
#: a word holding a capital: Kim, Jong-un, O'Neill, McDonald, al-Assad, iPod, eBay, d'Estaing
_NAME_TOKEN = (rf"(?:[{_UPPER}]{_LETTER}*|{_LOWER}{{1,3}}['’\-]?[{_UPPER}]{_LETTER}*)"
               rf"(?:['’\-]{_LETTER}+)*")
#: one space, or one line break (a mention may be wrapped across lines, never across paragraphs)
_JOIN = r"(?:[ \u00a0]|[ \t]*\n[ \t]*)"
#: a word right after one of these is part of a handle, a hashtag or (after a slash) maybe a URL
_ADDRESS_BEFORE = "@#/"
#: a word followed by this is part of a domain, an e-mail address or a dotted abbreviation
#: (``LiveNation.com``, ``claw@HighRoad.com``, the ``U`` of ``Pakistan-U.S.``)
_ADDRESS_AFTER = re.compile(r"[.@]\w")
_ADDRESS_MARKS = frozenset(".@")
_POSSESSIVE = ("'s", "’s")
#: endings that make a word a contraction (We'll, They’re, Couldn't), never a name
_CONTRACTION = re.compile(r"(?:['’](?:ll|re|ve|d|m)|n['’]t)$", re.IGNORECASE)


def is_contraction(word: str) -> bool:
    """Is ``word`` a contraction (We'll, They’re, I'd, Don't)? Names end otherwise (O'Neill, D'Arcy)."""
    return ("'" in word or "’" in word) and _CONTRACTION.search(word) is not None
_OPENERS = " \t\u00a0\"'“‘([«"
_CLOSERS = "\"'”’)]»"
#: what may stand before a space and a sentence's first word (a full stop, a closing quote, a line
#: break); after anything else and a space a word never begins a sentence
_MARKS_BEFORE_SPACE = frozenset(_OPENERS + _CLOSERS + "\n!?…:.")


#: what a run of characters holding a URL path shows (Nielsen/NetRatings is two names, not a path)
_URL_MARK = re.compile(r"://|www\.|\.[a-z]{2,4}/")


class _UrlMarks:
    """Where a text's URL marks and word breaks are, found once, so that asking whether a word is in
    a URL costs two look-ups, not a search of its whole run of characters (a pasted blob is one run)."""

    def __init__(self, prose: str) -> None:
        marks = [m.span() for m in _URL_MARK.finditer(prose)]
        self._starts = [s for s, _ in marks]
        self._ends = [e for _, e in marks]
        self._breaks = [m.start() for m in _WORD_BREAK.finditer(prose)]

    def in_url(self, pos: int) -> bool:
        """Is the word at ``pos``, written right after a slash, part of a URL (``bbc.co.uk/News``):
        is there a URL mark between the start of its run of characters and ``pos``?"""
        k = bisect.bisect_left(self._breaks, pos)
        begin = self._breaks[k - 1] + 1 if k else 0
        i = bisect.bisect_left(self._starts, begin)
        return i < len(self._starts) and self._ends[i] <= pos


_WORD_BREAK = re.compile(r"[ \n]")


#: builds a named tuple without the Python frame of its ``__new__`` (an article has hundreds)
_new = tuple.__new__


class NameToken(NamedTuple):
    """One word of a mention, in prose offsets; a possessive ending is left out of the span."""

    start: int
    end: int
    text: str


class Mention(NamedTuple):
    """A run of name tokens, after its leading titles."""

    tokens: tuple[NameToken, ...]
    #: the titles written before the name ("Mr", "Prime Minister"), or ""
    title: str
    #: the first token begins a sentence (so its capital says nothing about it being a name)
    sentence_start: bool
    #: a lowercase word written right after the mention, one space away (the "un" of "Kim Jong un")
    tail: NameToken | None
    #: a word of a handle, hashtag, web or e-mail address or dotted abbreviation (@DanaQuill,
    #: LarkTickets.com, the U of U.S.): compared only with other such words, never with prose names
    address: bool = False


class MentionScanner:
    """Finds the mentions of one text; built once from the particle and title lists."""

    def __init__(self, particles: frozenset[str], titles: frozenset[str]) -> None:
        self.titles = titles
        self.particles = particles
        part = _alternation(particles)
        self._run = re.compile(
            rf"(?<![\w'’\-.])(?:(?:{part}){_JOIN})?{_NAME_TOKEN}"
            rf"(?:{_JOIN}(?:(?:{part}){_JOIN})*{_NAME_TOKEN})*(?![\w])"
            rf"(?=[ \u00a0]({_LOWER}+)(?![\w'’\-]))?")
        self._word = re.compile(r"[^\s\u00a0]+")

    def mentions(self, prose: str) -> list[Mention]:
        """Every mention in ``prose``, in order."""
        out: list[Mention] = []
        titles = self.titles
        urls: _UrlMarks | None = None
        for m in self._run.finditer(prose):
            start, end = m.span()
            whole, tail_text = m.group(0, 1)
            address_before = start > 0 and prose[start - 1] in _ADDRESS_BEFORE
            if address_before and prose[start - 1] == "/":
                urls = urls or _UrlMarks(prose)
                address_before = urls.in_url(start)
            address_after = prose[end:end + 1] in _ADDRESS_MARKS and _ADDRESS_AFTER.match(prose, end) is not None
            if address_before or address_after:
                self._split_addresses(prose, m, address_before, address_after, out)
                continue
            tail = _new(NameToken, (end + 1, m.end(1), tail_text)) if tail_text else None
            if " " not in whole and "\n" not in whole and "\u00a0" not in whole:  # one word, most often
                if whole.endswith(_POSSESSIVE) and len(whole) > 3:
                    end, whole, tail = end - 2, whole[:-2], None
                if whole not in titles and not is_contraction(whole):  # a title alone is no name
                    # after a word (or a comma) and a space, most often: sentence_starts_at's first test
                    plain = start > 1 and prose[start - 1] == " " and prose[start - 2] not in _MARKS_BEFORE_SPACE
                    initial = not plain and sentence_starts_at(prose, start)
                    out.append(_new(Mention, ((_new(NameToken, (start, end, whole)),), "", initial, tail, False)))
                continue
            self._close_words(prose, start, whole, tail, out)
        return out

    def _close_words(self, prose: str, start: int, run: str, tail: NameToken | None, out: list[Mention]) -> None:
        """Append the mentions of ``run`` (written at ``start``): a possessive ends a mention."""
        if "\n" in run or "\u00a0" in run:
            words = [(start + w.start(), w.group()) for w in self._word.finditer(run)]
        else:  # words joined by single spaces, most often
            words = []
            s = start
            for text in run.split(" "):
                words.append((s, text))
                s += len(text) + 1
        tokens: list[NameToken] = []
        for s, text in words:
            if is_contraction(text):  # "We'll Smith": a contraction ends a mention and is not part of it
                self._close(prose, tokens, None, out)
                tokens = []
                continue
            if text.endswith(_POSSESSIVE) and len(text) > 3:
                tokens.append(_new(NameToken, (s, s + len(text) - 2, text[:-2])))
                self._close(prose, tokens, None, out)
                tokens = []
                continue
            tokens.append(_new(NameToken, (s, s + len(text), text)))
        self._close(prose, tokens, tail, out)

    def _split_addresses(self, prose: str, m: re.Match[str], before: bool, after: bool,
                         out: list[Mention]) -> None:
        """Append the mentions of a run whose first word follows an @, # or URL slash and/or whose
        last word goes on as an address: those words are address mentions, the rest plain ones."""
        words = [(m.start() + w.start(), m.start() + w.end()) for w in self._word.finditer(m.group())]
        first, last = words[0], words[-1]
        if before:
            out.append(Mention((NameToken(*first, prose[first[0]:first[1]]),), "", False, None, True))
            words = words[1:]
        if after and words:
            words = words[:-1]
        if words:
            self._close_words(prose, words[0][0], prose[words[0][0]:words[-1][1]], None, out)
        if after and not (before and first == last):
            out.append(Mention((NameToken(*last, prose[last[0]:last[1]]),), "", False, None, True))

    def _close(self, prose: str, tokens: list[NameToken], tail: NameToken | None, out: list[Mention]) -> None:
        """Append the mention made of ``tokens``, its leading titles split off."""
        if not tokens:
            return
        start = tokens[0][0]
        plain = start > 1 and prose[start - 1] == " " and prose[start - 2] not in _MARKS_BEFORE_SPACE
        initial = not plain and sentence_starts_at(prose, start)
        n = len(tokens)
        i = 0
        while i < n - 1 and tokens[i][2] in self.titles:
            i += 1
        if i == n - 1 and tokens[i][2] in self.titles:
            return
        title = " ".join(t[2] for t in tokens[:i]) if i else ""
        out.append(_new(Mention, (tuple(tokens[i:]), title, initial and not i, tail, False)))


def _alternation(words: Iterable[str]) -> str:
    """A pattern matching exactly ``words``, as a tree of shared beginnings (``d(?:e(?:l)?|u)``):
    the regex engine tries each first letter once instead of every word."""
    rests: dict[str, list[str]] = {}
    for word in words:
        rests.setdefault(word[0], []).append(word[1:])
    branches = []
    for head, tails in sorted(rests.items()):
        longer = [t for t in tails if t]
        if not longer:
            branches.append(re.escape(head))
        else:
            branches.append(f"{re.escape(head)}(?:{_alternation(longer)}){'?' if '' in tails else ''}")
    return "|".join(branches)


def sentence_starts_at(prose: str, pos: int) -> bool:
    """Does a word at ``pos`` begin a sentence (or a line: a headline, a list item)?"""
    if pos > 1 and prose[pos - 1] == " " and prose[pos - 2] not in _MARKS_BEFORE_SPACE:
        return False  # after a word (or a comma) and a space, most often
    i = pos - 1
    while i >= 0 and prose[i] in _OPENERS:
        i -= 1
    if i < 0:
        return True
    ch = prose[i]
    if ch == "\n":
        j = i  # the last character before the line break, blanks aside (read back, not copied)
        while j > 0 and prose[j - 1] in " \t":
            j -= 1
        last = prose[j - 1] if j else "\n"
        return not (last.islower() or last in ",;–-(")  # a hard-wrapped line continues its sentence
    while i >= 0 and prose[i] in _CLOSERS:
        i -= 1
    if i < 0:
        return True
    ch = prose[i]
    if ch in "!?…:":
        return True
    if ch != ".":
        return False
    j = i
    while j > 0 and (prose[j - 1].isalpha() or prose[j - 1] == "."):
        j -= 1
    return prose[j:i].lower() not in ABBREVIATIONS


def starts_line(prose: str, pos: int) -> bool:
    """Is a word at ``pos`` the first of its line (after opening quotes and brackets)?"""
    i = pos - 1
    while i >= 0 and prose[i] in _OPENERS:
        i -= 1
    return i < 0 or prose[i] == "\n"
