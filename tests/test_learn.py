"""`copylint learn`: recurring lines of one source become a boilerplate pack (off by default)."""

from __future__ import annotations

from pathlib import Path

from conftest import lint

from copylint.app.cli import main
from copylint.checks.boilerplate.learn import LineCounter, default_min_documents, line_key, pack_text, phrase_pattern
from copylint.checks.boilerplate.phrases import PhraseMatcher, phrases_of
from copylint.core.packs import load_pack

FURNITURE = ["Subscribe to The Daily Planet (print edition)", "News | Sport | Weather", "© Planet Media 2024"]


def _site(folder: Path, n: int = 8) -> None:
    folder.mkdir()
    for i in range(n):
        body = (f"Story {i} about the harbour\n\n{FURNITURE[0]}\n\nThe mayor said on day {i} that the harbour "
                f"wall would be repaired before the winter storms.\n\n{FURNITURE[1]}\n{FURNITURE[2]}\n")
        (folder / f"story-{i}.txt").write_text(body, encoding="utf-8")


def test_counter_counts_documents_not_occurrences() -> None:
    counter = LineCounter()
    counter.add("Share\nShare\nA line\n")
    counter.add("SHARE!\nAnother line\n")
    assert counter.documents == 2
    assert counter.counts[line_key("Share")] == 2
    assert counter.recurring(2) == [("Share", 2)]


def test_min_documents_default() -> None:
    assert default_min_documents(10) == 3
    assert default_min_documents(1000) == 50


def test_learned_patterns_match_their_line_literally(tmp_path: Path) -> None:
    lines = ["Price (inc. VAT) {today} | £5?", "Read more: a+b*c", r"Back\slash \"quoted\""]
    path = tmp_path / "learned.toml"
    path.write_text(pack_text([(line, 3) for line in lines], 10, "test"), encoding="utf-8")
    matcher = PhraseMatcher([load_pack(str(path))])
    for line in lines:
        assert matcher.match_line(line) is not None, line
    assert matcher.match_line("Price inc VAT today") is None
    assert phrase_pattern("a (b) | c? d.") == r"a \(b\) \| c\? d"


def test_learn_writes_a_pack_that_config_enables(tmp_path: Path, capsys) -> None:
    _site(tmp_path / "planet")
    out = tmp_path / "rules" / "site-planet.toml"
    assert main(["learn", str(tmp_path / "planet"), "--out", str(out)]) == 0
    assert "3 lines recur" in capsys.readouterr().err
    pack = load_pack(str(out))
    assert pack.kind == "boilerplate" and pack.default is False
    phrases = phrases_of(pack)
    assert sorted(ex for ph in phrases for ex in ph.examples) == sorted(FURNITURE)
    assert "# in 8 of 8 articles" in pack.text
    article = ("Harbour repairs begin\n\nWork on the harbour wall began on Monday, the mayor said, after "
               "years of delay.\n\nSubscribe to the Daily Planet (Print Edition).\n")
    assert not lint(article, select=("CL301",))
    assert [f.text for f in lint(article, select=("CL301",), packs=(str(out),))] == [
        "Subscribe to the Daily Planet (Print Edition)."]


def test_learn_keeps_only_lines_that_recur(tmp_path: Path) -> None:
    _site(tmp_path / "planet", n=4)
    out = tmp_path / "site.toml"
    assert main(["learn", str(tmp_path / "planet"), "--out", str(out), "--min-docs", "5"]) == 0
    assert phrases_of(load_pack(str(out))) == []


def test_learn_reports_missing_paths(tmp_path: Path) -> None:
    assert main(["learn", str(tmp_path / "nowhere"), "--out", str(tmp_path / "x.toml")]) == 2
