"""Command-line options shared by ``audit`` and ``learn``: which export, which columns, which engine."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from copylint.app.audit.engines import ENGINES
from copylint.app.audit.sources import Columns

#: rows per partition unless --partition-size says otherwise
DEFAULT_PARTITION_SIZE = 500


def add_source_arguments(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("source (a folder of files, or a .jsonl/.csv/.tsv export, maybe .gz/.bz2/.xz, "
                             "or .parquet)")
    g.add_argument("--id", default="id", metavar="COLUMN", help="column holding the article's id (default: id)")
    g.add_argument("--text", default="text", metavar="COLUMN", help="column holding the article (default: text)")
    g.add_argument("--format-column", metavar="COLUMN", help="column naming each article's format (text, markdown, "
                   "html)")
    g.add_argument("--format-in", metavar="FORMAT", help="read every article as this format (default: text for "
                   "exports, by extension for folders)")
    for name in ("date", "section", "author", "url"):
        g.add_argument(f"--{name}", metavar="COLUMN", help=f"column holding the article's {name}")


def add_engine_arguments(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("engine")
    g.add_argument("--engine", choices=ENGINES, default="local",
                   help="local: processes on this machine (default); dask: a Dask cluster (local unless --scheduler)")
    g.add_argument("--scheduler", metavar="ADDRESS", help="an existing Dask scheduler (tcp://host:8786); implies "
                   "--engine dask")
    g.add_argument("--jobs", "-j", type=int, default=0, metavar="N",
                   help="worker processes for the local engines (default 0: one per core)")
    g.add_argument("--partition-size", type=int, default=DEFAULT_PARTITION_SIZE, metavar="ROWS",
                   help=f"rows per partition (default {DEFAULT_PARTITION_SIZE})")


def columns_from_args(args: argparse.Namespace) -> Columns:
    """The export's columns, as the source options name them."""
    return Columns(id=args.id, text=args.text, format=args.format_column, date=args.date,
                   section=args.section, author=args.author, url=args.url)


@contextmanager
def progress_bar(what: str, total_rows: Callable[[], int | None]) -> Iterator[Callable[[int], None] | None]:
    """A progress bar with an ETA on a terminal (rows read and checked), nothing otherwise."""
    if not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TextColumn("rows"),
                  TimeRemainingColumn(), console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task(what, total=total_rows())
        yield lambda rows: progress.advance(task, rows)
