"""Apply the fixes of findings to files: safe fixes, and unsafe ones too with --unsafe-fixes.

Each file is checked and fixed again until no fix applies (running fix twice changes nothing the
second time), then replaced atomically, unless it changed on disk since it was read. The findings
that remain are reported like `check` does. Standard input (-) is fixed to standard output.
Exit status: 0 nothing remains, 1 findings remain (with --diff: something would change),
2 usage, configuration, input or write errors.
"""

from __future__ import annotations

import argparse
import difflib
import sys

from copylint import readers
from copylint.app.commands.check import collect, render
from copylint.app.files import write_atomic
from copylint.app.runner import FileResult, Runner, add_selection_arguments, jobs_count
from copylint.app.sources import Source
from copylint.core.edits import is_fixable
from copylint.core.errors import ConfigError, CopylintError
from copylint.core.finding import Finding
from copylint.engine.fixing import FixOutcome, fix_source
from copylint.report import FORMATS, ReportContext

NAME = "fix"
HELP = "apply the fixes of findings to files (or show them as a diff)"
ORDER = 20


def add_arguments(p: argparse.ArgumentParser) -> None:
    add_selection_arguments(p)
    p.add_argument("--unsafe-fixes", action="store_true",
                   help="also apply fixes marked unsafe (they may change meaning; review the result)")
    p.add_argument("--diff", action="store_true",
                   help="print a unified diff of the fixes instead of writing files")
    p.add_argument("--format", choices=FORMATS, default="rich",
                   help="how to report the findings that remain (default: rich)")
    p.add_argument("--jobs", "-j", type=jobs_count, default=None, metavar="N",
                   help="processes for the first check of many files (0: one per core; default: by "
                        "input size, as for check)")
    p.set_defaults(statistics=False)


def _fix(runner: Runner, result: FileResult, unsafe: bool) -> FixOutcome:
    assert result.source is not None
    linter = runner.linter_for(runner.finder.for_path(result.path))
    fmt = runner.format_in or readers.format_for_path(result.path)
    return fix_source(linter, result.source, format=fmt, path=result.path, unsafe=unsafe,
                      findings=result.findings)


def _diff(path: str, before: str, after: str) -> str:
    return "".join(difflib.unified_diff(before.splitlines(keepends=True), after.splitlines(keepends=True),
                                        fromfile=f"a/{path}", tofile=f"b/{path}"))


def run(args: argparse.Namespace) -> int:
    results, runner = collect(args)
    errors: list[str] = []
    remaining: list[Finding] = []
    sources: dict[str, str] = {}
    fixed = changed_files = failed = 0
    try:
        for result in results:
            if result.error or result.source is None:
                errors.append(result.error or f"{result.path}: not read")
                failed += 1
                continue
            try:
                outcome = _fix(runner, result, args.unsafe_fixes)
            except ConfigError:
                raise
            except CopylintError as exc:
                errors.append(str(exc))
                failed += 1
                continue
            if outcome.unsettled:
                errors.append(f"{result.path}: fixes kept changing the text; stopped (report this)")
            changed = outcome.text != result.source
            if args.diff:
                sys.stdout.write(_diff(result.path, result.source, outcome.text))
            elif result.from_stdin:
                sys.stdout.write(outcome.text)
            elif changed:
                try:
                    write_atomic(result.path, outcome.text, expected=Source(result.source, result.encoding))
                except CopylintError as exc:  # the file is left as it was; the others are still fixed
                    errors.append(str(exc))
                    sources[result.path] = result.source
                    remaining.extend(result.findings)
                    continue
            fixed += len(outcome.applied)
            changed_files += changed
            sources[result.path] = outcome.text
            remaining.extend(outcome.remaining)
        notices = runner.notices()
    finally:
        runner.close()
    if args.diff:
        _summary(f"{_count(fixed, 'fix', 'fixes')} would change {_count(changed_files, 'file')}", remaining,
                 args.unsafe_fixes)
    else:
        if "-" not in args.paths:
            render(args, remaining, ReportContext(sources, len(results) - failed, failed))
        _summary(f"fixed {_count(fixed, 'finding')} in {_count(changed_files, 'file')}, {len(remaining)} remaining",
                 remaining, args.unsafe_fixes)
    for n in notices:
        print(f"copylint: notice: {n}", file=sys.stderr)
    for e in errors:
        print(f"copylint: error: {e}", file=sys.stderr)
    if errors:
        return 2
    if args.diff:
        return 1 if changed_files else 0
    return 1 if remaining else 0


def _summary(message: str, remaining: list[Finding], unsafe: bool) -> None:
    hidden = sum(1 for f in remaining if not unsafe and is_fixable(f, unsafe=True) and not is_fixable(f))
    if hidden:
        message += f" ({hidden} more fixable with --unsafe-fixes)"
    print(f"copylint: {message}", file=sys.stderr)


def _count(n: int, singular: str, plural: str | None = None) -> str:
    return f"{n} {singular if n == 1 else plural or singular + 's'}"
