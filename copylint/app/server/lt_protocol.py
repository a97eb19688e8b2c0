"""LanguageTool's HTTP protocol (``/v2/check``, ``/v2/languages``, ``/v2/info``, ``/v2/configinfo``),
translated to and from copylint's findings.

What clients read from a match, and so how copylint's findings are written:

- offsets and lengths count **UTF-16 code units** (Java strings), in the text the client sent
  (with annotated text: text and markup together);
- ``rule.id`` is the rule's code (``CL302``), so ``disabledRules=CL302`` works; a *spelling* rule's
  id ends in ``_SPELLER_RULE`` (``CL101_SPELLER_RULE``), because that is how clients tell spelling
  from the rest: LTeX treats ids starting ``MORFOLOGIK_``/``HUNSPELL_`` or ending ``_SPELLER_RULE``/
  ``_SPELLING_RULE`` as unknown words (its "Add to dictionary" quick fix, the word quoted in the
  message) and LanguageTool's browser add-on colours ids containing ``SPELLER_RULE`` as spelling;
- ``rule.issueType`` is ``misspelling`` for spelling, LanguageTool's own for passed-through grammar
  matches, and ``style`` for the rest (the add-on shows ``style`` as a suggestion, not an error);
- ``rule.category.id`` is the family's code prefix (``CL1`` spelling ... ``CL4`` grammar), so
  ``disabledCategories=CL3`` drops boilerplate;
- ``replacements`` are ``[{"value": ...}]`` for the match's span: the suggestions, then what the
  fix leaves there when the fix is one edit (a deleted boilerplate line is ``""``; a deleted clause
  widens the match to the dash deleted with it, see :func:`replacements`).

Rule and category ids that are not copylint's (``EN_A_VS_AN``, ``TYPOS``, as LanguageTool clients
send them) apply to the grammar matches passed through from LanguageTool.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from copylint.app.server.annotation import AnnotatedText, parse_data
from copylint.app.server.errors import ApiError
from copylint.app.server.linters import GRAMMAR_PREFIX, Variant
from copylint.core.document import Document
from copylint.core.finding import Finding
from copylint.core.positions import Utf16Index
from copylint.core.version import __version__
from copylint.engine.linter import Linter
from copylint.engine.registry import all_rules
from copylint.readers import read

#: name, code, longCode, as ``/v2/languages`` lists them
LANGUAGES = (("English", "en", "en"), ("English (GB)", "en", "en-GB"), ("English (US)", "en", "en-US"))
AUTO = "auto"
LEVELS = ("default", "picky")
SPELLER_SUFFIX = "_SPELLER_RULE"
#: characters of context shown on each side of a match, as LanguageTool's server does
CONTEXT_CHARS = 40
ELLIPSIS = "..."
_COPYLINT_ID = re.compile(r"CL\d{1,3}")
_CONTEXT_SPACES = str.maketrans("\n\r\t", "   ")


def software() -> dict[str, Any]:
    return {"name": "copylint", "version": __version__, "buildDate": "", "apiVersion": 1, "premium": False,
            "premiumHint": "", "status": ""}


def languages() -> list[dict[str, str]]:
    return [{"name": name, "code": code, "longCode": long} for name, code, long in LANGUAGES]


def language_name(long_code: str) -> str:
    return next(name for name, _, long in LANGUAGES if long == long_code)


# ------------------------------------------------------------------------------ rule ids
def rule_id(code: str, category: str) -> str:
    """The id a LanguageTool client sees for a rule: its code, with ``_SPELLER_RULE`` for spelling."""
    return code + SPELLER_SUFFIX if category == "spelling" else code


def copylint_code(value: str) -> str | None:
    """The copylint code or prefix a rule or category id names (``CL101_SPELLER_RULE`` -> ``CL101``),
    or None for an id that is not copylint's (a LanguageTool rule or category)."""
    value = value.removesuffix(SPELLER_SUFFIX)
    return value if _COPYLINT_ID.fullmatch(value) else None


