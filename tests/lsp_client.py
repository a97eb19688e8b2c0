"""A real LSP client session with ``copylint lsp`` over stdio, for the language-server tests.

The client is pytest-lsp's (pygls's client, which also checks every message the server sends
against the capabilities the client announced): capabilities are those VS Code announces, with the
position encodings a test offers. The session records every ``publishDiagnostics`` and waits for
them by URI and version (never by time), applies the server's edits to its own copy of the text
the way an editor does (positions converted with Python's codecs, not with copylint's code), and
sends them back as incremental changes.
"""

from __future__ import annotations

import asyncio
import os
import re
import sys
import warnings
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.protocol import default_converter
from pytest_lsp import LanguageClient, LspSpecificationWarning, client_capabilities
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features

#: seconds before a wait fails the test (a cold server loads its dictionaries first)
TIMEOUT = 60
_CODECS = {"utf-8": ("utf-8", 1), "utf-16": ("utf-16-le", 2), "utf-32": ("utf-32-le", 4)}


def offset_of(text: str, position: types.Position, encoding: str) -> int:
    """The code-point offset of an LSP position, by the protocol's definition."""
    starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]
    start = starts[position.line]
    codec, unit = _CODECS[encoding]
    line = re.split(r"\r\n|\r|\n", text[start:], maxsplit=1)[0]
    encoded = line.encode(codec)[: position.character * unit]
    return start + len(encoded.decode(codec))


def range_of(text: str, start: int, end: int, encoding: str) -> types.Range:
    """The LSP range of ``text[start:end]``, by the protocol's definition."""
    def position(offset: int) -> types.Position:
        starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]
        line = max(i for i, s in enumerate(starts) if s <= offset)
        codec, unit = _CODECS[encoding]
        return types.Position(line=line, character=len(text[starts[line]:offset].encode(codec)) // unit)

    return types.Range(start=position(start), end=position(end))


class Session:
    """One server, one client, and the documents the client has open."""

    def __init__(self, client: LanguageClient, encoding: str) -> None:
        self.client = client
        self.encoding = encoding
        self.texts: dict[str, str] = {}
        self.versions: dict[str, int] = {}
        self.published: list[types.PublishDiagnosticsParams] = []
        self.registrations: list[types.Registration] = []
        self._arrived = asyncio.Condition()

    async def record(self, params: types.PublishDiagnosticsParams | types.RegistrationParams) -> None:
        async with self._arrived:
            if isinstance(params, types.RegistrationParams):
                self.registrations.extend(params.registrations)
            else:
                self.published.append(params)
            self._arrived.notify_all()

    async def wait_for(self, predicate: Callable[[], Any]) -> Any:
        async def waiting() -> Any:
            async with self._arrived:
                while not (found := predicate()):
                    await self._arrived.wait()
                return found

        return await asyncio.wait_for(waiting(), TIMEOUT)

    async def diagnostics(self, uri: str, *, after: int = 0, any_version: bool = False) -> list[types.Diagnostic]:
        """The diagnostics published for ``uri`` at its current version (or at any, for a file the
        client has not opened), among the publications from number ``after`` on, waiting for them
        if they have not come yet."""
        wanted = self.versions.get(uri)

        def found() -> list[types.PublishDiagnosticsParams]:
            return [p for p in self.published[after:] if p.uri == uri and (any_version or p.version == wanted)]

        return list((await self.wait_for(found))[-1].diagnostics)

    # ------------------------------------------------------------------ documents
    def open(self, uri: str, text: str, language_id: str = "markdown") -> None:
        self.texts[uri], self.versions[uri] = text, 1
        self.client.text_document_did_open(types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id=language_id, version=1, text=text)))

    def change(self, uri: str, start: int, end: int, new_text: str) -> None:
        """Replace ``[start, end)`` of the client's text and tell the server (one incremental change)."""
        self.send_changes(uri, [(start, end, new_text)])

    def send_changes(self, uri: str, edits: list[tuple[int, int, str]]) -> None:
        """Apply edits (offsets into the current text, not overlapping) from the last to the first,
        each sent as an incremental change, as an editor applying a workspace edit does."""
        text = self.texts[uri]
        changes = []
        for start, end, new_text in sorted(edits, reverse=True):
            changes.append(types.TextDocumentContentChangePartial(range=range_of(text, start, end, self.encoding),
                                                                  text=new_text))
            text = text[:start] + new_text + text[end:]
        self.texts[uri] = text
        self.versions[uri] += 1
        self.client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=self.versions[uri]),
            content_changes=changes))

    def apply(self, edit: types.WorkspaceEdit) -> None:
        """Apply a code action's edit as an editor does: refuse it if it is for another version."""
        if edit.document_changes:
            for change in edit.document_changes:
                assert isinstance(change, types.TextDocumentEdit)
                uri = change.text_document.uri
                assert change.text_document.version == self.versions[uri], "an edit for another version"
                self._apply_text_edits(uri, list(change.edits))
        for uri, text_edits in (edit.changes or {}).items():
            self._apply_text_edits(uri, list(text_edits))

    def _apply_text_edits(self, uri: str, text_edits: list[Any]) -> None:
        text = self.texts[uri]
        edits = [(offset_of(text, e.range.start, self.encoding), offset_of(text, e.range.end, self.encoding),
                  e.new_text) for e in text_edits]
        self.send_changes(uri, edits)

    # ------------------------------------------------------------------ requests
    async def actions(self, uri: str, start: int, end: int,
                      only: list[str] | None = None) -> list[types.CodeAction]:
        params = types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=range_of(self.texts[uri], start, end, self.encoding),
            context=types.CodeActionContext(diagnostics=[], only=only))  # type: ignore[arg-type]
        found = await self.client.text_document_code_action_async(params)
        return [a for a in found or [] if isinstance(a, types.CodeAction)]

    async def hover(self, uri: str, offset: int) -> types.Hover | None:
        position = range_of(self.texts[uri], offset, offset, self.encoding).start
        return await self.client.text_document_hover_async(
            types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri), position=position))

    async def command(self, command: types.Command) -> Any:
        return await self.client.workspace_execute_command_async(
            types.ExecuteCommandParams(command=command.command, arguments=command.arguments))


