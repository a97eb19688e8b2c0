"""One pass over a document for the boilerplate rules: phrase matches, then line shapes.

Both boilerplate rules (pack phrases, line structure) need the phrase matches (a matched line is no
prose anchor), so the analysis runs once per document and is shared by the two rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from copylint.checks.boilerplate.blocks import blocks
from copylint.checks.boilerplate.lines import line_features
from copylint.checks.boilerplate.phrases import PhraseMatch, PhraseMatcher
from copylint.checks.boilerplate.structure import Verdict, classify
from copylint.core.document import Document
from copylint.core.finding import Edit
from copylint.core.rule import Context

#: sentence-final punctuation (then closing quotes or brackets) followed by a space or the line end
_SENTENCE_STOP = re.compile(r"""[.!?]+["'”’)\]]*(?=\s|$)""")
_JOINER = re.compile(r"""\s*[-–—,;:]\s*$""")
#: an opening this short before the joiner is part of the boilerplate ("For more, follow us on X.")
MIN_KEPT_WORDS = 6


@dataclass(frozen=True, slots=True)
class Span:
    """A flagged piece of prose and the edit that removes it (prose offsets)."""

    start: int
    end: int
    delete: Edit
    whole_line: bool


@dataclass(frozen=True, slots=True)
class PhraseHit:
    span: Span
    match: PhraseMatch


@dataclass(frozen=True, slots=True)
class LineHit:
    span: Span
    verdict: Verdict


@dataclass(frozen=True, slots=True)
class Analysis:
    phrases: tuple[PhraseHit, ...]
    lines: tuple[LineHit, ...]


def matcher(ctx: Context) -> PhraseMatcher:
    """The compiled matcher of every enabled boilerplate pack (built once per set of packs)."""
    packs = ctx.packs("boilerplate")
    key = ("boilerplate-matcher", tuple(p.path for p in packs))
    return ctx.resources.get(key, lambda: PhraseMatcher(packs))


def line_span(prose: str, start: int, end: int) -> Span:
    """The stripped line ``[start, end)``, deleted with its line break."""
    s, e = start, end
    while s < e and prose[s].isspace():
        s += 1
    while e > s and prose[e - 1].isspace():
        e -= 1
    cut_end = end + 1 if end < len(prose) and prose[end] == "\n" else end
    return Span(s, e, Edit(start, cut_end, ""), True)


def clause_span(prose: str, line_start: int, line_end: int, start: int) -> Span:
    """The clause starting at ``start`` up to its sentence end, and the edit that removes it cleanly."""
    line = prose[line_start:line_end]
    rel = start - line_start
    stop = _SENTENCE_STOP.search(line, rel)
    end_rel = stop.end() if stop else len(line.rstrip())
    keep_from = stop.start() if stop else end_rel  # the full stop stays when a clause is cut off
    before = line[:rel]
    joiner = _JOINER.search(before)
    head = before[: joiner.start()] if joiner else before
    sentence_head = re.split(r"[.!?][\"'”’)\]]*\s+", head)[-1] if head.strip() else ""
    if joiner and len(sentence_head.split()) >= MIN_KEPT_WORDS:
        # "..., we'll bring you the latest." -> "..."; keep the sentence's final punctuation
        return Span(start, line_start + end_rel, Edit(line_start + joiner.start(), line_start + keep_from, ""),
                    False)
    # the clause is (or swallows) a whole sentence: remove the sentence and the space after it
    sent_start = line_start + len(head) - len(sentence_head)
    if sent_start == line_start and end_rel >= len(line.rstrip()):
        return line_span(prose, line_start, line_end)
    cut_end = line_start + end_rel
    while cut_end < line_end and prose[cut_end] in " \t":
        cut_end += 1
    cut_start = sent_start
    if cut_end >= line_end:  # the last sentence of the line: take the space before it instead
        while cut_start > line_start and prose[cut_start - 1] in " \t":
            cut_start -= 1
        cut_end = line_start + end_rel
    return Span(min(start, sent_start), line_start + end_rel, Edit(cut_start, cut_end, ""), False)


def _analyse(doc: Document, ctx: Context) -> Analysis:
    prose = doc.prose
    phrase_matcher = matcher(ctx)
    spans: list[tuple[int, int]] = []
    features = []
    phrase_hits: list[PhraseHit] = []
    matched: set[int] = set()
    for start, end in blocks(prose, doc.lines):
        text = prose[start:end]
        k = len(spans)
        spans.append((start, end))
        # a hard-wrapped paragraph is judged as the one line it would be unwrapped
        features.append(line_features(" ".join(text.split()) if "\n" in text else text))
        m = phrase_matcher.match_line(text)
        if m is None:
            continue
        if m.phrase.match == "clause":
            span = clause_span(prose, start, end, start + m.start)
        else:
            span = line_span(prose, start, end)
        phrase_hits.append(PhraseHit(span, m))
        if span.whole_line:
            matched.add(k)
    line_hits = []
    for verdict in classify(features, frozenset(matched)):
        s, e = spans[verdict.index]
        line_hits.append(LineHit(line_span(prose, s, e), verdict))
    return Analysis(tuple(phrase_hits), tuple(line_hits))


def analyse(doc: Document, ctx: Context) -> Analysis:
    """The boilerplate analysis of ``doc``, computed once for both rules."""
    packs = matcher(ctx)
    return doc.memo(("boilerplate.analysis", id(packs)), lambda: _analyse(doc, ctx))
