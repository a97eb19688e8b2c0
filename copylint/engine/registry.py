"""The rule registry: every built-in rule family, plus the rules of installed plug-ins.

Built-in rules are the ``rules`` modules of the family packages under :mod:`copylint.checks`, found
automatically; third-party rules register through the entry point group ``copylint.rules`` (each
entry point names a rule class or a module whose rule classes are registered on import).
"""

from __future__ import annotations

import importlib
import inspect
import os
import pkgutil
import sys
import threading
from collections.abc import Iterator
from typing import Any

from copylint import checks
from copylint.core.rule import REGISTRY, Rule, register

ENTRY_POINT_GROUP = "copylint.rules"
_registry_lock = threading.RLock()
_loaded = False


def plugin_entry_points() -> list[tuple[str, str]]:
    """(name, "module:attribute") of every ``copylint.rules`` entry point of the installed packages.

    Reads each ``*.dist-info/entry_points.txt`` on ``sys.path`` directly, as importlib.metadata
    does, without importing importlib.metadata (a third of copylint's start-up time)."""
    found: list[tuple[str, str]] = []
    header = f"[{ENTRY_POINT_GROUP}]"
    for folder in dict.fromkeys(sys.path):
        try:
            names = os.listdir(folder or ".")
        except OSError:
            continue
        for name in sorted(names):
            if not name.endswith((".dist-info", ".egg-info")):
                continue
            try:
                with open(os.path.join(folder or ".", name, "entry_points.txt"), encoding="utf-8") as f:
                    text = f.read()
            except OSError:
                continue
            if header not in text:
                continue
            section = text.split(header, 1)[1].split("\n[", 1)[0]
            for line in section.splitlines():
                key, sep, value = line.partition("=")
                if sep and key.strip() and not key.lstrip().startswith(("#", ";")):
                    found.append((key.strip(), value.strip()))
    return found


def _load_entry_points() -> Iterator[str]:
    for name, value in plugin_entry_points():
        module_name, _, attribute = value.partition(":")
        try:
            obj: Any = importlib.import_module(module_name.strip())
            for part in filter(None, attribute.strip().split(".")):
                obj = getattr(obj, part)
        except Exception as exc:  # a broken plug-in must not break copylint
            yield f"could not load rule plug-in {name!r} ({value}): {type(exc).__name__}: {exc}"
            continue
        if inspect.isclass(obj) and issubclass(obj, Rule) and obj.__dict__.get("code"):
            register(obj)


def all_rules() -> dict[str, type[Rule]]:
    """Every registered rule by code: the built-in families' ``rules`` modules, then entry-point
    plug-ins (loaded once)."""
    global _loaded
    if not _loaded:
        with _registry_lock:
            if not _loaded:
                for info in pkgutil.iter_modules(checks.__path__):
                    if info.ispkg:
                        importlib.import_module(f"{checks.__name__}.{info.name}.rules")
                for problem in _load_entry_points():
                    PLUGIN_PROBLEMS.append(problem)
                _loaded = True
    return dict(sorted(REGISTRY.items()))


#: Messages about plug-ins that failed to load (shown once by the CLI).
PLUGIN_PROBLEMS: list[str] = []


def rule_options() -> dict[str, tuple[Any, str]]:
    """Every option key any rule declares: key -> (default, declaring rule code)."""
    out: dict[str, tuple[Any, str]] = {}
    for code, cls in all_rules().items():
        for key, default in cls.options.items():
            out.setdefault(key, (default, code))
    return out
