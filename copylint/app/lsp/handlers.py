"""What the copylint language server does with each message.

It publishes diagnostics for Markdown, HTML and plain-text documents when they are opened, changed
(after the debounce; see :mod:`copylint.app.lsp.scheduler`) and saved; checks open documents again
when a config file or word list changes; answers code actions (:mod:`~copylint.app.lsp.actions`)
and hovers (:mod:`~copylint.app.lsp.hover`); and runs two commands: ``copylint.addWord`` (add a
word to the document's word list, then check every open document again) and
``copylint.checkWorkspace`` (:mod:`~copylint.app.lsp.workspace`).
"""

from __future__ import annotations

import logging
import os
import sys
import time
from typing import Any

from lsprotocol import types
from pygls.uris import to_fs_path

from copylint.app.lsp import hover as hovers
from copylint.app.lsp.actions import (
    ADD_WORD_COMMAND,
    FIX_ALL_KIND,
    QUICK_FIX_KIND,
    ActionBuilder,
    ActionContext,
    wanted,
)
from copylint.app.lsp.documents import Snapshot
from copylint.app.lsp.server import CopylintServer
from copylint.app.lsp.settings import ServerSettings
from copylint.app.lsp.workspace import CHECK_WORKSPACE_COMMAND
from copylint.app.wordlists import WordListTarget, add_words, create_config, word_problem
from copylint.core.config import CONFIG_FILES
from copylint.core.edits import is_fixable
from copylint.core.errors import CopylintError

logger = logging.getLogger(__name__)
#: files whose change may change findings: config files, and the word lists among ``*.txt``
WATCHED = ("**/pyproject.toml", "**/.copylint.toml", "**/*.txt")


# ---------------------------------------------------------------------- lifecycle
def initialize(ls: CopylintServer, params: types.InitializeParams) -> None:
    settings, ls.problems = ls.settings.with_client_options(params.initialization_options)
    ls.settings = settings
    ls.scheduler.delay = settings.debounce
    ls.docs.template = settings.docs_url
    encoding = ls.workspace.position_encoding or types.PositionEncodingKind.Utf16  # chosen by pygls
    ls.checker.encoding = getattr(encoding, "value", encoding)
    folders = [f.uri for f in params.workspace_folders or ()]
    if not folders and params.root_uri:
        folders = [params.root_uri]
    ls.checker.folders = _paths(folders) or ([os.path.abspath(params.root_path)] if params.root_path else [])
    ls.scheduler.in_thread(_start_up, ls)  # queued now, so it comes before the first check
    logger.info("client %s, position encoding %s, folders %s, debounce %.0f ms",
                params.client_info.name if params.client_info else "(unnamed)", ls.encoding, ls.checker.folders,
                settings.debounce * 1000)


async def initialized(ls: CopylintServer, params: types.InitializedParams) -> None:
    for problem in ls.problems:
        ls.show(types.MessageType.Warning, problem)
    if ls.capability("workspace", "did_change_watched_files", "dynamic_registration"):
        options = types.DidChangeWatchedFilesRegistrationOptions(
            watchers=[types.FileSystemWatcher(glob_pattern=g) for g in WATCHED])
        registration = types.Registration(id="copylint-watched-files", method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                                          register_options=options)
        try:
            await ls.client_register_capability_async(types.RegistrationParams(registrations=[registration]))
        except Exception as exc:  # refused: a changed config is still read again at the next check
            logger.warning("could not watch config files: %s", exc)


def _paths(uris: list[str]) -> list[str]:
    return [os.path.abspath(p) for p in map(to_fs_path, uris) if p]


def did_change_workspace_folders(ls: CopylintServer, params: types.DidChangeWorkspaceFoldersParams) -> None:
    ls.checker.folders = _paths([f.uri for f in ls.workspace.folders.values()])  # pygls has applied the change


def did_change_configuration(ls: CopylintServer, params: types.DidChangeConfigurationParams) -> None:
    """Editors send their settings here; copylint's come from config files (and the command line)."""
    logger.debug("workspace/didChangeConfiguration ignored: settings come from pyproject.toml / .copylint.toml")


