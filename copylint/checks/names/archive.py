"""Names written several ways across an archive: the house-style decisions a newsroom has to make.

CL201 looks inside one article. Across an archive each story may be consistent on its own while the
desk writes "Zelensky" in one, "Zelenskyy" in the next and "Zelenskiy" in a third. This module
gives, for one article, the name forms it writes (:func:`article_name_forms`: each mention as a
whole, and each word of it, with the name words written beside that word), and, for the forms of
a whole archive, the groups that are one name written several ways (:func:`variant_groups`):
forms equal after folding case, hyphens, spaces and accents (Kim Jong-un / Kim Jong Un,
TimeWarner / Time Warner), forms a house-style pack lists as one name (Kiev / Kyiv), and one-word
forms a slip apart (one edit, two in a long word) that nothing sets apart as two names. What sets
them apart: an affix or a derived word, a last letter, two names the dictionary knows, or their
company: two forms written beside name words (Volodymyr Zelensky, Anthony Fauci) must share one
of them, and a form always written alone (Davos) is not one always written in company (Betsy DeVos).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from rapidfuzz.distance import OSA

from copylint.checks.names.groups import MIN_NEAR_MISS_LEN, Groups, fold
from copylint.checks.names.style import document_mentions, house_styles
from copylint.core.document import Document
from copylint.core.rule import Context
from copylint.language.lexicon import lexicon_for
from copylint.language.name_parts import name_parts
from copylint.language.wordforms import TWO_EDIT_LEN, camel_compound, derived_pair

#: neighbouring name words remembered per form (the evidence that two spellings are one person)
MAX_COMPANY = 8
#: folded forms this short are never grouped (I'm / I’m, AP / A.P.)
MAX_SHORT_FORM = 3
#: starts the union-find key of a house-style entry (a form never starts with it)
_ENTRY = "\x00entry:"


@dataclass
class FormStats:
    """What an archive says about one written form of a name."""

    articles: int = 0
    #: folded name words written beside the form ("<volodymyr" before Zelensky, ">fauci" after Anthony)
    company: set[str] = field(default_factory=set)


def article_name_forms(doc: Document, ctx: Context) -> dict[str, set[str]]:
    """The name forms one article writes, each with the folded name words written beside it.

    A form is a whole mention (``Kim Jong-un``) or one capitalised word of it (``Zelensky``); a
    common word (``Government``, a sentence's first ``The``), a word in capitals and an address
    (``@handle``, ``site.com``) are not forms.
    """
    lex = lexicon_for(ctx)
    forms: dict[str, set[str]] = {}
    for m in document_mentions(doc, ctx):
        if m.address:
            continue
        words = [t.text.replace("’", "'") for t in m.tokens]
        if len(words) > 1 and not all(w.isupper() for w in words):
            forms.setdefault(" ".join(words), set())
        for i, word in enumerate(words):
            if word.isupper() or word.islower() or lex.is_common(word):
                continue
            company = forms.setdefault(word, set())
            if i and len(company) < MAX_COMPANY and not words[i - 1].islower():
                company.add("<" + fold(words[i - 1]))
            if i + 1 < len(words) and len(company) < MAX_COMPANY and not words[i + 1].islower():
                company.add(">" + fold(words[i + 1]))
    return forms


def variant_groups(forms: dict[str, FormStats], ctx: Context, min_articles: int = 2) -> list[list[str]]:
    """Groups of two or more forms (each in at least ``min_articles`` articles) that are one name."""
    lex = lexicon_for(ctx)
    endings = name_parts(ctx).endings
    styles = house_styles(ctx)
    kept = {f: s for f, s in forms.items() if s.articles >= min_articles}
    groups = Groups()
    by_fold: dict[str, str] = {}
    for form in sorted(kept):
        key = fold(form)
        groups.add(form)
        entry = styles.by_key.get(key)
        if entry is not None:
            groups.union(f"{_ENTRY}{entry}", form)
        if len(key) <= MAX_SHORT_FORM:
            continue
        if key in by_fold:
            groups.union(by_fold[key], form)
        else:
            by_fold[key] = form
    single = sorted(f for f in kept if " " not in f and len(f) >= MIN_NEAR_MISS_LEN - 1 and f.isalpha())
    for a, b in _close_pairs(single):
        if _one_name(a, b, kept, lex.knows, endings):
            groups.union(a, b)
    out = [sorted(m for m in members if not m.startswith(_ENTRY)) for members in groups.members().values()]
    return sorted(members for members in out if len(members) > 1)


def _close_pairs(words: Iterable[str]) -> list[tuple[str, str]]:
    """Pairs of words a slip apart, found through their one-letter deletions (linear in the words)."""
    index: dict[str, list[str]] = {}
    for word in words:
        key = fold(word)
        for variant in {key, *(key[:i] + key[i + 1:] for i in range(len(key)))}:
            index.setdefault(variant, []).append(word)
    pairs: set[tuple[str, str]] = set()
    for bucket in index.values():
        for i, a in enumerate(bucket):
            for b in bucket[i + 1:]:
                fa, fb = fold(a), fold(b)
                if fa == fb or fa[0] != fb[0]:
                    continue  # equal folds are grouped already; a slip almost never hits the first letter
                limit = 2 if min(len(fa), len(fb)) >= TWO_EDIT_LEN else 1
                if OSA.distance(fa, fb, score_cutoff=limit) <= limit:
                    pairs.add((a, b) if a < b else (b, a))
    return sorted(pairs)


def _one_name(a: str, b: str, forms: dict[str, FormStats], knows: Callable[[str], bool],
              endings: frozenset[str]) -> bool:
    """Evidence that two close one-word forms are one name, not two (the archive-wide version of
    CL201's near-miss tests)."""
    fa, fb = fold(a), fold(b)
    if fa.startswith(fb) or fb.startswith(fa) or fa.endswith(fb) or fb.endswith(fa):
        return False  # Korea / Korean: an affix
    if derived_pair(fa, fb, endings) or camel_compound(a, b) or camel_compound(b, a):
        return False  # Marxist / Marxism, iPad / iPadOS
    ca, cb = forms[a].company, forms[b].company
    if ca & cb:
        return True  # Volodymyr Zelensky / Volodymyr Zelenskyy
    if len(fa) == len(fb) and fa[:-1] == fb[:-1]:
        return False  # Maria / Mario: a last letter is an ending
    if knows(a) and knows(b):
        return False  # Austria / Australia, Hollywood / Bollywood
    # Anthony Fauci / Antony Blinken; Davos / Betsy DeVos: different company, or none beside some
    return not ca and not cb
