"""The curated misspelling map: known misspellings and their fixes.

Read at load time from the ``codespell`` package's ``dictionary.txt`` (a declared dependency; its
data is GPL-2.0 and is used where it is installed, never copied into copylint), plus any
``misspellings*.tsv`` maps in ``rules/spelling/`` (``misspelling<TAB>fix|fix``) and in config packs.

Loading splits the file into a dictionary in a few C-level steps and leaves each entry as written;
an entry is parsed only when a word is looked up (a few per article), so the map costs milliseconds.
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

from copylint.core.datacache import cached
from copylint.core.packs import data_dir

#: shortest misspelling taken from codespell (shorter ones are mostly abbreviations)
MIN_CODESPELL_LENGTH = 3
_TWO_ARROWS = re.compile(r"->[^\n]*->")


def codespell_dictionary() -> Path | None:
    """``codespell_lib/data/dictionary.txt`` of the installed codespell (found without importing it)."""
    spec = importlib.util.find_spec("codespell_lib")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "data" / "dictionary.txt"
    return path if path.is_file() else None


def _codespell_lines(path: Path) -> dict[str, str]:
    """Every ``wrong->fix1, fix2`` line of codespell's dictionary: wrong -> the text after ``->``.

    Not yet filtered or parsed: :meth:`Misspellings.fixes` does both for the word it looks up."""
    text = path.read_text(encoding="utf-8").strip("\n")
    lines = text.count("\n") + 1
    if text and text.count("->") == lines and not _TWO_ARROWS.search(text):  # one arrow a line
        fields = text.replace("->", "\n").split("\n")
        return dict(zip(fields[0::2], fields[1::2], strict=True))
    out: dict[str, str] = {}
    for line in text.split("\n"):
        wrong, sep, right = line.partition("->")
        if sep:
            out[wrong] = right
    return out


class Misspellings:
    """Known misspellings: codespell's list of lowercase alphabetic misspellings of 3+ letters, and
    the curated ``misspellings*.tsv`` maps, which take precedence."""

    def __init__(self, codespell: dict[str, str], curated: dict[str, str]) -> None:
        self._codespell = codespell
        self._curated = curated

    def fixes(self, word: str) -> tuple[str, ...]:
        """The corrections of misspelling ``word``, best first (none if it is not listed).

        codespell writes ``wrong->fix1, fix2`` and, for entries it will not apply by itself, a
        reason after a last comma; such reasons are dropped later, when a fix is not a known word."""
        entry = self._curated.get(word)
        if entry is not None:
            return corrections(entry) if entry else ()
        if len(word) < MIN_CODESPELL_LENGTH or not (word.isalpha() and word.islower()):
            return ()
        right = self._codespell.get(word)
        if right is None:
            return ()
        return tuple(f for f in (part.strip() for part in right.split(",")) if f)


def load_misspellings() -> Misspellings:
    """The misspelling map of the installed codespell and of the ``misspellings*.tsv`` files (kept
    in the disk cache: read from there in about 15 ms, from the files in about 35 ms)."""
    dictionary = codespell_dictionary()
    curated = sorted(data_dir().glob("spelling/misspellings*.tsv"))
    return Misspellings(*cached("misspellings", lambda: _read_maps(dictionary, curated),
                                [*([dictionary] if dictionary else []), *curated]))


def _read_maps(dictionary: Path | None, curated_files: list[Path]) -> tuple[dict[str, str], dict[str, str]]:
    """codespell's lines and the curated entries (see :class:`Misspellings`)."""
    codespell = _codespell_lines(dictionary) if dictionary else {}
    curated: dict[str, str] = {}
    for path in curated_files:
        with open(path, encoding="utf-8") as f:
            entries = [line for line in f.read().split("\n") if "\t" in line and line[0] != "#"]
        fields = "\t".join(entries).split("\t")
        curated.update(zip(fields[0::2], fields[1::2], strict=True))
    return codespell, curated


def corrections(entry: str) -> tuple[str, ...]:
    """The corrections of a curated map entry (``fix|fix``), best first."""
    return tuple(entry.split("|"))