def _start_up(ls: CopylintServer) -> None:
    """On the check thread, before the first check: the rule pages, then the dictionaries."""
    try:
        problem = ls.docs.prepare()
        if problem:
            logger.warning("%s", problem)
        logger.info("warmed up in %.2f s", ls.checker.warm_up())
    except Exception:  # nobody awaits this: say what went wrong (the first check will too)
        logger.exception("start-up failed")


def shutdown(ls: CopylintServer, params: None) -> None:
    ls.shut_down = True
    ls.close()


# ---------------------------------------------------------------------- documents
def did_open(ls: CopylintServer, params: types.DidOpenTextDocumentParams) -> None:
    doc = ls.store.open(params.text_document)
    if doc.format is not None:
        ls.scheduler.schedule(doc.uri, 0)


def did_change(ls: CopylintServer, params: types.DidChangeTextDocumentParams) -> None:
    doc = ls.store.change(params, ls.encoding)
    if doc is not None and doc.format is not None:
        ls.scheduler.schedule(doc.uri)


def did_save(ls: CopylintServer, params: types.DidSaveTextDocumentParams) -> None:
    doc = ls.store.get(params.text_document.uri)
    if doc is not None and doc.format is not None:
        ls.scheduler.schedule(doc.uri, 0)


def did_close(ls: CopylintServer, params: types.DidCloseTextDocumentParams) -> None:
    uri = params.text_document.uri
    doc = ls.store.get(uri)
    ls.store.close(uri)
    ls.scheduler.forget(uri)
    if doc is not None and doc.format is not None:
        ls.publish(uri, [])


async def did_change_watched_files(ls: CopylintServer, params: types.DidChangeWatchedFilesParams) -> None:
    paths = [p for p in (to_fs_path(c.uri) for c in params.changes) if p]
    if await ls.scheduler.in_thread(_affects_checks, ls, paths):
        ls.scheduler.recheck_all()


def _affects_checks(ls: CopylintServer, paths: list[str]) -> bool:
    """On the check thread: is one of these files a config file, or a word list in use?"""
    in_use = ls.checker.word_lists_in_use()
    return any(os.path.basename(p) in CONFIG_FILES or os.path.abspath(p) in in_use for p in paths)


# ---------------------------------------------------------------------- requests
async def code_action(ls: CopylintServer, params: types.CodeActionParams) -> list[types.CodeAction] | None:
    result = await ls.scheduler.result(params.text_document.uri)
    if result is None or result.checked is None:
        return None
    only = [getattr(k, "value", k) for k in params.context.only] if params.context.only else None
    start, end = result.positions.offset(params.range.start), result.positions.offset(params.range.end)
    fixed_text = None
    if wanted(FIX_ALL_KIND, only) and any(is_fixable(f) for f in result.findings):
        fixed_text = await ls.scheduler.in_thread(ls.checker.fixed_text, result.snapshot, result.checked)
    word_list = None
    if any(f.category == "spelling" and f.start <= end and start <= f.end for f in result.findings):
        word_list = await ls.scheduler.in_thread(_word_list, ls, result.snapshot)
    document_changes = bool(ls.capability("workspace", "workspace_edit", "document_changes"))
    context = ActionContext(start, end, only, document_changes, word_list, fixed_text)
    return ActionBuilder(result, context).actions()


def _word_list(ls: CopylintServer, snapshot: Snapshot) -> WordListTarget | None:
    try:
        return ls.checker.word_list_for(ls.checker.config_path(snapshot))
    except CopylintError:  # the config is invalid: its error is already shown
        return None


async def hover(ls: CopylintServer, params: types.HoverParams) -> types.Hover | None:
    result = await ls.scheduler.result(params.text_document.uri)
    if result is None:
        return None
    formats = ls.capability("text_document", "hover", "content_format")
    markdown = formats is None or types.MarkupKind.Markdown in formats
    return hovers.hover(result.findings, result.positions.offset(params.position), ls.rules, result.positions,
                        markdown=markdown)


