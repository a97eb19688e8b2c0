"""Build the lexicon that ships in ``rules/language/`` from Debian's SCOWL word lists, Hunspell
dictionaries and wordfreq.

    apt-get install wamerican-large wbritish-large wamerican-huge wbritish-huge \
        wamerican-insane wbritish-insane hunspell-en-gb hunspell-en-us
    .venv/bin/python scripts/build_lexicon.py

Writes, deterministically (same inputs, same bytes):

* ``rules/language/lexicon.txt.gz`` -- every word of the American and British "large" lists (possessive
  ``'s`` forms dropped: the rule strips them), grouped in blocks by Zipf frequency, kind (common or
  proper) and dialect. A block starts with a header line ``@ <zipf> <common|proper> <any|en-GB|en-US>``
  followed by one word per line. Grouping lets the loader add whole blocks at C speed.
* ``rules/language/usage.txt.gz`` -- words that are not in the lists but are used in real text (wordfreq
  Zipf frequency >= USAGE_MIN_ZIPF, alphabetic, lowercase as wordfreq gives them): modern vocabulary,
  names and, yes, frequent misspellings. The rule weighs this usage against near dictionary words; it
  never accepts a word for being listed here alone. Same block format, kind ``usage``.
* ``rules/language/rare-usage.txt.gz`` -- the same for rarer words (RARE_MIN_ZIPF <= Zipf < USAGE_MIN_ZIPF),
  to tell a rare word in real use (pneumonitis, hanbok) from one nobody writes. Grouped by the first
  two letters (a header line ``@ <letters>``, then ``<word> <zipf>`` lines), so that the rule can
  keep each group as one string and search only the group of the word it looks up.
* ``rules/language/extended.txt.gz`` -- the words of larger, maintained dictionaries that the "large"
  lists lack, in two tiers: ``h`` for SCOWL's "huge" lists (size 70) and the Hunspell ``en_GB`` and
  ``en_US`` dictionaries with their affixes applied (netizen, mockumentary, supremacism, trippy), and
  ``i`` for SCOWL's "insane" lists (size 95: hyposmia, but also a few common misspellings such as
  accomodate, so the rule trusts this tier less). Grouped by the first two letters of the
  lowercase word (``@ <letters>``, then ``<word> <tier>`` lines), like the rare-usage file: loaded
  only when the rule meets a word the lexicon does not know.
* ``rules/language/variants.tsv`` -- British/American spelling pairs (``colour<TAB>color``), found by
  applying the regular spelling correspondences (our/or, ise/ize, re/er, ence/ense, ll/l, ae/e,
  oe/e, ogue/og, mme/m, ement/ment) to British words and keeping results the American list holds.

Build-time only: nothing here runs when copylint runs.
"""

from __future__ import annotations

import argparse
import gzip
import io
import math
import re
from collections import defaultdict
from pathlib import Path

from wordfreq import get_frequency_dict, zipf_frequency

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "rules" / "language"
DICT = Path("/usr/share/dict")
AMERICAN = "american-english-large"
BRITISH = "british-english-large"
#: the larger SCOWL sizes, each a tier of the extended lexicon
HUGE = ("american-english-huge", "british-english-huge")
INSANE = ("american-english-insane", "british-english-insane")
HUNSPELL = Path("/usr/share/hunspell")
HUNSPELL_DICTIONARIES = ("en_GB", "en_US")
PACKAGES = ("wamerican-large wbritish-large wamerican-huge wbritish-huge wamerican-insane wbritish-insane "
            "hunspell-en-gb hunspell-en-us")

