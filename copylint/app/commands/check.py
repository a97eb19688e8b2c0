"""Check files for typos, inconsistent names, leftover boilerplate and (optionally) grammar.

Exit status: 0 nothing found, 1 findings, 2 usage, configuration or input errors.
"""

from __future__ import annotations

import argparse
import os
import sys

from copylint.app.baseline import filter_baseline, load_baseline, write_baseline
from copylint.app.runner import FileResult, Runner, add_selection_arguments, config_finder, discover, jobs_count
from copylint.core.finding import Finding
from copylint.report import FORMATS, ReportContext

NAME = "check"
HELP = "check files and report findings"
ORDER = 10
#: Show a progress bar (on a terminal) when checking at least this many files.
PROGRESS_MIN_FILES = 20


def add_arguments(p: argparse.ArgumentParser) -> None:
    add_selection_arguments(p)
    p.add_argument("--format", choices=FORMATS, default="rich", help="output format (default: rich)")
    p.add_argument("--statistics", action="store_true", help="print counts by rule instead of findings")
    p.add_argument("--exit-zero", action="store_true", help="exit 0 even when there are findings")
    p.add_argument("--baseline", metavar="FILE", help="do not report findings recorded in this baseline")
    p.add_argument("--write-baseline", metavar="FILE", help="record every current finding in FILE and exit 0")
    p.add_argument("--grammar", action="store_true", help="also run the grammar rules (needs LanguageTool)")
    p.add_argument("--require-grammar", action="store_true",
                   help="with --grammar: exit 2 when LanguageTool is unavailable")
    p.add_argument("--jobs", "-j", type=jobs_count, default=None, metavar="N",
                   help="processes for many files (0: one per core; default: one per core for a few "
                        "megabytes of input or more, else one; never more than the cores or the files; "
                        "output order is unchanged)")


def collect(args: argparse.Namespace, extra: dict | None = None) -> tuple[list[FileResult], Runner]:
    """Check every path in ``args``; results in discovery order. Files skipped in folders (FIFOs,
    sockets, devices) are notices of the runner."""
    finder = config_finder(args, extra)
    runner = Runner(finder, args.format_in, args.stdin_filename)
    paths = list(discover(args.paths, runner.skipped))
    results: list[FileResult] = []
    missing = [p for p in paths if p != "-" and not os.path.exists(p)]
    for p in missing:
        results.append(FileResult(p, error=f"{p}: no such file or folder"))
    paths = [p for p in paths if p not in missing]
    jobs = None if args.jobs is None else args.jobs or (os.cpu_count() or 1)
    if len(paths) >= PROGRESS_MIN_FILES and sys.stderr.isatty() and args.format in ("rich", "text"):
        from rich.progress import Progress

        with Progress(transient=True) as progress:
            task = progress.add_task("checking", total=len(paths))
            results.extend(runner.run(paths, lambda n: progress.advance(task, n), jobs=jobs))
    else:
        results.extend(runner.run(paths, jobs=jobs))
    return results, runner


def run(args: argparse.Namespace) -> int:
    extra = {"extend_select": ("CL4",)} if args.grammar or args.require_grammar else None
    results, runner = collect(args, extra)
    try:
        sources = {r.path: r.source for r in results if r.source is not None}
        findings: list[Finding] = [f for r in results for f in r.findings]
        errors = [r.error for r in results if r.error]
        notices = runner.notices()
        if args.write_baseline:
            write_baseline(args.write_baseline, findings, sources)
            print(f"copylint: wrote {len(findings)} findings to baseline {args.write_baseline}", file=sys.stderr)
            for e in errors:
                print(f"copylint: error: {e}", file=sys.stderr)
            return 2 if errors else 0
        if args.baseline:
            findings = filter_baseline(findings, load_baseline(args.baseline), sources)
        render(args, findings, ReportContext(sources, len(results) - len(errors), len(errors)))
        for n in notices:
            print(f"copylint: notice: {n}", file=sys.stderr)
        for e in errors:
            print(f"copylint: error: {e}", file=sys.stderr)
    finally:
        runner.close()
    if errors or (args.require_grammar and any("LanguageTool" in n for n in notices)):
        return 2
    return 1 if findings and not args.exit_zero else 0


def render(args: argparse.Namespace, findings: list[Finding], context: ReportContext) -> None:
    fmt = args.format
    plain = fmt == "text" or (fmt == "rich" and (not sys.stdout.isatty() or "NO_COLOR" in os.environ))
    if plain or (args.statistics and fmt != "rich"):
        from copylint.report import text

        text.render(findings, context, sys.stdout, statistics=args.statistics)
        return
    if fmt == "rich":
        from rich.console import Console

        from copylint.report import console

        console.render(findings, context, Console(highlight=False), statistics=args.statistics)
        return
    if fmt == "json":
        from copylint.report.json_report import render as render_fmt
    elif fmt == "sarif":
        from copylint.report.sarif import render as render_fmt
    else:
        from copylint.report.github import render as render_fmt
    sys.stdout.write(render_fmt(findings, context))
