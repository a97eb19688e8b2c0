"""LanguageTool for the grammar rules (CL4xx): choosing a backend, sending text, mapping offsets back.

Backends, in order: the ``url`` of the ``languagetool`` option (``languagetool = { url =
"http://lt:8010" }``), the ``COPYLINT_LANGUAGETOOL_URL`` environment variable, then a LanguageTool
that language-tool-python has already installed in its cache folder (``LTP_PATH``, by default
``~/.cache/language_tool_python``), run as a local server. Nothing is ever downloaded unless the
option says ``download = true``.

A :class:`GrammarChecker` holds one language-tool-python client (and so at most one local server
process) for as long as some Linter uses it; every grammar rule of a Linter leases the same one and
gives it back in ``Rule.close()``. A document is sent once, in chunks cut at paragraph boundaries,
and its matches are kept so that each CL4xx rule picks its own out of them. LanguageTool counts
offsets in UTF-16 code units (Java strings); :class:`Utf16Index` turns them into Python character
offsets, so copy with emoji still underlines the right word.

When LanguageTool cannot be used, :class:`Unavailable` carries a one-line explanation (what was
tried, how to configure it); the rules turn it into a notice and the other rules run as usual.
"""

from __future__ import annotations

import bisect
import http.client
import json
import os
import re
import shutil
import threading
import time
import urllib.parse
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from copylint.core.errors import ConfigError

if TYPE_CHECKING:
    from copylint.core.config import Config
    from copylint.core.document import Document

URL_ENV = "COPYLINT_LANGUAGETOOL_URL"
#: Seconds one request (or the start of a client) may take before LanguageTool counts as unavailable.
DEFAULT_TIMEOUT = 10.0
#: Longest text, in characters, sent in one request; longer documents are cut between paragraphs.
DEFAULT_CHUNK_SIZE = 20_000
#: After a failure, documents skip LanguageTool for this many seconds instead of waiting again.
RETRY_AFTER = 60.0
#: Most local-server start attempts (language-tool-python tries another port after each failure).
LOCAL_START_ATTEMPTS = 2
#: Documents whose matches are kept, so every CL4xx rule reuses one request per document.
CACHED_DOCUMENTS = 64
#: The largest answer read from a server (bytes); a longer one makes LanguageTool unavailable.
MAX_RESPONSE_BYTES = 16 * 1024 * 1024
#: Matches kept per document (LanguageTool finds a few per paragraph; a flood is not advice).
MAX_MATCHES = 2_000
#: Characters kept of a match's message and short message, and replacements kept per match.
MAX_MESSAGE = 500
MAX_REPLACEMENTS = 10
SPELLING_RULE_PREFIX = "MORFOLOGIK_RULE"
HOW_TO_CONFIGURE = ('point copylint at a server with languagetool = { url = "http://localhost:8010" } '
                    f"in [tool.copylint] or {URL_ENV} (see docs/grammar.md)")
_SETTINGS_KEYS = {"url": str, "language": str, "timeout": (int, float), "spelling": bool,
                  "disabled-rules": list, "enabled-rules": list, "download": bool, "chunk-size": int}
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class Unavailable(Exception):
    """LanguageTool cannot be used; the message is the one-line notice shown to the user."""


