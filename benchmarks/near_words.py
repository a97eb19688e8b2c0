"""CPU time of the spelling rule's near-word search, per uncached search.

    python benchmarks/near_words.py                       # this checkout
    PYTHONPATH=/path/to/other/checkout python benchmarks/near_words.py   # another one, to compare

Searches the real misspellings of ``../shared/corpus/misspellings-dev`` (read in place) and 1,500
random edits of lexicon words: ``near`` (one or two edits, as the spelling rule asks, with its
first-letter slips) and ``near_by_start`` with three edits (the far search). Prints the median of
five passes, in milliseconds per search, and the time to make the index.
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from pathlib import Path

MISSPELLINGS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "misspellings-dev"


def sample(words: list[str]) -> list[str]:
    out = []
    for path in sorted(MISSPELLINGS.glob("*.tsv")) if MISSPELLINGS.is_dir() else ():
        out.extend(line.split("\t")[0].lower() for line in path.read_text(encoding="utf-8").splitlines()[1:])
    rnd = random.Random(1)
    for _ in range(1500):
        chars = list(rnd.choice(words))
        for _ in range(rnd.randint(1, 3)):
            i = rnd.randrange(len(chars))
            op = rnd.randrange(4)
            if op == 0:
                chars[i] = rnd.choice("abcdefghijklmnopqrstuvwxyz")
            elif op == 1:
                chars.insert(i, rnd.choice("abcdefghijklmnopqrstuvwxyz"))
            elif op == 2 and len(chars) > 1:
                del chars[i]
            elif i + 1 < len(chars):
                chars[i], chars[i + 1] = chars[i + 1], chars[i]
        out.append("".join(chars))
    return [w for w in dict.fromkeys(out) if w]


def main() -> int:
    from copylint.checks.spelling.candidates import CandidateIndex
    from copylint.language.lexicon import load_data

    data = load_data()
    t0 = time.process_time()
    index = CandidateIndex(data)
    made = time.process_time() - t0
    words = sorted(w for w in data.common if w.isalpha())
    searched = sample(words)
    index.near(searched[0], 2)  # builds what a first search builds
    near, far = [], []
    for _ in range(5):
        t0 = time.process_time()
        for w in searched:
            index.near(w, 1 if len(w) < 6 else 2)
        near.append((time.process_time() - t0) * 1000 / len(searched))
        t0 = time.process_time()
        for w in searched[::5]:
            index.near_by_start(w, 3)
        far.append((time.process_time() - t0) * 1000 / len(searched[::5]))
    print(f"{sys.modules['copylint'].__file__}: {len(searched)} words; index made in {made * 1000:.0f} ms; "
          f"near {statistics.median(near):.3f} ms, far {statistics.median(far):.3f} ms per search")
    return 0


if __name__ == "__main__":
    sys.exit(main())
