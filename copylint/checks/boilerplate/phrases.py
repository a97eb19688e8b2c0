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

Matching a line takes time in proportion to its length, by construction: :func:`check_phrase`
refuses a repetition inside a repetition, overlapping choices in a repeated group (each repetition
keeps the first choice that fits, never retrying another), more than one ``{any}`` with text after
it (none in a clause); a repeated group repeats at most :data:`MAX_REPEATS` times, an ``{any}`` that
ends the phrase takes the rest of the line at once and placeholders are bounded in length.

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
import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass

from copylint.checks.boilerplate.prefilter import DIGIT, OPENING_LENGTH, needed, openings, parse
from copylint.core.datacache import cached
from copylint.core.errors import ConfigError, did_you_mean
from copylint.core.packs import Pack

MATCH_KINDS = ("line", "prefix", "start", "clause")
#: the keys a [[phrase]] entry may have
ENTRY_KEYS = ("text", "match", "examples", "counterexamples")

#: one-for-one character folding: quotes, dashes and odd spaces to their plain forms
_FOLD = str.maketrans({
    "’": "'", "‘": "'", "‛": "'", "`": "'", "´": "'", "“": '"', "”": '"', "„": '"',
    "–": "-", "—": "-", "‒": "-", "―": "-", "‐": "-", "‑": "-", "−": "-",
    "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u2007": " ", "\t": " ",
})
_ANY = "{any}"
_FOLD_PAIRS = tuple((chr(c), plain) for c, plain in _FOLD.items())
_ASCII_FOLDED = tuple(chr(c) for c in _FOLD if c < 128)
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


#: what the placeholders match. A word (and each word of a name) is at most 50 characters, a number
#: at most 31, so that giving one back character by character, when the rest of a phrase does not
#: fit, costs a bounded number of steps wherever the placeholder starts
_PLACEHOLDERS = {
    "{n}": r"(?:\d[\d,.]{0,30})",
    "{word}": r"(?:[^\W_][\w'.&-]{0,49})",
    "{name}": r"(?:[^\s.!?,;]{1,50}(?:\s+[^\s.!?,;]{1,50}){0,3})",
    "{any}": r".*?",
}
#: a repeated group ``(...)+`` / ``(...)*`` repeats at most this often (no line of furniture holds more)
MAX_REPEATS = 50
#: repeated groups per phrase (each multiplies the ways a line that does not match is given up)
MAX_REPEATED_GROUPS = 3
#: ``{any}`` with text after it that must match (an ``{any}`` that ends the phrase costs nothing):
#: each multiplies the time a line that does not match takes by its length
MAX_OPEN_GAPS = 1


@dataclass
class _Choice:
    """What one choice of a group starts with, for telling overlapping choices apart."""

    #: the source position where it starts
    start: int
    #: its plain text up to the first thing that is not plain text (all of it, for plain words)
    head: str = ""
    #: still in the head (nothing but plain text so far)
    plain: bool = True
    #: items after the head that must match (0: the choice can match its head alone)
    required: int = 0
    #: the last item was counted in ``required`` (a "?" after it takes it out again)
    last_required: bool = False
    #: the placeholder the choice is, alone ("{word}"), or ""
    placeholder: str = ""

    def literal(self, c: str) -> None:
        self.placeholder = ""
        if self.plain:
            self.head += c
        else:
            self.required += 1
            self.last_required = True

    def item(self, required: bool, placeholder: str = "") -> None:
        self.placeholder = placeholder if self.plain and not self.head else ""
        self.plain = False
        self.required += required
        self.last_required = required

    def optional(self) -> None:
        """A "?" after the last item."""
        if self.plain:  # it applies to the head's last character
            self.head = self.head[:-1]
            self.plain = False
        elif self.last_required:
            self.required -= 1
        self.last_required = False
        self.placeholder = ""


