"""CL101: misspelt words (non-words), with corrections ranked by evidence from the article."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from copylint.checks.spelling.article_words import (
    COMMON_OPENERS,
    FOREIGN_PARTICLES,
    MAX_QUOTED_WORDS,
    MIN_HANDLE_PIECE,
    MIN_LENGTH,
    ArticleWords,
    Piece,
    address_words,
    in_name,
    lookup_form,
    marked_sic,
    pieces,
    quoted_alone,
    species_name,
)
from copylint.checks.spelling.confusions import confusion_model, slips
from copylint.checks.spelling.doubled import doubled_words, legitimate_doubles
from copylint.checks.spelling.encoding import DamageSpans, encoding_damage
from copylint.checks.spelling.judge import Judge
from copylint.core.document import Document, Token
from copylint.core.finding import Diagnostic, Edit
from copylint.core.rule import Context, Example, Rule, register
from copylint.language.lexicon import lexicon_for
from copylint.language.name_parts import name_parts

#: Longer words are not spelling candidates: the longest dictionary word has 45 letters, so no
#: dictionary word is within two edits of them, and searching near a pasted blob (base64, a hash)
#: would cost time and memory that grow with its length squared. The rule says so once per document.
MAX_WORD_LENGTH = 50
#: longer token texts are not remembered as known (a process-wide cache stays small)
MAX_CACHED_TOKEN = 100
#: distinct unknown words judged in one document. Each costs a near-word search (one or two
#: milliseconds); real articles have at most a few hundred, a page in another language a few
#: thousand (3,096 is the most in the research corpora). Past this a text is not prose the rule can
#: help with: the rest of it is not checked, said once.
MAX_JUDGED_FORMS = 4_000


def _capitalised(token: Token) -> bool:
    return token.kind == "word" and token.text[:1].isupper() and not token.text.isupper()


def _beside_name(tokens: list[Token], i: int, prose: str) -> bool:
    """Is token ``i`` next to another Capitalised word in the same sentence (Ken Mayland)?"""
    before = i > 0 and not tokens[i].sentence_start and _capitalised(tokens[i - 1]) and not (
        tokens[i - 1].sentence_start and tokens[i - 1].text in COMMON_OPENERS)
    after = i + 1 < len(tokens) and not tokens[i + 1].sentence_start and _capitalised(tokens[i + 1])
    return bool(before or after) and "\n" not in prose[tokens[i - 1].end if before else tokens[i].end:
                                                      tokens[i].start if before else tokens[i + 1].start]


def _in_foreign_phrase(tokens: list[Token], i: int, knows: Callable[[str], bool]) -> bool:
    """Is lowercase token ``i`` beside another lowercase word the lexicon does not know (bona fide,
    vis a vis), or after a foreign article or preposition (de facto, en masse)? Slips rarely come in
    pairs; borrowed phrases do."""
    if i > 0 and not tokens[i].sentence_start and tokens[i - 1].text.lower() in FOREIGN_PARTICLES:
        return True
    for j in (i - 1, i + 1):
        if 0 <= j < len(tokens) and not (j > i and tokens[j].sentence_start) and not (
                j < i and tokens[i].sentence_start):
            other = tokens[j]
            if other.kind == "word" and other.text.islower() and other.text.isalpha() and not knows(other.text):
                return True
    return False


#: characters that cut a word without showing (zero-width space, joiners, word joiner, BOM)
_INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff")
#: the longest unit name taken on trust after a number
MAX_UNIT_LENGTH = 5


def _set_apart(doc: Document, i: int, form: str, knows: Callable[[str], bool],
               is_common: Callable[[str], bool], particles: frozenset[str], likely_slip: bool) -> bool:
    """Does the context of lowercase token ``i`` say it is not English prose to spell-check: a
    borrowed phrase (bona fide, de facto), a word set apart in quotation marks ("frunk"; in a short
    quoted phrase, "ordo amoris", or in italics, *hanbok*, unless it is a ``likely_slip``: italics
    are also emphasis, *genuinly*), a particle
    in a name (von der Leyen), the species of a Latin name (Atrax robustus), or a user name written
    bare beside its handle (bob saget, @bobsaget)?"""
    tokens, prose = doc.tokens, doc.prose
    token = tokens[i]
    if _in_foreign_phrase(tokens, i, knows) or quoted_alone(prose, token.start, token.end, phrase=not likely_slip):
        return True  # "video tattos" is a slip all the same: only a word alone in quotes is set apart
    if not likely_slip and any(s <= token.start and token.end <= e and len(prose[s:e].split()) <= MAX_QUOTED_WORDS
                      for s, e in doc.italics):
        return True
    if prose[token.start - 1:token.start] in _INVISIBLE or prose[token.end:token.end + 1] in _INVISIBLE:
        return True  # B\u200board: a word cut by an invisible character, not misspelt
    if i > 0 and tokens[i - 1].kind == "number" and prose[tokens[i - 1].end:token.start] == " " and (
            len(form) <= MAX_UNIT_LENGTH):
        return True  # 2.5 nmol, 40 kph: a unit after a number
    if in_name(tokens, i, prose, particles) or species_name(tokens, i, prose, is_common):
        return True
    return len(form) >= MIN_HANDLE_PIECE and form.lower() in address_words(doc)


def _unknown_pieces(text: str, knows: Callable[[str], bool]) -> list[tuple[Piece, str]]:
    """The pieces of a token the lexicon does not know, with the word to judge for each (a
    contraction's word: they're -> they). Depends on the token's text only, so it can be cached."""
    out = []
    if "-" in text and knows(text.replace("-", "")):
        return out  # pre-empted, co-operation: a hyphenated spelling of a known word
    for piece in pieces(text):
        word = piece.text
        if len(word) < MIN_LENGTH or knows(word) or word.isupper():
            continue
        form = lookup_form(word)
        if form != word and (len(form) < MIN_LENGTH or knows(form)):
            continue
        if form.isalpha():
            out.append((piece, form))
    return out