#: British -> American substitutions, applied at any position (each may apply once per step).
SUBSTITUTIONS = (
    ("our", "or"), ("is", "iz"), ("ys", "yz"), ("ence", "ense"), ("ll", "l"), ("l", "ll"),
    ("ae", "e"), ("oe", "e"), ("ogue", "og"), ("mme", "m"), ("ement", "ment"), ("eing", "ing"),
    ("ou", "o"), ("que", "ck"), ("sc", "sk"), ("ey", "ay"), ("yre", "ire"), ("ium", "um"),
    ("ellery", "elry"), ("ough", "ow"),
)
#: "-re" endings: centre/center, centres/centers, centred/centered, centring/centering.
RE_ENDINGS = re.compile(r"(?<=[^aeiou])re(s|d|ing)?$")
#: substitutions trusted even when both spellings are in both lists (judgement/judgment)
SHARED_OK = {("ement", "ment"), ("eing", "ing")}
#: the only substitutions tried on proper nouns (Americanise/Americanize, Labourite/Laborite)
PROPER_OK = {("is", "iz"), ("ys", "yz"), ("our", "or")}
#: substitutions that never apply to a word's first letters (aerogenic is not erogenic)
NOT_INITIAL = {"ae", "oe"}
MAX_STEPS = 3
USAGE_MIN_ZIPF = 2.0
RARE_MIN_ZIPF = 1.0


def read_list(name: str) -> set[str]:
    path = DICT / name
    if not path.exists():
        raise SystemExit(f"{path} is missing: apt-get install {PACKAGES}")
    words = {w.strip() for w in path.read_text(encoding="utf-8").splitlines() if w.strip()}
    # possessives are handled by the rule; contractions such as "o'clock" stay
    return {w for w in words if not (w.endswith("'s") and w[:-2] in words)}


def one_step(word: str, proper: bool) -> set[tuple[str, bool]]:
    """Spellings one correspondence away from ``word``, each with whether the step is SHARED_OK."""
    out = set()
    for gb, us in SUBSTITUTIONS:
        if proper and (gb, us) not in PROPER_OK:
            continue
        start = word.find(gb, 1 if gb in NOT_INITIAL else 0)
        while start >= 0:
            if not (gb == "eing" and word[start - 1:start] == "e"):
                out.add((word[:start] + us + word[start + len(gb):], (gb, us) in SHARED_OK))
            start = word.find(gb, start + 1)
    m = None if proper else RE_ENDINGS.search(word)
    if m:
        tail = {"": "er", "s": "ers", "d": "ered", "ing": "ering"}[m.group(1) or ""]
        out.add((word[:m.start()] + tail, False))
    return out


def variant_pairs(british: set[str], american: set[str]) -> list[tuple[str, str]]:
    steps: dict[tuple[str, str], int] = {}
    for word in sorted(british):
        if not word.isalpha() or len(word) < 4:
            continue
        proper = word != word.lower()
        frontier = {(word, True)}
        for step in range(1, MAX_STEPS + 1):
            nxt = set()
            for form, shared_ok in frontier:
                for cand, ok in one_step(form, proper):
                    nxt.add((cand, shared_ok and ok))
            for cand, shared_ok in nxt:
                if cand == word or cand not in american:
                    continue
                exclusive = word not in american or cand not in british
                if exclusive or shared_ok:
                    steps.setdefault((word, cand), step)
            frontier = {(f, s) for f, s in nxt if len(f) >= 3}
    # one counterpart per spelling: prefer pairs exclusive to their dialects, then the fewest changes
    best: dict[str, tuple[str, str]] = {}
    for gb, us in sorted(steps, key=lambda p: ((p[0] in american) + (p[1] in british), steps[p], p)):
        if gb not in best and us not in best:
            best[gb] = best[us] = (gb, us)
    return sorted(set(best.values()))


def write_blocks(path: Path, title: str, blocks: dict[tuple[float, str, str], list[str]]) -> None:
    buf = io.StringIO()
    buf.write(f"# {title}\n")
    for (zipf, kind, dialect), words in sorted(blocks.items(), key=lambda kv: (-kv[0][0], kv[0][1:])):
        buf.write(f"@ {zipf:.1f} {kind} {dialect}\n")
        buf.write("\n".join(sorted(words)) + "\n")
    with open(path, "wb") as raw, \
            gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as gz:
        gz.write(buf.getvalue().encode("utf-8"))


