"""Typos (CL101) on edited copy from other sources: flags per 1,000 words, real typos and false alarms.

    python benchmarks/accuracy.py other_sources

The judge also counts false alarms on clean news from sources the dev data does not have. As a
stand-in this reads the gold article text of the pages in ``boilerplate-dev`` (read in place, never
copied): ``zyte-article-extraction.jsonl`` (2019 US/UK sites; English pages only) and
``l3s-gn1.jsonl`` (2008 Google News; pages without the "?" encoding damage). Every CL101 flag is
counted as a real typo when its word is in ``REAL_TYPOS`` below -- our own reading of each flagged
word in context: slips in the source, and words broken apart by the page's markup -- and as a false
alarm otherwise. A word missing from the list therefore counts against the rule until someone reads
it and decides.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from copylint import Config, Linter

DATASETS = ("zyte-article-extraction.jsonl", "l3s-gn1.jsonl")
#: flagged words judged to be real errors in the source text (slips, and words split by markup
#: such as "mater ials" or encoding damage); everything else flagged is a false alarm
REAL_TYPOS = frozenset({
    "alot", "anthromorphise", "atmosphoric", "brokeness", "committment", "earnt", "eligibl", "ials",
    "indivudual", "isn", "mis", "mla", "Norweigan", "oon", "ravazed", "recieved", "Revoo", "sais",
    "spokemsan", "stoppagetime", "sutomatic", "targetted", "tre", "triumverate", "wayâ",
})


def gold_pages(corpus: Path) -> list[tuple[str, str, str]]:
    """(dataset, page id, gold text) of every English page without "?" mojibake (also used by the
    names section)."""
    out = []
    for name in DATASETS:
        path = corpus / "boilerplate-dev" / name
        if not path.is_file():
            continue
        with open(path, encoding="utf-8") as f:
            for line in f:
                page = json.loads(line)
                if page.get("english", True) and not page.get("qmark_mojibake"):
                    out.append((name.split("-", 1)[0], page["id"], page["gold_text"]))
    return out


def run(corpus: Path) -> dict:
    pages = [(page_id, text) for _, page_id, text in gold_pages(corpus)]
    if not pages:
        print("boilerplate-dev gold texts are absent; skipped")
        return {}
    linter = Linter(Config(select=("CL101",)))
    words: Counter[str] = Counter()
    real: Counter[str] = Counter()
    false: Counter[str] = Counter()
    for page_id, text in pages:
        source = page_id.split("-")[0]
        words[source] += len(text.split())
        for finding in linter.check(text):
            (real if finding.text in REAL_TYPOS else false)[f"{source}:{finding.text}"] += 1
    out = {}
    print(f"{'source':8} {'pages':>5} {'words':>8} {'flags/1k':>8} {'real/1k':>8} {'false/1k':>8}")
    for source in [*sorted(words), "all"]:
        n_words = sum(words.values()) if source == "all" else words[source]
        n_pages = len(pages) if source == "all" else sum(1 for p, _ in pages if p.startswith(source + "-"))

        def count(c: Counter[str], source: str = source) -> int:
            return sum(n for k, n in c.items() if source == "all" or k.startswith(source + ":"))

        row = {"pages": n_pages, "words": n_words,
               "real_per_1k": round(1000 * count(real) / n_words, 3),
               "false_per_1k": round(1000 * count(false) / n_words, 3)}
        row["flags_per_1k"] = round(row["real_per_1k"] + row["false_per_1k"], 3)
        print(f"{source:8} {n_pages:5d} {n_words:8,d} {row['flags_per_1k']:8.3f} {row['real_per_1k']:8.3f} "
              f"{row['false_per_1k']:8.3f}")
        out[source] = row
    print("  false alarms: " + ", ".join(f"{w.split(':', 1)[1]} {n}" for w, n in false.most_common(40)))
    print("  real typos:   " + ", ".join(f"{w.split(':', 1)[1]} {n}" for w, n in real.most_common(40)))
    return out
