"""The CL4xx grammar rules and their LanguageTool backend.

LanguageTool itself cannot be installed here, so most tests talk to ``lt_fake_server``, a small HTTP
server on 127.0.0.1 that stands in for a real LanguageTool server: it speaks LanguageTool's
``/v2/check`` and ``/v2/languages`` format, and copylint reaches it through language-tool-python's
real client code (``remote_server``). ``test_real_languagetool`` runs against a real server when
``COPYLINT_LANGUAGETOOL_URL`` is set.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from lt_fake_server import FakeLanguageTool, utf16_len
from rule_fixtures import FlagWordRule, registered

from copylint import Config, Linter
from copylint.checks.grammar.languagetool import (
    URL_ENV,
    GrammarChecker,
    Settings,
    Utf16Index,
    chunk_spans,
    server_root,
    to_matches,
)
from copylint.checks.grammar.rules import LanguageToolRule, code_for
from copylint.core.errors import ConfigError
from copylint.core.rule import Resources
from copylint.engine.registry import all_rules
from copylint.readers import read

ROOT = Path(__file__).resolve().parent.parent
GRAMMAR_RULES = {code: cls for code, cls in all_rules().items() if issubclass(cls, LanguageToolRule)}


@pytest.fixture(autouse=True)
def _no_server_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(URL_ENV, raising=False)


@pytest.fixture
def lt():
    with FakeLanguageTool() as server:
        yield server


def linter(select: tuple[str, ...] = ("CL4",), dialect: str = "any", **languagetool: object) -> Linter:
    """A Linter with its own resources, so no LanguageTool client or failure leaks between tests."""
    options = (("languagetool", dict(languagetool)),) if languagetool else ()
    return Linter(Config(select=select, dialect=dialect, options=options), resources=Resources())


def flagged(findings: list) -> list[tuple[str, str]]:
    return [(f.code, f.text) for f in findings]


# ---------------------------------------------------------------------------------- findings
def test_findings_after_emoji_point_at_the_right_words(lt: FakeLanguageTool) -> None:
    text = "Fans cheered 🎉🇺🇦 as she bought a apple. He go home 😀.\n\nThe mayor , who spoke last, left."
    with linter(url=lt.url) as grammar:
        findings = grammar.check(text)
        assert grammar.notices == []
    assert flagged(findings) == [("CL409", "a"), ("CL401", "go"), ("CL403", " ,")]
    article = findings[0]
    assert article.start == text.index(" a apple") + 1
    assert (article.line, article.column) == (1, text.index(" a apple") + 2)
    assert article.suggestions == ("an",)
    assert article.fix is not None and article.fix.applicability == "unsafe"
    assert article.data == {"languagetool_rule": "EN_A_VS_AN", "languagetool_category": "MISC",
                            "issue_type": "misspelling"}
    assert "[EN_A_VS_AN]" in article.message
    # the server really counted in UTF-16: its offset for "a" is larger than Python's
    sent = lt.requests[0]["text"]
    assert utf16_len(sent[:article.start]) > article.start


@pytest.mark.parametrize(("source", "format"), [
    ("# Vote 🗳️\n\nCrowds 🎉 *cheered* as [he](https://x.example) go home.\n", "markdown"),
    ("<h1>Vote 🗳️</h1><p>Crowds 🎉 <em>cheered</em> as he go home &amp; slept.</p>", "html"),
])
def test_markup_findings_point_into_the_source(source: str, format: str, lt: FakeLanguageTool) -> None:
    with linter(url=lt.url) as grammar:
        findings = grammar.check(source, format=format)
    assert [(f.code, f.text, f.start) for f in findings] == [("CL401", "go", source.index(" go ") + 1)]


def test_utf16_offsets_inside_and_around_astral_characters() -> None:
    text = "a😀b🎉🎉c"
    index = Utf16Index(text)
    units = [utf16_len(text[:i]) for i in range(len(text) + 1)]
    assert [index.start(u) for u in units] == list(range(len(text) + 1))
    assert [index.end(u) for u in units] == list(range(len(text) + 1))
    # an offset inside a surrogate pair widens to the whole character
    assert index.start(units[1] + 1) == 1 and index.end(units[1] + 1) == 2


def test_a_match_spanning_an_emoji_keeps_its_length() -> None:
    text = "x 🎉🎉 y"
    raw = [{"offset": 2, "length": 4, "message": "m", "replacements": [{"value": ""}],
            "rule": {"id": "R", "category": {"id": "TYPOGRAPHY"}}}]
    (match,) = to_matches(raw, text, base=100)
    assert (match.start, match.end) == (102, 104)
    assert text[match.start - 100:match.end - 100] == "🎉🎉"


def test_each_document_is_sent_once_for_every_code(lt: FakeLanguageTool) -> None:
    text = "He go home. She bought a apple. The mayor , who spoke last, left."
    with linter(url=lt.url) as grammar:
        assert len(grammar.rules) == len(GRAMMAR_RULES) >= 8
        assert len(grammar.check(text)) == 3
        assert len(lt.requests) == 1
        grammar.check("Another text with a error in it.")
        assert len(lt.requests) == 2


def test_long_documents_are_sent_in_chunks_cut_between_paragraphs(lt: FakeLanguageTool) -> None:
    paragraphs = [f"Paragraph {i} 🎉 says she bought a apple." for i in range(6)]
    text = "\n\n".join(paragraphs)
    with linter(url=lt.url, **{"chunk-size": 100}) as grammar:
        findings = grammar.check(text)
    assert len(lt.requests) == 3
    sent = [r["text"] for r in lt.requests]
    assert "\n\n".join(sent) == text
    assert all(len(chunk) <= 100 for chunk in sent)
    assert [f.start for f in findings] == [i for i in range(len(text)) if text.startswith("a apple", i)]


def test_a_paragraph_longer_than_a_chunk_is_cut_between_sentences() -> None:
    text = "One two three. " * 10 + "\n\nShort one."
    doc = read(text, "<text>", "text")
    spans = chunk_spans(doc, 40)
    assert all(e - s <= 40 for s, e in spans)
    assert all(text[s:e].endswith(".") for s, e in spans)
    assert spans[-1] == (text.index("Short"), len(text))


def test_dictionary_spell_checking_is_off_unless_asked_for(lt: FakeLanguageTool) -> None:
    text = "The council will recieve the report."
    with linter(dialect="en-US", url=lt.url) as grammar:
        assert grammar.check(text) == []
    assert lt.requests[-1]["language"] == "en-US"
    assert lt.requests[-1]["disabledRules"] == "MORFOLOGIK_RULE_EN_US"
    with linter(dialect="en-GB", url=lt.url, spelling=True) as grammar:
        assert flagged(grammar.check(text)) == [("CL408", "recieve")]
    assert lt.requests[-1]["language"] == "en-GB"
    assert "disabledRules" not in lt.requests[-1]


def test_user_rule_choices_are_sent(lt: FakeLanguageTool) -> None:
    with linter(url=lt.url, language="en-AU", **{"disabled-rules": ["EN_A_VS_AN"],
                                                  "enabled-rules": ["PAST_HISTORY"]}) as grammar:
        assert grammar.check("She bought a apple.") == []
    form = lt.requests[-1]
    assert (form["language"], form["enabledRules"]) == ("en-AU", "PAST_HISTORY")
    assert set(form["disabledRules"].split(",")) == {"MORFOLOGIK_RULE_EN_AU", "EN_A_VS_AN"}


def test_the_environment_variable_names_the_server(lt: FakeLanguageTool, monkeypatch) -> None:
    monkeypatch.setenv(URL_ENV, lt.url + "/v2/")
    with linter() as grammar:
        assert flagged(grammar.check("He go home.")) == [("CL401", "go")]


def test_only_selected_codes_report(lt: FakeLanguageTool) -> None:
    text = "He go home. She bought a apple."
    with linter(select=("CL401",), url=lt.url) as grammar:
        assert flagged(grammar.check(text)) == [("CL401", "go")]


def test_grammar_rules_are_off_by_default() -> None:
    assert GRAMMAR_RULES
    assert all(not cls.default_enabled for cls in GRAMMAR_RULES.values())
    assert not any(r.code.startswith("CL4") for r in Linter(Config()).rules)


@pytest.mark.parametrize("code", sorted(GRAMMAR_RULES))
def test_rule_examples(code: str, lt: FakeLanguageTool, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(URL_ENV, lt.url)
    for ex in GRAMMAR_RULES[code].examples:
        config = Config(select=(code,), options=tuple(ex.options.items()))
        with Linter(config, resources=Resources()) as grammar:
            findings = grammar.check(ex.text, format=ex.format)
            assert grammar.notices == []
        assert tuple(f.text for f in findings) == ex.flags, ex.text
        for f, suggestion in zip(findings, ex.suggestions, strict=False):
            assert f.suggestions[0] == suggestion


def test_every_category_has_exactly_one_code() -> None:
    claimed = [cat for cls in GRAMMAR_RULES.values() for cat in cls.lt_categories]
    assert len(claimed) == len(set(claimed))
    assert code_for("GRAMMAR") == "CL401"
    assert code_for("SOME_NEW_CATEGORY") == code_for("MISC") == "CL409"


def test_one_client_per_linter_closed_with_it(lt: FakeLanguageTool) -> None:
    resources = Resources()
    config = Config(select=("CL4",), options=(("languagetool", {"url": lt.url}),))
    first, second = Linter(config, resources=resources), Linter(config, resources=resources)
    first.check("He go home.")
    second.check("He go home again.")
    checkers = {id(r._checker) for linter_ in (first, second) for r in linter_.rules}
    assert len(checkers) == 1
    checker: GrammarChecker = first.rules[0]._checker
    assert checker._tool is not None
    first.close()
    assert checker._tool is not None  # the second linter still uses it
    second.close()
    assert checker._tool is None
    assert all(r._checker is None for r in first.rules + second.rules)


def test_threads_share_the_client_safely(lt: FakeLanguageTool) -> None:
    texts = [f"Report {i}{'🎉' * (i % 3)}: he go home and bought a apple." for i in range(40)]
    with linter(url=lt.url) as grammar:
        serial = [grammar.check(t) for t in texts]
    with linter(url=lt.url) as grammar, ThreadPoolExecutor(8) as pool:
        parallel = list(pool.map(grammar.check, texts))
    assert parallel == serial
    assert all(len(fs) == 2 for fs in serial)


# ---------------------------------------------------------------------------------- settings
def test_server_url_forms() -> None:
    assert server_root("http://lt:8010") == "http://lt:8010/"
    assert server_root("http://lt:8010/v2/") == "http://lt:8010/"
    assert server_root("lt:8081") == "http://lt:8081/"
    assert server_root("https://tools.example/languagetool") == "https://tools.example/languagetool/"


def test_settings_follow_dialect_and_reject_unknown_keys() -> None:
    assert Settings.from_config(Config()).language == "en"
    assert Settings.from_config(Config(dialect="en-GB")).language == "en-GB"
    assert Settings.from_config(Config(dialect="en-GB")).disabled() == {"MORFOLOGIK_RULE_EN_GB"}
    with pytest.raises(ConfigError, match=r"languagetool\.adress"):
        Settings.from_config(Config(options=(("languagetool", {"adress": "x"}),)))
    with pytest.raises(ConfigError, match=r"languagetool\.timeout"):
        Settings.from_config(Config(options=(("languagetool", {"timeout": "fast"}),)))


# ---------------------------------------------------------------------------------- unavailable
def _other_rules_and_grammar(**languagetool: object) -> tuple[list, list[str]]:
    with registered(FlagWordRule), linter(select=("CL4", "CL991"), **languagetool) as both:
        findings = both.check("It was wrongly set. He go home.")
        return findings, both.notices


def test_refused_connection_gives_one_notice_and_keeps_other_findings() -> None:
    findings, notices = _other_rules_and_grammar(url="http://127.0.0.1:9")
    assert flagged(findings) == [("CL991", "wrongly")]
    assert len(notices) == 1
    assert "LanguageTool server at http://127.0.0.1:9/ refused the connection" in notices[0]
    assert "COPYLINT_LANGUAGETOOL_URL" in notices[0] and "\n" not in notices[0]


def test_a_server_that_does_not_answer_times_out() -> None:
    with FakeLanguageTool(delay=10) as slow:
        started = time.monotonic()
        findings, notices = _other_rules_and_grammar(url=slow.url, timeout=0.3)
        assert time.monotonic() - started < 5
    assert flagged(findings) == [("CL991", "wrongly")]
    assert len(notices) == 1 and "did not answer within 0.3 s" in notices[0]


def test_after_a_failure_documents_do_not_wait_again() -> None:
    with FakeLanguageTool(delay=10, slow_paths=("/v2/check",)) as slow, \
            linter(url=slow.url, timeout=0.3) as grammar:
        assert grammar.check("He go home.") == []
        assert grammar.check("She go home.") == []
        assert len(slow.requests) == 1
        assert len(grammar.notices) == 1 and "did not answer" in grammar.notices[0]


def test_no_java_and_no_server_gives_a_notice(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    findings, notices = _other_rules_and_grammar()
    assert flagged(findings) == [("CL991", "wrongly")]
    assert len(notices) == 1 and "no `java` on PATH" in notices[0]


def test_no_local_install_gives_a_notice_and_downloads_nothing(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("LTP_PATH", str(tmp_path))
    monkeypatch.setattr("shutil.which", lambda name: f"/usr/bin/{name}")
    findings, notices = _other_rules_and_grammar()
    assert flagged(findings) == [("CL991", "wrongly")]
    assert len(notices) == 1 and f"no local LanguageTool is installed in {tmp_path}" in notices[0]
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(shutil.which("java") is None, reason="needs java to try a local server")
def test_a_broken_local_install_fails_quickly_without_downloading(monkeypatch, tmp_path) -> None:
    install = tmp_path / "LanguageTool-6.6"
    install.mkdir()
    (install / "languagetool-server.jar").write_bytes(b"not a jar")
    monkeypatch.setenv("LTP_PATH", str(tmp_path))
    findings, notices = _other_rules_and_grammar(timeout=2)
    assert flagged(findings) == [("CL991", "wrongly")]
    assert len(notices) == 1
    assert f"local LanguageTool 6.6 in {tmp_path} failed: the local server did not start" in notices[0]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["LanguageTool-6.6"]


def test_an_unsupported_language_is_reported(lt: FakeLanguageTool) -> None:
    with linter(url=lt.url, language="xx-YY") as grammar:
        assert grammar.check("He go home.") == []
        assert len(grammar.notices) == 1 and "unsupported language" in grammar.notices[0]


def _cli(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", "import sys; from copylint.app.cli import main; sys.exit(main())",
                           "check", "--format", "json", *args],
                          capture_output=True, text=True, env=env, cwd=ROOT, timeout=60)


def test_cli_without_languagetool_reports_as_without_grammar() -> None:
    env = {**os.environ, URL_ENV: "http://127.0.0.1:9"}
    plain = _cli("seeds/", env=env)
    grammar = _cli("--grammar", "seeds/", env=env)
    assert (grammar.stdout, grammar.returncode) == (plain.stdout, plain.returncode)
    notices = [line for line in grammar.stderr.splitlines() if "notice" in line]
    assert len(notices) == 1 and "LanguageTool" in notices[0]
    assert _cli("--grammar", "--require-grammar", "seeds/", env=env).returncode == 2


def test_cli_with_a_server_reports_grammar(lt: FakeLanguageTool, tmp_path) -> None:
    article = tmp_path / "story.txt"
    article.write_text("Crowds 🎉 cheered as he go home.\n", encoding="utf-8")
    result = _cli("--grammar", "--isolated", str(article), env={**os.environ, URL_ENV: lt.url})
    assert result.returncode == 1, result.stderr
    (finding,) = json.loads(result.stdout)
    assert (finding["code"], finding["text"], finding["line"], finding["column"]) == ("CL401", "go", 1, 24)


# ---------------------------------------------------------------------------------- real server
@pytest.mark.skipif(not os.environ.get(URL_ENV), reason=f"{URL_ENV} is not set")
def test_real_languagetool() -> None:
    url = os.environ[URL_ENV]
    cases = [("Fans 🎉🎉 cheered as she bought a apple.", "CL409", "a"),
             ("He go to the council meeting every week.", "CL401", "go"),
             ("The mayor , who spoke last, left early.", "CL403", " ,")]
    with linter(url=url) as grammar:
        for text, code, word in cases:
            findings = grammar.check(text)
            assert grammar.notices == []
            assert (code, word) in flagged(findings), (text, findings)
        assert grammar.check("The council met on Monday and approved the budget.") == []


# ---------------------------------------------------------------------------------- hostile servers
def _match(offset: object, length: object, message: str = "Possible typo.") -> dict:
    return {"offset": offset, "length": length, "message": message, "shortMessage": "",
            "replacements": [{"value": "x"}], "rule": {"id": "R", "category": {"id": "MISC"}}}


def test_a_server_that_trickles_its_answer_is_cut_off_at_the_deadline() -> None:
    """One byte every 2 s never hit a per-read timeout."""
    with FakeLanguageTool(drip=0.3, slow_paths=("/v2/check",)) as trickle:
        started = time.monotonic()
        findings, notices = _other_rules_and_grammar(url=trickle.url, timeout=1)
        assert time.monotonic() - started < 6
    assert flagged(findings) == [("CL991", "wrongly")]
    assert len(notices) == 1 and "did not answer within 1 s" in notices[0]


def test_a_huge_message_is_cut_and_a_huge_answer_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    """A 100 MB message was copied into the report."""
    from copylint.checks.grammar import languagetool

    text = "He go home."
    with FakeLanguageTool(answer=lambda t: {"matches": [_match(3, 2, "m" * 200_000)]}) as big:
        with linter(url=big.url) as grammar:
            (finding,) = grammar.check(text)
        assert len(finding.message) < languagetool.MAX_MESSAGE + 20
        monkeypatch.setattr(languagetool, "MAX_RESPONSE_BYTES", 100_000)
        with linter(url=big.url) as grammar:
            assert grammar.check(text) == []
            (notice,) = grammar.notices
    assert "answered with more than 100,000 bytes" in notice


def test_a_flood_of_matches_is_capped_with_one_notice() -> None:
    """100,000 matches took up to 21 s."""
    from copylint.checks.grammar.languagetool import MAX_MATCHES

    text = "word " * 30_000
    flood = {"matches": [_match(i * 5, 4) for i in range(30_000)] * 3}
    with FakeLanguageTool(answer=lambda t: flood) as lt, linter(url=lt.url, **{"chunk-size": 200_000}) as grammar:
        started = time.monotonic()
        findings = grammar.check(text)
        assert time.monotonic() - started < 10
        assert len(findings) == MAX_MATCHES
        (notice,) = grammar.notices
    assert f"{90_000 - MAX_MATCHES:,} beyond the first {MAX_MATCHES:,}" in notice


def test_offsets_outside_the_text_and_malformed_matches_are_dropped_with_one_notice() -> None:
    """Offsets outside the text became findings at column -21 or end 1,000,000,000."""
    text = "He go home."
    raw = [_match(-21, 2), _match(3, 1_000_000_000), _match(1_000_000_000, 1), _match("3", 2), _match(3, None),
           {"offset": 3}, {**_match(3, 2), "rule": "R"}, "not a match", _match(3, 2)]
    with FakeLanguageTool(answer=lambda t: {"matches": raw}) as lt, linter(url=lt.url) as grammar:
        findings = grammar.check(text)
        notices = grammar.notices
    assert [(f.text, f.column) for f in findings] == [("go", 4)]
    assert notices == [f"LanguageTool at {lt.url}/v2/ sent matches that were left out: 3 pointing outside the "
                       "text sent; 5 not well formed"]
    with FakeLanguageTool(answer=lambda t: ["not", "a", "result"]) as odd, linter(url=odd.url) as grammar:
        assert grammar.check(text) == []
        assert "not a LanguageTool check result" in grammar.notices[0]
