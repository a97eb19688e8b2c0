"""language-tool-python's own client against the copy-desk server on 127.0.0.1: what LanguageTool
clients get from it (positions, rule ids, categories, replacements), also after emoji."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import requests
from server_support import SEED, SEED_FLAGS, ServerThread

language_tool_python = pytest.importorskip("language_tool_python")
EMOJI = "🇺🇦👍🏽 Live: 𝒦ursk 🚀\n\n"  # flags, a skin tone, a mathematical letter: all outside the BMP
#: the live-blog clause's match takes in the dash its fix deletes with it, so that its replacement
#: (".") is the fix; the other five are the findings' own spans
LT_FLAGS = (" – " + SEED_FLAGS[0], *SEED_FLAGS[1:])


@pytest.fixture(scope="module")
def server() -> Iterator[ServerThread]:
    with ServerThread() as running:
        yield running


@pytest.fixture()
def tool(server: ServerThread) -> Iterator[object]:
    client = language_tool_python.LanguageTool("en-GB", remote_server=server.url)
    yield client
    client.close()


def flagged(text: str, match: object) -> str:
    """What the client's match points at in ``text`` (the client turns offsets into characters)."""
    return text[match.offset:match.offset + match.error_length]  # type: ignore[attr-defined]


def test_the_client_starts_against_the_server_and_sees_its_languages(tool: object) -> None:
    assert str(tool.language) == "en-GB"  # type: ignore[attr-defined]


@pytest.mark.parametrize("prefix", ["", EMOJI], ids=["plain", "after-emoji"])
def test_the_seed_findings_come_back_at_the_right_places(tool: object, prefix: str) -> None:
    text = prefix + SEED
    matches = tool.check(text)  # type: ignore[attr-defined]
    assert [flagged(text, m) for m in matches] == list(LT_FLAGS)
    by_text = {flagged(text, m): m for m in matches}
    assert by_text[LT_FLAGS[0]].replacements == ["."]
    assert by_text["yeae"].rule_id == "CL101_SPELLER_RULE"
    assert by_text["yeae"].rule_issue_type == "misspelling"
    assert by_text["yeae"].category == "CL1"
    assert by_text["yeae"].replacements[:1] == ["year"]
    assert by_text["Ukranian"].replacements[:1] == ["Ukrainian"]
    assert by_text["Kim Jong-un"].rule_id == "CL201"
    assert by_text["Kim Jong-un"].rule_issue_type == "style"
    assert by_text["Kim Jong-un"].replacements == ["Kim Jong Un"]
    assert by_text["Share."].rule_id == "CL301"
    assert by_text["Share."].category == "CL3"
    assert by_text["Share."].replacements == [""]  # the line's deletion


def test_correct_applies_the_first_replacements_after_emoji(tool: object) -> None:
    text = EMOJI + "Kim Jong Un sent the combat troops at the end of last yeae."
    assert tool.correct(text) == EMOJI + "Kim Jong Un sent the combat troops at the end of last year."  # type: ignore[attr-defined]


def test_disabled_rules_and_categories_are_copylint_codes(tool: object) -> None:
    tool.disabled_rules = {"CL301"}  # type: ignore[attr-defined]
    assert [flagged(SEED, m) for m in tool.check(SEED)] == ["Kim Jong-un", "yeae", "Ukranian"]  # type: ignore[attr-defined]
    tool.disabled_rules = set()  # type: ignore[attr-defined]
    tool.disabled_categories = {"CL1", "CL3"}  # type: ignore[attr-defined]
    assert [flagged(SEED, m) for m in tool.check(SEED)] == ["Kim Jong-un"]  # type: ignore[attr-defined]


def test_the_spelling_id_disables_spelling_too(tool: object) -> None:
    tool.disabled_rules = {"CL101_SPELLER_RULE"}  # type: ignore[attr-defined]
    assert "yeae" not in [flagged(SEED, m) for m in tool.check(SEED)]  # type: ignore[attr-defined]


