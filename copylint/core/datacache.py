"""A cache on disk of data derived from the shipped files (the lexicon read into sets, the near-word
search's tables, the misspelling map), so that a new process loads it instead of building it.

Each entry is one file, ``<name>.marshal``, in the user cache directory (``$XDG_CACHE_HOME/copylint``,
else ``~/.cache/copylint``), holding the entry's key and its value: plain containers (dicts, tuples,
strings, numbers) written with :mod:`marshal`, which loads them several times faster than they are
built. The key is copylint's version, the caller's key and a hash of the contents of the source
files, the module that builds the value among them (a change to how it is derived rebuilds it too).

An entry that is missing, stale (another key) or unreadable (corrupt, truncated, another Python) is
built again and written in its place, atomically (a temporary file, then :func:`os.replace`), so a
process never reads half an entry; when the directory cannot be written the value is only built,
each time, and nothing fails. ``COPYLINT_NO_CACHE=1`` switches the cache off.

    tables = cached("near-tables", lambda: build_tables(words), sources=[path], key=data.key)
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

from copylint.core.version import __version__

#: set to anything but "" or "0" to neither read nor write the cache
DISABLE_ENV = "COPYLINT_NO_CACHE"
#: the layout of an entry file; changing it makes every older file stale
FORMAT = 1

T = TypeVar("T")


def enabled() -> bool:
    """Is the cache on (``COPYLINT_NO_CACHE`` unset, empty or "0")?"""
    return os.environ.get(DISABLE_ENV, "") in ("", "0")


def cache_dir() -> Path:
    """``$XDG_CACHE_HOME/copylint`` (when that is an absolute path), else ``~/.cache/copylint``."""
    base = os.environ.get("XDG_CACHE_HOME", "")
    return (Path(base) if os.path.isabs(base) else Path.home() / ".cache") / "copylint"


def files_key(paths: Iterable[Path | str]) -> str:
    """A hash of the files' names and contents (a file that cannot be read counts as missing)."""
    digest = hashlib.sha256()
    for path in paths:
        digest.update(os.fsencode(path) + b"\0")
        try:
            with open(path, "rb") as f:
                digest.update(hashlib.sha256(f.read()).digest())
        except OSError:
            digest.update(b"missing")
    return digest.hexdigest()


def cached(name: str, build: Callable[[], T], sources: Iterable[Path | str] = (), key: str = "") -> T:
    """The value ``build()`` returns, from the cache entry ``name`` when its key still holds (and
    written there when it does not). ``build`` must return plain containers :mod:`marshal` writes."""
    if not enabled():
        return build()
    module = getattr(sys.modules.get(build.__module__), "__file__", None) or ""  # none in a REPL
    full_key = f"{FORMAT} {__version__} {key} {files_key([*sources, module])}"
    path = cache_dir() / f"{name}.marshal"
    found = _read(path, full_key)
    if found is not None:
        return found[0]
    value = build()
    _write(path, full_key, value)
    return value


def _read(path: Path, key: str) -> tuple[Any] | None:
    """``(value,)`` of the entry at ``path`` if it holds ``key``, else None (missing, stale, corrupt)."""
    try:
        with open(path, "rb") as f:
            entry = marshal.loads(f.read())
    except (OSError, EOFError, ValueError, TypeError):
        return None
    if not (isinstance(entry, tuple) and len(entry) == 2 and entry[0] == key):
        return None
    return (entry[1],)


def _write(path: Path, key: str, value: object) -> None:
    """Write the entry atomically; a directory that cannot be written leaves the cache empty."""
    tmp = None
    try:
        data = marshal.dumps((key, value))
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
        tmp = None
    except (OSError, ValueError):
        pass
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
