"""Correction candidates for an unknown word: dictionary words within a few edits, and their ranking.

Edits are counted the way people slip: a transposed pair of letters is one edit (optimal string
alignment distance). Ranking adds what makes a slip likely -- a doubled or dropped double letter,
one vowel for another, a neighbouring key -- and how common the candidate is, in English and in the
article at hand.
"""

from __future__ import annotations

import threading
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from functools import cached_property
from itertools import chain

from rapidfuzz import process
from rapidfuzz.distance import OSA, Levenshtein

from copylint.language.lexicon import LexiconData

VOWELS = frozenset("aeiouy")
_KEYBOARD_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
#: letters next to each other on a QWERTY keyboard (same row, or the row above/below)
KEY_NEIGHBOURS: dict[str, frozenset[str]] = {}
for _r, _row in enumerate(_KEYBOARD_ROWS):
    for _i, _ch in enumerate(_row):
        near = {_row[j] for j in (_i - 1, _i + 1) if 0 <= j < len(_row)}
        for _other in (_r - 1, _r + 1):
            if 0 <= _other < len(_KEYBOARD_ROWS):
                near.update(_KEYBOARD_ROWS[_other][max(0, _i - 1):_i + 2])
        KEY_NEIGHBOURS[_ch] = frozenset(near)

#: how many Zipf points (a factor of ten in frequency each) one edit is worth when ranking
EDIT_WEIGHT = 2.0
#: bonus for a candidate the article itself uses (per use, up to three) ...
ARTICLE_BONUS = 1.0
#: ... unless it is a word so common that every article uses it (to, the, from)
ARTICLE_BONUS_MAX_ZIPF = 5.5
#: bonus for a candidate that sounds like a badly misspelt word (privelidge, privilege)
PHONETIC_BONUS = 2.0


class CandidateIndex:
    """Dictionary words grouped by first letter and length, for fast near-word search.

    A search first compares the word with the dictionary words that start with its first or second
    letter (one bucket per length, a few thousand words, compared in C by rapidfuzz). Only when none
    of them is near does it look for a slip in the first letter, and that search never scans the
    dictionary: a word ``w`` whose first letter differs from both of ``s``'s is within ``k`` edits of
    ``s`` exactly when, after one edit at the front, the rest is within ``k - 1`` edits (``w[1:]``
    of ``s[1:]``, ``w`` of ``s[1:]`` or ``w[1:]`` of ``s``), so the candidates are looked up, by
    their tail, from the few hundred strings one edit away from ``s`` and ``s[1:]``.
    """

    def __init__(self, data: LexiconData) -> None:
        self.data = data
        #: lowercase form -> how to write it (Ukrainian for "ukrainian"; common words as they are)
        self.surface: dict[str, str] = {}
        common = data.common
        for word in sorted(data.proper):  # sorted: the same form wins in every process (AF before Af)
            lower = word.lower()
            if lower not in common:
                self.surface.setdefault(lower, word)
        by_first: defaultdict[str, list[str]] = defaultdict(list)
        for word in (*common, *self.surface):
            by_first[word[0]].append(word)
        #: first letter -> the words that start with it (tuples of strings: the garbage collector
        #: stops walking them after its first pass, as it would never stop walking lists)
        self.by_first: dict[str, tuple[str, ...]] = {first: tuple(words) for first, words in by_first.items()}
        #: first letter -> length -> words, made for a letter when a search first needs it
        self._by_length: dict[str, dict[int, tuple[str, ...]]] = {}
        self._tails: dict[str, str] | None = None
        self._lock = threading.Lock()

    @cached_property
    def accent_folded(self) -> frozenset[str]:
        """Words with accents, written without them (cafe for café, protege for protégé)."""
        return frozenset(fold_accents(w) for w in (*self.data.common, *self.surface) if not w.isascii())

    def _lengths(self, first: str) -> dict[int, tuple[str, ...]]:
        """The words that start with ``first``, by length."""
        found = self._by_length.get(first)
        if found is None:
            by_length: defaultdict[int, list[str]] = defaultdict(list)
            for word in self.by_first.get(first, ()):
                by_length[len(word)].append(word)
            # two threads may both build it: the same result
            found = self._by_length[first] = {length: tuple(words) for length, words in by_length.items()}
        return found

    def _pool(self, word: str, spread: int) -> list[str]:
        pool: list[str] = []
        for first in {word[0], word[1:2]}:
            lengths = self._lengths(first)
            for length in range(len(word) - spread, len(word) + spread + 1):
                pool.extend(lengths.get(length, ()))
        return pool

    def near(self, word: str, max_edits: int = 2) -> list[tuple[str, int]]:
        """Dictionary words (lowercase) within ``max_edits`` of lowercase ``word``, with their
        distance. Words starting with another letter are searched only when nothing else is near."""
        found = process.extract(word, self._pool(word, max_edits), scorer=OSA.distance,
                                score_cutoff=max_edits, limit=None)
        if found:
            return [(cand, int(dist)) for cand, dist, _ in found if cand != word]
        return self._first_letter_slips(word, max_edits)

    def near_by_start(self, word: str, max_edits: int) -> list[tuple[str, int]]:
        """Like :meth:`near`, among the words that start with ``word``'s first or second letter
        only: for a far search (three edits), where the first-letter search would walk millions of
        strings."""
        found = process.extract(word, self._pool(word, max_edits), scorer=OSA.distance,
                                score_cutoff=max_edits, limit=None)
        return [(cand, int(dist)) for cand, dist, _ in found if cand != word]

    def _first_letter_slips(self, word: str, max_edits: int) -> list[tuple[str, int]]:
        """Dictionary words within ``max_edits`` of ``word`` that start with another letter than
        its first two (``word`` has no near word that starts with one of those)."""
        tails = self._tail_index()
        near_rest = self._ball(word[1:], max_edits - 1)
        found: set[str] = set()
        # w[1:] near s[1:] (the first letter replaced) or near s (a letter put in front)
        for tail in (near_rest | self._ball(word, max_edits - 1)) & tails.keys():
            found.update(first + tail for first in tails[tail])
        # w near s[1:] (the first letter dropped)
        found.update(near_rest & self.data.common, near_rest & self.surface.keys())
        out = []
        for cand in found:
            dist = OSA.distance(word, cand, score_cutoff=max_edits)
            if dist <= max_edits and cand != word:
                out.append((cand, dist))
        out.sort(key=lambda item: (item[1], item[0]))
        return out

    def _tail_index(self) -> dict[str, str]:
        """Every dictionary word's tail (all but its first letter) -> the first letters it takes.
        Built on the first search that needs it."""
        if self._tails is None:
            with self._lock:
                if self._tails is None:
                    tails: dict[str, str] = {}
                    for words in self.by_first.values():
                        for w in words:
                            tail = w[1:]
                            tails[tail] = tails.get(tail, "") + w[0]
                    self._tails = tails
        return self._tails

    @cached_property
    def _alphabet(self) -> str:
        """Every letter a dictionary word holds."""
        return "".join(sorted(set("".join(chain.from_iterable(self.by_first.values())))))

    def _ball(self, text: str, edits: int) -> set[str]:
        """Every string within ``edits`` edits (insert, delete, substitute, swap neighbours) of
        ``text``, using letters dictionary words hold."""
        out = {text}
        for _ in range(edits):
            out |= {near for s in out for near in self._one_edit(s)}
        return out

    def _one_edit(self, text: str) -> set[str]:
        alphabet = self._alphabet
        splits = [(text[:i], text[i:]) for i in range(len(text) + 1)]
        out = {a + b[1:] for a, b in splits if b}
        out.update(a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1)
        out.update(a + c + b[1:] for a, b in splits if b for c in alphabet)
        out.update(a + c + b for a, b in splits for c in alphabet)
        return out


