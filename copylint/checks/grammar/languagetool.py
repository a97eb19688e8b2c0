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


def to_matches(raw: list[dict[str, Any]], text: str, base: int) -> list[LTMatch]:
    """Matches of a ``/v2/check`` response for ``text``, which starts at prose offset ``base``."""
    index = Utf16Index(text) if _ASTRAL.search(text) else None
    out = []
    for m in raw:
        offset, length = int(m["offset"]), int(m["length"])
        if index is None:
            start, end = offset, offset + length
        else:
            start, end = index.start(offset), index.end(offset + length)
        rule = m.get("rule") or {}
        category = rule.get("category") or {}
        out.append(LTMatch(
            start=base + start, end=base + end,
            message=m.get("message", ""), short_message=m.get("shortMessage", ""),
            replacements=tuple(r["value"] for r in m.get("replacements", ()) if r.get("value") is not None),
            rule_id=rule.get("id", ""), rule_description=rule.get("description", ""),
            issue_type=rule.get("issueType", ""),
            category_id=category.get("id", ""), category_name=category.get("name", ""),
        ))
    return out


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
        self._matches: OrderedDict[str, list[LTMatch]] = OrderedDict()

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
    def matches(self, doc: Document) -> list[LTMatch]:
        """Every LanguageTool match in ``doc`` (one round of requests per document).

        Raises :class:`Unavailable` when LanguageTool cannot be reached or does not answer in time.
        """
        prose = doc.prose
        with self._lock:
            cached = self._matches.get(prose)
            if cached is not None:
                self._matches.move_to_end(prose)
                return cached
        tool = self._client()
        found: list[LTMatch] = []
        for start, end in chunk_spans(doc, self.settings.chunk_size):
            text = prose[start:end]
            try:
                raw = tool.check_raw(text)
            except Exception as exc:
                what = f"LanguageTool at {tool.url} {_describe(exc, self.settings.timeout)}"
                with self._lock:
                    raise self._fail(what) from None
            found.extend(to_matches(raw, text, start))
        if not self.settings.spelling:
            found = [m for m in found if not m.rule_id.startswith(SPELLING_RULE_PREFIX)]
        with self._lock:
            self._failure = None
            self._matches[prose] = found
            if len(self._matches) > CACHED_DOCUMENTS:
                self._matches.popitem(last=False)
        return found

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

        def check_raw(self, text: str) -> list[dict[str, Any]]:
            url = urllib.parse.urljoin(self.url, "check")
            response = self._query_server(url, self._create_params(text), num_tries=1, method="post")
            return list(response["matches"])

    _CLIENT_CLASS = BoundedLanguageTool
    return _CLIENT_CLASS
