"""``--format sarif``: SARIF 2.1.0, accepted by GitHub code scanning.

Columns are counted in Unicode code points (``columnKind: unicodeCodePoints``), like copylint's own
columns; ``charOffset``/``charLength`` are copylint's character offsets.
"""

from __future__ import annotations

import json
from typing import Any

from copylint.core.finding import Finding
from copylint.engine.registry import all_rules
from copylint.report import ReportContext

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _rule_descriptor(code: str) -> dict[str, Any]:
    cls = all_rules().get(code)
    if cls is None:
        return {"id": code}
    return {
        "id": code,
        "name": cls.name,
        "shortDescription": {"text": cls.summary()},
        "fullDescription": {"text": cls.rationale() or cls.summary()},
        "help": {"text": cls.rationale() or cls.summary()},
        "defaultConfiguration": {"level": _LEVEL[cls.severity], "enabled": cls.default_enabled},
        "properties": {"category": cls.category, "tags": [cls.category]},
    }


def _uri(path: str) -> str:
    uri = path.replace("\\", "/")
    return uri[2:] if uri.startswith("./") else uri


def render(findings: list[Finding], context: ReportContext) -> str:
    from copylint.core.version import __version__

    codes = sorted({f.code for f in findings})
    index = {c: i for i, c in enumerate(codes)}
    results = []
    for f in findings:
        location = {"physicalLocation": {
            "artifactLocation": {"uri": _uri(f.path)},
            "region": {"startLine": f.line, "startColumn": f.column, "endLine": f.end_line,
                       "endColumn": f.end_column, "charOffset": f.start, "charLength": f.end - f.start,
                       "snippet": {"text": f.text}},
        }}
        result: dict[str, Any] = {
            "ruleId": f.code, "ruleIndex": index[f.code], "level": _LEVEL[f.severity],
            "message": {"text": f.message + (f" Suggestion: {f.suggestions[0]}" if f.suggestions else "")},
            "locations": [location],
            "partialFingerprints": {"copylint/v1": f"{f.code}:{f.text}"},
        }
        if f.fix:
            result["fixes"] = [{
                "description": {"text": f"{f.fix.applicability} fix"},
                "artifactChanges": [{
                    "artifactLocation": {"uri": _uri(f.path)},
                    "replacements": [{"deletedRegion": {"charOffset": e.start, "charLength": e.end - e.start},
                                      "insertedContent": {"text": e.replacement}} for e in f.fix.edits],
                }],
            }]
        results.append(result)
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "copylint", "version": __version__,
                                "informationUri": "https://pypi.org/project/copylint/",
                                "rules": [_rule_descriptor(c) for c in codes]}},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"
