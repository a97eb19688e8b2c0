"""Where the article body of a web page is: the element that says so, or the densest block of prose.

A saved web page holds the story and everything around it (menus, teasers, footers). Pages mark their
story with ``itemprop="articleBody"`` (schema.org), an ``<article>`` element or a ``<main>`` element;
the first of these kinds that the page has, its largest element, is the body. A page with none of them
gets the densest block of prose: the run of paragraphs with the most words of running sentences, less a
cost for every paragraph that is no sentence (menus, labels, buttons), so a subheading or a caption
between paragraphs stays in and a menu of twenty items stays out. A fragment that is no page (no
``<html>``, ``<head>`` or ``<body>``) is all body.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from copylint.core.document import Region

#: how a page marks its body, strongest first
MARKERS = ("[itemprop=articleBody]", "<article>", "<main>")
DENSEST = "the densest block of prose"
#: a paragraph of running prose has this many words and ends a sentence
PROSE_WORDS = 8
#: what a paragraph that is no sentence costs the block it is in (in words)
NON_PROSE_COST = 6
#: the body must hold at least this many words of running prose to be told from the page
MIN_BODY_WORDS = 50
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
_SENTENCE_END = re.compile(r"""[.!?]["'”’)\]]*\s*$""")


def article_body(prose: str, marked: Sequence[tuple[str, int, int]], is_page: bool) -> Region | None:
    """The body of a page whose prose is ``prose``: ``marked`` are (marker, start, end) prose spans of
    the elements that mark a body. None when the whole prose is the body (a fragment, or a page whose
    body is all of it)."""
    if not is_page:
        return None
    region = None
    for marker in MARKERS:
        spans = [(s, e) for m, s, e in marked if m == marker and prose[s:e].strip()]
        if spans:
            s, e = max(spans, key=lambda span: len(prose[span[0]:span[1]].split()))
            region = Region(*_stripped(prose, s, e), marker)
            break
    if region is None:
        region = _densest_block(prose)
    if region is None or prose[:region.start].strip() == "" == prose[region.end:].strip():
        return None
    return region


def _densest_block(prose: str) -> Region | None:
    """The run of paragraphs with the most words of running prose, less the cost of the paragraphs
    in it that are no sentences (the maximum-sum run)."""
    best, best_span = 0, None
    total, start = 0, 0
    pos = 0
    for m in [*_PARAGRAPH_BREAK.finditer(prose), None]:
        end = m.start() if m is not None else len(prose)
        text = prose[pos:end]
        if text.strip():
            words = len(text.split())
            score = words if words >= PROSE_WORDS and _SENTENCE_END.search(text) else -NON_PROSE_COST
            if total <= 0:
                total, start = 0, pos
            total += score
            if total > best:
                best, best_span = total, (start, end)
        pos = m.end() if m is not None else len(prose)
    if best_span is None or best < MIN_BODY_WORDS:
        return None
    return Region(*_stripped(prose, *best_span), DENSEST)


def _stripped(prose: str, start: int, end: int) -> tuple[int, int]:
    while start < end and prose[start].isspace():
        start += 1
    while end > start and prose[end - 1].isspace():
        end -= 1
    return start, end
