"""Which lines of an article are web furniture, judged by their shape and their place.

The article body is anchored by its *prose* lines: long enough, dense in function words, mostly
lower-case words, not a truncated teaser. Lines before the first prose line and after the last one
(the head and the tail) are where pasted page furniture collects, so there a line only has to lack
the shape of a sentence to be flagged. Between prose lines (the middle) a line needs strong evidence
of its own: a timestamp, a count, a menu, a teaser link, a bare address, a label made of UI words.
The first line is the headline and is never judged by shape; bylines, datelines and quoted speech
are article furniture or copy, never boilerplate.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from copylint.checks.boilerplate.lines import LineFeatures

#: a prose (anchor) line has at least this many words
PROSE_MIN_WORDS = 8
#: ... and at least this share of function words
PROSE_MIN_STOP_RATIO = 0.2
#: a line this long is prose even without a full stop...
PROSE_UNPUNCTUATED_WORDS = 16
#: ... and so is a shorter one this dense in function words
PROSE_UNPUNCTUATED_STOP_RATIO = 0.4
#: a sentence without its full stop ("Half-Life 2 is out now for the PC") needs this share of function
#: words and at least this many words
SENTENCE_STOP_RATIO = 0.4
SENTENCE_MIN_WORDS = 5
EDGE_SENTENCE_MIN_WORDS = 10
#: a short punctuated sentence needs some function words or lower-case words ("Share prices rose.")
SENTENCE_END_STOP_RATIO = 0.15
#: a question or exclamation this short, standing alone, is a teaser ("Have a tip?")
TEASER_MAX_WORDS = 8
#: a run of at least this many lines, most of at least LIST_ITEM_WORDS words, is a list (a fact box
#: of nominees, results, specifications), not page furniture
LIST_RUN = 3
LIST_ITEM_WORDS = 3
LIST_MARKS = ("(", " - ", " – ", ":", ",", "&", "/", ";")
#: a line sharing none of its content words (at least this many) with the article is on another subject...
MIN_OFF_TOPIC_WORDS = 3
#: ... when the article has at least this many distinct content stems to share
MIN_ARTICLE_TOPIC = 25
#: a line with at least this many content words used elsewhere in the article (and at least half of its
#: content words) is on the article's subject: copy, whatever its shape
ON_TOPIC_SHARED = 3
#: longer lines are never judged by shape alone (pasted furniture lines are short)
MAX_SHAPE_WORDS = 25
#: up to this many lines standing together between two paragraphs are judged as lone lines
MAX_LONE_RUN = 2
#: a lone non-sentence line between two paragraphs is flagged up to this length (a subheading is
#: the risk; most are a few words, and so is most furniture)
MAX_LONE_WORDS = 12


@dataclass(frozen=True, slots=True)
class Verdict:
    """A line judged to be furniture: its index in the list given, and why."""

    index: int
    reason: str


def is_prose(f: LineFeatures) -> bool:
    """Does the line read like running copy (a paragraph of the article)?"""
    if f.words < PROSE_MIN_WORDS or f.truncated or f.menu_separators >= 2:
        return False
    if f.stop_ratio < PROSE_MIN_STOP_RATIO or f.title_case:
        return False
    return (f.sentence_end or f.quoted or f.words >= PROSE_UNPUNCTUATED_WORDS
            or (f.words >= 10 and f.stop_ratio >= PROSE_UNPUNCTUATED_STOP_RATIO))


def _sentence_shaped(f: LineFeatures, edge: bool = False) -> bool:
    """A short line that is still a sentence: "He declined to comment." (not a teaser question).
    Before and after the article (``edge``), a sentence without its full stop must be longer: there
    it is more often a teaser headline ("Keegan back in Newcastle after a decade")."""
    if f.quoted and f.words >= 2:
        return True
    if f.title_case or f.all_caps or f.truncated:
        return False
    if f.sentence_end:
        if f.text.rstrip("\"'”’)]").endswith(("?", "!")) and f.words < TEASER_MAX_WORDS:
            return False
        if f.words < TEASER_MAX_WORDS:
            return f.words >= 3 and (f.stop_ratio >= SENTENCE_END_STOP_RATIO or f.cap_ratio < 0.34)
        return f.stop_ratio > 0
    min_words = EDGE_SENTENCE_MIN_WORDS if edge else SENTENCE_MIN_WORDS
    return f.words >= min_words and f.stop_ratio >= SENTENCE_STOP_RATIO and f.cap_ratio < 0.6


def _heading(f: LineFeatures) -> bool:
    """A subheading: a few words in sentence case, no figures, no button words ("Spending plans")."""
    return f.sentence_case and f.words <= 8 and not f.has_digit and f.ui_ratio == 0 and not f.menu_separators


def _furniture(f: LineFeatures) -> bool:
    """Article furniture that is not boilerplate: bylines, staff credits, author notes, datelines, a
    wire sign-off."""
    return f.byline or f.staff_credit or f.author_note or f.sign_off or (f.dateline and not f.timestamp)


def strong_evidence(f: LineFeatures) -> str | None:
    """Why a line is furniture wherever it stands, or None."""
    if f.timestamp:
        return "a bare date or timestamp"
    if f.count:
        return "a count of comments, shares or views"
    if f.url_only:
        return "a bare web address"
    if f.menu_separators >= 2 and not f.sentence_end:
        return "a menu of links separated by pipes, bullets or arrows"
    if f.truncated and not f.sentence_end and f.words <= 15 and not f.sentence_breaks:
        return "a truncated teaser or link"
    if f.words and f.words <= 6 and f.ui_ratio >= 0.5 and not f.sentence_end:
        return "a label made of button and menu words"
    return None


def _shared_topic(lines: Sequence[LineFeatures], prose: list[bool]) -> tuple[list[int], int]:
    """For each line, how many of its content stems occur in the headline or in a prose line other
    than itself; and how many distinct stems the article has in all."""
    seen: set[str] = set()  # stems of the headline and the prose lines...
    repeated: set[str] = set()  # ... and those of them in more than one of these lines
    for i, f in enumerate(lines):
        if i == 0 or prose[i]:
            repeated |= seen & f.topic
            seen |= f.topic
    shared = [len(f.topic & (repeated if i == 0 or prose[i] else seen)) for i, f in enumerate(lines)]
    return shared, len(seen)


def classify(lines: Sequence[LineFeatures], matched: frozenset[int] = frozenset()) -> list[Verdict]:
    """Verdicts for the non-empty lines of one article, in order (``lines[0]`` is the headline).

    ``matched`` are indices already flagged by a phrase pack: they are not prose anchors and are
    not judged again.
    """
    n = len(lines)
    prose = [i > 0 and i not in matched and is_prose(f) for i, f in enumerate(lines)]
    shared, article_topic = _shared_topic(lines, prose)

    def off_topic(i: int) -> bool:
        """A line with several content words, none of them used anywhere else in the article."""
        f = lines[i]
        return (article_topic >= MIN_ARTICLE_TOPIC and len(f.topic) >= MIN_OFF_TOPIC_WORDS and shared[i] == 0
                and not f.quoted)

    def on_topic(i: int) -> bool:
        """A line mostly made of the article's own content words: a standfirst, a subheading, a note."""
        return shared[i] >= ON_TOPIC_SHARED and shared[i] * 2 >= len(lines[i].topic)

    anchors = [i for i, p in enumerate(prose) if p]
    # the body starts at the first prose line followed by prose (or by a subheading on the article's
    # subject, then prose),
    # and ends at the last one preceded by prose: a lone prose-like teaser among furniture does not
    # open or close the article
    paired = set()
    for a, b in pairwise(anchors):
        if b - a == 1 or (b - a == 2 and _heading(lines[a + 1]) and shared[a + 1]):
            paired.update((a, b))
    paired = sorted(paired)
    body = paired or anchors
    # ... and a paragraph on another subject at either end of it is a teaser, not the article
    lo, hi = 0, len(body)
    while hi - lo > 1 and off_topic(body[lo]):
        lo += 1
    while hi - lo > 1 and off_topic(body[hi - 1]):
        hi -= 1
    body = body[lo:hi]
    # without any prose there is no head or tail to speak of: only strong evidence counts
    first, last = (body[0], body[-1]) if body else (0, n)
    listed = _list_items(lines, prose)
    out = []
    for i, f in enumerate(lines):
        if i == 0 or i in matched or _furniture(f):
            continue
        edge = i < first or i > last
        lone = not edge and _between_paragraphs(prose, i)
        reason = None if prose[i] else strong_evidence(f)
        if reason is None and i not in listed and f.words <= MAX_SHAPE_WORDS:
            if (edge or lone) and off_topic(i):
                reason = "a line on another subject, sharing no word with the article"
            elif prose[i] or _sentence_shaped(f, edge) or on_topic(i):
                pass
            elif edge:
                reason = f"a line without sentence shape at the {'start' if i < first else 'end'} of the article"
            elif lone and f.words <= MAX_LONE_WORDS and not _heading(f):
                reason = "a lone line without sentence shape between paragraphs"
        if reason is not None:
            out.append(Verdict(i, reason))
    return out


