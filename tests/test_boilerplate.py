"""Boilerplate rules (CL301 phrase packs, CL302 line structure)."""

from __future__ import annotations

import json
import random
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import SEEDS, lint

from copylint import Config, Linter
from copylint import apply_fixes as _apply_fixes
from copylint.checks.boilerplate.analysis import matcher
from copylint.checks.boilerplate.blocks import blocks
from copylint.checks.boilerplate.lines import line_features, stop_words, ui_words
from copylint.checks.boilerplate.phrases import (
    _LEAD,
    _SEPARATOR,
    _TRAIL,
    MATCH_KINDS,
    MAX_REPEATS,
    PhraseMatcher,
    compile_phrase,
    normalise,
    phrases_of,
)
from copylint.checks.boilerplate.prefilter import DIGIT, needed, openings, parse
from copylint.core.errors import ConfigError
from copylint.core.packs import builtin_packs, load_pack
from copylint.core.rule import SHARED_RESOURCES, Context

PACKS = [p for p in builtin_packs() if p.kind == "boilerplate"]
PHRASES = [ph for pack in PACKS for ph in phrases_of(pack)]
KINDS = ("social", "navigation", "advertising", "newsletter", "consent", "live", "related", "credits",
         "footer", "comments", "app")
#: long enough for the subject test (a line sharing no word with the article)
LONG_BODY = ("Ministers approved the new budget on Monday after a long debate about spending on roads, schools "
             "and hospitals in the northern regions.\n\n"
             "The vote was close, and the finance minister said she was relieved that the spending plans had "
             "passed before the winter recess.\n\n"
             "Opposition parties said the budget would raise taxes on families and small businesses while doing "
             "little to cut hospital waiting lists.\n")
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
    # applied, the line goes with one of the blank lines around it: the paragraphs stay one apart
    after = "More copy follows here in a full sentence that is long.\n"
    assert _apply_fixes(text, [f]) == f"Budget approved\n\n{BODY}\n{after}"


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
    "LONDON (Reuters) -",
    "WASHINGTON, March 3 (Reuters) -",
    "WASHINGTON, March 3 (Reuters) - The finance minister said the budget vote had been close.",
    "(Reporting by Jane Doe; Editing by John Smith)",
    "Contributing: Kristine Phillips",
    "Jane Smith is a political correspondent for the Daily Planet and the Evening Star",
    "Reuter",
    "Tax and spending plans",
    "The budget raises spending on hospitals by 5.93 bln euros, or 10,000-12,000 euros a bed.",
])
def test_article_furniture_and_copy_are_not_flagged(furniture: str) -> None:
    for body in (BODY, LONG_BODY):
        texts = [f"Budget approved\n\n{body}\n{furniture}\n\n{body}"]
        if "plans" not in furniture:  # a subheading stands between paragraphs, not above or below them
            texts += [f"Budget approved\n\n{furniture}\n\n{body}", f"Budget approved\n\n{body}\n{furniture}\n"]
        for text in texts:
            assert not lint(text, select=("CL3",)), text


def test_a_subheading_after_the_first_paragraph_is_not_the_start_of_the_article() -> None:
    first, *rest = LONG_BODY.split("\n\n")
    text = f"Budget approved\n\n{first}\n\nWaiting lists\n\n" + "\n\n".join(rest)
    assert not lint(text, select=("CL3",))


def test_a_teaser_on_another_subject_is_flagged_wherever_it_stands() -> None:
    teaser = "Local bakery wins national bread award"
    first, *rest = LONG_BODY.split("\n\n")
    for text in (f"Budget approved\n\n{teaser}\n\n{LONG_BODY}", f"Budget approved\n\n{LONG_BODY}\n{teaser}\n",
                 f"Budget approved\n\n{first}\n\n{teaser}\n\n" + "\n\n".join(rest)):
        found = lint(text, select=("CL302",))
        assert [f.text for f in found] == [teaser], text
        assert "sharing no word with the article" in found[0].message


