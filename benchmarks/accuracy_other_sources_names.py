"""Name consistency family (CL2xx) on edited copy from other sources than news-dev: the gold article
text of the boilerplate-dev pages (../shared/corpus/boilerplate-dev: Zyte's English pages and L3S-GN1
without the '?' mojibake pages, real articles from some 250 sites).

Every CL2xx flag is split into real inconsistencies of the source (judged by hand, listed below) and
false alarms. The judgement names a flag by page id, rule and a hash of the flagged text, so no
corpus text is copied here; the flagged text is printed from the corpus at run time.
"""

from __future__ import annotations

import hashlib
import time
from collections import Counter
from pathlib import Path

from accuracy_other_sources import gold_pages

from copylint import Config, Linter

SELECT = ("CL2",)
#: flags judged real inconsistencies of the source: "page-id code sha1(flagged text)[:8]"  # kind
REAL = frozenset({
    "zyte-076f4f33bf75059d CL203 71bcd582",  # compound closed and hyphenated
    "zyte-14cc2a0ca59c62a8 CL202 90994c14",  # British spelling inside a quote, American elsewhere
    "zyte-287e4d9f4af31733 CL201 e5ab1cd7",  # product name: inner capital lost (two-word form)
    "zyte-287e4d9f4af31733 CL201 9db09745",  # the same, one-word form
    "zyte-287e4d9f4af31733 CL201 fb9851f9",  # letters transposed
    "zyte-3cb22bfabed8de71 CL203 f966aa94",  # compound closed and hyphenated
    "zyte-680c2848e94a96f9 CL201 704e903a",  # brand: inner capital added
    "zyte-f344ca5fb36e130f CL201 a2813cb8",  # outlet's name run together and spaced
    "zyte-f81c6c05d9cbc933 CL201 10bb72f2",  # coined term capitalised mid-sentence
    "l3s-034f7376-18b6 CL201 a3d7a69b",  # compound adjective hyphenated and spaced
    "l3s-1ef621ac-550e CL201 df9dd40c",  # surname: letter dropped in the headline
    "l3s-65819eb3-2f28 CL201 8564ee14",  # brand: inner capital lost
    "l3s-71e45809-1506 CL201 6d64546e",  # brand: letter dropped
    "l3s-78320a4b-5d58 CL203 ac806dd8",  # compound closed and hyphenated
    "l3s-9f873f81-0ee8 CL201 8f0162db",  # place name run together and spaced
    "l3s-b4fba381-44d3 CL201 e651efac",  # game title run together and spaced
    "l3s-d0d25fb4-8ce7 CL201 f5965558",  # stray capital at the end of a word
})


def _key(page_id: str, code: str, text: str) -> str:
    return f"{page_id} {code} {hashlib.sha1(text.encode('utf-8')).hexdigest()[:8]}"


def run(corpus: Path) -> dict:
    pages = gold_pages(corpus)
    if not pages:
        print("boilerplate-dev gold texts are absent; nothing to measure")
        return {}
    linter = Linter(Config(select=SELECT))
    words: Counter = Counter()
    real: Counter = Counter()
    false: Counter = Counter()
    alarms: list[str] = []
    seen: set[str] = set()
    elapsed = 0.0
    for dataset, page_id, text in pages:
        words[dataset] += len(text.split())
        t0 = time.perf_counter()
        found = linter.check(text)
        elapsed += time.perf_counter() - t0
        for f in found:
            key = _key(page_id, f.code, f.text)
            seen.add(key)
            if key in REAL:
                real[dataset, f.code] += 1
            else:
                false[dataset, f.code] += 1
                alarms.append(f"{page_id} {f.code} {f.text!r} -> {f.suggestions[0]!r}")
    total = sum(words.values())

    def per_1k(counts: Counter, dataset: str | None = None) -> float:
        n = sum(v for (d, _), v in counts.items() if dataset in (None, d))
        w = words[dataset] if dataset else total
        return round(1000 * n / w, 3) if w else 0.0

    print(f"{'source':8} {'pages':>5} {'words':>8}  {'real':>5} {'per 1k':>6}  {'false':>5} {'per 1k':>6}")
    for dataset in sorted(words):
        n_pages = sum(1 for d, _, _ in pages if d == dataset)
        print(f"{dataset:8} {n_pages:5} {words[dataset]:8,}  {sum(v for (d, _), v in real.items() if d == dataset):5} "
              f"{per_1k(real, dataset):6}  {sum(v for (d, _), v in false.items() if d == dataset):5} "
              f"{per_1k(false, dataset):6}")
    by_code = Counter()
    for (_, code), n in false.items():
        by_code[code] += n
    rules = ", ".join(f"{c} {n}" for c, n in sorted(by_code.items())) or "none"
    print(f"all      {len(pages):5} {total:8,}  {sum(real.values()):5} {per_1k(real):6}  {sum(false.values()):5} "
          f"{per_1k(false):6}  (false alarms by rule: {rules})")
    print(f"flags judged real that are no longer raised: {len(REAL - seen)}/{len(REAL)}")
    for line in alarms:
        print(f"  false alarm: {line}")
    print(f"speed: {round(total / elapsed):,} words/s (whole check of CL2xx)")
    return {"words": total, "real_per_1k": per_1k(real), "false_alarms_per_1k": per_1k(false),
            "false_alarms": sum(false.values()), "cl201_false_alarms_per_1k":
                round(1000 * by_code["CL201"] / total, 3) if total else 0.0}

