"""A rule explained in Markdown: what ``copylint rule CODE`` prints, and what editors show on hover."""

from __future__ import annotations

from copylint.core.rule import Rule


def _block(text: str) -> list[str]:
    return ["  ```", *("  " + line for line in text.splitlines()), "  ```", ""]


def explain(cls: type[Rule]) -> str:
    """The rule's summary, category, rationale, options and examples (with their fixed text)."""
    parts = [f"# {cls.code} {cls.name}", "", f"**{cls.summary()}**", "",
             f"Category: {cls.category}. Default severity: {cls.severity}. "
             f"{'On' if cls.default_enabled else 'Off'} by default."
             + (f" Needs {cls.requires}." if cls.requires else ""), "", cls.rationale()]
    if cls.options:
        parts += ["", "## Options", ""] + [f"- `{k}` (default `{v!r}`)" for k, v in cls.options.items()]
    if cls.examples:
        parts += ["", "## Examples", ""]
        for ex in cls.examples:
            verdict = "flags " + ", ".join(f"`{t}`" for t in ex.flags) if ex.flags else "nothing to flag"
            parts += [f"- {verdict}:", "", *_block(ex.text)]
            if ex.fixed is not None:
                parts += ["  fixed:", "", *_block(ex.fixed)]
    return "\n".join(parts)
