"""Fixing a text until it settles: check, apply the fixes, check again."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from copylint.core.edits import apply_edits, plan_fixes
from copylint.core.finding import Finding
from copylint.engine.linter import Linter

#: How many check-and-fix rounds ``fix_source`` runs before giving up on fixes that keep changing.
MAX_ROUNDS = 10


@dataclass
class FixOutcome:
    """The result of fixing one text."""

    text: str
    applied: list[Finding]
    #: findings of the fixed text (what is left to do by hand)
    remaining: list[Finding]
    #: True when fixes kept producing new fixes for :data:`MAX_ROUNDS` rounds
    unsettled: bool = False


def fix_source(linter: Linter, source: str, *, format: str | None, path: str, unsafe: bool = False,
               findings: list[Finding] | None = None, words: Iterable[str] = (),
               notices: list[str] | None = None) -> FixOutcome:
    """Check and fix ``source`` until no fix applies, so that fixing the result changes nothing.

    ``findings`` (if given) are ``linter``'s findings for ``source``, which saves the first check;
    ``words`` and ``notices`` are passed to every check (see :meth:`Linter.check`).
    """
    words = tuple(words)

    def check(text: str) -> list[Finding]:
        return linter.check(text, format=format, path=path, words=words, notices=notices)

    text = source
    current = findings if findings is not None else check(text)
    applied: list[Finding] = []
    for _ in range(MAX_ROUNDS):
        plan = plan_fixes(text, current, unsafe=unsafe)
        if not plan.edits:
            return FixOutcome(text, applied, current)
        text = apply_edits(text, plan.edits)
        applied.extend(plan.applied)
        current = check(text)
    settled = not plan_fixes(text, current, unsafe=unsafe).edits
    return FixOutcome(text, applied, current, unsettled=not settled)