def family_of(code: str) -> str:
    """The family a rule belongs to (its package under copylint.checks; "plug-in" for the others)."""
    module = all_rules()[code].__module__.split(".")
    return module[2] if module[:2] == ["copylint", "checks"] and len(module) > 2 else "plug-in"


def category_of(code: str) -> dict[str, str]:
    return {"id": code[:3], "name": f"{family_of(code).capitalize()} (copylint)"}


def issue_type(finding: Finding) -> str:
    if finding.category == "spelling":
        return "misspelling"
    if finding.code.startswith(GRAMMAR_PREFIX):
        return str(finding.data.get("issue_type") or "grammar")
    return "style"


def short_message(rule_name: str) -> str:
    """``name-variants`` -> ``Name variants`` (``lt-`` dropped from the grammar rules)."""
    words = rule_name.removeprefix("lt-").replace("-", " ")
    return words[:1].upper() + words[1:]


# ------------------------------------------------------------------------------ requests
@dataclass(frozen=True)
class RuleChoice:
    """Which findings a request wants, from enabledRules, disabledRules, enabledCategories,
    disabledCategories and enabledOnly. copylint's ids choose rules (:meth:`variant`); the others
    choose among the grammar matches passed through from LanguageTool (:meth:`keeps`)."""

    #: copylint codes or prefixes enabled / disabled
    enabled: tuple[str, ...] = ()
    disabled: tuple[str, ...] = ()
    enabled_only: bool = False
    #: LanguageTool rule or category ids enabled / disabled
    lt_enabled: frozenset[str] = frozenset()
    lt_disabled: frozenset[str] = frozenset()

    @classmethod
    def from_params(cls, params: Mapping[str, str]) -> RuleChoice:
        def ids(key: str) -> list[str]:
            return [v.strip() for v in params.get(key, "").split(",") if v.strip()]

        enabled = ids("enabledRules") + ids("enabledCategories")
        disabled = ids("disabledRules") + ids("disabledCategories")
        enabled_only = params.get("enabledOnly", "false").strip().lower() == "true"
        if enabled_only and not enabled:
            raise ApiError(400, "enabledOnly=true needs enabledRules or enabledCategories")
        return cls(enabled=tuple(c for c in map(copylint_code, enabled) if c),
                   disabled=tuple(c for c in map(copylint_code, disabled) if c),
                   enabled_only=enabled_only,
                   lt_enabled=frozenset(v for v in enabled if not copylint_code(v)),
                   lt_disabled=frozenset(v for v in disabled if not copylint_code(v)))

    def variant(self, dialect: str | None) -> Variant:
        """The configuration change: enabledOnly replaces the rules run (grammar included when a
        LanguageTool id is enabled); otherwise enabled ids add rules that are off by default."""
        if self.enabled_only:
            select = self.enabled + ((GRAMMAR_PREFIX,) if self.lt_enabled else ())
            return Variant(dialect=dialect, select=select, ignore=self.disabled)
        return Variant(dialect=dialect, extend_select=self.enabled, ignore=self.disabled)

    def keeps(self, finding: Finding) -> bool:
        """Keep this finding? Only grammar matches are dropped here, by LanguageTool's ids."""
        if not finding.code.startswith(GRAMMAR_PREFIX):
            return True
        ids = {finding.data.get("languagetool_rule"), finding.data.get("languagetool_category")}
        if ids & self.lt_disabled:
            return False
        if self.enabled_only and not any(finding.code.startswith(c) for c in self.enabled):
            return bool(ids & self.lt_enabled)
        return True


@dataclass(frozen=True)
class CheckRequest:
    """A parsed ``/v2/check`` request."""

    text: AnnotatedText
    #: the language asked for, as a long code (``auto`` resolved), and the dialect it means
    language: str
    dialect: str | None
    choice: RuleChoice

    @property
    def variant(self) -> Variant:
        return self.choice.variant(self.dialect)


