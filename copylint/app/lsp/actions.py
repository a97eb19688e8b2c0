"""Code actions on findings: apply a finding's fix or one of its suggestions, fix every safe finding
of the file (``source.fixAll.copylint``), add a word to the word list, or disable a rule for one line
with a suppression comment (Markdown and HTML).

Every edit is computed from the check of the document's current text, and sent with the document's
version so that an editor whose text has moved on since refuses it rather than misplace it.
"""

from __future__ import annotations

import difflib
import os
import re
from dataclasses import dataclass

from lsprotocol import types

from copylint.app.lsp.checking import CheckResult
from copylint.app.lsp.positions import TextPositions
from copylint.app.wordlists import WordListTarget, word_problem
from copylint.core.document import Document
from copylint.core.edits import is_fixable
from copylint.core.finding import Edit, Finding
from copylint.core.suppress import COMMENT_FORMATS, directive_comment

FIX_ALL_KIND = f"{types.CodeActionKind.SourceFixAll.value}.copylint"
QUICK_FIX_KIND = types.CodeActionKind.QuickFix.value
ADD_WORD_COMMAND = "copylint.addWord"
#: how much of a flagged text an action's title quotes
TITLE_TEXT = 40


def wanted(kind: str, only: list[str] | None) -> bool:
    """Does the client want actions of ``kind`` (``only`` lists kinds or their parents)?"""
    return only is None or any(kind == o or kind.startswith(o + ".") for o in only)


def _quote(text: str) -> str:
    text = " ".join(text.split())
    return f"“{text[:TITLE_TEXT - 1]}…”" if len(text) > TITLE_TEXT else f"“{text}”"


def fix_title(finding: Finding) -> str:
    assert finding.fix is not None
    edits = finding.fix.edits
    if all(not e.replacement for e in edits):
        return f"Delete {_quote(finding.text)}"
    if len(edits) == 1 and (edits[0].start, edits[0].end) == (finding.start, finding.end):
        return f"Replace {_quote(finding.text)} with {_quote(edits[0].replacement)}"
    return f"Fix: {finding.message}"


def changed_spans(old: str, new: str) -> list[Edit]:
    """Edits that turn ``old`` into ``new``: the lines that differ, trimmed to the characters that
    differ (so a fixed word is one small edit, wherever it is)."""
    old_lines = old.splitlines(keepends=True)
    new_lines = new.splitlines(keepends=True)
    starts = [0]
    for line in old_lines:
        starts.append(starts[-1] + len(line))
    edits = []
    matcher = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        start, end, replacement = starts[i1], starts[i2], "".join(new_lines[j1:j2])
        before = old[start:end]
        prefix = _shared_prefix(before, replacement)
        suffix = _shared_suffix(before[prefix:], replacement[prefix:])
        edits.append(Edit(start + prefix, end - suffix, replacement[prefix:len(replacement) - suffix]))
    return edits


def _shared_prefix(a: str, b: str) -> int:
    n = min(len(a), len(b))
    i = 0
    while i < n and a[i] == b[i]:
        i += 1
    return i


def _shared_suffix(a: str, b: str) -> int:
    n = min(len(a), len(b))
    i = 0
    while i < n and a[-1 - i] == b[-1 - i]:
        i += 1
    return i


#: a Markdown list item's start: a bullet or a number, then a space
_LIST_ITEM = re.compile(r"[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]")


def disable_line_edit(positions: TextPositions, finding: Finding, document: Document) -> Edit:
    """The suppression comment that switches the finding's rule off for the finding's line.

    It goes on a line of its own before that line, indented like it, except in Markdown when the
    line above is not blank and a comment line would change the document: inside a paragraph (or a
    quote) that began above, where it would split it in two, and before a list item, where it would
    end the list. There it goes at the end of the line above, inside that text."""
    text = positions.text
    line = positions.line_of(finding.start)
    start = positions.line_starts[line]
    comment = directive_comment("disable-next-line", (finding.code,))
    if document.format == "markdown" and line > 0:
        above = text[positions.line_starts[line - 1]:positions.line_ends[line - 1]]
        if above.strip() and (_block_began_above(document, finding.start, start)
                              or _LIST_ITEM.match(text, start, positions.line_ends[line])):
            at = positions.line_starts[line - 1] + len(above.rstrip())
            return Edit(at, at, " " + comment)
    content = text[start:positions.line_ends[line]]
    indent = content[:len(content) - len(content.lstrip(" \t"))]
    return Edit(start, start, indent + comment + _line_break(positions))