def write_rare(path: Path, blocks: dict[tuple[float, str, str], list[str]]) -> None:
    groups: dict[str, list[str]] = defaultdict(list)
    for (zipf, _, _), words in blocks.items():
        for word in words:
            groups[word[:2]].append(f"{word} {zipf:.1f}")
    buf = io.StringIO()
    buf.write("# rarer words in use beyond the lexicon, with wordfreq Zipf frequencies, by first two letters\n")
    for prefix in sorted(groups):
        buf.write(f"@ {prefix}\n" + "\n".join(sorted(groups[prefix])) + "\n")
    with open(path, "wb") as raw, \
            gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as gz:
        gz.write(buf.getvalue().encode("utf-8"))


def usage_blocks(known: set[str], low: float, high: float = math.inf) -> dict[tuple[float, str, str], list[str]]:
    """Words beyond ``known`` with a Zipf frequency from ``low`` up to (not including) ``high``."""
    lowered = {w.lower() for w in known}
    blocks: dict[tuple[float, str, str], list[str]] = defaultdict(list)
    for word, freq in get_frequency_dict("en", wordlist="large").items():
        zipf = round(math.log10(freq) + 9, 1)
        if low <= zipf < high and word.isalpha() and word not in lowered:
            blocks[(zipf, "usage", "any")].append(word)
    return blocks


def _affix_rules(aff: Path) -> dict[str, tuple[str, bool, list[tuple[str, str, re.Pattern[str]]]]]:
    """flag -> (PFX or SFX, combines with the other kind, [(strip, add, condition)]) of a Hunspell
    ``.aff`` file (continuation flags on the added text are ignored: one level of affixes)."""
    rules: dict[str, tuple[str, bool, list[tuple[str, str, re.Pattern[str]]]]] = {}
    for line in aff.read_text(encoding="utf-8").splitlines():
        fields = line.split()
        if len(fields) < 4 or fields[0] not in ("PFX", "SFX"):
            continue
        kind, flag = fields[0], fields[1]
        if flag not in rules:  # the header: PFX flag Y|N count
            rules[flag] = (kind, fields[2] == "Y", [])
            continue
        strip = "" if fields[2] == "0" else fields[2]
        add = "" if fields[3].split("/")[0] == "0" else fields[3].split("/")[0]
        condition = fields[4] if len(fields) > 4 else "."
        pattern = f"(?:{condition})$" if kind == "SFX" else f"^(?:{condition})"
        rules[flag][2].append((strip, add, re.compile(pattern)))
    return rules


def _apply(word: str, kind: str, entries: list[tuple[str, str, re.Pattern[str]]]) -> list[str]:
    out = []
    for strip, add, condition in entries:
        if not condition.search(word):
            continue
        if kind == "SFX" and word.endswith(strip):
            out.append(word[:len(word) - len(strip)] + add)
        elif kind == "PFX" and word.startswith(strip):
            out.append(add + word[len(strip):])
    return out


def hunspell_words(name: str) -> set[str]:
    """Every word form of a Hunspell dictionary: its stems with their prefixes and suffixes applied
    (and a prefix with a suffix where both allow it)."""
    dic, aff = HUNSPELL / f"{name}.dic", HUNSPELL / f"{name}.aff"
    if not dic.exists():
        raise SystemExit(f"{dic} is missing: apt-get install {PACKAGES}")
    rules = _affix_rules(aff)
    words: set[str] = set()
    for line in dic.read_text(encoding="utf-8").splitlines()[1:]:
        stem, _, flags = line.split("\t")[0].strip().partition("/")
        if not stem:
            continue
        words.add(stem)
        suffixed: list[str] = []
        for flag in flags:
            kind, cross, entries = rules.get(flag, ("", False, []))
            if kind == "SFX":
                forms = _apply(stem, kind, entries)
                words.update(forms)
                if cross:
                    suffixed.extend(forms)
        for flag in flags:
            kind, cross, entries = rules.get(flag, ("", False, []))
            if kind == "PFX":
                words.update(_apply(stem, kind, entries))
                if cross:
                    for form in suffixed:
                        words.update(_apply(form, kind, entries))
    return {w.replace("’", "'") for w in words}


