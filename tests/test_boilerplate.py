"""Boilerplate rules (CL301 phrase packs, CL302 line structure)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import SEEDS, lint

from copylint import Config, Linter
from copylint.boilerplate_analysis import matcher
from copylint.boilerplate_phrases import PhraseMatcher, compile_phrase, normalise, phrases_of
from copylint.errors import ConfigError
from copylint.packs import builtin_packs, load_pack
from copylint.rule import SHARED_RESOURCES, Context

PACKS = [p for p in builtin_packs() if p.kind == "boilerplate"]
PHRASES = [ph for pack in PACKS for ph in phrases_of(pack)]
KINDS = ("social", "navigation", "advertising", "newsletter", "consent", "live", "related", "credits",
         "footer", "comments", "app")
BODY = ("Ministers approved the new budget on Monday after a long debate about spending on roads.\n\n"
        "The vote was close, and the finance minister said she was relieved that it had passed.\n")


def _apply(text: str, findings: list) -> str:
    edits = sorted({(e.start, e.end, e.replacement) for f in findings if f.fix for e in f.fix.edits})
    out, last = [], 0
    for s, e, rep in edits:
        if s >= last:
            out.append(text[last:s] + rep)
            last = e
    return "".join(out) + text[last:]


def test_every_kind_of_pack_is_shipped_on_by_default() -> None:
    names = {p.name for p in PACKS if p.default}
    assert {f"boilerplate-{k}" for k in KINDS} <= names
    for pack in PACKS:
        assert phrases_of(pack), pack.name
        assert all(ph.examples for ph in phrases_of(pack)), pack.name


@pytest.mark.parametrize("phrase", PHRASES, ids=lambda ph: f"{ph.pack}:{ph.text[:30]}")
def test_pack_examples_are_flagged_and_counterexamples_are_not(phrase) -> None:
    for example in phrase.examples:
        text = f"Budget approved\n\n{BODY}\n{example}\n"
        found = [f for f in lint(text, select=("CL301",)) if f.line == 7]
        assert found, f"{phrase.pack}: {example!r} not flagged"
        assert found[0].fix is not None and found[0].fix.applicability == "safe"
    for counter in phrase.counterexamples:
        text = f"Budget approved\n\n{BODY}\n{counter}\n"
        assert not lint(text, select=("CL3",)), f"{phrase.pack}: {counter!r} flagged"


def test_seed_boilerplate_rows_and_their_fixes() -> None:
    text = (SEEDS / "kursk-north-korea.txt").read_text(encoding="utf-8")
    found = lint(text, select=("CL3",))
    assert [(f.line, f.text) for f in found] == [
        (1, "we’ll be bringing you the very latest updates, pictures and video on this breaking news story."),
        (29, "Share."), (30, "Exit mobile version")]
    fixed = _apply(text, found)
    assert fixed.split("\n")[0] == ("Vladimir Putin confirmed that the North Korean army is supporting Russian "
                                   "forces for the first time.")
    assert "Share." not in fixed and "Exit mobile version" not in fixed
    assert fixed.rstrip().endswith("Russian-occupied land in Ukraine.")


def test_seed_golden_rows_are_boilerplate_rows() -> None:
    rows = json.loads((SEEDS / "kursk-north-korea.expected.json").read_text(encoding="utf-8"))
    assert [r["line"] for r in rows if r["category"] == "boilerplate"] == [1, 29, 30]


def test_normalised_matching() -> None:
    m = PhraseMatcher(PACKS)
    for line in ("SHARE", "  share  ", "Share!", "• Share", "Exit  Mobile\tVersion", "Sign up to our newsletter."):
        assert m.match_line(line) is not None, line
    curly = m.match_line("Fire crews are at the scene – we’ll be bringing you the latest updates.")
    straight = m.match_line("Fire crews are at the scene - we'll be bringing you the latest updates.")
    assert curly is not None and straight is not None and curly.start == straight.start
    assert normalise("“Ünïcode” – ok’s") == '"ünïcode" - ok\'s'
    assert len(normalise("İstanbul")) == len("İstanbul")


def test_line_deletion_takes_the_newline_and_is_block_wide() -> None:
    text = f"Budget approved\n\n{BODY}\nAdvertisement\n\nMore copy follows here in a full sentence that is long.\n"
    f = lint(text, select=("CL301",))[0]
    assert f.text == "Advertisement"
    assert [(e.start, e.end) for e in f.fix.edits] == [(f.start, f.end + 1)]


def test_read_more_prefix_is_flagged_mid_article() -> None:
    text = f"Budget approved\n\n{BODY}\nRead more: Why the budget matters\n\n{BODY}"
    assert [f.text for f in lint(text, select=("CL3",))] == ["Read more: Why the budget matters"]


def test_clause_at_sentence_start_deletes_the_sentence() -> None:
    text = "Budget approved\n\nMinisters approved the budget. This story will be updated as more news arrives.\n"
    found = lint(text, select=("CL301",))
    assert _apply(text, found) == "Budget approved\n\nMinisters approved the budget.\n"


@pytest.mark.parametrize("furniture", [
    "LONDON (Reuters) - Ministers approved the budget on Monday.",
    "By Jane Smith",
    "By JANE SMITH, Political Correspondent",
    "The finance minister arrives at parliament in London on Monday.",
    "Spending plans",
    "\"We are delighted,\" she said.",
    "He declined to comment.",
    "“Not now.”",
])
def test_article_furniture_and_copy_are_not_flagged(furniture: str) -> None:
    texts = [f"Budget approved\n\n{BODY}\n{furniture}\n\n{BODY}"]
    if furniture != "Spending plans":  # a subheading stands between paragraphs, not above or below them
        texts += [f"Budget approved\n\n{furniture}\n\n{BODY}", f"Budget approved\n\n{BODY}\n{furniture}\n"]
    for text in texts:
        assert not lint(text, select=("CL3",)), text


def test_headline_is_never_judged_by_shape() -> None:
    assert not lint(f"Budget Approved After Long Debate\n\n{BODY}", select=("CL3",))


@pytest.mark.parametrize(("line", "where"), [
    ("Politics | Economy | World", "end"),
    ("19 November 2019, 09:01 AM", "middle"),
    ("Views: 1,024", "middle"),
    ("Top 10 Cheap Flights", "start"),
    ("www.example.com", "end"),
    ("Council approves plan for new bridge...", "middle"),
])
def test_structure_flags_furniture_lines(line: str, where: str) -> None:
    parts = {"start": f"Budget approved\n\n{line}\n\n{BODY}", "end": f"Budget approved\n\n{BODY}\n{line}\n",
             "middle": f"Budget approved\n\n{BODY}\n{line}\n\n{BODY}"}
    found = lint(parts[where], select=("CL302",))
    assert [f.text for f in found] == [line]
    assert found[0].fix.applicability == "unsafe"


def test_a_list_of_items_at_the_end_is_not_furniture() -> None:
    items = "\n\n".join(["Best film - The Aviator (Warner)", "Best actor - Jamie Foxx (Ray)",
                         "Best actress - Hilary Swank (Million Dollar Baby)"])
    assert not lint(f"Awards night\n\n{BODY}\n{items}\n", select=("CL3",))
    bullets = "- Cut the basic rate of tax\n- Raise spending on schools\n"
    assert not lint(f"Budget approved\n\n{BODY}\n{bullets}", select=("CL3",))


def test_matcher_is_compiled_once_per_set_of_packs() -> None:
    ctx = Context(Config(), SHARED_RESOURCES)
    first = matcher(ctx)
    assert matcher(Context(Config(), SHARED_RESOURCES)) is first
    assert len(first.phrases) == len(PHRASES)


def test_config_adds_a_pack(tmp_path: Path) -> None:
    pack = tmp_path / "site-planet.toml"
    pack.write_text('[pack]\nkind = "boilerplate"\ndescription = "Planet furniture"\ndefault = false\n\n'
                    '[[phrase]]\ntext = "Planet (Plus|Premium)"\nexamples = ["Planet Plus"]\n', encoding="utf-8")
    text = f"Budget approved\n\n{BODY}\nPlanet Premium\n"
    assert not lint(text, select=("CL301",))
    assert [f.text for f in lint(text, select=("CL301",), packs=(str(pack),))] == ["Planet Premium"]


@pytest.mark.parametrize(("entry", "key"), [
    ('[[phrase]]\ntext = "share"\nmatch = "anywhere"\n', "match"),
    ('[[phrase]]\ntext = "share {nope}"\n', "text"),
    ('[[phrase]]\ntext = "share (this"\n', "text"),
    ('[[phrase]]\ntext = ""\n', "phrase"),
    ('[[phrase]]\ntext = "share"\nexamples = "Share"\n', "examples"),
])
def test_bad_pack_entries_are_config_errors(tmp_path: Path, entry: str, key: str) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(f'[pack]\nkind = "boilerplate"\n\n{entry}', encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        phrases_of(load_pack(str(path)))
    assert key in str(info.value)


def test_pattern_language() -> None:
    assert compile_phrase("a (b|c)? {n}") == r"a\s+(?:b|c)?\s+\d[\d,.]*"
    assert compile_phrase(r"x \| y") == r"x\s+\|\s+y"
    with pytest.raises(ValueError):
        compile_phrase("a | b")


def test_untouched_news_stays_quiet(shared_corpus: Path) -> None:
    articles = sorted((shared_corpus / "news-dev" / "articles").glob("*.txt"))[:300]
    linter = Linter(Config(select=("CL3",)))
    findings = [f for p in articles for f in linter.check(p.read_text(encoding="utf-8"))]
    assert len(findings) <= 2, [f.text for f in findings]
