"""The lowercase words of an article, counted once for CL202 and CL203, and the findings on the
rarer of two forms of one word (British and American spelling, closed and hyphenated compounds)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from copylint.core.document import Document
from copylint.core.finding import Diagnostic, Edit
from copylint.core.rule import Context

#: lowercase words, with inner hyphens (capitalised words are names: "the US Defense Department")
_WORD = re.compile(r"(?<![\w'’\-])[a-z]+(?:-[a-z]+)*(?![\w\-])")
HYPHENATION_KIND = "hyphenation"


def lowercase_words(doc: Document) -> Counter[str]:
    """How often each lowercase word of the copy is written (counted in C, once per document for
    CL202 and CL203; where a word is written is looked up only for the few words a finding needs).
    Web furniture a boilerplate rule flagged is not copy and is not counted. Callers only read the
    counts."""
    return doc.memo("consistency.lowercase-words", lambda: Counter(_WORD.findall(doc.prose_without_furniture)))


def spans_of(doc: Document, word: str) -> list[tuple[int, int]]:
    """Where lowercase ``word`` is written: the places :func:`lowercase_words` counts."""
    return [m.span() for m in re.finditer(rf"(?<![\w'’\-]){re.escape(word)}(?![\w\-])",
                                          doc.prose_without_furniture)]


def mixed_forms(doc: Document, a: str, b: str, what: str) -> Iterator[Diagnostic]:
    """Findings on the rarer of two forms (on the later one when both are used as often)."""
    pa, pb = spans_of(doc, a), spans_of(doc, b)
    if (len(pa), -pa[0][0]) < (len(pb), -pb[0][0]):
        a, b, pa, pb = b, a, pb, pa
    line = doc.position(doc.offsets.start(pa[0][0]))[0]
    for s, e in pb:
        yield Diagnostic(s, e, f"“{b}” {what} “{a}” ({len(pa)}× in this article, first on line {line})",
                         suggestions=(a,), fix_edits=(Edit(s, e, a),), applicability="unsafe",
                         data={"forms": {a: len(pa), b: len(pb)}})


def distinct_compounds(ctx: Context) -> frozenset[str]:
    """Hyphenated words of the ``hyphenation`` packs that are not their closed form (re-sign)."""
    out: set[str] = set()
    for pack in ctx.packs(HYPHENATION_KIND):
        table = pack.data.get("compounds", {})
        words = table.get("distinct", []) if isinstance(table, dict) else None
        if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            raise pack.error("compounds.distinct", "must be a list of hyphenated words")
        out.update(words)
    return frozenset(out)
