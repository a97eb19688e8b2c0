"""The sentences of a block, so that furniture sharing a line with copy is found, and cut, alone.

Scraped copy and feeds often deliver a story as one line: paragraphs glued with a space, or with
nothing ("...by a third.CLICK HERE TO GET THE APP"). A block is read as sentences: one ends at ``.``,
``!`` or ``?`` (then closing quotes or brackets) followed by a space and something that can open a
sentence, or followed directly by a capital letter and a lower-case one ("third.Officials"). An
abbreviation ("Mr.", "U.S.", "Jan."), an initial ("J. K. Rowling"), a decimal or a web address ends
no sentence.

Where a fragment without punctuation was glued in front of a sentence ("...passed. Print Edition The
river rose."), the sentence does not show it; :func:`glue_points` finds where such a sentence starts
inside a span: a capitalised function word followed by a lower-case word ("The river"), or an
opening quotation mark ("\u201cWe will"), right after a word that ends no sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from copylint.checks.boilerplate.lines import stop_words, ui_words
from copylint.core.document import ABBREVIATIONS

#: a sentence end: its punctuation, closing quotes or brackets, then the spaces before the next one
_END = re.compile(r"""(?<![.!?])[.!?]+["'”’)\]]*(?:\s+|(?=["“‘(\[]?[A-Z][a-z]|[A-Z]{2}|\d|©))""")
#: how far the tests around a sentence end look either side of it (a word is never longer: a longer
#: run of letters is cut, so no run of punctuation costs more than linear time)
_LOOK = 64
#: what a sentence opens with (after a sentence end and a space): anything but a lower-case letter
#: or punctuation that goes on a sentence
_OPENING = re.compile(r"""(?![a-z,;:)\]}%])\S""")
_SENTENCE_PUNCTUATION = ".!?"
#: function words that open a sentence, capitalised, when a lower-case word follows ("The river")
OPENERS = frozenset({
    "a", "after", "although", "an", "and", "as", "at", "because", "before", "both", "but", "by", "during",
    "each", "for", "from", "he", "her", "his", "however", "if", "in", "it", "its", "many", "more", "most",
    "my", "no", "now", "of", "on", "once", "one", "our", "she", "since", "so", "some", "such", "that", "the",
    "their", "there", "these", "they", "this", "those", "though", "to", "two", "under", "until", "we",
    "what", "when", "where", "which", "while", "who", "why", "with", "yet", "you", "your",
})
#: an opening quotation mark and a capital: a quotation opening a sentence
_QUOTE_OPENING = re.compile(r"""["“‘][A-Z]""")
#: titles that open a sentence with the name after them ("Mr Smith said")
TITLES = frozenset({"Mr", "Mrs", "Ms", "Dr", "Sir", "Dame", "Lord", "Lady", "Prof", "President", "Prime"})
#: an acronym after "The" that does not make a title of it ("The UK was", not "The Aviator won")
_ACRONYM = re.compile(r"[A-Z]{2,5}")
#: where a glued-on sentence may start: a space, then a capitalised function word or a quotation mark
#: and a capital (the rest is checked word by word)
_CAPITALISED_OPENERS = "|".join(sorted({w.capitalize() for w in OPENERS}, key=len, reverse=True))
_GLUE_CANDIDATE = re.compile(
    rf"(?<=\S)[ \t\n\u00a0]+(?P<word>(?P<quote>[\"“‘][A-Z])"
    rf"|(?P<title>{'|'.join(sorted(TITLES))})\.?(?=[ \t\n\u00a0][A-Z])"
    rf"|(?:{_CAPITALISED_OPENERS})(?=[ \t\n\u00a0]))")
#: a space, then a capitalised word (a name of up to three of them) and a lower-case word
_CAPITAL_THEN_LOWER = re.compile(
    r"(?<=\S)[ \t\n\u00a0]+(?=([\"“‘]?[A-Z][^\s]*)(?:[ \t\n\u00a0]+[A-Z][^\s]*){0,2}[ \t\n\u00a0]+[a-z])")


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Spans of the sentences of ``text[start:end]`` (a block of prose), without the spaces between
    them. A sentence's span ends after its punctuation and closing quotes."""
    end = len(text) if end is None else end
    out = []
    cur = start
    while cur < end and text[cur].isspace():
        cur += 1
    for m in _END.finditer(text, cur, end):
        stop = m.start() + len(m.group().rstrip())
        after = m.end()
        if after >= end or not _OPENING.match(text, after) or not _ends_sentence(text, cur, m.start()):
            continue
        if after == stop and not _glued_end(text, m.start()):
            continue
        if stop > cur:
            out.append((cur, stop))
        cur = after
    tail_end = end
    while tail_end > cur and text[tail_end - 1].isspace():
        tail_end -= 1
    if tail_end > cur:
        out.append((cur, tail_end))
    return out


