"""``--format json``: a JSON array of findings (schema version in copylint.finding.SCHEMA_VERSION)."""

from __future__ import annotations

import json

from copylint.finding import Finding
from copylint.report import ReportContext


def render(findings: list[Finding], context: ReportContext) -> str:
    return json.dumps([f.to_dict() for f in findings], ensure_ascii=False, indent=None) + "\n"
