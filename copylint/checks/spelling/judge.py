"""Deciding whether an unknown word is a slip, and what it was meant to be.

A word the lexicon does not know is not necessarily wrong: news copy is full of names, new words and
borrowings. The judge weighs three kinds of evidence:

* the article itself: a word one or two edits away that the article uses more often (Ukranian next
  to Ukrainian, DaimerChrysler next to DaimlerChrysler) is the strongest sign of a slip;
* usage: a dictionary word one or two edits away that is far more common in real text than the
  unknown word (definately, used about 100 times less than definitely);
* the curated misspelling map, for slips that are common enough to be listed.

Lowercase words get little benefit of the doubt: an unknown lowercase word that nobody writes is
flagged. One that real text does use -- rarely (hanbok, pneumonitis) or often (carb, facto) -- is
flagged only when a near word is far more common, and the more the word is used, and the further
away the near word, the larger the gap must be: real misspellings are rarely common themselves (the
few that are, teh and ther, are one slip from a word a thousand times more common). Capitalised
words are taken for names unless the article or a much more common near word says otherwise.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property

from rapidfuzz import process
from rapidfuzz.distance import OSA

from copylint.checks.spelling.article_words import ArticleWords
from copylint.checks.spelling.candidates import VOWELS, CandidateIndex, match_case, rank, slip_cost
from copylint.checks.spelling.misspellings import Misspellings, load_misspellings
from copylint.checks.spelling.morphology import is_agent_noun, is_derived, run_together
from copylint.checks.spelling.phonetic import PhoneticIndex
from copylint.language.lexicon import (
    TIER_HUGE,
    ExtendedWords,
    Lexicon,
    LexiconData,
    RareUsage,
    load_extended_words,
    load_rare_usage,
)
from copylint.language.wordforms import PROPER_ADJECTIVE_ENDINGS, TWO_EDIT_LEN, camel_compound, derived_pair

#: an unknown lowercase word used less than this (Zipf) is not in real use: it is flagged when a
#: common dictionary word is near (see ONE_EDIT_ZIPF), or when it is two words run together
USAGE_FLOOR = 1.0
#: a near dictionary word this many Zipf points more common marks a word in rare use as a slip ...
LOWER_MARGIN = 1.0
#: ... this many, a word in common use (Zipf >= COMMON_USAGE: carb, facto, masse)
COMMON_USAGE = 3.0
COMMON_MARGIN = 2.5
#: the extra margin a near word two edits away needs (hanbok is two edits from handbook)
TWO_EDIT_MARGIN = 1.0
#: a word of the largest dictionary (SCOWL "insane") that nobody writes is still a slip when a word
#: this common (Zipf) is one edit away (radious, radius)
ONE_EDIT_ZIPF = 1.5
#: an unused word with no dictionary word within two edits is a slip when it sounds like a common
#: word, or one this common (Zipf) is three edits away (comittmen, commitment)
FAR_EDITS = 3
FAR_CANDIDATE_ZIPF = 2.0
#: a word of a larger dictionary is a slip only when a word one keystroke away (slip cost at most
#: RARE_WORD_SLIP) is this many Zipf points more common
RARE_WORD_MARGIN = 3.0
RARE_WORD_SLIP = 0.8
#: the margin of such a word for an unknown word in italics (genuinly, genuinely)
LIKELY_SLIP_MARGIN = 2.0
#: a word used less than this (Zipf) that is two common words run together is a lost space (bemore)
RUN_TOGETHER_USAGE = 2.0
#: a word one edit away this much more common (Zipf) than the rarer of the two words goes first
SPLIT_MARGIN = 1.0
#: a Capitalised word no one uses is flagged when a proper noun this common is one edit away
CAPITAL_CANDIDATE_ZIPF = 4.0
#: a Capitalised word in rare use (below this Zipf) is a slip when a proper adjective at least this
#: common, and this many Zipf points more used than it, is one edit away (Ukranian, Ukrainian)
CAPITAL_RARE_USAGE = 3.0
CAPITAL_COMMON_ZIPF = 4.0
CAPITAL_USAGE_MARGIN = 1.5
#: a lowercase word the article uses this often is meant (unless it is a listed misspelling)
LOWER_REPEATS = 3
#: the least usage a word is credited with when weighing its near words against its parts
UNSEEN_ZIPF = 1.5
#: a lowercase word built from known parts (unpatched, inkjet) is accepted unless a word one edit
#: away is this much more common (everthing)
STRONG_MARGIN = 3.0
#: parts of compounds shorter than this are not checked against the misspelling map (add-ons)
MIN_COMPOUND_PART = 5
#: a part of a compound is checked for slips only from this length (not pre-, co-, -ons) ...
MIN_COMPOUND_SLIP = 4
#: ... and only when a word this common is one edit away
COMPOUND_CANDIDATE_ZIPF = 3.0
#: lowercase words shorter than this take no evidence from the article (ther, the)
MIN_EVIDENCE_LENGTH = 5
#: a Capitalised word in real use (Hussain, Amalric) is the article's own spelling of a name unless the
#: article's more frequent near form outnumbers it this many times over and neither has a first name
NAME_OUTNUMBERED = 3
#: the rarest near word worth suggesting without article evidence
MIN_CANDIDATE_ZIPF = 1.0
#: suggestions offered per finding
MAX_SUGGESTIONS = 5
_INFLECTIONS = ("s", "es", "d", "ed", "ing", "er", "ers", "ly", "n")


def is_inflection(a: str, b: str) -> bool:
    """Is one of the two lowercase forms the other plus a regular ending (Focker, Fockers)?"""
    short, long_ = sorted((a, b), key=len)
    return long_.startswith(short) and long_[len(short):] in _INFLECTIONS


def max_edits(word: str) -> int:
    return 1 if len(word) < 6 else 2


@dataclass(frozen=True)
class Verdict:
    """A slip and its corrections (best first, in the word's case pattern)."""

    suggestions: tuple[str, ...]
    #: the single correction comes from the curated map: safe to apply without review
    certain: bool
    reason: str


class Judge:
    """Process-wide helpers shared by every call: the near-word index, the curated map and a cache
    of near-word searches (words repeat across articles)."""

    CACHE_SIZE = 50_000

    def __init__(self, data: LexiconData) -> None:
        self.data = data
        # caches hold strings and tuples of strings, never lists or sets, so that the garbage
        # collector does not walk them in a long-lived process (see lexicon.LexiconData)
        self._near: dict[str, tuple[tuple[str, int], ...]] = {}
        self._sound_alikes: dict[str, tuple[tuple[str, int], ...]] = {}
        self._known_tokens: dict[int, tuple[Lexicon, dict[str, None]]] = {}
        self._lock = threading.Lock()

    # the index and the map are needed only once an unknown word turns up (built once; cached_property
    # locks, so threads wait for the first build rather than repeating it)
    @cached_property
    def index(self) -> CandidateIndex:
        return CandidateIndex(self.data)

    @cached_property
    def misspellings(self) -> Misspellings:
        return load_misspellings()

    @cached_property
    def rare_usage(self) -> RareUsage:
        return load_rare_usage()

    @cached_property
    def extended(self) -> ExtendedWords:
        return load_extended_words()

    @cached_property
    def phonetic(self) -> PhoneticIndex:
        return PhoneticIndex(self.data)

    def usage(self, lower: str) -> float:
        """How much real text uses ``lower`` (Zipf; 0.0 below 1.0, or never)."""
        return self.data.zipf.get(lower) or self.rare_usage.zipf(lower)

    def known_tokens(self, lex: Lexicon) -> dict[str, None]:
        """Token texts every piece of which ``lex`` knows, as keys (filled by the rule as it goes;
        adding a key is atomic, and a lost addition only costs a lookup)."""
        entry = self._known_tokens.get(id(lex))
        if entry is None or entry[0] is not lex:
            with self._lock:
                entry = self._known_tokens.setdefault(id(lex), (lex, {}))
        if len(entry[1]) >= self.CACHE_SIZE * 4:
            entry[1].clear()
        return entry[1]

    def near(self, lower: str) -> tuple[tuple[str, int], ...]:
        found = self._near.get(lower)
        if found is None:
            found = tuple(self.index.near(lower, max_edits(lower)))
            with self._lock:
                if len(self._near) >= self.CACHE_SIZE:
                    self._near.clear()
                self._near[lower] = found
        return found

    # ---------------------------------------------------------------- the decisions
    def judge(self, word: str, lex: Lexicon, article: ArticleWords, *, in_compound: bool = False,
              sentence_start: bool = False, beside_name: bool = False,
              endings: frozenset[str] = frozenset()) -> Verdict | None:
        """A verdict if ``word`` (unknown to the lexicon) is a slip, else None. ``beside_name``: the
        word stands next to another Capitalised word (Ken Mayland), so it is likely part of a name.
        ``endings``: derivational endings (Baathism, Baathist) that make one stem two words."""
        where = self.data.dialect.get(word) or self.data.dialect.get(word.lower())
        if where and lex.dialect not in ("any", where):
            other = lex.counterpart(word)
            return Verdict((other,) if other else (), other is not None, "dialect")
        if word.islower():
            return self._judge_lower(word, lex, article, in_compound)
        if in_compound:
            return None
        return self._judge_capitalised(word, lex, article, sentence_start, beside_name, endings)

    def _judge_lower(self, word: str, lex: Lexicon, article: ArticleWords, in_compound: bool) -> Verdict | None:
        listed = self._listed_fixes(word, lex)
        if listed and (not in_compound or len(word) >= MIN_COMPOUND_PART):
            return self._listed(word, listed, lex, article)
        if word in self.data.proper_lower or word in self.index.accent_folded:
            return None  # a name in lowercase or a word without its accent is a matter of style
        if not any(c in VOWELS for c in word) or article.counts[word] >= LOWER_REPEATS:
            return None  # an abbreviation (bpd, mph); a word used again and again is meant
        tier = self.extended.tier(word)
        usage = self.usage(word)
        near = self._near_known(word, lex)
        if tier == TIER_HUGE:  # a word of a larger dictionary (netizen, mockumentary, uncited, hurly)
            if not in_compound and self._rare_word_slip(word, usage, near):
                return self._verdict(word, lex, article, near, "usage")
            return None
        if in_compound:  # bcak-up: only a part no one writes, one slip from a common word
            if usage or tier or len(word) < MIN_COMPOUND_SLIP or is_agent_noun(word, lex) or not any(
                    d == 1 and self.data.zipf.get(c, 0.0) >= COMPOUND_CANDIDATE_ZIPF for c, d in near):
                return None  # left-armer, one-dayer: a noun made of the phrase before it
            return self._verdict(word, lex, article, near, "usage")
        if not tier and usage < RUN_TOGETHER_USAGE:
            split = run_together(word, lex)
            if split:  # bemore, waveof, pointseemed: two words with the space lost
                return self._run_together(word, split, lex, article, near)
        evidence = not tier and any(lex.knows(f) for f in self._article_evidence(word, article))
        if not evidence and not self._usage_says_slip(word, usage, near, lex, trusted=tier is not None):
            return None
        return self._verdict(word, lex, article, near, "article" if evidence else "usage")

    def _run_together(self, word: str, split: tuple[str, float], lex: Lexicon, article: ArticleWords,
                      near: list[tuple[str, int]]) -> Verdict:
        """A lost space: the two words are the first suggestion unless a word one edit away is far
        more common than the rarer of them (latext: latest, not "lat ext")."""
        words, least = split
        zipf = self.data.zipf
        best_close = max((zipf.get(c, 0.0) for c, d in near if d == 1), default=0.0)
        ranked = self._suggest(word, lex, article, near=near)
        margin = 0.0 if words.startswith("a ") else SPLIT_MARGIN  # "a cord" for acord: accord first
        if best_close - least >= margin and ranked:
            return Verdict((*ranked[:1], words, *ranked[1:])[:MAX_SUGGESTIONS], False, "usage")
        return Verdict(self._suggest(word, lex, article, first=(words,), near=near), False, "run-together")

    def _verdict(self, word: str, lex: Lexicon, article: ArticleWords, near: list[tuple[str, int]],
                 reason: str) -> Verdict | None:
        """A finding on a slip, or None when there is nothing to offer for it (a word flagged must
        come with a suggestion). A word with nothing one edit away is badly misspelt: the words that
        sound like it, or are three edits away, compete with the near ones."""
        if not any(d == 1 for _, d in near):
            near = [*near, *self._sounds_like(word, lex)]
        suggestions = self._suggest(word, lex, article, near=near)
        return Verdict(suggestions, False, reason) if suggestions else None

    def _usage_says_slip(self, word: str, usage: float, near: list[tuple[str, int]], lex: Lexicon,
                         trusted: bool = False) -> bool:
        """With no evidence in the article: is lowercase ``word`` (used ``usage``) a slip for one of
        the dictionary words ``near`` it? ``trusted``: a larger dictionary lists it (hyposmia), so
        only a far more common word one edit away says it is a slip, as for a word built from parts."""
        if any(d == 1 and c.replace("'", "") == word for c, d in near):
            return True  # dont, isnt: a contraction without its apostrophe, however often written so
        zipf = self.data.zipf
        best_close = max((zipf.get(c, 0.0) for c, d in near if d == 1), default=0.0)
        if best_close - max(usage, UNSEEN_ZIPF) < STRONG_MARGIN and (
                (trusted and (usage >= USAGE_FLOOR or best_close < ONE_EDIT_ZIPF)) or is_derived(word, lex)):
            return False  # a word of the largest dictionary that someone writes, or that no word is one slip from
        if usage < USAGE_FLOOR:  # nobody writes it: a slip if any word is near enough to be meant
            return bool(near) or bool(self._sounds_like(word, lex))
        gap = max((zipf.get(c, 0.0) - TWO_EDIT_MARGIN * (d - 1) for c, d in near), default=-9.0) - usage
        return round(gap, 1) >= (COMMON_MARGIN if usage >= COMMON_USAGE else LOWER_MARGIN)  # Zipf has one decimal

    def likely_slip(self, word: str, lex: Lexicon) -> bool:
        """Is lowercase ``word`` one likely keystroke from a far more common word (genuinly,
        genuinely)? Such a word is a slip even where copy sets words apart (in italics)."""
        usage = self.usage(word)
        return self._rare_word_slip(word, usage, self._near_known(word, lex), LIKELY_SLIP_MARGIN)

    def _rare_word_slip(self, word: str, usage: float, near: list[tuple[str, int]],
                        margin: float = RARE_WORD_MARGIN) -> bool:
        """Is ``word``, a word of a larger dictionary, still a slip: a word one likely keystroke
        away (a neighbouring key, a doubled or dropped letter) is far more common? ("fone" for
        "done"; but not "uncited" for "united" nor "hurly" for "hourly": a suggestion that changes
        the meaning of a real word is worse than none.)"""
        zipf = self.data.zipf
        floor = max(usage, UNSEEN_ZIPF) + margin
        return any(d == 1 and zipf.get(c, 0.0) >= floor and slip_cost(word, c) <= RARE_WORD_SLIP for c, d in near)

    def _sounds_like(self, word: str, lex: Lexicon) -> list[tuple[str, int]]:
        """Common words for a badly misspelt ``word`` that has none within two edits, with their
        edit distance: those that sound like it (privelidge, privilege) and those three edits away
        (comittmen, commitment)."""
        found = self._sound_alikes.get(word)
        if found is None:
            alike = {c: OSA.distance(word, c) for c in self.phonetic.sounding_like(word) if not is_inflection(word, c)}
            alike.update((c, d) for c, d in self.index.near_by_start(word, FAR_EDITS)
                         if d == FAR_EDITS and self.data.zipf.get(c, 0.0) >= FAR_CANDIDATE_ZIPF)
            found = tuple(sorted(alike.items()))
            with self._lock:
                if len(self._sound_alikes) >= self.CACHE_SIZE:
                    self._sound_alikes.clear()
                self._sound_alikes[word] = found
        return [(c, d) for c, d in found if lex.knows(self.index.surface.get(c, c))]

    def _judge_capitalised(self, word: str, lex: Lexicon, article: ArticleWords,
                           sentence_start: bool, beside_name: bool, endings: frozenset[str]) -> Verdict | None:
        evidence = tuple(f for f in self._article_evidence(word, article)
                         if not lex.is_common(f) and self._same_name(word, f, lex, article, endings))
        if evidence:
            return Verdict(self._suggest(word, lex, article, first=evidence), False, "article")
        lower = word.lower()
        usage = self.data.zipf.get(lower, 0.0)
        if article.counts[word] > 1 or word != match_case(word, lower):
            return None  # used again, or oddly capitalised (eDonkey): a name
        if usage:
            return self._common_name_slip(word, usage, lex, article, beside_name)
        fixes = self._listed_fixes(lower, lex)
        if fixes and (sentence_start or all(f[:1].isupper() for f in fixes)):
            return self._listed(word, fixes, lex, article)
        if beside_name:
            return None
        near = [(c, d) for c, d in self._near_known(lower, lex) if d == 1 and len(c) >= len(lower)
                and c in self.index.surface and self.data.zipf.get(c, 0.0) >= CAPITAL_CANDIDATE_ZIPF]
        if not near:
            return None  # most likely a name
        return Verdict(self._suggest(word, lex, article, near=near), False, "usage")

    def _common_name_slip(self, word: str, usage: float, lex: Lexicon, article: ArticleWords,
                          beside_name: bool) -> Verdict | None:
        """A Capitalised word in rare use one edit from a common proper adjective that is far more
        used (Ukranian, Ukrainian; Norweigan, Norwegian): a slip that has become common, not a name
        (a name one edit from another is most often a name: Asda, Asia).
        Names in real use are left alone: words SCOWL "huge" or Hunspell lists, words beside another
        name, and words used more than :data:`CAPITAL_RARE_USAGE`."""
        if usage >= CAPITAL_RARE_USAGE or beside_name or self.extended.tier(word) == TIER_HUGE:
            return None
        lower = word.lower()
        near = [(c, d) for c, d in self._near_known(lower, lex) if d == 1 and len(c) >= len(lower)
                and c in self.index.surface and c.endswith(PROPER_ADJECTIVE_ENDINGS)
                and self.data.zipf.get(c, 0.0) >= max(CAPITAL_COMMON_ZIPF, usage + CAPITAL_USAGE_MARGIN)]
        return Verdict(self._suggest(word, lex, article, near=near), False, "usage") if near else None

    def _same_name(self, word: str, form: str, lex: Lexicon, article: ArticleWords, endings: frozenset[str]) -> bool:
        """Does the article's more frequent Capitalised ``form`` say that ``word`` is a slip for it,
        rather than another name? The tests of the name-consistency rule's near misses
        (:meth:`copylint.checks.names.groups.NearMisses.same_entity`), on the article's words."""
        a, b = form.lower(), word.lower()
        distance = OSA.distance(a, b)
        if distance > 1 and min(len(a), len(b)) < TWO_EDIT_LEN:
            return False  # Amalric / Almaric, Jamison / Jason: short names two edits apart are two names
        if derived_pair(a, b, endings) or camel_compound(form, word):
            return False  # Baathism / Baathist, iPadOS / iPads: one stem, two words
        form_first = article.names_before(form, lex.is_common)
        word_first = article.names_before(word, lex.is_common)
        shared = bool(form_first & word_first)
        if len(a) == len(b) and a[:-1] == b[:-1]:
            return shared  # Maria / Mario: a last letter is an ending; names that differ in it are two
        if self.usage(b) < USAGE_FLOOR:
            return True  # a spelling nobody writes (Janie Henndrix beside Jimi Hendrix): a slip
        # a name in real use (Hussain, Stratford): the article's near form says it is a slip only
        # when they name one person
        if form_first and word_first and not shared:
            return False  # Saddam Hussein / Minister Hussain: two people
        known = lex.knows(form)
        if known and word_first and not form_first:
            return False  # Dan Stratford beside a place never given a first name (Stanford)
        if known and a.endswith(PROPER_ADJECTIVE_ENDINGS):
            return True  # Ukranian beside Ukrainian: a slip in a dictionary adjective
        if (not known and not form_first and not word_first
                and article.counts[form] >= NAME_OUTNUMBERED * article.counts[word]):
            return True  # the article's own spelling, always bare, far outnumbers a name in use
        return shared  # both are names in use (Vardan, Vardhan): only a shared first name joins them

    def _listed_fixes(self, lower: str, lex: Lexicon) -> tuple[str, ...]:
        """The curated map's fixes for ``lower`` that are words this configuration knows."""
        return tuple(f for f in self.misspellings.fixes(lower) if all(lex.knows(w) for w in f.split()))

    def _listed(self, word: str, fixes: tuple[str, ...], lex: Lexicon, article: ArticleWords) -> Verdict:
        fixes = tuple(self._in_dialect(f, lex) for f in fixes)
        suggestions = self._suggest(word, lex, article, first=fixes, ranked=False)
        return Verdict(suggestions, len(fixes) == 1 and " " not in fixes[0], "known misspelling")

    def _near_known(self, lower: str, lex: Lexicon) -> list[tuple[str, int]]:
        """Near dictionary words that this configuration accepts, other than ``lower``'s inflections."""
        return [(c, d) for c, d in self.near(lower)
                if not is_inflection(lower, c) and lex.knows(self.index.surface.get(c, c))]

    def _article_evidence(self, word: str, article: ArticleWords) -> tuple[str, ...]:
        """Forms the article uses more often that are within one or two edits of ``word``."""
        counts = article.counts
        mine = counts.get(word, 0)
        lower = word.lower()
        limit = max_edits(word)
        out: list[str] = []
        if len(word) < MIN_EVIDENCE_LENGTH:
            return ()
        # the forms within reach, found in C; the article's counts and capitals then decide
        pool = article.near_in_length(lower[:1], len(word), limit, more_than=mine)
        for form, _, _ in process.extract(word, pool, scorer=OSA.distance, score_cutoff=limit, limit=None):
            n = counts[form]
            if n <= mine or form.lower() == lower:
                continue
            if word[:1].isupper() != form[:1].isupper() or (word.islower() and not form.islower()):
                continue
            other = form.lower()
            if other.startswith(lower) or lower.startswith(other):
                continue  # Saud and Saudi, Lanka and Lankans: one word built on the other
            out.append(form)
        out.sort(key=lambda f: (-counts[f], OSA.distance(word, f), f))
        return tuple(out)

    @staticmethod
    def _in_dialect(fix: str, lex: Lexicon) -> str:
        if lex.dialect == "any" or " " in fix or lex.knows(fix):
            return fix
        return lex.counterpart(fix) or fix

    def _suggest(self, word: str, lex: Lexicon, article: ArticleWords, *, first: tuple[str, ...] = (),
                 near: list[tuple[str, int]] | None = None, ranked: bool = True) -> tuple[str, ...]:
        """Corrections in ``word``'s case, best first: ``first`` ones, then ranked near words."""
        lower = word.lower()
        out = [match_case(word, f) for f in first]
        if ranked:
            if near is None:
                near = self._near_known(lower, lex)
            zipf: Mapping[str, float] = self.data.zipf
            cands = [c for c, _ in near if zipf.get(c, 0.0) >= MIN_CANDIDATE_ZIPF or article.lower_counts.get(c)]
            for cand in rank(lower, cands, _dialect_weighted(zipf, lex, article), article.lower_counts,
                             self.phonetic.key if not any(d == 1 for _, d in near) else None):
                out.append(match_case(word, self.index.surface.get(cand, cand)))
        seen: list[str] = []
        for s in out:
            if s not in seen and s != word:
                seen.append(s)
        return tuple(seen[:MAX_SUGGESTIONS])


class _DialectWeighted(Mapping[str, float]):
    """Zipf frequencies nudged towards the dialect the article (or the config) writes in."""

    def __init__(self, zipf: Mapping[str, float], lex: Lexicon, preferred: str | None) -> None:
        self._zipf, self._lex, self._preferred = zipf, lex, preferred

    def __getitem__(self, key: str) -> float:
        value = self._zipf[key]
        where = self._lex.dialect_of(key)
        if where and self._preferred:
            value += 0.5 if where == self._preferred else -0.5
        return value

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self._zipf)

    def __len__(self) -> int:
        return len(self._zipf)


def _dialect_weighted(zipf: Mapping[str, float], lex: Lexicon, article: ArticleWords) -> Mapping[str, float]:
    preferred = lex.dialect if lex.dialect != "any" else article_dialect(lex, article)
    return _DialectWeighted(zipf, lex, preferred)


def article_dialect(lex: Lexicon, article: ArticleWords) -> str | None:
    """The dialect most of the article's one-dialect spellings belong to, if any (counted once per
    article: every suggestion asks)."""
    return article.dialect(lex.data.dialect)
