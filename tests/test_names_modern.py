"""The names family on modern copy: brand spellings as suggestions, ties, contractions, multi-word
proper names beside common words, and CL204 acronym case."""

from __future__ import annotations

import tomllib

import pytest
from conftest import lint

from copylint.core.packs import data_dir


def names(text: str, **config: object) -> list:
    return lint(text, select=("CL2",), **config)


@pytest.mark.parametrize(("text", "flagged", "suggestion"), [
    ("PayPal grew. Paypal fell. Paypal rose.", ["Paypal", "Paypal"], "PayPal"),
    ("Factset data. Factset said. FactSet shares rose.", ["Factset", "Factset"], "FactSet"),
    ("Youtube and Youtube beat YouTube.", ["Youtube", "Youtube"], "YouTube"),
    ("NBC Universal owns it. NBC Universal said. NBCUniversal grew.", ["NBC Universal", "NBC Universal"],
     "NBCUniversal"),
])
def test_a_brands_own_spelling_is_the_suggestion_even_in_the_minority(text: str, flagged: list[str],
                                                                      suggestion: str) -> None:
    found = names(text)
    assert [f.text for f in found] == flagged
    assert {f.suggestions[0] for f in found} == {suggestion}
    assert "brand's own spelling" in found[0].message


def test_the_dictionary_does_not_outvote_accents_or_transliterations() -> None:
    found = names("José Rodríguez spoke. Rodriguez said. Rodríguez left.")
    assert [(f.text, f.suggestions[0]) for f in found] == [("Rodriguez", "Rodríguez")]
    found = names("Troops left Kyiv on Monday. By Friday Kyiv was calm, and Kiev's mayor spoke.")
    assert [(f.text, f.suggestions[0]) for f in found] == [("Kiev", "Kyiv")]


def test_a_tie_does_not_claim_a_majority() -> None:
    [finding] = names("Kim Jong Un met envoys. Later, Kim Jong-un left.")
    assert finding.text == "Kim Jong-un"
    assert "two ways as often" in finding.message
    assert "in this article, first" not in finding.message


@pytest.mark.parametrize("text", [
    "Well, it was fine. We'll see. Well done. We'll go. Well.",
    "“They’re good leaders,” Reid said. “They’ve won. They’ve lost.”",
    "The Counter Terrorism Division said so. Counterterrorism is hard. Counterterrorism works.",
])
def test_contractions_and_common_words_are_not_name_variants(text: str) -> None:
    assert names(text) == []


# ---------------------------------------------------------------- CL204
def _acronym_examples() -> list[dict]:
    pack = tomllib.loads((data_dir() / "names/house-styles.toml").read_text(encoding="utf-8"))
    return [e for entry in pack["acronym"] for e in entry.get("examples", [])]


@pytest.mark.parametrize("example", _acronym_examples(), ids=lambda e: e["text"][:30])
def test_acronym_pack_examples(example: dict) -> None:
    options = (("house-style", example["style"]),) if "style" in example else ()
    found = lint(example["text"], select=("CL204",), options=options)
    assert [f.text for f in found] == example["flags"]
    assert all(f.suggestions[0] == example["suggestion"] for f in found)


@pytest.mark.parametrize(("text", "flagged", "suggestion"), [
    ("COVID-19 cases rose. Covid-19 deaths fell. COVID-19 tests rose.", ["Covid-19"], "COVID-19"),
    ("Nato allies met. Nato's chief spoke. The NATO summit ended.", ["NATO"], "Nato"),
    ("The UNICEF report and the Unicef staff.", ["Unicef"], "UNICEF"),
])
def test_flags_acronyms_written_two_ways(text: str, flagged: list[str], suggestion: str) -> None:
    found = lint(text, select=("CL204",))
    assert [f.text for f in found] == flagged
    assert [f.suggestions[0] for f in found] == [suggestion] * len(flagged)
    for f in found:
        assert text[f.start:f.end] == f.text


@pytest.mark.parametrize("text", [
    "WHO officials met. Who said it? The US and us.",
    "NATO SUMMIT ENDS IN ROW\n\nNato leaders left.",
    "AIDS charities met. The aids to navigation were lit.",
    "Covid-19 cases rose. Covid-19 deaths fell.",
])
def test_leaves_consistent_acronyms_and_words_alone(text: str) -> None:
    assert lint(text, select=("CL204",)) == []


def test_house_style_decides_a_consistent_article() -> None:
    found = lint("Covid-19 cases rose. Covid-19 deaths fell.", select=("CL204",), options=(("house-style", "ap"),))
    assert [f.suggestions[0] for f in found] == ["COVID-19", "COVID-19"]
    assert "house style (ap)" in found[0].message


def test_a_camel_cased_brand_keeps_its_small_first_letter_at_a_sentence_start() -> None:
    found = names("Shoppers use eBay. Sellers like eBay. Ebay grew.")
    assert [(f.text, f.suggestions[0]) for f in found] == [("Ebay", "eBay")]


def test_a_name_quoted_as_written_is_not_flagged() -> None:
    text = 'HD-ready sets sold. HD-ready TVs rose. Sets carry a "HD-Ready" sticker.'
    assert names(text) == []


def test_first_names_of_different_people_are_not_variants() -> None:
    text = "Jason Kelce spoke. Jason Kelce left. Then Javon Hargrave said so."
    assert names(text) == []


def test_an_account_name_written_bare_is_not_a_variant() -> None:
    text = "Fox News Sunday aired. Fox News Sunday ended. — FoxNewsSunday (@FoxNewsSunday) July 17, 2020"
    assert names(text) == []


def test_the_dictionary_does_not_judge_spacing() -> None:
    text = "Super Bowl Sunday. The Super Bowl ended. The Super Bowl ad. Fans of the Superbowl cheered."
    assert [(f.text, f.suggestions[0]) for f in names(text)] == [("Superbowl", "Super Bowl")]