def test_enabled_only_keeps_the_enabled_rules(tool: object) -> None:
    tool.enabled_rules = {"CL101"}  # type: ignore[attr-defined]
    tool.enabled_rules_only = True  # type: ignore[attr-defined]
    assert [flagged(SEED, m) for m in tool.check(SEED)] == ["yeae", "Ukranian"]  # type: ignore[attr-defined]


def test_language_chooses_the_dialect(server: ServerThread) -> None:
    text = "The defence minister praised the colour guard."
    for language, expected in (("en-US", ["defence", "colour"]), ("en-GB", []), ("en", [])):
        with language_tool_python.LanguageTool(language, remote_server=server.url) as client:
            assert [flagged(text, m) for m in client.check(text)] == expected, language


def test_auto_takes_the_preferred_variant(server: ServerThread) -> None:
    answer = requests.post(f"{server.url}/v2/check", data={
        "text": "The color guard.", "language": "auto", "preferredVariants": "en-GB,de-DE"}, timeout=30).json()
    assert answer["language"]["code"] == "en-GB"
    assert [m["context"]["text"][m["context"]["offset"]:][:5] for m in answer["matches"]] == ["color"]


def test_a_get_request_with_the_query_string_works(server: ServerThread) -> None:
    answer = requests.get(f"{server.url}/v2/check", params={"text": "Last yeae.", "language": "en-GB"},
                          timeout=30).json()
    assert [(m["offset"], m["length"]) for m in answer["matches"]] == [(5, 4)]


def test_offsets_count_utf16_code_units_and_context_points_at_the_match(server: ServerThread) -> None:
    text = "🚀🚀 At the end of last yeae 😀 they left."
    answer = requests.post(f"{server.url}/v2/check", data={"text": text, "language": "en-GB"}, timeout=30).json()
    (match,) = answer["matches"]
    utf16 = text.encode("utf-16-le")
    assert utf16[2 * match["offset"]:2 * (match["offset"] + match["length"])].decode("utf-16-le") == "yeae"
    ctx = match["context"]
    shown = ctx["text"].encode("utf-16-le")
    assert shown[2 * ctx["offset"]:2 * (ctx["offset"] + ctx["length"])].decode("utf-16-le") == "yeae"
    assert match["sentence"] == "At the end of last yeae 😀 they left."
    assert match["type"]["typeName"] == "UnknownWord"


def test_annotated_text_offsets_count_text_and_markup_together(server: ServerThread) -> None:
    data = ('{"annotation": [{"markup": "<p>"}, {"text": "At the end of last "}, {"markup": "<b>"},'
            ' {"text": "yeae"}, {"markup": "</b>"}, {"markup": "<br/>", "interpretAs": "\\n\\n"},'
             ' {"text": "😀 Then the drones did not recieve orders."}, {"markup": "</p>"}]}')
    answer = requests.post(f"{server.url}/v2/check", data={"data": data, "language": "en-GB"}, timeout=30).json()
    original = "<p>At the end of last <b>yeae</b><br/>😀 Then the drones did not recieve orders.</p>"
    utf16 = original.encode("utf-16-le")
    assert [utf16[2 * m["offset"]:2 * (m["offset"] + m["length"])].decode("utf-16-le")
            for m in answer["matches"]] == ["yeae", "recieve"]


def test_languages_and_info(server: ServerThread) -> None:
    languages = requests.get(f"{server.url}/v2/languages", timeout=30).json()
    assert {lang["longCode"] for lang in languages} == {"en", "en-GB", "en-US"}
    assert all(set(lang) == {"name", "code", "longCode"} for lang in languages)
    info = requests.get(f"{server.url}/v2/info", timeout=30).json()
    assert info["software"]["name"] == "copylint"
    config_info = requests.get(f"{server.url}/v2/configinfo", params={"language": "en-GB"}, timeout=30).json()
    assert config_info["parameter"]["maxTextLength"] == 1_000_000 // 9  # characters that fit in the body limit
    rules = config_info["rules"]
    by_id = {r["ruleId"]: r for r in rules}
    assert by_id["CL101_SPELLER_RULE"]["locQualityIssueType"] == "misspelling"
    assert by_id["CL302"]["categoryId"] == "CL3"
    assert by_id["CL401"]["isDefaultOff"] == "yes"
