"""The copylint language server's state: pygls's server with copylint's open documents, checker,
check scheduler and workspace checker, and how it tells the editor things (diagnostics, messages).
The handlers of the protocol's messages are in :mod:`copylint.app.lsp.handlers`."""

from __future__ import annotations

import logging
from collections.abc import Generator
from typing import Any

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol, lsp_method

from copylint.app.lsp.checking import Checker, CheckResult
from copylint.app.lsp.documents import DocumentStore
from copylint.app.lsp.rule_docs import RuleDocs
from copylint.app.lsp.scheduler import CheckScheduler
from copylint.app.lsp.settings import ServerSettings
from copylint.app.lsp.workspace import WorkspaceChecker
from copylint.core.version import __version__
from copylint.engine.registry import all_rules

logger = logging.getLogger(__name__)


class CopylintProtocol(LanguageServerProtocol):
    """pygls's protocol, except that the server keeps the open documents itself
    (:mod:`copylint.app.lsp.documents`) instead of pygls's workspace, whose text follows other line
    breaks than the protocol's (``str.splitlines``) and so could take a change at the wrong place."""

    def _user_handler(self, method: str, params: Any) -> Generator[Any, Any, None]:
        if (handler := self.fm.features.get(method)) is not None:
            yield handler, (params,), None

    @lsp_method(types.TEXT_DOCUMENT_DID_OPEN)
    def lsp_text_document__did_open(self, params: types.DidOpenTextDocumentParams) -> Generator[Any, Any, None]:
        yield from self._user_handler(types.TEXT_DOCUMENT_DID_OPEN, params)

    @lsp_method(types.TEXT_DOCUMENT_DID_CHANGE)
    def lsp_text_document__did_change(self, params: types.DidChangeTextDocumentParams) -> Generator[Any, Any, None]:
        yield from self._user_handler(types.TEXT_DOCUMENT_DID_CHANGE, params)

    @lsp_method(types.TEXT_DOCUMENT_DID_CLOSE)
    def lsp_text_document__did_close(self, params: types.DidCloseTextDocumentParams) -> Generator[Any, Any, None]:
        yield from self._user_handler(types.TEXT_DOCUMENT_DID_CLOSE, params)


class CopylintServer(LanguageServer):
    """The server and everything it keeps between messages."""

    def __init__(self, settings: ServerSettings) -> None:
        super().__init__("copylint", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Incremental,
                         protocol_cls=CopylintProtocol)
        self.settings = settings
        self.rules = all_rules()
        self.store = DocumentStore()
        self.docs = RuleDocs(self.rules, settings.docs_url)
        self.checker = Checker(self.docs, settings.config_file, settings.isolated)
        self.scheduler = CheckScheduler(self.store, self.checker.result, self.publish_result, settings.debounce)
        self.workspace_checker = WorkspaceChecker(self.scheduler.in_thread, self.checker.result, self.publish)
        #: True once the client asked for a shutdown (the exit status is 0 only then)
        self.shut_down = False
        #: initialization options that were ignored, shown once the client is ready
        self.problems: list[str] = []
        self._shown_errors: set[str] = set()

    @property
    def encoding(self) -> str:
        """The position encoding agreed with the client."""
        return self.checker.encoding

    def capability(self, *path: str) -> Any:
        """A client capability by its attribute path (None when the client did not say)."""
        value: Any = self.client_capabilities
        for name in path:
            value = getattr(value, name, None)
            if value is None:
                return None
        return value

    # ------------------------------------------------------------------ telling the editor
    def publish_result(self, result: CheckResult) -> None:
        if result.error:
            self.report_error(result.error)
        else:
            self._shown_errors.clear()  # fixed: the same mistake made again is shown again
        logger.debug("publish %s v%d: %d diagnostics", result.snapshot.uri, result.snapshot.version,
                     len(result.diagnostics))
        self.publish(result.snapshot.uri, result.diagnostics, result.snapshot.version)

    def publish(self, uri: str, diagnostics: list[types.Diagnostic], version: int | None = None) -> None:
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics, version=version))

    def report_error(self, message: str) -> None:
        """An error the user can fix (an invalid config): shown once, logged every time."""
        logger.warning("%s", message)
        if message not in self._shown_errors:
            self._shown_errors.add(message)
            self.show(types.MessageType.Error, message)

    def show(self, kind: types.MessageType, message: str) -> None:
        self.window_show_message(types.ShowMessageParams(type=kind, message=f"copylint: {message}"))

    def close(self) -> None:
        """Stop checking and release what the rules hold."""
        self.scheduler.close()
        self.checker.close()
