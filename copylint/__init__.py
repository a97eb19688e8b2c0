"""copylint: a copy-editing linter for articles.

Quick use::

    import copylint
    for f in copylint.check("Putin visited Kursk at the end of last yeae."):
        print(f.line, f.column, f.code, f.message, f.suggestions)

In a long-lived process (a CMS), create one :class:`Linter` and share it between threads::

    linter = copylint.Linter(copylint.Config(dialect="en-GB"))
    findings = linter.check(html, format="html", words=["Zelenskyy"])

Importing copylint loads no dictionaries; a Linter loads them on first use, once per process.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from copylint.core.config import Config
from copylint.core.errors import ConfigError, CopylintError, InputError
from copylint.core.finding import SCHEMA_VERSION, Diagnostic, Edit, Finding, Fix
from copylint.core.version import __version__

if TYPE_CHECKING:
    from copylint.core.edits import apply_fixes
    from copylint.engine.linter import Linter

__all__ = ["SCHEMA_VERSION", "Config", "ConfigError", "CopylintError", "Diagnostic", "Edit", "Finding", "Fix",
           "InputError", "Linter", "__version__", "apply_fixes", "check"]

_default_linters: dict[str, Any] = {}
_default_lock = threading.Lock()


def check(text: str, *, format: str = "text", config: Config | None = None,
          words: Iterable[str] = ()) -> list[Finding]:
    """Findings for one text. Reuses one Linter per config, so repeated calls stay fast."""
    cfg = config or Config()
    key = repr(cfg)  # options may hold tables, so the config itself is not always hashable
    with _default_lock:
        linter = _default_linters.get(key)
        if linter is None:
            from copylint.engine.linter import Linter

            linter = _default_linters[key] = Linter(cfg)
    return linter.check(text, format=format, words=words)


def __getattr__(name: str) -> Any:
    if name == "Linter":
        from copylint.engine.linter import Linter

        return Linter
    if name == "apply_fixes":
        from copylint.core.edits import apply_fixes

        return apply_fixes
    raise AttributeError(f"module 'copylint' has no attribute {name!r}")
