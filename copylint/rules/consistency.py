"""CL202, CL203: one word written two ways in one article (British and American spelling, or a
compound closed in one place and hyphenated in another)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator

from copylint.document import Document
from copylint.finding import Diagnostic, Edit
from copylint.lexicon import lexicon_for
from copylint.rule import Context, Example, Rule, register

#: lowercase words, with inner hyphens (capitalised words are names: "the US Defense Department")
_WORD = re.compile(r"(?<![\w'’\-])[a-z]+(?:-[a-z]+)*(?![\w\-])")
HYPHENATION_KIND = "hyphenation"


def _words(doc: Document) -> Counter[str]:
    """How often each lowercase word of the prose is written (counted in C, once per document for
    CL202 and CL203; where a word is written is looked up only for the few words a finding needs).
    Callers only read the counts."""
    return doc.memo("consistency.lowercase-words", lambda: Counter(_WORD.findall(doc.prose)))


def _spans(doc: Document, word: str) -> list[tuple[int, int]]:
    """Where lowercase ``word`` is written: the places ``_WORD`` finds it."""
    return [m.span() for m in re.finditer(rf"(?<![\w'’\-]){re.escape(word)}(?![\w\-])", doc.prose)]


def _mixed(doc: Document, a: str, b: str, what: str) -> Iterator[Diagnostic]:
    """Findings on the rarer of two forms (on the later one when both are used as often)."""
    pa, pb = _spans(doc, a), _spans(doc, b)
    if (len(pa), -pa[0][0]) < (len(pb), -pb[0][0]):
        a, b, pa, pb = b, a, pb, pa
    line = doc.position(doc.offsets.start(pa[0][0]))[0]
    for s, e in pb:
        yield Diagnostic(s, e, f"“{b}” {what} “{a}” ({len(pa)}× in this article, first on line {line})",
                         suggestions=(a,), fix_edits=(Edit(s, e, a),), applicability="unsafe",
                         data={"forms": {a: len(pa), b: len(pb)}})


@register
class MixedDialectSpelling(Rule):
    """One word is spelt the British way in one place and the American way in another.

    "Defence" in one paragraph and "defense" in the next tells the reader nobody read the story
    through. Whichever spelling a publication uses, an article should use one. The rule compares
    lowercase words only (the US "Defense Department" is a name) and suggests the spelling the
    article uses more often. Pairs that are two different words in British English (program and
    programme, practice and practise) are not counted as one word.
    """

    code = "CL202"
    name = "mixed-dialect-spelling"
    category = "names"
    severity = "warning"
    examples = (
        Example("The defence minister spoke. Defence cuts loom, and the defence budget and the defense "
                "budget differ.", flags=("defense",), suggestions=("defence",)),
        Example("The US Defense Department and the British defence ministry met."),
        Example("Her judgement was sound; the judgment of the court was not."),
    )

    def check(self, doc: Document, ctx: Context) -> Iterable[Diagnostic]:
        lex = lexicon_for(ctx)
        words = _words(doc)
        spelt_one_way = words.keys() & lex.data.dialect.keys()  # in C: most articles have none or one
        if len(spelt_one_way) < 2:
            return
        done: set[str] = set()
        for word in words:
            if word not in spelt_one_way or word in done:
                continue
            dialect = lex.dialect_of(word)
            if dialect is None:
                continue
            other = lex.counterpart(word)
            if other is None or other not in words or lex.dialect_of(other) in (None, dialect):
                continue
            done.update((word, other))
            yield from _mixed(doc, word, other, "is spelt")


@register
class MixedHyphenation(Rule):
    """One compound is written closed in one place and hyphenated in another.

    "Slowdown" and "slow-down", "bestseller" and "best-seller", "cooperation" and "co-operation" in
    one article look careless. The rule suggests the form the article uses more often. An open
    form ("front line") is not compared: "the front line" beside "front-line troops" is grammar,
    not inconsistency. Pairs that are different words ("re-sign" and "resign") are listed in the
    `hyphenation` pack.
    """

    code = "CL203"
    name = "mixed-hyphenation"
    category = "names"
    severity = "warning"
    examples = (
        Example("The slowdown hit sales. The slow-down was brief. The slowdown will end.",
                flags=("slow-down",), suggestions=("slowdown",)),
        Example("Troops held the frontline. Later front-line units and frontline units moved.",
                flags=("front-line",), suggestions=("frontline",)),
        Example("He will re-sign for the club. The chairman may resign."),
    )

    def check(self, doc: Document, ctx: Context) -> Iterable[Diagnostic]:
        distinct = ctx.resources.get(("hyphenation-distinct", tuple(p.path for p in ctx.packs(HYPHENATION_KIND))),
                                     lambda: _distinct(ctx))
        words = _words(doc)
        for word in list(words):
            if "-" not in word or word in distinct:
                continue
            closed = word.replace("-", "")
            if closed in words:
                yield from _mixed(doc, closed, word, "is written")


def _distinct(ctx: Context) -> frozenset[str]:
    out: set[str] = set()
    for pack in ctx.packs(HYPHENATION_KIND):
        table = pack.data.get("compounds", {})
        words = table.get("distinct", []) if isinstance(table, dict) else None
        if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            raise pack.error("compounds.distinct", "must be a list of hyphenated words")
        out.update(words)
    return frozenset(out)
