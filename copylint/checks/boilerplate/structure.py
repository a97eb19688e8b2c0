"""Which lines of an article are web furniture, judged by their shape and their place.

The article body is anchored by its *prose* lines: long enough, dense in function words, mostly
lower-case words, not a truncated teaser. Lines before the first prose line and after the last one
(the head and the tail) are where pasted page furniture collects, so there a line only has to lack
the shape of a sentence to be flagged. Inside the body only what is furniture wherever it stands is
flagged: a count, a menu, a bare address, a label of button words, a teaser link, a publication
stamp. Structured content (lists, results and fixtures, line-ups and fact boxes, rows of figures,
timelines, transcripts, recipes, subheadings, datelines, day headings, attributions, separators) is
copy in another shape and never flagged; where a line is doubtful nothing is said. The first line
is the headline and is never judged by shape; bylines, datelines and quoted speech are article
furniture or copy, never boilerplate.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Container, Sequence
from dataclasses import dataclass
from itertools import pairwise

from copylint.checks.boilerplate.lines import FIXTURE, SEPARATOR, LineFeatures, line_features, stop_words

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
#: a piece of a line this long, dense in function words, is copy beside a phrase ("Advertisement - The
#: minister said the plan would work.")
COPY_MIN_WORDS = 5
EDGE_SENTENCE_MIN_WORDS = 10
#: a short punctuated sentence needs some function words or lower-case words ("Share prices rose.")
SENTENCE_END_STOP_RATIO = 0.15
#: a line this short between two paragraphs may be the heading of the second
BRIDGE_WORDS = 8
#: a headline for another story, written like a sentence without its full stop, is at most this long
MAX_TEASER_WORDS = 15
#: a question or exclamation this short, standing alone, is a teaser ("Have a tip?")
TEASER_MAX_WORDS = 5
#: a run of at least this many lines, most of at least LIST_ITEM_WORDS words, is a list (a fact box
#: of nominees, results, specifications), not page furniture
LIST_RUN = 3
LIST_ITEM_WORDS = 3
LIST_MARKS = ("(", " - ", " – ", ":", ",", "&", "/", ";")
#: ... and so is a run of at least this many short lines, half of them using the article's words
#: (nominees, places, symptoms), none a pack phrase or a label of button words
TOPICAL_LIST_RUN = 4
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
#: ... when they are this short (a subheading is the risk; most are a few words, and so is most furniture)
MAX_LONE_WORDS = 12
#: an article with this many lone lines between paragraphs that share no word with it (or two
#: written alike) has subheadings
MIN_SUBHEADINGS = 3
#: lower-case content words that make a line of several sentences with no function word copy
SENTENCES_LOWER_WORDS = 4
#: a fragment glued in front of a sentence is judged up to this many words (and so is a line heading
#: a list)
MAX_GLUED_WORDS = 12
#: ... when the sentence after it has at least this many words
MIN_GLUED_TAIL = 4


@dataclass(frozen=True, slots=True)
class Verdict:
    """A line judged to be furniture: its index in the list given, and why. A *doubtful* verdict (a
    lone line between paragraphs, a fragment glued into one) is a guess the rule still reports, but
    other rules go on reading that line as copy."""

    index: int
    reason: str
    doubtful: bool = False


def is_prose(f: LineFeatures) -> bool:
    """Does the line read like running copy (a paragraph of the article)?"""
    if f.words < PROSE_MIN_WORDS or f.truncated or f.menu_separators >= 2:
        return False
    if f.stop_ratio < PROSE_MIN_STOP_RATIO or f.title_case:
        return False
    return (f.sentence_end or f.quoted or f.words >= PROSE_UNPUNCTUATED_WORDS
            or (f.words >= 10 and f.stop_ratio >= PROSE_UNPUNCTUATED_STOP_RATIO))


def sentence_shaped(f: LineFeatures, edge: bool = False) -> bool:
    """A short line that is still a sentence: "He declined to comment." (not a teaser question).
    Before and after the article (``edge``), a sentence without its full stop must be longer: there
    it is more often a teaser headline ("Keegan back in Newcastle after a decade")."""
    if f.quoted and f.words >= 2:
        return True
    if f.title_case or f.all_caps or f.truncated:
        return False
    if f.sentence_end:
        if f.text.rstrip("\"'”’)]").endswith(("?", "!")) and f.words <= TEASER_MAX_WORDS:
            return False
        if f.words == 2:  # "He was 65."
            return f.stop_ratio >= 0.5 and f.ui_ratio == 0
        if f.words < 8:
            return f.words >= 3 and (f.stop_ratio >= SENTENCE_END_STOP_RATIO or f.cap_ratio < 0.34)
        # (sentences of names and verbs may hold no function word: "Kim Jong Un met envoys. Kim left.")
        return f.stop_ratio > 0 or (f.sentence_breaks > 0 and f.lower_content_words >= SENTENCES_LOWER_WORDS)
    min_words = EDGE_SENTENCE_MIN_WORDS if edge else SENTENCE_MIN_WORDS
    return f.words >= min_words and f.stop_ratio >= SENTENCE_STOP_RATIO and f.cap_ratio < 0.6


def reads_as_copy(f: LineFeatures, min_words: int = 0) -> bool:
    """Is this piece of a line a sentence of copy: five words or more (or ``min_words``), some of them
    function words and content words in lower case (two, or one and a full stop: "The minister said
    the plan would work", "We are delighted, she said.", not "Jane Doe for the Guardian"), or a
    quotation?"""
    if f.words < (min_words or COPY_MIN_WORDS):
        return False
    if f.quotation:
        return True
    content = f.lower_content_words
    if f.stop_ratio < PROSE_MIN_STOP_RATIO or not content:
        return False
    # a headline in Title Case has a content word in lower case or two at most
    return content >= 3 or ((content == 2 or f.sentence_end) and not f.title_case)


def _bridge(f: LineFeatures) -> bool:
    """A short line between two paragraphs that may head the second: a subheading ("WHAT HAPPENS
    NEXT", "Spending plans"), a question, a day heading, not a count, menu, label or teaser."""
    return (f.words <= BRIDGE_WORDS and (not f.sentence_end or f.text.rstrip().endswith("?"))
            and strong_evidence(f, inside=True) is None)


def _heading(f: LineFeatures) -> bool:
    """A subheading: a few words in sentence case, no figures, no button words ("Spending plans")."""
    return f.sentence_case and f.words <= 8 and not f.has_digit and f.ui_ratio == 0 and not f.menu_separators


def _furniture(f: LineFeatures) -> bool:
    """Article furniture that is not boilerplate: bylines, staff credits, author notes, datelines, a
    wire sign-off."""
    return (f.byline or f.staff_credit or f.author_note or f.sign_off or f.dateline_stub
            or (f.dateline and not f.timestamp))


TEASER = "a truncated teaser or link"
UI_LABEL = "a label made of button and menu words"


def strong_evidence(f: LineFeatures, *, inside: bool = False) -> str | None:
    """Why a line is furniture, or None. ``inside`` the article body a date or a time alone is a
    day heading or a timeline entry: only a stamp that says what it stamps ("Updated ...", "...
    ago") counts there."""
    if f.timestamp and (not inside or f.stamped):
        return "a bare date or timestamp"
    if f.count:
        return "a count of comments, shares or views"
    if f.url_only:
        return "a bare web address"
    if f.menu_separators >= 2 and not f.sentence_end:
        return "a menu of links separated by pipes, bullets or arrows"
    if f.truncated and not f.sentence_end and f.words <= 15 and not f.sentence_breaks:
        return TEASER
    if f.words and f.words <= 6 and f.ui_ratio >= 0.5 and not f.sentence_end:
        return UI_LABEL
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


def classify(lines: Sequence[LineFeatures], matched: frozenset[int] = frozenset(),
             with_sentences: Container[int] = frozenset()) -> list[Verdict]:
    """Verdicts for the non-empty lines of one article, in order (``lines[0]`` is the headline).

    ``matched`` are indices already flagged by a phrase pack: they are not prose anchors and are
    not judged again. ``with_sentences`` are lines that hold a sentence beside something else: they
    are never furniture entire (what else they hold is judged inside them).
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
    # the body starts at the first prose line followed by prose (or by a subheading, a day heading, a
    # question: a short line of no furniture, then prose),
    # and ends at the last one preceded by prose: a lone prose-like teaser among furniture does not
    # open or close the article
    paired = set()
    for a, b in pairwise(anchors):
        if b - a == 1 or (b - a == 2 and a + 1 not in matched and _bridge(lines[a + 1])):
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
    structured = _structured(lines, prose, shared, matched)
    out = []
    lone = []  # lines between paragraphs that share no word with the article
    for i, f in enumerate(lines):
        if i == 0 or i in matched or _furniture(f) or i in structured or _continues(f):
            continue
        if f.words > MAX_SHAPE_WORDS and not (f.menu_separators >= 2 and not f.sentence_breaks):
            continue  # pasted furniture lines are short; a long one is copy, or a menu
        if f.quotation:
            continue
        edge = i < first or i > last
        if prose[i]:  # copy, unless it is a teaser headline for another story before or after the article
            if (edge and off_topic(i) and f.words <= MAX_TEASER_WORDS and not f.inner_stop and not f.quotation
                    and not f.sentence_end and i not in with_sentences):
                out.append(Verdict(i, "a line on another subject, sharing no word with the article"))
            continue
        if i in with_sentences:  # (asked last: finding out takes longer)
            continue
        reason = strong_evidence(f, inside=not edge)
        if reason is None and edge and off_topic(i) and not f.sentence_end:
            reason = "a line on another subject, sharing no word with the article"
        elif reason is None and edge and not sentence_shaped(f, edge):
            if not on_topic(i):
                reason = f"a line without sentence shape at the {'start' if i < first else 'end'} of the article"
        elif (reason is None and not edge and f.words <= MAX_LONE_WORDS and not f.sentence_end
              and f.text.rstrip()[-1:] not in "?!" and not f.all_caps and _between_paragraphs(prose, i)):
            lone.append(i)
        if reason is not None:
            out.append(Verdict(i, reason))
    # a short line between paragraphs is a leftover, unless the article has several, or two written
    # alike: then they are its subheadings; and a subheading in sentence case, or one on the article's
    # subject, is left alone
    styles = Counter(_style(lines[k]) for k in lone)
    if len(lone) < MIN_SUBHEADINGS:
        for k in lone:
            f = lines[k]
            if styles[_style(f)] > 1:
                continue
            if f.topic and not shared[k] and article_topic >= MIN_ARTICLE_TOPIC and (
                    len(f.topic) >= MIN_OFF_TOPIC_WORDS or not (sentence_shaped(f) or _heading(f))):
                out.append(Verdict(k, "a line between paragraphs sharing no word with the article", doubtful=True))
            elif not (sentence_shaped(f) or _heading(f) or on_topic(k)):
                out.append(Verdict(k, "a lone line without sentence shape between paragraphs", doubtful=True))
        out.sort(key=lambda v: v.index)
    return out


def _style(f: LineFeatures) -> str:
    """How a short line is written: in capitals, in Title Case, in sentence case, or otherwise."""
    return "caps" if f.all_caps else "title" if f.title_case else "sentence" if f.sentence_case else "other"


#: the last word of a line that introduces a list ("Initiatives include:")
_INTRODUCING = frozenset({"include", "includes", "including", "follow", "follows", "following", "below", "are"})


def _continues(f: LineFeatures) -> bool:
    """A line that goes on into the next: it ends in a comma ("With much love, and gratitude,"), or it
    introduces what follows ("Its pillars include:", "Here's the clip:")."""
    text = f.text.rstrip()
    if text.endswith(","):
        return True
    if not text.endswith(":") or f.all_caps or f.ui_ratio:
        return False
    last = text[:-1].split()[-1].lower() if text[:-1].split() else ""
    return (f.words >= 3 and f.lower_words >= 2) or last in _INTRODUCING


def _between_paragraphs(prose: list[bool], i: int) -> bool:
    """Is line ``i`` alone between two paragraphs, or one of a pair of lines there?"""
    before = 1 if prose[i - 1] else 2 if i > 1 and prose[i - 2] else 0
    after = 1 if i + 1 < len(prose) and prose[i + 1] else 2 if i + 2 < len(prose) and prose[i + 2] else 0
    return bool(before and after) and before + after <= MAX_LONE_RUN + 1


#: kinds of structured content that a single line shows; any other kind needs two lines of it in the
#: article (a list has items, a transcript questions, a timeline entries, a table rows): alone, a
#: line of that shape is as likely a teaser ("7. Man City", "- Celeb Babes Gallery")
SINGLE_LINE_KINDS = frozenset({FIXTURE, SEPARATOR})


def _structured(lines: Sequence[LineFeatures], prose: list[bool], shared: list[int],
                matched: frozenset[int]) -> set[int]:
    """Lines of structured content (list items, results, timeline entries, transcript lines, fields,
    rows of figures, attributions, separators, day headings; and a line that heads a list), and runs
    of short lines that share their punctuation. Counts and stamps are furniture, not structure."""
    kinds = [None if f.count or (f.timestamp and f.stamped) else f.structured for f in lines]
    repeated = Counter(kinds)
    out = {i for i, kind in enumerate(kinds) if kind is not None and (kind in SINGLE_LINE_KINDS or repeated[kind] > 1)}
    out |= _list_items(lines, prose, shared, matched)
    # a short line right before two list items is the list's heading ("Ingredients", "Method")
    for i in range(1, len(lines) - 2):
        if i + 1 in out and i + 2 in out and lines[i].words <= MAX_GLUED_WORDS and not lines[i].menu_separators:
            out.add(i)
    return out


def _list_items(lines: Sequence[LineFeatures], prose: list[bool], shared: list[int],
                matched: frozenset[int]) -> set[int]:
    """Lines that read as items of a list rather than a block of links: bulleted items of a few
    words; runs of several lines of a few words that share their punctuation; and runs of several
    short lines of which none is a pack phrase or a count, menu or button label and some use the
    article's words (nominees, places, symptoms under a heading), not a block of teasers for other
    stories."""
    out = {i for i, f in enumerate(lines)
           if f.bulleted and f.words >= 2 and not line_features(f.text[2:]).menu_separators
           and not (f.title_case and f.words <= LIST_ITEM_WORDS + 1)}
    shapeless = [not prose[i] and not sentence_shaped(f) for i, f in enumerate(lines)]
    i = 1
    while i < len(lines):
        j = i
        while j < len(lines) and shapeless[j]:
            j += 1
        run = [lines[k] for k in range(i, j)]
        if len(run) >= LIST_RUN and sorted(f.words for f in run)[len(run) // 2] >= LIST_ITEM_WORDS:
            # items of a list share their punctuation: "Name (Show, Channel)", "Award - Winner"
            marks = max(sum(mark in f.text for f in run) for mark in LIST_MARKS)
            if marks * 3 >= len(run) * 2:
                out.update(range(i, j))
        if (len(run) >= TOPICAL_LIST_RUN and not any(k in matched or strong_evidence(lines[k]) for k in range(i, j))
                and sum(shared[k] > 0 for k in range(i, j)) * 2 >= len(run)):
            out.update(range(i, j))
        i = j + 1
    return out


_LETTER_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def _lower_content_word(f: LineFeatures) -> bool:
    """Has the line a content word in lower case (a sentence piece, not a title: "His version of ...")?"""
    stops = stop_words()
    return any(w[0].islower() and w.lower() not in stops for w in _LETTER_WORD.findall(f.text))


def glued_fragment(f: LineFeatures, shared: int, article_topic: int, tail_words: int,
                   titled: bool = False) -> str | None:
    """Why a fragment glued in front of a sentence, inside a paragraph ("...had passed. Print Edition
    The river rose."), is furniture; or None. It needs strong evidence, or a headline shape (Title
    Case) with content words none of which the article uses, or a headline in sentence case (no
    article after its first word) with three content words or more none of which it uses. A
    subheading or a list item scraped onto the line is on the article's subject, in sentence case or
    in capitals, and is left alone, as are bylines, datelines, attributions and quotations. A sentence
    glued on that opens with a title (``titled``: "Mr Myers ...") may be the object of the words before
    it ("he asked Mr Myers"): then a headline in sentence case is not told from them."""
    if not 1 <= f.words <= MAX_GLUED_WORDS or tail_words < MIN_GLUED_TAIL or f.quoted or _furniture(f):
        return None
    if f.text.rstrip()[-1:] in ",;:" or f.structured is not None:
        return None
    evidence = strong_evidence(f, inside=True)
    if evidence is not None and not (evidence in (UI_LABEL, TEASER) and _lower_content_word(f)):
        return f"{evidence}, glued into a paragraph"
    if not shared and article_topic >= MIN_ARTICLE_TOPIC and (
            (f.title_case and not f.all_caps and f.topic and not _heading(f) and not _lower_content_word(f))
            or (not titled and len(f.topic) >= MIN_OFF_TOPIC_WORDS and _headline_speech(f))):
        # a teaser headline in sentence case needs as many content words as a lone line between
        # paragraphs does, and no article after its first word ("Bulls gear up for title defence", not
        # "An attempt by US politicians to pass a law to promote" before "Mr Yoran"): a subheading
        # shares a word with the article
        return "a headline or menu item glued into a paragraph, sharing no word with the article"
    return None


#: articles, which headlines leave out
_ARTICLES = frozenset({"a", "an", "the"})
#: words a sentence opens with and a headline does not
_SENTENCE_OPENERS = frozenset({"a", "an", "he", "her", "his", "i", "it", "its", "my", "our", "she", "their", "they",
                               "we", "you", "your"})
#: marks of a sentence, not a headline: a quotation mark (the end of a quotation: "... in my head," Mr X
#: said), a comma ("During cross examination, he asked")
_SENTENCE_MARKS = frozenset("\"“”,")


def _headline_speech(f: LineFeatures) -> bool:
    """Is the fragment written as headlines are: no article after its first word, which is no pronoun
    nor "A", and no comma or quotation mark?"""
    words = f.text.split()
    return (bool(words) and words[0].lower() not in _SENTENCE_OPENERS
            and not any(w.lower() in _ARTICLES for w in words[1:]) and not _SENTENCE_MARKS.intersection(f.text))
