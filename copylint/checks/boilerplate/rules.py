"""CL3xx: web boilerplate left in the copy (share buttons, menus, notices, live-blog stubs)."""

from __future__ import annotations

from collections.abc import Iterable

from copylint.checks.boilerplate.analysis import Span, analyse
from copylint.core.document import Document
from copylint.core.finding import Diagnostic
from copylint.core.rule import Context, Example, Rule, register

#: what the fix of each kind of span does, for the message
_WHAT = {
    "line": "delete the line",
    "sentence": "delete the sentence",
    "clause": "delete the clause",
    "fragment": "delete it (it is glued to the copy: check where the copy starts)",
    "phrase": "delete it by hand (where it ends is not certain)",
}


def _fix(span: Span, applicability: str) -> dict:
    """The fix arguments of a diagnostic for ``span``."""
    if span.delete is None:
        return {}
    return {"fix_edits": (span.delete,), "applicability": applicability, "deletes_block": span.whole_line}


@register
class BoilerplatePhrase(Rule):
    """Web boilerplate from a phrase pack: a button, menu, notice or stub pasted with the copy.

    Copy pasted from a web page into a CMS drags along "Share.", "Exit mobile version",
    "Advertisement", "Read more: ...", newsletter prompts, cookie banners, photo credits and live-blog
    intros. Extraction tools drop such lines silently on HTML; in finished copy they are mistakes
    a reader sees. The phrases live in the ``boilerplate`` packs (``rules/boilerplate/*.toml``) and
    match whole lines, line openings ("Read more: ...") or a clause that opens a sentence or is
    joined to one by a dash or comma. A line shared with copy (a story scraped onto one line) is read
    as sentences, and the finding is the furniture alone. The fix deletes it with the one space,
    separator or line break that joins it, and is safe only when both edges are certain: a line, or a
    sentence bounded by its punctuation. A phrase glued in front of a sentence without punctuation
    ("CLICK HERE TO GET THE APP Officials said ...") gets an unsafe fix, and one whose end cannot be
    told, none. A phrase inside an ordinary sentence ("... as this developing situation unfolded")
    or a quotation is copy and left alone. Add site-specific packs with ``packs = [...]`` (see
    ``copylint learn``).
    """

    code = "CL301"
    name = "boilerplate-phrase"
    category = "boilerplate"
    severity = "warning"
    marks_furniture = True
    examples = (
        Example("Police closed the road on Monday, officials said.\n\nShare.\nExit mobile version\n",
                flags=("Share.", "Exit mobile version"),
                fixed="Police closed the road on Monday, officials said.\n"),
        Example("Fire crews are at the scene of the blaze in the city centre – we’ll be bringing you the "
                "very latest updates on this story.\n",
                flags=("we’ll be bringing you the very latest updates on this story.",),
                fixed="Fire crews are at the scene of the blaze in the city centre.\n"),
        Example("The bank raised rates.\n\nRead more: Why rates are rising\n\nShares fell 3% after the "
                "announcement.\n", flags=("Read more: Why rates are rising",),
                fixed="The bank raised rates.\n\nShares fell 3% after the announcement.\n"),
        Example("Shares fell 3% after the announcement, and the firm said it would share its plans soon.\n"),
        Example("\"Read more books,\" the minister told the pupils.\n"),
    )

    def check(self, doc: Document, ctx: Context) -> Iterable[Diagnostic]:
        for hit in analyse(doc, ctx).phrases:
            span, phrase = hit.span, hit.match.phrase
            yield Diagnostic(
                span.start, span.end,
                f"Web boilerplate left in the copy ({phrase.description.lower()}); {_WHAT[span.cut]}",
                **_fix(span, "safe" if span.certain else "unsafe"), furniture=True,
                data={"pack": phrase.pack, "phrase": phrase.text, "match": phrase.match},
            )


@register
class BoilerplateLine(Rule):
    """A line that looks like web furniture: no sentence shape where page leftovers collect.

    Not every leftover is in a pack: menus, section names, teaser links, timestamps and counts
    ("12 comments") vary by site. Like jusText, this rule judges each line by its shape: length,
    density of function words, sentence punctuation, capitals, pipes and bullets; and by its subject:
    a teaser for another story shares no content word with the article. Hard-wrapped paragraphs are
    judged as one block. Prose lines anchor the article; before the first and after the last, a
    short line without sentence shape is flagged. Between prose lines only strong evidence counts (a
    count, a menu, a teaser ending in "..." or "»", a label of button words, a stamp such as
    "Updated ...") or a lone short line in an article that has no subheadings written like it.
    Structured content is copy and never flagged: lists, results and fixtures, line-ups and fact
    boxes, rows of figures, timelines, transcripts, recipes, subheadings, datelines and day headings,
    attributions and separators; and so are the headline, bylines, staff credits, quoted speech and
    sentences. Where a line is doubtful, nothing is said. Inside a paragraph, a menu item or headline
    glued in front of a sentence is flagged when it shares no word with the article. The fix
    deletes the line (or the glued fragment) but is unsafe: review it.
    """

    code = "CL302"
    name = "boilerplate-line"
    category = "boilerplate"
    severity = "warning"
    marks_furniture = True
    examples = (
        Example("Council approves new budget\n\nThe council approved its budget on Monday after a long "
                "debate about spending on roads and schools.\n\nPolitics | Economy | World\n\nCheap Flights "
                "To Spain\n", flags=("Politics | Economy | World", "Cheap Flights To Spain"),
                fixed="Council approves new budget\n\nThe council approved its budget on Monday after a long "
                      "debate about spending on roads and schools.\n"),
        Example("Council approves new budget\n\nThe council approved its budget on Monday after a long "
                "debate about spending on roads and schools.\n\nSchools | Transport | Council tax\n\nThe vote "
                "was close, and the mayor said she was relieved that it had passed.\n",
                flags=("Schools | Transport | Council tax",),
                fixed="Council approves new budget\n\nThe council approved its budget on Monday after a long "
                      "debate about spending on roads and schools.\n\nThe vote was close, and the mayor said "
                      "she was relieved that it had passed.\n"),
        Example("Council approves new budget\n\nBy Jane Smith\n\nLONDON (Reuters) - The council approved "
                "its budget on Monday after a long debate about spending.\n\n\"We are delighted,\" she "
                "said.\n"),
        Example("United win at the death\n\nUnited won with a goal in the last minute of the game on "
                "Saturday.\n\nArsenal 2-1 Chelsea\n\nLine-ups\n\nArsenal: Raya, White, Saliba, Gabriel.\n\n"
                "Chelsea: Sanchez, James, Colwill, Cucurella.\n\nAttendance: 60,170.\n"),
    )

    def check(self, doc: Document, ctx: Context) -> Iterable[Diagnostic]:
        for hit in analyse(doc, ctx).lines:
            span = hit.span
            what = "delete it if it is" + ("" if span.whole_line else " (check where the copy starts)")
            yield Diagnostic(
                span.start, span.end, f"This looks like web boilerplate ({hit.verdict.reason}); {what}",
                **_fix(span, "unsafe"), furniture=not hit.verdict.doubtful, data={"reason": hit.verdict.reason},
            )