# ---------------------------------------------------------------------- commands
async def add_word(ls: CopylintServer, uri: str, word: str) -> dict[str, Any]:
    """``copylint.addWord URI WORD``: add WORD to the first word list URI's config names (the file
    is created if it is missing; without any config file, a ``words.txt`` and the ``.copylint.toml``
    naming it), then check every open document again."""
    doc = ls.store.get(uri)
    if doc is None or doc.format is None:
        return _command_error(ls, f"{uri} is not an open document copylint checks")
    problem = word_problem(word)
    if problem:
        return _command_error(ls, problem)
    try:
        target, added = await ls.scheduler.in_thread(_add_word, ls, doc.snapshot(), word)
    except (CopylintError, OSError) as exc:
        return _command_error(ls, f"could not add “{word}”: {exc}")
    if target is None:
        return _command_error(ls, f"no word list to add “{word}” to: name one in words = [...] in "
                                  "[tool.copylint] of pyproject.toml, or in .copylint.toml")
    logger.info("added %r to %s", word, target.path)
    ls.scheduler.recheck_all()
    return {"file": target.path, "added": added, "config": target.new_config}


def _add_word(ls: CopylintServer, snapshot: Snapshot, word: str) -> tuple[WordListTarget | None, bool]:
    target = ls.checker.word_list_for(ls.checker.config_path(snapshot))
    if target is None:
        return None, False
    if target.new_config is not None:
        create_config(target)
    return target, bool(add_words(target.path, [word]))


def _command_error(ls: CopylintServer, message: str) -> dict[str, Any]:
    ls.show(types.MessageType.Error, message)
    return {"error": message}


async def check_workspace(ls: CopylintServer, *args: Any) -> dict[str, Any]:
    """``copylint.checkWorkspace``: check every file of the workspace folders (see
    :mod:`copylint.app.lsp.workspace`); returns the counts."""
    progress = ls.work_done_progress if ls.capability("window", "work_done_progress") else None
    started = time.perf_counter()
    report = await ls.workspace_checker.run(ls.checker.folders, ls.store.paths(), progress)
    logger.info("workspace: %d files, %d findings in %.1f s", report.files, report.findings,
                time.perf_counter() - started)
    return report.to_dict()


# ---------------------------------------------------------------------- running
def build_server(settings: ServerSettings) -> CopylintServer:
    """A server with every handler registered."""
    ls = CopylintServer(settings)
    ls.feature(types.INITIALIZE)(initialize)
    ls.feature(types.INITIALIZED)(initialized)
    ls.feature(types.SHUTDOWN)(shutdown)
    ls.feature(types.TEXT_DOCUMENT_DID_OPEN)(did_open)
    ls.feature(types.TEXT_DOCUMENT_DID_CHANGE)(did_change)
    ls.feature(types.TEXT_DOCUMENT_DID_SAVE)(did_save)
    ls.feature(types.TEXT_DOCUMENT_DID_CLOSE)(did_close)
    ls.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)(did_change_watched_files)
    ls.feature(types.WORKSPACE_DID_CHANGE_WORKSPACE_FOLDERS)(did_change_workspace_folders)
    ls.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)(did_change_configuration)
    ls.feature(types.TEXT_DOCUMENT_CODE_ACTION,
               types.CodeActionOptions(code_action_kinds=[QUICK_FIX_KIND, FIX_ALL_KIND]))(code_action)
    ls.feature(types.TEXT_DOCUMENT_HOVER)(hover)
    ls.command(ADD_WORD_COMMAND)(add_word)
    ls.command(CHECK_WORKSPACE_COMMAND)(check_workspace)
    return ls


def serve(settings: ServerSettings) -> int:
    """Run the server on standard input and output until the client says exit: 0 after a shutdown
    request, 1 without one (as the protocol says)."""
    ls = build_server(settings)
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # a stray print must not corrupt the protocol stream
    try:
        ls.start_io(stdin, stdout)
    finally:
        ls.close()
    return 0 if ls.shut_down else 1
