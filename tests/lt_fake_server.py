"""A small HTTP server that stands in for a real LanguageTool server, which cannot be installed here.

It implements the two endpoints copylint (through language-tool-python) uses, with LanguageTool's
request and response format (https://languagetool.org/http-api/, API version 1):

- ``GET /v2/languages``: a JSON list of ``{"name", "code", "longCode"}``.
- ``POST /v2/check`` (form fields ``text`` or ``data``, ``language``, ``disabledRules``,
  ``enabledRules``, ``enabledOnly``, ``disabledCategories``, ``enabledCategories``): a JSON object with
  ``software``, ``warnings``, ``language`` and ``matches``; each match has ``message``,
  ``shortMessage``, ``replacements`` (``[{"value"}]``), ``offset`` and ``length`` counted in UTF-16
  code units as Java counts them, ``context`` (``text``, ``offset``, ``length``), ``sentence``,
  ``type`` and ``rule`` (``id``, ``description``, ``issueType``, ``category`` ``{id, name}``). An
  unknown language gets LanguageTool's plain-text HTTP 400 answer.

Instead of LanguageTool's thousands of rules it knows the handful in ``FIXTURE_RULES``: patterns with
rule ids, categories and messages of the kind LanguageTool reports, enough to exercise every CL4xx
code. Tests start it on 127.0.0.1 with :class:`FakeLanguageTool` and can make it slow (``delay``, ``slow_paths``) to
test time limits; ``requests`` records every check request it received.
"""

from __future__ import annotations

import json
import re
import threading
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

LANGUAGES = [
    {"name": "English", "code": "en", "longCode": "en"},
    {"name": "English (Australian)", "code": "en", "longCode": "en-AU"},
    {"name": "English (Canadian)", "code": "en", "longCode": "en-CA"},
    {"name": "English (GB)", "code": "en", "longCode": "en-GB"},
    {"name": "English (New Zealand)", "code": "en", "longCode": "en-NZ"},
    {"name": "English (US)", "code": "en", "longCode": "en-US"},
    {"name": "English (South African)", "code": "en", "longCode": "en-ZA"},
    {"name": "German (Germany)", "code": "de", "longCode": "de-DE"},
    {"name": "French", "code": "fr", "longCode": "fr"},
]
CATEGORY_NAMES = {
    "GRAMMAR": "Grammar", "PUNCTUATION": "Punctuation", "TYPOGRAPHY": "Typography",
    "CONFUSED_WORDS": "Commonly Confused Words", "PLAIN_ENGLISH": "Plain English",
    "REDUNDANCY": "Redundant Phrases", "CASING": "Capitalization", "TYPOS": "Possible Typo",
    "MISC": "Miscellaneous",
}
CONTEXT_CHARS = 40


@dataclass(frozen=True)
class FixtureRule:
    id: str
    category: str
    issue_type: str
    description: str
    message: str
    short_message: str
    #: the flagged text is the pattern's group "flag" if it has one, else the whole match
    pattern: re.Pattern[str]
    #: replacement values; "{cap}" is the flagged text capitalised, "{first}" its first word
    replacements: tuple[str, ...]
    #: only for these languages (empty: every English variant)
    languages: tuple[str, ...] = ()


def _rule(id: str, category: str, issue_type: str, description: str, message: str, short: str,
          pattern: str, *replacements: str, languages: tuple[str, ...] = ()) -> FixtureRule:
    return FixtureRule(id, category, issue_type, description, message, short, re.compile(pattern),
                       replacements, languages)


