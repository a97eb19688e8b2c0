"""Readers turn a decoded source into a :class:`~copylint.core.document.Document`.

Each reader module in this package registers itself with :func:`reader`; the engine picks one by
format name or file extension. Adding a format means adding a module here, nothing else.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass

from copylint.core.document import Document

ReadFunction = Callable[[str, str], Document]


@dataclass(frozen=True)
class Reader:
    format: str
    extensions: tuple[str, ...]
    read: ReadFunction


_READERS: dict[str, Reader] = {}
_loaded = False


def reader(format: str, extensions: tuple[str, ...]) -> Callable[[ReadFunction], ReadFunction]:
    """Register ``read(source, path) -> Document`` for a format and its file extensions."""

    def register(func: ReadFunction) -> ReadFunction:
        _READERS[format] = Reader(format, extensions, func)
        return func

    return register


def _load() -> None:
    global _loaded
    if not _loaded:
        for info in pkgutil.iter_modules(__path__):
            importlib.import_module(f"{__name__}.{info.name}")
        _loaded = True


def formats() -> dict[str, Reader]:
    """Every registered reader, by format name."""
    _load()
    return dict(_READERS)


def format_for_path(path: str, default: str = "text") -> str:
    """The format a file's extension implies (``default`` when none matches)."""
    lower = path.lower()
    for r in formats().values():
        if lower.endswith(r.extensions):
            return r.format
    return default


def read(source: str, path: str = "<text>", format: str | None = None) -> Document:
    """Read ``source`` as ``format`` (by default, the format ``path``'s extension implies)."""
    fmt = format or format_for_path(path)
    found = formats().get(fmt)
    if found is None:
        raise ValueError(f"unknown input format {fmt!r} (known: {', '.join(sorted(formats()))})")
    return found.read(source, path)


def file_extensions() -> tuple[str, ...]:
    """Extensions of every file a directory walk should check."""
    return tuple(ext for r in formats().values() for ext in r.extensions)
