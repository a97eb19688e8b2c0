"""Configuration: a dataclass you can build in code, or read from ``[tool.copylint]`` in
``pyproject.toml`` or from a ``.copylint.toml``, found by walking up from each checked file.
"""

from __future__ import annotations

import fnmatch
import os
import tomllib
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from copylint.core.errors import ConfigError, did_you_mean, toml_error_line, toml_key_line
from copylint.core.finding import SEVERITIES

DIALECTS = ("any", "en-GB", "en-US")
#: what of a full web page is checked: its article body, or everything
SCOPES = ("body", "page")
CONFIG_FILES = (".copylint.toml", "pyproject.toml")
#: the longest input checked, in characters (about 10 MB of text; news articles are far shorter)
DEFAULT_MAX_INPUT_SIZE = 10_000_000


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
    #: the longest text checked, in characters; a longer one is an input error
    max_input_size: int = DEFAULT_MAX_INPUT_SIZE
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
        if isinstance(self.max_input_size, bool) or not isinstance(self.max_input_size, int) \
                or self.max_input_size <= 0:
            raise ConfigError(where, f"must be a positive number of characters, not {self.max_input_size!r}",
                              "max-input-size")

    def check_codes(self, known: Collection[str]) -> None:
        """Raise :class:`ConfigError` for a code in ``select``, ``extend-select``, ``ignore``,
        ``per-file-ignores`` or ``severity`` that is no known rule's code nor a prefix of one."""
        where = self.source or "<config>"

        def fail(key: str, message: str) -> ConfigError:
            return ConfigError(where, message, key)

        for key, codes in (("select", self.select or ()), ("extend-select", self.extend_select),
                           ("ignore", self.ignore), ("per-file-ignores", [c for _, cs in self.per_file_ignores
                                                                          for c in cs]),
                           ("severity", [c for c, _ in self.severity])):
            check_codes(codes, key, fail, known, prefixes=key != "severity")

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


def parse_config(data: dict[str, Any], path: str, known_options: KnownOptions, text: str = "",
                 known_codes: Collection[str] = ()) -> Config:
    """Validate a ``[tool.copylint]`` table (or a whole ``.copylint.toml``) and build a Config.

    ``known_options`` are the options the registered rules declare (see
    :func:`copylint.engine.registry.rule_options`); ``known_codes`` the registered rules' codes
    (codes in the selection that none of them has nor begins with are errors)."""
    def fail(key: str, message: str) -> ConfigError:
        return ConfigError(path, message, key, toml_key_line(text, key) if text else None)

    kwargs: dict[str, Any] = {}
    options: dict[str, Any] = {}
    for key, value in data.items():
        if key in _LIST_KEYS:
            if not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
                raise fail(key, "must be a list of strings")
            if key in ("select", "extend-select", "ignore"):
                check_codes(value, key, fail, known_codes)
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
                check_codes(codes, key, fail, known_codes)
            kwargs["per_file_ignores"] = tuple((g, tuple(c)) for g, c in value.items())
        elif key == "severity":
            if not isinstance(value, dict):
                raise fail(key, "must be a table of CODE = \"error\" | \"warning\" | \"info\"")
            check_codes(list(value), key, fail, known_codes, prefixes=False)
            for code, sev in value.items():
                if sev not in SEVERITIES:
                    raise fail(f"severity.{code}", f"must be one of {', '.join(SEVERITIES)}, not {sev!r}")
            kwargs["severity"] = tuple(value.items())
        elif key == "max-input-size":
            if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
                raise fail(key, "must be a positive number of characters")
            kwargs["max_input_size"] = value
        else:
            if key not in known_options:
                names = sorted({"select", "extend-select", "ignore", "per-file-ignores", "severity",
                                "dialect", "scope", "words", "packs", "max-input-size", *known_options})
                raise fail(key, f"unknown setting (known: {', '.join(names)}){did_you_mean(key, names)}")
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


def check_codes(codes: Collection[str], key: str, fail: Callable[[str, str], Exception],
                known: Collection[str] = (), *, prefixes: bool = True) -> None:
    """Raise ``fail(key, message)`` for a code that is not a rule code or prefix such as CL1 or CL101
    or, when the registered rule codes are ``known``, that is none of them nor a prefix of one
    (``prefixes=False``: only whole codes)."""
    for c in codes:
        if c == "ALL" and prefixes:
            continue
        if not (c.startswith("CL") and c[2:].isdigit() and len(c) <= 5):
            raise fail(key, f"{c!r} is not a rule code or prefix such as CL1 or CL101{did_you_mean(c, known)}")
        if known and not (any(k.startswith(c) for k in known) if prefixes else c in known):
            what = "no rule's code" if not prefixes else "no rule's code nor a prefix of one"
            raise fail(key, f"{c!r} is {what}{did_you_mean(c, known)} (`copylint rules` lists them)")


def load_config_file(path: str, known_options: KnownOptions, known_codes: Collection[str] = ()) -> Config | None:
    """Read a config file. ``pyproject.toml`` without ``[tool.copylint]`` gives None."""
    try:
        with open(path, "rb") as f:
            raw = f.read()
    except IsADirectoryError:
        raise ConfigError(path, "is a directory, not a config file") from None
    except OSError as exc:
        raise ConfigError(path, f"cannot read: {exc.strerror or exc}") from None
    try:
        text = raw.decode("utf-8-sig")  # a byte-order mark some editors write is not part of the TOML
    except UnicodeDecodeError as exc:
        raise ConfigError(path, f"not valid UTF-8 (byte 0x{raw[exc.start]:02x} at offset {exc.start}); "
                                "save it as UTF-8", line=raw.count(b"\n", 0, exc.start) + 1) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(path, f"invalid TOML: {exc}", line=toml_error_line(exc, text)) from None
    if os.path.basename(path) == "pyproject.toml":
        tool = data.get("tool", {})
        if not isinstance(tool, dict):
            raise ConfigError(path, "must be a table ([tool])", "tool", toml_key_line(text, "tool"))
        if "copylint" not in tool:
            return None
        data = tool["copylint"]
        if not isinstance(data, dict):
            raise ConfigError(path, "must be a table", "tool.copylint", toml_key_line(text, "copylint"))
    return parse_config(data, path, known_options, text, known_codes)


class ConfigFinder:
    """Finds the config that applies to each file by walking up from its folder (cached).

    ``known_options`` are the options the registered rules declare: config files are checked
    against them, and against the registered rule codes when ``known_codes`` are given."""

    def __init__(self, known_options: KnownOptions, explicit: Config | None = None, isolated: bool = False,
                 overrides: dict[str, Any] | None = None, known_codes: Collection[str] = ()) -> None:
        self.known_options = known_options
        self.known_codes = known_codes
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
                found = load_config_file(candidate, self.known_options, self.known_codes)
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
