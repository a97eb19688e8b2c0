"""CL4xx: grammar, punctuation and style through LanguageTool (off unless selected, e.g. ``--grammar``).

Each LanguageTool category maps to one code, so that a newsroom can keep grammar and drop style. The
rules share one LanguageTool client and one request per document (see :mod:`copylint.checks.grammar.languagetool`);
each rule keeps the matches of its own categories. When LanguageTool is unavailable they report one
notice and nothing else, and the other rules run as usual.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from typing import Any, ClassVar

from copylint.core.document import Document
from copylint.core.finding import Diagnostic, Edit
from copylint.core.rule import Context, Example, Rule, register

#: Suggestions shown per finding (LanguageTool can offer dozens).
MAX_SUGGESTIONS = 5


class LanguageToolRule(Rule):
    """Base of the CL4xx rules: the matches of ``lt_categories`` from the shared LanguageTool client."""

    default_enabled = False
    requires = "a LanguageTool server"
    #: LanguageTool category ids this rule reports (the catch-all rule leaves it empty)
    lt_categories: ClassVar[frozenset[str]] = frozenset()
    options: ClassVar[dict[str, Any]] = {"languagetool": {}}

    def __init__(self) -> None:
        self._checker: Any = None
        self._lease_lock = threading.Lock()

    def _lease(self, ctx: Context) -> Any:
        from copylint.checks.grammar.languagetool import GrammarChecker, Settings

        with self._lease_lock:
            if self._checker is None:
                settings = Settings.from_config(ctx.config)
                checker = ctx.resources.get(("languagetool", settings), lambda: GrammarChecker(settings))
                self._checker = checker.acquire()
            return self._checker

    def check(self, doc: Document, ctx: Context) -> Iterable[Diagnostic]:
        from copylint.checks.grammar.languagetool import Unavailable

        try:
            result = self._lease(ctx).matches(doc)
        except Unavailable as exc:
            ctx.notice(str(exc))
            return []
        for note in result.notes:
            ctx.notice(note)
        return [_diagnostic(m) for m in result.matches if code_for(m.category_id) == self.code]

    def close(self) -> None:
        with self._lease_lock:
            checker, self._checker = self._checker, None
        if checker is not None:
            checker.release()


def _diagnostic(m: Any) -> Diagnostic:
    suggestions = m.replacements[:MAX_SUGGESTIONS]
    fix = (Edit(m.start, m.end, suggestions[0]),) if suggestions else ()
    return Diagnostic(
        m.start, m.end, f"{m.message} [{m.rule_id}]", suggestions, fix, "unsafe",
        data={"languagetool_rule": m.rule_id, "languagetool_category": m.category_id,
              "issue_type": m.issue_type},
    )


@register
class LTGrammar(LanguageToolRule):
    """LanguageTool found a grammar error (agreement, verb form, word order).

    LanguageTool's GRAMMAR category: a verb that does not agree with its subject, a wrong verb form,
    a missing or doubled word. These are real mistakes in copy, so the rule warns. Needs a
    LanguageTool server (see docs/grammar.md).
    """

    code = "CL401"
    name = "lt-grammar"
    category = "grammar"
    lt_categories = frozenset({"GRAMMAR"})
    examples = (
        Example("He go to the council meeting every week.", flags=("go",), suggestions=("goes",)),
        Example("He goes to the council meeting every week."),
    )


@register
class LTPunctuation(LanguageToolRule):
    """LanguageTool found a punctuation error.

    LanguageTool's PUNCTUATION category: doubled commas, a missing comma after an introductory
    phrase, punctuation in the wrong place. Needs a LanguageTool server.
    """

    code = "CL402"
    name = "lt-punctuation"
    category = "grammar"
    lt_categories = frozenset({"PUNCTUATION"})
    examples = (
        Example("The minister said,, after a pause, that talks would resume.", flags=(",,",),
                suggestions=(",",)),
        Example("The minister said, after a pause, that talks would resume."),
    )


@register
class LTTypography(LanguageToolRule):
    """LanguageTool found a typography problem (spacing around punctuation, repeated spaces).

    LanguageTool's TYPOGRAPHY category: a space before a comma, two spaces between words, a missing
    space after a full stop. Easy to fix and invisible in most editors, so reported as information.
    Needs a LanguageTool server.
    """

    code = "CL403"
    name = "lt-typography"
    category = "style"
    severity = "info"
    lt_categories = frozenset({"TYPOGRAPHY"})
    examples = (
        Example("The mayor , who spoke last, left early.", flags=(" ,",), suggestions=(",",)),
        Example("The mayor, who spoke last, left early."),
    )


@register
class LTConfusedWords(LanguageToolRule):
    """LanguageTool found a commonly confused word (their/there, loose/lose, affect/effect).

    LanguageTool's CONFUSED_WORDS, SEMANTICS and COLLOCATIONS categories: a real word in the wrong
    place, which no spelling checker can catch. Needs a LanguageTool server.
    """

    code = "CL404"
    name = "lt-confused-words"
    category = "grammar"
    lt_categories = frozenset({"CONFUSED_WORDS", "SEMANTICS", "COLLOCATIONS"})
    examples = (
        Example("Officials said their is no evidence of fraud.", flags=("their is",),
                suggestions=("there is",)),
        Example("Officials said there is no evidence of fraud."),
    )


@register
class LTStyle(LanguageToolRule):
    """LanguageTool suggests a plainer or tighter wording.

    LanguageTool's STYLE, PLAIN_ENGLISH, REPETITIONS_STYLE and related categories: wordy phrases,
    repeated sentence openings, clichés. A matter of house style, so reported as information.
    Needs a LanguageTool server.
    """

    code = "CL405"
    name = "lt-style"
    category = "style"
    severity = "info"
    lt_categories = frozenset({"STYLE", "PLAIN_ENGLISH", "REPETITIONS_STYLE", "WIKIPEDIA",
                               "CREATIVE_WRITING", "TEXT_ANALYSIS", "GENDER_NEUTRALITY"})
    examples = (
        Example("Police closed the road in order to search the area.", flags=("in order to",),
                suggestions=("to",)),
        Example("Police closed the road to search the area."),
    )


@register
class LTRedundancy(LanguageToolRule):
    """LanguageTool found a redundant phrase ("past history", "absolutely essential").

    LanguageTool's REDUNDANCY category: one word of the phrase already says what the other adds.
    Reported as information. Needs a LanguageTool server.
    """

    code = "CL406"
    name = "lt-redundancy"
    category = "style"
    severity = "info"
    lt_categories = frozenset({"REDUNDANCY"})
    examples = (
        Example("The club has a long past history of debt.", flags=("past history",),
                suggestions=("history",)),
        Example("The club has a long history of debt."),
    )


@register
class LTCasing(LanguageToolRule):
    """LanguageTool found a capitalisation error (a sentence starting in lower case, say).

    LanguageTool's CASING category. Needs a LanguageTool server.
    """

    code = "CL407"
    name = "lt-casing"
    category = "grammar"
    lt_categories = frozenset({"CASING"})
    examples = (
        Example("The vote was close. the result was announced at midnight.", flags=("the",),
                suggestions=("The",)),
        Example("The vote was close. The result was announced at midnight."),
    )


@register
class LTTypos(LanguageToolRule):
    """LanguageTool found a possible typo.

    LanguageTool's TYPOS category. Its dictionary spell checker (the MORFOLOGIK rules) is off by
    default, so that names are not "corrected" and typos are not reported twice alongside copylint's
    own spelling rules; ``languagetool = { spelling = true }`` turns it back on. Needs a LanguageTool
    server.
    """

    code = "CL408"
    name = "lt-typos"
    category = "spelling"
    lt_categories = frozenset({"TYPOS"})
    examples = (
        Example("The council will recieve the report on Monday.", flags=("recieve",),
                suggestions=("receive",),
                options={"languagetool": {"spelling": True, "language": "en-US"}}),
        Example("The council will receive the report on Monday.",
                options={"languagetool": {"spelling": True, "language": "en-US"}}),
    )


@register
class LTMisc(LanguageToolRule):
    """LanguageTool found another kind of mistake ("a" before a vowel sound, a repeated word).

    Every LanguageTool category that no other CL4xx rule reports lands here (MISC, COMPOUNDING,
    NONSTANDARD_PHRASES, ...), so no LanguageTool finding is lost. Needs a LanguageTool server.
    """

    code = "CL409"
    name = "lt-misc"
    category = "grammar"
    examples = (
        Example("She bought a apple at the market.", flags=("a",), suggestions=("an",)),
        Example("The the vote was delayed.", flags=("The the",), suggestions=("The",)),
        Example("She bought an apple at the market."),
    )


_CODE_OF_CATEGORY = {cat: cls.code for cls in LanguageToolRule.__subclasses__() for cat in cls.lt_categories}


def code_for(category_id: str) -> str:
    """The CL4xx code that reports a LanguageTool category (unknown ones go to CL409)."""
    return _CODE_OF_CATEGORY.get(category_id, LTMisc.code)
