"""Lines grouped into blocks: a paragraph hard-wrapped at a fixed width is one block, not many lines.

Wire copy and plain-text mail are often wrapped at 65-80 columns. Judged line by line, the pieces
of a wrapped paragraph look like fragments ("Distillate stocks fell 2.1 mln barrels to 140.5 mln,
while"): no capital, no full stop, no sentence shape. So before any line is judged, a document whose
lines fill up to one right margin is reflowed: a line break is *soft* (inside a paragraph) when the
first word of the next line would not have fitted on the line before, the way every wrapping tool
breaks lines. A break before a more indented line, or before a list bullet after a finished
sentence, stays hard (a new paragraph), and documents that are not wrapped (one paragraph per line,
web-page dumps) are left alone. A sentence broken by markup (a link, a bold word) is joined too: the
next line goes on in lower case after a line that ends no sentence.
"""

from __future__ import annotations

#: wrapping tools wrap at no fewer and no more than this many columns
MIN_WRAP_WIDTH = 40
MAX_WRAP_WIDTH = 100
#: a document is wrapped when at least this many of its run-on lines reach the margin...
MIN_FILLED_LINES = 3
#: ... a line reaches the margin when it is at most this many columns short of it...
MARGIN_SLACK = 12
#: ... and at most one run-on line in this many is wider than the margin (a long address, a table)
WIDE_LINE_SHARE = 20
#: a sentence broken across two lines (by markup: a link, a bold word) goes on in lower case or with
#: this punctuation, after a line that does not end a sentence
_CONTINUATION = ",;)"
_STOPS = (".", "!", "?", ":", '"', "”", "’", "|", "»", "›", ">", "…")
_BULLETS = ("- ", "* ", "• ", "· ", "– ", "— ")


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip())


def _margin(texts: list[str], runs_on: list[bool]) -> int | None:
    """The right margin the lines are wrapped at, or None when the text is not hard-wrapped.
    Only lines that run on into the next line, or follow one that does, tell: a long paragraph
    standing alone (pasted in unwrapped) says nothing about the rest."""
    widths = [len(t.rstrip()) for i, t in enumerate(texts) if runs_on[i] or (i and runs_on[i - 1])]
    fitting = [w for w in widths if w <= MAX_WRAP_WIDTH]
    if not fitting:
        return None
    margin = max(fitting)
    if margin < MIN_WRAP_WIDTH:
        return None
    wide = len(widths) - len(fitting)
    filled = sum(1 for w in fitting if w >= margin - MARGIN_SLACK)
    if filled < MIN_FILLED_LINES or wide * WIDE_LINE_SHARE > len(widths):
        return None
    return margin


def blocks(prose: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans of the non-empty blocks of ``prose``: its non-empty lines, with hard-wrapped
    paragraphs joined (``lines`` are the document's line spans, in order)."""
    spans = [(s, e) for s, e in lines if not prose[s:e].isspace() and s < e]
    if len(spans) < 2:
        return spans
    # a line runs on when the next line follows it directly, with no blank line between
    runs_on = [i + 1 < len(spans) and spans[i + 1][0] == spans[i][1] + 1 for i in range(len(spans))]
    texts = [prose[s:e] for s, e in spans]
    margin = _margin(texts, runs_on)
    out = [spans[0]]
    for i in range(1, len(spans)):
        if not runs_on[i - 1]:
            out.append(spans[i])
            continue
        prev, text = texts[i - 1].rstrip(), texts[i]
        body = text.lstrip()
        # a sentence going on in lower case after a line that ends none
        soft = (body[0] in _CONTINUATION or body[0].islower()) and not prev.endswith(_STOPS)
        if not soft and margin is not None:
            # the next line's first word would not have fitted: the wrapping tool broke the line
            first_word = body.split(maxsplit=1)[0]
            soft = (len(prev) + 1 + len(first_word) > margin and _indent(text) <= _indent(prev)
                    and not (body.startswith(_BULLETS) and prev.endswith(_STOPS)))
        if soft:
            out[-1] = (out[-1][0], spans[i][1])
        else:
            out.append(spans[i])
    return out