def _converter() -> Any:
    """pygls's converter, reading a code action as the protocol says: a ``Command`` has a string
    ``command``, a ``CodeAction`` may carry a command object (lsprotocol 2025.0.0 takes any item
    with a ``command`` key for a Command, and so loses such code actions; real editors do not)."""
    converter = default_converter()

    def command_or_action(item: Any, _: type) -> types.Command | types.CodeAction:
        kind = types.Command if isinstance(item.get("command"), str) else types.CodeAction
        return converter.structure(item, kind)

    converter.register_structure_hook(types.Command | types.CodeAction, command_or_action)  # type: ignore[arg-type]
    return converter


def server_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "copylint", "lsp", *args]


@asynccontextmanager
async def lsp_session(workspace: Path, *, encodings: list[str] | None = None, options: dict | None = None,
                      args: tuple[str, ...] = ()) -> AsyncIterator[Session]:
    """Start ``copylint lsp`` in ``workspace``, initialize it (offering ``encodings``, with
    initialization ``options``), and shut it down at the end, checking that it exits 0."""
    client = LanguageClient(converter_factory=_converter)
    # pytest-lsp's handlers (messages, progress, configuration...), and the session's own for diagnostics
    register_lsp_features(client, {method: handler for method, handler in DEFAULT_CLIENT_FEATURES.items()
                                   if method != types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS})
    capabilities = client_capabilities("visual-studio-code")
    if encodings is not None:
        capabilities.general = types.GeneralClientCapabilities(position_encodings=encodings)  # type: ignore[arg-type]
    session = Session(client, "utf-16")

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    async def publish(params: types.PublishDiagnosticsParams) -> None:
        await session.record(params)

    @client.feature(types.CLIENT_REGISTER_CAPABILITY)
    async def register(params: types.RegistrationParams) -> None:
        await session.record(params)

    env = {**os.environ, "XDG_CACHE_HOME": str(workspace / ".cache")}
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", LspSpecificationWarning)
        await client.start_io(*server_command(*args), cwd=str(workspace), env=env)
        try:
            result = await asyncio.wait_for(client.initialize_session(types.InitializeParams(
                capabilities=capabilities, root_uri=workspace.as_uri(), initialization_options=options,
                workspace_folders=[types.WorkspaceFolder(uri=workspace.as_uri(), name=workspace.name)])), TIMEOUT)
            encoding = result.capabilities.position_encoding
            session.encoding = getattr(encoding, "value", encoding) or "utf-16"
            yield session
            await asyncio.wait_for(client.shutdown_session(), TIMEOUT)
            assert client._server is not None and client._server.returncode == 0
        finally:
            if client._server is not None and client._server.returncode is None:
                client._server.kill()  # the test failed before the shutdown
            await client.stop()
    problems = [str(w.message) for w in caught if issubclass(w.category, LspSpecificationWarning)]
    assert not problems, problems
