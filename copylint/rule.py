"""Rules and their registry.

A rule is a class with a stable code (``CL101``), a kebab-case name, a category, a default severity,
a docstring that explains it (first line: a one-line summary) and examples that a test runs. Its
:meth:`Rule.check` gets a :class:`~copylint.document.Document` and a :class:`Context` and yields
:class:`~copylint.finding.Diagnostic` objects. It never reads files, parses markup or prints.

Built-in rules are the modules of :mod:`copylint.rules`, found automatically; third-party rules
register through the entry point group ``copylint.rules`` (each entry point names a rule class or a
module whose rule classes are registered on import).
"""

from __future__ import annotations

import importlib
import inspect
import os
import pkgutil
import re
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from copylint.finding import CATEGORIES, SEVERITIES, Category, Diagnostic, Severity

if TYPE_CHECKING:
    from copylint.config import Config
    from copylint.document import Document
    from copylint.packs import Pack

CODE_RE = re.compile(r"^CL\d{3}$")
NAME_RE = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
ENTRY_POINT_GROUP = "copylint.rules"
T = TypeVar("T")


@dataclass(frozen=True)
class Example:
    """A piece of copy and the exact texts the rule must flag in it (none: it must stay quiet)."""

    text: str
    flags: tuple[str, ...] = ()
    format: str = "text"
    options: dict[str, Any] = field(default_factory=dict)
    #: the first suggestion expected for each flag, in order (optional)
    suggestions: tuple[str, ...] = ()


class Resources:
    """Load-once shared data (dictionaries, compiled matchers), safe to use from many threads."""

    def __init__(self) -> None:
        self._values: dict[Any, Any] = {}
        # re-entrant: a loader may itself load other resources (a lexicon reading a rule pack)
        self._lock = threading.RLock()

    def get(self, key: Any, load: Callable[[], T]) -> T:
        """The value for ``key``, calling ``load()`` the first time only."""
        try:
            return self._values[key]
        except KeyError:
            pass
        with self._lock:
            if key not in self._values:
                self._values[key] = load()
            return self._values[key]


#: One cache for the whole process: every Linter shares dictionaries loaded by any of them.
SHARED_RESOURCES = Resources()


@dataclass(frozen=True)
class Context:
    """What a rule gets besides the document: settings, shared resources and per-call words."""

    config: Config
    resources: Resources
    #: extra accepted words for this call only (a CMS passes the names it knows)
    words: frozenset[str] = frozenset()
    notices: list[str] = field(default_factory=list)

    def option(self, key: str) -> Any:
        """A rule option's configured value, or its declared default."""
        return self.config.option(key)

    def packs(self, kind: str) -> list[Pack]:
        """Every enabled rule pack of ``kind`` (built in, plus those config adds)."""
        from copylint.packs import packs_of_kind

        return self.resources.get(("packs", kind, self.config.packs, self.config.root),
                                  lambda: packs_of_kind(kind, self.config))

    def notice(self, message: str) -> None:
        """Tell the user something once (e.g. that an optional backend is unavailable)."""
        if message not in self.notices:
            self.notices.append(message)


class Rule:
    """Base class of every rule. Subclasses set the class attributes and implement :meth:`check`."""

    code: ClassVar[str]
    name: ClassVar[str]
    category: ClassVar[Category]
    severity: ClassVar[Severity] = "warning"
    #: off unless selected explicitly (e.g. rules that need an external service)
    default_enabled: ClassVar[bool] = True
    #: an external service the rule needs ("a LanguageTool server"): its examples are then run by
    #: the rule's own tests against a stand-in, not by the generic example test
    requires: ClassVar[str] = ""
    #: configuration keys this rule reads, with their defaults (their type is the default's type)
    options: ClassVar[dict[str, Any]] = {}
    examples: ClassVar[tuple[Example, ...]] = ()

    @classmethod
    def _own_doc(cls) -> str:
        return inspect.cleandoc(cls.__dict__.get("__doc__") or "")

    @classmethod
    def summary(cls) -> str:
        """The first line of the rule's own docstring."""
        return cls._own_doc().split("\n", 1)[0]

    @classmethod
    def rationale(cls) -> str:
        """The rest of the rule's own docstring: why it matters, what it leaves alone."""
        doc = cls._own_doc()
        return doc.split("\n", 1)[1].strip() if "\n" in doc else ""

    def check(self, doc: Document, ctx: Context) -> Iterable[Diagnostic]:
        raise NotImplementedError

    def close(self) -> None:
        """Release anything held (a server connection, a subprocess). Called by ``Linter.close``."""


_REGISTRY: dict[str, type[Rule]] = {}
_registry_lock = threading.RLock()
_loaded = False


def register(cls: type[Rule]) -> type[Rule]:
    """Class decorator: validate a rule's declaration and add it to the registry."""
    problems = []
    code = getattr(cls, "code", "")
    if not CODE_RE.match(code):
        problems.append(f"code {code!r} is not CL followed by three digits")
    if not NAME_RE.match(getattr(cls, "name", "")):
        problems.append(f"name {getattr(cls, 'name', '')!r} is not kebab-case")
    if getattr(cls, "category", None) not in CATEGORIES:
        problems.append(f"category must be one of {CATEGORIES}")
    if cls.severity not in SEVERITIES:
        problems.append(f"severity must be one of {SEVERITIES}")
    if not cls.summary():
        problems.append("the class needs a docstring (first line: a one-line summary)")
    if problems:
        raise TypeError(f"rule {cls.__module__}.{cls.__qualname__}: " + "; ".join(problems))
    other = _REGISTRY.get(code)
    if other is not None and other is not cls and other.__qualname__ != cls.__qualname__:
        raise TypeError(f"rule code {code} is used by both {other.__qualname__} and {cls.__qualname__}")
    for existing in _REGISTRY.values():
        if existing.name == cls.name and existing.code != code:
            raise TypeError(f"rule name {cls.name!r} is used by both {existing.code} and {code}")
    _REGISTRY[code] = cls
    return cls


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
    """Every registered rule by code: built-in modules, then entry-point plug-ins (loaded once)."""
    global _loaded
    if not _loaded:
        with _registry_lock:
            if not _loaded:
                import copylint.rules as builtin

                for info in pkgutil.iter_modules(builtin.__path__):
                    importlib.import_module(f"{builtin.__name__}.{info.name}")
                for problem in _load_entry_points():
                    PLUGIN_PROBLEMS.append(problem)
                _loaded = True
    return dict(sorted(_REGISTRY.items()))


#: Messages about plug-ins that failed to load (shown once by the CLI).
PLUGIN_PROBLEMS: list[str] = []


def rule_options() -> dict[str, tuple[Any, str]]:
    """Every option key any rule declares: key -> (default, declaring rule code)."""
    out: dict[str, tuple[Any, str]] = {}
    for code, cls in all_rules().items():
        for key, default in cls.options.items():
            out.setdefault(key, (default, code))
    return out
