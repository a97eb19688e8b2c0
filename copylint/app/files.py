"""Writing fixed files: atomically, and only if they still hold what was checked."""

from __future__ import annotations

import os
import stat
import tempfile

from copylint.app.sources import decode
from copylint.core.errors import InputError


def write_atomic(path: str, text: str, *, expected: str) -> None:
    """Replace the file at ``path`` with ``text`` (UTF-8), if it still holds ``expected``.

    The new content goes to a temporary file in the same folder, is flushed and synced to disk,
    gets the old file's permissions and replaces it in one rename, so a reader never sees half a
    file. A byte-order mark and line endings are characters of ``text`` and stay as they are.
    Raises :class:`~copylint.core.errors.InputError` when the file changed since it was read.
    """
    target = os.path.realpath(path)  # write through a symlink, keeping the link
    before = _snapshot(target, path)
    if before[0] != expected:
        raise InputError(path, "changed on disk since it was checked; not written (check it again)")
    folder = os.path.dirname(target) or "."
    fd, temp = tempfile.mkstemp(prefix=f".{os.path.basename(target)}.", suffix=".copylint-tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(text.encode("utf-8"))
            f.flush()
            os.fsync(f.fileno())
        os.chmod(temp, stat.S_IMODE(before[1].st_mode))
        now = os.stat(target)
        if (now.st_mtime_ns, now.st_size, now.st_ino) != (before[1].st_mtime_ns, before[1].st_size,
                                                           before[1].st_ino):
            raise InputError(path, "changed on disk while being fixed; not written (check it again)")
        os.replace(temp, target)
    except BaseException:
        try:
            os.unlink(temp)
        except FileNotFoundError:
            pass
        raise
    _sync_folder(folder)


def _snapshot(target: str, shown: str) -> tuple[str, os.stat_result]:
    try:
        with open(target, "rb") as f:
            info = os.fstat(f.fileno())
            data = f.read()
    except OSError as exc:
        raise InputError(shown, f"cannot read: {exc.strerror or exc}") from None
    return decode(data, shown), info


def _sync_folder(folder: str) -> None:
    """Make the rename durable (not every system can open a folder for syncing)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
