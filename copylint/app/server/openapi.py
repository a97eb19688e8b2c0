"""The OpenAPI 3.1 document of the server's APIs, served at ``/openapi.json``.

Its component schemas are JSON Schema (2020-12), so tests validate real answers against them.
"""

from __future__ import annotations

from typing import Any

from copylint.app.server.json_api import FORMATS
from copylint.core.config import DIALECTS
from copylint.core.finding import CATEGORIES, SCHEMA_VERSION, SEVERITIES
from copylint.core.version import __version__

_STR = {"type": "string"}
_INT = {"type": "integer", "minimum": 0}
_STRINGS = {"type": "array", "items": _STR}


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _object(properties: dict[str, Any], required: tuple[str, ...] | None = None, **extra: Any) -> dict[str, Any]:
    return {"type": "object", "properties": properties,
            "required": list(properties if required is None else required), **extra}


def _json_body(schema: str) -> dict[str, Any]:
    return {"required": True, "content": {"application/json": {"schema": _ref(schema)}}}


def _answer(schema: str | dict[str, Any], description: str) -> dict[str, Any]:
    body = _ref(schema) if isinstance(schema, str) else schema
    return {"description": description, "content": {"application/json": {"schema": body}}}


_ERRORS = {
    "400": _answer("Error", "malformed request: no text, bad JSON, bad annotation, unknown language ..."),
    "401": _answer("Error", "an API key is required and was missing or wrong"),
    "413": _answer("Error", "the request body is larger than the server's limit"),
    "503": _answer("Error", "the check took longer than the server's time limit"),
}

_LT_FORM = _object({
    "text": {**_STR, "description": "the text to check (or send data)"},
    "data": {**_STR, "description": "LanguageTool's annotated text as JSON: "
             "{\"annotation\": [{\"text\": ...}, {\"markup\": ..., \"interpretAs\": ...}]}; offsets then "
             "count text and markup together"},
    "language": {**_STR, "description": "en-GB, en-US, en or auto (en and auto: the server's dialect, "
                 "or for auto an English variant named in preferredVariants)"},
    "preferredVariants": {**_STR, "description": "comma-separated, e.g. en-GB (with language=auto)"},
    "enabledRules": {**_STR, "description": "comma-separated rule ids (CL101 or CL101_SPELLER_RULE; "
                     "LanguageTool ids choose among passed-through grammar matches)"},
    "disabledRules": {**_STR, "description": "comma-separated rule ids, e.g. CL302"},
    "enabledCategories": {**_STR, "description": "comma-separated category ids: CL0 ... CL4"},
    "disabledCategories": {**_STR, "description": "comma-separated category ids, e.g. CL3"},
    "enabledOnly": {"type": "string", "enum": ["true", "false"],
                    "description": "true: only the enabled rules and categories"},
    "level": {"type": "string", "enum": ["default", "picky"],
              "description": "accepted; copylint has no rules that only picky runs"},
    "apiKey": {**_STR, "description": "the API key, when the server needs one"},
}, required=("language",))


