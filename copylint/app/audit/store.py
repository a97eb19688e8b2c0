"""Partition bookkeeping: every completed partition is kept on disk, so an interrupted audit resumes.

``DIR/partitions/`` holds ``run.json`` (what the partitions were made with: copylint's version, the
configuration, the source and its columns, the partition size) and, per completed partition ``N``,
``N.findings.parquet``, ``N.articles.parquet``, ``N.summary.json.gz`` (its counts, bad rows and
notices) and, written last as the mark of completion, ``N.done`` (the fingerprint of its input
rows). A rerun with the same settings skips every partition whose stored fingerprint matches its
rows; different settings start afresh.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import shutil
from typing import Any

from copylint.app.audit.partition import PartitionResult
from copylint.app.audit.tables import articles_schema, findings_schema, write_rows

PARTS = "partitions"
_PART_FILE = re.compile(r"(\d{6,})\.")


class PartitionStore:
    def __init__(self, out: str, run_key: dict[str, Any]) -> None:
        self.folder = os.path.join(out, PARTS)
        self.run_key = run_key

    def open(self) -> bool:
        """Prepare the folder; True when it held partitions of a run with other settings (now removed)."""
        key_path = os.path.join(self.folder, "run.json")
        stale = False
        if os.path.isfile(key_path):
            with open(key_path, encoding="utf-8") as f:
                try:
                    stale = json.load(f) != self.run_key
                except json.JSONDecodeError:
                    stale = True
            if stale:
                shutil.rmtree(self.folder)
        os.makedirs(self.folder, exist_ok=True)
        _write(key_path, json.dumps(self.run_key, sort_keys=True).encode("utf-8"))
        return stale

    def path(self, index: int, suffix: str) -> str:
        return os.path.join(self.folder, f"{index:06d}.{suffix}")

    def is_done(self, index: int, digest: str) -> bool:
        """Was partition ``index`` completed from rows with this fingerprint?"""
        try:
            with open(self.path(index, "done"), encoding="ascii") as f:
                return f.read() == digest
        except (OSError, ValueError):
            return False

    def save(self, result: PartitionResult, digest: str) -> None:
        """Keep a completed partition (its ``.done`` last, so a half-written one is never taken as done)."""
        write_rows(result.findings, findings_schema(), self.path(result.index, "findings.parquet"))
        write_rows(result.articles, articles_schema(), self.path(result.index, "articles.parquet"))
        summary = {"summary": result.summary, "bad_rows": result.bad_rows, "notices": result.notices}
        _write(self.path(result.index, "summary.json.gz"),
               gzip.compress(json.dumps(summary, ensure_ascii=False, sort_keys=True).encode("utf-8"), 3, mtime=0))
        _write(self.path(result.index, "done"), digest.encode("ascii"))

    def load(self, index: int) -> dict[str, Any]:
        """A completed partition's counts, bad rows and notices."""
        with open(self.path(index, "summary.json.gz"), "rb") as f:
            return json.loads(gzip.decompress(f.read()))

    def drop_beyond(self, count: int) -> None:
        """Remove partitions numbered ``count`` or more (left by a longer version of the input)."""
        for name in os.listdir(self.folder):
            m = _PART_FILE.match(name)
            if m and int(m.group(1)) >= count:
                os.unlink(os.path.join(self.folder, name))


def _write(path: str, data: bytes) -> None:
    """Write ``data`` at ``path`` through a synced temporary file and a rename."""
    temp = path + ".tmp"
    with open(temp, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    os.replace(temp, path)
