"""One :class:`~copylint.engine.linter.Linter` per configuration, for anything that checks files
with the configuration of each (``copylint check``, the language server)."""

from __future__ import annotations

from copylint.core.config import Config
from copylint.engine.linter import Linter


class Linters:
    """Linters by configuration, built on first use and kept (a Linter is cheap once the shared
    dictionaries are loaded, and keeps what its rules hold until closed)."""

    def __init__(self) -> None:
        # keyed by repr: options may hold tables, so a config is not always hashable
        self._by_config: dict[str, Linter] = {}

    def for_config(self, config: Config) -> Linter:
        key = repr(config)
        linter = self._by_config.get(key)
        if linter is None:
            linter = self._by_config[key] = Linter(config)
        return linter

    def all(self) -> list[Linter]:
        return list(self._by_config.values())

    def close(self) -> None:
        """Close every linter and forget them."""
        for linter in self._by_config.values():
            linter.close()
        self._by_config.clear()