FIXTURE_RULES = (
    _rule("HE_VERB_AGR", "GRAMMAR", "grammar", "Agreement error: 'He/she/it' + verb",
          "The pronoun ‘he’ is usually used with a third-person verb.", "Agreement error",
          r"\b(?:[Hh]e|[Ss]he|[Ii]t) (?P<flag>go)\b", "goes"),
    _rule("DOUBLE_PUNCTUATION", "PUNCTUATION", "typographical", "Use of two consecutive dots or commas",
          "Two consecutive commas", "", r",,", ","),
    _rule("COMMA_PARENTHESIS_WHITESPACE", "TYPOGRAPHY", "whitespace",
          "Use of whitespace before comma and before/after parentheses",
          "Put a space after the comma, but not before the comma.", "", r" ,(?!,)", ","),
    _rule("WHITESPACE_RULE", "TYPOGRAPHY", "whitespace", "Whitespace repetition (bad formatting)",
          "Possible typo: you repeated a whitespace", "", r"(?<=\S)  +(?=\S)", " "),
    _rule("THEIR_IS", "CONFUSED_WORDS", "grammar", "their is (there is)",
          "Did you mean “there is”?", "", r"\btheir is\b", "there is"),
    _rule("IN_ORDER_TO", "PLAIN_ENGLISH", "style", "in order to (to)",
          "Consider using “to” instead of the wordier “in order to”.", "Wordiness", r"\bin order to\b", "to"),
    _rule("PAST_HISTORY", "REDUNDANCY", "style", "past history (history)",
          "This phrase is redundant. Consider using “history”.", "Redundant phrase",
          r"\bpast history\b", "history"),
    _rule("UPPERCASE_SENTENCE_START", "CASING", "typographical", "Checks that a sentence starts with an "
          "uppercase letter", "This sentence does not start with an uppercase letter.", "",
          r"(?m)(?:^|(?<=[.!?] ))[a-z]+\b", "{cap}"),
    _rule("MORFOLOGIK_RULE_EN_US", "TYPOS", "misspelling", "Possible spelling mistake",
          "Possible spelling mistake found.", "Spelling mistake", r"\brecieve\b", "receive",
          languages=("en-US",)),
    _rule("MORFOLOGIK_RULE_EN_GB", "TYPOS", "misspelling", "Possible spelling mistake",
          "Possible spelling mistake found.", "Spelling mistake", r"\brecieve\b", "receive",
          languages=("en-GB",)),
    _rule("EN_A_VS_AN", "MISC", "misspelling", "Use of 'a' vs. 'an'",
          "Use “an” instead of ‘a’ if the following word starts with a vowel sound, e.g. ‘an article’, "
          "‘an hour’.", "Wrong article", r"\b[Aa](?= [aeiouAEIOU]\w)", "an"),
    _rule("ENGLISH_WORD_REPEAT_RULE", "MISC", "duplication", "Word repetition (e.g. 'will will')",
          "Possible typo: you repeated a word.", "Word repetition", r"(?i)\b(\w+) \1\b",
          "{first}"),
)


def utf16_len(text: str) -> int:
    """Length of ``text`` in UTF-16 code units, as Java's ``String.length()`` counts it."""
    return len(text.encode("utf-16-le")) // 2


def check(text: str, language: str, disabled_rules: set[str], enabled_rules: set[str],
          enabled_only: bool, disabled_categories: set[str], enabled_categories: set[str]) -> dict:
    """The ``/v2/check`` response for ``text``."""
    matches = []
    for rule in FIXTURE_RULES:
        if rule.languages and language not in rule.languages:
            continue
        if rule.id in disabled_rules or rule.category in disabled_categories:
            continue
        if enabled_only and rule.id not in enabled_rules and rule.category not in enabled_categories:
            continue
        for m in rule.pattern.finditer(text):
            span = m.span("flag") if "flag" in rule.pattern.groupindex else m.span()
            matches.append(_match(text, *span, rule))
    matches.sort(key=lambda m: m["offset"])
    return {
        "software": {"name": "LanguageTool", "version": "6.6", "buildDate": "2025-03-27 16:00:00 +0000",
                     "apiVersion": 1, "premium": False, "premiumHint": "", "status": ""},
        "warnings": {"incompleteResults": False},
        "language": {"name": _language_name(language), "code": language,
                     "detectedLanguage": {"name": _language_name(language), "code": language,
                                          "confidence": 0.99}},
        "matches": matches,
    }


