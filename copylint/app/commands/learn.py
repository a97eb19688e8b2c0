"""Learn a site's boilerplate: write a pack of the lines that recur across many of its articles.

    copylint learn articles/planet/ --out rules/site-planet.toml
    copylint learn planet.jsonl.gz --text body --out rules/site-planet.toml --engine dask

Reads the same sources as ``copylint audit`` (folders and article files, JSONL, CSV/TSV, Parquet)
on the same engines (local processes, or Dask with --engine dask / --scheduler). The pack is off
by default: review it (delete anything that is real copy), then enable it with
``packs = ["rules/site-planet.toml"]`` in ``[tool.copylint]``. Each entry records in how many of the
articles it was found.
"""

from __future__ import annotations

import argparse
import itertools
import os
import sys

from copylint.app.audit.engines import open_engine
from copylint.app.audit.options import add_engine_arguments, add_source_arguments, columns_from_args, progress_bar
from copylint.app.audit.partition import count_lines
from copylint.app.audit.sources import Source, open_source, partitions
from copylint.app.runner import check_format_in
from copylint.checks.boilerplate.learn import LineCounter, default_min_documents, pack_text
from copylint.core.errors import CopylintError

NAME = "learn"
HELP = "learn a site's recurring boilerplate lines into a rule pack"
ORDER = 40
#: bad rows printed one by one (the rest are counted)
SHOWN_BAD_ROWS = 20


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="+", metavar="SOURCE",
                   help="articles from one source: files or folders, or a JSONL, CSV/TSV or Parquet export")
    p.add_argument("--out", required=True, metavar="FILE", help="the pack to write, e.g. rules/site-NAME.toml")
    p.add_argument("--min-docs", type=int, metavar="N",
                   help="keep lines found in at least N articles (default: 5%% of them, at least 3)")
    p.add_argument("--max-words", type=int, default=25, metavar="N",
                   help="ignore lines longer than N words (default: 25)")
    add_source_arguments(p)
    add_engine_arguments(p)


def run(args: argparse.Namespace) -> int:
    check_format_in(args.format_in)
    if os.path.isdir(args.out):
        print(f"copylint: error: --out {args.out}: is a folder; name the pack file to write "
              "(e.g. rules/site-NAME.toml)", file=sys.stderr)
        return 2
    if args.partition_size < 1:
        raise CopylintError("--partition-size must be at least 1")
    columns = columns_from_args(args)
    sources = [open_source(p, columns, args.format_in) for p in args.paths]
    counter = LineCounter(max_words=args.max_words)
    bad_rows = 0
    engine = open_engine(args.engine, args.jobs, args.scheduler)
    try:
        with progress_bar("reading articles", lambda: _total(sources)) as advance:
            rows = itertools.chain.from_iterable(s.rows() for s in sources)
            waiting: dict[int, LineCounter] = {}  # merged in partition order, so the examples are the first
            next_index = 0
            for index, part, bad in engine.map(count_lines, partitions(rows, args.partition_size), args.max_words):
                for row in bad:
                    if bad_rows < SHOWN_BAD_ROWS:
                        print(f"copylint: bad row: {row.where}: {row.reason}", file=sys.stderr)
                    bad_rows += 1
                waiting[index] = part
                while next_index in waiting:
                    counter.merge(waiting.pop(next_index))
                    next_index += 1
                if advance:
                    advance(part.documents + len(bad))
    finally:
        engine.close()
    if bad_rows > SHOWN_BAD_ROWS:
        print(f"copylint: ... and {bad_rows - SHOWN_BAD_ROWS} more bad rows", file=sys.stderr)
    if counter.documents == 0:
        print("copylint: error: no articles read", file=sys.stderr)
        return 2
    min_docs = args.min_docs or default_min_documents(counter.documents)
    rows_found = counter.recurring(min_docs)
    source = ", ".join(os.path.basename(os.path.normpath(p)) for p in args.paths)
    folder = os.path.dirname(os.path.abspath(args.out))
    try:
        os.makedirs(folder, exist_ok=True)
        with open(args.out, "w", encoding="utf-8") as f:
            f.write(pack_text(rows_found, counter.documents, source))
    except OSError as exc:
        print(f"copylint: error: --out {args.out}: cannot write: {exc.strerror or exc}", file=sys.stderr)
        return 2
    print(f"copylint: {len(rows_found)} lines recur in at least {min_docs} of {counter.documents} articles; "
          f"wrote {args.out} (off by default: review it, then add it to `packs`)", file=sys.stderr)
    return 0


def _total(sources: list[Source]) -> int | None:
    counts = [s.estimated_rows() for s in sources]
    return None if None in counts else sum(c or 0 for c in counts)