# ---------------------------------------------------------------------------------- settings
@dataclass(frozen=True)
class Settings:
    """What the ``languagetool`` option and the environment ask for (hashable: a resources key)."""

    url: str | None = None
    language: str = "en"
    timeout: float = DEFAULT_TIMEOUT
    spelling: bool = False
    disabled_rules: tuple[str, ...] = ()
    enabled_rules: tuple[str, ...] = ()
    download: bool = False
    chunk_size: int = DEFAULT_CHUNK_SIZE

    @classmethod
    def from_config(cls, config: Config) -> Settings:
        """Settings from the ``languagetool`` option table, ``dialect`` and ``COPYLINT_LANGUAGETOOL_URL``."""
        table: dict[str, Any] = config.option("languagetool", {}) or {}
        where = config.source or "<config>"
        for key, value in table.items():
            expected = _SETTINGS_KEYS.get(key)
            if expected is None:
                raise ConfigError(where, f"unknown key (known: {', '.join(sorted(_SETTINGS_KEYS))})",
                                  f"languagetool.{key}")
            if not isinstance(value, expected) or (isinstance(value, bool) and expected is not bool):
                raise ConfigError(where, "has the wrong type", f"languagetool.{key}")
            if expected is list and not all(isinstance(v, str) for v in value):
                raise ConfigError(where, "must be a list of rule ids", f"languagetool.{key}")
        if table.get("timeout", 1) <= 0 or table.get("chunk-size", 1) <= 0:
            raise ConfigError(where, "timeout and chunk-size must be positive", "languagetool")
        dialect_language = {"en-GB": "en-GB", "en-US": "en-US"}.get(config.dialect, "en")
        return cls(
            url=table.get("url") or os.environ.get(URL_ENV) or None,
            language=table.get("language", dialect_language),
            timeout=float(table.get("timeout", DEFAULT_TIMEOUT)),
            spelling=table.get("spelling", False),
            disabled_rules=tuple(table.get("disabled-rules", ())),
            enabled_rules=tuple(table.get("enabled-rules", ())),
            download=table.get("download", False),
            chunk_size=table.get("chunk-size", DEFAULT_CHUNK_SIZE),
        )

    def disabled(self) -> set[str]:
        """Rule ids to switch off: the user's, plus the dictionary spell checker unless wanted."""
        out = set(self.disabled_rules)
        if not self.spelling and "-" in self.language:
            out.add(f"{SPELLING_RULE_PREFIX}_{self.language.upper().replace('-', '_')}")
        return out


def server_root(url: str) -> str:
    """The server's base URL, to which language-tool-python appends ``v2/`` (a ``/v2`` given is dropped)."""
    url = url.strip()
    if "://" not in url:
        url = "http://" + url
    url = url.rstrip("/")
    if url.endswith("/v2"):
        url = url[:-3]
    return url + "/"


# ---------------------------------------------------------------------------------- offsets
class Utf16Index:
    """Converts UTF-16 code unit offsets in ``text`` (what LanguageTool reports) to Python offsets."""

    __slots__ = ("_astral_units",)

    def __init__(self, text: str) -> None:
        # UTF-16 offset at which each astral character (two code units) starts
        self._astral_units = [m.start() + i for i, m in enumerate(_ASTRAL.finditer(text))]

    def start(self, units: int) -> int:
        """Python offset of a start position (one inside a surrogate pair falls back to its character)."""
        return units - bisect.bisect_left(self._astral_units, units)

    def end(self, units: int) -> int:
        """Python offset of an end position (one inside a surrogate pair takes in its character)."""
        k = bisect.bisect_left(self._astral_units, units)
        inside_pair = k > 0 and self._astral_units[k - 1] == units - 1
        return units - k + (1 if inside_pair else 0)


def chunk_spans(doc: Document, limit: int) -> list[tuple[int, int]]:
    """Prose spans to send, each at most ``limit`` characters where possible, cut between paragraphs
    (and between sentences inside a paragraph longer than ``limit``)."""
    pieces: list[tuple[int, int]] = []
    sentences = doc.sentences
    for start, end in doc.paragraphs:
        if end - start <= limit:
            pieces.append((start, end))
            continue
        i = bisect.bisect_left(sentences, (start, -1))
        while i < len(sentences) and sentences[i][0] < end:
            pieces.append(sentences[i])
            i += 1
    chunks: list[tuple[int, int]] = []
    for start, end in pieces:
        if chunks and end - chunks[-1][0] <= limit:
            chunks[-1] = (chunks[-1][0], end)
        else:
            chunks.append((start, end))
    return chunks


# ---------------------------------------------------------------------------------- matches
@dataclass(frozen=True)
class LTMatch:
    """One LanguageTool match, positioned in the document's prose (Python character offsets)."""

    start: int
    end: int
    message: str
    short_message: str
    replacements: tuple[str, ...]
    rule_id: str
    rule_description: str
    issue_type: str
    category_id: str
    category_name: str


def to_matches(raw: list[Any], text: str, base: int, problems: dict[str, int] | None = None) -> list[LTMatch]:
    """Matches of a ``/v2/check`` response for ``text``, which starts at prose offset ``base``.

    A match that is not well formed (no whole-number offset and length, a rule that is not an
    object...) or that points outside ``text`` is left out and counted in ``problems`` under
    "malformed" or "outside"; messages and replacements are cut to a sane size."""
    index = Utf16Index(text) if _ASTRAL.search(text) else None
    units = len(text) + (len(_ASTRAL.findall(text)) if index is not None else 0)
    out = []
    for m in raw:
        try:
            match = _to_match(m, index, units, base)
        except (KeyError, TypeError, ValueError, AttributeError):
            match = "malformed"
        if isinstance(match, str):
            if problems is not None:
                problems[match] = problems.get(match, 0) + 1
            continue
        out.append(match)
    return out


