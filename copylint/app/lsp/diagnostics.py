"""Findings as LSP diagnostics: exact ranges in the negotiated encoding, code, message, severity,
source ``copylint``, a link to the rule's page, and for a name or word written two ways the first
place of the other form (related information)."""

from __future__ import annotations

import re

from lsprotocol import types

from copylint.app.lsp.positions import TextPositions
from copylint.app.lsp.rule_docs import RuleDocs
from copylint.core.document import Document
from copylint.core.finding import Finding

SOURCE = "copylint"
SEVERITIES = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    "info": types.DiagnosticSeverity.Information,
}


def to_diagnostic(finding: Finding, positions: TextPositions, uri: str, document: Document,
                  docs: RuleDocs) -> types.Diagnostic:
    link = docs.link(finding.code)
    return types.Diagnostic(
        range=positions.range(finding.start, finding.end),
        message=finding.message,
        severity=SEVERITIES[finding.severity],
        code=finding.code,
        code_description=types.CodeDescription(href=link) if link else None,
        source=SOURCE,
        related_information=related_information(finding, positions, uri, document) or None,
    )


def other_form(finding: Finding) -> str | None:
    """For a finding on one of two forms of a name or word (CL201-CL203), the form it should be."""
    if finding.category != "names" or not isinstance(finding.data.get("forms"), dict):
        return None
    preferred = finding.data.get("preferred")
    if isinstance(preferred, str) and preferred:
        return preferred
    return finding.suggestions[0] if finding.suggestions else None


def related_information(finding: Finding, positions: TextPositions, uri: str,
                        document: Document) -> list[types.DiagnosticRelatedInformation]:
    """Where the other form is first written (none when the article never writes it: a house-style
    form, say)."""
    form = other_form(finding)
    if form is None:
        return []
    for m in re.finditer(rf"(?<![\w'’\-]){re.escape(form)}(?![\w\-])", document.prose):
        start, end = document.source_span(m.start(), m.end())
        if start < finding.end and finding.start < end:
            continue
        count = finding.data["forms"].get(form)
        times = f", written {count}× in this article" if isinstance(count, int) else ""
        return [types.DiagnosticRelatedInformation(
            location=types.Location(uri=uri, range=positions.range(start, end)),
            message=f"“{form}”{times}: first here",
        )]
    return []
