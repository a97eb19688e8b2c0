"""CL001: suppression comments that no longer suppress anything."""

from __future__ import annotations

from collections.abc import Iterable

from copylint.core.document import Document
from copylint.core.finding import Diagnostic
from copylint.core.rule import Context, Example, Rule, register


@register
class UnusedSuppression(Rule):
    """A copylint suppression comment suppressed nothing.

    ``<!-- copylint: disable CL101 -->`` and ``<!-- copylint: disable-next-line -->`` comments hide
    findings. When the copy under them is edited, a suppression can outlive its reason and then
    silently hide the next real mistake. Remove suppressions that suppress nothing (like Ruff's
    RUF100). The engine reports this after every other rule has run, so ``check`` yields nothing.
    """

    code = "CL001"
    name = "unused-suppression"
    category = "style"
    severity = "info"
    examples = (
        Example("<!-- copylint: disable-next-line CL101 -->\nThe year was good.\n",
                flags=("<!-- copylint: disable-next-line CL101 -->",), format="markdown"),
    )

    def check(self, doc: Document, ctx: Context) -> Iterable[Diagnostic]:
        return ()
