"""When documents are checked, and which results reach the editor.

Checks run on one thread beside the event loop, so reading the editor's messages never waits for a
check. A change starts a check after the debounce delay; a newer change in the meantime replaces it.
Every result is tied to a document *generation* (how many changes the server has applied) and an
*epoch* (bumped when a config file or word list changes, so unchanged text is checked again):

- a check whose document changed before the check thread got to it does not run (never on stale
  text);
- a result is stored and published only while its generation and epoch are the document's current
  ones, so an old result never replaces a newer one;
- a code action or hover waits for the result of the text as it is now, sharing a check that is
  already running for it.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

from copylint.app.lsp.checking import CheckResult
from copylint.app.lsp.documents import DocumentStore, Snapshot

logger = logging.getLogger(__name__)
T = TypeVar("T")


#: (generation, epoch): which text, read with which configuration
Key = tuple[int, int]


class CheckScheduler:
    """Debounced, never-stale checks of the open documents of a :class:`DocumentStore`."""

    def __init__(self, store: DocumentStore, check: Callable[[Snapshot, int], CheckResult],
                 publish: Callable[[CheckResult], None], delay: float) -> None:
        self.store = store
        self.delay = delay
        self.epoch = 0
        self._check = check
        self._publish = publish
        self._executor = ThreadPoolExecutor(1, thread_name_prefix="copylint-check")
        self._pending: dict[str, asyncio.Task[None]] = {}
        self._running: dict[str, tuple[Key, asyncio.Future[CheckResult | None]]] = {}
        self._results: dict[str, CheckResult] = {}
        self._published: dict[str, Key] = {}

    # ------------------------------------------------------------------ other work on the check thread
    def in_thread(self, func: Callable[..., T], *args: Any) -> asyncio.Future[T]:
        """Run ``func(*args)`` on the check thread (after the checks queued before it)."""
        return asyncio.get_running_loop().run_in_executor(self._executor, func, *args)

    # ------------------------------------------------------------------ scheduling
    def schedule(self, uri: str, delay: float | None = None) -> None:
        """Check ``uri`` after ``delay`` seconds (default: the debounce), replacing a check scheduled
        before that has not started waiting for its result."""
        pending = self._pending.pop(uri, None)
        if pending is not None:
            pending.cancel()
        self._pending[uri] = asyncio.get_running_loop().create_task(
            self._run(uri, self.delay if delay is None else delay))

    def recheck_all(self) -> None:
        """Check every open document again now: the configuration or a word list changed."""
        self.epoch += 1
        for doc in self.store.checked():
            self.schedule(doc.uri, 0)

    def forget(self, uri: str) -> None:
        """The document was closed."""
        pending = self._pending.pop(uri, None)
        if pending is not None:
            pending.cancel()
        self._running.pop(uri, None)
        self._results.pop(uri, None)
        self._published.pop(uri, None)

    def _key(self, uri: str) -> Key | None:
        doc = self.store.get(uri)
        if doc is None or doc.format is None:
            return None
        return doc.generation, self.epoch

    async def _run(self, uri: str, delay: float) -> None:
        task = asyncio.current_task()
        try:
            if delay > 0:
                await asyncio.sleep(delay)
            started = time.perf_counter()
            result = await self.result(uri)
            if result is None:
                return
            key = (result.snapshot.generation, result.epoch)
            if key == self._key(uri) and self._published.get(uri) != key:
                self._published[uri] = key
                self._publish(result)
                logger.debug("published %s v%d %.1f ms after the debounce (the check took %.1f ms)", uri,
                             result.snapshot.version, (time.perf_counter() - started) * 1000, result.seconds * 1000)
        except asyncio.CancelledError:
            raise
        except Exception:  # a bug must not stop the checks of other documents
            logger.exception("checking %s failed", uri)
        finally:
            if self._pending.get(uri) is task:
                del self._pending[uri]

    # ------------------------------------------------------------------ results
    async def result(self, uri: str) -> CheckResult | None:
        """The result for the document's text as it is now (None: not open, not a format copylint
        reads, or changed again while it was being checked)."""
        key = self._key(uri)
        if key is None:
            return None
        stored = self._results.get(uri)
        if stored is not None and (stored.snapshot.generation, stored.epoch) == key:
            return stored
        running = self._running.get(uri)
        if running is None or running[0] != key:
            doc = self.store.get(uri)
            assert doc is not None
            future = asyncio.ensure_future(self.in_thread(self._check_if_current, doc.snapshot(), self.epoch))
            running = self._running[uri] = (key, future)
        # shielded: a superseded waiter being cancelled must not cancel the check others wait for
        result = await asyncio.shield(running[1])
        if result is None or key != self._key(uri):
            return None
        self._results[uri] = result
        return result

    def _check_if_current(self, snapshot: Snapshot, epoch: int) -> CheckResult | None:
        """On the check thread: check the snapshot unless its document has changed since."""
        if self.store.generation(snapshot.uri) != snapshot.generation or epoch != self.epoch:
            logger.debug("skipped a check of %s generation %d: superseded", snapshot.uri, snapshot.generation)
            return None
        return self._check(snapshot, epoch)

    # ------------------------------------------------------------------ shutdown
    def close(self) -> None:
        """Cancel scheduled checks and wait for the running one to end."""
        for task in self._pending.values():
            task.cancel()
        self._pending.clear()
        self._executor.shutdown(wait=True, cancel_futures=True)
