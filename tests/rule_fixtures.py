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


class OverreachingRule(Rule):
    """Flags "wrongly" with a "safe" fix that deletes its whole sentence (a deliberately bad rule).

    The engine must refuse the fix: it removes words the finding does not report.
    """

    code = "CL990"
    name = "test-overreaching-fix"
    category = "boilerplate"

    def check(self, doc: Document, ctx: Context) -> Iterable[Diagnostic]:
        for m in re.finditer(r"\bwrongly\b", doc.prose):
            start = doc.prose.rfind(".", 0, m.start()) + 1
            end = doc.prose.find(".", m.end())
            end = len(doc.prose) if end < 0 else end + 1
            yield Diagnostic(m.start(), m.end(), "deletes more than it reports",
                             fix_edits=(Edit(start, end, ""),), applicability="safe", deletes_block=True)


class SeparatorDeletingRule(Rule):
    """Flags "wrongly" and deletes it with the spaces and dashes around it (a test rule).

    A fix may take the separators that join what it reports to the text around it.
    """

    code = "CL989"
    name = "test-separator-deleting-fix"
    category = "boilerplate"

    def check(self, doc: Document, ctx: Context) -> Iterable[Diagnostic]:
        for m in re.finditer(r"[\s–-]*\bwrongly\b", doc.prose):
            word = doc.prose.index("wrongly", m.start())
            yield Diagnostic(word, m.end(), "deletes it and its joiner", fix_edits=(Edit(m.start(), m.end(), ""),),
                             applicability="safe")


class MarksFooterRule(Rule):
    """Marks lines starting "Footer:" as web furniture (a test rule; its code sorts after the reader's).

    Used to test that the engine runs furniture-marking rules first and hands their spans on.
    """

    code = "CL988"
    name = "test-marks-footer"
    category = "boilerplate"
    marks_furniture = True

    def check(self, doc: Document, ctx: Context) -> Iterable[Diagnostic]:
        for start, end in doc.lines:
            if doc.prose.startswith("Footer:", start):
                yield Diagnostic(start, end, "a footer", furniture=True)


class ReadsFurnitureRule(Rule):
    """Reports each furniture span the document carries when it runs (a test rule).

    Its code sorts before :class:`MarksFooterRule`, so it only sees the spans if the engine ordered them.
    """

    code = "CL987"
    name = "test-reads-furniture"
    category = "style"

    def check(self, doc: Document, ctx: Context) -> Iterable[Diagnostic]:
        for start, end in doc.furniture:
            yield Diagnostic(start, end, "furniture seen", furniture=True)


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
