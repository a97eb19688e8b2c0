"""The server's settings and limits (from ``copylint serve``'s options), and its API keys.

``copylint serve`` hands the settings to each uvicorn worker process through the environment
variable :data:`ENV_VAR` (JSON), so the same app factory serves one worker or many, and a container
can run ``uvicorn --factory copylint.app.server.app:app_from_environment`` with the variable set.
"""

from __future__ import annotations

import hmac
import json
import os
from dataclasses import asdict, dataclass, fields

from copylint.core.errors import CopylintError

ENV_VAR = "COPYLINT_SERVER_SETTINGS"
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8081
#: Largest request body accepted (bytes); larger ones get 413.
DEFAULT_MAX_REQUEST_BYTES = 1_000_000
#: Seconds one request may take (queueing included) before it gets 503; longer than LanguageTool's
#: own default timeout (10 s), so a slow grammar server costs grammar findings, not the answer.
DEFAULT_TIME_LIMIT = 20.0
#: Threads per worker process that run checks off the event loop.
DEFAULT_THREADS = 4


class SettingsError(CopylintError):
    """A setting that cannot be used (the command prints it as one line and exits 2)."""


@dataclass(frozen=True)
class ServerSettings:
    """Everything one worker process needs to build the app."""

    host: str = DEFAULT_HOST
    port: int = DEFAULT_PORT
    #: the config file (``--config``); None: the one found from the working folder
    config: str | None = None
    #: ignore every config file (``--isolated``)
    isolated: bool = False
    #: file of accepted API keys, one per line (None: no key needed)
    api_key_file: str | None = None
    #: origins allowed to call the APIs from a browser page (``*``: any)
    cors_origins: tuple[str, ...] = ()
    max_request_bytes: int = DEFAULT_MAX_REQUEST_BYTES
    time_limit: float = DEFAULT_TIME_LIMIT
    threads: int = DEFAULT_THREADS
    #: uvicorn worker processes (each with its own linters)
    workers: int = 1

    def __post_init__(self) -> None:
        if not 0 <= self.port <= 65535:
            raise SettingsError(f"--port must be between 0 and 65535, not {self.port}")
        for name in ("max_request_bytes", "threads", "workers"):
            if getattr(self, name) < 1:
                raise SettingsError(f"--{name.replace('_', '-')} must be at least 1, not {getattr(self, name)}")
        if not self.time_limit > 0:
            raise SettingsError(f"--time-limit must be a positive number of seconds, not {self.time_limit:g}")

    def to_environment(self) -> str:
        return json.dumps(asdict(self))

    @classmethod
    def from_environment(cls, environ: dict[str, str] | None = None) -> ServerSettings:
        raw = (environ if environ is not None else os.environ).get(ENV_VAR)
        if not raw:
            return cls()
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise SettingsError(f"{ENV_VAR} is not valid JSON: {exc}") from None
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise SettingsError(f"{ENV_VAR} has unknown settings: {', '.join(unknown)}")
        if "cors_origins" in data:
            data["cors_origins"] = tuple(data["cors_origins"])
        return cls(**data)


class ApiKeys:
    """The accepted API keys (none: every request is accepted)."""

    def __init__(self, keys: frozenset[str] = frozenset()) -> None:
        self._keys = keys

    @property
    def required(self) -> bool:
        return bool(self._keys)

    def accepts(self, key: str | None) -> bool:
        if not self._keys:
            return True
        if not key:
            return False
        given = key.encode("utf-8")
        # compare with every key, in constant time, so timing tells nothing about them
        return any([hmac.compare_digest(given, k.encode("utf-8")) for k in self._keys])

    @classmethod
    def from_file(cls, path: str | None) -> ApiKeys:
        """Keys from ``path``: one per line; blank lines and lines starting with ``#`` are skipped."""
        if path is None:
            return cls()
        try:
            with open(path, encoding="utf-8") as f:
                lines = f.read().splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) else "not UTF-8 text"
            raise SettingsError(f"--api-key-file {path}: cannot read: {reason}") from None
        keys = frozenset(line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#"))
        if not keys:
            raise SettingsError(f"--api-key-file {path}: no keys in it (one key per line)")
        if any(any(c.isspace() for c in k) for k in keys):
            raise SettingsError(f"--api-key-file {path}: a key contains a space (one key per line)")
        return cls(keys)
