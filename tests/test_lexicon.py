"""The shipped lexicon: case rules, dialects, frequencies, British/American counterparts."""

from __future__ import annotations

from pathlib import Path

import pytest

from copylint import Config
from copylint.core.errors import ConfigError
from copylint.core.rule import Context, Resources
from copylint.language.lexicon import Lexicon, lexicon_for, read_word_file, strip_possessive


def ctx_for(**config: object) -> Context:
    return Context(Config(**config), Resources())  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def lex() -> Lexicon:
    return lexicon_for(ctx_for())


@pytest.mark.parametrize("word", ["year", "Year", "YEAR", "Paris", "PARIS", "Ukrainian", "Putin's",
                                  "workers'", "defence", "defense", "colour", "color", "judgement"])
def test_knows(lex: Lexicon, word: str) -> None:
    assert lex.knows(word)


@pytest.mark.parametrize("word", ["yeae", "Ukranian", "paris", "austria", "tHe", "accomodate"])
def test_does_not_know(lex: Lexicon, word: str) -> None:
    assert not lex.knows(word)


def test_common_and_proper(lex: Lexicon) -> None:
    assert lex.is_common("Year") and not lex.is_proper("Year")
    for name in ("Austria", "Australia", "Anderson", "Hollywood"):
        assert lex.is_proper(name) and not lex.is_common(name)
    assert not lex.is_proper("Ukranian") and not lex.is_common("Ukranian")


def test_zipf_is_case_insensitive(lex: Lexicon) -> None:
    assert lex.zipf("the") > 7 and lex.zipf("THE") == lex.zipf("the")
    assert lex.zipf("year") > lex.zipf("yearling") > 0
    assert lex.zipf("yeae") == 0.0


@pytest.mark.parametrize(("gb", "us"), [("defence", "defense"), ("colour", "color"),
                                        ("organise", "organize"), ("centre", "center"),
                                        ("travelled", "traveled"), ("Colour", "Color")])
def test_counterpart(lex: Lexicon, gb: str, us: str) -> None:
    assert lex.counterpart(gb) == us
    assert lex.counterpart(us) == gb


def test_counterpart_none(lex: Lexicon) -> None:
    assert lex.counterpart("year") is None and lex.counterpart("Acre") is None


def test_dialect_of(lex: Lexicon) -> None:
    assert lex.dialect_of("colour") == "en-GB"
    assert lex.dialect_of("organize") == "en-US"
    assert lex.dialect_of("year") is None
    assert lex.dialect_of("Asheville") is None  # a place name, not a spelling


def test_dialect_restricts_knows() -> None:
    gb, us = lexicon_for(ctx_for(dialect="en-GB")), lexicon_for(ctx_for(dialect="en-US"))
    assert gb.knows("colour") and not gb.knows("color")
    assert us.knows("color") and not us.knows("colour")
    assert gb.knows("year") and us.knows("year")


def test_word_files(tmp_path: Path) -> None:
    words = tmp_path / "house.txt"
    words.write_text("# house words\nZelenskyy\nfrontline  # our style\n\n", encoding="utf-8")
    assert read_word_file(str(words)) == ["Zelenskyy", "frontline"]
    lex = lexicon_for(ctx_for(words=("house.txt",), root=str(tmp_path)))
    assert lex.knows("Zelenskyy") and lex.knows("ZELENSKYY") and not lex.knows("zelenskyy")
    assert lex.knows("frontline") and lex.knows("Frontline") and lex.is_common("frontline")


def test_missing_word_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="words"):
        lexicon_for(ctx_for(words=("absent.txt",), root=str(tmp_path)))


def test_loads_once() -> None:
    ctx = ctx_for()
    assert lexicon_for(ctx) is lexicon_for(ctx)


def test_strip_possessive() -> None:
    assert strip_possessive("Putin's") == "Putin"
    assert strip_possessive("Putin’s") == "Putin"
    assert strip_possessive("workers'") == "workers"
    assert strip_possessive("is") == "is"