def test_a_sentence_on_another_subject_is_copy_as_far_as_the_rule_can_tell() -> None:
    sentence = "A bakery in the town won a national award for its sourdough bread on Friday."
    first, *rest = LONG_BODY.split("\n\n")
    for text in (f"Budget approved\n\n{sentence}\n\n{LONG_BODY}", f"Budget approved\n\n{LONG_BODY}\n{sentence}\n",
                 f"Budget approved\n\n{first}\n\n{sentence}\n\n" + "\n\n".join(rest)):
        assert not lint(text, select=("CL3",)), text


def test_a_line_on_the_article_subject_is_copy_whatever_its_shape() -> None:
    standfirst = "Ministers back budget spending plans for northern hospitals and schools"
    assert not lint(f"Budget approved\n\n{standfirst}\n\n{LONG_BODY}", select=("CL3",))
    assert lint(f"Budget approved\n\nCheap flights to the sun for you and a friend\n\n{LONG_BODY}", select=("CL3",))


WIRE = """U.S. CRUDE STOCKS ROSE 5.93 MLN BARRELS - INSTITUTE

    NEW YORK, March 3 - U.S. crude oil inventories rose 5.93 mln
barrels in the week to February 27 to 331.2 mln barrels, an
industry institute said in its weekly report on Tuesday.
    Distillate stocks fell 2.1 mln barrels to 140.5 mln, while
gasoline stocks were off 1.4 mln barrels at 250.6 mln, the
institute said.
    Refinery runs averaged 12.4 mln barrels per day, down from
12.6 mln the week before. Analysts had expected a build of
10,000-12,000 barrels in crude stocks.
 Reuter
"""


def test_wire_copy_hard_wrapped_at_a_fixed_width_is_judged_by_paragraph() -> None:
    assert not lint(WIRE, select=("CL3",))
    unwrapped = "\n\n".join(" ".join(p.split()) for p in WIRE.replace("\n    ", "\n\n").split("\n\n"))
    assert not lint(unwrapped + "\n", select=("CL3",))
    with_menu = WIRE + "Markets | Commodities | Energy\n"
    assert [f.text for f in lint(with_menu, select=("CL3",))] == ["Markets | Commodities | Energy"]


def test_blocks_join_wrapped_lines_and_broken_sentences_only() -> None:
    def texts(text: str) -> list[str]:
        return [" ".join(text[s:e].split()) for s, e in blocks(text, _line_spans(text))]

    wrapped = texts(WIRE)
    assert wrapped[1].startswith("NEW YORK, March 3") and wrapped[1].endswith("weekly report on Tuesday.")
    assert wrapped[2].startswith("Distillate") and wrapped[-1] == "Reuter"
    assert len(wrapped) == 5
    assert texts("Home\nNews\nSport\nWeather\n") == ["Home", "News", "Sport", "Weather"]
    assert texts("The minister said the plan would\ncut taxes for families.\nShare\n") == [
        "The minister said the plan would cut taxes for families.", "Share"]
    assert texts("A sentence ends here.\nbut a new line starts in lower case\n") == [
        "A sentence ends here.", "but a new line starts in lower case"]


def test_headline_is_never_judged_by_shape() -> None:
    assert not lint(f"Budget Approved After Long Debate\n\n{BODY}", select=("CL3",))


