"""Doubled words: "the the", "to to", "also also", a word typed twice with only space between.

A pair counts when two word tokens are the same word (case aside: "The the") and nothing but spaces
separates them, or a single line break inside a paragraph of running text. Left alone: doubles that
grammar or idiom makes (the ``doubled-words`` packs: "had had", "that that", "bye bye"), names
("Bora Bora", "Walla Walla": both words capitalised) and a pair split by a line break after a short
line (a heading, a list item: "World Cup\\nCup final").
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from copylint.core.document import Document, Token
from copylint.core.rule import Context

DOUBLED_KIND = "doubled-words"
#: a line break between the two words counts only after a line of at least this many words
#: (shorter lines are headings, captions, list items)
MIN_WRAPPED_LINE_WORDS = 6
_SPACES = frozenset(" \u00a0\t")


class Double(NamedTuple):
    """A doubled pair: the word as first written and its repetition."""

    first: Token
    second: Token
    #: nothing but spaces between the two words
    spaced: bool


def legitimate_doubles(ctx: Context) -> frozenset[str]:
    """Lowercase words of the enabled ``doubled-words`` packs that English writes twice on purpose."""
    packs = ctx.packs(DOUBLED_KIND)

    def build() -> frozenset[str]:
        out: set[str] = set()
        for pack in packs:
            table = pack.table("doubles")
            out.update(w.lower() for w in pack.strings("doubles.legitimate", table.get("legitimate", [])))
        return frozenset(out)

    return ctx.resources.get(("doubled-words", tuple(p.path for p in packs)), build)


def doubled_words(doc: Document, legitimate: frozenset[str]) -> Iterator[Double]:
    """Every doubled pair of ``doc``'s prose, in order."""
    prose = doc.prose
    prev: Token | None = None
    for tok in doc.tokens:
        if prev is not None and tok.kind == "word" and prev.kind == "word":
            double = _double(prose, prev, tok, legitimate)
            if double is not None:
                yield double
        prev = tok


def _double(prose: str, first: Token, second: Token, legitimate: frozenset[str]) -> Double | None:
    a, b = first.text, second.text
    if len(a) != len(b) or a.lower() != b.lower() or not a[:1].isalpha():
        return None
    lower = a.lower()
    if lower in legitimate:
        return None
    if a[:1].isupper() and b[:1].isupper() and not (a.isupper() and b.isupper() and len(a) > 1):
        return None  # Bora Bora, Walla Walla, Duran Duran: a name (a repeated "The The" is rarer)
    gap = prose[first.end:second.start]
    if all(c in _SPACES for c in gap):
        return Double(first, second, True)
    if gap.count("\n") == 1 and all(c in _SPACES or c == "\n" for c in gap):
        line_start = prose.rfind("\n", 0, first.start) + 1
        if len(prose[line_start:first.end].split()) >= MIN_WRAPPED_LINE_WORDS and not a[:1].isupper():
            return Double(first, second, False)
    return None
