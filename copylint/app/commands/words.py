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

from copylint.app.wordlists import DEFAULT_FILE, add_words, configured_word_lists, word_problem
from copylint.core.config import ConfigFinder
from copylint.core.errors import CopylintError
from copylint.engine.registry import rule_options

NAME = "words"
HELP = "add words to a word list the spelling rules accept"
ORDER = 50


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
    configured = configured_word_lists(config)
    target = os.path.abspath(args.to) if args.to else (configured[0] if configured else
                                                       os.path.abspath(DEFAULT_FILE))
    problems = [p for p in map(word_problem, args.words) if p]
    if problems:
        print(f"copylint: error: {problems[0]}", file=sys.stderr)
        return 2
    shown = os.path.relpath(target)
    try:
        new = add_words(target, args.words)
    except CopylintError as exc:
        print(f"copylint: error: {exc}", file=sys.stderr)
        return 2
    except IsADirectoryError:
        print(f"copylint: error: {shown}: is a folder; --to names a word-list file", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"copylint: error: {shown}: cannot write: {exc.strerror or exc}", file=sys.stderr)
        return 2
    print(f"added {len(new)} word(s) to {shown}" + (f" ({len(args.words) - len(new)} already there)"
                                                     if len(new) < len(args.words) else ""))
    if target not in configured:
        print(f'note: {shown} is not in your config; add  words = ["{shown}"]  to [tool.copylint]')
    return 0
