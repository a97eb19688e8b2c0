"""The language server's own settings: from the command line, then the client's
``initializationOptions`` (which editors pass as ``init_options``, ``initialization-options``...).

Which rules run, the dialect and the word lists are not settings of the server: they come from each
file's ``pyproject.toml`` / ``.copylint.toml``, exactly as for ``copylint check``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

#: milliseconds between the last change and the check (typing never waits for a check)
DEFAULT_DEBOUNCE_MS = 150
#: the most a client may ask for
MAX_DEBOUNCE_MS = 10_000


@dataclass(frozen=True)
class ServerSettings:
    #: seconds from the last change of a document to its check
    debounce: float = DEFAULT_DEBOUNCE_MS / 1000
    #: a config file for every document (None: each file's nearest one)
    config_file: str | None = None
    #: ignore every config file
    isolated: bool = False
    #: where a diagnostic's code links to: a template with ``{code}`` and ``{name}`` (None: pages
    #: the server writes itself, see :mod:`copylint.app.lsp.rule_docs`)
    docs_url: str | None = None

    def with_client_options(self, options: Any) -> tuple[ServerSettings, list[str]]:
        """These settings with the client's ``initializationOptions`` applied, and one line for each
        option that was ignored (wrong type, unknown name)."""
        if options is None:
            return self, []
        if not isinstance(options, Mapping):
            return self, [f"initializationOptions must be an object, not {type(options).__name__}; ignored"]
        changes: dict[str, Any] = {}
        problems: list[str] = []
        for key, value in options.items():
            if key == "debounceMs":
                if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= MAX_DEBOUNCE_MS:
                    changes["debounce"] = value / 1000
                else:
                    problems.append(f"debounceMs must be a whole number of milliseconds from 0 to "
                                    f"{MAX_DEBOUNCE_MS}, not {value!r}; ignored")
            elif key == "docsUrl":
                if isinstance(value, str) and _valid_template(value):
                    changes["docs_url"] = value
                else:
                    problems.append(f"docsUrl must be a URL, where {{code}} and {{name}} stand for the rule's, "
                                    f"not {value!r}; ignored")
            else:
                problems.append(f"unknown initialization option {key!r} (known: debounceMs, docsUrl); ignored")
        return replace(self, **changes), problems


def _valid_template(template: str) -> bool:
    try:
        template.format(code="CL101", name="misspelling")
    except (KeyError, IndexError, ValueError):
        return False
    return True


def docs_url_problem(template: str) -> str | None:
    """Why ``--docs-url`` cannot be used (None: it can)."""
    if not _valid_template(template):
        return f"--docs-url {template!r}: a template may use only {{code}} and {{name}}"
    return None
