"""Acronyms written in capitals in one place and as a word in another ("COVID-19" / "Covid-19",
"NATO" / "Nato"), and the forms house styles prefer (``[[acronym]]`` entries of the names packs)."""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING, NamedTuple

from copylint.checks.names.mentions import sentence_starts_at, starts_line
from copylint.checks.names.style import NAMES_KIND
from copylint.core.document import Document
from copylint.language.lexicon import Lexicon

if TYPE_CHECKING:
    from copylint.core.packs import Pack
    from copylint.core.rule import Context

#: an acronym has at least this many letters (US / Us, IT / It are words and names too)
MIN_LETTERS = 3


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


def acronym_uses(doc: Document, lex: Lexicon, listed: AbstractSet[str] = frozenset()) -> dict[str, list[Written]]:
    """Where each acronym that the article writes in capitals is written, in capitals or as a
    capitalised word (Covid-19), by its lowercase form; only acronyms written both ways, and those
    ``listed`` (the lowercase forms a house style decides) however they are written.

    An acronym is a word in capitals that the dictionary knows in capitals (NATO, AIDS) or not at
    all as a word (COVID, AUKUS): "WASHINGTON" and "REUTERS" are names set in capitals. Found by
    regular expressions over the prose, without tokenizing it. Left out: words in capitals beside
    other words in capitals (a heading), labels (a dateline, a speaker's name: "SANDERS: ...", a
    photo credit: :func:`_label`); a capitalised common word at a sentence start ("Who said it?"
    beside WHO); lowercase forms (dvd, covid: a matter of spelling); forms with inner capitals
    (WikiLeaks, a name for CL201); a plural s (UFOs is not UFOS); web furniture a boilerplate rule
    flagged (blanked out: it is not the article's copy)."""
    prose = doc.prose_without_furniture
    capitals = list(_CAPITALS.finditer(prose))
    shouted = _shouted(prose, capitals)
    kept: dict[str, set[int]] = {}  # lowercase form -> starts of its uses in capitals that count
    for m in capitals:
        text = m.group()
        if sum(c.isalpha() for c in text) < MIN_LETTERS or m.start() in shouted or _label(prose, m.start(), m.end()):
            continue
        if _acronym(text, lex):
            kept.setdefault(text.lower(), set()).add(m.start())
    out: dict[str, list[Written]] = {}
    keys = kept.keys() | listed if listed else kept.keys()
    if not keys:
        return out
    uses = _uses(prose, keys)
    for key in keys:
        written = []
        for start, text in uses.get(key, ()):
            case = case_of(text)
            if case == "upper" and start not in kept.get(key, ()):
                continue
            if case in ("lower", "mixed"):
                continue
            if case == "title" and lex.is_common(key) and sentence_starts_at(prose, start):
                continue  # "Who said it?" beside WHO
            written.append(Written(start, start + len(text), text))
        if written and (key in listed or len({w.text for w in written}) > 1):
            out[key] = written
    return out


#: a word in capitals (COVID-19, NATO, U-BOAT), possessive and plural s left out
_CAPITALS = re.compile(r"(?<![\w'’-])[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*(?![\w-])")


def _uses(prose: str, keys: AbstractSet[str]) -> dict[str, list[tuple[int, str]]]:
    """Where each of ``keys`` (lowercase forms) is written in ``prose``, however it is cased: the starts
    and texts of the words (runs of letters, digits and hyphens after no letter, apostrophe or hyphen)
    that are one of them, found in one pass (a search per form made a prose of many of them quadratic)."""
    out: dict[str, list[tuple[int, str]]] = {}
    for m in _RUN.finditer(prose):
        text = m.group()
        key = text.lower()
        if key in keys:
            out.setdefault(key, []).append((m.start(), text))
    return out


#: a run of letters, digits and hyphens that no letter, apostrophe or hyphen comes before
_RUN = re.compile(r"(?<![\w'’-])[\w-]+")



def _shouted(prose: str, capitals: list[re.Match[str]]) -> frozenset[int]:
    """Start offsets of the words in capitals that stand beside another word in capitals on the
    same line, with no other word between ("THE STARS WHO LEFT", "ICO 2 (WORKING TITLE)"): a
    heading or emphasis, not an acronym's chosen form."""
    out = set()
    for a, b in pairwise(capitals):
        if len(a.group()) > 1 and len(b.group()) > 1:
            gap = prose[a.end():b.start()]
            if "\n" not in gap and not any(c.isalpha() for c in gap):
                out.update((a.start(), b.start()))
    return frozenset(out)


def _label(prose: str, start: int, end: int) -> bool:
    """Is the word in capitals at ``start:end`` a label rather than prose: a speaker's name before a
    colon (SANDERS:), a dateline (WASHINGTON (AP) —, PASSAIC, N.J.), a heading alone on its line
    (CONGRESS), or part of a photo credit (REUTERS/Yves Herman)?"""
    after = prose[end:end + 3]
    if after[:1] == ":" or "/" in prose[start - 1:start] + after[:1]:
        return True
    return starts_line(prose, start) and (after[:1] in ("", "\n", ",") or after[:2] in (" (", " —", " –", " -"))


def _acronym(upper: str, lex: Lexicon) -> bool:
    """Is ``upper`` (in capitals) an acronym: the dictionary knows it so, or not as a word at all?"""
    letters = upper.split("-")[0]
    title = letters[:1] + letters[1:].lower()
    return letters in lex.data.proper or not lex.knows(title)
