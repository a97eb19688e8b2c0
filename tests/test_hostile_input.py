"""Hostile input: every scan and rule pass stays linear, and per-token work is capped.

Speed is measured by ``benchmarks/size_sweep.py``; these tests use sizes at which the quadratic
behaviour they guard against would be unmistakable (a 200 KB run of hyphens took minutes), with
budgets a loaded machine meets many times over, or count work instead of timing it.
"""

from __future__ import annotations

import random
import re
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markup_fixtures import check_well_formed
from rule_fixtures import FlagWordRule, registered

from copylint import Config, Linter
from copylint.checks.names.rules import _without_overlaps
from copylint.checks.spelling import rules as spelling_rules
from copylint.checks.spelling.article_words import ArticleWords
from copylint.core.document import _TOKEN_RE, KIND_OF
from copylint.core.errors import InputError
from copylint.core.finding import Diagnostic
from copylint.core.suppress import apply_directives, parse_directives
from copylint.readers import read

SEED = (Path(__file__).resolve().parent.parent / "seeds" / "kursk-north-korea.txt").read_text(encoding="utf-8")
ARTICLE = "Putin visited Kursk last yeae. "
#: characters that start no token, or start one that a run of them never completes (the issue's list)
ADVERSARIAL = [" ", "\n", "-", ".", "'", "’", "—", "😀", "\u200d", "\u0301", "<", "@", "#", "+", "a.", "a-",
               "1.", "_", "a@", "x.c", "-a", ".-", "www.", "http://", "é"]
#: a budget no linear scan of these sizes comes near, and no quadratic one meets
BUDGET = 5.0


def _timed(call: object, *args: object, **kwargs: object) -> tuple[object, float]:
    started = time.process_time()
    result = call(*args, **kwargs)  # type: ignore[operator]
    return result, time.process_time() - started


@pytest.fixture(scope="module")
def linter() -> Linter:
    lint = Linter(Config())
    lint.check(SEED)
    return lint


@pytest.mark.parametrize("run", [" ", "\n", "-", ".", "'", "—", "😀", "\u200d", "\u0301", "<"],
                         ids=["spaces", "blank-lines", "hyphens", "dots", "apostrophes", "em-dashes", "emoji",
                              "zero-width-joiners", "combining-marks", "less-than"])
def test_an_article_followed_by_a_long_run_checks_in_linear_time(linter: Linter, run: str) -> None:
    """The issue's reproducer: 80,000 spaces after one sentence took over a minute (each doubling x4)."""
    text = ARTICLE + run * 200_000
    findings, seconds = _timed(linter.check, text)
    assert seconds < BUDGET, f"{seconds:.1f} s"
    assert [f.text for f in findings if f.code == "CL101"] == ["yeae"]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(ADVERSARIAL), min_size=1, max_size=4), st.integers(20_000, 60_000))
