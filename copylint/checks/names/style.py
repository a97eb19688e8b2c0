"""The data CL201 reads from rule packs: name variants with house-style preferences, and the
mention scanner built from the particles and titles that sit inside or before names."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from copylint.checks.names.groups import fold
from copylint.checks.names.mentions import Mention, MentionScanner
from copylint.language.name_parts import name_parts

if TYPE_CHECKING:
    from copylint.core.document import Document
    from copylint.core.packs import Pack
    from copylint.core.rule import Context

NAMES_KIND = "names"


@dataclass(frozen=True)
class NameEntry:
    """One name's written forms and the form each house style prefers."""

    forms: tuple[str, ...]
    prefer: dict[str, str]
    examples: tuple[dict[str, Any], ...]
    pack: str


@dataclass(frozen=True)
class HouseStyles:
    """Every name entry of the enabled packs, looked up by folded form."""

    entries: tuple[NameEntry, ...]
    #: folded form -> index into ``entries``
    by_key: dict[str, int]

    @property
    def styles(self) -> frozenset[str]:
        return frozenset(s for e in self.entries for s in e.prefer)


def parse_names_pack(pack: Pack) -> list[NameEntry]:
    """The ``[[name]]`` entries of one pack, validated."""
    raw = pack.data.get("name", [])
    if not isinstance(raw, list):
        raise pack.error("name", "must be an array of tables ([[name]])")
    out = []
    for item in raw:
        if not isinstance(item, dict):
            raise pack.error("name", "each [[name]] must be a table")
        forms = pack.strings("forms", item.get("forms"))
        prefer = item.get("prefer", {})
        if not isinstance(prefer, dict) or not all(isinstance(v, str) for v in prefer.values()):
            raise pack.error("prefer", "must be a table of style = \"preferred form\"")
        for style, form in prefer.items():
            if form not in forms:
                raise pack.error("prefer", f"style {style!r} prefers {form!r}, which is not one of {list(forms)}")
        examples = item.get("examples", [])
        if not isinstance(examples, list) or not all(isinstance(e, dict) and isinstance(e.get("text"), str)
                                                     for e in examples):
            raise pack.error("examples", "must be an array of tables with a text")
        out.append(NameEntry(forms, dict(prefer), tuple(examples), pack.path))
    return out


def house_styles(ctx: Context) -> HouseStyles:
    """The name entries of every enabled ``names`` pack (loaded once)."""
    packs = ctx.packs(NAMES_KIND)

    def build() -> HouseStyles:
        entries = [e for pack in packs for e in parse_names_pack(pack)]
        by_key = {fold(form): i for i, e in enumerate(entries) for form in e.forms}
        return HouseStyles(tuple(entries), by_key)

    return ctx.resources.get(("names-house-styles", tuple(p.path for p in packs)), build)


def document_mentions(doc: Document, ctx: Context) -> list[Mention]:
    """The mentions of ``doc``'s prose, scanned once per document (CL201 and the archive audit
    both read them); callers must not change the list. Web furniture marked on the document (by
    the boilerplate rules, which run first) is not scanned."""
    scanner = mention_scanner(ctx)
    return doc.memo(("names.mentions", id(scanner), doc.furniture),
                    lambda: scanner.mentions(doc.prose_without_furniture))


def mention_scanner(ctx: Context) -> MentionScanner:
    """The mention scanner built from the particles and titles of the ``name-parts`` packs (built once)."""
    parts = name_parts(ctx)
    return ctx.resources.get(("names-mention-scanner", parts),
                             lambda: MentionScanner(parts.particles, parts.titles))
