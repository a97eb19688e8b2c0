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

from copylint.config import Config
from copylint.finding import SCHEMA_VERSION, Diagnostic, Edit, Finding, Fix

if TYPE_CHECKING:
    from copylint.engine import Linter
    from copylint.fix import apply_fixes

__all__ = ["SCHEMA_VERSION", "Config", "Diagnostic", "Edit", "Finding", "Fix", "Linter", "apply_fixes", "check"]
__version__ = "0.1.0"

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
            from copylint.engine import Linter

            linter = _default_linters[key] = Linter(cfg)
    return linter.check(text, format=format, words=words)


def __getattr__(name: str) -> Any:
    if name == "Linter":
        from copylint.engine import Linter

        return Linter
    if name == "apply_fixes":
        from copylint.fix import apply_fixes

        return apply_fixes
    raise AttributeError(f"module 'copylint' has no attribute {name!r}")