def test_runs_of_adversarial_alphabets_are_tokenized_in_linear_time(alphabet: list[str], size: int) -> None:
    """Runs of any mix of these pieces: the scan is the reference grammar's, and takes linear time
    (60 KB of such a run took half a minute when runs were rescanned from each character)."""
    rng = random.Random(size)
    text = ARTICLE + "".join(rng.choice(alphabet) for _ in range(size // 2))
    doc = read(text)
    tokens, seconds = _timed(lambda: doc.tokens)
    assert seconds < 1.0, f"{seconds:.2f} s for {len(text):,} characters"
    expected = [(*m.span(m.lastgroup), KIND_OF.get(m.lastgroup, m.lastgroup)) for m in _TOKEN_RE.finditer(doc.prose)]
    assert [(t.start, t.end, t.kind) for t in tokens] == expected


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(ADVERSARIAL), st.sampled_from(["text", "markdown", "html"]))
def test_every_rule_stays_linear_on_a_run_after_an_article(run: str, fmt: str) -> None:
    """Twice the run takes about twice the time (counted on the longer inputs, where it shows)."""
    lint = Linter(Config())
    lint.check(SEED)
    _, small = _timed(lint.check, SEED + run * 40_000, format=fmt)
    findings, large = _timed(lint.check, SEED + run * 160_000, format=fmt)
    assert large < BUDGET and large < 12 * max(small, 0.02), (small, large)  # quadratic: x16
    check_well_formed(SEED + run * 160_000, findings)


def test_a_long_word_is_not_a_spelling_candidate_and_the_rule_says_so(linter: Linter) -> None:
    """A pasted blob of 16,000 letters: the edit search took 11 GB and ended in MemoryError."""
    blob = "".join(random.Random(1).choice("abcdefghijklmnopqrstuvwxyz") for _ in range(16_000))
    lint = Linter(Config())
    findings, seconds = _timed(lint.check, f"{ARTICLE}\n\n{blob}\n", path="blob.txt")
    assert seconds < BUDGET
    assert [f.text for f in findings if f.code == "CL101"] == ["yeae"]
    assert lint.notices == [f"blob.txt:3: a word of 16,000 letters is longer than any word the spelling rule "
                            f"checks ({spelling_rules.MAX_WORD_LENGTH}); words that long are not checked for "
                            "spelling (CL101)"]


def test_the_spelling_rule_stops_after_so_many_distinct_unknown_words(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(spelling_rules, "MAX_JUDGED_FORMS", 3)
    lint = Linter(Config(select=("CL101",)))
    text = "The yeae was long. Then cmae the nihgt.\nIt was teh end.\n"
    findings = lint.check(text, path="story.txt")
    assert [f.text for f in findings] == ["yeae", "cmae", "nihgt"]
    assert lint.notices == ["story.txt:2: more than 3 distinct unknown words; the spelling rule (CL101) stopped "
                            "here and did not check the rest of this text"]


def test_article_evidence_comes_from_an_index_that_holds_every_near_form() -> None:
    """Near forms by first letter and length: the same forms the old scan of every word found."""
    rng = random.Random(7)
    words = ["".join(rng.choice("abcde") for _ in range(rng.randint(3, 9))) for _ in range(3000)]
    article = ArticleWords(read(" ".join(words)))
    for word in words[:200]:
        expected = [f for f in article.counts if len(f) >= 3 and f.isalpha() and f[0].lower() == word[0]
                    and abs(len(f) - len(word)) <= 2]
        assert sorted(article.near_in_length(word[0], len(word), 2)) == sorted(expected)


def test_many_distinct_capitalised_words_check_in_linear_time() -> None:
    """Capitalised in-article evidence compared every word with every word (200 KB: 41 s)."""
    rng = random.Random(3)

    def name() -> str:
        return "".join(rng.choice("bcdfghklmnprstvz") + rng.choice("aeiou") for _ in range(3)).capitalize()

    text = "".join(f"Officials said {name()} met {name()} on Monday.\n" for _ in range(600))
    lint = Linter(Config(select=("CL1", "CL2")))
    _, seconds = _timed(lint.check, text)
    assert seconds < BUDGET


def test_overlap_removal_takes_time_in_proportion_to_findings() -> None:
    """CL201 kept the longest of overlapping findings by comparing each with every kept one."""
    found = [Diagnostic(i * 10, i * 10 + 8, "x") for i in range(50_000)]
    found += [Diagnostic(i * 10 + 4, i * 10 + 6, "inner") for i in range(50_000)]
    kept, seconds = _timed(_without_overlaps, found)
    assert seconds < BUDGET  # comparing with every kept finding: 2.5 billion comparisons
    assert len(kept) == 50_000 and all(d.message == "x" for d in kept)  # type: ignore[union-attr]


def test_many_suppression_pairs_are_matched_in_linear_time() -> None:
    """600 KB of disable/enable pairs took 20 s: each finding was compared with every directive."""
    text = "".join(f"<!-- copylint: disable CL991 -->\nIt was wrongly {i} done.\n<!-- copylint: enable CL991 -->\n\n"
                   for i in range(8_000))
    with registered(FlagWordRule):
        lint = Linter(Config(select=("CL001", "CL991")))
        findings, seconds = _timed(lint.check, text + "Then wrongly again.\n", format="markdown")
    assert seconds < BUDGET
    assert [(f.code, f.text) for f in findings] == [("CL991", "wrongly")]


def _brute_force(doc: object, findings: list) -> tuple[list, list]:
    """What suppression means, directive by directive (the old quadratic way)."""
    directives = parse_directives(doc)  # type: ignore[arg-type]
    active = [d for d in directives if d.kind != "enable"]
    kept = []
    for f in findings:
        hit = [d for d in active if d.from_offset <= f.start < d.to_offset and d.covers(f.code)]
        for d in hit:
            d.used = True
        if not hit:
            kept.append(f)
    return kept, [(d.start, d.kind) for d in active if not d.used]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(
    st.sampled_from(["disable", "enable", "disable-next-line"]).flatmap(
        lambda kind: st.lists(st.sampled_from(["CL1", "CL101", "CL2", "CL201", "CL9"]), max_size=2).map(
            lambda codes: f"<!-- copylint: {kind} {' '.join(codes)} -->\n")),
    st.sampled_from(["The yeae was long.\n", "Kim Jong-un met Kim Jong Un and Kim Jong Un.\n", "\n"])),
    max_size=14))
