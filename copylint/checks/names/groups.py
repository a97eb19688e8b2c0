"""Which name forms of one article stand for one entity.

Every run of one to four consecutive words of a mention is a *form* (``Kim Jong Un`` gives
``Kim Jong Un``, ``Jong Un``, ``Kim`` ...), so a partial mention (``Jong-un's army``) meets the
matching part of a full one. Forms are grouped when they are equal after folding case, hyphens,
spaces, apostrophes, dots and diacritics; when a house-style entry lists them as variants of one
name; or when one word is a near miss (one edit, two in a long word) of a word the article uses
more often and nothing suggests two different entities (see :func:`NearMisses.same_entity`).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable, Iterator
from typing import NamedTuple

from rapidfuzz.distance import OSA

from copylint.checks.names.mentions import Mention
from copylint.language.wordforms import PROPER_ADJECTIVE_ENDINGS, TWO_EDIT_LEN, camel_compound, derived_pair

#: longest run of words taken as one form
MAX_WORDS = 4
#: shortest frequent word (in letters) whose near misses are looked for; a miss may be a letter shorter
MIN_NEAR_MISS_LEN = 5
#: folded forms remembered (names recur within and across articles), in a plain dict of strings:
#: thread-safe for this use and never walked by the garbage collector
FOLD_CACHE_SIZE = 65_536
_FOLDED: dict[str, str] = {}
#: starts the key of a form written in an address (@DanaQuill, LarkTickets.com): such forms meet
#: only each other (a folded name never holds an @)
ADDRESS_KEY = "@"
_FOLD_DROP = str.maketrans("", "", " -'’.\u00a0\u2010\u2011")


def fold(text: str) -> str:
    """The form ``text`` is compared by: lowercase, no spaces/hyphens/apostrophes/dots/diacritics."""
    folded = _FOLDED.get(text)
    if folded is None:
        folded = text.lower().translate(_FOLD_DROP)
        if not folded.isascii():
            folded = "".join(c for c in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(c))
        if len(_FOLDED) >= FOLD_CACHE_SIZE:
            _FOLDED.clear()
        _FOLDED[text] = folded
    return folded


class Occurrence(NamedTuple):
    """One place where a form is written (prose offsets). A named tuple: an article has thousands."""

    start: int
    end: int
    #: the words as written, joined by single spaces
    surface: str
    #: number of words
    size: int
    #: the form starts a sentence, so its first capital may be only the sentence's
    sentence_start: bool
    #: the form starts with a capitalised common word at a sentence start ("Looking forward"),
    #: or is in capitals for emphasis: weak evidence that it is a name at all
    weak: bool
    #: the folded word written before a one-word form inside its mention (a first name), or ""
    before: str
    #: the folded word written after a one-word form inside its mention (a surname), or ""
    after: str = ""


def forms_of(mentions: Iterable[Mention], is_common: Callable[[str], bool],
             is_compound: Callable[[str, str], bool]) -> dict[str, list[Occurrence]]:
    """Every form of the mentions, by folded key. ``is_compound(word, next_word)`` says whether
    ``word-next_word`` is an ordinary hyphenated compound (Spanish-language) rather than a name."""
    by_key: dict[str, list[Occurrence]] = {}
    tailed: list[tuple[Mention, str]] = []  # mentions followed by a lowercase word, and that word
    hyphenated: set[str] = set()  # every hyphenated word (Jong-un): a lost hyphen needs one
    for m in mentions:
        toks = m.tokens
        if m.tail is not None:
            tailed.append((m, m.tail.text))
        if len(toks) == 1 and not m.address:  # one word, most often: its one form
            start, end, first = toks[0]
            if "-" in first:
                hyphenated.add(first)
            if not (first.islower() or first.isupper()):
                weak = m.sentence_start and is_common(first)  # "And Anastacia", "Looking forward"
                occ = _new_occurrence(Occurrence, (start, end, first, 1, m.sentence_start, weak, "", ""))
                key = _FOLDED.get(first) or fold(first)
                found = by_key.get(key)
                if found is None:
                    by_key[key] = [occ]
                else:
                    found.append(occ)
        else:
            hyphenated.update(t.text for t in toks if "-" in t.text)
            _add_forms(by_key, m, is_common)
    for m, tail in tailed:
        last = m.tokens[-1].text
        if last + "-" + tail in hyphenated and not is_compound(last, tail):
            _add_hyphen_tail(by_key, m)
    return by_key


#: builds an :class:`Occurrence` without the Python frame of a named tuple's ``__new__``
_new_occurrence = tuple.__new__


def _add_forms(by_key: dict[str, list[Occurrence]], m: Mention, is_common: Callable[[str], bool]) -> None:
    """Add every form of mention ``m`` (every run of one to :data:`MAX_WORDS` of its words)."""
    toks = m.tokens
    texts = [t[2] for t in toks]
    n = len(toks)
    prefix = ADDRESS_KEY if m.address else ""
    shouted = n > 1 and all(t.isupper() for t in texts)
    sentence_start = m.sentence_start
    opener = sentence_start and is_common(texts[0])  # "And Anastacia", "Looking forward"
    folded = _FOLDED
    for i in range(n):
        first = texts[i]
        particle = first.islower()
        start = toks[i][0]
        weak = shouted or (i == 0 and opener) or (first.isupper() and len(first) > 1 and is_common(first))
        before = fold(texts[i - 1]) if i > 1 or (i == 1 and not opener) else ""
        starts = i == 0 and sentence_start
        surface = ""
        for j in range(i, min(n, i + MAX_WORDS)):
            surface = first if j == i else surface + " " + texts[j]
            if (j == i and particle) or surface.isupper():
                continue  # a particle on its own is not a name; capitals may be only emphasis
            key = folded.get(surface) or fold(surface)
            if prefix:
                key = prefix + key
            after = fold(texts[j + 1]) if j == i and j + 1 < n else ""
            occ = _new_occurrence(Occurrence, (start, toks[j][1], surface, j - i + 1, starts, weak, before, after))
            found = by_key.get(key)
            if found is None:
                by_key[key] = [occ]
            else:
                found.append(occ)


def _add_hyphen_tail(by_key: dict[str, list[Occurrence]], m: Mention) -> None:
    """``Kim Jong un`` where the article also writes ``Kim Jong-un``: a hyphen lost before a
    lowercase word. Added only when the article writes the hyphenated form too."""
    tail = m.tail
    assert tail is not None
    toks = m.tokens
    for i in range(max(0, len(toks) - MAX_WORDS + 1), len(toks)):
        base = " ".join(t.text for t in toks[i:])
        key = fold(base + tail.text)
        hyphenated = base + "-" + tail.text
        if any(o.surface == hyphenated for o in by_key.get(key, ())):
            by_key[key].append(Occurrence(toks[i].start, tail.end, base + " " + tail.text, len(toks) - i + 1,
                                          i == 0 and m.sentence_start, False, ""))


class Groups:
    """Union-find over form keys."""

    def __init__(self) -> None:
        self._parent: dict[str, str] = {}

    def find(self, key: str) -> str:
        parent = self._parent
        root = key
        while parent.get(root, root) != root:
            root = parent[root]
        while key != root:
            parent[key], key = root, parent[key]
        return root

    def add(self, key: str) -> None:
        self._parent.setdefault(key, key)

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        self._parent.setdefault(ra, ra)
        if ra != rb:
            self._parent[rb] = ra

    def members(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for key in self._parent:
            out.setdefault(self.find(key), []).append(key)
        return out


#: more majors with one first letter than this are looked up through a :class:`_NearIndex`
NEAR_INDEX_FROM = 64


class _NearIndex:
    """Keys by the strings one deletion away from them (and two, for keys of
    :data:`TWO_EDIT_LEN` letters or more), so that the keys within reach of a word are found from
    its own deletions instead of by comparing it with every key. Two strings within ``k`` edits
    (substitutions, insertions, deletions, swaps of neighbours) share a string that at most ``k``
    deletions make of each; a near miss is within one edit, two when both words are that long."""

    def __init__(self, keys: list[str]) -> None:
        self._one: dict[str, list[int]] = {}
        self._two: dict[str, list[int]] = {}
        for i, key in enumerate(keys):
            for variant in _deletions(key, 1):
                self._one.setdefault(variant, []).append(i)
            if len(key) >= TWO_EDIT_LEN:
                for variant in _deletions(key, 2):
                    self._two.setdefault(variant, []).append(i)

    def near(self, word: str) -> list[int]:
        """Positions, in order, of every key that may be within a near miss of ``word`` (a superset:
        the caller measures the distance)."""
        found: set[int] = set()
        for variant in _deletions(word, 1):
            found.update(self._one.get(variant, ()))
        if len(word) >= TWO_EDIT_LEN:
            for variant in _deletions(word, 2):
                found.update(self._two.get(variant, ()))
        return sorted(found)


def _deletions(word: str, k: int) -> set[str]:
    """``word`` and every string made from it by deleting up to ``k`` characters."""
    out = {word}
    for _ in range(k):
        out |= {w[:i] + w[i + 1:] for w in out for i in range(len(w))}
    return out


class NearMisses:
    """Finds one-word forms that are near misses of a word the article uses more often.

    ``knows(word)`` says whether a dictionary knows the word (a proper noun or a common word);
    ``is_common(word)`` whether it is an ordinary lowercase word (``Looking``, ``Booking``).
    """

    def __init__(self, knows: Callable[[str], bool], is_common: Callable[[str], bool],
                 endings: frozenset[str] = frozenset()) -> None:
        self.knows = knows
        self.is_common = is_common
        self.endings = endings

    def pairs(self, by_key: dict[str, list[Occurrence]]) -> Iterator[tuple[str, str]]:
        """(majority key, minority key) pairs that name one entity."""
        # a slip almost never changes a name's first letter (Kabul / Zabul): majors by first letter;
        # only forms written twice can be one, so most articles are settled without looking further
        majors: dict[str, list[tuple[str, int]]] = {}
        for key, occs in by_key.items():
            if len(occs) >= 2 and len(key) >= MIN_NEAR_MISS_LEN and key.isalpha():
                single = [o for o in occs if o.size == 1 and not o.weak]
                if len(single) >= 2:
                    majors.setdefault(key[0], []).append((key, len(single)))
        if not majors:
            return
        words: dict[str, list[Occurrence]] = {}
        for key, occs in by_key.items():
            if key[:1] in majors and len(key) >= MIN_NEAR_MISS_LEN - 1 and key.isalpha():
                single = [o for o in occs if o.size == 1 and not o.weak]
                if single:
                    words[key] = single
        indexes: dict[str, _NearIndex] = {}
        for minor, occs in words.items():
            count = len(occs)
            candidates = majors.get(minor[0], ())
            if len(candidates) > NEAR_INDEX_FROM:  # many: only those a deletion or two away
                index = indexes.get(minor[0])
                if index is None:
                    index = indexes[minor[0]] = _NearIndex([key for key, _ in candidates])
                candidates = [candidates[i] for i in index.near(minor)]
            for major, major_count in candidates:
                if major_count < 2 * count or abs(len(major) - len(minor)) > 2 or major == minor:
                    continue
                limit = 2 if min(len(major), len(minor)) >= TWO_EDIT_LEN else 1
                distance = OSA.distance(major, minor, score_cutoff=limit)
                if distance <= limit and self.same_entity(words[major], occs, distance):
                    yield major, minor
                    break

    def same_entity(self, major: list[Occurrence], minor: list[Occurrence], distance: int) -> bool:
        """Evidence that a rarer word close to a frequent one is the same name misspelt."""
        a, b = fold(major[0].surface), fold(minor[0].surface)
        if a.startswith(b) or b.startswith(a) or a.endswith(b) or b.endswith(a):
            return False  # Korea / Korean, Carmen / U-Carmen: an affix, not a slip
        word = _most_common_surface(minor)
        if derived_pair(a, b, self.endings) or camel_compound(_most_common_surface(major), word):
            return False  # Baathist / Baathism, iPads / iPadOS: one stem, two words
        if self.is_common(word):
            return False  # Looking / Booking: ordinary words at a sentence start
        first_names = {o.before for o in major} - {""}
        minor_first = {o.before for o in minor} - {""}
        if first_names and minor_first and not first_names & minor_first:
            return False  # Pamela Anderson / Hans Christian Andersen: different people
        surnames = {o.after for o in major}
        minor_surnames = {o.after for o in minor}
        if "" not in surnames | minor_surnames and not surnames & minor_surnames:
            return False  # Jason Kelce / Javon Hargrave: first names of different people
        known = self.knows(_most_common_surface(major))
        if known and minor_first and not first_names:
            return False  # Tim Koogle / Google: a person beside a name never given a first name
        if len(a) == len(b) and a[:-1] == b[:-1]:
            # Maria / Mario, Hamas / Hamad: a last letter is an ending, and names that differ in it
            # are most often two names; only a shared first name says one of them is a slip
            return bool(first_names & minor_first)
        if known and a.endswith(PROPER_ADJECTIVE_ENDINGS):
            return False  # Ukrainian / Ukranian: a slip in a dictionary adjective is a typo (CL1xx)
        if (self.knows(word) and not known and len(major) >= 3 * len(minor) >= 3 and not minor_first
                and not first_names):
            # Anastacia x3 / Anastasia, both always bare: the article's own unlisted spelling
            # outnumbers a known name (La Fenice / Venice is not bare)
            return True
        if self.knows(word) or (distance > 1 and known):
            # both spellings are real names (Hollywood / Bollywood, Austria / Australia): only a
            # shared first name says that one of them is a slip (Hans Christian Anderson)
            return bool(first_names & minor_first)
        return True


def _most_common_surface(occs: list[Occurrence]) -> str:
    counts: dict[str, int] = {}
    for o in occs:
        counts[o.surface] = counts.get(o.surface, 0) + 1
    return max(counts, key=counts.__getitem__)
