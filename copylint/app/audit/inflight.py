"""Bounded submission: a stream of work items, never more than a few per worker in flight."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

#: items submitted per worker and not yet returned: one running, one waiting
IN_FLIGHT_PER_WORKER = 2


def bounded(submit: Callable[[Any], Any], wait_first: Callable[[set[Any]], tuple[set[Any], set[Any]]],
            items: Iterable[Any], limit: int) -> Iterator[Any]:
    """Submit items, keeping at most ``limit`` unfinished; yield each finished future's result."""
    pending: set[Any] = set()
    for item in items:
        pending.add(submit(item))
        while len(pending) >= limit:
            done, pending = wait_first(pending)
            for future in done:
                yield future.result()
    while pending:
        done, pending = wait_first(pending)
        for future in done:
            yield future.result()