def test_suppression_sweep_matches_the_directive_by_directive_reading(pieces: list[str]) -> None:
    text = "".join(pieces)
    lint = Linter(Config(select=("CL101", "CL201")))
    doc = read(text, "x.md")
    raw = lint.check(text.replace("copylint:", "xopylint:"), format="markdown")  # none suppressed
    kept, unused = apply_directives(doc, raw)
    expected_kept, expected_unused = _brute_force(read(text, "x.md"), raw)
    assert kept == expected_kept
    assert [(d.start, d.kind) for d in unused] == expected_unused


def test_the_input_size_limit_is_one_clear_error() -> None:
    lint = Linter(Config(max_input_size=1_000))
    assert lint.check("x" * 1_000) == []
    with pytest.raises(InputError, match=r"story\.txt: 1,001 characters, more than the 1,000 copylint checks"):
        lint.check("x" * 1_001, path="story.txt")
    assert Linter(max_input_size=5_000).max_input_size == 5_000
    with pytest.raises(ValueError):
        Linter(max_input_size=0)


def test_a_line_of_repeated_words_no_longer_takes_exponential_time() -> None:
    """A shipped newsletter phrase offered {word} beside the words it matches, inside a repeated
    group: 22 repeated words took 3 s, 30 would have taken minutes."""
    lint = Linter(Config(select=("CL3",)))
    _, seconds = _timed(lint.check, "Sign up for " + "the " * 20_000 + "x\n")
    assert seconds < BUDGET
    assert [f.text for f in lint.check("Sign up for their daily newsletter\n")] == [
        "Sign up for their daily newsletter"]


def test_every_shipped_phrase_gives_up_a_long_line_of_its_own_examples_in_linear_time() -> None:
    from copylint.checks.boilerplate.phrases import PhraseMatcher
    from copylint.core.packs import builtin_packs

    matcher = PhraseMatcher([p for p in builtin_packs() if p.kind == "boilerplate"])
    started = time.process_time()
    for phrase in matcher.phrases:
        for example in phrase.examples[:1]:
            for tail in (" zzz", "."):
                matcher.match_line((example + " ") * 300 + tail)
    assert time.process_time() - started < 3 * BUDGET


@pytest.mark.parametrize(("text", "match", "problem"), [
    ("((a|aa)+)+ x", "line", "comes before 'aa'"),
    ("((share )+)+ x", "line", "a repetition inside a repetition"),
    ("( {any})+", "line", "a repetition inside a repetition"),
    ("(comment|comments)+", "line", "write 'comments' first"),
    ("(terms( of use)?|terms and conditions)+", "line", "write 'terms and conditions' first"),
    ("( (our|{word}))*", "line", "{word} is a choice beside others"),
    ("{any} a {any} b", "line", "2 {any} with text after them"),
    ("a {any} b", "clause", "in a clause phrase"),
])
def test_the_pack_compiler_refuses_what_could_take_more_than_linear_time(text: str, match: str,
                                                                        problem: str) -> None:
    from copylint.checks.boilerplate.phrases import check_phrase

    with pytest.raises(ValueError, match=re.escape(problem)):
        check_phrase(text, match)


@pytest.mark.parametrize("text", ["( {word})* news", "{any}all rights reserved{any}", "a (b|c)+ d",
                                  "(photo|image): {any}(getty|reuters)( / {any})?", "{name} is a unit of {any}"])
def test_the_pack_compiler_accepts_linear_phrases(text: str) -> None:
    from copylint.checks.boilerplate.phrases import check_phrase

    check_phrase(text, "line")


@pytest.mark.parametrize("piece", ["Ã© ", "Ã©Ã", "The Potterâ€™s book was donât. "])
def test_encoding_damage_is_found_in_linear_time(linter: Linter, piece: str) -> None:
    """CL104 compared each damaged line with its repair by SequenceMatcher, whose time grows with
    the cube of the line: a 4,000-character line of "Ã© " took 70 s."""
    text = (piece * (200_000 // len(piece)))
    findings, seconds = _timed(linter.check, text)
    assert seconds < BUDGET
    assert findings and {f.code for f in findings} <= {"CL104", "CL101", "CL102", "CL302"}
