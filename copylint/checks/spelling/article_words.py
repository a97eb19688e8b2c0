"""Which parts of a word token the spelling rule checks, and the article's own vocabulary.

A token such as ``US-led``, ``Putin’s`` or ``don't`` is not one dictionary word. This module splits
it into the pieces worth looking up (with their exact prose offsets) and drops what is not prose
(abbreviations with full stops, words marked ``[sic]``, very short fragments).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cached_property

from copylint.core.document import Document, Token
from copylint.language.lexicon import strip_possessive

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


#: the longest quoted phrase whose words count as set apart ("ordo amoris")
MAX_QUOTED_WORDS = 3
_QUOTED_PHRASE = re.compile(rf"(?<!\w)[\"“‘'«]((?:[^\W\d_]+[ -]){{0,{MAX_QUOTED_WORDS - 1}}}[^\W\d_]+)"
                            r"[.,;:!?]?[\"”’'»](?!\w)")


def quoted_alone(prose: str, start: int, end: int, *, phrase: bool = True) -> bool:
    """Is the word at ``start:end`` all there is between a pair of quotation marks ("frunk"), or,
    with ``phrase``, part of a short phrase that is ("ordo amoris")? Words set apart like that are
    being named or introduced, not misspelt."""
    begin = max(0, start - 40)
    for m in _QUOTED_PHRASE.finditer(prose, begin, min(len(prose), end + 40)):
        if m.start(1) <= start and end <= m.end(1) and (phrase or (m.start(1), m.end(1)) == (start, end)):
            return True
    return False


#: endings of the species half of a Latin binomial (Atrax robustus, Asclepias syriaca, Lampona
#: cylindrata, Cheiracanthium inclusum, Aedes aegypti)
LATIN_ENDINGS = ("us", "um", "a", "ae", "is", "i", "ii", "ensis", "oides", "ata", "ica", "ix", "ex")
#: the shortest piece of a handle or address that counts as a user name written as a word
MIN_HANDLE_PIECE = 4


def in_name(tokens: list[Token], i: int, prose: str, particles: frozenset[str]) -> bool:
    """Is lowercase token ``i`` a particle inside a name (Ursula von der Leyen, Vincent van Gogh,
    Osama bin Laden): a particle followed, through more particles, by a Capitalised word?"""
    j = i
    while j < len(tokens) and tokens[j].text.lower() in particles:
        if j + 1 >= len(tokens) or prose[tokens[j].end:tokens[j + 1].start] != " ":
            return False
        j += 1
    return j > i and j < len(tokens) and tokens[j].kind == "word" and tokens[j].text[:1].isupper()


def species_name(tokens: list[Token], i: int, prose: str, is_common: Callable[[str], bool]) -> bool:
    """Is lowercase token ``i`` the second half of a Latin binomial: a Latin ending right after a
    Capitalised word that is not an English one (Loxosceles reclusa, Atrax robustus)?"""
    word = tokens[i].text
    if i == 0 or not word.endswith(LATIN_ENDINGS):
        return False
    genus = tokens[i - 1]
    return (genus.kind == "word" and genus.text[:1].isupper() and genus.text[1:].islower()
            and prose[genus.end:tokens[i].start] == " " and not is_common(genus.text))


def address_words(doc: Document) -> str:
    """The lowercase text of the document's @handles, e-mail addresses and web addresses, one per
    line: a word found inside one is a user name written bare (bob saget, @bobsaget)."""
    return doc.memo("spelling.address-words", lambda: "\n".join(
        t.text.lower() for t in doc.tokens if t.kind in ("handle", "email", "url")))


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
        self._by_initial: dict[str, dict[int, list[str]]] | None = None
        self._near: dict[tuple[str, int, int, bool], list[str]] = {}
        self._dialect: dict[int, str | None] = {}
        self._names_before: dict[str, frozenset[str]] | None = None

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

    def near_in_length(self, initial: str, length: int, spread: int, more_than: int = 0) -> list[str]:
        """Word forms whose lowercase first letter is ``initial``, whose length is within ``spread``
        of ``length`` and which the article uses more than ``more_than`` times (at least: the list may
        hold rarer ones), in order of first use (for the near-form search). The forms are indexed by
        first letter and length in one pass, the first time any is asked for, so an article of many
        distinct words costs a look-up per word, not a scan of all of them; those used more than
        once are kept apart too, since a word used once looks only at them."""
        if self._by_initial is None:
            index: dict[str, dict[int, list[str]]] = {}
            for f in self.counts:
                if len(f) >= MIN_LENGTH and f.isalpha():
                    index.setdefault(f[0].lower(), {}).setdefault(len(f), []).append(f)
            self._by_initial = index
        key = (initial, length, spread, more_than >= 1)
        found = self._near.get(key)
        if found is None:  # kept: an article of many words asks for the same few again and again
            by_length = self._by_initial.get(initial) or {}
            counts = self.counts
            found = self._near[key] = [f for n in range(length - spread, length + spread + 1)
                                       for f in by_length.get(n, ()) if more_than < 1 or counts[f] > 1]
        return found

    def dialect(self, dialect_of: Mapping[str, str]) -> str | None:
        """The dialect ("en-GB", "en-US") most of the article's one-dialect spellings belong to
        (``dialect_of`` maps a lowercase spelling to its one dialect), or None on a tie."""
        key = id(dialect_of)
        if key not in self._dialect:
            votes = {"en-GB": 0, "en-US": 0}
            for form, n in self.lower_counts.items():
                where = dialect_of.get(form)
                if where:
                    votes[where] += n
            self._dialect[key] = None if votes["en-GB"] == votes["en-US"] else max(votes, key=votes.__getitem__)
        return self._dialect[key]

    def names_before(self, form: str, is_common: Callable[[str], bool]) -> frozenset[str]:
        """The Capitalised words (lowercased) written just before ``form`` in the same sentence, a
        first name or a title (Saddam Hussein, Minister Hussain); a common word opening a sentence
        does not count. Built for the whole article the first time it is asked for."""
        if self._names_before is None:
            prose = self._doc.prose
            found: dict[str, set[str]] = {}
            prev = None
            for tok in self._doc.tokens:
                if (prev is not None and tok.kind == "word" and prev.kind == "word" and not tok.sentence_start
                        and tok.text[:1].isupper() and prev.text[:1].isupper()
                        and not prose[prev.end:tok.start].strip(" ")
                        and not (prev.sentence_start and is_common(prev.text))):
                    name = strip_possessive(tok.text.replace("’", "'"))
                    found.setdefault(name, set()).add(prev.text.lower())
                prev = tok
            self._names_before = {k: frozenset(v) for k, v in found.items()}
        return self._names_before.get(form, frozenset())
