"""Reading an archive export, row by row: a folder of files (or one file), JSONL, CSV/TSV or Parquet,
compressed or not.

Every row becomes an :class:`Article` or a :class:`BadRow` (missing, empty or non-string text,
undecodable bytes, a line that is not JSON, an unknown format): bad rows are counted and listed,
never fatal. Only a problem with the export as a whole (no such file, a Parquet file or CSV header
without the text column) is an error. Rows are grouped into numbered :class:`Partition` objects of
a fixed number of rows, so the same export always gives the same partitions.
"""

from __future__ import annotations

import bz2
import csv
import gzip
import hashlib
import io
import json
import lzma
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import IO, Any

from copylint import readers
from copylint.app.runner import discover
from copylint.app.sources import read_source
from copylint.core.config import DEFAULT_MAX_INPUT_SIZE
from copylint.core.errors import InputError

COMPRESSIONS = {".gz": gzip.open, ".bz2": bz2.open, ".xz": lzma.open}
KINDS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".tsv": "csv",
         ".parquet": "parquet", ".pq": "parquet"}
#: rows read from Parquet at a time
PARQUET_BATCH = 1024


@dataclass(frozen=True, slots=True)
class Article:
    """One article of the archive: its id, text, input format and the metadata the export gives."""

    id: str
    text: str
    format: str
    date: str | None = None
    section: str | None = None
    author: str | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class BadRow:
    """A row that could not be checked: where it is (``export.jsonl:17``), its id if known, and why."""

    where: str
    id: str | None
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {"where": self.where, "id": self.id, "reason": self.reason}


@dataclass(frozen=True)
class Partition:
    """A run of consecutive rows of the export, numbered from 0."""

    index: int
    articles: tuple[Article, ...]
    bad_rows: tuple[BadRow, ...] = ()

    def digest(self) -> str:
        """A fingerprint of the rows, so a resumed audit knows a stored partition holds the same input."""
        h = hashlib.sha256()
        for a in self.articles:
            for value in (a.id, a.format, a.date, a.section, a.author, a.url, a.text):
                h.update(b"\x00" if value is None else value.encode("utf-8", "surrogatepass") + b"\x1f")
            h.update(b"\x1e")
        for b in self.bad_rows:
            h.update(json.dumps(b.to_dict(), sort_keys=True).encode("utf-8") + b"\x1e")
        return h.hexdigest()


@dataclass(frozen=True)
class Columns:
    """Which column of an export holds what (only ``text`` is required)."""

    id: str = "id"
    text: str = "text"
    format: str | None = None
    date: str | None = None
    section: str | None = None
    author: str | None = None
    url: str | None = None

    def metadata(self) -> dict[str, str | None]:
        return {"date": self.date, "section": self.section, "author": self.author, "url": self.url}


@dataclass(frozen=True)
class Source:
    """An archive export: where it is, what kind of file, its columns and the default input format."""

    path: str
    kind: str
    columns: Columns = field(default_factory=Columns)
    format_in: str | None = None

    def describe(self) -> dict[str, Any]:
        """What identifies this source's rows (for the resume key and the summary)."""
        return {"path": os.path.abspath(self.path), "kind": self.kind, "columns": self.columns.__dict__,
                "format_in": self.format_in}

    def rows(self) -> Iterator[Article | BadRow]:
        """Every row, in the export's order."""
        if self.kind in ("folder", "file"):
            return _folder_rows(self)
        if self.kind == "jsonl":
            return _jsonl_rows(self)
        if self.kind == "csv":
            return _csv_rows(self)
        return _parquet_rows(self)

    def estimated_rows(self) -> int | None:
        """How many rows there are, when that is cheap to know (for a progress bar's ETA)."""
        if self.kind in ("folder", "file"):
            return sum(1 for _ in discover([self.path]))
        if self.kind == "parquet":
            from copylint.app.audit.extra import require

            return require("pyarrow.parquet", "reading Parquet").ParquetFile(self.path).metadata.num_rows
        if _compression(self.path):
            return None
        lines = 0
        with open(self.path, "rb") as f:
            while chunk := f.read(1 << 20):
                lines += chunk.count(b"\n")
        return lines - 1 if self.kind == "csv" else lines


