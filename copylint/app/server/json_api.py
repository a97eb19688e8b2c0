"""copylint's own JSON API: ``POST /api/v1/check`` and ``POST /api/v1/fix``.

Request: ``{"text": ..., "format": "text"|"markdown"|"html", "words": [...], "config": {"dialect",
"house-style", "select", "ignore"}}`` (``/fix`` also takes ``"unsafe": true``). Each finding in an
answer is the ``--format json`` schema plus ``start_utf16`` / ``end_utf16`` (also on each fix
edit): offsets in UTF-16 code units, what a JavaScript string indexes, so an editor underlines
without converting.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from copylint.app.server.errors import ApiError
from copylint.app.server.linters import Variant
from copylint.checks.names.style import NAMES_KIND
from copylint.core.config import DIALECTS, Config
from copylint.core.finding import SCHEMA_VERSION, Finding
from copylint.core.packs import packs_of_kind
from copylint.core.positions import Utf16Index
from copylint.core.version import __version__
from copylint.engine.fixing import FixOutcome, fix_source
from copylint.engine.linter import Linter
from copylint.engine.registry import all_rules

FORMATS = ("text", "markdown", "html")
CONFIG_KEYS = ("dialect", "house-style", "select", "ignore")
_CODE = re.compile(r"ALL|CL\d{1,3}")
#: the path findings report (the API checks texts, not files)
PATH = "<text>"


@dataclass(frozen=True)
class JsonRequest:
    text: str
    format: str
    words: tuple[str, ...]
    variant: Variant
    unsafe: bool = False


def parse_request(body: bytes, *, fix: bool) -> JsonRequest:
    """A check (or, with ``fix``, a fix) request; raises ApiError(400) naming the problem."""
    try:
        data = json.loads(body)
    except UnicodeDecodeError:
        raise ApiError(400, "bad JSON: the body is not UTF-8") from None
    except json.JSONDecodeError as exc:
        raise ApiError(400, f"bad JSON: {exc}") from None
    if not isinstance(data, dict):
        raise ApiError(400, "bad JSON: the body must be an object such as {\"text\": \"...\"}")
    known = ("text", "format", "words", "config", *(("unsafe",) if fix else ()))
    unknown = sorted(set(data) - set(known))
    if unknown:
        raise ApiError(400, f"unknown field {unknown[0]!r} (known: {', '.join(known)})")
    text = data.get("text")
    if not isinstance(text, str):
        raise ApiError(400, "no text: 'text' must be a string" if "text" in data else "no text: send 'text'")
    fmt = data.get("format", "text")
    if fmt not in FORMATS:
        raise ApiError(400, f"unknown format {fmt!r} (known: {', '.join(FORMATS)})")
    words = data.get("words", [])
    if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
        raise ApiError(400, "'words' must be a list of strings")
    unsafe = data.get("unsafe", False)
    if not isinstance(unsafe, bool):
        raise ApiError(400, "'unsafe' must be true or false")
    return JsonRequest(text, fmt, tuple(words), _variant(data.get("config", {})), unsafe)


def _variant(config: Any) -> Variant:
    if not isinstance(config, dict):
        raise ApiError(400, "'config' must be an object")
    unknown = sorted(set(config) - set(CONFIG_KEYS))
    if unknown:
        raise ApiError(400, f"unknown config key {unknown[0]!r} (known: {', '.join(CONFIG_KEYS)})")
    dialect = config.get("dialect")
    if dialect is not None and dialect not in DIALECTS:
        raise ApiError(400, f"unknown dialect {dialect!r} (known: {', '.join(DIALECTS)})")
    house_style = config.get("house-style")
    if house_style is not None and not isinstance(house_style, str):
        raise ApiError(400, "'house-style' must be a string such as \"bbc\" (\"\": none)")
    return Variant(dialect=dialect, house_style=house_style, select=_codes(config, "select"),
                   ignore=_codes(config, "ignore") or ())


def _codes(config: dict[str, Any], key: str) -> tuple[str, ...] | None:
    if key not in config:
        return None
    codes = config[key]
    if not isinstance(codes, list) or not all(isinstance(c, str) for c in codes):
        raise ApiError(400, f"'{key}' must be a list of rule codes or prefixes such as \"CL1\"")
    for c in codes:
        if not _CODE.fullmatch(c):
            raise ApiError(400, f"{c!r} in '{key}' is not a rule code or prefix such as CL1 or CL101")
    return tuple(codes)


def finding_json(finding: Finding, index: Utf16Index) -> dict[str, Any]:
    """``finding.to_dict()`` with UTF-16 offsets beside the code-point ones."""
    out = finding.to_dict()
    out["start_utf16"] = index.to_utf16(finding.start)
    out["end_utf16"] = index.to_utf16(finding.end)
    if out["fix"]:
        for edit in out["fix"]["edits"]:
            edit["start_utf16"] = index.to_utf16(edit["start"])
            edit["end_utf16"] = index.to_utf16(edit["end"])
    return out


def check_answer(source: str, findings: list[Finding], notices: list[str]) -> dict[str, Any]:
    index = Utf16Index(source)
    return {"findings": [finding_json(f, index) for f in findings], "notices": notices}


def fix_answer(source: str, outcome: FixOutcome, notices: list[str]) -> dict[str, Any]:
    """The fixed text, what was applied (in the order applied), and the findings left in the result."""
    index = Utf16Index(outcome.text)
    return {
        "text": outcome.text,
        "changed": outcome.text != source,
        "applied": [{"code": f.code, "rule": f.rule, "category": f.category, "text": f.text,
                     "message": f.message, "applicability": f.fix.applicability if f.fix else None}
                    for f in outcome.applied],
        "findings": [finding_json(f, index) for f in outcome.remaining],
        "unsettled": outcome.unsettled,
        "notices": notices,
    }


def check(linter: Linter, request: JsonRequest) -> dict[str, Any]:
    """Run ``/api/v1/check`` (in a worker thread)."""
    notices: list[str] = []
    findings = linter.check(request.text, format=request.format, path=PATH, words=request.words, notices=notices)
    return check_answer(request.text, findings, notices)


def fix(linter: Linter, request: JsonRequest) -> dict[str, Any]:
    """Run ``/api/v1/fix`` (in a worker thread): fix until nothing more applies, as ``copylint fix`` does."""
    notices: list[str] = []
    outcome = fix_source(linter, request.text, format=request.format, path=PATH, unsafe=request.unsafe,
                         words=request.words, notices=notices)
    return fix_answer(request.text, outcome, notices)


def options(config: Config, grammar: bool) -> dict[str, Any]:
    """``/api/v1/options``: what a request may choose (the page fills its menus from it)."""
    styles = {style for pack in packs_of_kind(NAMES_KIND, config) for entry in pack.data.get("name", [])
              if isinstance(entry, dict) for style in entry.get("prefer", {})}
    rules = [{"code": code, "name": cls.name, "category": cls.category, "severity": cls.severity,
              "default_enabled": cls.default_enabled, "summary": cls.summary()}
             for code, cls in sorted(all_rules().items())]
    return {"version": __version__, "schema_version": SCHEMA_VERSION, "dialects": list(DIALECTS),
            "house_styles": sorted(styles), "formats": list(FORMATS), "grammar": grammar, "rules": rules}