@dataclass
class _Group:
    """A group being translated: where its ``(?:`` is in the output, and what its choices hold."""

    at: int
    choices: list[_Choice]
    #: it holds {any}, {name} or a repeated group (which may not be repeated again)
    repeats_inside: bool = False
    #: why it (or a group inside it) may not be repeated: choices that overlap
    overlap: str = ""


@dataclass
class _Shape:
    """What the translation found, for the limits phrases are checked against."""

    open_gaps: int = 0
    repeated_groups: int = 0


def compile_phrase(text: str) -> str:
    """The regular expression (over normalised text) for one phrase pattern."""
    return _translate(text)[0]


def _translate(text: str) -> tuple[str, _Shape]:
    """The regular expression for a phrase pattern, and its shape. Raises ValueError for a pattern
    that is malformed, or that could take more than linear time on a line (a repetition inside a
    repetition, an ambiguous choice in a repeated group)."""
    out: list[str] = []
    i = 0
    src = normalise(text.strip())
    groups: list[_Group] = []
    shape = _Shape()
    after_open_gap = False
    while i < len(src):
        c = src[i]
        group = groups[-1] if groups else None
        if c == "{":
            j = src.find("}", i)
            token = src[i:j + 1] if j > 0 else ""
            if token not in _PLACEHOLDERS:
                raise ValueError(f"unknown placeholder {src[i:j + 1] or src[i:]!r} "
                                 f"(known: {', '.join(_PLACEHOLDERS)})")
            if token == "{any}" and _rest_may_be_empty(src, j + 1):
                out.append(r".*+")  # it ends the phrase: it takes the rest of the line, never retried
            else:
                out.append(_PLACEHOLDERS[token])
            after_open_gap = out[-1] == _PLACEHOLDERS["{any}"]
            shape.open_gaps += after_open_gap
            if token in ("{any}", "{name}"):
                _mark_repeats(groups)
            if group is not None:
                group.choices[-1].item(token != "{any}", token)
            i = j + 1
            continue
        if c == "\\" and i + 1 < len(src):
            out.append(re.escape(src[i + 1]))
            if group is not None:
                group.choices[-1].literal(src[i + 1])
            i += 2
            after_open_gap = False
            continue
        if c == "(":
            groups.append(_Group(len(out), [_Choice(i + 1)]))
            out.append("(?:")
        elif c == ")":
            if group is None:
                raise ValueError("unbalanced ')'")
            groups.pop()
            group.overlap = group.overlap or _overlap(group, src, i)
            outer = groups[-1].choices[-1] if groups else None
            if outer is not None:
                outer.item(src[i + 1:i + 2] not in ("?", "*"))
            if src[i + 1:i + 2] in ("*", "+"):
                _check_repeated(group)
                shape.repeated_groups += 1
                out[group.at] = "(?>"  # each repetition keeps the choice that fits: none is retried
                out.append(")")
                out.append(f"{{{0 if src[i + 1] == '*' else 1},{MAX_REPEATS}}}")
                i += 1
                _mark_repeats(groups)
            else:
                out.append(")")
                if group.repeats_inside:
                    _mark_repeats(groups)
                if groups and not groups[-1].overlap:
                    groups[-1].overlap = group.overlap
        elif c == "|":
            if group is None:
                raise ValueError("'|' is only allowed inside (...)")
            group.choices.append(_Choice(i + 1))
            out.append("|")
        elif c == "?":
            if not out or out[-1] in ("(?:", "|"):
                raise ValueError("'?' must follow the word, character or group it makes optional")
            out.append("?")
            if group is not None and src[i - 1] != ")":  # a group's own "?" is counted when it closes
                group.choices[-1].optional()
        elif c.isspace():
            while i + 1 < len(src) and src[i + 1].isspace():
                i += 1
            before = r"(?<!\s)" if after_open_gap else ""  # {any} stops before a whole run of spaces
            if i + 1 < len(src) and src[i + 1] == "?":  # "a ?b": the space is optional too
                i += 1
                out.append(before + r"\s*")
                if group is not None:
                    group.choices[-1].item(False)
            else:
                # a letter follows: the spaces are never given back
                possessive = src[i + 1:i + 2].isalnum() and src[i + 2:i + 3] != "?"
                out.append(before + (r"\s++" if possessive else r"\s+"))
                if group is not None:
                    group.choices[-1].literal(" ")
        else:
            out.append(c if c.isalnum() else re.escape(c))  # re.escape leaves letters and digits alone
            if group is not None:
                group.choices[-1].literal(c)
        after_open_gap = False
        i += 1
    if groups:
        raise ValueError("unbalanced '('")
    return "".join(out), shape


