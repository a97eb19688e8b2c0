"""Words that sound alike: the Metaphone key of a word (jellyfish's implementation), and an index of
the common dictionary words by key, for badly misspelt words that no near-word search reaches
("accosinly" for "occasionally", "privelidge" for "privilege").

The index is made on its first use, only when a word needs it: read from the disk cache
(:mod:`copylint.core.datacache`, about 10 ms) or built (about 150 ms).
"""

from __future__ import annotations

import threading
from functools import lru_cache

from copylint.core.datacache import cached
from copylint.language.lexicon import LexiconData

#: words at least this common (Zipf) are indexed: a badly misspelt word is most often a common one
MIN_INDEXED_ZIPF = 1.0
#: sound-alike candidates returned per word, most common first
MAX_SOUND_ALIKES = 20


@lru_cache(maxsize=65_536)
def metaphone(word: str) -> str:
    """The Metaphone key of lowercase ``word`` (privelidge and privilege: PRFLJ)."""
    import jellyfish  # loaded with the first badly misspelt word

    return jellyfish.metaphone(word)


def _metaphone_library() -> str:
    """The file of jellyfish's compiled code: a source of the index (another version may give other keys)."""
    import jellyfish._rustyfish

    return jellyfish._rustyfish.__file__ or ""


class PhoneticIndex:
    """Common dictionary words (lowercase) by Metaphone key."""

    def __init__(self, data: LexiconData) -> None:
        self._data = data
        self._by_key: dict[str, tuple[str, ...]] | None = None
        self._lock = threading.Lock()

    key = staticmethod(metaphone)

    def _index(self) -> dict[str, tuple[str, ...]]:
        if self._by_key is None:
            with self._lock:
                if self._by_key is None:
                    key = self._data.key
                    self._by_key = (cached("phonetic", self._build, [_metaphone_library()], key) if key
                                    else self._build())
        return self._by_key

    def _build(self) -> dict[str, tuple[str, ...]]:
        zipf = self._data.zipf
        groups: dict[str, list[str]] = {}
        for word in self._data.common:
            if zipf.get(word, 0.0) >= MIN_INDEXED_ZIPF and word.isalpha():
                groups.setdefault(metaphone(word), []).append(word)
        return {k: tuple(sorted(v, key=lambda w: (-zipf.get(w, 0.0), w))) for k, v in groups.items()}

    def sounding_like(self, word: str) -> tuple[str, ...]:
        """Common words with ``word``'s Metaphone key, most common first."""
        return self._index().get(metaphone(word), ())[:MAX_SOUND_ALIKES]
