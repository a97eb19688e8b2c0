"""CL201 name-variants: mention extraction, grouping of variants, look-alikes, house styles."""

from __future__ import annotations

import tomllib

import pytest
from conftest import lint

from copylint import Config
from copylint.errors import ConfigError
from copylint.names_groups import fold
from copylint.names_style import mention_scanner
from copylint.packs import data_path
from copylint.rule import SHARED_RESOURCES, Context


def names(text: str, **options: object) -> list:
    return lint(text, select=("CL201",), options=tuple(options.items()))


def flagged(text: str, **options: object) -> list[tuple[str, str]]:
    return [(f.text, f.suggestions[0]) for f in names(text, **options)]


def mentions(text: str) -> list[tuple[list[str], str, bool]]:
    scanner = mention_scanner(Context(Config(), SHARED_RESOURCES))
    return [([t.text for t in m.tokens], m.title, m.sentence_start) for m in scanner.mentions(text)]


# ------------------------------------------------------------------ mentions
def test_mentions_keep_particles_and_joiners() -> None:
    found = mentions("Troops of Abu Bakr al-Baghdadi fled, said Charles de Gaulle and Vincent van Gogh.")
    assert (["Abu", "Bakr", "al-Baghdadi"], "", False) in found
    assert (["Charles", "de", "Gaulle"], "", False) in found
    assert (["Vincent", "van", "Gogh"], "", False) in found


def test_mentions_split_titles_and_possessives() -> None:
    found = mentions("He met Mr Ebbers and Prime Minister Tony Blair at O'Neill's and Kim Jong-un’s house.")
    assert (["Ebbers"], "Mr", False) in found
    assert (["Tony", "Blair"], "Prime Minister", False) in found
    assert (["O'Neill"], "", False) in found
    assert (["Kim", "Jong-un"], "", False) in found


def test_mentions_cross_a_line_break_but_not_a_paragraph() -> None:
    assert (["Kim", "Jong", "Un"], "", False) in mentions("Officials said Kim Jong\nUn had left.")
    assert (["Kim", "Jong"], "", False) in mentions("Officials met Kim Jong\n\nUn had left.")


def test_sentence_start_is_marked() -> None:
    found = mentions("Looking ahead, DaimlerChrysler grew. “Booking is easy,” said Mr Smith.")
    assert (["Looking"], "", True) in found
    assert (["DaimlerChrysler"], "", False) in found
    assert (["Booking"], "", True) in found


def test_fold_ignores_case_hyphens_spaces_apostrophes_and_accents() -> None:
    assert fold("Kim Jong-un") == fold("Kim Jong Un") == fold("Kim Jong-Un")
    assert fold("José") == fold("Jose")
    assert fold("O’Neill") == fold("O'Neill") == fold("ONeill")
    assert fold("RipGuard") == fold("Rip Guard")


# ------------------------------------------------------------------ variants found
@pytest.mark.parametrize(("text", "expected"), [
    ("Kim Jong Un met envoys. Later Kim Jong-Un left. Kim Jong Un spoke.", [("Kim Jong-Un", "Kim Jong Un")]),
    ("WorldCom fell. WorldCom's boss left. Worldcom collapsed.", [("Worldcom", "WorldCom")]),
    ("Macrovision said RipGuard works. RipGuard is new. Rip Guard is not.", [("Rip Guard", "RipGuard")]),
    ("José Mourinho spoke. José said so. Later Jose left.", [("Jose", "José")]),
    ("McDonald sold burgers. McDonald grew. Mcdonald lost.", [("Mcdonald", "McDonald")]),
    ("Kim Jong Un met envoys. Kim Jong Un spoke. Then Jong-un's army moved.", [("Jong-un", "Jong Un")]),
    ("DaimlerChrysler rose. DaimlerChrysler grew. Looking forward, DaimerChrysler's profit fell.",
     [("DaimerChrysler", "DaimlerChrysler")]),
    ("Volodymyr Zelensky spoke. Zelensky left. Later Zelenskyy returned.", [("Zelenskyy", "Zelensky")]),
    ("Sativex eases pain. Sativex is a spray. Doctors prescribe Satifex.", [("Satifex", "Sativex")]),
    ("Kim Jong-un met envoys. Kim Jong-un spoke. Kim Jong un left.", [("Kim Jong un", "Kim Jong-un")]),
    ("Officials met Kim Jong Un. They said Kim Jong\nUn left. Kim Jong-un spoke.", [("Kim Jong-un", "Kim Jong Un")]),
])
def test_variant_is_reported_with_majority_suggestion(text: str, expected: list) -> None:
    assert flagged(text) == expected


