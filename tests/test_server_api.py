"""copylint's JSON API (/api/v1/check, /api/v1/fix, /api/v1/options), its OpenAPI document, and
grammar passed through from a LanguageTool server."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from lt_fake_server import FakeLanguageTool
from server_support import SEED, SEED_FLAGS, ServerThread

from copylint.app.server.settings import ServerSettings


@pytest.fixture(scope="module")
def server() -> Iterator[ServerThread]:
    with ServerThread() as running:
        yield running


def post(server: ServerThread, path: str, body: dict, **kwargs: object) -> requests.Response:
    return requests.post(server.url + path, json=body, timeout=30, **kwargs)


def utf16_slice(text: str, start: int, end: int) -> str:
    return text.encode("utf-16-le")[2 * start:2 * end].decode("utf-16-le")


def test_check_gives_the_json_findings_with_utf16_offsets(server: ServerThread) -> None:
    text = "🇺🇦 " + SEED
    answer = post(server, "/api/v1/check", {"text": text}).json()
    findings = answer["findings"]
    assert [f["text"] for f in findings] == list(SEED_FLAGS)
    for f in findings:
        assert text[f["start"]:f["end"]] == f["text"]
        assert utf16_slice(text, f["start_utf16"], f["end_utf16"]) == f["text"]
        assert f["start_utf16"] == f["start"] + 2  # the flag is two astral characters
        for edit in (f["fix"] or {"edits": []})["edits"]:
            assert edit["start_utf16"] == edit["start"] + 2
    assert answer["notices"] == []
    assert set(findings[0]) >= {"path", "code", "rule", "category", "severity", "line", "column", "end_line",
                                "end_column", "start", "end", "text", "message", "suggestions", "fix"}


@pytest.mark.parametrize("name", ["kursk-north-korea.md", "kursk-north-korea.html"])
def test_markup_formats_point_into_the_source(server: ServerThread, name: str) -> None:
    source = (Path(__file__).resolve().parent.parent / "seeds" / name).read_text(encoding="utf-8")
    fmt = "markdown" if name.endswith(".md") else "html"
    findings = post(server, "/api/v1/check", {"text": source, "format": fmt}).json()["findings"]
    assert len(findings) == 6
    assert all(source[f["start"]:f["end"]] == f["text"] for f in findings)


def test_words_and_config_change_the_findings(server: ServerThread) -> None:
    text = "Talks with Zelenskyy resumed in Kiev. Kiev was calm. The yeae was long."
    plain = post(server, "/api/v1/check", {"text": text}).json()["findings"]
    assert "yeae" in [f["text"] for f in plain]
    body = {"text": text, "words": ["yeae"], "config": {"house-style": "bbc", "select": ["CL1", "CL2"]}}
    findings = post(server, "/api/v1/check", body).json()["findings"]
    assert [(f["text"], f["suggestions"][0]) for f in findings] == [
        ("Zelenskyy", "Zelensky"), ("Kiev", "Kyiv"), ("Kiev", "Kyiv")]  # the BBC's forms; "yeae" accepted
    ignored = post(server, "/api/v1/check", {"text": text, "config": {"ignore": ["CL101"]}}).json()["findings"]
    assert "yeae" not in [f["text"] for f in ignored]
    us = post(server, "/api/v1/check", {"text": "The defence team.", "config": {"dialect": "en-US"}}).json()
    assert [f["text"] for f in us["findings"]] == ["defence"]


def test_fix_applies_safe_fixes_by_default_and_unsafe_ones_when_asked(server: ServerThread) -> None:
    safe = post(server, "/api/v1/fix", {"text": SEED}).json()
    assert safe["changed"] and not safe["unsettled"]
    assert [a["code"] for a in safe["applied"]] == ["CL301", "CL301", "CL301"]
    assert "Share." not in safe["text"] and "Exit mobile version" not in safe["text"]
    assert "yeae" in safe["text"]
    assert [f["text"] for f in safe["findings"]] == ["Kim Jong-un", "yeae", "Ukranian"]
    for f in safe["findings"]:
        assert safe["text"][f["start"]:f["end"]] == f["text"]
    unsafe = post(server, "/api/v1/fix", {"text": SEED, "unsafe": True}).json()
    assert "last year under" in unsafe["text"] and "Ukrainian drone" in unsafe["text"]
    assert unsafe["findings"] == []
    kept = post(server, "/api/v1/fix", {"text": "At the end of last yeae.", "unsafe": True, "words": ["yeae"]}).json()
    assert kept["text"] == "At the end of last yeae." and not kept["changed"]


def test_options_list_what_a_request_may_choose(server: ServerThread) -> None:
    options = requests.get(server.url + "/api/v1/options", timeout=30).json()
    assert options["dialects"] == ["any", "en-GB", "en-US"]
    assert {"bbc", "guardian", "ap", "reuters"} <= set(options["house_styles"])
    assert options["formats"] == ["text", "markdown", "html"]
    assert options["grammar"] is False
    assert "CL101" in [r["code"] for r in options["rules"]]


def test_an_unknown_house_style_is_a_400_naming_the_known_ones(server: ServerThread) -> None:
    response = post(server, "/api/v1/check", {"text": "Kiev.", "config": {"house-style": "times"}})
    assert response.status_code == 400
    assert "unknown house style 'times'" in response.json()["error"]
    assert "bbc" in response.json()["error"]


def test_the_openapi_document_is_valid_and_describes_real_answers(server: ServerThread) -> None:
    openapi_spec_validator = pytest.importorskip("openapi_spec_validator")
    jsonschema = pytest.importorskip("jsonschema")
    document = requests.get(server.url + "/openapi.json", timeout=30).json()
    openapi_spec_validator.validate(document)

    def valid(schema: str, data: object) -> None:
        jsonschema.Draft202012Validator({**document, "$ref": f"#/components/schemas/{schema}"}).validate(data)

    text = "🚀 " + SEED
    valid("CheckRequest", {"text": text, "format": "text", "config": {"dialect": "en-GB"}})
    valid("CheckResponse", post(server, "/api/v1/check", {"text": text}).json())
    valid("FixResponse", post(server, "/api/v1/fix", {"text": text, "unsafe": True}).json())
    valid("Options", requests.get(server.url + "/api/v1/options", timeout=30).json())
    valid("LTCheckResponse", requests.post(server.url + "/v2/check", data={"text": text, "language": "en-GB"},
                                           timeout=30).json())
    valid("Health", requests.get(server.url + "/healthz", timeout=30).json())
    valid("Error", post(server, "/api/v1/check", {}).json())
    with pytest.raises(jsonschema.ValidationError):
        valid("CheckRequest", {"text": text, "config": {"colour": "red"}})


# ---------------------------------------------------------------------------- grammar passthrough
@pytest.fixture(scope="module")
def lt() -> Iterator[FakeLanguageTool]:
    with FakeLanguageTool() as fake:
        yield fake


@pytest.fixture(scope="module")
def grammar_server(lt: FakeLanguageTool, tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerThread]:
    config = tmp_path_factory.mktemp("grammar") / ".copylint.toml"
    config.write_text(f'languagetool = {{ url = "{lt.url}" }}\n', encoding="utf-8")
    with ServerThread(ServerSettings(config=str(config))) as running:
        yield running


GRAMMAR_TEXT = "🚀 He go to the council every week. Officials said their is a plan for next yeae."


def test_grammar_matches_from_languagetool_are_merged(grammar_server: ServerThread) -> None:
    answer = requests.post(grammar_server.url + "/v2/check", data={"text": GRAMMAR_TEXT, "language": "en-GB"},
                           timeout=30).json()
    got = [(utf16_slice(GRAMMAR_TEXT, m["offset"], m["offset"] + m["length"]), m["rule"]["id"],
            m["rule"]["category"]["id"], m["rule"]["issueType"]) for m in answer["matches"]]
    assert got == [("go", "CL401", "CL4", "grammar"), ("their is", "CL404", "CL4", "grammar"),
                   ("yeae", "CL101_SPELLER_RULE", "CL1", "misspelling")]
    assert answer["warnings"]["incompleteResults"] is False
    findings = post(grammar_server, "/api/v1/check", {"text": GRAMMAR_TEXT}).json()["findings"]
    assert [f["code"] for f in findings] == ["CL401", "CL404", "CL101"]


def test_languagetool_ids_choose_among_grammar_matches(grammar_server: ServerThread) -> None:
    def ids(**params: str) -> list[str]:
        answer = requests.post(grammar_server.url + "/v2/check", data={"text": GRAMMAR_TEXT, "language": "en-GB",
                                                                       **params}, timeout=30).json()
        return [m["rule"]["id"] for m in answer["matches"]]

    assert ids(disabledRules="HE_VERB_AGR") == ["CL404", "CL101_SPELLER_RULE"]
    assert ids(disabledCategories="CONFUSED_WORDS") == ["CL401", "CL101_SPELLER_RULE"]
    assert ids(enabledOnly="true", enabledCategories="GRAMMAR") == ["CL401"]
    assert ids(enabledOnly="true", enabledRules="THEIR_IS,CL101") == ["CL404", "CL101_SPELLER_RULE"]
    assert ids(disabledCategories="CL4") == ["CL101_SPELLER_RULE"]


def test_languagetool_down_means_incomplete_results_and_the_rest(tmp_path: Path) -> None:
    with FakeLanguageTool() as fake:
        url = fake.url
    config = tmp_path / ".copylint.toml"  # the fake has stopped: nothing listens at its address now
    config.write_text(f'languagetool = {{ url = "{url}", timeout = 2 }}\n', encoding="utf-8")
    with ServerThread(ServerSettings(config=str(config))) as running:
        answer = requests.post(running.url + "/v2/check", data={"text": GRAMMAR_TEXT, "language": "en-GB"},
                               timeout=30).json()
        assert [m["rule"]["id"] for m in answer["matches"]] == ["CL101_SPELLER_RULE"]
        assert answer["warnings"]["incompleteResults"] is True
        assert "LanguageTool" in answer["warnings"]["incompleteResultsReason"]
        notices = post(running, "/api/v1/check", {"text": GRAMMAR_TEXT}).json()["notices"]
        assert len(notices) == 1 and "grammar rules (CL4) skipped" in notices[0]
