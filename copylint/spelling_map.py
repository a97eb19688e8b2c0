"""The curated misspelling map (``rules/misspellings*.tsv``): known misspellings and their fixes."""

from __future__ import annotations

from copylint.packs import data_dir


def load_misspellings() -> dict[str, tuple[str, ...]]:
    """misspelling -> corrections, best first, from every ``misspellings*.tsv`` shipped in ``rules/``."""
    out: dict[str, tuple[str, ...]] = {}
    for path in sorted(data_dir().glob("misspellings*.tsv")):
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.startswith("#") or "\t" not in line:
                    continue
                wrong, right = line.rstrip("\n").split("\t", 1)
                out[wrong] = tuple(right.split("|"))
    return out
