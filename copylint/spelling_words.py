"""Which parts of a word token the spelling rule checks, and the article's own vocabulary.

A token such as ``US-led``, ``Putin’s`` or ``don't`` is not one dictionary word. This module splits
it into the pieces worth looking up (with their exact prose offsets) and drops what is not prose
(abbreviations with full stops, words marked ``[sic]``, very short fragments).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cached_property

from copylint.document import Document
from copylint.lexicon import strip_possessive

#: endings after an apostrophe that make a contraction of a word the lexicon may know (they're)
CLITICS = frozenset({"n't", "'re", "'ve", "'ll", "'d", "'m", "'s"})
MIN_LENGTH = 3
#: Capitalised words that open sentences without being names (The Mayland report ...)
COMMON_OPENERS = frozenset({"The", "A", "An", "This", "That", "These", "Those", "In", "On", "At", "For",
                            "But", "And", "Or", "So", "If", "When", "While", "As", "By", "With", "From",
                            "After", "Before", "It", "He", "She", "They", "We", "I", "His", "Her", "Their"})
_SIC = re.compile(r"[\s\"”’']*[\[(]sic[\])]", re.IGNORECASE)
#: articles and prepositions of French, Spanish, Italian, German, Dutch, Latin and Arabic that open
#: phrases English borrows (de facto, en masse, en pointe, la carte, von der, et al)
FOREIGN_PARTICLES = frozenset({"de", "du", "des", "en", "la", "le", "les", "el", "los", "las", "et", "al", "von",
                               "der", "den", "di", "da", "del", "della", "au", "aux", "het", "lo"})
_OPENING_QUOTES = frozenset("\"“‘'«")
_CLOSING_QUOTE = re.compile(r"[.,;:!?]?[\"”’'»]")


@dataclass(frozen=True, slots=True)
class Piece:
    """A part of a word token to look up: the whole word, or one part of a hyphenated compound."""

    offset: int  # from the token's start
    text: str  # with straight apostrophes
    in_compound: bool


def pieces(token_text: str) -> list[Piece]:
    """The pieces of a word token worth looking up (none for abbreviations with full stops, names
    with apostrophes such as O'Brien, and set phrases such as rock'n'roll)."""
    text = token_text.replace("’", "'")
    if "." in text:
        return []
    base = strip_possessive(text)
    if "'" in base and "'" + base.rpartition("'")[2] not in CLITICS and not base.endswith("n't"):
        return []
    if "-" not in base:
        return [Piece(0, base, False)]
    out = []
    pos = 0
    for part in base.split("-"):
        out.append(Piece(pos, part, True))
        pos += len(part) + 1
    return out


def marked_sic(prose: str, end: int) -> bool:
    """Is the word ending at ``end`` followed by [sic]?"""
    return _SIC.match(prose, end) is not None


def quoted_alone(prose: str, start: int, end: int) -> bool:
    """Is the word at ``start:end`` all there is between a pair of quotation marks ("frunk")? A word
    set apart like that is being named or introduced, not misspelt."""
    return prose[start - 1:start] in _OPENING_QUOTES and _CLOSING_QUOTE.match(prose, end) is not None


def lookup_form(text: str) -> str:
    """What to look up for a piece: a contraction's word (they're -> they), else the piece itself."""
    if text.endswith("n't"):
        return text
    head, sep, tail = text.rpartition("'")
    if sep and "'" + tail in CLITICS:
        return head
    return text


class ArticleWords:
    """How often the article uses each word form (possessives stripped), computed on first use."""

    def __init__(self, doc: Document) -> None:
        self._doc = doc
        self._by_initial: dict[str, list[str]] = {}

    @cached_property
    def counts(self) -> Counter[str]:
        raw = Counter([tok.text for tok in self._doc.tokens if tok.kind == "word"])
        forms: Counter[str] = Counter()
        for text, n in raw.items():
            if "'" in text or "’" in text:
                text = strip_possessive(text.replace("’", "'"))
            forms[text] += n
            if "-" in text:
                for part in text.split("-"):
                    forms[part] += n
        return forms

    @cached_property
    def lower_counts(self) -> Counter[str]:
        out: Counter[str] = Counter()
        for form, n in self.counts.items():
            out[form.lower()] += n
        return out

    def starting_with(self, initial: str) -> list[str]:
        """Word forms whose lowercase first letter is ``initial``, in order of first use (for the
        near-form search; built for a letter the first time it is asked for)."""
        forms = self._by_initial.get(initial)
        if forms is None:
            forms = self._by_initial[initial] = [
                f for f in self.counts if len(f) >= MIN_LENGTH and f[0].lower() == initial and f.isalpha()]
        return forms
