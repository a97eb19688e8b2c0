"""One pass over a document for the boilerplate rules: blocks and their sentences, phrase matches,
line shapes, and the exact span of each piece of furniture with the edit that removes it.

Both rules need the phrase matches (a matched line is no prose anchor), so the analysis runs once per
document and is shared by the two rules.

A span is the furniture alone. A block (a line, or a hard-wrapped paragraph) that is furniture entire
is deleted whole, with its line break. Otherwise the block is read as sentences (a story scraped
onto one line is one block of many) and the span is the sentence, the clause or the glued-on
fragment that is furniture; the edit removes it and the one space or separator that joins it.

A span is *certain* when both its edges are: the edges of its block, or sentence punctuation, with
nothing after a phrase that could be a sentence glued on without punctuation. Only a certain span
gets a safe fix. A fragment glued in front of a sentence ends where that sentence seems to begin,
which is a guess: its fix is unsafe. Where not even a guess can be made (a phrase followed by text
that may or may not be copy), the finding gets no fix at all.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Container
from dataclasses import dataclass

from copylint.checks.boilerplate.blocks import blocks
from copylint.checks.boilerplate.lines import LineFeatures, line_features, stop_words, ui_words
from copylint.checks.boilerplate.phrases import BlockPhrases, Phrase, PhraseMatch, PhraseMatcher, core_span, open_ended
from copylint.checks.boilerplate.sentences import (
    OPENERS,
    TITLES,
    capitals_after_lower,
    glue_points,
    may_hide_a_sentence,
    sentence_spans,
)
from copylint.checks.boilerplate.structure import Verdict, classify, glued_fragment, reads_as_copy, sentence_shaped
from copylint.core.document import Document
from copylint.core.finding import Edit
from copylint.core.rule import Context

#: a clause joined by a dash, comma, semicolon or colon (and the spaces around it)
_JOINER = re.compile(r"""\s*[-–—,;:]\s*$""")
_QUOTES = "\"“‘'"
#: the end of a sentence that states something (a headline may end in a question mark)
_STATEMENT_END = re.compile(r"[a-z0-9)][.!]")
#: a sentence end after a word
_SENTENCE_END = re.compile(
    r"""[a-z0-9)][.!?]+["'”’)]*(?:\s|$|(?=[–—|•·,-])|(?=["“‘(\[]?[A-Z\d©]))|(?<=[a-z]{3})[.!?](?=[a-z]{2})""")
_JOINING = ",;:–—-"
#: a capitalised word right after another one
_CAPITAL_AFTER_CAPITAL = re.compile(r"\b(?=[A-Z][\w'’.-]*\s+([A-Z][\w'’.-]*)\s)")
#: ... from which this many words that read as copy follow
STORY_WORDS = 8
#: what separates the items of a menu
_MENU_GAP = re.compile(r"\s*[|•·»›]\s*|\s{2,}")
_CAPITALS_WORD = re.compile(r"\b[A-Z]{2,}\b")
#: where a sentence glued on after a phrase may start: the start, or after a joining mark, a capital
_COPY_START = re.compile(r"""(?:^|[,;:–—-])\s*(["“‘]?[A-Z])""")
#: the sentence's own final punctuation (kept when a clause at its end is cut off)
_FINAL_STOP = re.compile(r"""[.!?]+["'”’)\]]*$""")
#: an opening this short before the joiner is part of the boilerplate ("For more, follow us on X.")
MIN_KEPT_WORDS = 6
#: a line opening with a prefix phrase ("Read more: ...") is furniture entire up to this many words
#: after it (the title of a link); a longer one is a paragraph of copy behind a label
MAX_LINK_WORDS = 20
#: a line or sentence opening with a start phrase ("This website uses cookies ...") is furniture
#: entire up to this many words
MAX_START_WORDS = 40
#: a sentence that a phrase with open ends matches ("Updated {any}", "{any}all rights reserved") is
#: furniture entire up to this many words
MAX_OPEN_WORDS = 20
#: ... unless what its open end takes has this many content words in lower case: a sentence of copy
#: ("© 2024 Example Media Analysts expect more details to follow from the company")
OPEN_COPY_WORDS = 4
#: a name before a phrase ("Example Media Inc. All rights reserved") has at most this many words
MAX_NAME_WORDS = 4
#: a sentence glued on after a phrase is copy from this many words ("..., He declined to comment.")
GLUED_COPY_WORDS = 3
#: words that read as copy with this many content words in lower case are copy, full stop or not
LONG_COPY_WORDS = 5


#: what a span is: a whole block (line), sentences of a block, a clause joined to a sentence, a
#: fragment glued in front of a sentence, or a phrase whose end is not known
CUTS = ("line", "sentence", "clause", "fragment", "phrase")


@dataclass(frozen=True, slots=True)
class Span:
    """A flagged piece of prose (prose offsets) and the edit that removes it."""

    start: int
    end: int
    #: what removes the span: it and the one space, separator or line break that joins it (None:
    #: where the furniture ends is not known, so no fix is offered)
    delete: Edit | None
    #: one of :data:`CUTS`
    cut: str

    @property
    def whole_line(self) -> bool:
        """The whole block goes (a block deletion, which readers widen to the element or lines holding it)."""
        return self.cut == "line"

    @property
    def certain(self) -> bool:
        """Both edges are block edges or sentence punctuation: the deletion is safe."""
        return self.cut in ("line", "sentence", "clause")


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


# ---------------------------------------------------------------------------------- spans and edits
def line_span(prose: str, start: int, end: int) -> Span:
    """The stripped block ``[start, end)``, deleted with its line break."""
    s, e = start, end
    while s < e and prose[s].isspace():
        s += 1
    while e > s and prose[e - 1].isspace():
        e -= 1
    cut_end = end + 1 if end < len(prose) and prose[end] == "\n" else end
    return Span(s, e, Edit(start, cut_end, ""), "line")


def _blank(prose: str, start: int, end: int) -> bool:
    """Is ``prose[start:end]`` only spaces? (Read up to its first other character: a block's sentences
    asked this of the text before each of them, copied, took time quadratic in the block's length.)"""
    return _NON_SPACE.search(prose, start, end) is None


_NON_SPACE = re.compile(r"\S")


def sentence_span(prose: str, block: tuple[int, int], start: int, end: int) -> Span:
    """The sentences ``[start, end)`` of a block, deleted with the spaces after them (or, at the end of
    the block, before them); the whole block when they are all of it."""
    block_start, block_end = block
    if _blank(prose, block_start, start) and _blank(prose, end, block_end):
        return line_span(prose, block_start, block_end)
    cut_start, cut_end = start, end
    if not _blank(prose, end, block_end):
        while cut_end < block_end and prose[cut_end].isspace():
            cut_end += 1
    else:  # the last sentence: it goes with the spaces before it (and any after it)
        cut_end = block_end
        while cut_start > block_start and prose[cut_start - 1].isspace():
            cut_start -= 1
    return Span(start, end, Edit(cut_start, cut_end, ""), "sentence")


def fragment_span(prose: str, start: int, glue: int) -> Span:
    """Furniture ``[start, glue)`` glued in front of a sentence that starts at ``glue``: it goes with
    the spaces after it, and the fix is a guess (where the sentence starts)."""
    end = glue
    while end > start and prose[end - 1].isspace():
        end -= 1
    return Span(start, end, Edit(start, glue, ""), "fragment")


def _words(text: str) -> int:
    return len(text.split())


# ---------------------------------------------------------------------------------- phrases
def _whole_block(text: str, m: PhraseMatch, phrases: PhraseMatcher) -> bool:
    """Is the block ``text``, which the phrase ``m`` opens, furniture entire?"""
    kind = m.phrase.match
    if kind == "line":
        return not open_ended(m.phrase) or (len(sentence_spans(text)) == 1 and _open_phrase_entire(text, m.phrase,
                                                                                                  phrases))
    if kind == "prefix":
        rest = text[m.end:]
        return (_words(rest) <= MAX_LINK_WORDS and not may_hide_a_sentence(text, m.start, len(text), m.end)
                and not _sentence_of_copy(rest))
    if kind == "start":
        return (_words(text) <= MAX_START_WORDS and not may_hide_a_sentence(text, m.start, len(text), m.end)
                and len(sentence_spans(text)) == 1 and _copy_after(text[m.end:]) is None)
    return False


def _phrase_hits(prose: str, block: tuple[int, int], sentences: list[tuple[int, int]],
                 phrases: PhraseMatcher) -> list[PhraseHit]:
    """The pack phrases of one block (of the given sentences): the whole block, or the sentences,
    clauses and glued-on lines in it."""
    start, end = block
    text = prose[start:end]
    found = phrases.block(text)
    m = found.opening(0, len(text))
    if m is not None and _whole_block(text, m, phrases):
        return [PhraseHit(line_span(prose, start, end), m)]
    clauses = phrases.first_clause(text) is not None  # a clause phrase anywhere in the block
    hits = []
    for s, e in sentences:
        hit = _sentence_hit(prose, block, s, e, phrases, found, clauses, m if s == start else None)
        if hit is not None:
            hits.append(hit)
    return hits


def _sentence_hit(prose: str, block: tuple[int, int], start: int, end: int, phrases: PhraseMatcher,
                  found: BlockPhrases, clauses: bool, block_opening: PhraseMatch | None) -> PhraseHit | None:
    """The phrase that a sentence of a block is or opens with, or a clause phrase opening it or joined
    to it; or a whole-line phrase glued in front of the sentence, when that tells better where the
    furniture ends. Quotations are copy: no clause is looked for in one. (The first sentence opens
    with the phrase the block opens with, when the sentence is longer than that phrase.)"""
    text = prose[start:end]
    at = start - block[0]
    m = (block_opening if block_opening is not None and block_opening.end <= len(text)
         else found.opening(at, at + len(text)))
    hit = None if m is None else _opening_sentence(prose, block, start, end, m, phrases)
    if hit is None and clauses and text[:1] not in _QUOTES:
        lead = len(text) - len(text.lstrip("([ "))
        m = phrases.clause_at(text[lead:])
        if m is not None:
            hit = _opening_hit(prose, block, start, end, PhraseMatch(m.phrase, lead + m.start, lead + m.end))
        else:
            hit = _joined_clause(prose, block, start, end, phrases)
    if hit is None or hit.span.cut in ("fragment", "phrase"):
        glued = found.glued_opening(at, at + len(text))
        if glued is not None and _sentence_follows(text, glued):
            fragment = PhraseHit(fragment_span(prose, start, start + _next_word(text, glued.end)), glued)
            if hit is None or hit.span.delete is None or fragment.span.end > hit.span.end:
                return fragment
    return hit


def _opening_sentence(prose: str, block: tuple[int, int], start: int, end: int, m: PhraseMatch,
                      phrases: PhraseMatcher) -> PhraseHit | None:
    """A sentence that a pack phrase (not a clause) is, or opens."""
    if m.phrase.match == "line":
        return _line_phrase_sentence(prose, block, start, end, m, phrases)
    return _opening_hit(prose, block, start, end, m)


def _unglued(text: str, start: int, end: int, limit: int) -> bool:
    """Is ``text[start:end]`` no longer than ``limit`` words, with no sentence glued on in it?"""
    return (_words(text[start:end]) <= limit and next(glue_points(text, start, end), None) is None
            and not may_hide_a_sentence(text, start, end))


def _line_phrase_sentence(prose: str, block: tuple[int, int], start: int, end: int, m: PhraseMatch,
                          phrases: PhraseMatcher) -> PhraseHit | None:
    """A sentence that a whole-line phrase matches. A phrase with open ends ("{any}all rights reserved")
    takes the sentence only when no sentence is glued on in it; when one is, the part before it,
    if the phrase is all of that part, is a fragment glued on ("Copyright 2008 Times All Rights
    Reserved The river rose.")."""
    if not open_ended(m.phrase) or _open_phrase_entire(prose[start:end], m.phrase, phrases):
        span = sentence_span(prose, block, start, end)
        if span.cut == "sentence" and _words(prose[start:end]) == 1 and not _blank(prose, block[0], start) and (
                not _blank(prose, end, block[1])):
            # one word between two sentences ("... of Lee's POW! Entertainment. In this world ..."):
            # a section name, or the end of a name the sentences were cut at
            return PhraseHit(Span(span.start, span.end, span.delete, "fragment"), m)
        return PhraseHit(span, m)
    glue = next(glue_points(prose, start, end), None)
    if glue is not None:
        text = prose[start:glue]
        head = phrases.opening(text)
        if head is not None and head.phrase.match == "line" and (
                not open_ended(head.phrase) or (_words(text) <= MAX_OPEN_WORDS and not _holds_copy(text, head.phrase))):
            return PhraseHit(fragment_span(prose, start, glue), head)
    return None


def _open_phrase_entire(text: str, phrase: Phrase, phrases: PhraseMatcher) -> bool:
    """Is ``text``, which a whole-line phrase with open ends matches, furniture entire: no longer than
    :data:`MAX_OPEN_WORDS`, with no sentence glued on in it and no copy beside the phrase? What follows
    the written-out part of the phrase is left out of the judgement when it is a name and a whole-line
    phrase ("Copyright 2006 Example Inc. All rights reserved.": "Example Inc. All rights reserved.")."""
    core = core_span(phrase, text)
    if core is not None and text[core[1]:].strip():
        rest = text[core[1]:]
        m = phrases.opening(rest)
        if m is not None and m.phrase.match == "line" and m.phrase is not phrase and (
                not open_ended(m.phrase) or _named_open_phrase(rest, m.phrase)):
            text = text[:core[1]]
    return _unglued(text, 0, len(text), MAX_OPEN_WORDS) and not _holds_copy(text, phrase)


def _named_open_phrase(text: str, phrase: Phrase) -> bool:
    """Is ``text``, which a phrase with open ends matches, a name and the phrase's written-out part,
    with nothing after it ("Example Inc. All rights reserved.", not "Example Inc. He declined to
    comment, all rights reserved.")?"""
    core = core_span(phrase, text)
    return (core is not None and _words(text[:core[0]]) <= MAX_NAME_WORDS and not text[core[1]:].strip(" .")
            and _unglued(text, 0, len(text), MAX_OPEN_WORDS))


def _holds_copy(text: str, phrase: Phrase) -> bool:
    """Does ``text``, which a phrase with open ends matches, hold a sentence of copy before or after the
    written-out part of the phrase? After it: a sentence after a joining mark ("Updated 10:32 GMT, He
    declined to comment."), or a sentence of copy opening with a capital ("Advertisement – The minister
    said the plan would work."), not the rest of the phrase's own words ("Promoted: Best deals this
    week"). Before it: copy that a capital after a word in lower case shows ends there ("The minister
    said the plan would work All rights reserved")."""
    core = core_span(phrase, text)
    if core is None:
        return True
    head, tail = text[:core[0]], text[core[1]:]
    words = head.split()
    if (words and words[-1][:1].islower() and words[-1].lower() not in stop_words() and text[core[0]:][:1].isupper()
            and reads_as_copy(line_features(head))):
        return True
    rest = tail.lstrip(" \t\n\u00a0,;:.–—-")
    features = _copy_features(rest)
    return (_copy_after(tail, inside=True) is not None
            or ((rest[:1].isupper() or rest[:1] in _QUOTES) and _sentence_of_copy(rest))
            or (features.lower_content_words >= OPEN_COPY_WORDS and reads_as_copy(features)))


def _sentence_of_copy(text: str) -> bool:
    """Does ``text`` hold copy: words that read as copy, with a sentence ended by its full stop among
    them ("He declined to comment.")? (A link title after "Read more:" is written without one.)"""
    text = text.lstrip(" \t\n\u00a0,;:.–—-").rstrip()
    f = _copy_features(text)
    if f.lower_content_words >= LONG_COPY_WORDS and reads_as_copy(f):
        return True
    if _SENTENCE_END.search(text) is None:
        return False
    return reads_as_copy(f, GLUED_COPY_WORDS) or any(
        _SENTENCE_END.search(text, s, e) and reads_as_copy(_copy_features(text[s:e]), GLUED_COPY_WORDS)
        for s, e in sentence_spans(text))


def _copy_after(text: str, inside: bool = False) -> int | None:
    """Where in ``text``, what follows a phrase, a sentence of copy glued on starts: after a comma,
    colon, semicolon or dash, a capital (or a quotation mark) from which the rest, or its first
    sentence, reads as copy ("..., He declined to comment.", "... updates – The minister said ...");
    or right at its start ("Follow us on Twitter He declined to comment."). With ``inside``, only
    after a joining mark. None when there is none."""
    found = []
    for m in _COPY_START.finditer(text):
        at = m.start(1)
        at_start = m.group(0).lstrip()[:1] not in _JOINING
        if at_start and (inside or _first_word(text, at).lower() in ui_words()):
            continue  # "By clicking Sign up, you agree ...": a button's name goes on the phrase
        stop = _SENTENCE_END.search(text, at)
        pieces = [text[at:]] if stop is None else [text[at:], text[at:stop.end()]]
        if any(reads_as_copy(_copy_features(piece), GLUED_COPY_WORDS) for piece in pieces):
            found.append(at)
            break
    # glued with nothing but a space, after a word in lower case: a whole sentence of copy
    # ("... the latest updates  Shares fell after the announcement."; not "... get BBC News in your inbox.")
    for at in capitals_after_lower(text, 0, len(text)):
        stop = _SENTENCE_END.search(text, at)
        if stop is not None:
            f = _copy_features(text[at:stop.end()])
            if f.lower_content_words >= 2 and reads_as_copy(f, GLUED_COPY_WORDS):
                found.append(at)
                break
    return min(found) if found else None


def _first_word(text: str, at: int) -> str:
    words = text[at:].lstrip("\"“‘").split(maxsplit=1)
    return words[0].strip(",;:.") if words else ""


def _copy_features(text: str) -> LineFeatures:
    """The features of ``text`` as copy: words in capitals (a shouted button, "CLICK HERE TO GET THE
    APP") are left out, so that they do not make the sentence beside them look like a headline."""
    return line_features(_CAPITALS_WORD.sub("", text) if _CAPITALS_WORD.search(text) else text)


def _sentence_follows(text: str, m: PhraseMatch) -> bool:
    """After a whole-line phrase opening ``text``, does a sentence start ("Exit mobile version The
    river rose")? A phrase of one word needs a sentence opener after it ("Live The river ..."), not
    just a capital ("Live Aid raised ..."), unless it is written in capitals and the next word is not."""
    rest = text[_next_word(text, m.end):]
    words = rest.split(maxsplit=2)
    if len(words) < 2 or not (words[0][:1].isupper() or words[0][:1] in "\"“‘"):
        return False
    phrase = text[m.start:m.end]
    opener = words[0].lower() in OPENERS and words[1][:1].islower()
    if " " in phrase.strip() or opener:
        return True
    return phrase.isupper() and not words[0].isupper()


def _next_word(text: str, at: int) -> int:
    """Where the next word after ``at`` starts (past spaces and separators)."""
    i = at
    while i < len(text) and (text[i].isspace() or text[i] in ".!?:;,…|»›>*-–—"):
        i += 1
    return i


def _opening_hit(prose: str, block: tuple[int, int], start: int, end: int, m: PhraseMatch) -> PhraseHit:
    """A phrase opening a sentence, and the rest of the sentence, which goes with it: "Read more: ...",
    "This website uses cookies ...", "This story will be updated ...". Where copy follows (a sentence
    glued on, or the story after a label), only what comes before it goes, and that is a guess."""
    phrase_start, phrase_end = start + m.start, start + m.end
    glue = next(glue_points(prose, phrase_start, end, phrase_end), None)
    stop = glue if glue is not None else end  # "Read more: Why rates rose The bank said ...": the story is at "The"
    between = prose[phrase_end:stop]
    if m.phrase.match == "prefix" and (reads_as_copy(line_features(between)) or _sentence_of_copy(between)):
        # "BREAKING: A fire broke out at the station.": the label goes, the sentence after it is copy
        after = start + _next_word(prose[start:end], m.end)
        if after < end and (prose[after].isupper() or prose[after] in _QUOTES):
            return PhraseHit(fragment_span(prose, start, after), m)
        return PhraseHit(Span(phrase_start, phrase_end, None, "phrase"), m)
    copy = _copy_after(between) if m.phrase.match != "prefix" else None
    cut = glue if copy is None else phrase_end + copy if glue is None else min(glue, phrase_end + copy)
    if _story_after_a_name(prose[phrase_end:end]):
        return PhraseHit(Span(phrase_start, phrase_end, None, "phrase"), m)
    if cut is not None:  # "Follow us on Twitter Analysts expect ...", "... updates – The minister said ..."
        return PhraseHit(fragment_span(prose, start, cut), m)
    limit = MAX_LINK_WORDS if m.phrase.match == "prefix" else MAX_START_WORDS
    if _words(prose[phrase_end:end]) > limit or may_hide_a_sentence(prose, phrase_start, end, phrase_end):
        return PhraseHit(Span(phrase_start, phrase_end, None, "phrase"), m)
    return PhraseHit(sentence_span(prose, block, start, end), m)


def _story_after_a_name(text: str) -> bool:
    """Does a long stretch of copy start at a capitalised word right after another one ("... our Privacy
    Policy Congress established the 11-member commission on ...")? Where the furniture ends is then
    not known: its last words and the story's first are both capitalised."""
    for m in _CAPITAL_AFTER_CAPITAL.finditer(text):
        stop = _SENTENCE_END.search(text, m.start(1))
        f = _copy_features(text[m.start(1):stop.end() if stop else len(text)])
        if f.words >= STORY_WORDS and f.lower_content_words >= OPEN_COPY_WORDS and reads_as_copy(f):
            return True
    return False


def _joined_clause(prose: str, block: tuple[int, int], start: int, end: int,
                   phrases: PhraseMatcher) -> PhraseHit | None:
    """A clause phrase joined to the sentence by a dash, comma, semicolon or colon: "..., we'll bring
    you the latest." The clause goes with its joiner; the sentence keeps its final punctuation. A
    phrase after an ordinary word ("... as this developing situation unfolded") is copy."""
    text = prose[start:end]
    for j in re.finditer(r"[-–—,;:]\s+", text):
        m = phrases.clause_at(text[j.end():])
        if m is None or _in_quotation(text, j.start()):
            continue
        clause = start + j.end()
        phrase_end = clause + m.end
        found = PhraseMatch(m.phrase, j.end() + m.start, j.end() + m.end)
        head = text[:j.start()]
        if _words(head) < MIN_KEPT_WORDS:  # "For more, follow our live blog.": the sentence is the stub
            return _opening_hit(prose, block, start, end, PhraseMatch(m.phrase, 0, j.end() + m.end))
        if (next(glue_points(prose, clause, end, phrase_end), None) is not None
                or may_hide_a_sentence(prose, clause, end, phrase_end)):
            return PhraseHit(Span(clause, phrase_end, None, "phrase"), found)
        stop = _FINAL_STOP.search(text)
        keep_from = start + stop.start() if stop else end
        joiner = start + _JOINER.search(text, 0, j.end()).start()  # type: ignore[union-attr]
        return PhraseHit(Span(clause, end, Edit(joiner, keep_from, ""), "clause"), found)
    return None


def _in_quotation(text: str, at: int) -> bool:
    """Is ``text[at]`` inside a quotation opened before it?"""
    before = text[:at]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


# ---------------------------------------------------------------------------------- glued fragments
def _glued_hits(prose: str, block: tuple[int, int], sentences: list[tuple[int, int]], topic: Counter[str],
                article_topic: int, taken: list[PhraseHit]) -> list[LineHit]:
    """Fragments of furniture glued in front of a sentence of a prose block ("...had passed. Print
    Edition The river rose."), after the first sentence, where no phrase was found."""
    out = []
    for s, e in sentences[1:]:
        if any(h.span.start < e and s < h.span.end for h in taken):
            continue
        glue = next(glue_points(prose, s, e), None)
        if glue is None:
            continue
        head = line_features(prose[s:glue])
        rest_of_block = line_features(prose[block[0]:s] + " " + prose[glue:block[1]]).topic
        # the block counts each of its stems once: a stem is shared when another block has it too
        shared = sum(1 for stem in head.topic if topic[stem] > 1 or stem in rest_of_block)
        reason = glued_fragment(head, shared, article_topic, _words(prose[glue:e]), _titled(prose, glue))
        if reason is not None:
            out.append(LineHit(fragment_span(prose, s, glue), Verdict(-1, reason, doubtful=True)))
    return out


def _titled(prose: str, at: int) -> bool:
    """Does the text at ``at`` open with a title before a name ("Mr Myers")?"""
    word = prose[at:at + 12].split(maxsplit=1)
    return bool(word) and word[0].rstrip(".") in TITLES


def _holds_a_sentence(prose: str, block: tuple[int, int], sentences: list[tuple[int, int]]) -> bool:
    """Does the block hold a sentence beside something else (so that it is no furniture entire)?"""
    if len(sentences) > 1 and any(sentence_shaped(line_features(prose[s:e]))
                                  or reads_as_copy(_copy_features(prose[s:e]), GLUED_COPY_WORDS) for s, e in sentences):
        return True
    text = prose[block[0]:block[1]]
    copy = _copy_after(text, inside=True)
    if copy is not None and _STATEMENT_END.search(text, copy):  # "Updated 10:32 GMT, He declined to comment."
        return True  # (not a headline after a label: "Science: Was the sword made using nanotech?")
    # beside a menu: "Politics | Economy | World  Officials in Ohio said the storm had passed."
    if any(_sentence_of_copy(piece) for piece in _MENU_GAP.split(text)[1:]):
        return True
    # glued on: "Updated 10:32 GMT He declined to comment."
    return any(reads_as_copy(line_features(prose[glue:e]), GLUED_COPY_WORDS)
               for s, e in sentences for glue in glue_points(prose, s, e))


class _Judged(Container[int]):
    """The blocks for which ``judge`` holds, judged when asked about (and once)."""

    def __init__(self, judge: Callable[[int], bool]) -> None:
        self._judge = judge
        self._known: dict[int, bool] = {}

    def __contains__(self, k: object) -> bool:
        if not isinstance(k, int):
            return False
        known = self._known.get(k)
        if known is None:
            known = self._known[k] = self._judge(k)
        return known


def _analyse(doc: Document, ctx: Context) -> Analysis:
    prose = doc.prose
    phrase_matcher = matcher(ctx)
    spans = blocks(prose, doc.lines)
    features: list[LineFeatures] = []
    phrase_hits: list[PhraseHit] = []
    by_block: list[list[PhraseHit]] = []
    sentences: list[list[tuple[int, int]]] = []
    matched: set[int] = set()
    for k, block in enumerate(spans):
        start, end = block
        text = prose[start:end]
        # a hard-wrapped paragraph is judged as the one line it would be unwrapped
        features.append(line_features(" ".join(text.split()) if "\n" in text else text))
        sentences.append(sentence_spans(prose, start, end))
        hits = _phrase_hits(prose, block, sentences[k], phrase_matcher)
        by_block.append(hits)
        phrase_hits.extend(hits)
        if any(h.span.whole_line for h in hits):
            matched.add(k)
    with_sentences = _Judged(lambda k: _holds_a_sentence(prose, spans[k], sentences[k]))
    verdicts = classify(features, frozenset(matched), with_sentences)
    line_hits = [LineHit(line_span(prose, *spans[v.index]), v) for v in verdicts]
    flagged = matched | {v.index for v in verdicts}
    topic: Counter[str] = Counter()
    for f in features:
        topic.update(f.topic)
    for k, block in enumerate(spans):
        if k and k not in flagged and "." in prose[block[0]:block[1]]:
            line_hits.extend(_glued_hits(prose, block, sentences[k], topic, len(topic), by_block[k]))
    line_hits.sort(key=lambda h: h.span.start)
    return Analysis(tuple(phrase_hits), tuple(line_hits))


def analyse(doc: Document, ctx: Context) -> Analysis:
    """The boilerplate analysis of ``doc``, computed once for both rules."""
    packs = matcher(ctx)
    return doc.memo(("boilerplate.analysis", id(packs)), lambda: _analyse(doc, ctx))
