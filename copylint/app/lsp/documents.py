"""The documents the editor has open: their text, kept in step with the editor's changes.

The server keeps this text itself, rather than in pygls's workspace, so that a change lands exactly
where the editor made it: positions are converted by :class:`~copylint.app.lsp.positions.TextPositions`
(the protocol's line breaks, the negotiated encoding), and a range past the end of a line or of the
text is clamped as the protocol says instead of being moved.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from lsprotocol import types
from pygls.uris import to_fs_path

from copylint import readers
from copylint.app.lsp.positions import TextPositions

#: LSP language ids (and the names editors use for them) -> copylint's input formats
FORMATS_BY_LANGUAGE = {"markdown": "markdown", "html": "html", "plaintext": "text", "text": "text"}


def document_format(language_id: str, path: str | None) -> str | None:
    """The format to read a document as: by its language id, else by its file's extension; None for
    a document copylint does not read (source code, say)."""
    found = FORMATS_BY_LANGUAGE.get(language_id.lower())
    if found is None and path:
        found = readers.format_for_path(path, default="") or None
    return found


def uri_path(uri: str) -> str | None:
    """The file-system path of a ``file:`` URI (None for ``untitled:`` and other schemes)."""
    if not uri.startswith("file:"):
        return None
    path = to_fs_path(uri)
    return os.path.abspath(path) if path else None


@dataclass(frozen=True)
class Snapshot:
    """One version of an open document, as a check reads it."""

    uri: str
    #: the editor's version number (sent back with diagnostics and edits)
    version: int
    #: which text this is: a number the store gives each opened or changed text, never twice
    generation: int
    text: str
    format: str
    path: str | None


class OpenDocument:
    """An open document: its text now, and how many changes it has had."""

    def __init__(self, uri: str, language_id: str, version: int, text: str, generation: int = 0) -> None:
        self.uri = uri
        self.language_id = language_id
        self.version = version
        self.text = text
        self.generation = generation
        self.path = uri_path(uri)
        self.format = document_format(language_id, self.path)

    def apply(self, version: int, changes: Iterable[types.TextDocumentContentChangeEvent],
              encoding: str, generation: int) -> None:
        """Apply the editor's changes in order (each to the text the previous one left); the result
        is text ``generation``."""
        text = self.text
        for change in changes:
            if isinstance(change, types.TextDocumentContentChangePartial):
                positions = TextPositions(text, encoding)
                start, end = positions.offset(change.range.start), positions.offset(change.range.end)
                start, end = min(start, end), max(start, end)
                text = text[:start] + change.text + text[end:]
            else:
                text = change.text
        self.text = text
        self.version = version
        self.generation = generation

    def snapshot(self) -> Snapshot:
        assert self.format is not None
        return Snapshot(self.uri, self.version, self.generation, self.text, self.format, self.path)


class DocumentStore:
    """Open documents by URI. Used from the event loop only; a check thread only reads
    :meth:`generation`."""

    def __init__(self) -> None:
        self._documents: dict[str, OpenDocument] = {}
        # store-wide, so that a document closed and opened again never repeats a generation
        self._generations = itertools.count(1)

    def open(self, item: types.TextDocumentItem) -> OpenDocument:
        doc = self._documents[item.uri] = OpenDocument(item.uri, item.language_id, item.version, item.text,
                                                       next(self._generations))
        return doc

    def change(self, params: types.DidChangeTextDocumentParams, encoding: str) -> OpenDocument | None:
        doc = self._documents.get(params.text_document.uri)
        if doc is not None:
            doc.apply(params.text_document.version, params.content_changes, encoding, next(self._generations))
        return doc

    def close(self, uri: str) -> None:
        self._documents.pop(uri, None)

    def get(self, uri: str) -> OpenDocument | None:
        return self._documents.get(uri)

    def generation(self, uri: str) -> int | None:
        """The document's generation now (None once it is closed)."""
        doc = self._documents.get(uri)
        return doc.generation if doc is not None else None

    def checked(self) -> Sequence[OpenDocument]:
        """The open documents copylint reads (Markdown, HTML, text)."""
        return [d for d in self._documents.values() if d.format is not None]

    def paths(self) -> set[str]:
        return {d.path for d in self._documents.values() if d.path}