def _schemas() -> dict[str, Any]:
    edit = _object({"start": _INT, "end": _INT, "replacement": _STR, "start_utf16": _INT, "end_utf16": _INT})
    fix = _object({"applicability": {"enum": ["safe", "unsafe"]}, "edits": {"type": "array", "items": edit}})
    finding_fields = {
        "path": _STR, "code": {"type": "string", "pattern": "^CL[0-9]{3}$"}, "rule": _STR,
        "category": {"enum": list(CATEGORIES)}, "severity": {"enum": list(SEVERITIES)},
        "line": _INT, "column": _INT, "end_line": _INT, "end_column": _INT,
        "start": {**_INT, "description": "0-based code-point offset into text (end exclusive)"},
        "end": _INT, "text": {**_STR, "description": "exactly text[start:end]"}, "message": _STR,
        "suggestions": _STRINGS, "fix": {"oneOf": [{"type": "null"}, fix]},
        "start_utf16": {**_INT, "description": "start in UTF-16 code units (a JavaScript string index)"},
        "end_utf16": _INT,
    }
    finding = _object({**finding_fields, "data": {"type": "object"}}, required=tuple(finding_fields))
    config = _object({"dialect": {"enum": list(DIALECTS)},
                      "house-style": {**_STR, "description": "bbc, guardian, ap, reuters (\"\": none)"},
                      "select": _STRINGS, "ignore": _STRINGS}, required=(), additionalProperties=False)
    check_fields = {"text": _STR, "format": {"enum": list(FORMATS), "default": "text"},
                    "words": {**_STRINGS, "description": "accepted as correctly spelt in this call"},
                    "config": config}
    lt_match = _object({
        "message": _STR, "shortMessage": _STR,
        "replacements": {"type": "array", "items": _object({"value": _STR})},
        "offset": {**_INT, "description": "UTF-16 code units"}, "length": _INT,
        "context": _object({"text": _STR, "offset": _INT, "length": _INT}), "sentence": _STR,
        "type": _object({"typeName": _STR}),
        "rule": _object({"id": _STR, "description": _STR, "issueType": _STR,
                         "category": _object({"id": _STR, "name": _STR})}),
        "ignoreForIncompleteSentence": {"type": "boolean"}, "contextForSureMatch": {"type": "integer"},
    })
    language = _object({"name": _STR, "code": _STR, "longCode": _STR})
    software = _object({"name": _STR, "version": _STR, "buildDate": _STR, "apiVersion": {"type": "integer"},
                        "premium": {"type": "boolean"}, "premiumHint": _STR, "status": _STR})
    return {
        "Error": _object({"error": _STR, "status": {"type": "integer"}}),
        "Finding": finding,
        "CheckRequest": _object(check_fields, required=("text",), additionalProperties=False),
        "FixRequest": _object({**check_fields, "unsafe": {"type": "boolean", "default": False}},
                              required=("text",), additionalProperties=False),
        "CheckResponse": _object({"findings": {"type": "array", "items": _ref("Finding")}, "notices": _STRINGS}),
        "FixResponse": _object({
            "text": {**_STR, "description": "the text with the fixes applied"},
            "changed": {"type": "boolean"},
            "applied": {"type": "array", "items": _object({
                "code": _STR, "rule": _STR, "category": _STR, "text": _STR, "message": _STR,
                "applicability": {"enum": ["safe", "unsafe"]}})},
            "findings": {"type": "array", "items": _ref("Finding"),
                         "description": "what is left in the fixed text"},
            "unsettled": {"type": "boolean"}, "notices": _STRINGS}),
        "LTCheckForm": _LT_FORM,
        "LTMatch": lt_match,
        "LTCheckResponse": _object({
            "software": software,
            "warnings": _object({"incompleteResults": {"type": "boolean"}, "incompleteResultsReason": _STR},
                                required=("incompleteResults",)),
            "language": _object({"name": _STR, "code": _STR, "detectedLanguage": {"type": "object"}}),
            "matches": {"type": "array", "items": _ref("LTMatch")},
            "sentenceRanges": {"type": "array", "items": {"type": "array", "items": _INT}},
            "extendedSentenceRanges": {"type": "array", "items": _object({
                "from": _INT, "to": _INT, "detectedLanguages": {"type": "array"}})},
        }),
        "Language": language,
        "Options": _object({
            "version": _STR, "schema_version": _STR, "dialects": _STRINGS, "house_styles": _STRINGS,
            "formats": _STRINGS,
            "grammar": {"type": "boolean", "description": "grammar matches come from a LanguageTool server"},
            "rules": {"type": "array", "items": _object({
                "code": _STR, "name": _STR, "category": _STR, "severity": _STR, "default_enabled": {"type": "boolean"},
                "summary": _STR})}}),
        "Health": _object({"status": {"const": "ok"}, "version": _STR}),
    }


def openapi_document(api_key_required: bool) -> dict[str, Any]:
    """The document; operations list the key schemes only when this server needs a key."""
    security = [{"bearer": []}, {"apiKeyParameter": []}] if api_key_required else []

    def op(summary: str, responses: dict[str, Any], **extra: Any) -> dict[str, Any]:
        return {"summary": summary, "responses": {**responses, **_ERRORS}, "security": security, **extra}

    lt_form = {"required": True, "content": {"application/x-www-form-urlencoded": {"schema": _ref("LTCheckForm")}}}
    return {
        "openapi": "3.1.0",
        "info": {"title": "copylint copy-desk server", "version": __version__,
                 "description": "copylint's findings (typos, name variants, boilerplate, grammar through "
                 f"LanguageTool) over HTTP. Finding schema version {SCHEMA_VERSION}."},
        "paths": {
            "/api/v1/check": {"post": op("Check a text", {"200": _answer("CheckResponse", "the findings")},
                                         requestBody=_json_body("CheckRequest"))},
            "/api/v1/fix": {"post": op("Apply the fixes of a text's findings (safe ones; unsafe too with "
                                       "\"unsafe\": true)", {"200": _answer("FixResponse", "the fixed text")},
                                       requestBody=_json_body("FixRequest"))},
            "/api/v1/options": {"get": op("Dialects, house styles, formats and rules this server knows",
                                          {"200": _answer("Options", "what a request may choose")})},
            "/v2/check": {
                "post": op("LanguageTool protocol: check a text", {"200": _answer("LTCheckResponse", "matches")},
                           requestBody=lt_form),
                "get": op("LanguageTool protocol: check a text (parameters in the query string)",
                          {"200": _answer("LTCheckResponse", "matches")}),
            },
            "/v2/languages": {"get": op("LanguageTool protocol: the languages",
                                        {"200": _answer({"type": "array", "items": _ref("Language")},
                                                        "languages")})},
            "/v2/info": {"get": op("LanguageTool protocol: the software", {"200": _answer(
                {"type": "object"}, "name and version")})},
            "/v2/configinfo": {"get": op("LanguageTool protocol: every rule", {"200": _answer(
                {"type": "object"}, "rules with ids, categories and issue types")})},
            "/healthz": {"get": {"summary": "Liveness (no key needed)", "security": [],
                                 "responses": {"200": _answer("Health", "the server is up")}}},
        },
        "components": {
            "schemas": _schemas(),
            "securitySchemes": {
                "bearer": {"type": "http", "scheme": "bearer"},
                "apiKeyParameter": {"type": "apiKey", "in": "query", "name": "apiKey",
                                    "description": "LanguageTool's apiKey parameter (query or form body)"},
            },
        },
    }
