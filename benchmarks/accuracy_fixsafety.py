"""Fixes that never delete copy: ``copylint fix --select CL3`` (safe, then unsafe) on real articles with
real boilerplate put in, read in place from ``../shared/corpus``.

    python benchmarks/accuracy.py fixsafety

1. Injected: one real boilerplate line (2-25 words, from the labelled pages of ``boilerplate-dev``) put
   into each ``news-dev`` article in one of three ways, as the judge does (``copyeval.py fixsafety``):
   as a paragraph of its own, glued between two sentences of a paragraph, or glued between two
   sentences of an article whose paragraphs were run together into one line (scraped copy). For
   several seeds: words of the real article lost (the figure that must be 0) and the share of
   injected lines removed entirely, by case.
2. Untouched copy made one line: every article of ``news-dev`` and ``news-modern-dev`` with its
   paragraphs glued with spaces, fixed with unsafe fixes; the words the fixes delete (real leftovers
   in the scraped modern articles account for most; the rest is copy lost), with examples to read.
"""

from __future__ import annotations

import collections
import json
import random
import re
from pathlib import Path

from accuracy_boilerplate import load_news, load_pages, load_pool

from copylint import Config, Linter
from copylint.engine.fixing import fix_source

#: the judge's word count
WORD_RE = re.compile(r"[A-Za-z][A-Za-z'\-]*")
ARTICLES = 600
SEEDS = (7, 11, 23)
CASES = ("paragraph", "glued", "one-line")
_SENTENCE_CUT = re.compile(r'[.!?]["\u201d\u2019]?\s+(?=[A-Z"\u201c])')


def _sentences(paragraph: str) -> list[str]:
    """Sentences of a paragraph with their own spacing (the judge's plain split)."""
    cuts = [m.end() for m in _SENTENCE_CUT.finditer(paragraph)]
    parts = [paragraph[a:b] for a, b in zip([0, *cuts], [*cuts, len(paragraph)], strict=True)]
    return [p for p in parts if p.strip()]


def cases(news: list[tuple[str, str]], pool: list[dict], seed: int) -> list[dict]:
    """One injected line per article, the three ways in turn (the judge's construction)."""
    pool = [p for p in pool if p["words"] >= 2]
    rng = random.Random(seed)
    articles = list(news)
    rng.shuffle(articles)
    order = list(range(len(pool)))
    rng.shuffle(order)
    out, nxt = [], 0
    for i, (aid, text) in enumerate(articles[:ARTICLES]):
        case = CASES[i % 3]
        head, _, body = text.partition("\n")
        paras = [p for p in body.strip("\n").split("\n\n") if p.strip()]
        if len(paras) < 2:
            continue
        line = pool[order[nxt % len(order)]]["line"]
        nxt += 1
        if case == "paragraph":
            k = rng.randint(1, len(paras))
            paras = [*paras[:k], line, *paras[k:]]
        else:
            if case == "one-line":
                paras = [" ".join(p.replace("\n", " ") for p in paras)]
            candidates = [j for j, p in enumerate(paras) if len(_sentences(p)) >= 2]
            if not candidates:
                continue
            j = rng.choice(candidates)
            sents = _sentences(paras[j])
            k = rng.randint(1, len(sents) - 1)
            paras[j] = "".join(sents[:k]).rstrip() + " " + line + " " + "".join(sents[k:]).lstrip()
        out.append({"article": aid, "case": case, "line": line, "original": text,
                    "text": head + "\n\n" + "\n\n".join(paras) + "\n"})
    return out


def _lost_and_removed(original: str, line: str, fixed: str) -> tuple[int, bool]:
    before = collections.Counter(WORD_RE.findall(original))
    after = collections.Counter(WORD_RE.findall(fixed))
    return sum((before - after).values()), not ((after - before) & collections.Counter(WORD_RE.findall(line)))


def injected(linter: Linter, news: list[tuple[str, str]], pool: list[dict], seed: int) -> dict:
    result: dict = {}
    for unsafe in (False, True):
        rows: dict[str, list[tuple[int, bool]]] = collections.defaultdict(list)
        for c in cases(news, pool, seed):
            fixed = fix_source(linter, c["text"], format="text", path=f"{c['article']}.txt", unsafe=unsafe).text
            rows[c["case"]].append(_lost_and_removed(c["original"], c["line"], fixed))
        result["unsafe" if unsafe else "safe"] = {
            case: {"lost": sum(lost for lost, _ in r), "removed": round(sum(ok for _, ok in r) / len(r), 4)}
            for case, r in rows.items()}
    return result


def _corpus(corpus: Path, name: str) -> list[tuple[str, str]]:
    with open(corpus / name / f"{name}.jsonl", encoding="utf-8") as f:
        return sorted((r["id"], r["text"]) for r in map(json.loads, f))


def one_line_deletions(linter: Linter, articles: list[tuple[str, str]]) -> tuple[int, int, list[str]]:
    """Words deleted by unsafe fixes from untouched articles glued into one line, and examples."""
    deleted = changed = 0
    examples = []
    for aid, text in articles:
        head, _, body = text.partition("\n")
        glued = head + "\n\n" + " ".join(p.replace("\n", " ") for p in body.split("\n\n") if p.strip()) + "\n"
        fixed = fix_source(linter, glued, format="text", path=f"{aid}.txt", unsafe=True).text
        lost = collections.Counter(WORD_RE.findall(glued)) - collections.Counter(WORD_RE.findall(fixed))
        if lost:
            changed += 1
            deleted += sum(lost.values())
            examples.append(f"{aid}: {' '.join(sorted(lost.elements()))[:90]}")
    return deleted, changed, examples


def run(corpus: Path) -> dict:
    linter = Linter(Config(select=("CL3",)))
    pool = load_pool(corpus, load_pages(corpus))
    news = load_news(corpus)
    print(f"(1) one real boilerplate line in each of {ARTICLES} news-dev articles, seeds {SEEDS}: "
          "copy words lost / boilerplate removed")
    print(f"    {'seed':<5} {'fixes':<7}" + "".join(f"{c:>22}" for c in CASES))
    by_seed = {}
    for seed in SEEDS:
        r = by_seed[seed] = injected(linter, news, pool, seed)
        for mode in ("safe", "unsafe"):
            print(f"    {seed:<5} {mode:<7}" + "".join(
                f"{r[mode][c]['lost']:>12} / {r[mode][c]['removed']:>6.1%}" for c in CASES))
    print("(2) untouched articles glued into one line, unsafe fixes: words deleted (read them: real leftovers "
          "or copy?)")
    one_line = {}
    for name in ("news-dev", "news-modern-dev"):
        deleted, changed, examples = one_line_deletions(linter, _corpus(corpus, name))
        one_line[name] = {"words_deleted": deleted, "articles_changed": changed}
        print(f"    {name}: {deleted} words in {changed} articles")
        for e in examples[:8]:
            print(f"      {e}")
    return {"injected": by_seed, "one_line_untouched": one_line}
