"""One audit from start to finish: partitions through an engine into the store, then the outputs.

Partitions already in the store (same settings, same rows) are skipped; the others are checked by
the engine and stored as they finish, in whatever order. The outputs are then written from the
store in partition order: ``findings.parquet``, ``articles.parquet``, ``bad_rows.jsonl``,
``summary.json`` and ``report.html``.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from copylint.app.audit.aggregate import ArchiveSummary
from copylint.app.audit.engines import Engine
from copylint.app.audit.overview import overview
from copylint.app.audit.partition import check_partition
from copylint.app.audit.report import render_report
from copylint.app.audit.sources import Partition, Source, partitions
from copylint.app.audit.store import PartitionStore
from copylint.app.audit.tables import articles_schema, concatenate, findings_schema
from copylint.core.config import Config
from copylint.core.version import __version__

OUTPUTS = ("findings.parquet", "articles.parquet", "bad_rows.jsonl", "summary.json", "report.html")


@dataclass
class AuditResult:
    partitions: int = 0
    #: partitions taken from the store of an earlier, interrupted run
    reused: int = 0
    #: the store held partitions made with other settings, and was emptied
    restarted: bool = False
    summary: dict[str, Any] = field(default_factory=dict)
    notices: list[str] = field(default_factory=list)


def run_audit(source: Source, config: Config, out: str, engine: Engine, partition_size: int,
              advance: Callable[[int], None] | None = None, source_label: str | None = None) -> AuditResult:
    """Audit ``source`` into the folder ``out``; ``advance(rows)`` is called as partitions finish."""
    os.makedirs(out, exist_ok=True)
    label = {**source.describe(), "path": source_label or source.path}
    store = PartitionStore(out, {"copylint": __version__, "config": repr(config), "source": source.describe(),
                                 "partition_size": partition_size})
    result = AuditResult(restarted=store.open())
    in_flight: dict[int, tuple[str, int]] = {}  # index -> (digest, rows)

    def todo() -> Iterator[Partition]:
        for partition in partitions(source.rows(), partition_size):
            result.partitions = partition.index + 1
            digest = partition.digest()
            rows = len(partition.articles) + len(partition.bad_rows)
            if store.is_done(partition.index, digest):
                result.reused += 1
                if advance:
                    advance(rows)
                continue
            in_flight[partition.index] = (digest, rows)
            yield partition

    for done in engine.map(check_partition, todo(), config):
        digest, rows = in_flight.pop(done.index)
        store.save(done, digest)
        if advance:
            advance(rows)
    store.drop_beyond(result.partitions)
    result.summary = write_outputs(store, result.partitions, out, config, label, result.notices)
    return result


def write_outputs(store: PartitionStore, count: int, out: str, config: Config, source: dict[str, Any],
                  notices: list[str]) -> dict:
    """The archive's outputs from the stored partitions 0 .. ``count`` - 1 (their notices are added
    to ``notices``); returns the summary."""
    concatenate((store.path(i, "findings.parquet") for i in range(count)), findings_schema(),
                os.path.join(out, "findings.parquet"))
    concatenate((store.path(i, "articles.parquet") for i in range(count)), articles_schema(),
                os.path.join(out, "articles.parquet"))
    merged = ArchiveSummary()
    with open(os.path.join(out, "bad_rows.jsonl"), "w", encoding="utf-8") as f:
        for index in range(count):
            stored = store.load(index)
            merged.merge(ArchiveSummary.from_json(stored["summary"]))
            notices.extend(n for n in stored["notices"] if n not in notices)
            for row in stored["bad_rows"]:
                f.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")
    summary = overview(merged, config, source, count)
    with open(os.path.join(out, "summary.json"), "w", encoding="utf-8") as f:
        f.write(json.dumps(summary, ensure_ascii=False, indent=1, sort_keys=True) + "\n")
    with open(os.path.join(out, "report.html"), "w", encoding="utf-8") as f:
        f.write(render_report(summary))
    return summary
