"""Accuracy of copylint's rules on the research corpora in ``../shared/corpus`` (read in place).

    python benchmarks/accuracy.py                 # every section
    python benchmarks/accuracy.py typos names     # some sections
    python benchmarks/accuracy.py --json          # also print one JSON line with every figure

Each section lives in ``benchmarks/accuracy_<name>.py`` and defines ``run(corpus: Path) -> dict``
(it prints its own table and returns its headline figures). Exits 0 with a notice when the corpus
is absent, so the script is safe to run anywhere.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent.parent / "shared" / "corpus"


def sections() -> list[str]:
    return sorted(p.stem.removeprefix("accuracy_") for p in HERE.glob("accuracy_*.py"))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("sections", nargs="*", help=f"sections to run (default: all of {', '.join(sections())})")
    ap.add_argument("--corpus", type=Path, default=CORPUS, help="the corpus folder (default: ../shared/corpus)")
    ap.add_argument("--json", action="store_true", help="print every figure as one JSON line at the end")
    args = ap.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"accuracy: corpus folder {args.corpus} is absent; nothing to measure")
        return 0
    sys.path.insert(0, str(HERE))
    results = {}
    for name in args.sections or sections():
        if name not in sections():
            ap.error(f"unknown section {name!r} (known: {', '.join(sections())})")
        t0 = time.perf_counter()
        print(f"== {name}")
        results[name] = importlib.import_module(f"accuracy_{name}").run(args.corpus)
        print(f"({time.perf_counter() - t0:.1f} s)\n")
    if args.json:
        print(json.dumps(results, ensure_ascii=False, separators=(",", ":")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
