"""CL102 doubled words and CL104 encoding damage: what they flag, what they leave alone, their fixes."""

from __future__ import annotations

import tomllib

import pytest
from conftest import lint

from copylint import apply_fixes
from copylint.core.packs import data_dir


def texts(text: str, code: str, format: str = "text") -> list[str]:
    return [f.text for f in lint(text, select=(code,), format=format)]


# ---------------------------------------------------------------- CL102
def test_doubled_word_pack_examples() -> None:
    pack = tomllib.loads((data_dir() / "spelling/doubled-words.toml").read_text(encoding="utf-8"))
    for example in pack["doubles"]["examples"]:
        assert texts(example["text"], "CL102") == example["flags"], example["text"]


@pytest.mark.parametrize(("text", "flagged"), [
    ("He said the the law was clear.", ["the"]),
    ("The the report was late.", ["the"]),
    ("Prices rose, as as expected, by 5%.", ["as"]),
    ("She was also also ill and affecting affecting others.", ["also", "affecting"]),
    ("THE THE END", ["THE"]),
    # a wrapped line of running text: still one sentence
    ("The minister told reporters on Monday that the\nthe budget would pass.", ["the"]),
])
def test_flags_doubled_words(text: str, flagged: list[str]) -> None:
    assert texts(text, "CL102") == flagged


@pytest.mark.parametrize("text", [
    "By then he had had enough.",
    "The point is that that law failed.",
    "What it is is a scandal.",
    "They flew to Bora Bora, then Walla Walla.",
    "Duran Duran played.",
    "World Cup\nCup final tickets sold out.",  # a heading over a paragraph
    "Go home.\n\nHome is where it is.",  # a paragraph break
    "the, the",  # punctuation between
    "I can't speak to what was going on on the other end.",
])
def test_leaves_legitimate_doubles_alone(text: str) -> None:
    assert texts(text, "CL102") == []


def test_doubled_word_fix_is_safe_only_across_plain_spaces() -> None:
    text = "He said the the law was clear."
    [finding] = lint(text, select=("CL102",))
    assert finding.fix.applicability == "safe"
    assert apply_fixes(text, [finding]) == "He said the law was clear."
    wrapped = "The minister told reporters on Monday that the\nthe budget would pass."
    [finding] = lint(wrapped, select=("CL102",))
    assert finding.fix.applicability == "unsafe"
    fixed = apply_fixes(wrapped, [finding], unsafe=True)
    assert fixed == "The minister told reporters on Monday that the budget would pass."
    html = "<p>He said the <b>the</b> law was clear.</p>"
    [finding] = lint(html, select=("CL102",), format="html")
    assert finding.text == "the" and html[finding.start:finding.end] == "the"
    assert finding.fix.applicability == "unsafe"  # markup sits between the two words


# ---------------------------------------------------------------- CL104
@pytest.mark.parametrize(("text", "damaged", "repairs"), [
    ("Harry Potterâ€™s author spoke.", ["â€™"], ["’"]),
    ("Lunch at the cafÃ©.", ["Ã©"], ["é"]),
    ("Â© 2024 Example News", ["Â©"], ["©"]),
    ("Tickets cost Â£5 each.", ["Â£"], ["£"]),
    ("â€œWe wonâ€\x9d, she said.", ["â€œ", "â€\x9d"], ["“", "”"]),
    ("Harry Potterâs author and the dollsâ clothes.", ["â", "â"], ["’", "’"]),
])
def test_flags_mojibake(text: str, damaged: list[str], repairs: list[str]) -> None:
    found = lint(text, select=("CL104",))
    assert [f.text for f in found] == damaged
    assert [f.suggestions[0] for f in found] == repairs
    for f in found:
        assert text[f.start:f.end] == f.text


@pytest.mark.parametrize("text", [
    "The crème brûlée at the café in São Paulo.",
    "Mötley Crüe and Ångström in Zürich, naïve and Curaçao.",
    "SÃO PAULO and ESPAÑA in capitals.",
    "The château and the pâté.",
    "It’s “quoted” – with dashes — and €5 or ™.",
])
def test_leaves_correct_accents_alone(text: str) -> None:
    assert texts(text, "CL104") == []


def test_damaged_word_is_not_also_a_misspelling() -> None:
    text = "The dollsâ clothes and Potterâ€™s book."
    codes = [(f.code, f.text) for f in lint(text, select=("CL1",))]
    assert codes == [("CL104", "â"), ("CL104", "â€™")]


def test_mojibake_fix_restores_the_text() -> None:
    text = "Harry Potterâ€™s cafÃ© charged Â£5."
    found = lint(text, select=("CL104",))
    assert apply_fixes(text, found) == "Harry Potter’s café charged £5."


def test_mojibake_positions_in_html() -> None:
    html = "<p>Caf&eacute; and cafÃ© &amp; Â© 2024</p>"
    found = lint(html, select=("CL104",), format="html")
    assert [html[f.start:f.end] for f in found] == ["Ã©", "Â©"]


# ---------------------------------------------------------------- CL103
def test_confusion_pack_examples() -> None:
    pack = tomllib.loads((data_dir() / "spelling/confusions.toml").read_text(encoding="utf-8"))
    for example in pack["confusions"]["examples"]:
        assert texts(example["text"], "CL103") == example["flags"], example["text"]


@pytest.mark.parametrize(("text", "flagged", "suggestion"), [
    ("The letter came form the minister on Monday.", "form", "from"),
    ("They want to loose weight before the race.", "loose", "lose"),
    ("It will effect the vote in May.", "effect", "affect"),
])
def test_flags_real_word_slips(text: str, flagged: str, suggestion: str) -> None:
    [finding] = lint(text, select=("CL103",))
    assert (finding.text, finding.suggestions[0]) == (flagged, suggestion)
    assert finding.fix.applicability == "unsafe"


@pytest.mark.parametrize("text", [
    "Tickets go on sale from May.",  # a capitalised neighbour is no evidence
    "The band first played there.",  # one neighbour alone is no evidence
    "Fill in the form for the minister.",
])
def test_leaves_real_words_in_their_place(text: str) -> None:
    assert lint(text, select=("CL103",)) == []


def test_confused_word_is_off_by_default() -> None:
    assert [f.code for f in lint("The letter came form the minister on Monday.")] == []
