"""The curated misspelling map: known misspellings and their fixes.

Read at load time from the ``codespell`` package's ``dictionary.txt`` (a declared dependency; its
data is GPL-2.0 and is used where it is installed, never copied into copylint), plus any
``misspellings*.tsv`` maps in ``rules/`` (``misspelling<TAB>fix|fix``) and in config packs.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from copylint.packs import data_dir


def codespell_dictionary() -> Path | None:
    """``codespell_lib/data/dictionary.txt`` of the installed codespell (found without importing it)."""
    spec = importlib.util.find_spec("codespell_lib")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "data" / "dictionary.txt"
    return path if path.is_file() else None


def _codespell_entries(path: Path) -> dict[str, str]:
    """Lowercase alphabetic misspellings of 3+ letters -> their fixes, ``|``-separated, best first.

    codespell writes ``wrong->fix1, fix2`` and, for entries it will not apply by itself, a reason
    after a last comma; such reasons are dropped later, when a fix is not a known word."""
    out: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").split("\n"):
        wrong, sep, right = line.partition("->")
        if sep and len(wrong) >= 3 and wrong.isalpha() and wrong.islower():
            fixes = "|".join(f.strip() for f in right.split(",") if f.strip())
            if fixes:
                out[wrong] = fixes
    return out


def load_misspellings() -> dict[str, str]:
    """misspelling -> its corrections, ``|``-separated, best first (see :func:`corrections`)."""
    dictionary = codespell_dictionary()
    out = _codespell_entries(dictionary) if dictionary else {}
    for path in sorted(data_dir().glob("misspellings*.tsv")):
        with open(path, encoding="utf-8") as f:
            entries = [line for line in f.read().split("\n") if "\t" in line and line[0] != "#"]
        fields = "\t".join(entries).split("\t")
        out.update(zip(fields[0::2], fields[1::2], strict=True))
    return out


def corrections(entry: str) -> tuple[str, ...]:
    """The corrections of a map entry, best first."""
    return tuple(entry.split("|"))
