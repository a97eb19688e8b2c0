"""Add words to a word list, so the spelling rules accept them.

    copylint words add Zelenskyy Starmer            # to the first word list your config names
    copylint words add frontline --to house-words.txt

Write names with their capitals (``Zelenskyy``: accepted as Zelenskyy and ZELENSKYY) and common
words in lowercase (``frontline``: accepted as frontline, Frontline and FRONTLINE). A word already
in the file is not added twice. The file must be named in ``words = [...]`` in ``[tool.copylint]``
to take effect; the command says so when it is not.
"""

from __future__ import annotations

import argparse
import os
import sys

from copylint.core.config import ConfigFinder
from copylint.core.errors import CopylintError
from copylint.engine.registry import rule_options
from copylint.language.lexicon import read_word_file

NAME = "words"
HELP = "add words to a word list the spelling rules accept"
ORDER = 50
DEFAULT_FILE = "words.txt"


def add_arguments(p: argparse.ArgumentParser) -> None:
    sub = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    add = sub.add_parser("add", help="add words to a word list")
    add.add_argument("words", nargs="+", metavar="WORD", help="words to accept, as they should be written")
    add.add_argument("--to", metavar="FILE",
                     help=f"the word list to add to (default: the first in your config, else {DEFAULT_FILE})")


def run(args: argparse.Namespace) -> int:
    try:
        config = ConfigFinder(rule_options()).for_path(os.path.join(os.getcwd(), DEFAULT_FILE))
    except CopylintError as exc:
        print(f"copylint: error: {exc}", file=sys.stderr)
        return 2
    configured = [os.path.abspath(config.resolve(w)) for w in config.words]
    target = os.path.abspath(args.to) if args.to else (configured[0] if configured else
                                                       os.path.abspath(DEFAULT_FILE))
    bad = [w for w in args.words if not w.strip() or any(c.isspace() or c == "#" for c in w)]
    if bad:
        print(f"copylint: error: not a single word: {bad[0]!r}", file=sys.stderr)
        return 2
    present = set(read_word_file(target)) if os.path.exists(target) else set()
    new = [w for w in dict.fromkeys(args.words) if w not in present]
    if new:
        needs_newline = os.path.exists(target) and _ends_without_newline(target)
        with open(target, "a", encoding="utf-8") as f:
            f.write(("\n" if needs_newline else "") + "".join(w + "\n" for w in new))
    shown = os.path.relpath(target)
    print(f"added {len(new)} word(s) to {shown}" + (f" ({len(args.words) - len(new)} already there)"
                                                     if len(new) < len(args.words) else ""))
    if target not in configured:
        print(f'note: {shown} is not in your config; add  words = ["{shown}"]  to [tool.copylint]')
    return 0


def _ends_without_newline(path: str) -> bool:
    with open(path, "rb") as f:
        f.seek(0, os.SEEK_END)
        if f.tell() == 0:
            return False
        f.seek(-1, os.SEEK_END)
        return f.read(1) != b"\n"
