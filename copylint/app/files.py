"""Writing fixed files: atomically, only if they still hold what was checked, and only where the
result is the same file with new text (same encoding, byte-order mark, owner, group, mode and links).

A file that copylint could not write that way is left alone with a one-line reason: one the user
may not write (read-only, in a folder they cannot write), one owned by another user or group that
copylint could not give back to them, one with several hard links (replacing it would split them).
Every failure is an :class:`~copylint.core.errors.InputError` naming the file, never a traceback.
"""

from __future__ import annotations

import os
import stat
import tempfile

from copylint.app.sources import Source, decode, encode
from copylint.core.errors import InputError


def write_atomic(path: str, text: str, *, expected: str | Source) -> None:
    """Replace the file at ``path`` with ``text``, if it still holds ``expected`` (the source that was
    checked: its encoding is kept).

    The new content goes to a temporary file in the same folder, is flushed and synced to disk,
    gets the old file's permissions, owner and group and replaces it in one rename, so a reader
    never sees half a file. A byte-order mark and line endings are characters of ``text`` and stay
    as they are. Raises :class:`~copylint.core.errors.InputError` when the file changed since it
    was read, or cannot be replaced by the same file with new text.
    """
    source = expected if isinstance(expected, Source) else Source(expected)
    target = os.path.realpath(path)  # write through a symlink, keeping the link
    before_text, before = _snapshot(target, path)
    if before_text != source.text:
        raise InputError(path, "changed on disk since it was checked; not written (check it again)")
    _check_writable(path, target, before)
    try:
        data = encode(source, text)
    except UnicodeEncodeError as exc:
        raise InputError(path, f"the fixed text cannot be written in {source.encoding} ({exc.reason}); "
                               "not written") from None
    folder = os.path.dirname(target) or "."
    try:
        fd, temp = tempfile.mkstemp(prefix=f".{os.path.basename(target)}.", suffix=".copylint-tmp", dir=folder)
    except OSError as exc:
        raise InputError(path, f"cannot write in its folder ({exc.strerror or exc}); not written") from None
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        if not _same_owner(temp, before):
            raise InputError(path, f"belongs to {_owner(before)}; the fixed file could not be given back to "
                                   "them, so it is not written (fix it as its owner)")
        os.chmod(temp, stat.S_IMODE(before.st_mode))
        now = os.stat(target)
        if (now.st_mtime_ns, now.st_size, now.st_ino) != (before.st_mtime_ns, before.st_size, before.st_ino):
            raise InputError(path, "changed on disk while being fixed; not written (check it again)")
        os.replace(temp, target)
    except BaseException as exc:
        try:
            os.unlink(temp)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise InputError(path, f"cannot write: {exc.strerror or exc}; left unchanged") from None
        raise
    _sync_folder(folder)


def _check_writable(shown: str, target: str, info: os.stat_result) -> None:
    """Refuse what a user's own editor or shell would not (or could not) rewrite as the same file."""
    if not stat.S_IMODE(info.st_mode) & 0o222 or not os.access(target, os.W_OK):
        raise InputError(shown, "is read-only; not written (make it writable to fix it)")
    if info.st_nlink > 1:
        raise InputError(shown, f"has {info.st_nlink} hard links; replacing it would leave the other names "
                                "with the old text, so it is not written (fix a copy, or remove the other links)")


def _same_owner(temp: str, info: os.stat_result) -> bool:
    """Give the new file the old one's owner and group (root can give it to anyone, a user only to a
    group of their own); False when that is not possible."""
    mine = os.stat(temp)
    if (mine.st_uid, mine.st_gid) == (info.st_uid, info.st_gid):
        return True
    try:
        os.chown(temp, info.st_uid, info.st_gid)
    except OSError:
        return False
    return True


def _owner(info: os.stat_result) -> str:
    try:
        import grp
        import pwd

        return f"{pwd.getpwuid(info.st_uid).pw_name}:{grp.getgrgid(info.st_gid).gr_name}"
    except (ImportError, KeyError):
        return f"user {info.st_uid}, group {info.st_gid}"


def _snapshot(target: str, shown: str) -> tuple[str, os.stat_result]:
    try:
        with open(target, "rb") as f:
            info = os.fstat(f.fileno())
            data = f.read()
    except OSError as exc:
        raise InputError(shown, f"cannot read: {exc.strerror or exc}") from None
    return decode(data, shown).text, info


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
