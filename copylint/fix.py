"""Applying fixes: to a source text, repeatedly until nothing changes, and to files on disk.

Edits are applied to the *source* (a finding's fix is already in source offsets), never to the
prose a rule saw. Fixes are taken in source order and a fix whose edits overlap an edit already
taken is skipped whole (and reported), so the result never depends on the order rules ran in.
Files are replaced atomically and only if they still hold what was checked.
"""

from __future__ import annotations

import bisect
import os
import stat
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from copylint.errors import InputError
from copylint.finding import Edit, Finding
from copylint.sources import decode

if TYPE_CHECKING:
    from copylint.engine import Linter

#: How many check-and-fix rounds ``fix_source`` runs before giving up on fixes that keep changing.
MAX_ROUNDS = 10


@dataclass(frozen=True)
class FixPlan:
    """Which fixable findings a run applies, which it skips, and the resulting edits in order."""

    applied: tuple[Finding, ...]
    #: fixable findings left out: their edits overlap a fix taken before them, or no longer match
    #: the source (the text at the finding's span changed)
    skipped: tuple[Finding, ...]
    edits: tuple[Edit, ...]


def is_fixable(finding: Finding, *, unsafe: bool = False) -> bool:
    """Has ``finding`` a fix this run may apply (safe ones always, unsafe ones when asked)?"""
    fix = finding.fix
    return fix is not None and bool(fix.edits) and (unsafe or fix.applicability == "safe")


def _conflicts(a: Edit, b: Edit) -> bool:
    """Do two edits touch the same characters (or insert at the same place)?"""
    if a.start < b.end and b.start < a.end:
        return True
    return a.start == b.start and (a.start == a.end or b.start == b.end)


def plan_fixes(source: str, findings: Iterable[Finding], *, unsafe: bool = False) -> FixPlan:
    """Choose the fixes to apply to ``source``: in source order, keeping the first of overlapping ones."""
    fixable = [f for f in findings if is_fixable(f, unsafe=unsafe)]
    fixable.sort(key=lambda f: (min(e.start for e in f.fix.edits), max(e.end for e in f.fix.edits),  # type: ignore[union-attr]
                                f.start, f.end, f.code, f.message))
    taken: list[Edit] = []  # sorted by (start, end)
    applied: list[Finding] = []
    skipped: list[Finding] = []
    for f in fixable:
        edits = sorted(set(f.fix.edits), key=lambda e: (e.start, e.end))  # type: ignore[union-attr]
        if f.text != source[f.start:f.end] or any(not 0 <= e.start <= e.end <= len(source) for e in edits):
            skipped.append(f)
            continue
        new = [e for e in edits if e not in taken]
        if any(_conflicts(a, b) for i, a in enumerate(new) for b in new[i + 1:]) or any(
                _conflicts(e, other) for e in new for other in _neighbours(taken, e)):
            skipped.append(f)
            continue
        for e in new:
            bisect.insort(taken, e, key=lambda x: (x.start, x.end))
        applied.append(f)
    return FixPlan(tuple(applied), tuple(skipped), tuple(taken))


def _neighbours(taken: list[Edit], edit: Edit) -> list[Edit]:
    """The taken edits that could overlap ``edit`` (taken edits never overlap each other)."""
    i = bisect.bisect_left(taken, (edit.start, edit.end), key=lambda x: (x.start, x.end))
    return taken[max(0, i - 1):i + 1]


def apply_edits(source: str, edits: Iterable[Edit]) -> str:
    """``source`` with non-overlapping ``edits`` applied (a "\\n" in a replacement follows CRLF files)."""
    crlf = "\r\n" in source and source.count("\r\n") * 2 > source.count("\n")
    out: list[str] = []
    last = 0
    for e in sorted(edits, key=lambda x: (x.start, x.end)):
        replacement = e.replacement
        if crlf and "\n" in replacement:
            replacement = replacement.replace("\r\n", "\n").replace("\n", "\r\n")
        out.append(source[last:e.start])
        out.append(replacement)
        last = e.end
    out.append(source[last:])
    return "".join(out)


def apply_fixes(source: str, findings: Iterable[Finding], *, unsafe: bool = False) -> str:
    """``source`` with the safe fixes of ``findings`` applied (and the unsafe ones if ``unsafe``).

    Where fixes overlap, the first in source order wins; the others are left for a later run.
    """
    return apply_edits(source, plan_fixes(source, findings, unsafe=unsafe).edits)


@dataclass
class FixOutcome:
    """The result of fixing one text."""

    text: str
    applied: list[Finding]
    #: findings of the fixed text (what is left to do by hand)
    remaining: list[Finding]
    #: True when fixes kept producing new fixes for :data:`MAX_ROUNDS` rounds
    unsettled: bool = False


def fix_source(linter: Linter, source: str, *, format: str | None, path: str, unsafe: bool = False,
               findings: list[Finding] | None = None) -> FixOutcome:
    """Check and fix ``source`` until no fix applies, so that fixing the result changes nothing.

    ``findings`` (if given) are ``linter``'s findings for ``source``, which saves the first check.
    """
    check = linter.check
    text = source
    current = findings if findings is not None else check(text, format=format, path=path)
    applied: list[Finding] = []
    for _ in range(MAX_ROUNDS):
        plan = plan_fixes(text, current, unsafe=unsafe)
        if not plan.edits:
            return FixOutcome(text, applied, current)
        text = apply_edits(text, plan.edits)
        applied.extend(plan.applied)
        current = check(text, format=format, path=path)
    settled = not plan_fixes(text, current, unsafe=unsafe).edits
    return FixOutcome(text, applied, current, unsettled=not settled)


def write_atomic(path: str, text: str, *, expected: str) -> None:
    """Replace the file at ``path`` with ``text`` (UTF-8), if it still holds ``expected``.

    The new content goes to a temporary file in the same folder, is flushed and synced to disk,
    gets the old file's permissions and replaces it in one rename, so a reader never sees half a
    file. A byte-order mark and line endings are characters of ``text`` and stay as they are.
    Raises :class:`~copylint.errors.InputError` when the file changed since it was read.
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
