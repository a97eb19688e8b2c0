"""Partition bookkeeping: every completed partition is kept on disk, so an interrupted audit resumes.

``DIR/partitions/`` holds ``run.json`` (what the partitions were made with: copylint's version, the
configuration, the source and its columns, the partition size) and, per completed partition ``N``,
``N.findings.parquet``, ``N.articles.parquet`` and, written last as the mark of completion,
``N.json`` (the fingerprint of its input rows, its summary and its bad rows). A rerun with the same
settings skips every partition whose stored fingerprint matches its rows; different settings start
afresh.
"""

from __future__ import annotations

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
        _write_json(key_path, self.run_key)
        return stale

    def path(self, index: int, suffix: str) -> str:
        return os.path.join(self.folder, f"{index:06d}.{suffix}")

    def is_done(self, index: int, digest: str) -> bool:
        """Was partition ``index`` completed from rows with this fingerprint?"""
        try:
            with open(self.path(index, "json"), encoding="utf-8") as f:
                return json.load(f)["digest"] == digest
        except (OSError, ValueError, KeyError):
            return False

    def save(self, result: PartitionResult, digest: str) -> None:
        """Keep a completed partition (its ``.json`` last, so a half-written one is never taken as done)."""
        write_rows(result.findings, findings_schema(), self.path(result.index, "findings.parquet"))
        write_rows(result.articles, articles_schema(), self.path(result.index, "articles.parquet"))
        _write_json(self.path(result.index, "json"), {"digest": digest, "summary": result.summary,
                                                      "bad_rows": result.bad_rows, "notices": result.notices})

    def load(self, index: int) -> dict[str, Any]:
        with open(self.path(index, "json"), encoding="utf-8") as f:
            return json.load(f)

    def drop_beyond(self, count: int) -> None:
        """Remove partitions numbered ``count`` or more (left by a longer version of the input)."""
        for name in os.listdir(self.folder):
            m = _PART_FILE.match(name)
            if m and int(m.group(1)) >= count:
                os.unlink(os.path.join(self.folder, name))


def _write_json(path: str, data: Any) -> None:
    temp = path + ".tmp"
    with open(temp, "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, sort_keys=True)
        f.flush()
        os.fsync(f.fileno())
    os.replace(temp, path)
