"""CL1 and CL2 findings on ``news-modern-dev`` (400 recent articles, as scraped), judged by hand.

    python benchmarks/accuracy.py modern
    python benchmarks/accuracy_modern.py --unjudged     # findings with no verdict yet, to judge

Every finding of the rules on by default in the spelling (CL1) and names (CL2) families is looked
up in ``benchmarks/judged/news-modern-dev.tsv``: one verdict per finding (``right``: a real error
of the copy, an inconsistency of the article or a leftover of the scrape such as a lost space;
``wrong``: a false alarm), keyed by article, rule, offset and a hash of the flagged text (the
corpus text itself is never copied here). Reports the share judged right per family, the wrong
ones (printed from the corpus, read in place) and how many findings have no verdict yet.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import sys
from collections import Counter
from pathlib import Path

from copylint import Config, Linter

HERE = Path(__file__).resolve().parent
JUDGED = HERE / "judged" / "news-modern-dev.tsv"
CORPUS = HERE.parent.parent / "shared" / "corpus"
FIELDS = ("article", "code", "start", "text_hash", "verdict", "why")


def text_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def _verdicts() -> dict[tuple[str, str, int, str], tuple[str, str]]:
    if not JUDGED.exists():
        return {}
    with open(JUDGED, encoding="utf-8") as f:
        rows = csv.DictReader((line for line in f if not line.startswith("#")), delimiter="\t")
        return {(r["article"], r["code"], int(r["start"]), r["text_hash"]): (r["verdict"], r["why"]) for r in rows}


def findings(corpus: Path) -> list[tuple[str, object, str]]:
    linter = Linter(Config())  # the rules on by default, as a new user runs them
    out = []
    for path in sorted((corpus / "news-modern-dev" / "articles").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for f in linter.check(text, path=path.name):
            if f.code.startswith(("CL1", "CL2")):
                out.append((path.stem, f, text))
    return out


def run(corpus: Path, unjudged: bool = False) -> dict:
    verdicts = _verdicts()
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    wrong: list[str] = []
    missing: list[str] = []
    articles: set[str] = set()
    for article, f, text in findings(corpus):
        key = (article, f.code, f.start, text_hash(f.text))
        family = f.code[:3]
        found = verdicts.get(key)
        context = text[max(0, f.start - 30):f.end + 30].replace("\n", " / ")
        if found is None:
            missing.append("\t".join((article, f.code, str(f.start), key[3], "?", f"{f.text} -> {f.suggestions[:1]}")))
            continue
        articles.add(article)
        total[family] += 1
        if found[0] == "right":
            right[family] += 1
        else:
            wrong.append(f"  {f.code} {article} {f.text!r} -> {list(f.suggestions[:1])} ({found[1]}): …{context}…")
    if unjudged:
        print("\n".join(missing))
        return {}
    share = {fam: round(right[fam] / total[fam], 3) for fam in sorted(total)}
    print(f"{sum(total.values())} judged findings in {len(articles)} articles; unjudged: {len(missing)}")
    for fam in sorted(total):
        print(f"  {fam}xx: {right[fam]}/{total[fam]} judged right ({share[fam]:.1%})")
    print("judged wrong:")
    print("\n".join(wrong) or "  none")
    return {"judged": dict(total), "right": dict(right), "share_right": share, "unjudged": len(missing)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--unjudged", action="store_true", help="print the findings that have no verdict, as rows")
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    args = ap.parse_args()
    if not (args.corpus / "news-modern-dev").is_dir():
        print("news-modern-dev is absent; nothing to measure")
        return 0
    run(args.corpus, args.unjudged)
    return 0


if __name__ == "__main__":
    sys.exit(main())