def _ends_sentence(text: str, start: int, stop: int) -> bool:
    """Does the punctuation at ``stop`` end a sentence (not an abbreviation, an initial, a number, nor
    the exclamation mark of a name: "Yahoo! News", "POW! Entertainment")?"""
    if text[stop] == "!":
        return not _word_before(text, start, stop)[:1].isupper() or text[stop + 1:stop + 3].strip()[:1].islower()
    if text[stop] != ".":
        return True
    before = _word_before(text, start, stop).lstrip("\"'“‘([")
    if not before:
        return False
    low = before.lower().rstrip(".")
    if low in ABBREVIATIONS or low.split(".")[-1] in ABBREVIATIONS:
        return False
    if len(before) == 1 and before.isupper():  # an initial: J. K. Rowling
        return False
    return not (before[-1].isdigit() and text[stop + 1:stop + 2].isdigit())


def _glued_end(text: str, stop: int) -> bool:
    """A sentence end with no space after it: a lower-case letter, a digit or a closing mark before
    the punctuation, and a capital after it ("third.Officials"), but not a web address or "U.S.A"."""
    before = text[stop - 1:stop]
    after = text[stop + 1:stop + _LOOK].lstrip("\"“‘([")
    if after[:1].isdigit() or after[:1] == "©" or after[:2].isupper():  # "closed.12 comments", "said.CLICK HERE",
        # not "3.5", "v.2" or "U.S.A"
        return before.isalpha() and before.islower() and text[stop - 2:stop - 1].isalpha()
    return bool(before) and (before.islower() or before.isdigit() or before in "\"'”’)]") and not (
        after[:1].isupper() and after[1:2] in (".", ""))


def glue_points(text: str, start: int, end: int, after: int | None = None) -> Iterator[int]:
    """Offsets in ``text[start:end]`` (one sentence, as punctuation tells it) where a sentence seems to
    start without the previous text ending one: a capitalised function word, then a lower-case word
    or an acronym and a lower-case word ("Print Edition The river rose", "... GMT The UK was"); or an
    opening quotation mark, a word and a lower-case word ("Toys (61) “We will"); right after a
    word that ends no sentence or clause, is no function word and no possessive ("Shrek 2 and The
    Incredibles", "Scorsese's The Aviator"). With ``after``, only points from there on count (the words
    before it still tell what comes before a point)."""
    stops = stop_words()
    for m in _GLUE_CANDIDATE.finditer(text, max(start, (after or start) - 1), end):
        s = m.start("word")
        previous = _word_before(text, start, m.start())
        if (not previous or previous[-1] in _SENTENCE_PUNCTUATION + ",;:–—-" or previous.lower() in stops
                or previous.endswith(("'s", "’s"))):
            continue
        words = text[s:end].split(maxsplit=3)
        if len(words) < 2:
            continue
        word, following = words[0], words[1]
        if m.group("quote"):
            if word[-1] not in "\"”’'" and following[:1].islower():
                yield s
        elif m.group("title"):  # "Mr Smith said"
            if len(words) > 2 and words[2][:1].islower():
                yield s
        elif (following[:1].islower() or following[:1].isdigit()
              or (_ACRONYM.fullmatch(following) and len(words) > 2 and words[2][:1].islower())):
            yield s


def _word_before(text: str, start: int, at: int) -> str:
    """The word of ``text[start:at]`` that ends at ``at``."""
    start = max(start, at - _LOOK)
    begin = max(text.rfind(" ", start, at), text.rfind("\u00a0", start, at), text.rfind("\n", start, at)) + 1
    return text[max(begin, start):at]


#: a capitalised word after a lower-case one is a sentence glued on only when this many words follow
#: from it (a short tail is a name: "get BBC News in your inbox")
GLUED_TAIL_WORDS = 5


def may_hide_a_sentence(text: str, start: int, end: int, after: int | None = None) -> bool:
    """Could ``text[start:end]`` run on into a sentence glued to it without punctuation? Yes when a
    capitalised word follows a lower-case word or one in capitals (with nothing but a space between),
    a lower-case word follows it, and five or more words follow from it ("...improve your experience
    Officials in Ohio said the storm had passed", "GET THE APP Officials said ..."): then where the
    span really ends is not certain (but not after a function word: "the Example logo"). With
    ``after``, only capitals from there on count."""
    begin = max(start, (after or start) - 1)
    return any(len(text[at:end].split()) >= GLUED_TAIL_WORDS for at in capitals_after_lower(text, start, end, begin))


def capitals_after_lower(text: str, start: int, end: int, begin: int | None = None) -> Iterator[int]:
    """Offsets in ``text[start:end]`` (from ``begin``) of capitalised words (a name of up to three) that
    follow a word in lower case or in capitals, but no function word, with nothing but spaces between,
    and are followed by a word in lower case: where a sentence glued on may start. (A button's name
    is no such start: "By clicking Sign up, you agree ...".)"""
    stops, buttons = stop_words(), ui_words()
    for m in _CAPITAL_THEN_LOWER.finditer(text, start if begin is None else begin, end):
        previous = _word_before(text, start, m.start())
        word = m.group(1).lstrip("\"“‘")
        if (not previous or not previous[-1].isalnum() or word.isupper() or previous.lower() in stops
                or word.rstrip(",;:.").lower() in buttons):
            continue
        if previous[0].islower() or previous[0].isdigit() or (len(previous) > 1 and previous.isupper()):
            yield m.start(1)
