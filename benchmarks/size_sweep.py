"""Time against input size for hostile input shapes: copylint must stay linear on anything.

    python benchmarks/size_sweep.py                      # every shape and format, 10 KB ... 2 MB
    python benchmarks/size_sweep.py --quick              # 10 KB ... 200 KB
    python benchmarks/size_sweep.py --shapes hyphens,long-word --formats text

Each shape is an article (the seed article, ``seeds/``) grown to each size by the thing that once
made a scan or a rule pass quadratic: a long run of spaces, blank lines, hyphens, dots, apostrophes,
em-dashes, emoji, zero-width joiners, combining marks or ``<`` after it; one long "word" (letters,
or a base64 blob); many distinct Capitalised words or lowercase non-words; many repeated name
variants; many ``disable``/``enable`` comment pairs; encoding damage (mojibake), on many lines or one;
deeply nested or unclosed markup; one enormous line. Every shape is checked with all default rules
by one warm ``Linter`` in this process, as text, Markdown and HTML, and the CPU time of each check
is printed with how much it grows per doubling of the size (from the two largest sizes measured; at
1 MB and 2 MB it is their ratio): linear work doubles (about 2), quadratic work quadruples. A shape
whose check takes longer than ``--budget`` seconds is not tried at larger sizes.

Pass: the ratio at 2 MB / 1 MB is at most 2.5 and no 2 MB check takes 10 s. Exit 1 otherwise.
"""

from __future__ import annotations

import argparse
import math
import random
import string
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = (ROOT / "seeds" / "kursk-north-korea.txt").read_text(encoding="utf-8")
KB = 1000
SIZES = (10 * KB, 20 * KB, 50 * KB, 100 * KB, 200 * KB, 500 * KB, 1000 * KB, 2000 * KB)
QUICK_SIZES = (10 * KB, 20 * KB, 50 * KB, 100 * KB, 200 * KB)
MAX_RATIO = 2.5
MAX_SECONDS_AT_2MB = 10.0
FORMATS = ("text", "markdown", "html")

Shape = Callable[[int], str]


def _fill(piece: Callable[[int], str], size: int) -> str:
    """Pieces (``piece(i)`` for i = 0, 1, ...) joined until ``size`` characters."""
    parts: list[str] = []
    length = 0
    i = 0
    while length < size:
        part = piece(i)
        parts.append(part)
        length += len(part)
        i += 1
    return "".join(parts)[:size]