def _too_long_notice(doc: Document, start: int, length: int) -> str:
    line = doc.position(doc.offsets.start(start))[0]
    return (f"{doc.path}:{line}: a word of {length:,} letters is longer than any word the spelling rule "
            f"checks ({MAX_WORD_LENGTH}); words that long are not checked for spelling (CL101)")


def _too_many_notice(doc: Document, start: int) -> str:
    line = doc.position(doc.offsets.start(start))[0]
    return (f"{doc.path}:{line}: more than {MAX_JUDGED_FORMS:,} distinct unknown words; the spelling rule "
            f"(CL101) stopped here and did not check the rest of this text")


@register
class Misspelling(Rule):
    """A word is not in the dictionary and looks like a slip for one that is.

    Readers notice a misspelling at once, and it costs the copy its authority. The rule looks up
    every word in a lexicon of British and American English that knows inflected forms. A word it
    does not know is flagged when the evidence says it is a slip: the article uses a word one or two
    edits away more often (Ukranian beside Ukrainian), a far more common word is that close
    (definately), or it is a listed common misspelling. Unknown Capitalised words with no such
    evidence are taken for names and left alone, as are ALL-CAPS words, numbers, URLs, handles,
    hashtags, hyphenated compounds, words marked [sic] and the words in your word lists; so are
    the words of larger dictionaries (netizen, mockumentary) and new formations (shouty, agentic)
    unless a far more common word is one likely keystroke away, name particles (von der Leyen),
    Latin species names, user names beside their handles and borrowings set apart in italics or
    quotes. Two words run together get the pair as the suggestion (bemore: "be more").
    Suggestions keep the word's case; a single certain correction from the curated list is a safe
    fix, any other is offered for review.
    """

    code = "CL101"
    name = "misspelling"
    category = "spelling"
    severity = "warning"
    examples = (
        Example("Troops were sent at the end of last yeae.", flags=("yeae",), suggestions=("year",),
                fixed="Troops were sent at the end of last year."),
        Example("Ukrainian forces advanced. Residents fled Ukranian drones and Ukrainian shells.",
                flags=("Ukranian",), suggestions=("Ukrainian",),
                fixed="Ukrainian forces advanced. Residents fled Ukrainian drones and Ukrainian shells."),
        Example("We will definately accomodate them.", flags=("definately", "accomodate"),
                suggestions=("definitely", "accommodate"),
                fixed="We will definitely accommodate them."),
        Example("DaimlerChrysler said sales rose. DaimerChrysler shares fell. DaimlerChrysler gained.",
                flags=("DaimerChrysler",), suggestions=("DaimlerChrysler",),
                fixed="DaimlerChrysler said sales rose. DaimlerChrysler shares fell. DaimlerChrysler gained."),
        Example("Zelenskyy met Starmer in Kyiv; the US-led talks on 5.93 mln barrels went on."),
        Example("The defence minister's judgement, like the defense secretary's judgment, was final."),
        Example("He wrote “teh” [sic] in his note, emailed to news@example.com via https://bbc.co.uk."),
    )

    def check(self, doc: Document, ctx: Context) -> Iterable[Diagnostic]:
        lex = lexicon_for(ctx)
        judge = ctx.resources.get(("spelling-judge",), lambda: Judge(lex.data))
        known_tokens = judge.known_tokens(lex)
        call_words = ctx.words
        call_lower = {w for w in call_words if w.islower()}
        article = ArticleWords(doc)
        parts = name_parts(ctx)
        endings = parts.endings
        prose = doc.prose
        knows = lex.knows
        tokens = doc.tokens
        damaged = DamageSpans(encoding_damage(doc))
        too_long = False
        judged: set[str] = set()
        for i, token in enumerate(tokens):
            if token.kind != "word" or token.text in known_tokens:
                continue
            if damaged.overlaps(token.start, token.end):
                continue  # Potterâs: the encoding-damage rule reports it
            if doc.furniture and doc.in_furniture(token.start, token.end):
                continue  # web furniture a boilerplate rule flagged is not the article's copy
            unknown = _unknown_pieces(token.text, knows)
            if not unknown:
                if len(token.text) <= MAX_CACHED_TOKEN:
                    known_tokens[token.text] = None
                continue
            if prose[token.end:token.end + 1] == "&" or marked_sic(prose, token.end):
                continue  # caf&#233;: a word cut by an entity the reader left alone; a quoted slip
            for piece, form in unknown:
                if form in call_words or form.lower() in call_lower:
                    continue
                if len(form) > MAX_WORD_LENGTH:
                    if not too_long:
                        too_long = True
                        ctx.notice(_too_long_notice(doc, token.start + piece.offset, len(form)))
                    continue
                if form not in judged:
                    if len(judged) >= MAX_JUDGED_FORMS:
                        ctx.notice(_too_many_notice(doc, token.start + piece.offset))
                        return
                    judged.add(form)
                verdict = judge.judge(form, lex, article, in_compound=piece.in_compound,
                                      sentence_start=token.sentence_start and piece.offset == 0,
                                      beside_name=_beside_name(tokens, i, prose), endings=endings)
                if verdict is None or (verdict.reason not in ("known misspelling", "dialect") and form.islower()
                                       and _set_apart(doc, i, form, knows, lex.is_common, parts.particles,
                                                      judge.likely_slip(form, lex))):
                    continue
                start = token.start + piece.offset
                end = start + len(form)
                best = verdict.suggestions[0] if verdict.suggestions else None
                if verdict.reason == "dialect":
                    message = f"“{form}” is not the {lex.dialect} spelling"
                else:
                    message = f"“{form}” looks misspelt"
                message += f"; did you mean “{best}”?" if best else ""
                yield Diagnostic(
                    start=start, end=end, message=message, suggestions=verdict.suggestions,
                    fix_edits=(Edit(start, end, best),) if best else (),
                    applicability="safe" if verdict.certain else "unsafe",
                    data={"evidence": verdict.reason},
                )


