"""``--format github``: GitHub Actions workflow commands, one annotation per finding."""

from __future__ import annotations

from copylint.core.finding import Finding
from copylint.report import ReportContext

_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(s: str) -> str:
    return _escape_data(s).replace(":", "%3A").replace(",", "%2C")


def render(findings: list[Finding], context: ReportContext) -> str:
    lines = []
    for f in findings:
        message = f.message
        if f.suggestions:
            message += f" (suggestion: {f.suggestions[0]})"
        props = (f"file={_escape_property(f.path)},line={f.line},col={f.column},endLine={f.end_line},"
                 f"endColumn={f.end_column},title={_escape_property(f.code + ' ' + f.rule)}")
        lines.append(f"::{_LEVEL[f.severity]} {props}::{_escape_data(f.code + ' ' + message)}")
    return "".join(line + "\n" for line in lines)