def extended_tiers(known: set[str]) -> dict[str, str]:
    """word -> tier (``h`` or ``i``) for the words of the larger dictionaries beyond ``known``."""
    huge = set().union(*(read_list(n) for n in HUGE))
    for name in HUNSPELL_DICTIONARIES:
        huge |= hunspell_words(name)
    insane = set().union(*(read_list(n) for n in INSANE))
    tiers = dict.fromkeys(insane - known, "i")
    tiers.update(dict.fromkeys(huge - known, "h"))
    # the rule looks words up as it splits them: no possessives, no digits, no spaces
    return {w: t for w, t in tiers.items() if w.replace("'", "").replace("-", "").isalpha() and not w.endswith("'s")}


def write_extended(path: Path, tiers: dict[str, str]) -> None:
    groups: dict[str, list[str]] = defaultdict(list)
    for word, tier in tiers.items():
        groups[word[:2].lower()].append(f"{word} {tier}")
    buf = io.StringIO()
    buf.write("# words of larger dictionaries beyond the lexicon, with their tier (h: SCOWL huge and Hunspell, "
              "i: SCOWL insane), by first two letters\n")
    for prefix in sorted(groups):
        buf.write(f"@ {prefix}\n" + "\n".join(sorted(groups[prefix])) + "\n")
    with open(path, "wb") as raw, \
            gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as gz:
        gz.write(buf.getvalue().encode("utf-8"))


def build() -> None:
    american = read_list(AMERICAN)
    british = read_list(BRITISH)
    blocks: dict[tuple[float, str, str], list[str]] = defaultdict(list)
    for word in sorted(american | british):
        dialect = "any" if word in american and word in british else (
            "en-US" if word in american else "en-GB")
        kind = "common" if word == word.lower() else "proper"
        zipf = round(zipf_frequency(word, "en"), 1)
        blocks[(zipf, kind, dialect)].append(word)
    OUT.mkdir(parents=True, exist_ok=True)
    write_blocks(OUT / "lexicon.txt.gz",
                 f"copylint lexicon: SCOWL ({AMERICAN}, {BRITISH}) with wordfreq Zipf frequencies", blocks)
    usage = usage_blocks(american | british, USAGE_MIN_ZIPF)
    write_blocks(OUT / "usage.txt.gz", "words in use beyond the lexicon, with wordfreq Zipf frequencies",
                 usage)
    rare = usage_blocks(american | british, RARE_MIN_ZIPF, USAGE_MIN_ZIPF)
    write_rare(OUT / "rare-usage.txt.gz", rare)
    extended = extended_tiers(american | british)
    write_extended(OUT / "extended.txt.gz", extended)
    pairs = variant_pairs(british, american)
    with open(OUT / "variants.tsv", "w", encoding="utf-8") as f:
        f.write("# British<TAB>American spelling pairs, built by scripts/build_lexicon.py\n")
        f.writelines(f"{gb}\t{us}\n" for gb, us in pairs)
    print(f"{len(american | british)} words in {len(blocks)} blocks; "
          f"{sum(map(len, usage.values()))} words in use beyond them ({sum(map(len, rare.values()))} rarer); "
          f"{sum(t == 'h' for t in extended.values())} + {sum(t == 'i' for t in extended.values())} words in the "
          f"extended tiers; {len(pairs)} variant pairs")


def main() -> None:
    argparse.ArgumentParser(description=__doc__.split("\n")[0]).parse_args()
    build()


if __name__ == "__main__":
    main()
