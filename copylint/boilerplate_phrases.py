r"""Boilerplate phrase packs compiled into one matcher.

A boilerplate pack (``rules/boilerplate-*.toml``, ``kind = "boilerplate"``) lists phrases::

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

import re
from dataclasses import dataclass

from copylint.packs import Pack

MATCH_KINDS = ("line", "prefix", "start", "clause")

#: one-for-one character folding: quotes, dashes and odd spaces to their plain forms
_FOLD = str.maketrans({
    "’": "'", "‘": "'", "‛": "'", "`": "'", "´": "'", "“": '"', "”": '"', "„": '"',
    "–": "-", "—": "-", "‒": "-", "―": "-", "‐": "-", "‑": "-", "−": "-",
    "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u2007": " ", "\t": " ",
})
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


def normalise(text: str) -> str:
    """Lower-cased, quote- and dash-folded copy of ``text`` with exactly the same length."""
    folded = text.translate(_FOLD)
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
            out.append(re.escape(c))
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


class PhraseMatcher:
    """Every phrase of the given packs, compiled into one anchored regular expression."""

    def __init__(self, packs: list[Pack]) -> None:
        self.phrases: list[Phrase] = [p for pack in packs for p in phrases_of(pack)]
        alternatives = []
        clauses = []
        # whole lines first, then prefixes and starts, then clauses: the first alternative that fits wins
        order = sorted(range(len(self.phrases)), key=lambda i: MATCH_KINDS.index(self.phrases[i].match))
        for i in order:
            phrase = self.phrases[i]
            body = f"(?P<p{i}>{compile_phrase(phrase.text)})"
            if phrase.match == "line":
                alternatives.append(f"{_LEAD}{body}{_TRAIL}")
            elif phrase.match == "prefix":
                alternatives.append(f"{_LEAD}{body}{_SEPARATOR}")
            elif phrase.match == "start":
                alternatives.append(f"{_LEAD}{body}(?![\\w'])")
            else:
                clauses.append(body)
        if clauses:
            # one lazy scan along the line tries every clause phrase at each word start
            alternatives.append(rf"(?:.*?[\s(\"'-])??(?:{'|'.join(clauses)})(?![\w'])")
        self._pattern = re.compile("|".join(alternatives) or r"(?!)", re.DOTALL)

    def match_line(self, line: str) -> PhraseMatch | None:
        """The phrase that ``line`` (raw text of one line) is, starts with, or holds as a clause."""
        m = self._pattern.match(normalise(line))
        if m is None:
            return None
        name = m.lastgroup
        assert name is not None
        phrase = self.phrases[int(name[1:])]
        start, end = m.span(name)
        return PhraseMatch(phrase, start, end)
