"""Audit a newsroom's archive: check every article and summarise what the archive holds.

    copylint audit export.jsonl.gz --out audit/ --date published --section desk --url link
    copylint audit archive/ --out audit/ --engine dask
    copylint audit export.parquet --out audit/ --scheduler tcp://scheduler:8786

Writes findings.parquet, articles.parquet, bad_rows.jsonl, summary.json and report.html in the
output folder, and keeps completed partitions in its partitions/ folder: an interrupted audit run
again with the same options resumes where it stopped. Needs the audit extra (pip install
'copylint[audit]'). Exit status: 0 when the audit was written (whatever it found), 2 on errors.
"""

from __future__ import annotations

import argparse
import sys
import time

from copylint.app.audit.extra import require
from copylint.app.audit.options import add_engine_arguments, add_source_arguments, columns_from_args, progress_bar
from copylint.app.audit.sources import open_source
from copylint.app.runner import add_config_arguments, config_finder
from copylint.core.errors import CopylintError

NAME = "audit"
HELP = "check a whole archive export and write findings tables, a summary and an HTML report"
ORDER = 45


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("source", metavar="SOURCE", help="a folder of articles, or a JSONL, CSV/TSV or Parquet export")
    p.add_argument("--out", required=True, metavar="DIR", help="folder for the outputs (created if missing)")
    add_source_arguments(p)
    add_engine_arguments(p)
    add_config_arguments(p)


def run(args: argparse.Namespace) -> int:
    require("pyarrow.parquet", "copylint audit")
    if args.partition_size < 1:
        raise CopylintError("--partition-size must be at least 1")
    source = open_source(args.source, columns_from_args(args), args.format_in)
    config = config_finder(args).for_path(args.source)
    from copylint.app.audit.engines import open_engine
    from copylint.app.audit.run import run_audit

    started = time.perf_counter()
    engine = open_engine(args.engine, args.jobs, args.scheduler)
    try:
        with progress_bar("auditing", source.estimated_rows) as advance:
            result = run_audit(source, config, args.out, engine, args.partition_size, advance, args.source)
    finally:
        engine.close()
    s = result.summary
    if result.restarted:
        print("copylint: the stored partitions were made with other settings; started afresh", file=sys.stderr)
    if result.reused:
        print(f"copylint: resumed: {result.reused} of {result.partitions} partitions were already done",
              file=sys.stderr)
    for notice in result.notices:
        print(f"copylint: notice: {notice}", file=sys.stderr)
    print(f"copylint: audited {s['articles']:,} articles ({s['words']:,} words, {s['bad_rows']:,} bad rows) in "
          f"{time.perf_counter() - started:.1f} s: {s['findings_total']:,} findings, "
          f"{s['findings_per_1000_words']:.2f} per 1,000 words; wrote {args.out}/report.html", file=sys.stderr)
    return 0