def _block_began_above(document: Document, offset: int, line_start: int) -> bool:
    """Does the block (paragraph, quote, item) holding source ``offset`` begin before ``line_start``?"""
    for prose_start, prose_end in document.paragraphs:
        start, end = document.source_span(prose_start, prose_end)
        if start <= offset < max(end, start + 1):
            return start < line_start
    return False


def _line_break(positions: TextPositions) -> str:
    """The text's own line break (that of its first line), "\\n" for a single line."""
    if len(positions.line_starts) < 2:
        return "\n"
    return positions.text[positions.line_ends[0]:positions.line_starts[1]]


@dataclass(frozen=True)
class ActionContext:
    """What code actions need besides the check result."""

    #: the request's range, as code-point offsets
    start: int
    end: int
    only: list[str] | None
    #: send edits as versioned ``documentChanges`` (the client supports them)
    document_changes: bool
    #: where "add to the word list" writes (None: nowhere, the config names no word list)
    word_list: WordListTarget | None
    #: the text after every safe fix (None: not wanted, or nothing to fix)
    fixed_text: str | None


class ActionBuilder:
    """The code actions for one request."""

    def __init__(self, result: CheckResult, context: ActionContext) -> None:
        self.result = result
        self.context = context
        self.uri = result.snapshot.uri

    def edit(self, edits: list[Edit]) -> types.WorkspaceEdit:
        positions = self.result.positions
        text_edits = [types.TextEdit(range=positions.range(e.start, e.end), new_text=e.replacement)
                      for e in sorted(edits, key=lambda e: (e.start, e.end))]
        if self.context.document_changes:
            document = types.OptionalVersionedTextDocumentIdentifier(uri=self.uri, version=self.result.snapshot.version)
            return types.WorkspaceEdit(document_changes=[types.TextDocumentEdit(text_document=document,
                                                                                edits=text_edits)])
        return types.WorkspaceEdit(changes={self.uri: text_edits})

    def actions(self) -> list[types.CodeAction]:
        out: list[types.CodeAction] = []
        context = self.context
        if wanted(QUICK_FIX_KIND, context.only):
            for finding, diagnostic in zip(self.result.findings, self.result.diagnostics, strict=True):
                if finding.start <= context.end and context.start <= finding.end:
                    out.extend(self.finding_actions(finding, diagnostic))
        if wanted(FIX_ALL_KIND, context.only) and context.fixed_text is not None:
            edits = changed_spans(self.result.snapshot.text, context.fixed_text)
            if edits:
                out.append(types.CodeAction(title="Fix all safe findings in this file (copylint)", kind=FIX_ALL_KIND,
                                            edit=self.edit(edits)))
        return out

    def finding_actions(self, finding: Finding, diagnostic: types.Diagnostic) -> list[types.CodeAction]:
        """Its fix, one action per other suggestion, add to the word list, disable for this line."""
        out = []

        def action(title: str, *, edits: list[Edit] | None = None, command: types.Command | None = None,
                   preferred: bool = False) -> types.CodeAction:
            return types.CodeAction(title=title, kind=QUICK_FIX_KIND, diagnostics=[diagnostic],
                                    is_preferred=preferred or None, edit=self.edit(edits) if edits else None,
                                    command=command)

        offered: set[str] = set()
        if finding.fix is not None and is_fixable(finding, unsafe=True):
            out.append(action(fix_title(finding), edits=list(finding.fix.edits),
                              preferred=finding.fix.applicability == "safe"))
            edits = finding.fix.edits
            if len(edits) == 1 and (edits[0].start, edits[0].end) == (finding.start, finding.end):
                offered.add(edits[0].replacement)
        for suggestion in finding.suggestions:
            if suggestion not in offered and suggestion != finding.text:
                offered.add(suggestion)
                out.append(action(f"Replace {_quote(finding.text)} with {_quote(suggestion)}",
                                  edits=[Edit(finding.start, finding.end, suggestion)]))
        target = self.context.word_list
        if finding.category == "spelling" and target and word_problem(finding.text) is None:
            shown = os.path.basename(target.path)
            where = (f"a new word list ({shown}, named in a new {os.path.basename(target.new_config)})"
                     if target.new_config else f"the word list ({shown})")
            out.append(action(f"Add {_quote(finding.text)} to {where}",
                              command=types.Command(title=f"Add to {shown}", command=ADD_WORD_COMMAND,
                                                    arguments=[self.uri, finding.text])))
        checked = self.result.checked
        if checked is not None and checked.document.format in COMMENT_FORMATS:
            out.append(action(f"Disable {finding.code} for this line",
                              edits=[disable_line_edit(self.result.positions, finding, checked.document)]))
        return out
