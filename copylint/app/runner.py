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
from copylint.app.sources import read_source
from copylint.core.config import Config, ConfigFinder, load_config_file
from copylint.core.errors import ConfigError, CopylintError, InputError
from copylint.core.finding import Finding
from copylint.engine.linter import Linter
from copylint.engine.registry import rule_options

SKIP_DIRS = frozenset({".git", "node_modules", "__pycache__", ".venv", "venv", ".tox"})


def discover(paths: list[str]) -> Iterator[str]:
    """Files named, plus files with a known extension under named folders (sorted, hidden skipped)."""
    exts = readers.file_extensions()
    for p in paths:
        if p == "-" or not os.path.isdir(p):
            yield p
            continue
        for root, dirs, files in os.walk(p):
            dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in SKIP_DIRS)
            for name in sorted(files):
                if not name.startswith(".") and name.lower().endswith(exts):
                    yield os.path.join(root, name)


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


def _codes(value: str | None) -> tuple[str, ...] | None:
    if value is None:
        return None
    return tuple(c.strip() for c in value.split(",") if c.strip())


def _parse_option(item: str) -> tuple[str, Any]:
    import tomllib

    key, sep, raw = item.partition("=")
    if not sep or not key.strip():
        raise ConfigError("--option", f"{item!r} is not KEY=VALUE")
    try:
        value = tomllib.loads(f"v = {raw}")["v"]
    except tomllib.TOMLDecodeError:
        value = raw
    return key.strip(), value


def config_finder(args: argparse.Namespace, extra: dict[str, Any] | None = None) -> ConfigFinder:
    """Config lookup for the paths in ``args``, with command-line overrides applied on top."""
    explicit: Config | None = None
    if args.config:
        explicit = load_config_file(args.config, rule_options()) or Config(source=args.config)
    overrides: dict[str, Any] = {
        "select": _codes(args.select),
        "extend_select": _codes(args.extend_select),
        "ignore": _codes(args.ignore),
        "dialect": args.dialect,
        "scope": args.scope,
        "words": tuple(os.path.abspath(w) for w in args.word_list) or None,
        "packs": tuple(os.path.abspath(p) if os.path.exists(p) else p for p in args.pack) or None,
        "options": dict(_parse_option(o) for o in args.option) or None,
    }
    overrides.update(extra or {})
    return ConfigFinder(rule_options(), explicit, isolated=args.isolated, overrides=overrides)


#: Fewer files than this are checked in one process: starting workers would cost more than it saves.
PARALLEL_MIN_FILES = 64


@dataclass
class FileResult:
    path: str
    source: str | None = None
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None
    #: notices raised while checking (set by worker processes)
    notices: list[str] = field(default_factory=list)


_worker: Runner | None = None


def _start_worker(finder: ConfigFinder, format_in: str | None) -> None:
    global _worker
    _worker = Runner(finder, format_in)


def _check_in_worker(path: str) -> FileResult:
    assert _worker is not None
    result = _worker.check_file(path)
    result.notices = _worker.notices()
    return result


class Runner:
    """Checks files one by one, each with the config that applies to it."""

    def __init__(self, finder: ConfigFinder, format_in: str | None = None,
                 stdin_filename: str | None = None) -> None:
        self.finder = finder
        self.format_in = format_in
        self.stdin_filename = stdin_filename
        self._linters = Linters()
        self._worker_notices: list[str] = []

    def linter_for(self, config: Config) -> Linter:
        return self._linters.for_config(config)

    def check_file(self, path: str) -> FileResult:
        shown = (self.stdin_filename or "-") if path == "-" else path
        try:
            source = read_source(path)
        except InputError as exc:
            return FileResult(shown, error=str(exc))
        config = self.finder.for_path(shown)
        fmt = self.format_in or readers.format_for_path(shown)
        try:
            findings = self.linter_for(config).check(source, format=fmt, path=shown)
        except ConfigError:
            raise
        except CopylintError as exc:
            return FileResult(shown, source, error=str(exc))
        return FileResult(shown, source, findings)

    def run(self, paths: list[str], progress: Callable[[int], None] | None = None,
            jobs: int = 1) -> Iterator[FileResult]:
        """Results in the order of ``paths``; with ``jobs`` > 1, files are spread over processes."""
        if jobs > 1 and len(paths) >= PARALLEL_MIN_FILES and "-" not in paths:
            yield from self._run_parallel(paths, progress, jobs)
            return
        for path in paths:
            yield self.check_file(path)
            if progress:
                progress(1)

    def _run_parallel(self, paths: list[str], progress: Callable[[int], None] | None,
                      jobs: int) -> Iterator[FileResult]:
        from concurrent.futures import ProcessPoolExecutor

        chunk = max(1, min(32, len(paths) // (jobs * 8)))
        with ProcessPoolExecutor(jobs, initializer=_start_worker,
                                 initargs=(self.finder, self.format_in)) as pool:
            for result in pool.map(_check_in_worker, paths, chunksize=chunk):
                self._worker_notices.extend(n for n in result.notices if n not in self._worker_notices)
                yield result
                if progress:
                    progress(1)

    def notices(self) -> list[str]:
        seen: list[str] = list(self._worker_notices)
        for linter in self._linters.all():
            for n in linter.notices:
                if n not in seen:
                    seen.append(n)
        return seen

    def close(self) -> None:
        self._linters.close()
