"""The local engines: every core of this machine through a process pool, or this process alone."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from multiprocessing import get_context
from typing import Any

from copylint.app.audit.inflight import IN_FLIGHT_PER_WORKER, bounded


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
    process's memory), each keeping its own Linter for the whole run."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self._pool = ProcessPoolExecutor(workers, mp_context=get_context("forkserver"))

    def map(self, fn: Callable[..., Any], items: Iterable[Any], *args: Any) -> Iterator[Any]:
        def wait_first(pending: set[Any]) -> tuple[set[Any], set[Any]]:
            done, rest = wait(pending, return_when=FIRST_COMPLETED)
            return set(done), set(rest)

        yield from bounded(lambda item: self._pool.submit(fn, *args, item), wait_first, items,
                           self.workers * IN_FLIGHT_PER_WORKER)

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)