def _mark_repeats(groups: list[_Group]) -> None:
    for g in groups:
        g.repeats_inside = True


def _check_repeated(group: _Group) -> None:
    """A repeated group must not repeat inside (a repetition of a repetition can take exponential
    time), and no choice in it may overlap another: each repetition keeps the first choice that fits."""
    if group.repeats_inside:
        raise ValueError("a repeated group (...)+ or (...)* holds {any}, {name} or another repeated group: "
                         "a repetition inside a repetition can take exponential time on a line that does "
                         "not match; repeat something simpler")
    if group.overlap:
        raise ValueError(f"in a repeated group, {group.overlap} (each repetition keeps the first choice that fits)")


def _overlap(group: _Group, src: str, end: int) -> str:
    """Why the choices of ``group`` (which ends at ``src[end]``) overlap, "" when they do not: a
    placeholder beside other choices, or a choice that can match just the text a later choice starts
    with (``comment`` before ``comments``, ``terms( of use)?`` before ``terms and conditions``)."""
    choices = group.choices
    texts = [src[c.start:(choices[k + 1].start - 1 if k + 1 < len(choices) else end)].strip()
             for k, c in enumerate(choices)]
    for c in choices:
        if c.placeholder and len(choices) > 1:
            return f"{c.placeholder} is a choice beside others that it overlaps: use {c.placeholder} alone"
    for k, first in enumerate(choices):
        if not first.head.strip() or first.required:
            continue
        for m in range(k + 1, len(choices)):
            later = choices[m]
            if later.head.startswith(first.head) and not (first.plain and later.plain and first.head == later.head):
                return (f"{texts[k]!r} comes before {texts[m]!r} and can match just the text it starts with: "
                        f"write {texts[m]!r} first")
    return ""


def _rest_may_be_empty(src: str, k: int) -> bool:
    """Can everything after position ``k`` of the pattern match empty text (closing brackets, the
    rest of a choice, optional items), so that an ``{any}`` just before ``k`` ends the phrase?"""
    while k < len(src):
        c = src[k]
        if c == ")":
            k += 1
            if src[k:k + 1] == "?":
                k += 1
        elif c == "|":  # the rest of this choice: skip to the end of its group
            k = _group_end(src, k)
            if k < 0:
                return False
        elif c == "(":  # an optional or starred group
            close = _group_end(src, k + 1)
            if close < 0 or src[close + 1:close + 2] not in ("?", "*"):
                return False
            k = close + 2
        elif src[k + 1:k + 2] == "?" and c != "\\":  # an optional character or space
            k += 2
        else:
            return False
    return True


def _group_end(src: str, k: int) -> int:
    """Index of the ``)`` that closes the group ``src[k]`` is in (-1: none)."""
    depth = 0
    while k < len(src):
        c = src[k]
        if c == "\\":
            k += 2
            continue
        if c == "{":
            close = src.find("}", k)
            k = close + 1 if close > 0 else len(src)
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            if depth == 0:
                return k
            depth -= 1
        k += 1
    return -1


