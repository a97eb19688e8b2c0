"""Doubled words (CL102), real-word slips (CL103) and encoding damage (CL104): recall on errors
injected into edited news, and false alarms on the untouched text.

    python benchmarks/accuracy.py injected

* Articles: ``news-dev`` (BBC) are injected; false alarms are counted on the untouched ``news-dev``
  and ``news-modern-dev`` articles (per 1,000 words; their own real slips count as false alarms
  here, so the figure is an upper bound).
* Doubled words: in each article (fixed seed) one lowercase word outside the legitimate doubles
  is written twice ("the" -> "the the"); recall = a CL102 finding on the repetition.
* Encoding damage: one character per article is replaced by its UTF-8 bytes read as Windows-1252
  (an apostrophe or quote becomes "â€™", "£" becomes "Â£", a dash "â€“"), or, for one article in
  four, a possessive apostrophe loses its two middle bytes ("Potterâs"); recall = a CL104 finding
  on the damage.
* Real-word slips: one word of a confusion set (``rules/spelling/confusions.toml``) per article
  that has one is replaced by another word of its set ("from" -> "form"); recall = a CL103
  finding on it.
"""

from __future__ import annotations

import random
import re
import tomllib
from pathlib import Path

from copylint import Config, Linter
from copylint.core.packs import data_dir

SEED = 7
RULES = ("CL102", "CL103", "CL104")
WORD = re.compile(r"(?<![\w'’-])[a-z]{2,}(?![\w'’-])")
_MOJIBAKE_SOURCES = ("'", "’", "“", "”", "£", "–", "—", "é")


def _articles(corpus: Path, name: str) -> dict[str, str]:
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted((corpus / name / "articles").glob("*.txt"))}


def _words(text: str) -> int:
    return len(re.findall(r"[A-Za-z][A-Za-z'\-]*", text))


def _doubled(text: str, rng: random.Random, legitimate: set[str]) -> tuple[str, tuple[int, int]] | None:
    body = text.find("\n") + 1
    spots = [m for m in WORD.finditer(text, body) if m.group() not in legitimate]
    if not spots:
        return None
    m = rng.choice(spots)
    word = m.group()
    return text[:m.end()] + " " + word + text[m.end():], (m.end() + 1, m.end() + 1 + len(word))


def _mojibake(text: str, rng: random.Random) -> tuple[str, tuple[int, int]] | None:
    body = text.find("\n") + 1
    if rng.random() < 0.25:  # a possessive apostrophe that lost its two middle bytes
        spots = list(re.finditer(r"(?<=[a-z])'(?=s\b)", text[body:]))
        if spots:
            m = rng.choice(spots)
            at = body + m.start()
            return text[:at] + "â" + text[at + 1:], (at, at + 1)
    spots = [i for i in range(body, len(text)) if text[i] in _MOJIBAKE_SOURCES]
    if not spots:
        return None
    at = rng.choice(spots)
    ch = "’" if text[at] == "'" else text[at]
    damaged = ch.encode("utf-8").decode("cp1252", errors="replace")
    return text[:at] + damaged + text[at + 1:], (at, at + len(damaged))


def _confused(text: str, rng: random.Random, others: dict[str, list[str]]) -> tuple[str, tuple[int, int]] | None:
    body = text.find("\n") + 1
    spots = [m for m in WORD.finditer(text, body) if m.group() in others]
    if not spots:
        return None
    m = rng.choice(spots)
    new = rng.choice(others[m.group()])
    return text[:m.start()] + new + text[m.end():], (m.start(), m.start() + len(new))


def _hit(findings: list, code: str, span: tuple[int, int]) -> bool:
    return any(f.code == code and f.start < span[1] and span[0] < f.end for f in findings)


def run(corpus: Path) -> dict:
    linter = Linter(Config(select=RULES))
    doubles = tomllib.loads((data_dir() / "spelling/doubled-words.toml").read_text(encoding="utf-8"))
    legitimate = set(doubles["doubles"]["legitimate"])
    sets = tomllib.loads((data_dir() / "spelling/confusions.toml").read_text(encoding="utf-8"))["confusions"]["sets"]
    others = {w: [x for x in s if x != w] for s in sets for w in s}
    news = _articles(corpus, "news-dev")
    results: dict = {"recall": {}, "false_alarms_per_1k": {}}
    injectors = {"CL102": lambda t, r: _doubled(t, r, legitimate), "CL104": _mojibake,
                 "CL103": lambda t, r: _confused(t, r, others)}
    print(f"{'rule':6} {'injected':>8} {'found':>6} {'recall':>7}")
    for code, inject in injectors.items():
        rng = random.Random(f"{SEED}-{code}")
        n = found = 0
        for text in news.values():
            made = inject(text, rng)
            if made is None:
                continue
            changed, span = made
            n += 1
            found += _hit(linter.check(changed), code, span)
        results["recall"][code] = round(found / n, 4) if n else None
        print(f"{code:6} {n:8} {found:6} {found / max(n, 1):7.1%}")
    print(f"\n{'corpus':16} {'words':>8} " + " ".join(f"{c:>7}" for c in RULES) + "   (false alarms per 1,000 words)")
    for name in ("news-dev", "news-modern-dev"):
        texts = news if name == "news-dev" else _articles(corpus, name)
        if not texts:
            continue
        words = sum(_words(t) for t in texts.values())
        counts = dict.fromkeys(RULES, 0)
        for text in texts.values():
            for f in linter.check(text):
                counts[f.code] += 1
        rates = {c: round(1000 * counts[c] / words, 3) for c in RULES}
        results["false_alarms_per_1k"][name] = rates
        results["false_alarms_per_1k"][name + " (count)"] = counts
        print(f"{name:16} {words:8,} " + " ".join(f"{rates[c]:7.3f}" for c in RULES)
              + "   counts " + ", ".join(f"{c} {counts[c]}" for c in RULES))
    return results