def fold_accents(word: str) -> str:
    """``protégé`` -> ``protege``."""
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


def slip_cost(wrong: str, right: str) -> float:
    """Edit distance from ``wrong`` to ``right``, less for the slips people make most."""
    cost = float(OSA.distance(wrong, right))
    for op in Levenshtein.editops(wrong, right):
        if op.tag == "replace":
            a, b = wrong[op.src_pos], right[op.dest_pos]
            if a in VOWELS and b in VOWELS:
                cost -= 0.3
            elif b in KEY_NEIGHBOURS.get(a, ()):
                cost -= 0.2
        elif op.tag == "insert":  # writers leave letters out more often than they add them
            cost -= 0.2
            ch = right[op.dest_pos]
            if ch in right[op.dest_pos - 1:op.dest_pos] or ch in right[op.dest_pos + 1:op.dest_pos + 2]:
                cost -= 0.4  # a dropped double letter
        elif op.tag == "delete":
            ch = wrong[op.src_pos]
            if ch in wrong[op.src_pos - 1:op.src_pos] or ch in wrong[op.src_pos + 1:op.src_pos + 2]:
                cost -= 0.4  # a doubled letter
    if wrong[:1] != right[:1]:
        cost += 0.5
    return max(cost, 0.1)


def rank(wrong: str, candidates: Iterable[str], zipf: Mapping[str, float],
         article: Mapping[str, int], sound: Callable[[str], str] | None = None) -> list[str]:
    """Lowercase candidates, best first: few and likely edits, common words, words the article uses,
    and, when ``sound`` gives phonetic keys (for a badly misspelt word), words that sound the same."""
    key = sound(wrong) if sound else None

    def score(cand: str) -> float:
        freq = zipf.get(cand, 0.0)
        bonus = ARTICLE_BONUS * min(article.get(cand, 0), 3) if freq < ARTICLE_BONUS_MAX_ZIPF else 0.0
        if sound and sound(cand) == key:
            bonus += PHONETIC_BONUS
        return freq - EDIT_WEIGHT * slip_cost(wrong, cand) + bonus

    return sorted(set(candidates), key=lambda c: (-score(c), c))


def match_case(pattern: str, word: str) -> str:
    """``word`` written in ``pattern``'s case: YEAE -> YEAR, Yeae -> Year; a proper noun keeps its
    capitals (ukranian -> Ukrainian)."""
    if pattern.isupper() and len(pattern) > 1:
        return word.upper()
    if pattern[:1].isupper() and word[:1].islower():
        return word[:1].upper() + word[1:]
    return word
