"""Where a diagnostic's code links to (the LSP ``codeDescription``).

By default the server writes each rule's explanation (what ``copylint rule CODE`` prints: summary,
rationale, options and examples) as a Markdown page in the user's cache folder, one folder per
copylint version, and links to it with a ``file:`` URI: the link works offline and describes the
rules that are installed. A newsroom that publishes these pages passes a URL template instead
(``--docs-url`` or the ``docsUrl`` initialization option, with ``{code}`` and ``{name}``).
"""

from __future__ import annotations

import os
from pathlib import Path

from copylint.core.rule import Rule
from copylint.core.version import __version__
from copylint.report.explain import explain


def default_folder() -> str:
    """``$XDG_CACHE_HOME/copylint/rules/VERSION`` (``~/.cache`` when the variable is unset)."""
    cache = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(cache, "copylint", "rules", __version__)


class RuleDocs:
    """The link for each rule code."""

    def __init__(self, rules: dict[str, type[Rule]], template: str | None, folder: str | None = None) -> None:
        self.rules = rules
        self.template = template
        self.folder = folder or default_folder()
        self._links: dict[str, str] = {}

    def prepare(self) -> str | None:
        """Write the pages (unless a template is used); returns a problem, or None. Without pages
        diagnostics carry no link."""
        if self.template is not None:
            self._links = {code: self.template.format(code=code, name=cls.name) for code, cls in self.rules.items()}
            return None
        try:
            os.makedirs(self.folder, exist_ok=True)
            for code, cls in self.rules.items():
                page = Path(self.folder, f"{code}.md")
                text = explain(cls) + "\n"
                if not page.is_file() or page.read_text(encoding="utf-8") != text:
                    temp = page.with_name(f".{page.name}.{os.getpid()}")  # another server may be reading it
                    temp.write_text(text, encoding="utf-8")
                    os.replace(temp, page)
                self._links[code] = page.resolve().as_uri()
        except OSError as exc:
            self._links = {}
            return f"cannot write the rule pages diagnostics link to in {self.folder}: {exc.strerror or exc}"
        return None

    def link(self, code: str) -> str | None:
        return self._links.get(code)