def _match(text: str, start: int, end: int, rule: FixtureRule) -> dict[str, Any]:
    flagged = text[start:end]
    values = [r.format(cap=flagged[:1].upper() + flagged[1:], first=flagged.split(" ")[0])
              for r in rule.replacements]
    ctx_start, ctx_end = max(0, start - CONTEXT_CHARS), min(len(text), end + CONTEXT_CHARS)
    prefix = "..." if ctx_start else ""
    suffix = "..." if ctx_end < len(text) else ""
    context = prefix + text[ctx_start:ctx_end].replace("\n", " ") + suffix
    sent_start = max(text.rfind(". ", 0, start) + 2, text.rfind("\n", 0, start) + 1, 0)
    sent_end = text.find("\n", end)
    return {
        "message": rule.message,
        "shortMessage": rule.short_message,
        "replacements": [{"value": v} for v in values],
        "offset": utf16_len(text[:start]),
        "length": utf16_len(flagged),
        "context": {"text": context, "offset": utf16_len(prefix + text[ctx_start:start]),
                    "length": utf16_len(flagged)},
        "sentence": text[sent_start:sent_end if sent_end >= 0 else len(text)].strip(),
        "type": {"typeName": "Other"},
        "rule": {"id": rule.id, "description": rule.description, "issueType": rule.issue_type,
                 "category": {"id": rule.category, "name": CATEGORY_NAMES[rule.category]}},
        "ignoreForIncompleteSentence": False,
        "contextForSureMatch": 0,
    }


def _language_name(code: str) -> str:
    return next(lang["name"] for lang in LANGUAGES if lang["longCode"] == code)


def _text_of(form: dict[str, str]) -> str | None:
    if "text" in form:
        return form["text"]
    if "data" in form:
        annotation = json.loads(form["data"]).get("annotation", [])
        return "".join(part.get("text", part.get("interpretAs", "")) for part in annotation)
    return None


class FakeLanguageTool:
    """The fake server, running in a background thread: ``with FakeLanguageTool() as lt: lt.url``."""

    def __init__(self, delay: float = 0.0, slow_paths: tuple[str, ...] = ("/v2/check", "/v2/languages"),
                 answer: Callable[[str], Any] | None = None, drip: float = 0.0) -> None:
        #: seconds to wait before answering a request to one of ``slow_paths`` (to test time limits)
        self.delay = delay
        self.slow_paths = slow_paths
        #: what /v2/check answers instead of the fixture rules' matches (the JSON body, for a text)
        self.answer = answer
        #: seconds between the bytes of an answer to a slow path (a server that trickles)
        self.drip = drip
        #: the form fields of every /v2/check request, in order
        self.requests: list[dict[str, str]] = []
        self._stop = threading.Event()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def __enter__(self) -> FakeLanguageTool:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._server.shutdown()
        self._server.server_close()

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:
                pass

            def _send(self, status: int, body: Any) -> None:
                slow = urllib.parse.urlsplit(self.path).path in fake.slow_paths
                if fake.delay and slow:
                    fake._stop.wait(fake.delay)
                data = (json.dumps(body) if not isinstance(body, str) else body).encode("utf-8")
                self.send_response(status)
                ctype = "application/json" if not isinstance(body, str) else "text/plain"
                self.send_header("Content-Type", f"{ctype}; charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                try:
                    if fake.drip and slow:
                        for i in range(len(data)):
                            self.wfile.write(data[i:i + 1])
                            self.wfile.flush()
                            if fake._stop.wait(fake.drip):
                                return
                    else:
                        self.wfile.write(data)
                except OSError:  # the client gave up waiting
                    pass

            def do_GET(self) -> None:
                path = urllib.parse.urlsplit(self.path).path
                if path == "/v2/languages":
                    self._send(200, LANGUAGES)
                elif path == "/v2/check":
                    self._check(dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(self.path).query)))
                else:
                    self._send(404, "Error: unknown path")

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length).decode("utf-8")
                if urllib.parse.urlsplit(self.path).path != "/v2/check":
                    self._send(404, "Error: unknown path")
                    return
                self._check(dict(urllib.parse.parse_qsl(body, keep_blank_values=True)))

            def _check(self, form: dict[str, str]) -> None:
                fake.requests.append(form)
                text = _text_of(form)
                language = form.get("language", "")
                if text is None:
                    self._send(400, "Error: Missing 'text' or 'data' parameter")
                    return
                if language not in {lang["longCode"] for lang in LANGUAGES}:
                    self._send(400, f"Error: '{language}' is not a language code known to LanguageTool.")
                    return

                def ids(key: str) -> set[str]:
                    return {v for v in form.get(key, "").split(",") if v}

                if fake.answer is not None:
                    self._send(200, fake.answer(text))
                    return

                self._send(200, check(text, language, ids("disabledRules"), ids("enabledRules"),
                                      form.get("enabledOnly") == "true", ids("disabledCategories"),
                                      ids("enabledCategories")))

        return Handler
