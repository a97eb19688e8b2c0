"""The data CL201 reads from rule packs: name variants with house-style preferences, and the
particles and titles that sit inside or before names."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from copylint.names_groups import fold
from copylint.names_mentions import MentionScanner

if TYPE_CHECKING:
    from copylint.packs import Pack
    from copylint.rule import Context

NAMES_KIND = "names"
PARTS_KIND = "name-parts"


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


def _strings(pack: Pack, key: str, value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not value or not all(isinstance(v, str) and v.strip() for v in value):
        raise pack.error(key, "must be a non-empty list of strings")
    return tuple(value)


def parse_names_pack(pack: Pack) -> list[NameEntry]:
    """The ``[[name]]`` entries of one pack, validated."""
    raw = pack.data.get("name", [])
    if not isinstance(raw, list):
        raise pack.error("name", "must be an array of tables ([[name]])")
    out = []
    for item in raw:
        if not isinstance(item, dict):
            raise pack.error("name", "each [[name]] must be a table")
        forms = _strings(pack, "forms", item.get("forms"))
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


def mention_scanner(ctx: Context) -> MentionScanner:
    """The mention scanner built from every enabled ``name-parts`` pack (built once)."""
    packs = ctx.packs(PARTS_KIND)

    def build() -> MentionScanner:
        particles: set[str] = set()
        titles: set[str] = set()
        for pack in packs:
            table = pack.data.get("mentions", {})
            if not isinstance(table, dict):
                raise pack.error("mentions", "must be a table")
            particles.update(_strings(pack, "particles", table.get("particles")))
            titles.update(_strings(pack, "titles", table.get("titles")))
        return MentionScanner(frozenset(particles), frozenset(titles))

    return ctx.resources.get(("names-mention-scanner", tuple(p.path for p in packs)), build)


def name_endings(ctx: Context) -> frozenset[str]:
    """The derivational endings of every enabled ``name-parts`` pack (``[near-misses] endings``):
    one stem with two of them is two words, not a slip (loaded once)."""
    packs = ctx.packs(PARTS_KIND)

    def build() -> frozenset[str]:
        endings: set[str] = set()
        for pack in packs:
            table = pack.data.get("near-misses", {})
            if not isinstance(table, dict):
                raise pack.error("near-misses", "must be a table")
            if "endings" in table:
                endings.update(e.lower() for e in _strings(pack, "endings", table["endings"]))
        return frozenset(endings)

    return ctx.resources.get(("names-endings", tuple(p.path for p in packs)), build)
