"""CL101: misspelt words (non-words), with corrections ranked by evidence from the article."""

from __future__ import annotations

from collections.abc import Iterable

from copylint.document import Document
from copylint.finding import Diagnostic, Edit
from copylint.lexicon import lexicon_for
from copylint.rule import Context, Example, Rule, register
from copylint.spelling_judge import Judge
from copylint.spelling_words import MIN_LENGTH, ArticleWords, lookup_form, pieces


@register
class Misspelling(Rule):
    """A word is not in the dictionary and looks like a slip for one that is.

    Readers notice a misspelling at once, and it costs the copy its authority. The rule looks up
    every word in a lexicon of British and American English that knows inflected forms. A word it
    does not know is flagged when the evidence says it is a slip: the article uses a word one or two
    edits away more often (Ukranian beside Ukrainian), a far more common word is that close
    (definately), or it is a listed common misspelling. Unknown Capitalised words with no such
    evidence are taken for names and left alone, as are ALL-CAPS words, numbers, URLs, handles,
    hashtags, hyphenated compounds, words marked [sic] and the words in your word lists.
    Suggestions keep the word's case; a single certain correction from the curated list is a safe
    fix, any other is offered for review.
    """

    code = "CL101"
    name = "misspelling"
    category = "spelling"
    severity = "warning"
    examples = (
        Example("Troops were sent at the end of last yeae.", flags=("yeae",), suggestions=("year",)),
        Example("Ukrainian forces advanced. Residents fled Ukranian drones and Ukrainian shells.",
                flags=("Ukranian",), suggestions=("Ukrainian",)),
        Example("We will definately accomodate them.", flags=("definately", "accomodate"),
                suggestions=("definitely", "accommodate")),
        Example("DaimlerChrysler said sales rose. DaimerChrysler shares fell. DaimlerChrysler gained.",
                flags=("DaimerChrysler",), suggestions=("DaimlerChrysler",)),
        Example("Zelenskyy met Starmer in Kyiv; the US-led talks on 5.93 mln barrels went on."),
        Example("The defence minister's judgement, like the defense secretary's judgment, was final."),
        Example("He wrote “teh” [sic] in his note, emailed to news@example.com via https://bbc.co.uk."),
    )

    def check(self, doc: Document, ctx: Context) -> Iterable[Diagnostic]:
        lex = lexicon_for(ctx)
        judge = ctx.resources.get(("spelling-judge",), lambda: Judge(lex.data))
        call_words = ctx.words
        call_lower = {w for w in call_words if w.islower()}
        article = ArticleWords(doc)
        prose = doc.prose
        knows = lex.knows
        for token in doc.tokens:
            if token.kind != "word":
                continue
            for piece in pieces(token, prose):
                text = piece.text
                if len(text) < MIN_LENGTH or knows(text) or text.isupper():
                    continue
                form = lookup_form(text)
                if form != text and (len(form) < MIN_LENGTH or knows(form)):
                    continue
                if form in call_words or form.lower() in call_lower:
                    continue
                if not form.isalpha():
                    continue
                verdict = judge.judge(form, lex, article, piece.in_compound, piece.sentence_start)
                if verdict is None:
                    continue
                start, end = piece.start, piece.start + len(form)
                best = verdict.suggestions[0] if verdict.suggestions else None
                message = f"“{form}” looks misspelt" + (f"; did you mean “{best}”?" if best else "")
                yield Diagnostic(
                    start=start, end=end, message=message, suggestions=verdict.suggestions,
                    fix_edits=(Edit(start, end, best),) if best else (),
                    applicability="safe" if verdict.certain else "unsafe",
                    data={"evidence": verdict.reason},
                )