@register
class DoubledWord(Rule):
    """A word is written twice in a row ("the the", "to to").

    A doubled word is the commonest slip of a rewrite: a sentence cut and retyped keeps one word too
    many, and spell checkers pass it because each word is spelt right. The rule flags the second of
    two identical words with nothing but spaces between them (or a line break inside running text),
    and offers a safe fix that deletes it and the space before it when the source holds nothing
    else there. Left alone: doubles that grammar or idiom makes ("had had", "that that", "bye bye";
    the `doubled-words` pack), names written twice ("Bora Bora", "Walla Walla") and a pair split by
    a line break after a short line (a heading or a list item).
    """

    code = "CL102"
    name = "doubled-word"
    category = "spelling"
    severity = "warning"
    examples = (
        Example("The minister said the the budget was final.", flags=("the",),
                fixed="The minister said the budget was final."),
        Example("The the report was late, and he wanted to to leave.", flags=("the", "to"),
                fixed="The report was late, and he wanted to leave."),
        Example("By then he had had enough; the point is that that law failed."),
        Example("They flew from Walla Walla to Bora Bora."),
        Example("World Cup\nCup final tickets sold out."),
    )

    def check(self, doc: Document, ctx: Context) -> Iterable[Diagnostic]:
        for first, second, spaced in doubled_words(doc, legitimate_doubles(ctx)):
            if doc.furniture and doc.in_furniture(first.start, second.end):
                continue  # web furniture a boilerplate rule flagged is not the article's copy
            start, end = first.end, second.end
            source_start, source_end = doc.source_span(start, end)
            plain = doc.source[source_start:source_end] == doc.prose[start:end]
            yield Diagnostic(
                start=second.start, end=second.end,
                message=f"“{second.text}” is written twice; delete the second",
                fix_edits=(Edit(start, end, ""),),
                applicability="safe" if spaced and plain else "unsafe",
            )


