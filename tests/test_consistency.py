"""CL202 mixed-dialect-spelling and CL203 mixed-hyphenation."""

from __future__ import annotations

import tomllib

import pytest
from conftest import lint

from copylint.core.packs import data_path


def flagged(text: str, code: str) -> list[tuple[str, str]]:
    return [(f.text, f.suggestions[0]) for f in lint(text, select=(code,))]


def test_minority_dialect_spelling_is_reported() -> None:
    text = "The defence budget rose. Defence chiefs agreed, but the defense lobby did not. More defence."
    assert flagged(text, "CL202") == [("defense", "defence")]


def test_dialect_tie_reports_the_later_spelling() -> None:
    assert flagged("The colour faded. The color returned.", "CL202") == [("color", "colour")]


def test_dialect_message_and_fix() -> None:
    (f,) = lint("The defence budget.\n\nThe defence lobby.\n\nThe defense cuts.", select=("CL202",))
    assert "“defence”" in f.message and "2×" in f.message and "line 1" in f.message
    assert f.fix is not None and f.fix.applicability == "unsafe"


@pytest.mark.parametrize("text", [
    "The US Defense Department and the British defence ministry met.",
    "Her judgement was sound; the judgment of the court was not.",
    "The computer program ran during the television programme.",
    "The defence rested. The defence won.",
])
def test_dialect_quiet(text: str) -> None:
    assert flagged(text, "CL202") == []


def test_mixed_hyphenation_is_reported() -> None:
    text = "Co-operation grew: cooperation pacts and cooperation deals, then co-operation faded."
    assert flagged(text, "CL203") == [("co-operation", "cooperation")]


@pytest.mark.parametrize("text", [
    "Troops held the front line. Front-line units moved to the front line.",  # open form: grammar
    "He will re-sign for the club. The chairman may resign.",
    "The frontline held. The frontline moved.",
])
def test_hyphenation_quiet(text: str) -> None:
    assert flagged(text, "CL203") == []


def _pack_examples() -> list:
    data = tomllib.loads(data_path("names/hyphenation.toml").read_text(encoding="utf-8"))
    return data["compounds"]["examples"]


@pytest.mark.parametrize("example", _pack_examples())
def test_hyphenation_pack_examples(example: dict) -> None:
    assert [t for t, _ in flagged(example["text"], "CL203")] == example["flags"]


def test_distinct_list_holds_hyphenated_words_only() -> None:
    data = tomllib.loads(data_path("names/hyphenation.toml").read_text(encoding="utf-8"))
    assert all("-" in w and w == w.lower() for w in data["compounds"]["distinct"])
