"""The rule model: what a rule is, what it gets, and the decorator that registers it.

A rule is a class with a stable code (``CL101``), a kebab-case name, a category, a default severity,
a docstring that explains it (first line: a one-line summary) and examples that a test runs. Its
:meth:`Rule.check` gets a :class:`~copylint.core.document.Document` and a :class:`Context` and yields
:class:`~copylint.core.finding.Diagnostic` objects. It never reads files, parses markup or prints.

:func:`register` validates a rule class and records it; :mod:`copylint.engine.registry` finds the
built-in families and the plug-ins whose modules register their rules.
"""

from __future__ import annotations

import inspect
import re
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from copylint.core.config import Config
from copylint.core.finding import CATEGORIES, SEVERITIES, Category, Diagnostic, Severity
from copylint.core.packs import Pack, packs_of_kind

if TYPE_CHECKING:
    from copylint.core.document import Document
    from copylint.core.suppress import Directive

CODE_RE = re.compile(r"^CL\d{3}$")
NAME_RE = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
T = TypeVar("T")


@dataclass(frozen=True)
class Example:
    """A piece of copy and the exact texts the rule must flag in it (none: it must stay quiet)."""

    text: str
    flags: tuple[str, ...] = ()
    format: str = "text"
    options: dict[str, Any] = field(default_factory=dict)
    #: other rules that run beside this one (a suppression comment is used only by the rule it silences)
    also_select: tuple[str, ...] = ()
    #: the first suggestion expected for each flag, in order (optional)
    suggestions: tuple[str, ...] = ()
    #: the text after every fix of the rule's findings is applied, unsafe ones included (required
    #: when a flagged example's findings carry fixes: it pins what ``copylint fix`` writes)
    fixed: str | None = None


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

    def option(self, key: str, default: Any) -> Any:
        """A rule option's configured value, or ``default`` (the rule's declared default)."""
        return self.config.option(key, default)

    def packs(self, kind: str) -> list[Pack]:
        """Every enabled rule pack of ``kind`` (built in, plus those config adds)."""
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
    #: its diagnostics may mark web furniture (``Diagnostic.furniture``): the engine runs it before the
    #: rules that do not, and gives them the marked spans as ``Document.furniture``
    marks_furniture: ClassVar[bool] = False
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

    def option(self, ctx: Context, key: str) -> Any:
        """The configured value of one of this rule's declared :attr:`options`, or its default."""
        return ctx.option(key, type(self).options[key])

    def check(self, doc: Document, ctx: Context) -> Iterable[Diagnostic]:
        raise NotImplementedError

    def check_suppressions(self, doc: Document, unused: Sequence[Directive]) -> Iterable[Diagnostic]:
        """Diagnostics about suppression comments that silenced nothing, run after every rule's
        :meth:`check`. Unlike :meth:`check`'s, their offsets are *source* offsets (comments are not
        prose). Most rules have none."""
        return ()

    def close(self) -> None:
        """Release anything held (a server connection, a subprocess). Called by ``Linter.close``."""


#: every registered rule, by code (filled by :func:`register`; :mod:`copylint.engine.registry` loads them)
REGISTRY: dict[str, type[Rule]] = {}


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
    other = REGISTRY.get(code)
    if other is not None and other is not cls and other.__qualname__ != cls.__qualname__:
        raise TypeError(f"rule code {code} is used by both {other.__qualname__} and {cls.__qualname__}")
    for existing in REGISTRY.values():
        if existing.name == cls.name and existing.code != code:
            raise TypeError(f"rule name {cls.name!r} is used by both {existing.code} and {code}")
    REGISTRY[code] = cls
    return cls