def open_source(path: str, columns: Columns | None = None, format_in: str | None = None) -> Source:
    """The :class:`Source` at ``path``; its kind comes from the name (``.jsonl.gz``, ``.parquet``...)."""
    if not os.path.exists(path):
        raise InputError(path, "no such file or folder")
    if format_in is not None and format_in not in readers.formats():
        raise InputError(path, f"unknown input format {format_in!r} (known: {', '.join(sorted(readers.formats()))})")
    if os.path.isdir(path):
        return Source(path, "folder", columns or Columns(), format_in)
    if path.lower().endswith(readers.file_extensions()):
        return Source(path, "file", columns or Columns(), format_in)
    name = path.lower()
    if ext := _compression(name):
        name = name[: -len(ext)]
    kind = KINDS.get(os.path.splitext(name)[1])
    if kind is None:
        raise InputError(path, "not an export copylint reads: give a folder, an article file, or a .jsonl, .csv, "
                               ".tsv or .parquet file (.jsonl and .csv may end in .gz, .bz2 or .xz)")
    if kind == "parquet" and _compression(path.lower()):
        raise InputError(path, "Parquet files are compressed inside; give the .parquet file itself")
    return Source(path, kind, columns or Columns(), format_in)


def partitions(rows: Iterable[Article | BadRow], size: int) -> Iterator[Partition]:
    """Consecutive runs of ``size`` rows (good and bad alike), numbered from 0."""
    articles: list[Article] = []
    bad: list[BadRow] = []
    index = 0
    for row in rows:
        (bad if isinstance(row, BadRow) else articles).append(row)  # type: ignore[arg-type]
        if len(articles) + len(bad) >= size:
            yield Partition(index, tuple(articles), tuple(bad))
            index += 1
            articles, bad = [], []
    if articles or bad:
        yield Partition(index, tuple(articles), tuple(bad))


# ---------------------------------------------------------------------------------------- readers
def _compression(name: str) -> str:
    return next((ext for ext in COMPRESSIONS if name.lower().endswith(ext)), "")


def _open_binary(path: str) -> IO[bytes]:
    opener = COMPRESSIONS.get(_compression(path))
    try:
        return opener(path, "rb") if opener else open(path, "rb")  # type: ignore[return-value]
    except OSError as exc:
        raise InputError(path, f"cannot read: {exc.strerror or exc}") from None


def _folder_rows(source: Source) -> Iterator[Article | BadRow]:
    base = source.path if source.kind == "folder" else os.path.dirname(source.path) or "."
    for path in discover([source.path]):
        shown = os.path.relpath(path, base).replace(os.sep, "/")
        try:
            text = read_source(path, DEFAULT_MAX_INPUT_SIZE).text
        except InputError as exc:
            yield BadRow(shown, shown, exc.message)
            continue
        if not text.strip():
            yield BadRow(shown, shown, "empty text")
            continue
        yield Article(shown, text, source.format_in or readers.format_for_path(path))


def _jsonl_rows(source: Source) -> Iterator[Article | BadRow]:
    name = os.path.basename(source.path)
    with _open_binary(source.path) as f:
        for number, raw in enumerate(_read_lines(f, source.path), 1):
            where = f"{name}:{number}"
            if not raw.strip():
                continue
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                yield BadRow(where, None, f"not valid UTF-8 (byte 0x{raw[exc.start]:02x} at column {exc.start + 1})")
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                yield BadRow(where, None, f"not valid JSON ({exc.msg} at column {exc.colno})")
                continue
            if not isinstance(record, dict):
                yield BadRow(where, None, f"a JSON {type(record).__name__}, not an object")
                continue
            yield _row(record, where, source)


