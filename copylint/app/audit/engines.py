"""Where partitions are checked: in this process, a local process pool, or a Dask cluster.

An engine only moves work: ``map(fn, items, *args)`` calls ``fn(*args, item)`` for every item
somewhere and yields the results as they finish, with at most a few items per worker in flight
(:mod:`.inflight`), so memory stays bounded however long the stream of items is. The work itself is always
:func:`copylint.app.audit.partition.check_partition` (or the line counting of ``learn``).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Protocol

ENGINES = ("local", "dask")


class Engine(Protocol):
    workers: int

    def map(self, fn: Callable[..., Any], items: Iterable[Any], *args: Any) -> Iterator[Any]: ...

    def close(self) -> None: ...


def open_engine(engine: str, jobs: int = 0, scheduler: str | None = None) -> Engine:
    """The engine named (``local``, ``dask``; a ``scheduler`` address means Dask), ``jobs`` workers
    (0: one per core) for the local ones."""
    workers = jobs if jobs > 0 else (os.cpu_count() or 1)
    if scheduler or engine == "dask":
        from copylint.app.audit.dask_engine import DaskEngine

        return DaskEngine(scheduler, workers)
    from copylint.app.audit.local_engine import InProcessEngine, PoolEngine

    return PoolEngine(workers) if workers > 1 else InProcessEngine()
