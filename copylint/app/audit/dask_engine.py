"""The Dask engine: an existing cluster (``--scheduler tcp://host:8786``) or a local one (``--engine dask``).

This process reads the export and sends each partition to a worker (``scatter``, so the rows go
straight to a worker rather than through the scheduler), so the workers need copylint installed
(the same version: checked at connection) but no access to the archive. Word lists and packs named
by path in the configuration are read by the workers from the same paths.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from copylint.app.audit.extra import require
from copylint.app.audit.inflight import IN_FLIGHT_PER_WORKER, bounded
from copylint.core.errors import CopylintError
from copylint.core.version import __version__

#: seconds to wait for a scheduler to answer
CONNECT_TIMEOUT = 15


def _worker_version() -> str:
    from copylint.core.version import __version__ as version

    return version


class DaskEngine:
    def __init__(self, scheduler: str | None, workers: int) -> None:
        distributed = require("distributed", "the Dask engine")
        self._distributed = distributed
        self._cluster = None
        if scheduler:
            try:
                self._client = distributed.Client(scheduler, timeout=CONNECT_TIMEOUT)
            except (OSError, TimeoutError, ValueError) as exc:
                raise CopylintError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
        else:
            self._cluster = distributed.LocalCluster(
                n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                dashboard_address=None, silence_logs=logging.ERROR)
            self._client = distributed.Client(self._cluster)
        try:
            versions = self._client.run(_worker_version)
        except Exception as exc:  # a worker without copylint fails to unpickle the call
            self.close()
            raise CopylintError(f"Dask workers cannot run copylint ({type(exc).__name__}: {exc}); install "
                                f"copylint[audit] {__version__} on every worker") from None
        wrong = sorted(f"{worker} has {version}" for worker, version in versions.items() if version != __version__)
        if wrong:
            self.close()
            raise CopylintError(f"Dask workers run another copylint than {__version__} ({'; '.join(wrong)}): "
                                "findings would differ; install the same version on every worker")
        self.workers = max(1, len(versions))

    def map(self, fn: Callable[..., Any], items: Iterable[Any], *args: Any) -> Iterator[Any]:
        client = self._client

        def submit(item: Any) -> Any:
            return client.submit(fn, *args, client.scatter(item, hash=False), pure=False)

        def wait_first(pending: set[Any]) -> tuple[set[Any], set[Any]]:
            done, rest = self._distributed.wait(list(pending), return_when="FIRST_COMPLETED")
            return set(done), set(rest)

        yield from bounded(submit, wait_first, items, self.workers * IN_FLIGHT_PER_WORKER)

    def close(self) -> None:
        self._client.close()
        if self._cluster is not None:
            self._cluster.close()