def _to_match(m: dict[str, Any], index: Utf16Index | None, units: int, base: int) -> LTMatch | str:
    """One match, or why it is left out ("outside": its offsets are not in the text sent)."""
    offset, length = m["offset"], m["length"]
    if type(offset) is not int or type(length) is not int:
        return "malformed"
    if offset < 0 or length < 0 or offset + length > units:
        return "outside"
    if index is None:
        start, end = offset, offset + length
    else:
        start, end = index.start(offset), index.end(offset + length)
    rule = m.get("rule") or {}
    category = rule.get("category") or {}
    replacements = m.get("replacements") or []
    if not all(isinstance(x, dict) for x in (rule, category)) or not isinstance(replacements, list):
        return "malformed"
    values = [r["value"] for r in replacements[:MAX_REPLACEMENTS] if isinstance(r, dict) and isinstance(
        r.get("value"), str)]
    return LTMatch(
        start=base + start, end=base + end,
        message=_text(m.get("message")), short_message=_text(m.get("shortMessage")),
        replacements=tuple(v[:MAX_MESSAGE] for v in values),
        rule_id=_text(rule.get("id")), rule_description=_text(rule.get("description")),
        issue_type=_text(rule.get("issueType")),
        category_id=_text(category.get("id")), category_name=_text(category.get("name")),
    )


def _text(value: Any) -> str:
    """A string field of a match, cut to :data:`MAX_MESSAGE` characters ("" when not a string)."""
    if not isinstance(value, str):
        return ""
    return value if len(value) <= MAX_MESSAGE else value[:MAX_MESSAGE - 1] + "…"


def _problem_notes(problems: dict[str, int], kept: int, url: str) -> list[str]:
    """One notice for what was left out of LanguageTool's answers for a document."""
    parts = []
    if problems.get("outside"):
        parts.append(f"{problems['outside']:,} pointing outside the text sent")
    if problems.get("malformed"):
        parts.append(f"{problems['malformed']:,} not well formed")
    if problems.get("over"):
        parts.append(f"{problems['over']:,} beyond the first {kept:,}")
    if not parts:
        return []
    return [f"LanguageTool at {url} sent matches that were left out: {'; '.join(parts)}"]


@dataclass(frozen=True)
class GrammarResult:
    """The matches of one document, and notices about what LanguageTool sent that was left out."""

    matches: list[LTMatch]
    notes: tuple[str, ...] = ()


# ---------------------------------------------------------------------------------- requests
class BadAnswer(Exception):
    """A server answered, with something that is not LanguageTool's JSON (or too much of it)."""


def fetch_json(url: str, params: dict[str, str] | None, method: str, timeout: float,
               proxies: dict[str, str] | None = None) -> Any:
    """The JSON a server answers to one request, read within ``timeout`` seconds in all (each read
    is limited too) and at most :data:`MAX_RESPONSE_BYTES` long."""
    import requests

    deadline = time.monotonic() + timeout
    kwargs: dict[str, Any] = {"data": params} if method == "post" else {"params": params}
    with requests.request(method, url, timeout=timeout, proxies=proxies, stream=True, **kwargs) as response:
        raw = response.raw
        read = getattr(raw, "read1", None) or raw.read
        chunks: list[bytes] = []
        size = 0
        while True:
            chunk = read(65536)
            if not chunk:
                break
            size += len(chunk)
            if size > MAX_RESPONSE_BYTES:
                raise BadAnswer(f"answered with more than {MAX_RESPONSE_BYTES:,} bytes")
            chunks.append(chunk)
            if time.monotonic() > deadline:
                raise requests.Timeout(f"the answer took longer than {timeout:g} s")
        body = b"".join(chunks)
        try:
            return json.loads(body)
        except (ValueError, RecursionError):
            snippet = " ".join(body[:200].decode("utf-8", "replace").split())
            raise BadAnswer(f"HTTP {response.status_code}: {snippet or '(an empty answer)'}") from None


