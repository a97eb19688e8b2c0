r"""Boilerplate phrase packs compiled into one matcher.

A boilerplate pack (``rules/boilerplate/*.toml``, ``kind = "boilerplate"``) lists phrases::

    [[phrase]]
    text = "share (this|on) (article|story|facebook)"
    match = "line"            # line (default) | prefix | start | clause
    examples = ["Share this article", "SHARE ON FACEBOOK:"]
    counterexamples = ["Shares in the company fell."]

``text`` is a small pattern language: words match case-insensitively with any run of whitespace
between them, curly and straight quotes alike, any dash as any dash; ``(a|b)`` is a choice,
``x?`` or ``(...)?`` an optional part, ``(...)+`` / ``(...)*`` a repeated one, ``{n}`` a number,
``{word}`` one word, ``{name}`` one to four words (a site, a section), ``{any}`` any text; a
backslash makes the next character literal (``\|`` is a pipe).

``match`` says where the phrase counts:

- ``line``: the phrase is the whole line (bullets before it, punctuation after it are ignored);
- ``prefix``: the line starts with the phrase and a separator ("Read more: ...", "RELATED » ...");
- ``start``: the line starts with the phrase, whatever follows ("This website uses cookies to ...");
- ``clause``: the phrase starts a clause inside a sentence, which runs to the end of the sentence
  ("..., we'll be bringing you the latest updates on this story.").

Every phrase of every enabled pack goes into ONE compiled regular expression, tried once at the start
of each line on a length-preserving normalised copy of the line (so offsets carry over unchanged).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

from copylint.checks.boilerplate.prefilter import DIGIT, OPENING_LENGTH, needed, openings, parse
from copylint.core.packs import Pack

MATCH_KINDS = ("line", "prefix", "start", "clause")

#: one-for-one character folding: quotes, dashes and odd spaces to their plain forms
_FOLD = str.maketrans({
    "’": "'", "‘": "'", "‛": "'", "`": "'", "´": "'", "“": '"', "”": '"', "„": '"',
    "–": "-", "—": "-", "‒": "-", "―": "-", "‐": "-", "‑": "-", "−": "-",
    "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u2007": " ", "\t": " ",
})
_ANY = "{any}"
_FOLD_PAIRS = tuple((chr(c), plain) for c, plain in _FOLD.items())
_ASCII_FOLDED = tuple(chr(c) for c in _FOLD if c < 128)
_PLACEHOLDERS = {
    "{n}": r"\d[\d,.]*",
    "{word}": r"[^\W_][\w'.&-]*",
    "{name}": r"[^\s.!?,;]+(?:\s+[^\s.!?,;]+){0,3}",
    "{any}": r".*?",
}
#: what may stand before a phrase on its line: bullets, arrows, pipes, list markers
_LEAD = r"[\s*•·|<>«»‹›▶►+#~\[(-]*"
#: what may follow a whole-line phrase: closing punctuation, arrows, pipes
_TRAIL = r"[\s.!?:;,…«»‹›<>|*)\]-]*$"
#: what must follow a prefix phrase: a separator (then anything), or the end of the line
_SEPARATOR = r"(?=\s*[:|»›>•]|\s+-|\s*(?:\.\.\.|…)|\s*$)"
#: what stands before a clause phrase
_CLAUSE_BEFORE = r"[\s(\"'-]"
_LEAD_RUN = re.compile(_LEAD)
_LEAD_CHARACTER = re.compile(_LEAD[:-1])
#: a phrase with an open placeholder at either end: how much of a longer text its match takes is not
#: known ("{any}all rights reserved", "powered by {name}")
_OPEN = re.compile(r"\{any\}|^[(]*\{name\}|\{name\}[)?*+]*$")
#: line openings whose candidate phrases are remembered (a bound for long-lived processes)
_MAX_CACHED_OPENINGS = 4096


def normalise(text: str) -> str:
    """Lower-cased, quote- and dash-folded copy of ``text`` with exactly the same length."""
    folded = text
    if not text.isascii():
        for c, plain in _FOLD_PAIRS:  # no character folds into one folded again: replacing in turn is translating
            if c in folded:
                folded = folded.replace(c, plain)
    elif any(c in text for c in _ASCII_FOLDED):
        folded = text.translate(_FOLD)
    else:  # nothing to fold
        return text.lower()
    lowered = folded.lower()
    if len(lowered) == len(folded):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in folded)


def compile_phrase(text: str) -> str:
    """The regular expression (over normalised text) for one phrase pattern."""
    out: list[str] = []
    i = 0
    src = normalise(text.strip())
    depth = 0
    while i < len(src):
        c = src[i]
        if c == "{":
            j = src.find("}", i)
            token = src[i:j + 1] if j > 0 else ""
            if token not in _PLACEHOLDERS:
                raise ValueError(f"unknown placeholder {src[i:j + 1] or src[i:]!r} "
                                 f"(known: {', '.join(_PLACEHOLDERS)})")
            out.append(_PLACEHOLDERS[token])
            i = j + 1
            continue
        if c == "\\" and i + 1 < len(src):
            out.append(re.escape(src[i + 1]))
            i += 2
            continue
        if c == "(":
            out.append("(?:")
            depth += 1
        elif c == ")":
            if depth == 0:
                raise ValueError("unbalanced ')'")
            depth -= 1
            out.append(")")
        elif c == "|":
            if depth == 0:
                raise ValueError("'|' is only allowed inside (...)")
            out.append("|")
        elif c == "?" or (c in "*+" and i and src[i - 1] == ")"):
            out.append(c)
        elif c.isspace():
            while i + 1 < len(src) and src[i + 1].isspace():
                i += 1
            if i + 1 < len(src) and src[i + 1] == "?":  # "a ?b": the space is optional too
                i += 1
                out.append(r"\s*")
            else:
                out.append(r"\s+")
        else:
            out.append(c if c.isalnum() else re.escape(c))  # re.escape leaves letters and digits alone
        i += 1
    if depth:
        raise ValueError("unbalanced '('")
    return "".join(out)


@dataclass(frozen=True, slots=True)
class Phrase:
    """One pack entry."""

    pack: str
    description: str
    text: str
    match: str
    examples: tuple[str, ...]
    counterexamples: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PhraseMatch:
    """A phrase found on a line: ``start``/``end`` relative to the line."""

    phrase: Phrase
    start: int
    end: int


def open_ended(phrase: Phrase) -> bool:
    """Does ``phrase`` hold ``{any}``, or open or end with ``{name}``? Then a whole-line match says
    the line holds the phrase, not that the line is nothing else."""
    return _OPEN.search(phrase.text.strip()) is not None


@functools.cache
def _core_pattern(text: str) -> re.Pattern[str] | None:
    """The pattern of a phrase without the ``{any}`` at its ends (None: nothing is left of it)."""
    core = text.strip()
    while core.startswith(_ANY):
        core = core[len(_ANY):].lstrip()
    while core.endswith(_ANY):
        core = core[:-len(_ANY)].rstrip()
    if not core:
        return None
    try:
        return re.compile(compile_phrase(core), re.DOTALL)
    except (ValueError, re.error):  # the core is no pattern of its own ("(a{any}|b)")
        return None


def core_span(phrase: Phrase, text: str) -> tuple[int, int] | None:
    """Where in ``text`` the written-out part of ``phrase`` is (the phrase without the ``{any}`` at its
    ends: "all rights reserved" of "{any}all rights reserved{any}"), or None."""
    pattern = _core_pattern(phrase.text)
    m = pattern.search(normalise(text)) if pattern is not None else None
    return None if m is None else m.span()


def phrases_of(pack: Pack) -> list[Phrase]:
    """The validated phrase entries of a boilerplate pack (raises the pack's ConfigError)."""
    entries = pack.data.get("phrase", [])
    if not isinstance(entries, list):
        raise pack.error("phrase", "must be an array of tables ([[phrase]])")
    unknown = sorted(set(pack.data) - {"phrase"})
    if unknown:
        raise pack.error(unknown[0], "unknown key in a boilerplate pack (expected [[phrase]] entries)")
    out = []
    for entry in entries:
        if not isinstance(entry, dict) or not isinstance(entry.get("text"), str) or not entry["text"].strip():
            raise pack.error("phrase", "every [[phrase]] needs a non-empty text")
        match = entry.get("match", "line")
        if match not in MATCH_KINDS:
            raise pack.error("match", f"must be one of {', '.join(MATCH_KINDS)}, not {match!r}")
        examples = entry.get("examples", [])
        counter = entry.get("counterexamples", [])
        for key, value in (("examples", examples), ("counterexamples", counter)):
            if not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
                raise pack.error(key, "must be a list of strings")
        try:
            compile_phrase(entry["text"])
        except ValueError as exc:
            raise pack.error("text", f"bad phrase {entry['text']!r}: {exc}") from None
        out.append(Phrase(pack.name, pack.description, entry["text"], match, tuple(examples), tuple(counter)))
    return out


_Needs = tuple[tuple[str, ...], ...]


def _holds(holds: Callable[[str], bool], needs: _Needs) -> bool:
    """Does the line (``holds`` tells whether it holds a string) hold one string of each option?"""
    for option in needs:
        if not any(map(holds, option)):
            return False
    return True


class PhraseMatcher:
    """Every phrase of the given packs, tried in order on a line: whole lines first, then prefixes and
    starts, then clauses; the first phrase that fits wins.

    A phrase's regular expression is compiled the first time a line gets past its prefilter
    (:mod:`copylint.checks.boilerplate.prefilter`): its opening must be where the line's text starts, and
    one of the strings it needs must be in the line. Most lines pass no prefilter at all.
    """

    def __init__(self, packs: list[Pack]) -> None:
        self.phrases: list[Phrase] = [p for pack in packs for p in phrases_of(pack)]
        # whole lines first, then prefixes and starts, then clauses: the first that fits wins
        order = sorted(range(len(self.phrases)), key=lambda i: MATCH_KINDS.index(self.phrases[i].match))
        self._anchored = [i for i in order if self.phrases[i].match != "clause"]
        self._clauses = [i for i in order if self.phrases[i].match == "clause"]
        patterns = [parse(normalise(phrase.text.strip())) for phrase in self.phrases]
        self._needed = [needed(items) for items in patterns]
        # anchored phrases (by rank) by their openings; a phrase opening with a bullet or bracket may
        # start inside the run of them that opens the line
        self._by_opening: dict[str, list[int]] = {}
        self._by_lead: dict[str, list[int]] = {}
        self._anywhere: list[int] = []  # they may open with anything: tried when the line has what they need
        for rank, i in enumerate(self._anchored):
            starts = openings(patterns[i])
            if starts is None:
                self._anywhere.append(rank)
                continue
            for start in starts:
                if _LEAD_CHARACTER.match(start):
                    self._by_lead.setdefault(start[0], []).append(rank)
                else:
                    self._by_opening.setdefault(start, []).append(rank)
        # a phrase opening with {any} is tried only where the rest of it is found (a quick search)
        self._rests = {i: text[len(_ANY):] for i, text in enumerate(normalise(p.text.strip()) for p in self.phrases)
                       if text.startswith(_ANY) and self.phrases[i].match != "clause"}
        self._rest_patterns: dict[int, re.Pattern[str] | None] = {}
        self._clause_needs = [(i, self._needed[i]) for i in self._clauses]
        self._candidates: dict[str, tuple[tuple[int, _Needs | None], ...]] = {}
        self._patterns: dict[int, re.Pattern[str]] = {}
        # whole-line phrases whose extent is written out, for lines glued onto copy
        self._closed_lines = frozenset(i for i in self._anchored
                                       if self.phrases[i].match == "line" and not open_ended(self.phrases[i]))
        self._glued_patterns: dict[int, re.Pattern[str]] = {}

    def _pattern(self, i: int) -> re.Pattern[str]:
        """The regular expression of phrase ``i`` (group 1 is the phrase), compiled on first use."""
        pattern = self._patterns.get(i)
        if pattern is None:
            phrase = self.phrases[i]
            body = f"({compile_phrase(phrase.text)})"
            if phrase.match == "line":
                source = f"{_LEAD}{body}{_TRAIL}"
            elif phrase.match == "prefix":
                source = f"{_LEAD}{body}{_SEPARATOR}"
            elif phrase.match == "start":
                source = f"{_LEAD}{body}(?![\\w'])"
            else:  # searched along the line: the clause starts the line or follows a space, bracket or dash
                source = rf"{_CLAUSE_BEFORE}{body}(?![\w'])"
            pattern = self._patterns[i] = re.compile(source, re.DOTALL)
        return pattern

    def _glued_pattern(self, i: int) -> re.Pattern[str]:
        """Phrase ``i`` (a whole-line phrase) opening a text that goes on after it (group 1 is the phrase)."""
        pattern = self._glued_patterns.get(i)
        if pattern is None:
            pattern = self._glued_patterns[i] = re.compile(f"{_LEAD}({compile_phrase(self.phrases[i].text)})"
                                                           r"(?=[\s.!?:;,…|»›>*-]*\s)", re.DOTALL)
        return pattern

    def _rest_found(self, i: int, text: str) -> bool:
        """Is the rest of phrase ``i``, after the {any} it opens with, anywhere in ``text``?"""
        if i not in self._rest_patterns:
            try:
                self._rest_patterns[i] = re.compile(compile_phrase(self._rests[i]), re.DOTALL)
            except (ValueError, re.error):  # the rest is no pattern of its own: no quick search
                self._rest_patterns[i] = None
        pattern = self._rest_patterns[i]
        return pattern is None or pattern.search(text) is not None

    def _opening_candidates(self, opening: str, lead: int) -> tuple[tuple[int, _Needs | None], ...]:
        """Anchored phrases, in order, that may match a line opening with ``opening`` (its first
        ``lead`` characters are bullets, brackets and spaces), each with the strings it needs
        (None: it needs none, or its opening was telling enough)."""
        found = self._candidates.get(opening)
        if found is None:
            ranks = set(self._anywhere)
            head = opening[lead:]
            for k in range(1, len(head) + 1):
                ranks.update(self._by_opening.get(head[:k], ()))
            if head[:1].isdecimal():
                ranks.update(self._by_opening.get(DIGIT, ()))
            for c in set(opening[:lead]):
                ranks.update(self._by_lead.get(c, ()))
            anywhere = set(self._anywhere)
            found = tuple((self._anchored[r], self._needed[self._anchored[r]] if r in anywhere else None)
                          for r in sorted(ranks))
            if len(self._candidates) < _MAX_CACHED_OPENINGS:
                self._candidates[opening] = found
        return found

    def glued_opening(self, text: str) -> PhraseMatch | None:
        """The whole-line phrase that opens ``text`` and is followed by more of it: a line of furniture
        glued onto copy with no line break ("Exit mobile version The river rose..."). Only phrases
        whose end is written out count (not those ending in ``{any}`` or ``{name}``); the longest wins."""
        return self._glued_opening(normalise(text))

    def _glued_opening(self, low: str, anywhere: frozenset[int] | None = None) -> PhraseMatch | None:
        lead = len(_LEAD_RUN.match(low)[0])  # type: ignore[index]
        holds = low.__contains__
        best: PhraseMatch | None = None
        for i, needs in self._opening_candidates(low[:lead + OPENING_LENGTH], lead):
            if needs is not None and anywhere is not None and i not in anywhere:
                continue
            if i in self._closed_lines and (needs is None or _holds(holds, needs)) and (
                    i not in self._rests or self._rest_found(i, low)):
                m = self._glued_pattern(i).match(low)
                if m is not None and (best is None or m.end(1) > best.end):
                    best = PhraseMatch(self.phrases[i], m.start(1), m.end(1))
        return best

    def clause_at(self, text: str) -> PhraseMatch | None:
        """The clause phrase that opens ``text`` (the first in pack order), or None."""
        low = normalise(text)
        holds = low.__contains__
        padded = ""
        for i, needs in self._clause_needs:
            if needs is None or _holds(holds, needs):
                padded = padded or " " + low  # the space stands for what the clause follows
                m = self._pattern(i).match(padded)
                if m is not None:
                    return PhraseMatch(self.phrases[i], m.start(1) - 1, m.end(1) - 1)
        return None

    def match_line(self, line: str) -> PhraseMatch | None:
        """The phrase that ``line`` (raw text of one line) is, starts with, or holds as a clause."""
        text = normalise(line)
        return self._opening(text) or self._first_clause(text)

    def opening(self, line: str) -> PhraseMatch | None:
        """The phrase that ``line`` is, or starts with (not a clause inside it)."""
        return self._opening(normalise(line))

    def first_clause(self, line: str) -> PhraseMatch | None:
        """The leftmost clause phrase in ``line``, wherever it stands."""
        return self._first_clause(normalise(line))

    def block(self, text: str) -> BlockPhrases:
        """The phrases of the block ``text``, to be looked for sentence by sentence."""
        return BlockPhrases(self, text)

    def _opening(self, text: str, anywhere: frozenset[int] | None = None) -> PhraseMatch | None:
        """As :meth:`opening`, on normalised text; with ``anywhere``, of the phrases that may open with
        anything only those (the ones whose needed strings the whole block holds)."""
        lead = len(_LEAD_RUN.match(text)[0])  # type: ignore[index]  # the run may be empty, never missing
        holds = text.__contains__
        for i, needs in self._opening_candidates(text[:lead + OPENING_LENGTH], lead):
            if needs is not None and anywhere is not None and i not in anywhere:
                continue
            if (needs is None or _holds(holds, needs)) and (i not in self._rests or self._rest_found(i, text)):
                m = self._pattern(i).match(text)
                if m is not None:
                    return PhraseMatch(self.phrases[i], m.start(1), m.end(1))
        return None

    def _first_clause(self, text: str) -> PhraseMatch | None:
        # the leftmost one wins, and at one place the first in order
        holds = text.__contains__
        best: tuple[int, re.Match[str]] | None = None
        padded = ""
        for i, needs in self._clause_needs:
            if needs is None or _holds(holds, needs):
                padded = padded or " " + text  # the space stands for the start of the line
                m = self._pattern(i).search(padded)
                if m is not None and (best is None or m.start() < best[1].start()):
                    best = (i, m)
        if best is None:
            return None
        i, m = best
        return PhraseMatch(self.phrases[i], m.start(1) - 1, m.end(1) - 1)


class BlockPhrases:
    """The phrases of one block (a line, or a hard-wrapped paragraph), looked for sentence by sentence
    (offsets relative to the block): the block is normalised once, and of the phrases that may open
    with anything only those whose needed strings the block holds are tried."""

    def __init__(self, phrases: PhraseMatcher, text: str) -> None:
        self.phrases = phrases
        self.low = normalise(text)
        holds = self.low.__contains__
        self.anywhere = frozenset(phrases._anchored[r] for r in phrases._anywhere
                                  if _holds(holds, phrases._needed[phrases._anchored[r]] or ()))

    def opening(self, start: int, end: int) -> PhraseMatch | None:
        """The phrase that the block's text ``[start, end)`` is, or starts with (offsets from ``start``)."""
        return self.phrases._opening(self.low[start:end], self.anywhere)

    def glued_opening(self, start: int, end: int) -> PhraseMatch | None:
        """As :meth:`PhraseMatcher.glued_opening`, for the block's text ``[start, end)``."""
        return self.phrases._glued_opening(self.low[start:end], self.anywhere)
