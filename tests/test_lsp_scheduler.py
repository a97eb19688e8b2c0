"""The check scheduler: changes are debounced, a check never runs on text that changed before it
started, and an old result never replaces a newer one. The check is a stand-in that records what
it was asked and can be held; every wait is on an event, none on time."""

from __future__ import annotations

import asyncio
import threading

import pytest

pytest.importorskip("pygls")

from lsprotocol import types

from copylint.app.lsp.checking import CheckResult
from copylint.app.lsp.documents import DocumentStore, Snapshot
from copylint.app.lsp.positions import TextPositions
from copylint.app.lsp.scheduler import CheckScheduler

URI = "file:///desk/story.md"
WAIT = 30  # seconds before a test gives up on an event that never comes


class Harness:
    """A store with one open document, a scheduler, and the checks and publications it made."""

    def __init__(self, delay: float = 0.0) -> None:
        self.store = DocumentStore()
        self.store.open(types.TextDocumentItem(uri=URI, language_id="markdown", version=1, text="v1"))
        self.checked: list[str] = []
        self.published: list[str] = []
        self.release = threading.Event()
        self.release.set()
        self.started = threading.Event()
        self.publication = asyncio.Event()
        self.scheduler = CheckScheduler(self.store, self.check, self.publish, delay)

    def check(self, snapshot: Snapshot, epoch: int) -> CheckResult:
        self.checked.append(snapshot.text)
        self.started.set()
        assert self.release.wait(WAIT)
        return CheckResult(snapshot, epoch, TextPositions(snapshot.text), [], [], None)

    def publish(self, result: CheckResult) -> None:
        self.published.append(result.snapshot.text)
        self.publication.set()

    def edit(self, text: str) -> None:
        doc = self.store.get(URI)
        assert doc is not None
        self.store.change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=URI, version=doc.version + 1),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)]), "utf-16")

    async def next_publication(self) -> None:
        await asyncio.wait_for(self.publication.wait(), WAIT)
        self.publication.clear()

    async def until_started(self) -> None:
        assert await asyncio.get_running_loop().run_in_executor(None, self.started.wait, WAIT)
        self.started.clear()


def run(scenario) -> None:
    asyncio.run(asyncio.wait_for(scenario(), WAIT * 2))


def test_changes_within_the_debounce_make_one_check_of_the_last_text() -> None:
    async def scenario() -> None:
        h = Harness(delay=0.05)
        for text in ("v2", "v3", "v4"):
            h.edit(text)
            h.scheduler.schedule(URI)
        await h.next_publication()
        assert (h.checked, h.published) == (["v4"], ["v4"])
        h.scheduler.close()

    run(scenario)


def test_an_old_result_never_replaces_a_newer_one() -> None:
    async def scenario() -> None:
        h = Harness()
        h.release.clear()
        h.scheduler.schedule(URI, 0)
        await h.until_started()  # v1 is being checked...
        h.edit("v2")  # ...when the editor changes it
        h.scheduler.schedule(URI, 0)
        h.release.set()
        await h.next_publication()
        assert h.checked == ["v1", "v2"]
        assert h.published == ["v2"]
        h.scheduler.close()

    run(scenario)


def test_a_check_does_not_run_on_text_that_changed_before_it_started() -> None:
    async def scenario() -> None:
        h = Harness()
        busy = threading.Event()
        held = h.scheduler.in_thread(busy.wait, WAIT)  # the check thread is busy...
        h.scheduler.schedule(URI, 0)  # ...so the check of v1 waits behind it
        await asyncio.sleep(0)  # let the scheduled task queue its check
        h.edit("v2")
        h.scheduler.schedule(URI, 0)
        busy.set()
        await held
        await h.next_publication()
        assert (h.checked, h.published) == (["v2"], ["v2"])
        h.scheduler.close()

    run(scenario)


def test_requests_share_the_check_of_the_current_text_and_rechecks_read_it_again() -> None:
    async def scenario() -> None:
        h = Harness()
        first, second = await asyncio.gather(h.scheduler.result(URI), h.scheduler.result(URI))
        assert first is second and h.checked == ["v1"]
        assert await h.scheduler.result(URI) is first  # stored: no second check
        h.scheduler.recheck_all()  # a word list changed: same text, checked again and published
        await h.next_publication()
        assert h.checked == ["v1", "v1"] and h.published == ["v1"]
        h.store.close(URI)
        h.scheduler.forget(URI)
        assert await h.scheduler.result(URI) is None
        reopened = h.store.open(types.TextDocumentItem(uri=URI, language_id="markdown", version=1, text="v1"))
        assert reopened.generation != first.snapshot.generation  # never mistaken for the closed one's text
        h.scheduler.close()

    run(scenario)
