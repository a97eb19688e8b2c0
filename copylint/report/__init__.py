"""Renderers: one module per output format, all reading the same findings.

A renderer is ``render(findings, context) -> str`` (json, sarif, github); the console renderer
writes to a rich Console instead, since it adapts to the terminal.
"""

from __future__ import annotations

from dataclasses import dataclass, field

FORMATS = ("rich", "text", "json", "sarif", "github")


@dataclass
class ReportContext:
    """What renderers may need besides findings."""

    #: decoded sources by path, for frames and snippets
    sources: dict[str, str] = field(default_factory=dict)
    files_checked: int = 0
    #: files that could not be checked (their errors are printed after the report)
    files_failed: int = 0