def test_tie_prefers_the_first_mention() -> None:
    assert flagged("JPMorgan advised Glazer. The FT said JP Morgan may have helped.") == [("JP Morgan", "JPMorgan")]


def test_message_names_the_other_form_its_count_and_line() -> None:
    (f,) = names("Kim Jong-un’s army moved.\n\nKim Jong Un met envoys.\n\nKim Jong Un left.")
    assert f.text == "Kim Jong-un" and f.line == 1
    assert "“Kim Jong Un”" in f.message and "2×" in f.message and "line 3" in f.message
    assert f.fix is not None and f.fix.applicability == "unsafe"
    assert [e.replacement for e in f.fix.edits] == ["Kim Jong Un"]


def test_sentence_start_capital_of_a_particle_is_not_a_variant() -> None:
    assert names("De Gaulle left Paris. Later de Gaulle returned. Then de Gaulle spoke.") == []


def test_sentence_initial_suggestion_keeps_its_capital() -> None:
    assert flagged("Officials blamed al-Qaeda. Experts blamed al-Qaeda. Al-Qaida denied it.") == [
        ("Al-Qaida", "Al-Qaeda")]


# ------------------------------------------------------------------ not variants
@pytest.mark.parametrize("text", [
    "Bollywood films are long. Bollywood stars sing. Bollywood is big. Unlike Hollywood, it dances.",
    "He moved from Austria to Australia. Australia was warm. Australia was far.",
    "Booking tickets is easy. Looking ahead, Looking back, Looking around, we see more.",
    "Pamela Anderson starred. Hans Christian Andersen wrote. Andersen's tales sell. Andersen died.",
    "Korea fired. Korea warned. Korea said a Korean ship sank.",
    "Google grew. Google hired. Google paid. Yahoo replaced Tim Koogle with Terry Semel.",
    "A Spanish-language station. Spanish-language news. The Spanish language is spoken widely.",
    "THE BEATLES are back. The Beatles played. The Beatles sang.",
    "Delta Air Lines cut jobs. Airlines are struggling.",
])
def test_look_alikes_and_grammar_are_not_grouped(text: str) -> None:
    assert names(text) == []


def test_shared_first_names_tie_look_alike_surnames() -> None:
    text = ("Hans Christian Andersen wrote tales. Andersen was Danish. Andersen died in 1875. "
            "The Hans Christian Anderson School opened.")
    assert flagged(text) == [("Anderson", "Andersen")]


# ------------------------------------------------------------------ house styles
def _style_examples() -> list:
    data = tomllib.loads(data_path("names.toml").read_text(encoding="utf-8"))
    return [pytest.param(entry["forms"][0], ex, id=f"{entry['forms'][0]}-{i}")
            for entry in data["name"] for i, ex in enumerate(entry.get("examples", []))]


@pytest.mark.parametrize(("name", "example"), _style_examples())
def test_names_pack_examples(name: str, example: dict) -> None:
    options = {"house-style": example["style"]} if "style" in example else {}
    found = names(example["text"], **options)
    assert [f.text for f in found] == example.get("flags", []), [f.message for f in found]
    if "suggestion" in example:
        assert all(f.suggestions[0] == example["suggestion"] for f in found)


def test_every_names_pack_entry_has_examples() -> None:
    data = tomllib.loads(data_path("names.toml").read_text(encoding="utf-8"))
    assert data["name"] and all(entry.get("examples") for entry in data["name"])


def test_style_is_applied_only_when_selected() -> None:
    assert names("The mayor of Kiev spoke. Kiev was calm.") == []
    assert flagged("The mayor of Kiev spoke.", **{"house-style": "bbc"}) == [("Kiev", "Kyiv")]


def test_unknown_house_style_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="house-style"):
        names("Kiev.", **{"house-style": "nonesuch"})
