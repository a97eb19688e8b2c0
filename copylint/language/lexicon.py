"""The English lexicon: which words exist, how common they are, and their British/American forms.

The data ships in ``rules/language/`` (built by ``scripts/build_lexicon.py`` from SCOWL and wordfreq;
see ``rules/language/SOURCE.md``). It is loaded once per process through ``ctx.resources`` and never
changed afterwards, so one :class:`Lexicon` serves any number of threads.

    lex = lexicon_for(ctx)
    lex.knows("Paris"), lex.knows("paris")       # True, False: a proper noun needs its capital
    lex.counterpart("colour")                    # "color"
"""

from __future__ import annotations

import gzip
import os
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from copylint.core.datacache import cached, files_key
from copylint.core.errors import ConfigError
from copylint.core.packs import data_path

if TYPE_CHECKING:
    from copylint.core.rule import Context

LEXICON_FILE = "language/lexicon.txt.gz"
USAGE_FILE = "language/usage.txt.gz"
RARE_USAGE_FILE = "language/rare-usage.txt.gz"
EXTENDED_FILE = "language/extended.txt.gz"
#: tiers of the extended lexicon: SCOWL "huge" and Hunspell (trusted), SCOWL "insane" (less so)
TIER_HUGE = "h"
TIER_INSANE = "i"
VARIANTS_FILE = "language/variants.tsv"
BRANDS_FILE = "language/brands.txt"
DIALECTS = ("en-GB", "en-US")
_APOSTROPHES = ("'", "’")


@dataclass(frozen=True, slots=True)
class LexiconData:
    """The shipped word data, shared by every :class:`Lexicon` view of it.

    Its sets of words are the keys of dicts whose values are None, which cost the garbage collector
    nothing: Python never tracks such a dict, where a frozenset of 100,000 words would be walked by
    every full collection (a 10 ms pause in a long-lived process)."""

    #: lowercase form -> Zipf frequency (the highest of its entries), for lexicon entries and for
    #: words in use beyond the lexicon (names, new words, frequent misspellings)
    zipf: dict[str, float]
    #: lowercase (common word) entries
    common: AbstractSet[str]
    #: capitalised entries, exactly as written (Paris, McDonald, iPhone)
    proper: AbstractSet[str]
    #: capitalised entries in capitals (PARIS), to accept headline case
    proper_upper: AbstractSet[str]
    #: lowercase form of every capitalised entry
    proper_lower: AbstractSet[str]
    #: entry -> the one dialect it belongs to ("en-GB" or "en-US"); absent: both
    dialect: dict[str, str]
    #: British <-> American spelling, both directions, as written in the lists
    counterparts: dict[str, str]
    #: brand, product and agency names as their owners write them (PayPal, dpa), by lowercase form
    brands: dict[str, str] = field(default_factory=dict)
    #: a hash of the files it was read from, which keys what is derived from it in the disk cache
    #: (:mod:`copylint.core.datacache`); empty for data made in code, whose derivations are not kept
    key: str = ""


def _blocks(name: str) -> list[tuple[str, str, str, str]]:
    """(zipf, kind, dialect, words) of each block of a shipped word file, most frequent first."""
    with open(data_path(name), "rb") as f:
        text = gzip.decompress(f.read()).decode("utf-8")  # in one piece: faster than a gzip stream
    out = []
    for block in text.split("\n@ ")[1:]:
        header, _, body = block.partition("\n")
        freq, kind, where = header.split()
        out.append((freq, kind, where, body))
    return out


def load_data() -> LexiconData:
    """Read the shipped lexicon: from the disk cache (about 50 ms), or from its files (about 100 ms)."""
    sources = [data_path(name) for name in (USAGE_FILE, LEXICON_FILE, VARIANTS_FILE, BRANDS_FILE)]
    key = files_key(sources)
    zipf, common, proper, proper_upper, proper_lower, dialect, counterparts, brands = cached(
        "lexicon", _read_data, key=key)
    return LexiconData(
        zipf=zipf,
        common=common.keys(),
        proper=proper.keys(),
        proper_upper=proper_upper.keys(),
        proper_lower=proper_lower.keys(),
        dialect=dialect,
        counterparts=counterparts,
        brands=brands,
        key=key,
    )


