"""Property tests: for any text, the engine does not raise and every finding is well-formed."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rule_fixtures import FlagWordRule, registered

from copylint import Config, Finding, Linter
from copylint.readers import formats

# Article-like text: words (some of them misspelt or flagged), names, punctuation, odd whitespace,
# astral characters and line ends of every kind.
WORDS = ["the", "year", "yeae", "Ukrainian", "Ukranian", "Kim", "Jong-un", "Jong", "Un", "wrongly",
         "Share.", "Advertisement", "said", "“quote”", "it’s", "US-led", "3.5pc", "http://x.io/a",
         "😀", "é", "\u0301", "\ufeff", "&amp;", "<b>", "</b>", "<!-- copylint: disable -->", "#", "*"]
pieces = st.one_of(st.sampled_from(WORDS), st.text(max_size=6),
                   st.sampled_from([" ", "  ", "\n", "\r\n", "\n\n", "\t", ". ", ", ", " – "]))
texts = st.lists(pieces, max_size=80).map("".join)
LINTER_CONFIG = Config(extend_select=("CL991",))


def check_well_formed(source: str, findings: list[Finding]) -> None:
    line_starts = [0] + [i + 1 for i, c in enumerate(source) if c == "\n"]

    def line_col(offset: int) -> tuple[int, int]:
        line = max(i for i, s in enumerate(line_starts) if s <= offset)
        return line + 1, offset - line_starts[line] + 1

    for f in findings:
        assert 0 <= f.start <= f.end <= len(source), f
        assert f.text == source[f.start:f.end], f
        assert (f.line, f.column) == line_col(f.start), f
        assert (f.end_line, f.end_column) == line_col(f.end), f
        if f.fix:
            for e in f.fix.edits:
                assert 0 <= e.start <= e.end <= len(source), f


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_any_text_gives_well_formed_findings(text: str) -> None:
    with registered(FlagWordRule):
        linter = Linter(LINTER_CONFIG)
        for fmt in formats():
            check_well_formed(text, linter.check(text, format=fmt))


@settings(max_examples=100, deadline=None)
@given(st.text())
def test_arbitrary_unicode_never_raises(text: str) -> None:
    linter = Linter(Config())
    for fmt in formats():
        check_well_formed(text, linter.check(text, format=fmt))
