"""One warmed-up Linter per configuration: the server's base config, and the variants requests ask for.

The base configuration is the config file (``--config``, or the one found from the working folder),
with the grammar rules (CL4xx) added when a LanguageTool server is configured (the ``languagetool``
option or ``COPYLINT_LANGUAGETOOL_URL``), so their matches are merged into every answer. A request
may ask for another dialect or house style or another choice of rules; each distinct configuration
gets its own Linter (cheap: every Linter shares the loaded dictionaries), kept in a bounded
least-recently-used table so that clients sending endless variants cannot grow the process.
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from dataclasses import dataclass, replace

from copylint.checks.grammar.languagetool import Settings as LanguageToolSettings
from copylint.core.config import Config, ConfigFinder, load_config_file
from copylint.engine.linter import Linter
from copylint.engine.registry import rule_options

#: Linters kept for request variants besides the base one (the least recently used is closed).
MAX_VARIANTS = 32
GRAMMAR_PREFIX = "CL4"
HOUSE_STYLE = "house-style"


def base_config(config_file: str | None, isolated: bool = False) -> Config:
    """The server's configuration; raises ConfigError (a CopylintError) when it is invalid."""
    known = rule_options()
    if config_file:
        config = load_config_file(config_file, known) or Config(source=config_file)
    elif isolated:
        config = Config()
    else:  # the config that applies to a file in the working folder, as for `copylint words`
        config = ConfigFinder(known).for_path(os.path.join(os.getcwd(), "copylint-server"))
    if grammar_server(config):
        config = replace(config, extend_select=(*config.extend_select, GRAMMAR_PREFIX))
    return config


def grammar_server(config: Config) -> str | None:
    """The LanguageTool server the config points at (None: grammar is not passed through)."""
    return LanguageToolSettings.from_config(config).url


@dataclass(frozen=True)
class Variant:
    """What a request changes in the base configuration (None / empty: keep the base's)."""

    dialect: str | None = None
    house_style: str | None = None
    #: replaces the base's ``select`` (codes or prefixes)
    select: tuple[str, ...] | None = None
    #: added to the base's ``extend-select``
    extend_select: tuple[str, ...] = ()
    #: added to the base's ``ignore``
    ignore: tuple[str, ...] = ()

    def apply(self, base: Config) -> Config:
        """The configuration for this variant (raises ConfigError for an invalid dialect)."""
        changes: dict[str, object] = {}
        if self.dialect is not None:
            changes["dialect"] = self.dialect
        if self.house_style is not None:
            options = dict(base.options)
            options[HOUSE_STYLE] = self.house_style
            changes["options"] = tuple(options.items())
        if self.select is not None:
            changes["select"] = self.select
            changes["extend_select"] = ()
        if self.extend_select:
            changes["extend_select"] = (*base.extend_select, *self.extend_select)
        if self.ignore:
            changes["ignore"] = (*base.ignore, *self.ignore)
        return replace(base, **changes) if changes else base


class Linters:
    """The base Linter (warmed up at start, kept for the process) and Linters for variants."""

    def __init__(self, base: Config, max_variants: int = MAX_VARIANTS) -> None:
        self.base_config = base
        self.base = Linter(base)
        self._max_variants = max_variants
        self._variants: OrderedDict[str, Linter] = OrderedDict()
        self._lock = threading.Lock()

    def warm_up(self) -> float:
        """Load the dictionaries and every rule's data now (seconds taken; then the collector is
        frozen, see :meth:`Linter.warm_up`). A twin of the base Linter without the grammar rules does
        it: rules keep no data of their own (the loaded data is shared by every Linter), and the
        grammar rules' examples would only make start-up wait on LanguageTool."""
        config = self.base_config
        twin = Linter(replace(config, ignore=(*config.ignore, GRAMMAR_PREFIX)))
        try:
            return twin.warm_up()
        finally:
            twin.close()

    def get(self, variant: Variant) -> Linter:
        config = variant.apply(self.base_config)
        if config is self.base_config:
            return self.base
        key = repr(config)
        evicted: Linter | None = None
        with self._lock:
            linter = self._variants.get(key)
            if linter is not None:
                self._variants.move_to_end(key)
                return linter
            linter = self._variants[key] = Linter(config)
            if len(self._variants) > self._max_variants:
                _, evicted = self._variants.popitem(last=False)
        if evicted is not None:  # a request still using it finishes: close only releases services
            evicted.close()
        return linter

    def close(self) -> None:
        with self._lock:
            linters = [self.base, *self._variants.values()]
            self._variants.clear()
        for linter in linters:
            linter.close()
