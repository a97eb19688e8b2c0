"""Tests on two word forms that both the spelling and the names families ask: is one a near miss of
the other, or two words that only look alike (one stem with two endings, a name and a compound)?"""

from __future__ import annotations

#: words at least this long may be two edits apart
TWO_EDIT_LEN = 9
#: endings of proper adjectives (Ukrainian, Korean, Japanese, British): words, not names
PROPER_ADJECTIVE_ENDINGS = ("ian", "ean", "ese", "ish", "ians", "eans")

#: the longest ending :func:`derived_pair` looks for
MAX_ENDING = 5
#: what may follow a stem in the plain word of :func:`camel_compound` (iPad, iPads)
_PLURAL = ("", "s", "es")


def derived_pair(a: str, b: str, endings: frozenset[str]) -> bool:
    """Are folded ``a`` and ``b`` one stem with two different derivational endings (Baathism /
    Baathist, Marxist / Marxism)? Such pairs are two words, not a slip."""
    p = _shared_prefix(a, b)
    for k in range(min(p, MAX_ENDING) + 1):
        if a[p - k:] in endings and b[p - k:] in endings:
            return True
    return False


def camel_compound(a: str, b: str) -> bool:
    """Is one of two surfaces the other's stem with a new capitalised part (iPadOS beside iPads)?
    A compound of a name and another word, not a slip."""
    p = _shared_prefix(a, b)
    if p == 0:
        return False
    for word, other in ((a, b), (b, a)):
        rest = word[p:]
        if rest[:1].isupper() and word[p - 1].islower() and other[p:] in _PLURAL:
            return True
    return False


def _shared_prefix(a: str, b: str) -> int:
    """How many leading characters ``a`` and ``b`` share."""
    n = 0
    for ca, cb in zip(a, b, strict=False):
        if ca != cb:
            break
        n += 1
    return n