@pytest.mark.parametrize(("line", "where"), [
    ("Politics | Economy | World", "end"),
    ("Politics | Economy | World", "middle"),
    ("19 November 2019, 09:01 AM", "end"),
    ("Views: 1,024", "middle"),
    ("Top 10 Cheap Flights", "start"),
    ("www.example.com", "end"),
    ("Council approves plan for new bridge...", "middle"),
    ("Cheap holidays for all the family this summer", "end"),
    ("'Positive' talks held in the capital", "start"),
    ("SEARCH THE SITE:", "start"),
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
    assert compile_phrase("a (b|c)? {n}") == r"a\s+(?:b|c)?\s+(?:\d[\d,.]{0,30})"
    assert compile_phrase(r"x \| y") == r"x\s+\|\s++y"  # spaces before a letter are never given back
    # an {any} that ends the phrase takes the rest of the line at once; one with text after it is lazy
    assert compile_phrase("{any} of {any}") == r".*?(?<!\s)\s++of\s+.*+"
    # each repetition of a group keeps the choice that fits, and a group repeats at most MAX_REPEATS times
    assert compile_phrase("( (a|b))+") == rf"(?>\s+(?:a|b)){{1,{MAX_REPEATS}}}"
    with pytest.raises(ValueError):
        compile_phrase("a | b")


def test_untouched_news_stays_quiet(shared_corpus: Path) -> None:
    articles = sorted((shared_corpus / "news-dev" / "articles").glob("*.txt"))[:300]
    linter = Linter(Config(select=("CL3",)))
    findings = [f for p in articles for f in linter.check(p.read_text(encoding="utf-8"))]
    assert len(findings) <= 2, [f.text for f in findings]


def test_two_furniture_lines_together_between_paragraphs_are_both_flagged() -> None:
    first, *rest = LONG_BODY.split("\n\n")
    text = f"Budget approved\n\n{first}\n\nTravel\n\nCheap Flights To Spain\n\n" + "\n\n".join(rest)
    assert [f.text for f in lint(text, select=("CL3",))] == ["Travel", "Cheap Flights To Spain"]
    bullets = "- Cut the basic rate of tax\n- Raise spending on schools\n"
    assert not lint(f"Budget approved\n\n{BODY}\n{bullets}\n{BODY}", select=("CL3",))


def test_wrapped_quotes_dashes_and_an_unwrapped_paragraph_stay_in_their_blocks() -> None:
    text = ("Budget approved\n\n"
            "Ministers approved the new budget on Monday after a long debate about\n"
            "spending on roads, schools and hospitals across the poorer northern regions\n"
            "- a plan the opposition called reckless.\n\n"
            "\"We have kept every promise we made to the voters of the north this year,\"\n"
            "she said.\n\n"
            "The finance minister said the plan would be reviewed in the spring once the\n"
            "first figures on hospital waiting lists and school places were known.\n\n"
            "Opposition parties said the budget would raise taxes on families and small businesses while doing "
            "little to cut hospital waiting lists in the north.\n")
    assert not lint(text, select=("CL3",))
    assert len(blocks(text, _line_spans(text))) == 5  # headline, three wrapped paragraphs, one long line


def _line_spans(text: str) -> list[tuple[int, int]]:
    lines, start = [], 0
    for line in text.split("\n"):
        lines.append((start, start + len(line)))
        start += len(line) + 1
    return lines


def _reference_matcher(phrases: list) -> Callable[[str], tuple | None]:
    """All phrases in one regular expression, tried at the start of the line (the matcher without
    its prefilters)."""
    order = sorted(range(len(phrases)), key=lambda i: MATCH_KINDS.index(phrases[i].match))
    ends = {"line": _TRAIL, "prefix": _SEPARATOR, "start": r"(?![\w'])"}
    alternatives = [f"{_LEAD}(?P<p{i}>{compile_phrase(phrases[i].text)}){ends[phrases[i].match]}"
                    for i in order if phrases[i].match != "clause"]
    clauses = "|".join(f"(?P<p{i}>{compile_phrase(phrases[i].text)})" for i in order if phrases[i].match == "clause")
    alternatives.append(rf"(?:.*?[\s(\"'-])??(?:{clauses})(?![\w'])")
    pattern = re.compile("|".join(alternatives), re.DOTALL)

    def match(line: str) -> tuple | None:
        m = pattern.match(normalise(line))
        return None if m is None else (phrases[int(m.lastgroup[1:])].text, *m.span(m.lastgroup))
    return match


def test_prefilters_never_change_what_a_line_matches() -> None:
    m = PhraseMatcher(PACKS)
    reference = _reference_matcher(m.phrases)
    rng = random.Random(7)
    samples = [s for ph in m.phrases for s in ph.examples + ph.counterexamples]
    copy = [line for line in (BODY + LONG_BODY).split("\n") if line]
    lines = list(samples)
    for _ in range(3000):
        sample, words = rng.choice(samples), rng.choice(copy).split()
        cut = rng.randint(0, len(words))
        lines.append(rng.choice(["", "• ", "(", "- ", "| ", "  ", "[", "«", "# "])
                     + rng.choice([sample, sample.upper(), " ".join([*words[:cut], sample]),
                                   " ".join(words[:cut]) + ", " + sample.lower(), sample + " " + " ".join(words[cut:])])
                     + rng.choice(["", ".", " »", ":", " | ", " - and more", "...", "s", "'s", " 2024"]))
    for line in lines:
        found = m.match_line(line)
        assert (None if found is None else (found.phrase.text, found.start, found.end)) == reference(line), line


@pytest.mark.parametrize("line", [
    "Council approves new budget", "Budget Approved After A Long Debate In The House Of Lords",
    "The U.S.-China talks, said the minister’s aide, were “very good” – for now.", "MARKETS | NEWS | SPORT",
    "Şişli’de İstanbul ÇARŞI and the Ölüdeniz Beach Club of Fethiye", "ǅemal said so", "a..B x-Men O'Neill's",
    "Top 10 Cheap Flights", "Spending plans", "  “Not now.”  ", "Read more...", "by JANE SMITH, Reuters",
])
def test_line_features_match_a_word_by_word_reading(line: str) -> None:
    f = line_features(line)
    words = re.findall(r"[^\W\d_]+(?:['’.-][^\W\d_]+)*", line.strip())
    lows = [w.lower() for w in words]
    stops = stop_words()
    inner = list(zip(words[1:], lows[1:], strict=True))
    inner_stops = [w for w, lw in inner if lw in stops]
    inner_content = [w for w, lw in inner if lw not in stops]
    n_lower = sum(w[0].islower() for w in words)
    assert f.words == len(words)
    assert f.stop_ratio == (sum(lw in stops for lw in lows) / len(words) if words else 0.0)
    assert f.ui_ratio == (sum(lw in ui_words() and lw not in stops for lw in lows) / len(words) if words else 0.0)
    assert f.topic == {lw[:5] for lw in lows if lw not in stops and len(lw) >= 3}
    if len(inner_stops) >= 2:
        assert f.title_case == (2 * sum(w[0].isupper() for w in inner_stops) >= len(inner_stops))
    else:
        assert f.title_case == (len(words) >= 2 and n_lower == 0)
    capital_content = sum(w[0].isupper() for w in inner_content)
    assert f.cap_ratio == (capital_content / len(inner_content) if len(inner_content) >= 2 else 0.0)
    assert f.sentence_case == (len(words) >= 2 and words[0][0].isupper() and n_lower == len(words) - 1)


@pytest.mark.parametrize(("pattern", "starts", "needs"), [
    ("colou?r", {"col"}, (("colo",),)),
    ("(click|tap) here", {"cli", "tap"}, (("here",), ("click", "tap"))),
    ("ad ?blocker", {"ad"}, (("blocker",),)),
    ("{n}:{n} left", {DIGIT}, (("left",),)),
    ("(a|b)*c", {"a", "b", "c"}, (("c",),)),
    ("{any}all rights reserved", None, (("reserved",), ("rights",), ("all",))),
    ("(share|shares) (this)?", {"sha"}, (("share",),)),
    (r"\(c\) 2024", {"(c)"}, (("2024",), ("(c)",))),
])
def test_prefilter_reads_the_pattern_language(pattern: str, starts: set | None, needs: tuple) -> None:
    items = parse(pattern)
    assert openings(items) == (None if starts is None else frozenset(starts))
    assert needed(items) == needs
