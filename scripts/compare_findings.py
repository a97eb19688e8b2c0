"""Record copylint's findings on seeds/ and ../shared/corpus, or compare them with a recording.

For changes that must not change behaviour (a refactor, a speed-up)::

    python scripts/compare_findings.py --save /tmp/before.json     # on the old commit
    python scripts/compare_findings.py --against /tmp/before.json  # on the new one: exit 0 if identical

The corpora are read in place (research use only; never copied into the repository).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"


def findings(extra: list[str]) -> list[dict]:
    paths = ["seeds"] + (["../shared/corpus"] if CORPUS.is_dir() else [])  # relative: the same on every checkout
    proc = subprocess.run([sys.executable, "-m", "copylint", "check", "--format", "json", "--exit-zero",
                           "--isolated", *extra, *paths], capture_output=True, text=True, check=False, cwd=ROOT)
    if proc.returncode != 0:
        sys.exit(f"copylint failed (exit {proc.returncode}): {proc.stderr.strip()}")
    return json.loads(proc.stdout)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    group = ap.add_mutually_exclusive_group(required=True)
    group.add_argument("--save", metavar="FILE", help="write the findings to FILE")
    group.add_argument("--against", metavar="FILE", help="compare the findings with FILE")
    ap.add_argument("copylint_args", nargs="*", help="extra arguments for copylint check (after --)")
    args = ap.parse_args()
    now = findings(args.copylint_args)
    if args.save:
        Path(args.save).write_text(json.dumps(now, ensure_ascii=False, indent=0), encoding="utf-8")
        print(f"{len(now)} findings saved to {args.save}")
        return 0
    before = json.loads(Path(args.against).read_text(encoding="utf-8"))
    key = lambda f: json.dumps(f, sort_keys=True, ensure_ascii=False)  # noqa: E731
    old, new = Counter(map(key, before)), Counter(map(key, now))
    gone, added = old - new, new - old
    print(f"before {len(before)} findings, now {len(now)}: {sum(gone.values())} gone, {sum(added.values())} new")
    for label, items in (("gone", gone), ("new", added)):
        for item in list(items)[:10]:
            f = json.loads(item)
            print(f"  {label}: {f['path']}:{f['line']}:{f['column']} {f['code']} {f['text'][:60]!r}")
    return 0 if not gone and not added else 1


if __name__ == "__main__":
    sys.exit(main())
