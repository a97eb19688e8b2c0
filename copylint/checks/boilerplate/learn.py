"""Learning a site's boilerplate: lines that recur across many articles from one source.

A line that appears, word for word, in many different articles of one site is furniture of that
site ("Subscribe to the Daily Planet", "© Planet Media 2024", the section menu). Copy does not
repeat like that. :class:`LineCounter` counts, for each normalised line, how many documents hold it;
:func:`pack_text` writes the recurring ones as a boilerplate pack (off by default) for review.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field

from copylint.checks.boilerplate.phrases import normalise

#: pattern-language characters that must be escaped to match a learned line literally
_PATTERN_META = re.compile(r"([\\(){}|?*+])")
_TRAILING = re.compile(r"[\s.!?:;,…»›>|*-]+$")
_SPACES = re.compile(r"\s+")


def line_key(line: str) -> str:
    """The form two lines must share to count as the same line (case, quotes, spaces, punctuation)."""
    return _TRAILING.sub("", _SPACES.sub(" ", normalise(line)).strip())


@dataclass
class LineCounter:
    """Counts in how many documents each line occurs."""

    max_words: int = 25
    documents: int = 0
    counts: Counter[str] = field(default_factory=Counter)
    #: the first spelling seen of each line, for the pack's examples
    examples: dict[str, str] = field(default_factory=dict)

    def add(self, prose: str) -> None:
        """Count the lines of one document (each distinct line once)."""
        self.documents += 1
        seen = set()
        for raw in prose.splitlines():
            line = raw.strip()
            if not line or len(line.split()) > self.max_words:
                continue
            key = line_key(line)
            if key and key not in seen and any(c.isalpha() for c in key):
                seen.add(key)
                self.examples.setdefault(key, line)
        self.counts.update(seen)

    def merge(self, other: LineCounter) -> None:
        """Add the counts of another counter (of later documents: the examples seen first stay)."""
        self.documents += other.documents
        self.counts.update(other.counts)
        for key, line in other.examples.items():
            self.examples.setdefault(key, line)

    def recurring(self, min_documents: int) -> list[tuple[str, int]]:
        """Lines found in at least ``min_documents`` documents, most frequent first."""
        rows = [(self.examples[k], n) for k, n in self.counts.items() if n >= min_documents]
        return sorted(rows, key=lambda r: (-r[1], r[0].lower()))


def default_min_documents(documents: int) -> int:
    """A line must recur in 5% of the documents, and in at least three."""
    return max(3, -(-documents * 5 // 100))


def phrase_pattern(line: str) -> str:
    """A pattern (boilerplate pack syntax) that matches ``line`` literally."""
    return _PATTERN_META.sub(r"\\\1", _TRAILING.sub("", line.strip()) or line.strip())


def pack_text(rows: list[tuple[str, int]], documents: int, source: str) -> str:
    """A boilerplate pack (TOML, ``default = false``) listing ``rows`` with their counts."""
    out = [
        "# Learned by `copylint learn`: lines that recur across articles of one source.",
        "# Review every entry (delete any that is real copy), then enable the pack in config:",
        '#     packs = ["path/to/this-file.toml"]',
        "",
        "[pack]",
        'kind = "boilerplate"',
        f"description = {json.dumps(f'Recurring lines learned from {documents} articles of {source}')}",
        "default = false",
    ]
    for line, count in rows:
        out += [
            "",
            f"# in {count} of {documents} articles",
            "[[phrase]]",
            f"text = {json.dumps(phrase_pattern(line), ensure_ascii=False)}",
            f"examples = [{json.dumps(line, ensure_ascii=False)}]",
        ]
    return "\n".join(out) + "\n"
