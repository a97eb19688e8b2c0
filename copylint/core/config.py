"""Configuration: a dataclass you can build in code, or read from ``[tool.copylint]`` in
``pyproject.toml`` or from a ``.copylint.toml``, found by walking up from each checked file.
"""

from __future__ import annotations

import fnmatch
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from copylint.core.errors import ConfigError, toml_error_line, toml_key_line
from copylint.core.finding import SEVERITIES

DIALECTS = ("any", "en-GB", "en-US")
#: what of a full web page is checked: its article body, or everything
SCOPES = ("body", "page")
CONFIG_FILES = (".copylint.toml", "pyproject.toml")


@dataclass(frozen=True)
class Config:
    """Every setting copylint reads. All fields have defaults; build one in code for the API."""

    #: codes or prefixes to run (None: every rule that is on by default)
    select: tuple[str, ...] | None = None
    #: codes or prefixes to run in addition to ``select``
    extend_select: tuple[str, ...] = ()
    #: codes or prefixes never to run
    ignore: tuple[str, ...] = ()
    #: glob (relative to the config's folder) -> codes or prefixes ignored in matching files
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    #: code -> severity ("error", "warning", "info")
    severity: tuple[tuple[str, str], ...] = ()
    #: which English spellings are accepted: "any", "en-GB" or "en-US"
    dialect: str = "any"
    #: word-list files (one word per line; ``#`` starts a comment) accepted by the spelling rules
    words: tuple[str, ...] = ()
    #: what of a full HTML page is checked: "body" (the article, when the page shows where it is) or
    #: "page" (everything); a fragment without a page around it is all body
    scope: str = "body"
    #: extra rule packs (TOML files, or names of packs shipped with copylint such as "site-x")
    packs: tuple[str, ...] = ()
    #: options that rules declare (``copylint rules --options`` lists them)
    options: tuple[tuple[str, Any], ...] = ()
    #: folder relative paths in this config are resolved against
    root: str | None = None
    #: the file this config was read from (None: built in code, or defaults)
    source: str | None = None

    def __post_init__(self) -> None:
        where = self.source or "<config>"
        if self.dialect not in DIALECTS:
            raise ConfigError(where, f"must be one of {', '.join(DIALECTS)}, not {self.dialect!r}", "dialect")
        if self.scope not in SCOPES:
            raise ConfigError(where, f"must be one of {', '.join(SCOPES)}, not {self.scope!r}", "scope")
        for code, sev in self.severity:
            if sev not in SEVERITIES:
                raise ConfigError(where, f"severity of {code} must be one of {', '.join(SEVERITIES)}",
                                  "severity")

    # ------------------------------------------------------------------ queries
    def option(self, key: str, default: Any) -> Any:
        """The configured value of rule option ``key``, or ``default``."""
        for k, v in self.options:
            if k == key:
                return v
        return default

    def severity_of(self, code: str, default: str) -> str:
        for c, sev in self.severity:
            if c == code:
                return sev
        return default

    def is_selected(self, code: str, default_enabled: bool, path: str | None = None) -> bool:
        """Ruff-style selection: the most specific matching prefix wins; ties go to ``ignore``."""
        select = self.select
        sel = _longest_prefix(code, (select or ()) + self.extend_select)
        if select is None and sel < 0 and default_enabled:
            sel = 0
        ign = _longest_prefix(code, self.ignore + self.file_ignores(path))
        return sel >= 0 and sel > ign

    def file_ignores(self, path: str | None) -> tuple[str, ...]:
        if not path or not self.per_file_ignores:
            return ()
        rel = path
        if self.root:
            try:
                rel = os.path.relpath(os.path.abspath(path), self.root)
            except ValueError:
                rel = path
        rel = rel.replace(os.sep, "/")
        out: list[str] = []
        for pattern, codes in self.per_file_ignores:
            if fnmatch.fnmatch(rel, pattern) or fnmatch.fnmatch(os.path.basename(rel), pattern):
                out.extend(codes)
        return tuple(out)

    def resolve(self, path: str) -> str:
        """A path from this config, made absolute against the config's folder."""
        p = Path(os.path.expanduser(path))
        if not p.is_absolute() and self.root:
            p = Path(self.root) / p
        return str(p)

def _longest_prefix(code: str, prefixes: tuple[str, ...]) -> int:
    best = -1
    for p in prefixes:
        if p == "ALL":
            best = max(best, 0)
        elif code.startswith(p):
            best = max(best, len(p))
    return best


# ---------------------------------------------------------------------- reading files
_LIST_KEYS = {"select", "extend-select", "ignore", "words", "packs"}


#: what rules declare: option key -> (default, code of the declaring rule)
KnownOptions = Mapping[str, tuple[Any, str]]


