"""Checking many files: discovery, per-file configuration, one Linter per configuration.

Shared by the ``check`` and ``fix`` commands (and anything else that works on paths).
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from copylint import readers
from copylint.app.linters import Linters
from copylint.app.sources import file_kind, read_source
from copylint.core.config import Config, ConfigFinder, check_codes, load_config_file
from copylint.core.errors import ConfigError, CopylintError, InputError, UsageError, did_you_mean
from copylint.core.finding import Finding
from copylint.engine.linter import Linter
from copylint.engine.registry import all_rules, rule_options

SKIP_DIRS = frozenset({".git", "node_modules", "__pycache__", ".venv", "venv", ".tox"})


def discover(paths: list[str], skipped: list[str] | None = None) -> Iterator[str]:
    """Files named, plus files with a known extension under named folders (sorted, hidden skipped).
    A FIFO, socket or device found in a folder is left out (reading it could block or never end),
    with a message in ``skipped``; one named on the command line is reported when it is read."""
    exts = readers.file_extensions()
    for p in paths:
        if p == "-" or not os.path.isdir(p):
            yield p
            continue
        for root, dirs, files in os.walk(p):
            dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in SKIP_DIRS)
            for name in sorted(files):
                if not name.startswith(".") and name.lower().endswith(exts):
                    path = os.path.join(root, name)
                    try:
                        kind = file_kind(os.stat(path).st_mode)
                    except OSError:
                        kind = ""  # a broken link: reading it says why
                    if not kind:
                        yield path
                    elif skipped is not None:
                        skipped.append(f"{path}: skipped, it is {kind}, not a file")


def jobs_count(value: str) -> int:
    """``--jobs``: a whole number, 0 or more (0: one process per core; the default, no ``--jobs``,
    picks by input size: :func:`auto_jobs`)."""
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if n < 0:
        raise argparse.ArgumentTypeError(f"{value} is negative (0 means one per core)")
    return n


def add_selection_arguments(p: argparse.ArgumentParser) -> None:
    """Options that choose configuration and rules (shared by check and fix)."""
    p.add_argument("paths", nargs="*", default=["."], metavar="PATH",
                   help="files or folders to check; - reads standard input (default: .)")
    add_config_arguments(p)
    p.add_argument("--format-in", choices=None, metavar="FORMAT",
                   help="read every input as this format (text, markdown, html) instead of by extension")
    p.add_argument("--stdin-filename", metavar="PATH",
                   help="name to report, and to pick format and config by, for standard input")


def add_config_arguments(p: argparse.ArgumentParser) -> None:
    """The configuration file and the command-line overrides of it (what :func:`config_finder` reads)."""
    p.add_argument("--config", metavar="FILE", help="use this config file (.copylint.toml or pyproject.toml)")
    p.add_argument("--isolated", action="store_true", help="ignore every config file")
    p.add_argument("--select", metavar="CODES", help="comma-separated codes or prefixes to run (replaces config)")
    p.add_argument("--extend-select", metavar="CODES", help="codes or prefixes to run in addition")
    p.add_argument("--ignore", metavar="CODES", help="codes or prefixes never to run")
    p.add_argument("--dialect", choices=["any", "en-GB", "en-US"], help="accepted English spellings")
    p.add_argument("--scope", choices=["body", "page"],
                   help="HTML pages: check the article body only (default) or the whole page")
    p.add_argument("--word-list", action="append", default=[], metavar="FILE",
                   help="extra accepted words, one per line (repeatable)")
    p.add_argument("--pack", action="append", default=[], metavar="PACK",
                   help="extra rule pack: a TOML file or a built-in pack's name (repeatable)")
    p.add_argument("--option", action="append", default=[], metavar="KEY=VALUE",
                   help="set a rule option (value parsed as TOML, else a string)")
    p.add_argument("--max-input-size", type=int, metavar="N",
                   help="the longest input checked, in characters (default: 10,000,000)")


def _codes(value: str | None, option: str) -> tuple[str, ...] | None:
    if value is None:
        return None
    codes = tuple(c.strip() for c in value.split(",") if c.strip())

    def fail(key: str, message: str) -> UsageError:
        return UsageError(f"{key}: {message}")

    check_codes(codes, option, fail, all_rules())
    return codes


def _parse_option(item: str, known: dict[str, Any]) -> tuple[str, Any]:
    import tomllib

    key, sep, raw = item.partition("=")
    key = key.strip()
    if not sep or not key:
        raise UsageError(f"--option: {item!r} is not KEY=VALUE")
    if key not in known:
        raise UsageError(f"--option: {key!r} is no rule's option{did_you_mean(key, known)} "
                         "(`copylint rules --options` lists them)")
    try:
        value = tomllib.loads(f"v = {raw}")["v"]
    except tomllib.TOMLDecodeError:
        value = raw
    return key, value


def check_format_in(format_in: str | None) -> None:
    """Refuse an unknown ``--format-in`` before any file is read."""
    known = readers.formats()
    if format_in is not None and format_in not in known:
        raise UsageError(f"--format-in: unknown input format {format_in!r} (known: {', '.join(sorted(known))})"
                         f"{did_you_mean(format_in, known)}")


def config_finder(args: argparse.Namespace, extra: dict[str, Any] | None = None) -> ConfigFinder:
    """Config lookup for the paths in ``args``, with command-line overrides applied on top."""
    check_format_in(args.format_in)
    known_options = rule_options()
    known_codes = tuple(all_rules())
    explicit: Config | None = None
    if args.config:
        explicit = load_config_file(args.config, known_options, known_codes) or Config(source=args.config)
    if args.max_input_size is not None and args.max_input_size <= 0:
        raise UsageError(f"--max-input-size: must be a positive number of characters, not {args.max_input_size}")
    overrides: dict[str, Any] = {
        "select": _codes(args.select, "--select"),
        "extend_select": _codes(args.extend_select, "--extend-select"),
        "ignore": _codes(args.ignore, "--ignore"),
        "dialect": args.dialect,
        "scope": args.scope,
        "words": tuple(os.path.abspath(w) for w in args.word_list) or None,
        "packs": tuple(os.path.abspath(p) if os.path.exists(p) else p for p in args.pack) or None,
        "options": dict(_parse_option(o, known_options) for o in args.option) or None,
        "max_input_size": args.max_input_size,
    }
    overrides.update(extra or {})
    return ConfigFinder(known_options, explicit, isolated=args.isolated, overrides=overrides,
                        known_codes=known_codes)


#: ``--jobs`` by default (``auto``): worker processes only for at least this many characters of input
#: in all. A worker is forked from the runner's own process after it has checked the first file, so it
#: starts with the dictionaries loaded (shared copy-on-write) instead of loading them again; what it
#: still pays again is the per-word caches (every word a worker meets for the first time is judged
#: anew) and sending its findings back. Measured on the 2-core machine (benchmarks/throughput.py,
#: news-dev): below a few megabytes that costs more CPU than the second core saves in wall time.
AUTO_PARALLEL_MIN_CHARS = 4_000_000
#: With forked workers, the runner's process first checks one file in this many by itself: the
#: workers then start with its per-word caches, which hold most of the words the rest will use
#: (measured: with no prefix, two workers spend 8-11% more CPU than one process on news-dev,
#: judging the same words twice; with a tenth, 4-5%).
SERIAL_PREFIX = 10
#: Fewer files than this are checked in one process, whatever ``--jobs`` says: starting workers
#: would cost more than it saves.
PARALLEL_MIN_FILES = 64


def auto_jobs(paths: list[str]) -> int:
    """The default ``--jobs``: one process per core when the files hold at least
    :data:`AUTO_PARALLEL_MIN_CHARS` characters (their size on disk, an upper bound), else one."""
    total = 0
    for path in paths:
        try:
            total += os.stat(path).st_size if path != "-" else 0
        except OSError:
            continue  # reading it will say why
        if total >= AUTO_PARALLEL_MIN_CHARS:
            return os.cpu_count() or 1
    return 1


@dataclass
class FileResult:
    path: str
    source: str | None = None
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None
    #: notices raised while checking (set by worker processes)
    notices: list[str] = field(default_factory=list)
    #: how the file is encoded (a fixed file is written back the same way)
    encoding: str = "utf-8"
    #: read from standard input (whatever name ``--stdin-filename`` gives it)
    from_stdin: bool = False


_worker: Runner | None = None


def _start_worker(finder: ConfigFinder, format_in: str | None, linters: Linters | None = None) -> None:
    """Set up a worker process; a forked one is given the parent's ``linters``, whose rules already
    hold the loaded data."""
    global _worker
    _worker = Runner(finder, format_in)
    if linters is not None:
        _worker._linters = linters


def _check_in_worker(path: str) -> FileResult:
    assert _worker is not None
    result = _worker.check_file(path)
    result.notices = _worker.notices()
    return result


def _fork_context() -> Any:
    """The ``fork`` start method where it exists and is safe (no other thread running, which a
    forked child would find holding its locks), else None (the platform's default)."""
    import multiprocessing
    import threading

    if "fork" not in multiprocessing.get_all_start_methods() or threading.active_count() > 1:
        return None
    return multiprocessing.get_context("fork")


class Runner:
    """Checks files one by one, each with the config that applies to it."""

    def __init__(self, finder: ConfigFinder, format_in: str | None = None,
                 stdin_filename: str | None = None) -> None:
        self.finder = finder
        self.format_in = format_in
        self.stdin_filename = stdin_filename
        self._linters = Linters()
        self._worker_notices: list[str] = []
        #: files left out of folders, with why (filled by :func:`discover`)
        self.skipped: list[str] = []

    def linter_for(self, config: Config) -> Linter:
        return self._linters.for_config(config)

    def check_file(self, path: str) -> FileResult:
        shown = (self.stdin_filename or "-") if path == "-" else path
        stdin = path == "-"
        config = self.finder.for_path(shown)
        try:
            source = read_source(path, config.max_input_size)
        except InputError as exc:
            return FileResult(shown, error=f"{shown}: {exc.message}", from_stdin=stdin)
        fmt = self.format_in or readers.format_for_path(shown)
        try:
            findings = self.linter_for(config).check(source.text, format=fmt, path=shown)
        except ConfigError:
            raise
        except CopylintError as exc:
            return FileResult(shown, source.text, error=str(exc), encoding=source.encoding, from_stdin=stdin)
        return FileResult(shown, source.text, findings, encoding=source.encoding, from_stdin=stdin)

    def run(self, paths: list[str], progress: Callable[[int], None] | None = None,
            jobs: int | None = 1) -> Iterator[FileResult]:
        """Results in the order of ``paths``; with ``jobs`` > 1, files are spread over processes (at
        most one per core, and never more than there are files); ``jobs`` None picks by input size
        (:func:`auto_jobs`)."""
        if jobs is None:
            jobs = auto_jobs(paths)
        jobs = min(jobs, os.cpu_count() or 1, len(paths))
        parallel = jobs > 1 and len(paths) >= PARALLEL_MIN_FILES and "-" not in paths
        if parallel and _fork_context() is not None:
            # a tenth here first: forked workers inherit what it loaded and learnt
            prefix = max(1, len(paths) // SERIAL_PREFIX)
            for path in paths[:prefix]:
                yield self.check_file(path)
                if progress:
                    progress(1)
            paths = paths[prefix:]
        if parallel:
            yield from self._run_parallel(paths, progress, jobs)
            return
        for path in paths:
            yield self.check_file(path)
            if progress:
                progress(1)

    def _run_parallel(self, paths: list[str], progress: Callable[[int], None] | None,
                      jobs: int) -> Iterator[FileResult]:
        import gc
        from concurrent.futures import ProcessPoolExecutor

        context = _fork_context()  # again: checking the first files may have started a thread
        chunk = max(1, min(32, len(paths) // (jobs * 8)))
        initargs: tuple = (self.finder, self.format_in)
        if context is not None:
            initargs += (self._linters,)  # not pickled: a forked child has it already
            gc.freeze()  # the collector then leaves the inherited objects' pages unwritten (shared)
        try:
            with ProcessPoolExecutor(jobs, mp_context=context, initializer=_start_worker,
                                     initargs=initargs) as pool:
                for result in pool.map(_check_in_worker, paths, chunksize=chunk):
                    self._worker_notices.extend(n for n in result.notices if n not in self._worker_notices)
                    yield result
                    if progress:
                        progress(1)
        finally:
            if context is not None:
                gc.unfreeze()

    def notices(self) -> list[str]:
        seen: list[str] = [*self.skipped, *self._worker_notices]
        for linter in self._linters.all():
            for n in linter.notices:
                if n not in seen:
                    seen.append(n)
        return seen

    def close(self) -> None:
        self._linters.close()