def _read_data() -> tuple[dict[str, float], dict[str, None], dict[str, None], dict[str, None], dict[str, None],
                          dict[str, str], dict[str, str], dict[str, str]]:
    """The lexicon files read into plain containers: zipf; the common, proper, proper_upper and
    proper_lower words as the keys of dicts (see :class:`LexiconData`); dialect; counterparts;
    brands."""
    zipf: dict[str, float] = {}
    for freq, _, _, body in _blocks(USAGE_FILE):
        zipf.update(dict.fromkeys(body.split(), float(freq)))
    common: set[str] = set()
    proper: set[str] = set()
    dialect: dict[str, str] = {}
    one_dialect: list[tuple[list[str], str]] = []
    # blocks come most frequent first: read backwards, so each lowercase form keeps its highest value
    for freq, kind, where, body in reversed(_blocks(LEXICON_FILE)):
        words = body.split()
        if kind == "common":
            common.update(words)
            # common entries are lowercase already: their strings serve as zipf keys too
            zipf.update(dict.fromkeys(words if body.islower() else body.lower().split(), float(freq)))
        else:
            proper.update(words)
            zipf.update(dict.fromkeys(body.lower().split(), float(freq)))
        if where != "any":
            one_dialect.append((words, where))
    counterparts: dict[str, str] = {}
    with open(data_path(VARIANTS_FILE), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            gb, us = line.rstrip("\n").split("\t")
            counterparts[gb] = us
            counterparts[us] = gb
    brands = {w.lower(): w for w in read_word_file(str(data_path(BRANDS_FILE)))}
    proper.update(brands.values())  # accepted as written, like the dictionary's proper nouns
    for words, where in one_dialect:
        for w in words:
            # a place name found in one list only (Asheville) says nothing about spelling
            if w in common or w in counterparts:
                dialect[w] = where
    return (zipf, dict.fromkeys(common), dict.fromkeys(proper), dict.fromkeys("\n".join(proper).upper().split("\n")),
            dict.fromkeys("\n".join(proper).lower().split("\n")), dialect, counterparts, brands)


class _GroupedWords:
    """Words with a short value each (``"\nword value\n..."``), kept in one string per first two
    letters of the lowercase word; a lookup searches the word's group: a few microseconds, and
    loading takes one split, where a dict of the same words would take four times the time and
    eight times the memory."""

    def __init__(self, groups: dict[str, str]) -> None:
        self._groups = groups

    def value(self, word: str) -> str | None:
        """The value listed for ``word`` (exactly as written), or None."""
        group = self._groups.get(word[:2].lower())
        if group is None:
            return None
        at = group.find(f"\n{word} ")
        if at < 0:
            return None
        at += len(word) + 2
        return group[at:group.index("\n", at)]


def _load_groups(name: str) -> dict[str, str]:
    with open(data_path(name), "rb") as f:
        text = gzip.decompress(f.read()).decode("utf-8")
    groups = {}
    for block in text.split("\n@ ")[1:]:
        prefix, _, body = block.partition("\n")
        groups[prefix] = f"\n{body}\n"  # the split took the line end before the next "@"
    return groups


class RareUsage(_GroupedWords):
    """Lowercase words beyond the lexicon that real text uses rarely (Zipf 1.0 to 2.0), with their
    Zipf frequency. Not part of :class:`LexiconData`: the spelling rule loads it on its first unknown
    word (160,000 words: 2 MB, 10 ms to load)."""

    def zipf(self, lower: str) -> float:
        """Zipf frequency of lowercase ``lower``; 0.0 if it is not listed."""
        found = self.value(lower)
        return float(found) if found is not None else 0.0


def load_rare_usage() -> RareUsage:
    return RareUsage(cached("rare-usage", lambda: _load_groups(RARE_USAGE_FILE), [data_path(RARE_USAGE_FILE)]))


class ExtendedWords(_GroupedWords):
    """Words of larger dictionaries that the lexicon lacks (SCOWL "huge" and "insane", Hunspell
    en_GB and en_US), as written, each with its tier. Not part of :class:`LexiconData`: they tell the
    spelling rule that an unknown word is a real one, and are loaded on its first unknown word."""

    def tier(self, word: str) -> str | None:
        """:data:`TIER_HUGE`, :data:`TIER_INSANE` or None (not listed), for ``word`` as written."""
        return self.value(word)


def load_extended_words() -> ExtendedWords:
    return ExtendedWords(cached("extended", lambda: _load_groups(EXTENDED_FILE), [data_path(EXTENDED_FILE)]))


def strip_possessive(word: str) -> str:
    """``Putin's`` -> ``Putin``; ``workers'`` -> ``workers``; other words unchanged."""
    last = word[-1:]
    if last == "s":
        return word[:-2] if len(word) > 3 and word[-2] in _APOSTROPHES else word
    if last in _APOSTROPHES and len(word) > 2:
        return word[:-1]
    return word


def read_word_file(path: str, config: str | None = None) -> list[str]:
    """Words of a word-list file: one per line, ``#`` starts a comment, blank lines ignored.

    A file that cannot be read as UTF-8 text is a :class:`~copylint.core.errors.ConfigError` naming
    it (and the config that names it, ``config``), never a rule switched off."""
    where = f"word list {path}" if config else "word list"
    key = "words" if config else None

    def fail(message: str) -> ConfigError:
        return ConfigError(config or path, f"{where} {message}", key)

    out = []
    try:
        with open(path, encoding="utf-8-sig") as f:
            for line in f:
                word = line.split("#", 1)[0].strip()
                if word:
                    out.append(word)
    except IsADirectoryError:
        raise fail("is a folder, not a file of words") from None
    except UnicodeDecodeError:
        raise fail("is not valid UTF-8; save it as UTF-8") from None
    except OSError as exc:
        raise fail(f"cannot be read ({exc.strerror or exc})") from None
    return out


@dataclass(frozen=True)
class Lexicon:
    """The lexicon as one configuration sees it: its dialect and its extra word files."""

    data: LexiconData
    #: "any", "en-GB" or "en-US"
    dialect: str = "any"
    #: extra words from config word files, as written (case rules as for the shipped entries)
    extra: frozenset[str] = frozenset()
    _extra_common: frozenset[str] = field(init=False, repr=False)
    _extra_upper: frozenset[str] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_extra_common", frozenset(w for w in self.extra if w == w.lower()))
        object.__setattr__(self, "_extra_upper", frozenset(w.upper() for w in self.extra))

    def _allowed(self, entry: str) -> bool:
        where = self.data.dialect.get(entry)
        return where is None or self.dialect == "any" or where == self.dialect

    def knows(self, word: str) -> bool:
        """Is ``word`` spelt correctly? A lowercase entry accepts lower, Capitalised and ALL-CAPS
        forms; a proper-noun entry needs its capital (or ALL-CAPS). Possessives are accepted."""
        if word in self.extra:
            return True
        w = strip_possessive(word)
        lower = w.lower()
        data = self.data
        if (lower in data.common or lower in self._extra_common) and (
                w == lower or w.isupper() or w == lower[:1].upper() + lower[1:]):
            return self._allowed(lower) or lower in self._extra_common
        if w in data.proper or w in self.extra:
            return self._allowed(w) or w in self.extra
        if w.isupper() and (w in data.proper_upper or w in self._extra_upper):
            return True
        return False

    def is_common(self, word: str) -> bool:
        """There is a lowercase (common word) entry for ``word.lower()`` (in either dialect)."""
        lower = strip_possessive(word).lower()
        return lower in self.data.common or lower in self._extra_common

    def is_proper(self, word: str) -> bool:
        """``word`` is known only as a capitalised proper noun (Austria, Anderson, Hollywood)."""
        w = strip_possessive(word)
        lower = w.lower()
        if self.is_common(w):
            return False
        return lower in self.data.proper_lower or w in self.extra

    def zipf(self, word: str) -> float:
        """Frequency of ``word`` on the Zipf scale (log10 per billion words), case-insensitive; 0.0
        if unseen. Words the lexicon does not know have one too when they are in use (Zipf >= 1.5):
        compare it with :meth:`knows`, never use it as a test of correctness."""
        return self.data.zipf.get(strip_possessive(word).lower(), 0.0)

    def brand(self, name: str) -> str | None:
        """How a brand's owner writes ``name`` (Paypal -> PayPal, Factset -> FactSet), if it is one."""
        return self.data.brands.get(name.lower())

    def counterpart(self, word: str) -> str | None:
        """The other dialect's spelling of ``word`` (defence -> defense), in ``word``'s case pattern."""
        lower = word.lower()
        found = self.data.counterparts.get(word) or self.data.counterparts.get(lower)
        if found is None:
            return None
        if word.isupper() and len(word) > 1:
            return found.upper()
        if word[:1].isupper() and found[:1].islower():
            return found[:1].upper() + found[1:]
        return found

    def dialect_of(self, word: str) -> str | None:
        """"en-GB" or "en-US" if this spelling belongs to one dialect only, else None."""
        return self.data.dialect.get(word) or self.data.dialect.get(word.lower())


def _word_files(ctx: Context) -> tuple[tuple[str, int], ...]:
    out = []
    for name in ctx.config.words:
        path = ctx.config.resolve(name)
        try:
            out.append((path, os.stat(path).st_mtime_ns))
        except OSError as exc:
            raise ConfigError(ctx.config.source or "<config>",
                              f"word list {path} cannot be read ({exc.strerror})", "words") from exc
    return tuple(out)


def lexicon_for(ctx: Context) -> Lexicon:
    """The lexicon for this call's configuration, loaded once per process (and again only when a
    configured word file changes)."""
    files = _word_files(ctx)
    dialect = ctx.config.dialect

    def build() -> Lexicon:
        data = ctx.resources.get(("lexicon-data",), load_data)
        extra: set[str] = set()
        for path, _ in files:
            extra.update(read_word_file(path, ctx.config.source or "<config>"))
        return Lexicon(data, dialect, frozenset(extra))

    return ctx.resources.get(("lexicon", dialect, files), build)
