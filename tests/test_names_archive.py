"""Names written several ways across an archive (copylint.checks.names.archive)."""

from __future__ import annotations

from copylint import readers
from copylint.checks.names.archive import FormStats, article_name_forms, variant_groups
from copylint.core.config import Config
from copylint.core.rule import SHARED_RESOURCES, Context

CTX = Context(Config(), SHARED_RESOURCES)


def test_an_article_gives_its_mentions_and_their_words_with_their_company() -> None:
    doc = readers.read("President Volodymyr Zelenskyy spoke. Later, Zelenskyy left. The talks ended.")
    forms = article_name_forms(doc, CTX)
    assert forms["Volodymyr Zelenskyy"] == set()
    assert forms["Zelenskyy"] == {"<volodymyr"}
    assert forms["Volodymyr"] == {">zelenskyy"}
    assert "The" not in forms and "President" not in forms and "Later" not in forms


def test_spellings_of_one_name_are_grouped_and_different_names_are_not() -> None:
    forms = {
        "Zelensky": FormStats(40, {"<volodymyr"}), "Zelenskyy": FormStats(25, {"<volodymyr"}),
        "Zelenskiy": FormStats(3, {"<volodymyr"}),
        "Kim Jong-un": FormStats(9), "Kim Jong Un": FormStats(4),
        "Austria": FormStats(10), "Australia": FormStats(12),
        "Anthony": FormStats(10, {">fauci"}), "Antony": FormStats(4, {">blinken"}),
        "Davos": FormStats(5), "DeVos": FormStats(5, {"<betsy"}),
        "Maria": FormStats(5, {">garcia"}), "Mario": FormStats(5, {">draghi"}),
        "Korea": FormStats(5), "Korean": FormStats(5),
        "Kiev": FormStats(6), "Kyiv": FormStats(8),
        "Zelenskyyy": FormStats(1, {"<volodymyr"}),  # in one article only: below min_articles
    }
    assert variant_groups(forms, CTX) == [["Kiev", "Kyiv"], ["Kim Jong Un", "Kim Jong-un"],
                                          ["Zelenskiy", "Zelensky", "Zelenskyy"]]
