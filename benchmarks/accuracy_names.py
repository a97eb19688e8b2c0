"""Name consistency family (CL2xx) on ../shared/corpus: false alarms on edited news, the mined real
variants (labels in ../shared/eval/labels), injected variants, and speed.

Only the CL2xx rules run, so every figure is this family's own (copyeval also counts spelling hits).
"""

from __future__ import annotations

import csv
import json
import random
import re
import time
from collections import Counter
from pathlib import Path

from copylint import Config, Linter

SELECT = ("CL2",)
SEED = 7
INJECTIONS = 300
#: a capitalised word of five letters or more: the names the injection alters
_CAPITALISED = re.compile(r"(?<![\w'’\-])[A-Z][a-z]+(?:[A-Z][a-z]+)*(?![\w'’\-])")
_SENTENCE_START = re.compile(r"(?:^|[.!?][\"'’”)]*\s+|\n)[\"'‘“(]*$")


def _articles(corpus: Path) -> list[dict]:
    with open(corpus / "news-dev" / "news-dev.jsonl", encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def _labels(corpus: Path) -> list[dict]:
    path = corpus.parent / "eval" / "labels" / "name-variants-dev.tsv"
    if not path.is_file():
        return []
    with open(path, encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def _spans(text: str, form: str) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(r"(?<![\w\-])" + re.escape(form) + r"(?![\w\-])", text)]


def _hits(findings: list, spans: list[tuple[int, int]]) -> bool:
    return any(f.start < e and s < f.end for f in findings for s, e in spans)


def _variants(word: str) -> dict[str, str]:
    """One altered form per kind (dropped, doubled or transposed letter; inner capital lowered)."""
    out = {"dropped": word[:2] + word[3:], "doubled": word[:2] + word[2] + word[2:],
           "transposed": word[:2] + word[3] + word[2] + word[4:]}
    inner = next((i for i in range(1, len(word)) if word[i].isupper()), 0)
    if inner:
        out["inner case"] = word[:inner] + word[inner].lower() + word[inner + 1:]
    return {k: v for k, v in out.items() if v != word}


def _injected(arts: list[dict], linter: Linter) -> tuple[Counter, Counter]:
    rng = random.Random(SEED)
    tried: Counter = Counter()
    found: Counter = Counter()
    order = list(arts)
    rng.shuffle(order)
    for a in order:
        if sum(tried.values()) >= INJECTIONS:
            break
        text = a["text"]
        counts = Counter(m.group() for m in _CAPITALISED.finditer(text)
                         if len(m.group()) >= 5 and not _SENTENCE_START.search(text[:m.start()]))
        names = sorted(w for w, n in counts.items() if n >= 3 and w.lower() not in text)
        if not names:
            continue
        word = rng.choice(names)
        kind, new = rng.choice(sorted(_variants(word).items()))
        s, e = rng.choice(_spans(text, word)[1:])
        altered = text[:s] + new + text[e:]
        tried[kind] += 1
        found[kind] += _hits(linter.check(altered), [(s, s + len(new))])
    return tried, found


def run(corpus: Path) -> dict:
    arts = _articles(corpus)
    linter = Linter(Config(select=SELECT))
    by_id = {a["id"]: a for a in arts}
    labels = _labels(corpus)
    erroneous: dict[str, list[tuple[int, int]]] = {}
    real, caught, legit, alarms = 0, 0, 0, 0
    for row in labels:
        a = by_id.get(row["article_id"])
        if a is None:
            continue
        text, found = a["text"], linter.check(a["text"])
        if row["label"] == "real_error":
            spans = [sp for form in row["erroneous_form"].split("|") if form for sp in _spans(text, form)]
            erroneous.setdefault(a["id"], []).extend(spans)
            real += 1
            caught += _hits(found, spans)
        elif row["label"] == "legitimate":
            legit += 1
            alarms += _hits(found, _spans(text, row["form_a"]) + _spans(text, row["form_b"]))
    words = 0
    false_alarms: Counter = Counter()
    elapsed = 0.0
    for a in arts:
        words += len(a["text"].split())
        t0 = time.perf_counter()
        found = linter.check(a["text"])
        elapsed += time.perf_counter() - t0
        for f in found:
            if not _hits([f], erroneous.get(a["id"], [])):
                false_alarms[f.code] += 1
    tried, hit = _injected(arts, linter)
    per_1k = round(1000 * sum(false_alarms.values()) / words, 3)
    print(f"clean news-dev: {words:,} words, {sum(false_alarms.values())} findings off the labelled errors = "
          f"{per_1k} per 1,000 words ({', '.join(f'{c} {n}' for c, n in sorted(false_alarms.items()))})")
    print(f"mined real variants: {caught}/{real} found; legitimate pairs flagged: {alarms}/{legit}")
    print("injected variants (CL2xx alone): " + ", ".join(
        f"{k} {hit[k]}/{tried[k]}" for k in sorted(tried)) + f"; all {sum(hit.values())}/{sum(tried.values())}")
    print(f"speed: {round(words / elapsed):,} words/s (whole check of CL2xx, document model included)")
    return {"fp_per_1k": per_1k, "real_recall": round(caught / real, 4) if real else None,
            "legit_false_alarms": alarms, "injected_recall": round(sum(hit.values()) / max(1, sum(tried.values())), 4),
            "words_per_s": round(words / elapsed)}
