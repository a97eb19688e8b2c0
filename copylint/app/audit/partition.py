"""Checking one partition: the one function every engine runs, so findings never depend on the engine.

(:func:`count_lines` is the same for ``copylint learn``.)

A worker process keeps one :class:`~copylint.engine.linter.Linter` per configuration (warmed up
once), reads each article with its format, checks it and returns plain data: the finding rows
(the ``--format json`` schema plus the article's id and metadata), one row per article with its
counts, and the partition's :class:`~copylint.app.audit.aggregate.ArchiveSummary`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from copylint import readers
from copylint.app.audit.aggregate import FAMILY_NAMES, ArchiveSummary, count_words, family_of
from copylint.app.audit.sources import Article, BadRow, Partition
from copylint.checks.boilerplate.learn import LineCounter
from copylint.checks.names.archive import article_name_forms
from copylint.core.config import Config
from copylint.core.rule import Context
from copylint.engine.linter import Linter

#: metadata columns every finding and article row carries (null when the export has none)
METADATA = ("date", "section", "author", "url")

_linters: dict[str, Linter] = {}


@dataclass
class PartitionResult:
    index: int
    findings: list[dict[str, Any]]
    articles: list[dict[str, Any]]
    summary: dict[str, Any]
    bad_rows: list[dict[str, Any]] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)


def linter_for(config: Config) -> Linter:
    """This process's Linter for ``config``, created and warmed up on first use."""
    key = repr(config)
    linter = _linters.get(key)
    if linter is None:
        linter = _linters[key] = Linter(config)
        linter.warm_up()
    return linter


def check_partition(config: Config, partition: Partition) -> PartitionResult:
    """Check every article of ``partition`` with ``config``."""
    linter = linter_for(config)
    ctx = Context(linter.config, linter.resources)
    summary = ArchiveSummary()
    finding_rows: list[dict[str, Any]] = []
    article_rows: list[dict[str, Any]] = []
    for article in partition.articles:
        doc = readers.read(article.text, article.id, article.format)
        findings = linter.check_document(doc)
        words = count_words(doc.prose)
        meta = {"article_id": article.id, **{k: getattr(article, k) for k in METADATA}}
        for f in findings:
            row = f.to_dict()
            row["data"] = json.dumps(row["data"], ensure_ascii=False, sort_keys=True) if "data" in row else None
            finding_rows.append({**meta, **row})
        article_rows.append(_article_row(article, words, [f.code for f in findings]))
        summary.add_article(article, article.text, words, findings, article_name_forms(doc, ctx))
    summary.add_bad_rows(partition.bad_rows)
    return PartitionResult(partition.index, finding_rows, article_rows, summary.to_json(),
                           [b.to_dict() for b in partition.bad_rows], linter.notices)


def count_lines(max_words: int, partition: Partition) -> tuple[int, LineCounter, tuple[BadRow, ...]]:
    """``copylint learn``'s work on a partition: the recurring-line counts of its articles."""
    counter = LineCounter(max_words=max_words)
    for article in partition.articles:
        counter.add(readers.read(article.text, article.id, article.format).prose)
    return partition.index, counter, partition.bad_rows


def _article_row(article: Article, words: int, codes: list[str]) -> dict[str, Any]:
    row: dict[str, Any] = {"id": article.id, **{k: getattr(article, k) for k in METADATA},
                           "format": article.format, "words": words, "findings": len(codes)}
    for family in FAMILY_NAMES:
        row[family] = 0
    for code in codes:
        row[family_of(code)] += 1
    return row
