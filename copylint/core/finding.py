"""The finding schema: the contract between rules, the CLI, the API and every integration.

A rule reports a :class:`Diagnostic` in *prose* coordinates (the text it was shown); the engine maps
it to a :class:`Finding` in *source* coordinates (the decoded file) with line and column numbers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

#: Version of the JSON/SARIF finding schema. Bump the minor version for added fields, the major
#: version for anything that changes or removes a field.
SCHEMA_VERSION = "1.0"

Category = Literal["spelling", "names", "boilerplate", "grammar", "style"]
Severity = Literal["error", "warning", "info"]
Applicability = Literal["safe", "unsafe"]

CATEGORIES: tuple[str, ...] = ("spelling", "names", "boilerplate", "grammar", "style")
SEVERITIES: tuple[str, ...] = ("error", "warning", "info")


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``[start, end)`` with ``replacement`` (0-based, end exclusive)."""

    start: int
    end: int
    replacement: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "replacement": self.replacement}


@dataclass(frozen=True, slots=True)
class Fix:
    """A set of edits that must be applied together, with how safe it is to apply them unattended."""

    applicability: Applicability
    edits: tuple[Edit, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"applicability": self.applicability, "edits": [e.to_dict() for e in self.edits]}


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """What a rule reports: a span of the prose it saw, a message, suggestions and an optional fix.

    ``fix_edits`` are in prose offsets too; the engine maps them to the source. ``data`` carries
    machine-readable extras (the LanguageTool rule id, say) into the finding's ``data``.
    """

    start: int
    end: int
    message: str
    suggestions: tuple[str, ...] = ()
    fix_edits: tuple[Edit, ...] = ()
    applicability: Applicability = "unsafe"
    #: A deletion of whole lines/blocks: readers may widen it to the enclosing element in the source.
    deletes_block: bool = False
    data: dict[str, Any] = field(default_factory=dict)
    #: The span is web furniture, not copy: rules that read copy skip it. Only the diagnostics of a
    #: rule that declares :attr:`~copylint.core.rule.Rule.marks_furniture` count.
    furniture: bool = False


@dataclass(frozen=True, slots=True)
class Finding:
    """One reported problem, positioned in the decoded source.

    ``start``/``end`` are 0-based character offsets into the decoded source (end exclusive);
    ``line``/``column``/``end_line``/``end_column`` are 1-based, columns counted in characters;
    ``text`` is exactly ``source[start:end]``.
    """

    path: str
    code: str
    rule: str
    category: Category
    severity: Severity
    line: int
    column: int
    end_line: int
    end_column: int
    start: int
    end: int
    text: str
    message: str
    suggestions: tuple[str, ...] = ()
    fix: Fix | None = None
    data: dict[str, Any] = field(default_factory=dict, compare=False)

    def to_dict(self) -> dict[str, Any]:
        """The JSON form (schema version :data:`SCHEMA_VERSION`)."""
        out: dict[str, Any] = {
            "path": self.path,
            "code": self.code,
            "rule": self.rule,
            "category": self.category,
            "severity": self.severity,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "message": self.message,
            "suggestions": list(self.suggestions),
            "fix": self.fix.to_dict() if self.fix else None,
        }
        if self.data:
            out["data"] = self.data
        return out

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Finding:
        fix = d.get("fix")
        return cls(
            path=d["path"], code=d["code"], rule=d["rule"], category=d["category"],
            severity=d["severity"], line=d["line"], column=d["column"], end_line=d["end_line"],
            end_column=d["end_column"], start=d["start"], end=d["end"], text=d["text"],
            message=d["message"], suggestions=tuple(d.get("suggestions", ())),
            fix=Fix(fix["applicability"], tuple(Edit(**e) for e in fix["edits"])) if fix else None,
            data=d.get("data", {}),
        )
