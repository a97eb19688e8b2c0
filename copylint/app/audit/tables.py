"""The audit's Parquet tables: their schemas, a partition's tables, and the archive's from the partitions'.

``findings.parquet`` has one row per finding: the article's id and metadata, then the fields of
``--format json`` (``fix`` as a struct, ``data`` as a JSON string, since its keys vary by rule).
``articles.parquet`` has one row per article with its words and findings by family. Tables are
written with fixed settings, so the same rows always give the same bytes.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import Any

from copylint.app.audit.aggregate import FAMILY_NAMES
from copylint.app.audit.extra import require

COMPRESSION = "zstd"


def _pa() -> Any:
    return require("pyarrow", "copylint audit")


def findings_schema() -> Any:
    pa = _pa()
    edit = pa.struct([("start", pa.int64()), ("end", pa.int64()), ("replacement", pa.string())])
    fix = pa.struct([("applicability", pa.string()), ("edits", pa.list_(edit))])
    return pa.schema([
        ("article_id", pa.string()), ("date", pa.string()), ("section", pa.string()), ("author", pa.string()),
        ("url", pa.string()), ("path", pa.string()), ("code", pa.string()), ("rule", pa.string()),
        ("category", pa.string()), ("severity", pa.string()), ("line", pa.int32()), ("column", pa.int32()),
        ("end_line", pa.int32()), ("end_column", pa.int32()), ("start", pa.int64()), ("end", pa.int64()),
        ("text", pa.string()), ("message", pa.string()), ("suggestions", pa.list_(pa.string())),
        ("fix", fix), ("data", pa.string()),
    ])


def articles_schema() -> Any:
    pa = _pa()
    return pa.schema([
        ("id", pa.string()), ("date", pa.string()), ("section", pa.string()), ("author", pa.string()),
        ("url", pa.string()), ("format", pa.string()), ("words", pa.int64()), ("findings", pa.int64()),
        *((family, pa.int64()) for family in FAMILY_NAMES),
    ])


def write_rows(rows: list[dict[str, Any]], schema: Any, path: str) -> None:
    """Write ``rows`` as a Parquet file at ``path`` (through a temporary file and a rename)."""
    pq = require("pyarrow.parquet", "copylint audit")
    table = _pa().Table.from_pylist(rows, schema=schema)
    temp = path + ".tmp"
    pq.write_table(table, temp, compression=COMPRESSION)
    os.replace(temp, path)


def concatenate(parts: Iterable[str], schema: Any, path: str) -> int:
    """Write the rows of the Parquet files ``parts``, in order, as one file at ``path``; the row count."""
    pq = require("pyarrow.parquet", "copylint audit")
    temp = path + ".tmp"
    rows = 0
    with pq.ParquetWriter(temp, schema, compression=COMPRESSION) as writer:
        for part in parts:
            table = pq.read_table(part, schema=schema)
            if table.num_rows:
                writer.write_table(table)
                rows += table.num_rows
    os.replace(temp, path)
    return rows
