"""Checking documents with the engine and configuration ``copylint check`` uses: each file's nearest
``pyproject.toml`` / ``.copylint.toml`` (or one ``--config`` file, or none with ``--isolated``) and
one :class:`~copylint.engine.linter.Linter` per configuration.

A config file that changed on disk since the last check (written, created or deleted) is read again
before the next one: every check compares the config files on the way up from its document's folder
with what they were, at the cost of a few ``stat`` calls. Word lists are read again by the engine
when they change. A :class:`Checker` is used from one thread (the server's check thread).
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass

from lsprotocol import types

from copylint import readers
from copylint.app.linters import Linters
from copylint.app.lsp.diagnostics import to_diagnostic
from copylint.app.lsp.documents import Snapshot
from copylint.app.lsp.positions import UTF16, TextPositions
from copylint.app.lsp.rule_docs import RuleDocs
from copylint.app.wordlists import WordListTarget, configured_word_lists, word_list_target
from copylint.core.config import CONFIG_FILES, Config, ConfigFinder, load_config_file
from copylint.core.document import Document
from copylint.core.errors import CopylintError
from copylint.core.finding import Finding
from copylint.engine.fixing import fix_source
from copylint.engine.linter import Linter
from copylint.engine.registry import rule_options

#: (modification time, size) of a file, or None when it does not exist
FileStamp = tuple[int, int] | None


@dataclass(frozen=True)
class Checked:
    """A snapshot's findings, the document they were found in, and the config used."""

    findings: list[Finding]
    document: Document
    config: Config


@dataclass(frozen=True)
class CheckResult:
    """What the editor is told about one snapshot: its findings and their diagnostics (in the same
    order), or why it could not be checked."""

    snapshot: Snapshot
    #: the configuration epoch it was checked in (see :mod:`copylint.app.lsp.scheduler`)
    epoch: int
    positions: TextPositions
    findings: list[Finding]
    diagnostics: list[types.Diagnostic]
    #: None when the check could not run (``error`` says why)
    checked: Checked | None
    error: str | None = None
    #: how long the check took
    seconds: float = 0.0


def _stamp(path: str) -> FileStamp:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_mtime_ns, info.st_size


class Checker:
    """Findings, fixes and word lists for documents, with each document's configuration."""

    def __init__(self, docs: RuleDocs, config_file: str | None = None, isolated: bool = False) -> None:
        self.docs = docs
        self.config_file = os.path.abspath(config_file) if config_file else None
        self.isolated = isolated
        #: the position encoding agreed with the client
        self.encoding = UTF16
        #: the workspace folders; the first one's config applies to documents that are not files
        self.folders: list[str] = []
        self._finder: ConfigFinder | None = None
        self._stamps: dict[str, FileStamp] = {}
        self._linters = Linters()

    # ------------------------------------------------------------------ configuration
    def config_for(self, path: str) -> Config:
        """The config for a file at ``path``, read again if a config file changed since last time.
        Raises :class:`~copylint.core.errors.ConfigError` for an invalid one."""
        if self._config_files_changed(path) or self._finder is None:
            self._reload()
        assert self._finder is not None
        return self._finder.for_path(path)

    def _config_files_changed(self, path: str) -> bool:
        candidates: list[str]
        if self.isolated:
            candidates = []
        elif self.config_file:
            candidates = [self.config_file]
        else:
            candidates = []
            folder = os.path.dirname(os.path.abspath(path))
            while True:
                candidates.extend(os.path.join(folder, name) for name in CONFIG_FILES)
                parent = os.path.dirname(folder)
                if parent == folder:
                    break
                folder = parent
        changed = False
        for candidate in candidates:
            stamp = _stamp(candidate)
            if candidate in self._stamps and self._stamps[candidate] != stamp:
                changed = True
            self._stamps[candidate] = stamp
        return changed

    def _reload(self) -> None:
        """Forget every config read so far (and the linters built for them)."""
        self._finder = None  # until the new one is built: a config that cannot be read is no config
        self.close()
        known = rule_options()
        explicit = None
        if self.config_file:
            explicit = load_config_file(self.config_file, known) or Config(source=self.config_file)
        self._finder = ConfigFinder(known, explicit, isolated=self.isolated)

    def config_path(self, snapshot: Snapshot) -> str:
        """The path a document's config is looked up by."""
        return snapshot.path or os.path.join(self.folders[0] if self.folders else os.getcwd(), "untitled")

    def linter_for(self, config: Config) -> Linter:
        return self._linters.for_config(config)

    # ------------------------------------------------------------------ work
    def check(self, snapshot: Snapshot) -> Checked:
        """The findings of one snapshot. Raises :class:`~copylint.core.errors.CopylintError` when
        its configuration (or a word list, a pack it names) is invalid."""
        config = self.config_for(self.config_path(snapshot))
        document = readers.read(snapshot.text, snapshot.path or snapshot.uri, snapshot.format)
        return Checked(self.linter_for(config).check_document(document), document, config)

    def result(self, snapshot: Snapshot, epoch: int = 0) -> CheckResult:
        """The snapshot checked, as diagnostics (a configuration error is the result's ``error``)."""
        started = time.perf_counter()
        positions = TextPositions(snapshot.text, self.encoding)
        try:
            checked = self.check(snapshot)
        except CopylintError as exc:
            return CheckResult(snapshot, epoch, positions, [], [], None, str(exc), time.perf_counter() - started)
        diagnostics = [to_diagnostic(f, positions, snapshot.uri, checked.document, self.docs)
                       for f in checked.findings]
        return CheckResult(snapshot, epoch, positions, checked.findings, diagnostics, checked, None,
                           time.perf_counter() - started)

    def fixed_text(self, snapshot: Snapshot, checked: Checked) -> str:
        """The snapshot's text with every safe fix applied, checked and fixed again until it settles
        (what ``copylint fix`` writes)."""
        linter = self.linter_for(checked.config)
        return fix_source(linter, snapshot.text, format=snapshot.format, path=checked.document.path,
                          findings=checked.findings).text

    def word_list_for(self, path: str) -> WordListTarget | None:
        """Where "add to the word list" writes for a file: the first word list its config names, or,
        when no config file applies (and none is forced or ignored), a new one named by a new
        ``.copylint.toml`` in the file's workspace folder (else its own folder)."""
        if self.isolated:
            return None
        config = self.config_for(path)
        folder = os.path.dirname(os.path.abspath(path))
        inside = [f for f in self.folders if folder == f or folder.startswith(f.rstrip(os.sep) + os.sep)]
        return word_list_target(config, max(inside, key=len) if inside else folder)

    def word_lists_in_use(self) -> set[str]:
        """The word lists of every config documents were checked with since the last reload."""
        return {path for linter in self._linters.all() for path in configured_word_lists(linter.config)}

    def warm_up(self) -> float:
        """Load the dictionaries now, with the config of the first workspace folder (the default
        config if it is invalid); returns the seconds it took."""
        try:
            config = self.config_for(os.path.join(self.folders[0] if self.folders else os.getcwd(), "untitled"))
        except CopylintError:  # reported when a document there is checked
            config = Config()
        return self.linter_for(config).warm_up()

    def close(self) -> None:
        self._linters.close()
