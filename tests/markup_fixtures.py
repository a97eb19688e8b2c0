"""Test-only rules and checks for the markup readers and fixes (registered one test at a time)."""

from __future__ import annotations

import html
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable

from copylint.core.document import Document
from copylint.core.edits import apply_edits, plan_fixes
from copylint.core.finding import Diagnostic, Edit, Finding
from copylint.core.rule import Context, Rule
from copylint.readers import read

#: Prose lines a boilerplate rule would delete: these exact lines, and lines starting with "Zap".
MARKED_LINES = re.compile(r"[ \t]*(?:Share\.|Exit mobile version|Zap\b.*?)[ \t]*")


class FlagEveryWord(Rule):
    """Flags every word token, recording the prose it saw (a test rule).

    Lets a test compare each finding's source text with the word the rule was shown.
    """

    code = "CL995"
    name = "test-flag-every-word"
    category = "style"

    def check(self, doc: Document, ctx: Context) -> Iterable[Diagnostic]:
        for t in doc.tokens:
            if t.kind == "word":
                yield Diagnostic(t.start, t.end, "word", data={"prose": t.text})


class DeleteMarkedBlocks(Rule):
    """Deletes marked prose lines with their newline, as a block (a test rule).

    Works like a boilerplate rule: the edit covers the prose line and its line break.
    """

    code = "CL994"
    name = "test-delete-marked-blocks"
    category = "boilerplate"

    def check(self, doc: Document, ctx: Context) -> Iterable[Diagnostic]:
        prose = doc.prose
        for start, end in doc.lines:
            if MARKED_LINES.fullmatch(prose, start, end) and prose[start:end].strip():
                stop = end + 1 if end < len(prose) else end
                yield Diagnostic(start, end, "delete this line", fix_edits=(Edit(start, stop, ""),),
                                 applicability="safe", deletes_block=True)

    @staticmethod
    def check_deletion(linter: object, source: str, fmt: str, *, reread: bool = False) -> None:
        """The fixes delete the source of every marked line and of no other word of the prose.

        With ``reread``, reading the fixed source again also gives exactly the other words (true of
        HTML; in Markdown, deleting a line can change how the lines after it parse).
        """
        found = linter.check(source, format=fmt)  # type: ignore[attr-defined]
        check_well_formed(source, found)
        plan = plan_fixes(source, found)
        doc = read(source, "x", fmt)
        deleted_lines = {(f.start, f.end) for f in plan.applied}
        kept: Counter[str] = Counter()
        for s, e in doc.lines:
            line_span = doc.source_span(s, e)
            for m in re.finditer(r"\w+", doc.prose[s:e]):
                ws, we = doc.source_span(s + m.start(), s + m.end())
                inside = any(ed.start <= ws and we <= ed.end for ed in plan.edits)
                touched = any(ed.start < we and ws < ed.end for ed in plan.edits)
                assert inside == touched, (m.group(), plan.edits)
                assert inside == (line_span in deleted_lines), (m.group(), plan.edits)
                kept.update([] if inside else [m.group()])
        if reread:
            after = Counter(re.findall(r"\w+", read(apply_edits(source, plan.edits), "x", fmt).prose))
            assert after == kept, (apply_edits(source, plan.edits), plan.edits)


def check_well_formed(source: str, findings: list[Finding]) -> None:
    """Offsets in range, ``text`` equal to the source span, line/column right (lines end at "\\n", or
    at "\\r" in a file whose line endings are all lone carriage returns), edits in range."""
    line_break = "\r" if "\r" in source and "\n" not in source else "\n"
    line_starts = [0] + [m.end() for m in re.finditer(line_break, source)]

    def line_col(offset: int) -> tuple[int, int]:
        line = max(i for i, s in enumerate(line_starts) if s <= offset)
        return line + 1, offset - line_starts[line] + 1

    for f in findings:
        assert 0 <= f.start <= f.end <= len(source), f
        assert f.text == source[f.start:f.end], f
        assert (f.line, f.column) == line_col(f.start), f
        assert (f.end_line, f.end_column) == line_col(f.end), f
        for e in f.fix.edits if f.fix else ():
            assert 0 <= e.start <= e.end <= len(source), f


def check_word_findings(source: str, findings: list[Finding]) -> None:
    """Each word finding is well-formed and its source text spells the word the rule saw.

    The source text (entities decoded, in normal form C as the prose is) starts with the word's first
    character and ends with its last, and holds all its characters in order (markup may sit between
    them: ``Ukr<em>anian``).
    """
    check_well_formed(source, findings)
    for f in findings:
        word = f.data["prose"]
        text = unicodedata.normalize("NFC", html.unescape(f.text))
        assert text, f
        assert text[0] == word[0] and text[-1] == word[-1], (word, f.text)
        rest = iter(text)
        assert all(c in rest for c in word), (word, f.text)