def _run_after_article(run: str) -> Shape:
    return lambda size: SEED + run * max(0, (size - len(SEED)) // len(run))


def _pseudo_word(rng: random.Random, capital: bool) -> str:
    word = "".join(rng.choice("bcdfghklmnprstvz") + rng.choice("aeiou") for _ in range(rng.randint(2, 4)))
    return word.capitalize() if capital else word


def _distinct_words(capital: bool) -> Shape:
    def make(size: int) -> str:
        rng = random.Random(size)
        return _fill(lambda i: f"Officials said {_pseudo_word(rng, capital)} met {_pseudo_word(rng, capital)} "
                               f"in {_pseudo_word(rng, capital)} on Monday.\n", size)
    return make


def _long_word(alphabet: str) -> Shape:
    def make(size: int) -> str:
        rng = random.Random(size)
        return SEED + "".join(rng.choice(alphabet) for _ in range(max(0, size - len(SEED))))
    return make


def _name_variants(size: int) -> str:
    return _fill(lambda i: "Kim Jong-un met Kim Jong Un. Kim Jong Un left, and DaimlerChrysler and "
                           f"DaimerChrysler and DaimlerChrysler sold cars to Zelensky and Zelenskyy ({i}).\n",
                 size)


def _suppressions(size: int) -> str:
    return _fill(lambda i: f"<!-- copylint: disable CL101 -->\nThe yeae {i} was long.\n"
                           "<!-- copylint: enable CL101 -->\n\n", size)


def _one_line(size: int) -> str:
    return _fill(lambda i: SEED.replace("\n", " "), size)


SHAPES: dict[str, Shape] = {
    "news": lambda size: _fill(lambda i: SEED + "\n", size),
    "one-line": _one_line,
    "trailing-spaces": _run_after_article(" "),
    "blank-lines": _run_after_article("\n"),
    "hyphens": _run_after_article("-"),
    "dots": _run_after_article("."),
    "apostrophes": _run_after_article("'"),
    "glued-sentences": _run_after_article("said.Officials"),
    "dotted-numbers": _run_after_article("a.1"),
    "exclamations": _run_after_article("Wow! "),
    "abbreviations": _run_after_article("Mr. "),
    "em-dashes": _run_after_article("—"),
    "emoji": _run_after_article("😀"),
    "zero-width-joiners": _run_after_article("\u200d"),
    "combining-marks": _run_after_article("e\u0301"[1]),
    "less-than": _run_after_article("<"),
    "long-word": _long_word(string.ascii_lowercase),
    "base64": _long_word(string.ascii_letters + string.digits + "+/"),
    "capitalised-words": _distinct_words(True),
    "lowercase-non-words": _distinct_words(False),
    "name-variants": _name_variants,
    "suppressions": _suppressions,
    "mojibake": _run_after_article("The Potterâ€™s cafÃ© was donât.\n"),
    "mojibake-line": _run_after_article("Ã© "),
    "open-tags": _run_after_article("<b>"),
    "nested-blocks": _run_after_article("<div>"),
    "entities": _run_after_article("&amp;"),
    "brackets": _run_after_article("["),
    "asterisks": _run_after_article("*a"),
    "quotes": _run_after_article("> "),
}


def _per_doubling(times: list[float], sizes: tuple[int, ...]) -> float:
    """How much the time grows when the size doubles, from the two largest sizes measured."""
    if len(times) < 2:
        return float("nan")
    grown = max(times[-1], 1e-3) / max(times[-2], 1e-3)
    return grown ** (math.log(2) / math.log(sizes[len(times) - 1] / sizes[len(times) - 2]))


def measure(linter: object, text: str, fmt: str) -> float:
    started = time.process_time()
    linter.check(text, format=fmt)  # type: ignore[attr-defined]
    return time.process_time() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="sizes up to 200 KB only")
    parser.add_argument("--shapes", help="comma-separated shapes (default: all): " + ", ".join(SHAPES))
    parser.add_argument("--formats", default=",".join(FORMATS), help="comma-separated input formats")
    parser.add_argument("--max-size", type=int, help="largest size in KB")
    parser.add_argument("--budget", type=float, default=30.0, help="seconds after which a shape stops growing")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from copylint import Config, Linter

    sizes = QUICK_SIZES if args.quick else SIZES
    if args.max_size:
        sizes = tuple(s for s in SIZES if s <= args.max_size * KB)
    shapes = args.shapes.split(",") if args.shapes else list(SHAPES)
    unknown = [s for s in shapes if s not in SHAPES]
    if unknown:
        parser.error(f"unknown shape {unknown[0]!r} (known: {', '.join(SHAPES)})")
    linter = Linter(Config(), max_input_size=max(sizes) + 1)
    linter.warm_up(SEED, freeze_gc=False)
    print(f"{'shape':<22}{'format':<10}" + "".join(f"{s // KB:>8}K" for s in sizes) + f"{'ratio':>8}  verdict")
    failures = 0
    for shape in shapes:
        for fmt in args.formats.split(","):
            times: list[float] = []
            for size in sizes:
                if times and times[-1] > args.budget:
                    break
                times.append(measure(linter, SHAPES[shape](size), fmt))
            ratio = _per_doubling(times, sizes)
            complete = len(times) == len(sizes)
            ok = complete and ratio <= MAX_RATIO and (sizes[-1] < 2000 * KB or times[-1] < MAX_SECONDS_AT_2MB)
            # tiny times are all noise: a check under 50 ms at the largest size passes whatever its ratio
            ok = ok or (complete and times[-1] < 0.05)
            failures += not ok
            cells = "".join(f"{t:>9.3f}" for t in times) + " " * 9 * (len(sizes) - len(times))
            print(f"{shape:<22}{fmt:<10}{cells}{ratio:>8.2f}  {'ok' if ok else 'SLOW'}", flush=True)
    print(f"\n{failures} shape/format pairs failed (ratio at the two largest sizes > {MAX_RATIO}, or "
          f"{MAX_SECONDS_AT_2MB:g} s or more at 2 MB)" if failures else "\nevery shape is linear")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
