"""What sits inside or beside a name, from the ``name-parts`` packs: particles (von, al-, bin),
titles (President, Dr) and the derivational endings that make two words of one stem (Marxist,
Marxism). The names family scans mentions with them; the spelling family asks the endings."""

from __future__ import annotations

from dataclasses import dataclass

from copylint.core.rule import Context

PARTS_KIND = "name-parts"


@dataclass(frozen=True)
class NameParts:
    """The name parts of every enabled ``name-parts`` pack."""

    #: lowercase words that join the parts of a name (von der Leyen, bin Salman)
    particles: frozenset[str]
    #: words that stand before a name without being part of it
    titles: frozenset[str]
    #: lowercase endings; one stem with two of them is two words, not a slip
    endings: frozenset[str]


def name_parts(ctx: Context) -> NameParts:
    """The name parts of the enabled ``name-parts`` packs (``[mentions]`` particles and titles,
    ``[near-misses]`` endings), loaded once."""
    packs = ctx.packs(PARTS_KIND)

    def build() -> NameParts:
        particles: set[str] = set()
        titles: set[str] = set()
        endings: set[str] = set()
        for pack in packs:
            mentions = pack.table("mentions")
            particles.update(pack.strings("particles", mentions.get("particles")))
            titles.update(pack.strings("titles", mentions.get("titles")))
            near = pack.table("near-misses")
            if "endings" in near:
                endings.update(e.lower() for e in pack.strings("endings", near["endings"]))
        return NameParts(frozenset(particles), frozenset(titles), frozenset(endings))

    return ctx.resources.get(("name-parts", tuple(p.path for p in packs)), build)
