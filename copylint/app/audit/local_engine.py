"""The local engines: every core of this machine through a process pool, or this process alone."""

from __future__ import annotations

import itertools
import os
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from multiprocessing import get_context
from typing import Any

from copylint.app.audit.inflight import IN_FLIGHT_PER_WORKER, bounded

#: marks the end of the items
_NONE = object()
#: seconds between a worker's looks at whether the process that started the pool is alive
PARENT_CHECK_S = 1.0


def _exit_with(parent: int) -> None:
    """Make this worker exit when ``parent`` (the audit's process) is gone, however it ended (a
    killed audit must not leave its workers running)."""

    def watch() -> None:
        while True:
            time.sleep(PARENT_CHECK_S)
            try:
                os.kill(parent, 0)
            except ProcessLookupError:
                os._exit(1)
            except PermissionError:  # alive, and someone else's: cannot be ours any more
                os._exit(1)

    threading.Thread(target=watch, name="copylint-parent-watch", daemon=True).start()


class InProcessEngine:
    """One worker: this process (no start-up cost; what ``--jobs 1`` runs)."""

    workers = 1

    def map(self, fn: Callable[..., Any], items: Iterable[Any], *args: Any) -> Iterator[Any]:
        for item in items:
            yield fn(*args, item)

    def close(self) -> None:
        pass


class PoolEngine:
    """``workers`` processes started by a fork server (small and clean: they do not inherit this
    process's memory), each keeping its own Linter for the whole run. The pool starts with the
    second item: a single partition is checked in this process, with no workers to start."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self._pool: ProcessPoolExecutor | None = None

    def map(self, fn: Callable[..., Any], items: Iterable[Any], *args: Any) -> Iterator[Any]:
        stream = iter(items)
        first = next(stream, _NONE)
        second = next(stream, _NONE)
        if first is _NONE:
            return
        if second is _NONE:
            yield fn(*args, first)
            return
        if self._pool is None:
            self._pool = ProcessPoolExecutor(self.workers, mp_context=get_context("forkserver"),
                                             initializer=_exit_with, initargs=(os.getpid(),))
        pool = self._pool

        def wait_first(pending: set[Any]) -> tuple[set[Any], set[Any]]:
            done, rest = wait(pending, return_when=FIRST_COMPLETED)
            return set(done), set(rest)

        yield from bounded(lambda item: pool.submit(fn, *args, item), wait_first,
                           itertools.chain((first, second), stream), self.workers * IN_FLIGHT_PER_WORKER)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