# ---------------------------------------------------------------------------------- the checker
class GrammarChecker:
    """One LanguageTool client shared by the grammar rules of the Linters that lease it."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._tool: Any = None
        self._leases = 0
        self._failure: str | None = None
        self._failed_at = 0.0
        self._lock = threading.Lock()
        self._matches: OrderedDict[str, GrammarResult] = OrderedDict()

    # ------------------------------------------------------------ leases
    def acquire(self) -> GrammarChecker:
        with self._lock:
            self._leases += 1
        return self

    def release(self) -> None:
        """Give back a lease; the last one closes the client (and stops a local server)."""
        with self._lock:
            self._leases = max(0, self._leases - 1)
            if self._leases or self._tool is None:
                return
            tool, self._tool = self._tool, None
        tool.close()

    # ------------------------------------------------------------ checking
    def matches(self, doc: Document) -> GrammarResult:
        """Every LanguageTool match in ``doc`` (one round of requests per document), at most
        :data:`MAX_MATCHES` of them, with a notice for any left out.

        Raises :class:`Unavailable` when LanguageTool cannot be reached, does not answer in time or
        answers with something that is not LanguageTool's JSON.
        """
        prose = doc.prose
        with self._lock:
            cached = self._matches.get(prose)
            if cached is not None:
                self._matches.move_to_end(prose)
                return cached
        tool = self._client()
        found: list[LTMatch] = []
        problems: dict[str, int] = {}
        for start, end in chunk_spans(doc, self.settings.chunk_size):
            text = prose[start:end]
            try:
                raw = tool.check_raw(text)
            except Exception as exc:
                what = f"LanguageTool at {tool.url} {_describe(exc, self.settings.timeout)}"
                with self._lock:
                    raise self._fail(what) from None
            room = max(0, MAX_MATCHES - len(found))  # matches past the cap are counted, not read
            if len(raw) > room:
                problems["over"] = problems.get("over", 0) + len(raw) - room
            found.extend(to_matches(raw[:room], text, start, problems))
        if not self.settings.spelling:
            found = [m for m in found if not m.rule_id.startswith(SPELLING_RULE_PREFIX)]
        result = GrammarResult(found, tuple(_problem_notes(problems, MAX_MATCHES, tool.url)))
        with self._lock:
            self._failure = None
            self._matches[prose] = result
            if len(self._matches) > CACHED_DOCUMENTS:
                self._matches.popitem(last=False)
        return result

    def _client(self) -> Any:
        with self._lock:
            if self._failure and time.monotonic() - self._failed_at < RETRY_AFTER:
                raise Unavailable(self._failure)
            if self._tool is None:
                try:
                    self._tool = self._open()
                except Unavailable as exc:
                    raise self._fail(str(exc)) from None
            return self._tool

    def _fail(self, what: str) -> Unavailable:
        """Remember a failure (call with the lock held) so the next documents do not wait again."""
        self._failure = f"{what}; grammar rules (CL4) skipped: {HOW_TO_CONFIGURE}"
        self._failed_at = time.monotonic()
        return Unavailable(self._failure)

    def _open(self) -> Any:
        """A started client: for the configured server, else for a local install (never downloading
        one unless ``download = true``). Raises :class:`Unavailable` naming what was tried."""
        s = self.settings
        try:
            client_class = _client_class()
        except ImportError:
            raise Unavailable("LanguageTool needs language-tool-python, which is not installed "
                              "(pip install 'copylint[grammar]')") from None
        if s.url:
            root = server_root(s.url)
            kwargs: dict[str, Any] = {"remote_server": root}
            tried = f"LanguageTool server at {root}"
        else:
            kwargs, tried = self._local_install()
        try:
            tool = client_class(language=s.language, timeout=s.timeout, **kwargs)
        except Exception as exc:
            raise Unavailable(f"{tried} {_describe(exc, s.timeout)}") from None
        tool.disabled_rules = s.disabled()
        tool.enabled_rules = set(s.enabled_rules)
        return tool

    def _local_install(self) -> tuple[dict[str, Any], str]:
        """Client arguments for the newest LanguageTool that language-tool-python has installed, and
        a description of it for notices."""
        if not shutil.which("java"):
            raise Unavailable("LanguageTool unavailable: no server URL is set and there is no `java` "
                              "on PATH to run a local LanguageTool")
        if self.settings.download:
            return {}, "local LanguageTool (download allowed)"
        from language_tool_python.download_lt import LocalLanguageTool
        from language_tool_python.utils import LTP_PATH_ENV_VAR

        folder = Path(os.environ.get(LTP_PATH_ENV_VAR) or Path.home() / ".cache" / "language_tool_python")
        installed = LocalLanguageTool.get_installed_versions() if folder.is_dir() else []
        if not installed:
            raise Unavailable(f"LanguageTool unavailable: no server URL is set and no local LanguageTool "
                              f"is installed in {folder} (language-tool-python's LTP_PATH; "
                              "languagetool = { download = true } lets it download one)")
        version = max(installed).version_name
        return {"language_tool_download_version": version}, f"local LanguageTool {version} in {folder}"

    def close(self) -> None:
        """Close the client now, whatever the leases (for tests and shutdown)."""
        with self._lock:
            tool, self._tool = self._tool, None
        if tool is not None:
            tool.close()


def _describe(exc: BaseException, timeout: float) -> str:
    """A short, stable description of why a request failed (no object addresses, no tracebacks)."""
    import requests

    chain: list[BaseException] = []
    cur: BaseException | None = exc
    while cur is not None and len(chain) < 10:
        chain.append(cur)
        cur = cur.__cause__ or cur.__context__
    if any(isinstance(e, requests.Timeout | TimeoutError) for e in chain):
        return f"did not answer within {timeout:g} s"
    if any(isinstance(e, ConnectionRefusedError) for e in chain) or "refused" in str(exc).lower():
        return "refused the connection"
    if any(isinstance(e, requests.ConnectionError) for e in chain):
        return "could not be reached"
    text = " ".join(str(exc).split())
    text = re.sub(r" at 0x[0-9a-f]+", "", text)
    return f"failed: {text[:200] or type(exc).__name__}"


_CLIENT_CLASS: Any = None


def _client_class() -> Any:
    """language-tool-python's ``LanguageTool`` with a request time limit, bounded local start-up and
    access to the raw ``/v2/check`` matches (built on first use: importing it costs ~0.1 s)."""
    global _CLIENT_CLASS
    if _CLIENT_CLASS is not None:
        return _CLIENT_CLASS
    import language_tool_python
    from language_tool_python.exceptions import LanguageToolError

    class BoundedLanguageTool(language_tool_python.LanguageTool):
        """Every request (``/v2/languages`` during start-up included) is limited to ``timeout``
        seconds, at most ``LOCAL_START_ATTEMPTS`` local servers are tried, and ``check_raw`` returns
        LanguageTool's own match objects: ``Match`` drops the category name and short message, and
        its astral-offset correction keeps process-wide state that is not safe across threads."""

        def __init__(self, *, timeout: float, **kwargs: Any) -> None:
            self._TIMEOUT = timeout  # type: ignore[assignment]  # read by every request
            self._start_attempts = 0
            super().__init__(**kwargs)

        def _start_local_server(self) -> None:
            self._start_attempts += 1
            if self._start_attempts > LOCAL_START_ATTEMPTS:
                raise LanguageToolError(f"the local server did not start ({LOCAL_START_ATTEMPTS} attempts)")
            super()._start_local_server()

        def check_raw(self, text: str) -> list[Any]:
            url = urllib.parse.urljoin(self.url, "check")
            response = self._query_server(url, self._create_params(text), num_tries=1, method="post")
            if not isinstance(response, dict) or not isinstance(response.get("matches"), list):
                raise LanguageToolError("answered with something that is not a LanguageTool check result")
            return list(response["matches"])

        def _query_server(self, url: str, params: dict[str, str] | None = None, num_tries: int = 2,
                          method: str = "get") -> Any:
            """language-tool-python's request, with a deadline for the whole answer (not per read:
            a server sending a byte every few seconds is cut off) and a size limit on it."""
            for attempt in range(num_tries):
                try:
                    return fetch_json(url, params, method, self._TIMEOUT, getattr(self, "_proxies", None))
                except BadAnswer as exc:
                    raise LanguageToolError(str(exc)) from None
                except (OSError, http.client.HTTPException) as exc:
                    if self._remote is False:
                        self._terminate_server()
                        self._start_local_server()
                    if attempt + 1 >= num_tries:
                        raise LanguageToolError(f"{self._url}: {exc}") from exc
            return None

    _CLIENT_CLASS = BoundedLanguageTool
    return _CLIENT_CLASS
