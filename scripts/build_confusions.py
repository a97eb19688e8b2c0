"""Build ``rules/spelling/confusion-bigrams.tsv``, the n-gram evidence of CL103 (confused-word), from
the bigram and unigram counts that the ``wordsegment`` package ships (Grant Jenks, Apache-2.0; counts
from the Google Web Trillion Word Corpus as published by Peter Norvig for "Beautiful Data").

    .venv/bin/pip install wordsegment==1.3.1
    .venv/bin/python scripts/build_confusions.py

Keeps the unigram count of every word of the sets in ``rules/spelling/confusions.toml`` and every
bigram that holds one of them (``word<TAB>count`` and ``left right<TAB>count`` lines, sorted; the
package lists some bigrams more than once, and their counts are added). Same inputs, same bytes.
Build-time only: copylint does not import wordsegment.
"""

from __future__ import annotations

import argparse
import tomllib
from collections import Counter
from importlib import resources
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SETS = ROOT / "rules" / "spelling" / "confusions.toml"
OUT = ROOT / "rules" / "spelling" / "confusion-bigrams.tsv"


def confusable_words() -> set[str]:
    sets = tomllib.loads(SETS.read_text(encoding="utf-8"))["confusions"]["sets"]
    return {w for s in sets for w in s}


def counts(name: str) -> list[tuple[str, int]]:
    text = resources.files("wordsegment").joinpath(name).read_text(encoding="utf-8")
    out = []
    for line in text.splitlines():
        gram, _, n = line.rpartition("\t")
        out.append((gram, int(n)))
    return out


def build() -> None:
    words = confusable_words()
    unigrams = Counter({w: n for w, n in counts("unigrams.txt") if w in words})
    bigrams: Counter[str] = Counter()
    for gram, n in counts("bigrams.txt"):
        left, _, right = gram.partition(" ")
        if left in words or right in words:
            bigrams[gram] += n
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("# unigram and bigram counts of the words of confusions.toml, from the wordsegment package "
                "(Apache-2.0; Google Web Trillion Word Corpus counts); built by scripts/build_confusions.py\n")
        f.writelines(f"{w}\t{unigrams[w]}\n" for w in sorted(unigrams))
        f.writelines(f"{g}\t{bigrams[g]}\n" for g in sorted(bigrams))
    print(f"{len(unigrams)} words, {len(bigrams)} bigrams -> {OUT.relative_to(ROOT)}")


def main() -> None:
    argparse.ArgumentParser(description=__doc__.split("\n")[0]).parse_args()
    build()


if __name__ == "__main__":
    main()