def check_phrase(text: str, match: str) -> None:
    """Raise ValueError when a phrase breaks the limits that keep matching it linear in the line's
    length: at most :data:`MAX_OPEN_GAPS` ``{any}`` with text after it (none in a clause, which is
    searched along the line), at most :data:`MAX_REPEATED_GROUPS` repeated groups."""
    pattern, shape = _translate(text)
    allowed = 0 if match == "clause" else MAX_OPEN_GAPS
    if shape.open_gaps > allowed:
        where = "in a clause phrase (it is searched along the line)" if match == "clause" else "in one phrase"
        raise ValueError(f"{shape.open_gaps} {{any}} with text after them {where}; at most {allowed} "
                         "(each multiplies the time a line takes by its length): only an {any} that ends "
                         "the phrase is free")
    if shape.repeated_groups > MAX_REPEATED_GROUPS:
        raise ValueError(f"{shape.repeated_groups} repeated groups; at most {MAX_REPEATED_GROUPS}")
    try:
        re.compile(pattern, re.DOTALL)
    except re.error as exc:
        raise ValueError(f"not a valid pattern ({exc})") from None


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
    """The validated phrase entries of a boilerplate pack (raises the pack's ConfigError).

    Checking the phrases' patterns (:func:`check_phrase` compiles each) is most of what a first
    check costs before it reads a word, so a pack whose text passed once is not checked again: the
    verdict is kept on disk by :mod:`copylint.core.datacache`, keyed by the pack's text and this
    module (a failing pack is never recorded, and fails again with its error)."""
    entries = pack.data.get("phrase", [])
    if not isinstance(entries, list):
        raise pack.error("phrase", "must be an array of tables ([[phrase]])")
    unknown = sorted(set(pack.data) - {"phrase"})
    if unknown:
        raise pack.error(unknown[0], "unknown key in a boilerplate pack (expected [[phrase]] entries)")

    checked: list[Phrase] = []

    def check_patterns() -> bool:
        checked.extend(_entries(pack, entries, check_patterns=True))
        return True

    name = "checked-pack-" + hashlib.sha256(pack.path.encode("utf-8", "surrogateescape")).hexdigest()[:16]
    cached(name, check_patterns, key=hashlib.sha256(pack.text.encode("utf-8", "surrogateescape")).hexdigest())
    return checked or _entries(pack, entries, check_patterns=False)


def _entries(pack: Pack, entries: list, *, check_patterns: bool) -> list[Phrase]:
    """The pack's entries as phrases, each checked (with ``check_patterns``, its pattern too)."""
    out = []
    for index, entry in enumerate(entries):
        def fail(key: str, message: str, index: int = index) -> ConfigError:
            return pack.entry_error("phrase", index, key, message)

        if not isinstance(entry, dict) or not isinstance(entry.get("text"), str) or not entry["text"].strip():
            raise fail("text", "every [[phrase]] needs a non-empty text")
        for key in entry:
            if key not in ENTRY_KEYS:
                raise fail(key, f"unknown key in a [[phrase]] (known: {', '.join(ENTRY_KEYS)})"
                                f"{did_you_mean(key, ENTRY_KEYS)}")
        match = entry.get("match", "line")
        if match not in MATCH_KINDS:
            raise fail("match", f"must be one of {', '.join(MATCH_KINDS)}, not {match!r}"
                                f"{did_you_mean(str(match), MATCH_KINDS)}")
        examples = entry.get("examples", [])
        counter = entry.get("counterexamples", [])
        for key, value in (("examples", examples), ("counterexamples", counter)):
            if not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
                raise fail(key, "must be a list of strings")
        if check_patterns:
            try:
                check_phrase(entry["text"], match)
            except ValueError as exc:
                raise fail("text", f"bad phrase {entry['text']!r}: {exc}") from None
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
        # whole-line and prefix phrases whose extent is written out, for lines glued onto copy (a label
        # glued on without its separator: "Get our daily newsletter For example, ...")
        self._closed_lines = frozenset(i for i in self._anchored if self.phrases[i].match in ("line", "prefix")
                                       and not open_ended(self.phrases[i]))
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
        glued onto copy with no line break ("Exit mobile version The river rose..."), or a prefix
        phrase glued on without its separator ("Get our daily newsletter For example, ..."). Only
        phrases whose end is written out count (not those ending in ``{any}`` or ``{name}``); the
        longest wins."""
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