def _read_lines(f: IO[bytes], path: str) -> Iterator[bytes]:
    try:
        yield from f
    except (OSError, EOFError, lzma.LZMAError) as exc:  # a truncated or corrupt compressed file
        raise InputError(path, f"cannot read to the end: {exc}") from None


def _csv_rows(source: Source) -> Iterator[Article | BadRow]:
    name = os.path.basename(source.path)
    csv.field_size_limit(sys.maxsize)
    delimiter = "\t" if source.path.lower().removesuffix(_compression(source.path)).endswith(".tsv") else ","
    with _open_binary(source.path) as raw:
        text = io.TextIOWrapper(raw, encoding="utf-8", errors="surrogateescape", newline="")
        reader = csv.DictReader(text, delimiter=delimiter)
        header = reader.fieldnames or []
        if source.columns.text not in header:
            raise InputError(source.path, f"no column {source.columns.text!r} (columns: {', '.join(header)}); "
                                          "name the text column with --text")
        while True:
            try:
                record = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                yield BadRow(f"{name}:{reader.line_num}", None, f"not a CSV row ({exc})")
                continue
            where = f"{name}:{reader.line_num}"
            broken = next((k for k, v in record.items() if isinstance(v, str) and _undecoded(v)), None)
            if broken is not None:
                yield BadRow(where, None, f"not valid UTF-8 (column {broken!r})")
                continue
            yield _row(record, where, source)


def _undecoded(value: str) -> bool:
    """Does ``value`` hold bytes that were not UTF-8 (kept as lone surrogates)?"""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _parquet_rows(source: Source) -> Iterator[Article | BadRow]:
    from copylint.app.audit.extra import require

    pq = require("pyarrow.parquet", "reading Parquet")
    name = os.path.basename(source.path)
    try:
        file = pq.ParquetFile(source.path)
    except Exception as exc:  # pyarrow raises its own error types for a file that is not Parquet
        raise InputError(source.path, f"not a Parquet file ({exc})") from None
    names = file.schema_arrow.names
    if source.columns.text not in names:
        raise InputError(source.path, f"no column {source.columns.text!r} (columns: {', '.join(names)}); "
                                      "name the text column with --text")
    wanted = [c for c in (source.columns.id, source.columns.text, source.columns.format,
                          *source.columns.metadata().values()) if c and c in names]
    number = 0
    for batch in file.iter_batches(batch_size=PARQUET_BATCH, columns=list(dict.fromkeys(wanted))):
        for record in batch.to_pylist():
            number += 1
            yield _row(record, f"{name}:row {number}", source)


def _row(record: dict[str, Any], where: str, source: Source) -> Article | BadRow:
    """An export's record as an article, or the reason it is a bad row."""
    cols = source.columns
    raw_id = record.get(cols.id)
    article_id = where if raw_id is None or raw_id == "" else _text_of(raw_id)
    text = record.get(cols.text)
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError:
            return BadRow(where, article_id, f"text column {cols.text!r} is not valid UTF-8")
    if text is None:
        return BadRow(where, article_id, f"no text (column {cols.text!r} is missing or null)")
    if not isinstance(text, str):
        return BadRow(where, article_id, f"text column {cols.text!r} holds a {type(text).__name__}, not a string")
    if not text.strip():
        return BadRow(where, article_id, "empty text")
    fmt = source.format_in or "text"
    if cols.format:
        given = record.get(cols.format)
        if given not in (None, ""):
            fmt = str(given).strip().lower()
            if fmt not in readers.formats():
                return BadRow(where, article_id, f"unknown format {given!r} in column {cols.format!r} "
                                                 f"(known: {', '.join(sorted(readers.formats()))})")
    meta = {key: _text_of(record.get(col)) if col else None for key, col in cols.metadata().items()}
    return Article(article_id, text, fmt, **meta)


def _text_of(value: Any) -> str | None:
    """A metadata value as text: lists joined, dates in ISO form, empty as None."""
    if value is None:
        return None
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        value = ", ".join(str(v) for v in value if v is not None)
    text = str(value).strip()
    return text or None
