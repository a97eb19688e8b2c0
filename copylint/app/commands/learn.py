"""Learn a site's boilerplate: write a pack of the lines that recur across many of its articles.

    copylint learn articles/planet/ --out rules/site-planet.toml

The pack is off by default: review it (delete anything that is real copy), then enable it with
``packs = ["rules/site-planet.toml"]`` in ``[tool.copylint]``. Each entry records in how many of the
articles it was found.
"""

from __future__ import annotations

import argparse
import os
import sys

from copylint import readers
from copylint.app.runner import discover
from copylint.app.sources import read_source
from copylint.checks.boilerplate.learn import LineCounter, default_min_documents, pack_text
from copylint.core.errors import InputError

NAME = "learn"
HELP = "learn a site's recurring boilerplate lines into a rule pack"
ORDER = 40


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="+", metavar="PATH", help="articles from one source: files or folders")
    p.add_argument("--out", required=True, metavar="FILE", help="the pack to write, e.g. rules/site-NAME.toml")
    p.add_argument("--min-docs", type=int, metavar="N",
                   help="keep lines found in at least N articles (default: 5%% of them, at least 3)")
    p.add_argument("--max-words", type=int, default=25, metavar="N",
                   help="ignore lines longer than N words (default: 25)")
    p.add_argument("--format-in", metavar="FORMAT", help="read every input as this format (text, markdown, html)")


def run(args: argparse.Namespace) -> int:
    paths = list(discover(args.paths))
    missing = [p for p in paths if not os.path.exists(p)]
    if missing:
        print(f"copylint: error: {missing[0]}: no such file or folder", file=sys.stderr)
        return 2
    counter = LineCounter(max_words=args.max_words)
    problems: list[str] = []
    if sys.stderr.isatty():
        from rich.progress import Progress

        with Progress(transient=True) as progress:
            task = progress.add_task("reading articles", total=len(paths))
            for path in paths:
                _read(path, args.format_in, counter, problems)
                progress.advance(task)
    else:
        for path in paths:
            _read(path, args.format_in, counter, problems)
    for problem in problems:
        print(f"copylint: error: {problem}", file=sys.stderr)
    if counter.documents == 0:
        print("copylint: error: no articles read", file=sys.stderr)
        return 2
    min_docs = args.min_docs or default_min_documents(counter.documents)
    rows = counter.recurring(min_docs)
    source = ", ".join(os.path.basename(os.path.normpath(p)) for p in args.paths)
    folder = os.path.dirname(os.path.abspath(args.out))
    os.makedirs(folder, exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as f:
        f.write(pack_text(rows, counter.documents, source))
    print(f"copylint: {len(rows)} lines recur in at least {min_docs} of {counter.documents} articles; "
          f"wrote {args.out} (off by default: review it, then add it to `packs`)", file=sys.stderr)
    return 0


def _read(path: str, format_in: str | None, counter: LineCounter, problems: list[str]) -> None:
    try:
        source = read_source(path)
    except InputError as exc:
        problems.append(str(exc))
        return
    doc = readers.read(source, path, format_in or readers.format_for_path(path))
    counter.add(doc.prose)