@register
class EncodingDamage(Rule):
    """Text was damaged by a wrong character encoding (mojibake: "Potterâ€™s", "cafÃ©", "Â©").

    Copy pasted from a feed, a spreadsheet or an old CMS often arrives with its UTF-8 read as
    Windows-1252: every curly quote, dash, accent and pound sign becomes two or three odd letters.
    Readers see it at once. The rule asks ftfy, the maintained library for exactly this, whether a
    line is mojibake and what it stood for, and offers its repair as a safe fix; an apostrophe that
    lost its middle bytes ("Potterâs") is repaired with an unsafe fix. A damaged word is not also
    reported as a misspelling. Accented words written correctly (café, São Paulo, Mötley Crüe) are
    left alone.
    """

    code = "CL104"
    name = "encoding-damage"
    category = "spelling"
    severity = "warning"
    examples = (
        Example("Harry Potterâ€™s author met fans at the cafÃ© on Friday.", flags=("â€™", "Ã©"),
                suggestions=("’", "é"), fixed="Harry Potter’s author met fans at the café on Friday."),
        Example("Â© 2024 Example News. Tickets cost Â£5.", flags=("Â©", "Â£"), suggestions=("©", "£"),
                fixed="© 2024 Example News. Tickets cost £5."),
        Example("The dollsâ clothes were sold.", flags=("â",), suggestions=("’",),
                fixed="The dolls’ clothes were sold."),
        Example("The crème brûlée at the café in São Paulo won; Mötley Crüe played."),
    )

    def check(self, doc: Document, ctx: Context) -> Iterable[Diagnostic]:
        for damage in encoding_damage(doc):
            if doc.furniture and doc.in_furniture(damage.start, damage.end):
                continue  # web furniture a boilerplate rule flagged is not the article's copy
            yield Diagnostic(
                start=damage.start, end=damage.end,
                message=f"“{doc.prose[damage.start:damage.end]}” is encoding damage (mojibake) for “{damage.repair}”",
                suggestions=(damage.repair,),
                fix_edits=(Edit(damage.start, damage.end, damage.repair),),
                applicability="safe" if damage.by_ftfy else "unsafe",
            )


@register
class ConfusedWord(Rule):
    """A real word is written for another that sounds or looks like it ("form" for "from").

    Spell checkers pass "The letter came form the minister": every word is a word. The rule knows
    the confusions newsrooms make most (form/from, their/there, lose/loose, affect/effect,
    principal/principle, complement/compliment, peak/peek, breath/breathe, led/lead,
    discreet/discrete; the `confusions` pack) and compares how often English writes each word of a
    set between the same two neighbours (bigram counts from the wordsegment package). It flags a
    word only when another is far more likely there, with an unsafe fix. Left alone: words at a
    sentence's edge or beside punctuation on both sides, words in capitals, and its/it's and
    their/they're (the counts ignore apostrophes). Off by default: on edited news it does not yet
    meet the project's bar for false alarms and recall (see docs/spelling.md).
    """

    code = "CL103"
    name = "confused-word"
    category = "spelling"
    severity = "warning"
    default_enabled = False
    examples = (
        Example("The letter came form the minister on Monday.", flags=("form",), suggestions=("from",),
                fixed="The letter came from the minister on Monday."),
        Example("They want to loose weight before the race.", flags=("loose",), suggestions=("lose",),
                fixed="They want to lose weight before the race."),
        Example("Fill in the form and send it from home; their report is there."),
    )

    def check(self, doc: Document, ctx: Context) -> Iterable[Diagnostic]:
        for slip in slips(doc, confusion_model(ctx)):
            tok = slip.token
            if doc.furniture and doc.in_furniture(tok.start, tok.end):
                continue  # web furniture a boilerplate rule flagged is not the article's copy
            yield Diagnostic(
                start=tok.start, end=tok.end,
                message=f"“{tok.text}” may be a slip for “{slip.suggestion}” here",
                suggestions=(slip.suggestion,),
                fix_edits=(Edit(tok.start, tok.end, slip.suggestion),),
                applicability="unsafe",
                data={"margin": round(slip.margin, 2)},
            )
