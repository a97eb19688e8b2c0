"""Real-word slips: a real word written for another of its confusion set ("form" for "from", "loose"
for "lose"), judged from the two words around it.

For a word ``w`` of a set, between neighbours ``L`` and ``R``, each member ``c`` of the set is scored
by how often English writes ``L c`` and ``c R`` (bigram counts shipped in
``rules/spelling/confusion-bigrams.tsv``), relative to how often it writes ``c`` at all:

    score(c) = log(n(L c) + 1) + log(n(c R) + 1) - log(n(c) + 1)

``w`` is flagged when another member scores at least :data:`MARGIN` (natural log) higher and the
bigrams give it real support. A neighbour across punctuation, or none (the start or end of a
sentence), or a capitalised one, gives no evidence for that side, and a word needs both.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import NamedTuple

from copylint.core.document import Document, Token
from copylint.core.packs import data_path
from copylint.core.rule import Context

CONFUSIONS_KIND = "confusions"
BIGRAMS_FILE = "spelling/confusion-bigrams.tsv"
#: how much more likely (natural log: e**3 is about 20 times) the other word must be in context
MARGIN = 3.0
#: the other word's bigrams with the neighbours must have been seen this often
MIN_SUPPORT = 100_000


class Slip(NamedTuple):
    """A word of a confusion set that its neighbours say is another."""

    token: Token
    suggestion: str
    #: how much more likely the suggestion is in context (natural log)
    margin: float


@dataclass(frozen=True)
class ConfusionModel:
    """The confusion sets and their bigram counts."""

    #: lowercase word -> the other words of its set
    others: dict[str, tuple[str, ...]]
    unigrams: dict[str, int]
    bigrams: dict[str, int]

    def score(self, word: str, left: str | None, right: str | None) -> float:
        n = self.unigrams.get(word, 0)
        out = -math.log(n + 1)
        for gram in ((f"{left} {word}" if left else None), (f"{word} {right}" if right else None)):
            if gram is not None:
                out += math.log(self.bigrams.get(gram, 0) + 1)
        return out

    def support(self, word: str, left: str | None, right: str | None) -> int:
        return (self.bigrams.get(f"{left} {word}", 0) if left else 0) + (
            self.bigrams.get(f"{word} {right}", 0) if right else 0)


def confusion_model(ctx: Context) -> ConfusionModel:
    """The sets of the enabled ``confusions`` packs and the shipped counts (loaded once)."""
    packs = ctx.packs(CONFUSIONS_KIND)

    def build() -> ConfusionModel:
        others: dict[str, set[str]] = {}
        for pack in packs:
            sets = pack.table("confusions").get("sets", [])
            if not isinstance(sets, list):
                raise pack.error("confusions.sets", "must be a list of lists of words")
            for group in sets:
                words = pack.strings("confusions.sets", group)
                for w in words:
                    others.setdefault(w, set()).update(x for x in words if x != w)
        unigrams: dict[str, int] = {}
        bigrams: dict[str, int] = {}
        with open(data_path(BIGRAMS_FILE), encoding="utf-8") as f:
            for line in f:
                if line.startswith("#"):
                    continue
                gram, _, n = line.rstrip("\n").partition("\t")
                (bigrams if " " in gram else unigrams)[gram] = int(n)
        return ConfusionModel({w: tuple(sorted(o)) for w, o in others.items()}, unigrams, bigrams)

    return ctx.resources.get(("confusions", tuple(p.path for p in packs)), build)


def _neighbour(doc: Document, a: Token, b: Token) -> str | None:
    """``a``'s text as a neighbour of ``b``, if it is a lowercase word and only a space separates
    the two (the counts are of lowercase text: "from May" is not "form may")."""
    if a.kind != "word" or not a.text.isalpha() or not a.text.islower():
        return None
    lo, hi = (a, b) if a.start < b.start else (b, a)
    return a.text.lower() if doc.prose[lo.end:hi.start] == " " else None


def slips(doc: Document, model: ConfusionModel) -> list[Slip]:
    """Every word of a confusion set whose neighbours say it is another word of its set."""
    out = []
    tokens = doc.tokens
    for i, tok in enumerate(tokens):
        if tok.kind != "word":
            continue
        word = tok.text.lower()
        others = model.others.get(word)
        if others is None or not (tok.text.islower() or tok.text == word.capitalize()):
            continue
        left = _neighbour(doc, tokens[i - 1], tok) if i > 0 and not tok.sentence_start else None
        after = tokens[i + 1] if i + 1 < len(tokens) else None
        right = _neighbour(doc, after, tok) if after is not None and not after.sentence_start else None
        if left is None or right is None:
            continue  # one side alone is too weak a witness ("play there.", "their camera")
        mine = model.score(word, left, right)
        best = max(others, key=lambda c: model.score(c, left, right))
        margin = model.score(best, left, right) - mine
        if margin >= MARGIN and model.support(best, left, right) >= MIN_SUPPORT:
            suggestion = best.capitalize() if tok.text[:1].isupper() else best
            out.append(Slip(tok, suggestion, margin))
    return out
