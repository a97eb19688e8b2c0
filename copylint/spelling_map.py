"""The curated misspelling map (``rules/misspellings*.tsv``): known misspellings and their fixes."""

from __future__ import annotations

from copylint.packs import data_dir


def load_misspellings() -> dict[str, str]:
    """misspelling -> its corrections, ``|``-separated, best first, from every ``misspellings*.tsv``
    shipped in ``rules/`` (see :func:`corrections`)."""
    out: dict[str, str] = {}
    for path in sorted(data_dir().glob("misspellings*.tsv")):
        with open(path, encoding="utf-8") as f:
            entries = [line for line in f.read().split("\n") if "\t" in line and line[0] != "#"]
        fields = "\t".join(entries).split("\t")
        out.update(zip(fields[0::2], fields[1::2], strict=True))
    return out


def corrections(entry: str) -> tuple[str, ...]:
    """The corrections of a map entry, best first."""
    return tuple(entry.split("|"))