def parse_check(params: Mapping[str, str], default_dialect: str) -> CheckRequest:
    """A ``/v2/check`` request from its parameters (query string and form body together); raises
    ApiError(400) naming the problem. ``default_dialect`` is the server's (for ``en`` and ``auto``)."""
    if "text" in params and "data" in params:
        raise ApiError(400, "send 'text' or 'data', not both")
    if "text" in params:
        text = AnnotatedText.plain(params["text"])
    elif "data" in params:
        text = parse_data(params["data"])
    else:
        raise ApiError(400, "no text: send the copy as 'text' (or LanguageTool's annotated 'data')")
    language, dialect = _language(params.get("language"), params.get("preferredVariants", ""), default_dialect)
    level = params.get("level") or "default"
    if level not in LEVELS:  # copylint has no rules that only "picky" runs: both levels check the same
        raise ApiError(400, f"unknown level {level!r} (known: {', '.join(LEVELS)})")
    return CheckRequest(text, language, dialect, RuleChoice.from_params(params))


def _language(given: str | None, preferred: str, default_dialect: str) -> tuple[str, str | None]:
    """(long code, dialect) for the ``language`` parameter; ``en`` and ``auto`` keep the server's
    dialect, except that ``auto`` takes an English variant named in ``preferredVariants``."""
    known = {long.lower(): long for _, _, long in LANGUAGES}
    names = ", ".join([AUTO, *known.values()])
    if not given:
        raise ApiError(400, f"no language: send 'language' ({names})")
    value = given.strip().replace("_", "-").lower()
    if value == AUTO:
        variants = [known[v.strip().lower()] for v in preferred.split(",") if v.strip().lower() in known]
        chosen = next((v for v in variants if "-" in v), None)
        if chosen:
            return chosen, chosen
        long = default_dialect if default_dialect in known.values() else "en"
        return long, None
    if value not in known:
        raise ApiError(400, f"unknown language {given!r} (known: {names})")
    long = known[value]
    return long, (long if "-" in long else None)


# ------------------------------------------------------------------------------ answers
def check(linter: Linter, request: CheckRequest) -> dict[str, Any]:
    """Run ``/v2/check`` (in a worker thread): the checked text is plain text."""
    doc = read(request.text.checked, "<text>", "text")
    notices: list[str] = []
    findings = linter.check_document(doc, notices=notices)
    return answer(request, doc, findings, notices)


def answer(request: CheckRequest, doc: Document, findings: Iterable[Finding], notices: list[str]) -> dict[str, Any]:
    """The ``/v2/check`` answer for ``findings`` of ``doc`` (the checked text)."""
    text = request.text
    index = Utf16Index(text.original)
    sentences = doc.sentences
    matches = []
    for f in findings:
        if not request.choice.keeps(f):
            continue
        start, end, values = replacements(f, doc.source)
        start, end = text.to_original(start, end)
        matches.append(_match(f, text.original, start, end, values, index, _sentence(doc, sentences, f.start)))
    warnings: dict[str, Any] = {"incompleteResults": bool(notices)}
    if notices:
        warnings["incompleteResultsReason"] = "; ".join(notices)
    name = language_name(request.language)
    ranges = []
    for s, e in sentences:
        os_, oe = text.to_original(s, e)
        ranges.append([index.to_utf16(os_), index.to_utf16(oe)])
    return {
        "software": software(),
        "warnings": warnings,
        "language": {"name": name, "code": request.language,
                     "detectedLanguage": {"name": name, "code": request.language, "confidence": 1.0,
                                          "source": "copylint"}},
        "matches": matches,
        "sentenceRanges": ranges,
        "extendedSentenceRanges": [{"from": s, "to": e, "detectedLanguages": [{"language": "en", "rate": 1.0}]}
                                   for s, e in ranges],
    }


