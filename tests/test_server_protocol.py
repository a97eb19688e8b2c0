"""The server's translation code without a server: annotated text, LanguageTool requests and
matches, rule ids and the Linter per configuration."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from copylint import Config, Linter
from copylint.app.server import lt_protocol
from copylint.app.server.annotation import AnnotatedText, parse_data
from copylint.app.server.errors import ApiError
from copylint.app.server.linters import Linters, Variant
from copylint.core.finding import Edit, Finding, Fix

PART = st.one_of(
    st.builds(lambda t: {"text": t}, st.text(max_size=6)),
    st.builds(lambda m: {"markup": m}, st.text(min_size=1, max_size=5)),
    st.builds(lambda m, i: {"markup": m, "interpretAs": i}, st.text(min_size=1, max_size=5), st.text(max_size=3)),
)


@given(st.lists(PART, max_size=8))
def test_text_characters_map_to_themselves_in_the_original(parts: list[dict]) -> None:
    annotated = parse_data(json.dumps({"annotation": parts}))
    assert annotated.checked == "".join(p.get("text", p.get("interpretAs", "")) for p in parts)
    assert annotated.original == "".join(p.get("text", p.get("markup", "")) for p in parts)
    checked_at = original_at = 0
    for part in parts:
        shown = part.get("text", part.get("interpretAs", ""))
        for i in range(len(shown)):
            start, end = annotated.to_original(checked_at + i, checked_at + i + 1)
            if "text" in part:
                assert (start, end) == (original_at + i, original_at + i + 1)
                assert annotated.original[start:end] == shown[i]
            else:  # a stand-in character covers its whole markup
                assert (start, end) == (original_at, original_at + len(part["markup"]))
        checked_at += len(shown)
        original_at += len(part.get("text", part.get("markup", "")))


def test_a_span_across_markup_covers_it() -> None:
    annotated = parse_data(json.dumps({"annotation": [
        {"text": "Kim "}, {"markup": "<i>"}, {"text": "Jong-un"}, {"markup": "</i>"}, {"text": " said."}]}))
    assert annotated.checked == "Kim Jong-un said."
    start, end = annotated.to_original(0, len("Kim Jong-un"))
    assert annotated.original[start:end] == "Kim <i>Jong-un"
    assert AnnotatedText.plain("abc").to_original(1, 2) == (1, 2)
    assert parse_data('{"annotation": []}').checked == ""


@pytest.mark.parametrize(("given", "preferred", "server", "expected"), [
    ("en-GB", "", "any", ("en-GB", "en-GB")),
    ("en_us", "", "en-GB", ("en-US", "en-US")),
    ("EN", "", "en-GB", ("en", None)),
    ("auto", "", "en-GB", ("en-GB", None)),
    ("auto", "", "any", ("en", None)),
    ("auto", "de-DE,en-US", "en-GB", ("en-US", "en-US")),
])
def test_languages_and_the_dialects_they_mean(given: str, preferred: str, server: str, expected: tuple) -> None:
    request = lt_protocol.parse_check({"text": "x", "language": given, "preferredVariants": preferred}, server)
    assert (request.language, request.dialect) == expected


def test_rule_and_category_ids() -> None:
    assert lt_protocol.rule_id("CL101", "spelling") == "CL101_SPELLER_RULE"
    assert lt_protocol.rule_id("CL302", "boilerplate") == "CL302"
    assert lt_protocol.copylint_code("CL101_SPELLER_RULE") == "CL101"
    assert lt_protocol.copylint_code("CL3") == "CL3"
    assert lt_protocol.copylint_code("EN_A_VS_AN") is None
    assert lt_protocol.copylint_code("TYPOS") is None
    assert lt_protocol.category_of("CL203") == {"id": "CL2", "name": "Names (copylint)"}
    assert lt_protocol.short_message("lt-confused-words") == "Confused words"


def test_rule_choice_from_languagetool_parameters() -> None:
    choice = lt_protocol.RuleChoice.from_params({"disabledRules": "CL302, WHITESPACE_RULE",
                                                 "disabledCategories": "CL2,STYLE", "enabledRules": "CL401"})
    assert choice.variant(None) == Variant(extend_select=("CL401",), ignore=("CL302", "CL2"))
    assert choice.lt_disabled == {"WHITESPACE_RULE", "STYLE"}
    only = lt_protocol.RuleChoice.from_params({"enabledOnly": "true", "enabledCategories": "CL1,GRAMMAR"})
    assert only.variant("en-GB") == Variant(dialect="en-GB", select=("CL1", "CL4"))


def finding(start: int, end: int, source: str, suggestions: tuple[str, ...] = (), fix: Fix | None = None) -> Finding:
    return Finding("<t>", "CL301", "boilerplate-phrase", "boilerplate", "warning", 1, start + 1, 1, end + 1,
                   start, end, source[start:end], "m", suggestions, fix)


@pytest.mark.parametrize(("span", "edit", "suggestions", "expected"), [
    ((0, 5), Edit(0, 5, "X"), (), ((0, 5), ["X"])),                      # the fix edits the span
    ((0, 5), Edit(1, 3, ""), (), ((0, 5), ["hlo"])),                      # an edit inside the span
    ((0, 5), Edit(0, 6, ""), (), ((0, 5), [""])),                        # a deletion taking the space too
    ((6, 11), Edit(5, 10, ""), (), ((5, 11), ["d"])),                    # overlapping: the span widens
    ((6, 11), Edit(5, 10, ""), ("W",), ((6, 11), ["W"])),                # ... unless there are suggestions
    ((0, 5), None, ("a", "b"), ((0, 5), ["a", "b"])),
])
def test_replacements_for_the_span_a_client_underlines(span: tuple, edit: Edit | None, suggestions: tuple,
                                                       expected: tuple) -> None:
    source = "hello world"
    fix = Fix("safe", (edit,)) if edit else None
    start, end, values = lt_protocol.replacements(finding(*span, source, suggestions, fix), source)
    assert ((start, end), values) == expected


def test_context_is_cut_with_ellipses_and_counts_utf16() -> None:
    original = "x" * 50 + "🚀 yeae\nthen" + "y" * 50
    start = original.index("yeae")
    context = lt_protocol._context(original, start, start + 4)
    assert context["text"].startswith("...") and context["text"].endswith("...")
    assert "\n" not in context["text"]
    units = context["text"].encode("utf-16-le")
    assert units[2 * context["offset"]:2 * (context["offset"] + context["length"])].decode("utf-16-le") == "yeae"


def test_bad_requests_raise_api_errors_with_status_400() -> None:
    with pytest.raises(ApiError) as caught:
        lt_protocol.parse_check({"text": "x", "language": "fr"}, "any")
    assert caught.value.status == 400 and "unknown language 'fr'" in caught.value.message


def test_one_linter_per_configuration_and_a_bounded_table_of_variants() -> None:
    linters = Linters(Config(), max_variants=2)
    assert linters.get(Variant()) is linters.base
    gb = linters.get(Variant(dialect="en-GB"))
    assert gb is linters.get(Variant(dialect="en-GB")) and gb.config.dialect == "en-GB"
    linters.get(Variant(house_style="bbc"))
    linters.get(Variant(select=("CL1",)))  # the third variant: en-GB, the least recently used, goes
    assert linters.get(Variant(dialect="en-GB")) is not gb
    assert isinstance(gb, Linter)
    linters.close()


def test_a_variant_changes_only_what_it_names() -> None:
    base = Config(dialect="en-GB", ignore=("CL302",), extend_select=("CL4",), options=(("house-style", "ap"),))
    assert Variant().apply(base) is base
    changed = Variant(house_style="bbc", ignore=("CL1",)).apply(base)
    assert changed.option("house-style", "") == "bbc" and changed.ignore == ("CL302", "CL1")
    assert changed.dialect == "en-GB" and changed.extend_select == ("CL4",)
    selected = Variant(select=("CL1",)).apply(base)
    assert selected.select == ("CL1",) and selected.extend_select == ()
