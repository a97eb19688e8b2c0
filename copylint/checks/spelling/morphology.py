"""Words built from known parts: a prefix (unpatched, renationalise), a regular ending (downloaders,
wirelessly; the informal -y and -ish of shouty, cringy, trippy, and -ist, -ism, -ic) or two common
words run together (inkjet, frontman). New words in news copy are mostly made this way, so the
spelling rule does not flag them without other evidence."""

from __future__ import annotations

from copylint.language.lexicon import Lexicon

VOWELS = frozenset("aeiou")

PREFIXES = ("anti", "bio", "co", "counter", "cyber", "de", "dis", "down", "eco", "geo", "hyper", "inter",
            "mega", "micro", "mid", "mini", "mis", "multi", "non", "out", "over", "post", "pre", "re",
            "self", "semi", "sub", "super", "tele", "ultra", "un", "under", "up")
#: endings and what a stem may have lost to them (hirings <- hiring, ethnicities <- ethnicity)
SUFFIXES = (("s", ""), ("es", ""), ("ies", "y"), ("ed", ""), ("ed", "e"), ("d", ""), ("ing", ""),
            ("ing", "e"), ("er", ""), ("er", "e"), ("ers", ""), ("ers", "e"), ("ly", ""), ("ily", "y"),
            ("ness", ""), ("ment", ""), ("able", ""), ("ability", "able"), ("ist", ""), ("ism", ""),
            ("ise", ""), ("ize", ""), ("isation", ""), ("ization", ""))
#: informal and derivational endings (shouty, cringy, shamey, trippy, polyamorist, agentic): taken
#: only on a dictionary word, never on a compound (honourary is not honour + are + -y)
INFORMAL_SUFFIXES = (("y", ""), ("y", "e"), ("ey", ""), ("ish", ""), ("ish", "e"), ("ist", "y"), ("ist", "e"),
                     ("ism", "e"), ("ic", ""), ("ic", "y"), ("ical", ""), ("ness", "y"), ("iness", "y"))
#: endings that start with a vowel: a stem may double its last consonant before them (trippy, biggish)
_VOWEL_ENDINGS = frozenset(e for e, _ in SUFFIXES + INFORMAL_SUFFIXES if e[0] in "aeiouy")
MIN_STEM = 4
#: the shortest word an -er noun in a compound is built on (one-dayer)
MIN_AGENT_STEM = 3
#: both halves of a run-together compound must be at least this common (Zipf)
COMPOUND_ZIPF = 3.5
MIN_PART = 3


def is_derived(word: str, lex: Lexicon) -> bool:
    """Is lowercase ``word`` a known word with a prefix or regular ending, or two common words?"""
    for prefix in PREFIXES:
        rest = word[len(prefix):]
        if word.startswith(prefix) and len(rest) >= MIN_STEM and (lex.is_common(rest) or _suffixed(rest, lex)):
            return True
    return _suffixed(word, lex) or _compound(word, lex)


def is_agent_noun(part: str, lex: Lexicon) -> bool:
    """Is the last part of a hyphenated compound a known word plus -er (left-armer, one-dayer,
    big-hitter): a noun for someone or something with what the phrase names?"""
    stem = part[:-1] if part.endswith("ers") else part
    if not stem.endswith("er") or len(stem) < MIN_AGENT_STEM + 2:
        return False
    stem = stem[:-2]
    undoubled = stem[:-1] if len(stem) > MIN_AGENT_STEM and stem[-1] == stem[-2] else stem
    return any(lex.is_common(s) for s in (stem, stem + "e", undoubled))


def _suffixed(word: str, lex: Lexicon) -> bool:
    for ending, restore in INFORMAL_SUFFIXES:
        if word.endswith(ending):
            stem = word[: len(word) - len(ending)] + restore
            if len(stem) >= MIN_STEM and lex.is_common(stem):
                return True
            if (not restore and ending in _VOWEL_ENDINGS and len(stem) > MIN_STEM and stem[-1] == stem[-2]
                    and stem[-1] not in VOWELS and lex.is_common(stem[:-1])):
                return True  # trippy, biggish: a doubled consonant before the ending
    for ending, restore in SUFFIXES:
        if word.endswith(ending):
            stem = word[: len(word) - len(ending)] + restore
            if not restore and ending[0] in "sde" and stem[-1:] == "y" and stem[-2:-1] not in VOWELS:
                continue  # companys, studyed: a consonant and y take -ies, -ied
            if len(stem) >= MIN_STEM and (lex.is_common(stem) or _compound(stem, lex)):
                return True
    return False


def _compound(word: str, lex: Lexicon) -> bool:
    zipf = lex.data.zipf
    common = lex.data.common
    for i in range(MIN_PART, len(word) - MIN_PART + 1):
        head, tail = word[:i], word[i:]
        if head in common and tail in common and min(zipf.get(head, 0.0), zipf.get(tail, 0.0)) >= COMPOUND_ZIPF:
            return True
    return False


#: both words of a run-together pair must be this common (Zipf) ...
RUN_TOGETHER_ZIPF = 3.0
#: ... and a word of one or two letters this common (a, be, of, to; not "ca" or "ed")
SHORT_WORD_ZIPF = 5.5
SHORT_WORD = 2
#: a pair is a lost space, not a compound (showbusiness, carmaking, passcard), when one of its words
#: is this common (the function words: of, the, be, will, which, more) ...
FUNCTION_WORD_ZIPF = 6.2
#: ... or its second word is a past form of this many letters or more (pointseemed)
MIN_PAST_FORM = 5


def run_together(word: str, lex: Lexicon) -> tuple[str, float] | None:
    """``word`` as two common words whose space was lost (bemore -> "be more", waveof -> "wave of",
    pointseemed -> "point seemed"), with the Zipf frequency of the rarer of the two; the most common
    pair is chosen. None if there is no such pair, or ``word`` is a prefixed word (overpromise) or
    a compound of two nouns (showbusiness, passcard)."""
    if any(word.startswith(p) and lex.is_common(word[len(p):]) for p in PREFIXES):
        return None
    zipf = lex.data.zipf
    common = lex.data.common
    best: tuple[str, float] | None = None
    for i in range(1, len(word)):
        head, tail = word[:i], word[i:]
        if head not in common or tail not in common or len(tail) == 1:
            continue
        head_zipf, tail_zipf = zipf.get(head, 0.0), zipf.get(tail, 0.0)
        if not all(z >= (SHORT_WORD_ZIPF if len(part) <= SHORT_WORD else RUN_TOGETHER_ZIPF)
                   for part, z in ((head, head_zipf), (tail, tail_zipf))):
            continue
        past = len(tail) >= MIN_PAST_FORM and tail.endswith("ed")
        if max(head_zipf, tail_zipf) < FUNCTION_WORD_ZIPF and not past:
            continue
        least = min(head_zipf, tail_zipf)
        if best is None or least > best[1]:
            best = (f"{head} {tail}", least)
    return best