def _between_paragraphs(prose: list[bool], i: int) -> bool:
    """Is line ``i`` alone between two paragraphs, or one of a pair of lines there?"""
    before = 1 if prose[i - 1] else 2 if i > 1 and prose[i - 2] else 0
    after = 1 if i + 1 < len(prose) and prose[i + 1] else 2 if i + 2 < len(prose) and prose[i + 2] else 0
    return bool(before and after) and before + after <= MAX_LONE_RUN + 1


def _list_items(lines: Sequence[LineFeatures], prose: list[bool]) -> set[int]:
    """Lines that read as items of a list rather than a block of links: bulleted items of a few
    words, and runs of several lines of a few words that share their punctuation."""
    out = {i for i, f in enumerate(lines)
           if f.bulleted and f.words >= 2 and not f.menu_separators
           and not (f.title_case and f.words <= LIST_ITEM_WORDS + 1)}
    shapeless = [not prose[i] and not _sentence_shaped(f) for i, f in enumerate(lines)]
    i = 1
    while i < len(lines):
        j = i
        while j < len(lines) and shapeless[j]:
            j += 1
        run = [lines[k] for k in range(i, j)]
        if len(run) >= LIST_RUN and sorted(f.words for f in run)[len(run) // 2] >= LIST_ITEM_WORDS:
            # items of a list share their punctuation: "Name (Show, Channel)", "Award - Winner"
            shared = max(sum(mark in f.text for f in run) for mark in LIST_MARKS)
            if shared * 3 >= len(run) * 2:
                out.update(range(i, j))
        i = j + 1
    return out
