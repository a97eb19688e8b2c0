"""Correction candidates for an unknown word: dictionary words within a few edits, and their ranking.

Edits are counted the way people slip: a transposed pair of letters is one edit (optimal string
alignment distance). Ranking adds what makes a slip likely -- a doubled or dropped double letter,
one vowel for another, a neighbouring key -- and how common the candidate is, in English and in the
article at hand.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping

from rapidfuzz import process
from rapidfuzz.distance import OSA, Levenshtein

from copylint.lexicon import LexiconData

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


class CandidateIndex:
    """Dictionary words bucketed by first letter and length, for fast near-word search."""

    def __init__(self, data: LexiconData) -> None:
        self.data = data
        #: lowercase form -> how to write it (Ukrainian for "ukrainian"; common words as they are)
        self.surface: dict[str, str] = {}
        common = data.common
        for word in data.proper:
            lower = word.lower()
            if lower not in common:
                self.surface.setdefault(lower, word)
        self.buckets: dict[tuple[str, int], list[str]] = {}
        buckets = self.buckets
        for word in (*common, *self.surface):
            key = (word[0], len(word))
            bucket = buckets.get(key)
            if bucket is None:
                buckets[key] = [word]
            else:
                bucket.append(word)
        #: words with accents, written without them (cafe for café, protege for protégé)
        self.accent_folded: frozenset[str] = frozenset(
            fold_accents(w) for w in (*common, *self.surface) if not w.isascii())

    def _pool(self, word: str, spread: int, any_first: bool) -> list[str]:
        firsts: Iterable[str] = {k[0] for k in self.buckets} if any_first else {word[0], word[1:2]}
        pool: list[str] = []
        for first in firsts:
            for length in range(len(word) - spread, len(word) + spread + 1):
                pool.extend(self.buckets.get((first, length), ()))
        return pool

    def near(self, word: str, max_edits: int = 2) -> list[tuple[str, int]]:
        """Dictionary words (lowercase) within ``max_edits`` of lowercase ``word``, with their
        distance. Words starting with another letter are searched only when nothing else is near."""
        for any_first in (False, True):
            found = process.extract(word, self._pool(word, max_edits, any_first), scorer=OSA.distance,
                                    score_cutoff=max_edits, limit=None)
            if found:
                return [(cand, int(dist)) for cand, dist, _ in found if cand != word]
        return []


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
         article: Mapping[str, int]) -> list[str]:
    """Lowercase candidates, best first: few and likely edits, common words, words the article uses."""
    def score(cand: str) -> float:
        freq = zipf.get(cand, 0.0)
        bonus = ARTICLE_BONUS * min(article.get(cand, 0), 3) if freq < ARTICLE_BONUS_MAX_ZIPF else 0.0
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
