"""Checking the whole workspace (the command ``copylint.checkWorkspace``).

Every Markdown, HTML and text file under the workspace folders, found as ``copylint check`` finds
them (hidden folders, ``.git`` and ``node_modules`` skipped), is read from disk and checked with its
own configuration on the check thread, one file at a time so that the open documents' checks go in
between; its diagnostics are published as it is done, and progress is reported to the editor
(cancellable). Open documents are left out: their diagnostics are those of the editor's text. A file
whose diagnostics an earlier run published and that is gone now is cleared.
"""

from __future__ import annotations

import os
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from lsprotocol import types
from pygls.progress import Progress
from pygls.uris import from_fs_path

from copylint import readers
from copylint.app.lsp.checking import CheckResult
from copylint.app.lsp.documents import Snapshot, uri_path
from copylint.app.runner import discover
from copylint.app.sources import read_source
from copylint.core.config import DEFAULT_MAX_INPUT_SIZE
from copylint.core.errors import InputError

CHECK_WORKSPACE_COMMAND = "copylint.checkWorkspace"
#: seconds between two progress reports
REPORT_INTERVAL = 0.2
#: problems (unreadable files, invalid configs) named in the command's result
MAX_PROBLEMS = 20


@dataclass
class WorkspaceReport:
    """What a workspace check did: the command's result."""

    files: int = 0
    findings: int = 0
    problems: list[str] = field(default_factory=list)
    cancelled: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {"files": self.files, "findings": self.findings, "problems": self.problems[:MAX_PROBLEMS],
                "cancelled": self.cancelled}


def workspace_files(folders: list[str], open_paths: set[str]) -> list[str]:
    """The files a workspace check reads: those ``copylint check FOLDER...`` would, less open ones."""
    found = dict.fromkeys(os.path.abspath(p) for p in discover([f for f in folders if os.path.isdir(f)]))
    return [p for p in found if p not in open_paths]


def file_result(path: str, check: Callable[[Snapshot], CheckResult]) -> CheckResult | str:
    """A file on disk, checked (or the one line saying why it could not be read)."""
    try:
        source = read_source(path, DEFAULT_MAX_INPUT_SIZE).text
    except InputError as exc:
        return str(exc)
    return check(Snapshot(from_fs_path(path) or path, 0, 0, source, readers.format_for_path(path), path))


class WorkspaceChecker:
    """Runs workspace checks, one at a time, and remembers which files it published diagnostics for."""

    def __init__(self, in_thread: Callable[..., Awaitable[Any]], check: Callable[[Snapshot], CheckResult],
                 publish: Callable[[str, list[types.Diagnostic]], None]) -> None:
        self.in_thread = in_thread
        self.check = check
        self.publish = publish
        self.running = False
        self._published: set[str] = set()
        self._runs = 0

    async def run(self, folders: list[str], open_paths: set[str], progress: Progress | None) -> WorkspaceReport:
        """Check the workspace; ``progress`` is None when the client cannot show progress."""
        if self.running:
            return WorkspaceReport(problems=["a workspace check is already running"])
        self.running = True
        self._runs += 1
        token = f"copylint-workspace-{self._runs}"
        try:
            if progress is not None:
                await progress.create_async(token)
                progress.begin(token, types.WorkDoneProgressBegin(title="copylint: checking the workspace",
                                                                  cancellable=True, percentage=0))
            report = await self._check_files(folders, open_paths, progress, token)
            if progress is not None:
                ending = "cancelled" if report.cancelled else "done"
                progress.end(token, types.WorkDoneProgressEnd(
                    message=f"{ending}: {report.findings} findings in {report.files} files"))
            return report
        finally:
            self.running = False

    async def _check_files(self, folders: list[str], open_paths: set[str], progress: Progress | None,
                           token: str) -> WorkspaceReport:
        report = WorkspaceReport()
        paths = await self.in_thread(workspace_files, folders, open_paths)
        published: set[str] = set()
        last_report = time.monotonic()
        for i, path in enumerate(paths):
            cancel = progress.tokens.get(token) if progress is not None else None
            if cancel is not None and cancel.cancelled():
                report.cancelled = True
                break
            outcome = await self.in_thread(file_result, path, self.check)
            report.files += 1
            if isinstance(outcome, str) or outcome.error:
                report.problems.append(outcome if isinstance(outcome, str) else f"{path}: {outcome.error}")
                continue
            report.findings += len(outcome.diagnostics)
            self.publish(outcome.snapshot.uri, outcome.diagnostics)
            published.add(outcome.snapshot.uri)
            if progress is not None and time.monotonic() - last_report >= REPORT_INTERVAL:
                last_report = time.monotonic()
                progress.report(token, types.WorkDoneProgressReport(
                    message=f"{i + 1}/{len(paths)} files", percentage=(i + 1) * 100 // len(paths)))
        if not report.cancelled:
            for uri in self._published - published:  # files gone since (an open one has its own diagnostics)
                if uri_path(uri) not in open_paths:
                    self.publish(uri, [])
            self._published = published
        else:
            self._published |= published
        return report
