"""The names family: one name (CL201), one word (CL202 British/American, CL203 hyphenation)
written two ways in one article."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any, ClassVar

from copylint.checks.names.acronyms import acronym_styles, acronym_uses
from copylint.checks.names.groups import Groups, NearMisses, Occurrence, fold, forms_of
from copylint.checks.names.mentions import starts_line
from copylint.checks.names.style import HouseStyles, document_mentions, house_styles, mention_scanner
from copylint.checks.names.word_forms import HYPHENATION_KIND, distinct_compounds, lowercase_words, mixed_forms
from copylint.core.document import Document
from copylint.core.errors import ConfigError
from copylint.core.finding import Diagnostic, Edit
from copylint.core.rule import Context, Example, Rule, register
from copylint.language.lexicon import Lexicon, lexicon_for
from copylint.language.name_parts import name_parts

HOUSE_STYLE = "house-style"
_ENTRY = "\x00entry:"  # union-find node of a house-style entry (never a folded form)
#: forms of at most this many letters are compared only through house styles: in short forms case
#: carries meaning (dBA / dBa, mW / MW, Gb / GB) and contractions fold onto them (I'm / Im)
MAX_SHORT_FORM = 3


@register
class NameVariants(Rule):
    """A name is spelt two ways in one article.

    Readers notice a name spelt two ways in one story ("Kim Jong-un" in one paragraph, "Kim Jong Un"
    in the next; "DaimerChrysler" beside "DaimlerChrysler") and take it as carelessness. This rule
    finds the forms of each name: equal but for case, hyphens, spaces, apostrophes or accents; a
    partial mention matching part of a full one; a one-letter slip in a name used more often; or
    variants listed in a house-style pack (Kiev / Kyiv). It reports every occurrence of the minority
    form and suggests the house-style form if `house-style` is set, otherwise the form the article
    uses most (or first). Names that merely look alike (Hollywood / Bollywood, Austria / Australia)
    are left alone when the dictionary knows both and nothing in the article ties them together.
    """

    code = "CL201"
    name = "name-variants"
    category = "names"
    severity = "warning"
    options: ClassVar[dict[str, Any]] = {HOUSE_STYLE: ""}
    examples = (
        Example("Kim Jong Un met envoys. Later, Kim Jong-un's army moved. Kim Jong Un left.",
                flags=("Kim Jong-un",), suggestions=("Kim Jong Un",),
                fixed="Kim Jong Un met envoys. Later, Kim Jong Un's army moved. Kim Jong Un left."),
        Example("DaimlerChrysler sold cars. DaimlerChrysler grew. Looking ahead, DaimerChrysler's profit rose.",
                flags=("DaimerChrysler",), suggestions=("DaimlerChrysler",),
                fixed="DaimlerChrysler sold cars. DaimlerChrysler grew. Looking ahead, DaimlerChrysler's profit rose."),
        Example("Macrovision said RipGuard works. RipGuard blocks copying, but Rip Guard can be beaten.",
                flags=("Rip Guard",), suggestions=("RipGuard",),
                fixed="Macrovision said RipGuard works. RipGuard blocks copying, but RipGuard can be beaten."),
        Example("Bollywood films are long. Bollywood stars dance. Unlike Hollywood, it sings."),
        Example("He moved from Austria to Australia. Australia was warm. Australia was far."),
        Example("Booking tickets is easy. Looking ahead, Looking back, we see more."),
        Example("Troops left Kiev. Kiev was calm.", options={HOUSE_STYLE: "bbc"},
                flags=("Kiev", "Kiev"), suggestions=("Kyiv", "Kyiv"),
                fixed="Troops left Kyiv. Kyiv was calm."),
    )

    def check(self, doc: Document, ctx: Context) -> Iterable[Diagnostic]:
        lex = lexicon_for(ctx)
        styles = house_styles(ctx)
        style = self.option(ctx, HOUSE_STYLE)
        if style and style not in styles.styles:
            raise ConfigError(ctx.config.source or "<config>",
                              f"unknown house style {style!r} (known: {', '.join(sorted(styles.styles))})",
                              HOUSE_STYLE)
        def is_compound(word: str, next_word: str) -> bool:
            """Spanish-language, Windows-based: a word hyphened to a lowercase word (not Blu-ray)."""
            return next_word.islower() and len(word) > 1 and lex.is_common(next_word) and lex.knows(word)

        scanner = mention_scanner(ctx)
        # (web furniture a boilerplate rule flagged, a footer's "FactSet" and "Factset", is no mention)
        by_key = forms_of(document_mentions(doc, ctx), lex.is_common, is_compound)
        for handle in {fold(h) for h in _HANDLE.findall(doc.prose)} & by_key.keys() if "@" in doc.prose else ():
            # FoxNewsSunday (@FoxNewsSunday): an account's name written bare, not a spelling of Fox News Sunday
            by_key[handle] = [o for o in by_key[handle] if " " in o.surface]
        groups = Groups()
        for key, occs in by_key.items():
            entry = styles.by_key.get(key)
            if entry is not None:
                groups.union(_ENTRY + str(entry), key)
            elif len(occs) > 1 and len(key) > MAX_SHORT_FORM:
                surface = occs[0].surface
                if any(o.surface != surface for o in occs):
                    groups.add(key)
        for major, minor in NearMisses(lex.knows, lex.is_common, name_parts(ctx).endings).pairs(by_key):
            groups.union(major, minor)
        canonical = _Canonical(doc.prose, scanner.particles, is_compound)
        found: list[Diagnostic] = []
        for keys in groups.members().values():
            found.extend(_report(doc, keys, by_key, styles, style, lex, canonical))
        yield from _without_overlaps(found)


#: a Capitalised single word this common (Zipf) as a lowercase word is a common word (Counterterrorism)
COMMON_WORD_ZIPF = 2.5


def _common_word(word: str, lex: Lexicon) -> bool:
    """Is ``word`` an ordinary word capitalised (Airlines), known to the dictionary or in wide use?"""
    return lex.is_common(word) or (not lex.is_proper(word) and lex.zipf(word) >= COMMON_WORD_ZIPF)


def _preferred(counts: dict[str, int], first: dict[str, int], lex: Lexicon) -> str:
    """The form to suggest without a house style: the one the brand list or the dictionary knows
    (PayPal, YouTube, FactSet) when the others are unknown, then the article's majority, then its
    first mention."""
    return max(_known_forms(counts, lex) or counts, key=lambda s: (counts[s], -first[s]))


def _known_forms(counts: dict[str, int], lex: Lexicon) -> list[str]:
    """The forms of a group that the brand list or the dictionary writes so, when some are not.
    Only for forms that differ in capitals, spaces and hyphens (PayPal / Paypal, NBC Universal /
    NBCUniversal), and the dictionary only for forms that differ in capitals alone: it is no judge
    of spacing (Super Bowl / Superbowl), transliterations (it still writes Kiev) or accents (it
    writes Rodriguez)."""
    if not all(s.isascii() for s in counts) or len({fold(s) for s in counts}) > 1:
        return []
    if not any(lex.brand(s.replace(" ", "")) for s in counts) and len({s.lower() for s in counts}) > 1:
        return []
    known = [s for s in counts if _known_form(s, lex)]
    return known if len(known) < len(counts) else []


def _known_form(form: str, lex: Lexicon) -> bool:
    """Is ``form`` written as a brand list or the dictionary writes it (PayPal, not Paypal)? Forms
    with accents are not compared with the dictionary, which writes names without them."""
    brand = lex.brand(form.replace(" ", ""))
    if brand is not None:
        return brand == form
    return " " not in form and lex.knows(form)  # two known words say nothing of one name (Time Warner)


def _report(doc: Document, keys: list[str], by_key: dict[str, list[Occurrence]], styles: HouseStyles,
            style: str, lex: Lexicon, canonical: _Canonical) -> Iterator[Diagnostic]:
    """The findings of one group of forms: every occurrence of a form other than the preferred one."""
    occs = [o for k in keys if not k.startswith(_ENTRY) for o in by_key[k]]
    if not occs or all(o.weak for o in occs):
        return
    if any(" " in o.surface and not o.sentence_start for o in occs):
        # Airlines / Air Lines, Counter Terrorism Division / counterterrorism: a common word is not a
        # multi-word name run together
        occs = [o for o in occs if " " in o.surface or not o.surface.istitle() or not _common_word(o.surface, lex)]
    surface_of = canonical.forms(occs)
    counts: dict[str, int] = {}
    first: dict[str, int] = {}
    written: dict[str, dict[str, int]] = {}
    for o in occs:
        s = surface_of[id(o)]
        counts[s] = counts.get(s, 0) + 1
        first[s] = min(first.get(s, o.start), o.start)
        as_written = written.setdefault(s, {})
        as_written[o.surface] = as_written.get(o.surface, 0) + 1
    # each form is shown as it is most often written (O’Neill, not O'Neill, in a curly-quoted article)
    shown = {s: max(w, key=w.__getitem__) for s, w in written.items()}
    preferred = ""
    if style:
        entries = [styles.entries[int(k[len(_ENTRY):])] for k in keys if k.startswith(_ENTRY)]
        preferred = next((e.prefer[style] for e in entries if style in e.prefer), "")
    if not preferred:
        if len(counts) < 2:
            return
        preferred = _preferred(counts, first, lex)
    suggested = shown.get(preferred, preferred)
    forms = {shown[s]: n for s, n in counts.items()}
    for o in occs:
        if surface_of[id(o)] == preferred or _quoted_alone(doc.prose, o.start, o.end):
            continue  # a name quoted as written ("HD-Ready" sticker) is cited, not spelt
        suggestion = suggested
        if o.sentence_start and suggestion[:1].islower() and not suggestion[1:2].isupper():
            suggestion = suggestion[:1].upper() + suggestion[1:]  # de Gaulle -> De Gaulle, but eBay stays
        yield Diagnostic(o.start, o.end, _message(doc, o.surface, preferred, suggested, counts, first, style, lex),
                         suggestions=(suggestion,), fix_edits=(Edit(o.start, o.end, suggestion),),
                         applicability="unsafe", data={"forms": forms, "preferred": suggested})


class _Canonical:
    """The form each occurrence of a group counts as: writings that are not different spellings of
    a name count as one form."""

    def __init__(self, prose: str, particles: frozenset[str], is_compound: Callable[[str, str], bool]) -> None:
        self.prose = prose
        self.particles = particles
        self.is_compound = is_compound

    def forms(self, occs: list[Occurrence]) -> dict[int, str]:
        """``id(occurrence)`` -> the form it counts as."""
        written = {_straight(o.surface) for o in occs}
        mid_sentence = {_straight(o.surface) for o in occs if not o.sentence_start}
        return {id(o): self.form(o, written, mid_sentence) for o in occs}

    def form(self, o: Occurrence, written: set[str], mid_sentence: set[str]) -> str:
        """- Apostrophes count as straight ones: curly or straight quotes are typography.
        - A capital first letter counts as its lowercase-initial twin when the twin is written and
          either this form only starts sentences (De Gaulle / de Gaulle) or the twin starts with a
          particle, which style capitalises when the surname stands alone (Van Graan / Barend van
          Graan, "Al-Qaida in Yemen" / al-Qaida).
        - A first word in capitals at the start of a line counts as its title-case twin: a
          newspaper lede (SCOTLAND Yard strengthened ... / Scotland Yard).
        - A hyphen before a lowercase word is grammar, not spelling (Spanish-language station / the
          Spanish language): both count as the spaced form."""
        s = _straight(o.surface)
        if s[:1].isupper():
            twin = s[:1].lower() + s[1:]
            if twin in written and ((o.sentence_start and s not in mid_sentence) or self._particle_initial(twin)):
                s = twin
        head, space, rest = s.partition(" ")
        if space and len(head) > 1 and head.isupper() and not rest.isupper() and starts_line(self.prose, o.start):
            twin = head[:1] + head[1:].lower() + space + rest
            if twin in written:
                s = twin
        if "-" in s:
            parts = s.split("-")
            spaced = parts[0]
            for part in parts[1:]:
                word = part.split(" ", 1)[0]
                if self.is_compound(spaced.rsplit(" ", 1)[-1], word):
                    spaced += " " + part
                else:
                    spaced += "-" + part
            if spaced != s:
                capitalised = _capitalise_after_spaces(spaced)
                for candidate in (spaced, capitalised):
                    if candidate in written:
                        return candidate
        return s

    def _particle_initial(self, form: str) -> bool:
        """Does ``form`` start with a particle (van Graan, al-Qaida, de Gaulle)?"""
        end = len(form)
        for sep in " -'":
            i = form.find(sep)
            if 0 < i < end:
                end = i
        return form[:end] in self.particles


#: an @handle (the same tokens as the document's ``handle`` kind, found without tokenizing)
_HANDLE = re.compile(r"(?<![\w@])@(\w+)")
_OPENING_QUOTES = "\"“‘'«"
_CLOSING_QUOTES = "\"”’'»"


def _quoted_alone(prose: str, start: int, end: int) -> bool:
    """Is the form at ``start:end`` all there is between a pair of quotation marks (not an
    apostrophe: Kim’s)?"""
    before, after = prose[start - 1:start], prose[end:end + 1]
    return (start > 0 and before in _OPENING_QUOTES and after != "" and after in _CLOSING_QUOTES
            and not prose[end + 1:end + 2].isalpha())


def _straight(surface: str) -> str:
    return surface.replace("’", "'") if "’" in surface else surface


def _capitalise_after_spaces(text: str) -> str:
    return " ".join(w[:1].upper() + w[1:] for w in text.split(" "))


def _message(doc: Document, surface: str, preferred: str, suggested: str, counts: dict[str, int],
             first: dict[str, int], style: str, lex: Lexicon) -> str:
    if preferred not in counts:
        return f"“{surface}”: house style ({style}) writes “{suggested}”"
    line = doc.position(doc.offsets.start(first[preferred]))[0]
    n = counts[preferred]
    elsewhere = f"“{suggested}” {n}× in this article, first on line {line}"
    most = max(counts.values())
    if style and counts[preferred] < most:
        return f"“{surface}”: house style ({style}) writes “{suggested}” ({elsewhere})"
    if counts[preferred] < most or (not style and preferred in _known_forms(counts, lex)):
        known = "the brand's own spelling" if lex.brand(preferred.replace(" ", "")) else "the dictionary's spelling"
        return f"“{surface}”: {known} is “{suggested}” ({elsewhere})"
    if list(counts.values()).count(most) > 1:
        ways = ", ".join(f"“{s}” {counts[s]}×" for s in sorted(counts, key=lambda s: first[s]))
        return f"“{surface}”: the name is written two ways as often ({ways}); the first, on line {line}, is suggested"
    return f"“{surface}” is written {elsewhere}"


def _without_overlaps(found: list[Diagnostic]) -> list[Diagnostic]:
    """One finding per place: where forms overlap (Kim Jong-un / Jong-un), the longest is kept.
    Kept spans are marked character by character, so each finding costs its own length, however
    many there are."""
    kept: list[Diagnostic] = []
    taken = bytearray(max((d.end for d in found), default=0))
    for d in sorted(found, key=lambda d: (d.start - d.end, d.start)):
        if taken.find(1, d.start, d.end) < 0:
            kept.append(d)
            taken[d.start:d.end] = b"\x01" * (d.end - d.start)
    kept.sort(key=lambda d: d.start)
    return kept


@register
class MixedDialectSpelling(Rule):
    """One word is spelt the British way in one place and the American way in another.

    "Defence" in one paragraph and "defense" in the next tells the reader nobody read the story
    through. Whichever spelling a publication uses, an article should use one. The rule compares
    lowercase words only (the US "Defense Department" is a name) and suggests the spelling the
    article uses more often. Pairs that are two different words in British English (program and
    programme, practice and practise) are not counted as one word.
    """

    code = "CL202"
    name = "mixed-dialect-spelling"
    category = "names"
    severity = "warning"
    examples = (
        Example("The defence minister spoke. Defence cuts loom, and the defence budget and the defense "
                "budget differ.", flags=("defense",), suggestions=("defence",),
                fixed="The defence minister spoke. Defence cuts loom, and the defence budget and the defence "
                      "budget differ."),
        Example("The US Defense Department and the British defence ministry met."),
        Example("Her judgement was sound; the judgment of the court was not."),
    )

    def check(self, doc: Document, ctx: Context) -> Iterable[Diagnostic]:
        lex = lexicon_for(ctx)
        words = lowercase_words(doc)
        spelt_one_way = words.keys() & lex.data.dialect.keys()  # in C: most articles have none or one
        if len(spelt_one_way) < 2:
            return
        done: set[str] = set()
        for word in words:
            if word not in spelt_one_way or word in done:
                continue
            dialect = lex.dialect_of(word)
            if dialect is None:
                continue
            other = lex.counterpart(word)
            if other is None or other not in words or lex.dialect_of(other) in (None, dialect):
                continue
            done.update((word, other))
            yield from mixed_forms(doc, word, other, "is spelt")


@register
class MixedHyphenation(Rule):
    """One compound is written closed in one place and hyphenated in another.

    "Slowdown" and "slow-down", "bestseller" and "best-seller", "cooperation" and "co-operation" in
    one article look careless. The rule suggests the form the article uses more often. An open
    form ("front line") is not compared: "the front line" beside "front-line troops" is grammar,
    not inconsistency. Pairs that are different words ("re-sign" and "resign") are listed in the
    `hyphenation` pack.
    """

    code = "CL203"
    name = "mixed-hyphenation"
    category = "names"
    severity = "warning"
    examples = (
        Example("The slowdown hit sales. The slow-down was brief. The slowdown will end.",
                flags=("slow-down",), suggestions=("slowdown",),
                fixed="The slowdown hit sales. The slowdown was brief. The slowdown will end."),
        Example("Troops held the frontline. Later front-line units and frontline units moved.",
                flags=("front-line",), suggestions=("frontline",),
                fixed="Troops held the frontline. Later frontline units and frontline units moved."),
        Example("He will re-sign for the club. The chairman may resign."),
    )

    def check(self, doc: Document, ctx: Context) -> Iterable[Diagnostic]:
        distinct = ctx.resources.get(("hyphenation-distinct", tuple(p.path for p in ctx.packs(HYPHENATION_KIND))),
                                     lambda: distinct_compounds(ctx))
        words = lowercase_words(doc)
        for word in list(words):
            if "-" not in word or word in distinct:
                continue
            closed = word.replace("-", "")
            if closed in words:
                yield from mixed_forms(doc, closed, word, "is written")


@register
class AcronymCase(Rule):
    """An acronym is written in capitals in one place and as a word in another ("COVID-19" /
    "Covid-19", "NATO" / "Nato").

    Outlets differ on whether an acronym said as a word keeps its capitals (the BBC and the
    Guardian write Nato and Covid-19, AP and Reuters NATO and COVID-19), but one article should use
    one form. The rule flags the rarer form with the more frequent one as the suggestion (the first
    one written when both are as frequent); with `house-style` set, the style's form for the
    acronyms its pack lists (`[[acronym]]` in `rules/names/house-styles.toml`). Left alone:
    acronyms of one or two letters, words in a headline set in capitals, a capitalised word that
    opens a sentence ("Who said it?" beside WHO) and lowercase forms (dvd, covid).
    """

    code = "CL204"
    name = "acronym-case"
    category = "names"
    severity = "warning"
    options: ClassVar[dict[str, Any]] = {HOUSE_STYLE: ""}
    examples = (
        Example("COVID-19 cases rose in May. Covid-19 deaths fell, and COVID-19 tests rose.",
                flags=("Covid-19",), suggestions=("COVID-19",),
                fixed="COVID-19 cases rose in May. COVID-19 deaths fell, and COVID-19 tests rose."),
        Example("Nato allies met. The NATO summit ended.", options={HOUSE_STYLE: "bbc"},
                flags=("NATO",), suggestions=("Nato",), fixed="Nato allies met. The Nato summit ended."),
        Example("WHO officials met. Who said it? The US and us."),
        Example("NATO SUMMIT ENDS IN ROW\n\nNato leaders left."),
    )

    def check(self, doc: Document, ctx: Context) -> Iterable[Diagnostic]:
        lex = lexicon_for(ctx)
        style = self.option(ctx, HOUSE_STYLE)
        styles = acronym_styles(ctx).prefer
        listed = frozenset(k for k, prefer in styles.items() if style in prefer) if style else frozenset()
        for key, written in acronym_uses(doc, lex, listed).items():
            counts: dict[str, int] = {}
            for w in written:
                counts[w.text] = counts.get(w.text, 0) + 1
            preferred = styles.get(key, {}).get(style, "") if style else ""
            if not preferred:
                preferred = max(counts, key=lambda t: (counts[t], -next(w.start for w in written if w.text == t)))
            first = next((w for w in written if w.text == preferred), None)
            for w in written:
                if w.text == preferred:
                    continue
                if first is None:
                    message = f"“{w.text}”: house style ({style}) writes “{preferred}”"
                else:
                    line = doc.position(doc.offsets.start(first.start))[0]
                    n = counts[preferred]
                    if style and preferred in styles.get(key, {}).values():
                        message = f"“{w.text}”: house style ({style}) writes “{preferred}” ({n}× in this article)"
                    elif list(counts.values()).count(n) > 1:
                        message = (f"“{w.text}”: the acronym is written two ways as often ({n}× each); the first, "
                                   f"“{preferred}” on line {line}, is suggested")
                    else:
                        message = f"“{w.text}” is written “{preferred}” ({n}× in this article, first on line {line})"
                yield Diagnostic(w.start, w.end, message, suggestions=(preferred,),
                                 fix_edits=(Edit(w.start, w.end, preferred),), applicability="unsafe",
                                 data={"forms": counts, "preferred": preferred})
