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

from copylint.document import Document, Token
from copylint.lexicon import strip_possessive

#: endings after an apostrophe that make a contraction of a word the lexicon may know (they're)
CLITICS = frozenset({"n't", "'re", "'ve", "'ll", "'d", "'m", "'s"})
MIN_LENGTH = 3
_SIC = re.compile(r"[\s\"”’']*[\[(]sic[\])]", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Piece:
    """A span of prose to look up: a whole word, or one part of a hyphenated compound."""

    start: int
    end: int
    text: str  # with straight apostrophes
    in_compound: bool
    sentence_start: bool


def pieces(token: Token, prose: str) -> list[Piece]:
    """The pieces of a word token to check (none for abbreviations, ``[sic]`` words and the like)."""
    text = token.text.replace("’", "'")
    if "." in text or _SIC.match(prose, token.end):
        return []
    base = strip_possessive(text)
    if "'" in base:
        tail = base.rpartition("'")[2]
        if "'" + tail not in CLITICS and not base.endswith("n't"):
            return []  # O'Brien, rock'n'roll: names and set phrases, not slips
    start = token.start
    if "-" not in base:
        return [Piece(start, start + len(base), base, False, token.sentence_start)]
    out = []
    pos = start
    for part in base.split("-"):
        out.append(Piece(pos, pos + len(part), part, True, token.sentence_start and pos == start))
        pos += len(part) + 1
    return out


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

    @cached_property
    def counts(self) -> Counter[str]:
        forms: Counter[str] = Counter()
        for tok in self._doc.tokens:
            if tok.kind == "word":
                text = strip_possessive(tok.text.replace("’", "'"))
                forms[text] += 1
                if "-" in text:
                    forms.update(text.split("-"))
        return forms

    @cached_property
    def lower_counts(self) -> Counter[str]:
        out: Counter[str] = Counter()
        for form, n in self.counts.items():
            out[form.lower()] += n
        return out

    @cached_property
    def by_initial(self) -> dict[str, list[str]]:
        """Word forms grouped by lowercase first letter (for near-form search)."""
        out: dict[str, list[str]] = {}
        for form in self.counts:
            if len(form) >= MIN_LENGTH and form.isalpha():
                out.setdefault(form[0].lower(), []).append(form)
        return out