def parse_config(data: dict[str, Any], path: str, known_options: KnownOptions, text: str = "") -> Config:
    """Validate a ``[tool.copylint]`` table (or a whole ``.copylint.toml``) and build a Config.

    ``known_options`` are the options the registered rules declare (see
    :func:`copylint.engine.registry.rule_options`)."""
    def fail(key: str, message: str) -> ConfigError:
        return ConfigError(path, message, key, toml_key_line(text, key) if text else None)

    kwargs: dict[str, Any] = {}
    options: dict[str, Any] = {}
    for key, value in data.items():
        if key in _LIST_KEYS:
            if not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
                raise fail(key, "must be a list of strings")
            if key in ("select", "extend-select", "ignore"):
                _check_codes(value, key, fail)
            kwargs[key.replace("-", "_")] = tuple(value)
        elif key == "dialect":
            if value not in DIALECTS:
                raise fail(key, f"must be one of {', '.join(DIALECTS)}, not {value!r}")
            kwargs["dialect"] = value
        elif key == "scope":
            if value not in SCOPES:
                raise fail(key, f"must be one of {', '.join(SCOPES)}, not {value!r}")
            kwargs["scope"] = value
        elif key == "per-file-ignores":
            if not isinstance(value, dict) or not all(
                    isinstance(v, list) and all(isinstance(c, str) for c in v) for v in value.values()):
                raise fail(key, "must be a table of glob = [codes]")
            for codes in value.values():
                _check_codes(codes, key, fail)
            kwargs["per_file_ignores"] = tuple((g, tuple(c)) for g, c in value.items())
        elif key == "severity":
            if not isinstance(value, dict):
                raise fail(key, "must be a table of CODE = \"error\" | \"warning\" | \"info\"")
            for code, sev in value.items():
                if sev not in SEVERITIES:
                    raise fail(f"severity.{code}", f"must be one of {', '.join(SEVERITIES)}, not {sev!r}")
            kwargs["severity"] = tuple(value.items())
        else:
            if key not in known_options:
                names = sorted({"select", "extend-select", "ignore", "per-file-ignores", "severity",
                                "dialect", "scope", "words", "packs", *known_options})
                raise fail(key, f"unknown setting (known: {', '.join(names)})")
            default, code = known_options[key]
            if default is not None and not _same_type(value, default):
                raise fail(key, f"must be a {type(default).__name__} (option of {code})")
            options[key] = value
    root = str(Path(path).resolve().parent)
    return Config(options=tuple(options.items()), root=root, source=path, **kwargs)


def _same_type(value: Any, default: Any) -> bool:
    if isinstance(default, bool):
        return isinstance(value, bool)
    if isinstance(default, (int, float)):
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    return isinstance(value, type(default))


def _check_codes(codes: list[str], key: str, fail: Any) -> None:
    for c in codes:
        if c != "ALL" and not (c.startswith("CL") and c[2:].isdigit() and len(c) <= 5):
            raise fail(key, f"{c!r} is not a rule code or prefix such as CL1 or CL101")


def load_config_file(path: str, known_options: KnownOptions) -> Config | None:
    """Read a config file. ``pyproject.toml`` without ``[tool.copylint]`` gives None."""
    try:
        with open(path, "rb") as f:
            raw = f.read()
    except OSError as exc:
        raise ConfigError(path, f"cannot read: {exc.strerror}") from None
    text = raw.decode("utf-8", "replace")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(path, f"invalid TOML: {exc}", line=toml_error_line(exc, text)) from None
    if os.path.basename(path) == "pyproject.toml":
        tool = data.get("tool", {})
        if "copylint" not in tool:
            return None
        data = tool["copylint"]
        if not isinstance(data, dict):
            raise ConfigError(path, "must be a table", "tool.copylint", toml_key_line(text, "copylint"))
    return parse_config(data, path, known_options, text)


class ConfigFinder:
    """Finds the config that applies to each file by walking up from its folder (cached).

    ``known_options`` are the options the registered rules declare: config files are checked
    against them."""

    def __init__(self, known_options: KnownOptions, explicit: Config | None = None, isolated: bool = False,
                 overrides: dict[str, Any] | None = None) -> None:
        self.known_options = known_options
        self.explicit = explicit
        self.isolated = isolated
        self.overrides = overrides or {}
        self._default = Config()
        self._by_dir: dict[str, Config] = {}
        #: id of a found config -> (that config, kept alive so the id stays its own; it with overrides)
        self._applied: dict[int, tuple[Config, Config]] = {}

    def for_path(self, path: str) -> Config:
        if self.explicit is not None:
            return self._apply(self.explicit)
        if self.isolated or path == "-":
            return self._apply(self._default)
        folder = os.path.dirname(os.path.abspath(path))
        return self._apply(self._find(folder))

    def _find(self, folder: str) -> Config:
        if folder in self._by_dir:
            return self._by_dir[folder]
        found: Config | None = None
        for name in CONFIG_FILES:
            candidate = os.path.join(folder, name)
            if os.path.isfile(candidate):
                found = load_config_file(candidate, self.known_options)
                if found is not None:
                    break
        if found is None:
            parent = os.path.dirname(folder)
            found = self._default if parent == folder else self._find(parent)
        self._by_dir[folder] = found
        return found

    def _apply(self, config: Config) -> Config:
        cached = self._applied.get(id(config))
        if cached is not None:
            return cached[1]
        changes: dict[str, Any] = {}
        for name, value in self.overrides.items():
            if value is None:
                continue
            if name in ("extend_select", "ignore", "words", "packs"):
                changes[name] = tuple(getattr(config, name)) + tuple(value)
            elif name == "options":
                merged = dict(config.options)
                merged.update(value)
                changes[name] = tuple(merged.items())
            else:
                changes[name] = value
        result = replace(config, **changes) if changes else config
        self._applied[id(config)] = (config, result)
        return result
