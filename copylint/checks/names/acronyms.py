"""Acronyms written in capitals in one place and as a word in another ("COVID-19" / "Covid-19",
"NATO" / "Nato"), and the forms house styles prefer (``[[acronym]]`` entries of the names packs)."""

from __future__ import annotations

from collections.abc import Callable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

from copylint.checks.names.style import NAMES_KIND
from copylint.core.document import Document
from copylint.language.lexicon import strip_possessive

if TYPE_CHECKING:
    from copylint.core.packs import Pack
    from copylint.core.rule import Context

#: an acronym has at least this many letters (US / Us, IT / It are words and names too)
MIN_LETTERS = 3
#: a line whose words are at least this share in capitals is a shouted headline, not an acronym's use
SHOUTED_SHARE = 0.6


class Written(NamedTuple):
    """One place an acronym is written (prose offsets of the word, possessive left out)."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class AcronymStyles:
    """Each listed acronym's forms and the form each house style prefers, by lowercase form."""

    prefer: dict[str, dict[str, str]]
    examples: tuple[dict, ...]


def _parse(pack: Pack) -> list[tuple[tuple[str, ...], dict[str, str], list[dict]]]:
    raw = pack.data.get("acronym", [])
    if not isinstance(raw, list) or not all(isinstance(item, dict) for item in raw):
        raise pack.error("acronym", "must be an array of tables ([[acronym]])")
    out = []
    for item in raw:
        forms = pack.strings("forms", item.get("forms"))
        prefer = item.get("prefer", {})
        if not isinstance(prefer, dict) or not all(v in forms for v in prefer.values()):
            raise pack.error("prefer", f"must name one of {list(forms)} for each style")
        if len({f.lower() for f in forms}) != 1:
            raise pack.error("forms", f"{list(forms)} must differ only in capitals")
        out.append((forms, dict(prefer), list(item.get("examples", []))))
    return out


def acronym_styles(ctx: Context) -> AcronymStyles:
    """The ``[[acronym]]`` entries of every enabled ``names`` pack (loaded once)."""
    packs = ctx.packs(NAMES_KIND)

    def build() -> AcronymStyles:
        prefer: dict[str, dict[str, str]] = {}
        examples: list[dict] = []
        for pack in packs:
            for forms, styles, found in _parse(pack):
                prefer[forms[0].lower()] = styles
                examples.extend(found)
        return AcronymStyles(prefer, tuple(examples))

    return ctx.resources.get(("names-acronym-styles", tuple(p.path for p in packs)), build)


def case_of(text: str) -> str:
    """``upper`` (COVID-19), ``title`` (Covid-19), ``lower`` (covid-19) or ``mixed`` (CoViD)."""
    letters = "".join(c for c in text if c.isalpha())
    if letters.isupper():
        return "upper"
    if letters.islower():
        return "lower"
    if letters[0].isupper() and letters[1:].islower():
        return "title"
    return "mixed"


def acronym_uses(doc: Document, is_common: Callable[[str], bool],
                 listed: AbstractSet[str] = frozenset()) -> dict[str, list[Written]]:
    """Where each acronym that the article writes in capitals is written, in any case, by its
    lowercase form; only acronyms written in more than one case, and those ``listed`` (the
    lowercase forms a house style decides) however they are written. Left out: words in a shouted line
    (a headline in capitals), a capitalised common word at a sentence start (WHO, "Who said it?")
    and a lowercase common word (aids, opec is not one)."""
    prose = doc.prose
    by_key: dict[str, list[Written]] = {}
    upper: set[str] = set()
    shouted = _shouted_lines(doc)
    for tok in doc.tokens:
        if tok.kind not in ("word", "number"):
            continue
        text = strip_possessive(tok.text.replace("’", "'"))
        if sum(c.isalpha() for c in text) < MIN_LETTERS or not text[:1].isalpha():
            continue
        case = case_of(text)
        if case == "upper":
            if prose.rfind("\n", 0, tok.start) + 1 in shouted:
                continue
            upper.add(text.lower())
        elif (case == "lower" or (case == "title" and tok.sentence_start)) and is_common(text.lower()):
            continue
        by_key.setdefault(text.lower(), []).append(Written(tok.start, tok.start + len(text), text))
    return {k: v for k, v in by_key.items() if k in listed or (k in upper and len({w.text for w in v}) > 1)}


def _shouted_lines(doc: Document) -> frozenset[int]:
    """Prose offsets of the lines written mostly in capitals (three words or more)."""
    out = set()
    for start, end in doc.lines:
        words = [w for w in doc.prose[start:end].split() if any(c.isalpha() for c in w)]
        if len(words) >= MIN_LETTERS and sum(w.isupper() for w in words) >= SHOUTED_SHARE * len(words):
            out.add(start)
    return frozenset(out)