def _match(f: Finding, original: str, start: int, end: int, values: list[str], index: Utf16Index,
           sentence: str) -> dict[str, Any]:
    u_start, u_end = index.to_utf16(start), index.to_utf16(end)
    rule = all_rules()[f.code]
    return {
        "message": f.message,
        "shortMessage": short_message(f.rule),
        "replacements": [{"value": v} for v in values],
        "offset": u_start,
        "length": u_end - u_start,
        "context": _context(original, start, end),
        "sentence": sentence,
        "type": {"typeName": "UnknownWord" if f.category == "spelling" else "Other"},
        "rule": {"id": rule_id(f.code, f.category), "description": rule.summary(), "issueType": issue_type(f),
                 "category": category_of(f.code)},
        "ignoreForIncompleteSentence": False,
        "contextForSureMatch": 0,
    }


def replacements(f: Finding, source: str) -> tuple[int, int, list[str]]:
    """The span a client underlines and what may replace it: the suggestions, then the fix's result
    when the fix is one edit. An edit inside the span gives the span with the edit applied; a
    deletion that takes the span and more (its line break) deletes the span; a deletion that only
    overlaps it (a clause taken with the dash before it) widens the span to both, when there are
    no suggestions for the span itself."""
    out = list(f.suggestions)
    start, end = f.start, f.end
    if not (f.fix and len(f.fix.edits) == 1):
        return start, end, out
    edit = f.fix.edits[0]
    if start <= edit.start and edit.end <= end:
        value = source[start:edit.start] + edit.replacement + source[edit.end:end]
    elif edit.start <= start and end <= edit.end and not edit.replacement:
        value = ""
    elif not out:
        start, end = min(start, edit.start), max(end, edit.end)
        value = source[start:edit.start] + edit.replacement + source[edit.end:end]
    else:
        return start, end, out
    if value not in out:
        out.append(value)
    return start, end, out


def _context(original: str, start: int, end: int) -> dict[str, Any]:
    """LanguageTool's context: the match with up to 40 characters each side, "..." where cut, line
    breaks as spaces; offset and length in UTF-16 code units."""
    left, right = max(0, start - CONTEXT_CHARS), min(len(original), end + CONTEXT_CHARS)
    prefix = ELLIPSIS if left else ""
    suffix = ELLIPSIS if right < len(original) else ""
    before = prefix + original[left:start]
    shown = before + original[start:right] + suffix
    index = Utf16Index(shown)
    u_start = index.to_utf16(len(before))
    return {"text": shown.translate(_CONTEXT_SPACES), "offset": u_start,
            "length": index.to_utf16(len(before) + end - start) - u_start}


def _sentence(doc: Document, sentences: list[tuple[int, int]], offset: int) -> str:
    """The sentence holding checked offset ``offset`` (the line, where no sentence does)."""
    i = bisect.bisect_right(sentences, (offset, len(doc.prose) + 1)) - 1
    if i >= 0 and sentences[i][0] <= offset < sentences[i][1]:
        s, e = sentences[i]
    else:
        s = doc.prose.rfind("\n", 0, offset) + 1
        e = doc.prose.find("\n", offset)
        e = len(doc.prose) if e < 0 else e
    return doc.prose[s:e].strip()


def config_info(max_text_length: int) -> dict[str, Any]:
    """``/v2/configinfo``: every rule, as LanguageTool describes its own."""
    rules = []
    for code, cls in sorted(all_rules().items()):
        entry = {"ruleId": rule_id(code, cls.category), "description": cls.summary(),
                 "categoryId": code[:3], "categoryName": category_of(code)["name"],
                 "locQualityIssueType": "misspelling" if cls.category == "spelling" else "style"}
        if not cls.default_enabled:
            entry["isDefaultOff"] = "yes"
        if cls.category == "spelling":
            entry["isDictionaryBasedSpellingRule"] = "yes"
        rules.append(entry)
    return {"software": software(), "parameter": {"maxTextLength": max_text_length}, "rules": rules}
