"""Property tests: for any text, the engine does not raise and every finding is well-formed."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markup_fixtures import check_well_formed
from rule_fixtures import FlagWordRule, registered

from copylint import Config, Linter
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
