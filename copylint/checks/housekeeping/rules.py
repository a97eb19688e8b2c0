"""The housekeeping family: CL001, suppression comments that no longer suppress anything."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from copylint.core.document import Document
from copylint.core.finding import Diagnostic, Edit
from copylint.core.rule import Context, Example, Rule, register
from copylint.core.suppress import Directive


@register
class UnusedSuppression(Rule):
    """A copylint suppression comment suppressed nothing.

    ``<!-- copylint: disable CL101 -->`` and ``<!-- copylint: disable-next-line -->`` comments hide
    findings. When the copy under them is edited, a suppression can outlive its reason and then
    silently hide the next real mistake. Remove suppressions that suppress nothing (like Ruff's
    RUF100). It is reported after every other rule has run, so ``check`` yields nothing. The fix
    deletes the comment, with its line when the comment stands alone on it.
    """

    code = "CL001"
    name = "unused-suppression"
    category = "style"
    severity = "info"
    examples = (
        Example("<!-- copylint: disable-next-line CL101 -->\nThe year was good.\n",
                flags=("<!-- copylint: disable-next-line CL101 -->",), format="markdown",
                fixed="The year was good.\n"),
        Example("<!-- copylint: disable-next-line CL101 -->\nThe yeae was good.\n", format="markdown",
                also_select=("CL101",)),
    )

    def check(self, doc: Document, ctx: Context) -> Iterable[Diagnostic]:
        return ()

    def check_suppressions(self, doc: Document, unused: Sequence[Directive]) -> Iterable[Diagnostic]:
        source = doc.source
        for d in unused:
            what = ", ".join(d.codes) if d.codes else "any rule"
            yield Diagnostic(d.start, d.end, f"This `{d.kind}` comment for {what} suppresses nothing; remove it",
                             fix_edits=(Edit(*_line_of_its_own(source, d.start, d.end), ""),), applicability="safe")


def _line_of_its_own(source: str, start: int, end: int) -> tuple[int, int]:
    """The span to delete for a comment at ``[start, end)``: its whole line with the line break when
    nothing else stands on the line, else the comment alone."""
    line_start = source.rfind("\n", 0, start) + 1
    line_end = source.find("\n", end)
    line_end = len(source) if line_end < 0 else line_end
    if source[line_start:start].strip() or source[end:line_end].strip():
        return start, end
    return line_start, min(line_end + 1, len(source))
