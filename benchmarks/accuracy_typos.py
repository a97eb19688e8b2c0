"""Typos (CL1xx): false positives on edited news, recall and top-1 on injected real misspellings, speed.

    python benchmarks/accuracy.py typos

* clean: every spelling finding on ``news-dev`` is a false positive unless it falls on a real typo
  listed in ``../shared/eval/labels/known-typos-dev.tsv``; reported per 1,000 words.
* injected: in each of up to 400 articles (fixed seed), up to two lowercase words are replaced by a
  real misspelling of them from ``misspellings-dev`` (only misspellings that are not dictionary words);
  recall = a spelling finding overlaps the misspelling, top-1 = its first suggestion restores the word.
* speed: words per second of the spelling rules alone over news-dev, one core, resources preloaded;
  and the time to load the lexicon in a fresh process.
"""

from __future__ import annotations

import csv
import random
import re
import subprocess
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

from copylint import Config, Linter
from copylint.core.document import Document, OffsetMap
from copylint.core.rule import SHARED_RESOURCES, Context
from copylint.engine.registry import all_rules

HERE = Path(__file__).resolve().parent
LABELS = HERE.parent.parent / "shared" / "eval" / "labels" / "known-typos-dev.tsv"
DICTS = ("/usr/share/dict/american-english-large", "/usr/share/dict/british-english-large")
LOWER_TOKEN = re.compile(r"(?<![^\W_])(?<!['’])[a-z]{3,}(?![^\W_])")
SEED = 7
ARTICLES = 400


def _articles(corpus: Path) -> dict[str, str]:
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted((corpus / "news-dev" / "articles").glob("*.txt"))}


def _known_typos() -> dict[str, set[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    if LABELS.exists():
        with open(LABELS, encoding="utf-8") as f:
            for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
                out[row["article_id"]].add(row["form"])
    return out


def _dictionary() -> set[str]:
    words: set[str] = set()
    for path in DICTS:
        if Path(path).exists():
            with open(path, encoding="utf-8", errors="replace") as f:
                words.update(w.strip().lower() for w in f)
    return words


def _pairs(corpus: Path) -> list[tuple[str, str, str]]:
    """(misspelling, correction, list) for non-word misspellings of lowercase words."""
    words = _dictionary()
    out = []
    for path in sorted((corpus / "misspellings-dev").glob("*.tsv")):
        if "proper-nouns" in path.name:
            continue
        with open(path, encoding="utf-8") as f:
            for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
                wrong, right = row["misspelling"].strip(), row["correction"].strip()
                if (right.isalpha() and right.islower() and len(right) >= 3 and wrong.isalpha()
                        and wrong.islower() and wrong != right and wrong not in words):
                    out.append((wrong, right, path.stem.split("-")[0]))
    return sorted(set(out))


def clean(linter: Linter, articles: dict[str, str]) -> dict:
    known = _known_typos()
    words = sum(len(t.split()) for t in articles.values())
    fps: Counter[str] = Counter()
    on_known = 0
    for aid, text in articles.items():
        for f in linter.check(text):
            if f.text in known.get(aid, ()):
                on_known += 1
            else:
                fps[f"{f.text}({f.data.get('evidence', '')[:1]})"] += 1
    n = sum(fps.values())
    print(f"clean: {len(articles)} articles, {words:,} words: {n} false positives = "
          f"{1000 * n / words:.3f} per 1,000 words ({on_known} findings on labelled real typos)")
    print("  most flagged: " + ", ".join(f"{w} {c}" for w, c in fps.most_common(40)))
    return {"fp_per_1k": round(1000 * n / words, 3), "flags_on_known_typos": on_known}


def injected(linter: Linter, articles: dict[str, str], corpus: Path) -> dict:
    pool: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for pair in _pairs(corpus):
        pool[pair[1]].append(pair)
    rng = random.Random(SEED)
    ids = sorted(articles)
    rng.shuffle(ids)
    results: list[tuple[str, bool, bool]] = []
    missed, wrong = [], []
    for aid in ids[:ARTICLES]:
        text = articles[aid]
        body = text.find("\n\n") + 2
        occ = [m for m in LOWER_TOKEN.finditer(text, body) if m.group() in pool]
        if not occ:
            continue
        present = sorted({m.group() for m in occ})
        picks = [(rng.choice([m for m in occ if m.group() == w]), rng.choice(pool[w]))
                 for w in rng.sample(present, min(2, len(present)))]
        picks.sort(key=lambda p: p[0].start())
        parts, last, shift, spans = [], 0, 0, []
        for m, (miss, corr, src) in picks:
            parts += [text[last:m.start()], miss]
            spans.append((m.start() + shift, m.start() + shift + len(miss), corr, src, miss))
            shift += len(miss) - len(corr)
            last = m.end()
        parts.append(text[last:])
        found = linter.check("".join(parts))
        for s, e, corr, src, miss in spans:
            hits = [f for f in found if f.start < e and s < f.end]
            top1 = any(f.start == s and f.end == e and f.suggestions[:1] == (corr,) for f in hits)
            results.append((src, bool(hits), top1))
            if not hits:
                missed.append(f"{miss}→{corr}")
            elif not top1:
                wrong.append(f"{miss}→{hits[0].suggestions[:1]} (want {corr})")
    out = {}
    for group in ["all", *sorted({r[0] for r in results})]:
        rows = [r for r in results if group in ("all", r[0])]
        recall = sum(r[1] for r in rows) / len(rows)
        top1 = sum(r[2] for r in rows) / len(rows)
        print(f"injected [{group}]: {len(rows)} misspellings: recall {100 * recall:.1f}%, top-1 {100 * top1:.1f}%")
        out[group] = {"n": len(rows), "recall": round(recall, 4), "top1": round(top1, 4)}
    print("  missed: " + ", ".join(missed[:30]))
    print("  wrong first suggestion: " + ", ".join(wrong[:30]))
    return out


def speed(articles: dict[str, str]) -> dict:
    """Words per second of the spelling rules alone (documents tokenized beforehand), one core."""
    config = Config(select=("CL1",))
    rules = [cls() for code, cls in all_rules().items() if code.startswith("CL1")]
    ctx = Context(config, SHARED_RESOURCES)
    docs = [Document(aid, text, text, OffsetMap.identity(len(text))) for aid, text in articles.items()]
    for doc in docs:
        _ = doc.tokens
    for rule in rules:
        list(rule.check(docs[0], ctx))  # load resources
    words = sum(len(text.split()) for text in articles.values())
    t0 = time.perf_counter()
    for doc in docs:
        for rule in rules:
            list(rule.check(doc, ctx))
    rate = words / (time.perf_counter() - t0)
    probe = ("import time, copylint.language.lexicon as m; from copylint.core.rule import Context, Resources; "
             "from copylint import Config; t = time.perf_counter(); "
             "m.lexicon_for(Context(Config(), Resources())); print(time.perf_counter() - t)")
    load = float(subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                                check=True).stdout)
    print(f"speed: {rate:,.0f} words/s (spelling rules alone, tokens precomputed); "
          f"lexicon load {1000 * load:.0f} ms")
    return {"words_per_s": round(rate), "load_ms": round(1000 * load)}


def run(corpus: Path) -> dict:
    if not (corpus / "news-dev").is_dir():
        print("news-dev is absent; skipped")
        return {}
    linter = Linter(Config(select=("CL1",)))
    articles = _articles(corpus)
    out = {"clean": clean(linter, articles)}
    if (corpus / "misspellings-dev").is_dir():
        out["injected"] = injected(linter, articles, corpus)
    out["speed"] = speed(articles)
    return out
