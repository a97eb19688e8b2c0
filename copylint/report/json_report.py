"""``--format json``: a JSON array of findings (schema version in copylint.core.finding.SCHEMA_VERSION)."""

from __future__ import annotations

import json

from copylint.core.finding import Finding
from copylint.report import ReportContext


def render(findings: list[Finding], context: ReportContext) -> str:
    return json.dumps([f.to_dict() for f in findings], ensure_ascii=False, indent=None) + "\n"
