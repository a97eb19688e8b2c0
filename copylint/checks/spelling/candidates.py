"""Correction candidates for an unknown word: dictionary words within a few edits, and their ranking.

Edits are counted the way people slip: a transposed pair of letters is one edit (optimal string
alignment distance). Ranking adds what makes a slip likely -- a doubled or dropped double letter,
one vowel for another, a neighbouring key -- and how common the candidate is, in English and in the
article at hand.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from functools import cached_property
from typing import TypeVar

from rapidfuzz import process
from rapidfuzz.distance import OSA, Levenshtein

from copylint.core.datacache import cached
from copylint.language.lexicon import LexiconData

T = TypeVar("T")
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


#: the near-word search filters from the dictionary word's side too when the word's side leaves
#: more words than this to measure (the second filter costs as much as the first; measuring a
#: word with rapidfuzz, about 0.1 microsecond)
SECOND_FILTER_FROM = 400

#: near-word tables: first letter -> (its words, shortest first; where each length starts; per
#: position, letter -> bit mask of the words with that letter there); plain containers, so that
#: :mod:`copylint.core.datacache` can keep them on disk
NearTable = tuple[tuple[str, ...], tuple[int, ...], tuple[dict[str, int], ...]]
NearTables = dict[str, NearTable]


def build_near_tables(words: Iterable[str], by_first: bool = True) -> NearTables:
    """The tables :class:`CandidateIndex` searches, for ``words`` (lowercase dictionary words): one
    per first letter, or (not ``by_first``) one of every word, under "".

    Each mask is made in C: the letters at one position of every word long enough, as one string
    (the last word first), turned into a string of 0s and 1s by ``bytes.translate`` and read as a
    binary number."""
    groups: defaultdict[str, list[str]] = defaultdict(list)
    for word in words:
        groups[word[0] if by_first else ""].append(word)
    tables: NearTables = {}
    for first, group in groups.items():
        group.sort()
        group.sort(key=len)  # stable: by length, then alphabetically
        lengths = list(map(len, group))
        longest = lengths[-1]
        starts = [bisect_left(lengths, n) for n in range(longest + 2)]  # the first word of length n or more
        positions = []
        for j in range(longest):
            lo = starts[j + 1]  # the words longer than j
            column = "".join([w[j] for w in reversed(group[lo:])])
            letters = sorted(set(column))
            if letters[-1] <= "\xff":
                codes, as_bytes = [ord(c) for c in letters], column.encode("latin-1")
            else:  # one byte per letter of this column
                codes = list(range(len(letters)))
                as_bytes = column.translate({ord(c): k for k, c in enumerate(letters)}).encode("latin-1")
            masks = {}
            for code, c in zip(codes, letters, strict=True):
                digits = bytearray(b"0" * 256)
                digits[code] = ord("1")
                masks[c] = int(as_bytes.translate(digits), 2) << lo
            positions.append(masks)
        tables[first] = (tuple(group), tuple(starts), tuple(positions))
    return tables


class CandidateIndex:
    """Dictionary words grouped by first letter, with bit masks of where their letters stand, for
    a near-word search that compares a word with a few dozen dictionary words, not thousands.

    A word ``w`` within ``k`` edits of ``s`` has, for all but at most ``k`` positions ``i`` of
    ``s``, the letter ``s[i]`` somewhere in ``w[i-k:i+k+1]``: a substitution or a deletion loses
    one letter of ``s``, an insertion loses none, and the letters kept move by at most ``k`` (one
    for a transposition, one per insertion or deletion before them). For every first letter the
    index holds, per position and letter, a bit mask (a Python int) of the words with that letter
    there; a search ORs the masks of each letter's window and counts, bit-sliced, the positions
    each word misses, so that only the words of the right lengths missing at most ``k`` are left,
    which rapidfuzz then measures exactly (optimal string alignment); when that still leaves many
    (a far search of three edits), the same count from the dictionary word's side (its letters the
    word lacks near their place) goes first. Measured on the lexicon (134,000 words; CPU time,
    ``benchmarks/near_words.py``): the masks take 6 MB (7.8 MB on disk), are built in about 0.17 s
    for all letters, a letter's when a search first needs it, and loaded from
    :mod:`copylint.core.datacache` in about 3 ms a letter; a search leaves about 180 words
    to measure (55 with both counts) and takes about 0.1 ms, 0.12 ms on average with the
    first-letter slips below, where the scan of every word of the right first letter and length
    with ``rapidfuzz.process.extract`` took 0.44 ms (far search: 0.33 ms, was 0.5-0.7 ms). A
    SymSpell deletion index was measured and left: the distinct deletions of distance one alone
    are 1.1 million strings (over 100 MB as a dict), distance two about six million.

    Only when no word starting with the word's first or second letter is near does the search
    look for a slip in the first letter, with the same masks over one table of every word (ints of
    up to 134,000 bits: about 0.3 ms a search, where generating the strings one edit away from the
    word and from its tail and looking them up in an index of words by tail took 0.7 ms).
    """

    def __init__(self, data: LexiconData) -> None:
        self.data = data
        #: lowercase form -> how to write it (Ukrainian for "ukrainian"; common words as they are)
        self.surface: dict[str, str]
        self.surface, letters = self._derived("near-surface", self._build_surface)
        #: the first letters of dictionary words
        self.letters = frozenset(letters)
        #: first letter -> its table (see :data:`NearTables`), loaded or built when a search first
        #: needs it (two threads may both make one: the same table)
        self.tables: NearTables = {}

    def _build_surface(self) -> tuple[dict[str, str], list[str]]:
        surface: dict[str, str] = {}
        common = self.data.common
        for word in sorted(self.data.proper):  # sorted: the same form wins in every process (AF before Af)
            lower = word.lower()
            if lower not in common:
                surface.setdefault(lower, word)
        return surface, sorted({w[0] for w in (*common, *surface)})

    @cached_property
    def _by_first(self) -> dict[str, list[str]]:
        """The dictionary words by first letter (to build a table that is not in the disk cache)."""
        by_first: defaultdict[str, list[str]] = defaultdict(list)
        for word in (*self.data.common, *self.surface):
            by_first[word[0]].append(word)
        return by_first

    def _table(self, first: str) -> NearTable | None:
        """The table of the dictionary words that start with ``first``, if any do."""
        table = self.tables.get(first)
        if table is None and first in self.letters:
            table = self.tables[first] = self._derived(
                f"near-{ord(first):x}", lambda: build_near_tables(self._by_first[first])[first])
        return table

    def _derived(self, name: str, build: Callable[[], T]) -> T:
        """What ``build`` derives from the lexicon, kept in the disk cache when the lexicon was read
        from the shipped files."""
        return cached(name, build, key=self.data.key) if self.data.key else build()

    @cached_property
    def accent_folded(self) -> frozenset[str]:
        """Words with accents, written without them (cafe for café, protege for protégé)."""
        return frozenset(self._derived("accent-folded", lambda: [
            fold_accents(w) for w in (*self.data.common, *self.surface) if not w.isascii()]))

    def _within(self, word: str, max_edits: int) -> list[tuple[str, int]]:
        """The dictionary words starting with ``word``'s first or second letter that are within
        ``max_edits`` of it (``word`` too, if it is one), fewest edits first, then alphabetically."""
        found: list[tuple[str, int]] = []
        for first in dict.fromkeys((word[0], word[1:2])):
            table = self._table(first)
            if table is None:
                continue
            found.extend(_search(table, word, max_edits))
        found.sort(key=lambda item: (item[1], item[0]))
        return found

    def near(self, word: str, max_edits: int = 2) -> list[tuple[str, int]]:
        """Dictionary words (lowercase) within ``max_edits`` of lowercase ``word``, with their
        distance, fewest edits first, then alphabetically. Words starting with another letter than
        ``word``'s first two are searched only when none starting with those is near."""
        found = self._within(word, max_edits)
        if found:
            return [(cand, dist) for cand, dist in found if cand != word]
        return self._first_letter_slips(word, max_edits)

    def near_by_start(self, word: str, max_edits: int) -> list[tuple[str, int]]:
        """Like :meth:`near`, among the words that start with ``word``'s first or second letter
        only: for a far search (three edits), where the first-letter search would walk millions of
        strings."""
        return [(cand, dist) for cand, dist in self._within(word, max_edits) if cand != word]

    def _first_letter_slips(self, word: str, max_edits: int) -> list[tuple[str, int]]:
        """Dictionary words within ``max_edits`` of ``word`` (which has no near word starting with
        its first or second letter, so all start with another letter)."""
        found = [(cand, dist) for cand, dist in _search(self._everything, word, max_edits) if cand != word]
        found.sort(key=lambda item: (item[1], item[0]))
        return found

    @cached_property
    def _everything(self) -> NearTable:
        """One table of every dictionary word, for the first-letter slips (loaded or built on the
        first search that needs one)."""
        return self._derived("near-everything", lambda: build_near_tables(
            (*self.data.common, *self.surface), by_first=False)[""])


