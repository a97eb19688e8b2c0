"""Test-only rules, registered for one test at a time (the engine is tested without real rules)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from copylint.core import rule as rule_module
from copylint.core.document import Document
from copylint.core.finding import Diagnostic, Edit
from copylint.core.rule import Context, Rule, register
from copylint.engine import registry


class FlagWordRule(Rule):
    """Flags every occurrence of the word "wrongly" (a test rule).

    Used to test the engine without depending on a real rule.
    """

    code = "CL991"
    name = "test-flag-word"
    category = "style"

    def check(self, doc: Document, ctx: Context) -> Iterable[Diagnostic]:
        for m in re.finditer(r"\bwrongly\b", doc.prose):
            yield Diagnostic(m.start(), m.end(), "test finding", ("rightly",),
                             (Edit(m.start(), m.end(), "rightly"),), "safe")


class CrashingRule(Rule):
    """Always raises (a test rule)."""

    code = "CL992"
    name = "test-crash"
    category = "style"

    def check(self, doc: Document, ctx: Context) -> Iterable[Diagnostic]:
        raise RuntimeError("boom")


class OffByDefaultRule(FlagWordRule):
    """Flags "wrongly" but only when selected (a test rule)."""

    code = "CL993"
    name = "test-off-by-default"
    default_enabled = False


@contextmanager
def registered(*classes: type[Rule]) -> Iterator[None]:
    registry.all_rules()
    for cls in classes:
        register(cls)
    try:
        yield
    finally:
        for cls in classes:
            rule_module.REGISTRY.pop(cls.code, None)
