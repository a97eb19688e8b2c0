"""The engine: runs the selected rules on a document and turns their diagnostics into findings.

The engine knows nothing about individual rules: it reads a source into a Document, asks each
selected rule for diagnostics, maps them to source positions, applies suppression comments and
severity overrides, and returns findings sorted by position.
"""

from __future__ import annotations

import gc
import threading
import time
from collections.abc import Iterable
from types import TracebackType

from copylint import readers
from copylint.core.config import Config
from copylint.core.document import Document
from copylint.core.edits import reaches_beyond, whole_line_breaks
from copylint.core.errors import CopylintError, InputError, too_large
from copylint.core.finding import Diagnostic, Edit, Finding, Fix
from copylint.core.rule import SHARED_RESOURCES, Context, Resources, Rule
from copylint.core.suppress import apply_directives
from copylint.engine.registry import all_rules

#: distinct notices a Linter keeps (a long-lived process checks millions of texts)
MAX_NOTICES = 100


class Linter:
    """Checks texts with one configuration. Create it once and share it: it loads dictionaries on
    first use, keeps them for its lifetime and is safe to call from many threads at once."""

    def __init__(self, config: Config | None = None, *, resources: Resources | None = None,
                 max_input_size: int | None = None) -> None:
        self.config = config or Config()
        self.resources = resources or SHARED_RESOURCES
        #: the longest text :meth:`check` reads, in characters (default: the config's ``max_input_size``)
        self.max_input_size = self.config.max_input_size if max_input_size is None else max_input_size
        if isinstance(self.max_input_size, bool) or not isinstance(self.max_input_size, int) \
                or self.max_input_size <= 0:
            raise ValueError(f"max_input_size must be a positive number of characters, not {max_input_size!r}")
        self.config.check_codes(all_rules())  # a typo in a code must not leave a rule silently off
        # per-file ignores only switch rules off, so a rule not selected here never runs
        self._rules: list[Rule] = [cls() for code, cls in all_rules().items()
                                   if self.config.is_selected(code, cls.default_enabled)]
        self._notices: list[str] = []
        self._lock = threading.Lock()

    # ------------------------------------------------------------------ public API
    @property
    def rules(self) -> list[Rule]:
        """The rules this linter runs (before per-file ignores)."""
        return list(self._rules)

    @property
    def notices(self) -> list[str]:
        """One-line messages about the run (an optional backend that is unavailable, say)."""
        with self._lock:
            return list(self._notices)

    def check(self, text: str, *, format: str | None = "text", path: str = "<text>",
              words: Iterable[str] = (), notices: list[str] | None = None) -> list[Finding]:
        """Findings for ``text`` read as ``format`` ("text", "markdown", "html"; None: by ``path``).

        ``words`` are accepted as correctly spelt in this call only (names a CMS knows, say). The
        notices this call raises (LanguageTool unavailable, say) are appended to ``notices`` when
        it is given, for a caller that answers each request on its own (a server); :attr:`notices`
        keeps them all for the linter's life.
        A text longer than :attr:`max_input_size` characters raises
        :class:`~copylint.core.errors.InputError`.
        """
        if len(text) > self.max_input_size:
            raise InputError(path, too_large(len(text), self.max_input_size))
        doc = readers.read(text, path, format)
        return self.check_document(doc, words=words, notices=notices)

    def check_document(self, doc: Document, *, words: Iterable[str] = (),
                       notices: list[str] | None = None) -> list[Finding]:
        """Findings for an already read ``doc`` (``words`` and ``notices`` as for :meth:`check`).

        A full web page whose reader found its article body is checked on that body only, unless the
        config's ``scope`` is "page". Rules that mark web furniture run first; the spans they mark
        are on ``doc.furniture`` for the rules after them. A fix that would remove words outside
        what its finding reports is refused, whatever rule made it: the finding is reported without
        it (and a notice names the rule)."""
        ctx = Context(self.config, self.resources, frozenset(words))
        if doc.body is not None and self.config.scope == "body":
            ctx.notice(f"HTML page: only the article body was checked (found by {doc.body.found_by}); "
                       "--scope page (scope = \"page\") checks the whole page")
            doc = doc.within(doc.body)
        findings: list[Finding] = []
        selected = [r for r in self._rules
                    if self.config.is_selected(r.code, r.default_enabled, doc.path)]
        furniture: list[tuple[int, int]] = []
        for rule in (r for r in selected if r.marks_furniture):
            diagnostics = self._diagnose(rule, doc, ctx)
            furniture.extend((d.start, d.end) for d in diagnostics if d.furniture)
            findings.extend(self._finding(doc, rule, d, ctx) for d in diagnostics)
        if furniture:
            doc.mark_furniture(furniture)
        for rule in (r for r in selected if not r.marks_furniture):
            findings.extend(self._finding(doc, rule, d, ctx) for d in self._diagnose(rule, doc, ctx))
        findings, unused = apply_directives(doc, findings)
        if unused:
            for rule in selected:
                for d in rule.check_suppressions(doc, unused):  # in source offsets
                    fix = Fix(d.applicability, d.fix_edits) if d.fix_edits else None
                    if fix is not None and reaches_beyond(doc.source, d.start, d.end, d.fix_edits):
                        ctx.notice(_refused(rule))
                        fix = None
                    findings.append(self._source_finding(doc, rule, d.start, d.end, d.message, fix,
                                                         d.suggestions, d.data))
        findings = _drop_duplicates(sorted(findings, key=lambda f: (f.start, f.end, f.code)))
        if notices is not None:
            notices.extend(n for n in ctx.notices if n not in notices)
        if ctx.notices:
            with self._lock:
                for n in ctx.notices:
                    if n not in self._notices and len(self._notices) < MAX_NOTICES:
                        self._notices.append(n)
        return findings

    def warm_up(self, sample: str = "", *, freeze_gc: bool = True) -> float:
        """Load now what the rules would load on first use, and return the seconds it took.

        A long-lived process (a CMS) calls this once at start-up, so no user waits for the
        dictionaries, the near-word index or the misspelling map: it checks every rule's examples
        and ``sample`` (an article of the site's own copy, say). With ``freeze_gc`` it then calls
        :func:`gc.freeze` (as the CLI's runner does before it forks workers): every object alive at
        that moment (the loaded data, and the host's own objects) moves to a permanent generation that the garbage
        collector no longer walks, so a full collection during a later call takes microseconds
        instead of milliseconds. Frozen objects are still freed when their reference count drops
        to zero; only reference cycles among them are never collected, so call it after start-up,
        not per request. Pass ``freeze_gc=False`` when the host manages the collector itself.
        """
        started = time.perf_counter()
        for rule in self._rules:
            for example in rule.examples:
                self.check(example.text, format=example.format)
        if sample:
            self.check(sample)
        if freeze_gc:
            gc.collect()
            gc.freeze()
        return time.perf_counter() - started

    def close(self) -> None:
        """Release what rules hold (server connections, subprocesses)."""
        for rule in self._rules:
            rule.close()

    def __enter__(self) -> Linter:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    @staticmethod
    def _diagnose(rule: Rule, doc: Document, ctx: Context) -> list[Diagnostic]:
        """The rule's diagnostics, or none (and a notice) when it fails: one broken rule must not hide
        every other finding."""
        try:
            return list(rule.check(doc, ctx))
        except CopylintError:
            raise
        except Exception as exc:
            ctx.notice(f"internal error in rule {rule.code} ({rule.name}) on {doc.path}: "
                       f"{type(exc).__name__}: {exc}")
            return []

    # ------------------------------------------------------------------ mapping
    def _finding(self, doc: Document, rule: Rule, d: Diagnostic, ctx: Context) -> Finding:
        start, end = doc.source_span(d.start, d.end)
        fix = None
        if d.fix_edits and reaches_beyond(doc.prose, d.start, d.end, d.fix_edits):
            ctx.notice(_refused(rule))
        elif d.fix_edits:
            edits = []
            for e in d.fix_edits:
                s, t = doc.source_span(e.start, e.end)
                if d.deletes_block and not e.replacement and doc.widen_deletion is not None:
                    s, t = doc.widen_deletion(s, t)
                s, t = whole_line_breaks(doc.source, s, t)
                edits.append(Edit(s, t, e.replacement))
            fix = Fix(d.applicability, tuple(edits))
        return self._source_finding(doc, rule, start, end, d.message, fix, d.suggestions, d.data)

    def _source_finding(self, doc: Document, rule: Rule, start: int, end: int, message: str,
                        fix: Fix | None, suggestions: tuple[str, ...] = (),
                        data: dict | None = None) -> Finding:
        if doc.source.startswith(BOM) and start == 0 < end:
            start = 1  # a byte-order mark is the file's, never part of a finding ...
        if fix is not None and doc.source.startswith(BOM):
            fix = Fix(fix.applicability, tuple(_after_bom(e) for e in fix.edits))  # ... nor deleted by a fix
        line, column = doc.position(start)
        end_line, end_column = doc.position(end)
        return Finding(
            path=doc.path, code=rule.code, rule=rule.name, category=rule.category,
            severity=self.config.severity_of(rule.code, rule.severity),  # type: ignore[arg-type]
            line=line, column=column, end_line=end_line, end_column=end_column,
            start=start, end=end, text=doc.source[start:end], message=message,
            suggestions=tuple(suggestions), fix=fix, data=dict(data or {}),
        )


def _refused(rule: Rule) -> str:
    return (f"rule {rule.code} ({rule.name}) offered fixes that would remove words outside what its findings "
            "report; those findings are reported without a fix")


BOM = "\ufeff"


def _after_bom(edit: Edit) -> Edit:
    """``edit`` moved past a byte-order mark at offset 0 (deleting the first line keeps the mark)."""
    if edit.start > 0:
        return edit
    return Edit(1, max(edit.end, 1), edit.replacement)


def _drop_duplicates(findings: list[Finding]) -> list[Finding]:
    """One finding per span and correction: when two rules flag the same characters with the same
    first suggestion (a misspelt name is both a typo and a name variant), keep the lower code."""
    seen: set[tuple[int, int, tuple[str, ...]]] = set()
    out = []
    for f in findings:
        key = (f.start, f.end, f.suggestions[:1])
        if not f.suggestions or key not in seen:
            out.append(f)
            seen.add(key)
    return out