def _search(table: NearTable, word: str, max_edits: int) -> list[tuple[str, int]]:
    """The words of one table within ``max_edits`` of ``word``, with their distance."""
    n = len(word)
    words, starts, positions = table
    lo = starts[min(max(n - max_edits, 0), len(starts) - 1)]
    hi = starts[min(n + max_edits + 1, len(starts) - 1)]
    if lo == hi:
        return []
    span = (1 << hi) - (1 << lo)
    last = len(positions)
    # the words missing at least max_edits + 1 of the word's letters ...
    missing = _too_many(max_edits, span, (
        _any_of(positions, range(max(i - max_edits, 0), min(i + max_edits + 1, last)), c)
        for i, c in enumerate(word)))
    # ... or, when that leaves many (a far search does), having at least max_edits + 1 letters the
    # word lacks near their place
    if (span & ~missing).bit_count() > SECOND_FILTER_FROM:
        missing |= _too_many(max_edits, span & ~missing, (
            (span & ~((1 << starts[j + 1]) - 1))
            & ~_any_of(positions, (j,), *word[max(j - max_edits, 0):j + max_edits + 1])
            for j in range(min(n + max_edits, last))), present=False)
    left = bin((span & ~missing) >> lo)
    pool = []
    at = left.find("1", 2)
    while at >= 0:
        pool.append(words[lo + len(left) - 1 - at])
        at = left.find("1", at + 1)
    return [(cand, int(dist)) for cand, dist, _ in process.extract(
        word, pool, scorer=OSA.distance, score_cutoff=max_edits, limit=None)]


def _any_of(positions: tuple[dict[str, int], ...], where: Iterable[int], *letters: str) -> int:
    """The words with one of ``letters`` at one of the positions ``where``, as a bit mask."""
    found = 0
    for j in where:
        masks = positions[j]
        for c in letters:
            found |= masks.get(c, 0)
    return found


def _too_many(limit: int, among: int, masks: Iterable[int], present: bool = True) -> int:
    """The words of ``among`` that more than ``limit`` of ``masks`` leave out (``present``) or
    hold (not ``present``), counted bit-sliced: ``at_least[t]`` holds those counted ``t + 1`` times."""
    at_least = [0] * (limit + 1)
    for mask in masks:
        miss = among & ~mask if present else among & mask
        if miss:
            for t in range(limit, 0, -1):
                at_least[t] |= at_least[t - 1] & miss
            at_least[0] |= miss
            if at_least[limit] == among:
                break
    return at_least[limit]


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
