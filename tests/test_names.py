"""CL201 name-variants: mention extraction, grouping of variants, look-alikes, house styles."""

from __future__ import annotations

import re
import tomllib

import pytest
from conftest import lint
from hypothesis import given
from hypothesis import strategies as st

from copylint import Config
from copylint.checks.names.groups import fold
from copylint.checks.names.mentions import _alternation
from copylint.checks.names.style import mention_scanner
from copylint.core.errors import ConfigError
from copylint.core.packs import data_path
from copylint.core.rule import SHARED_RESOURCES, Context


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


@pytest.mark.parametrize(("text", "plain", "addresses"), [
    ("the reporter Dana Quill (@DanaQuill) wrote.", ["Dana Quill"], ["DanaQuill"]),
    ("tickets at PrimeSeats.com or mail help@PrimeSeats.org now.", [], ["PrimeSeats", "PrimeSeats"]),
    ("see http://Grove.com/Stories or grove.co.uk/News today.", [], ["Grove", "Stories", "News"]),
    ("talks on Pakistan-U.S. ties and U.N. envoys.", [], ["Pakistan-U", "U"]),
    ("the trend #SaveTheOwls grew.", [], ["SaveTheOwls"]),
    ("analysts at Nielsen/NetRatings said so.", ["Nielsen", "NetRatings"], []),
    ("visit Lark Tickets.com or Lark Tickets today.", ["Lark", "Lark Tickets"], ["Tickets"]),
])
def test_words_of_addresses_handles_and_dotted_abbreviations_are_set_apart(
        text: str, plain: list, addresses: list) -> None:
    scanner = mention_scanner(Context(Config(), SHARED_RESOURCES))
    found = scanner.mentions(text)
    assert [" ".join(t.text for t in m.tokens) for m in found if not m.address] == plain
    assert [" ".join(t.text for t in m.tokens) for m in found if m.address] == addresses


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


@pytest.mark.parametrize("text", [
    # a handle, a domain and an e-mail address are not spellings of the name
    "Dana Quill wrote it. Reporter Dana Quill (@DanaQuill) said so.",
    "Lark Tickets sold out. Lark Tickets said refunds go through LarkTickets.com or help@LarkTickets.org.",
    "Pakistan-U.S. talks resumed. Pakistani officials met. Pakistani troops moved. Pakistani envoys left.",
    # a slip almost never changes a name's first letter: two places
    "Marvell fell. Troops left Marvell. Marvell was calm. Tarvell province was quiet.",
    # a particle capitalised where the surname stands alone, or in a quoted title
    "Barend van Graan spoke. Later van Graan left. “We hope so,” Van Graan said.",
    "Gunmen of al-Tarwa struck. Police blamed al-Tarwa. Al-Tarwa denied it. It leads “Al-Tarwa in Yemen”.",
    # a newspaper lede in capitals
    "Marlow Yard widens inquiry\nMARLOW Yard widened its inquiry today. Marlow Yard said so.",
    # one stem, two derivational endings; a name and a compound of it
    "Zorbist rule ended. Zorbist officers fled. Zorbism was a movement.",
    "Buyers like iPads. Schools bought iPads. iPadOS shipped later.",
    # names that differ in their last letter are most often two names
    "Hamas fired. Hamas said so. Hamas warned. Sheikh Hamad visited.",
    "Chelsea won. Chelsea scored. Chelsea cheered. Chelsey Smith cheered too.",
    # curly or straight apostrophes are typography
    "The slogan “We’re On It” spread. The \"We're On It\" campaign ended.",
    # in short forms case carries meaning; contractions are not names
    "The room was 38 dBA. Fans hit 45 dBa, then 41 dBa.",
    "“I'm tired,” she said. Its title was “Hey Im Back”.",
])
def test_non_names_and_typography_are_not_variants(text: str) -> None:
    assert names(text) == []


@pytest.mark.parametrize(("text", "expected"), [
    # capitals mid-text are not a lede
    ("Marlow Yard said so. Officials at MARLOW Yard disagreed. Marlow Yard stood firm.",
     [("MARLOW Yard", "Marlow Yard")]),
    # only a particle is capitalised where the name stands alone
    ("Riders use eRide daily. Many like eRide. Investors in ERide cheered.", [("ERide", "eRide")]),
])
def test_capitals_outside_ledes_and_particles_are_still_variants(text: str, expected: list) -> None:
    assert flagged(text) == expected


def test_name_parts_pack_endings_are_lowercase_words() -> None:
    data = tomllib.loads(data_path("language/name-parts.toml").read_text(encoding="utf-8"))
    endings = data["near-misses"]["endings"]
    assert endings and all(e.isalpha() and e.islower() for e in endings)


def test_suggestion_keeps_the_apostrophes_the_article_uses() -> None:
    text = "O’Hagan spoke. O’Hagan left. Officials said OHagan had gone. O'Hagan returned."
    assert flagged(text) == [("OHagan", "O’Hagan")]


def test_a_name_written_as_its_domain_is_compared_with_its_other_domain_writings() -> None:
    text = "Monitor LarkStat.com said so. LarkStat.com counts visits. Analysts at Larkstat.com agreed."
    assert flagged(text) == [("Larkstat", "LarkStat")]


def test_a_variant_beside_a_compound_name_is_still_found() -> None:
    text = "NetRatings grew. Nielsen/NetRatings said so. Analysts at NetRatings agreed. NeRatings disagreed."
    assert flagged(text) == [("NeRatings", "NetRatings")]


def test_a_last_letter_slip_is_found_when_first_names_tie_it() -> None:
    text = "Dana Quillan wrote it. Quillan said so. Quillan left. Later Dana Quillam returned."
    assert flagged(text) == [("Quillam", "Quillan")]


def test_shared_first_names_tie_look_alike_surnames() -> None:
    text = ("Hans Christian Andersen wrote tales. Andersen was Danish. Andersen died in 1875. "
            "The Hans Christian Anderson School opened.")
    assert flagged(text) == [("Anderson", "Andersen")]


# ------------------------------------------------------------------ house styles
def _style_examples() -> list:
    data = tomllib.loads(data_path("names/house-styles.toml").read_text(encoding="utf-8"))
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
    data = tomllib.loads(data_path("names/house-styles.toml").read_text(encoding="utf-8"))
    assert data["name"] and all(entry.get("examples") for entry in data["name"])


def test_style_is_applied_only_when_selected() -> None:
    assert names("The mayor of Kiev spoke. Kiev was calm.") == []
    assert flagged("The mayor of Kiev spoke.", **{"house-style": "bbc"}) == [("Kiev", "Kyiv")]


def test_unknown_house_style_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="house-style"):
        names("Kiev.", **{"house-style": "nonesuch"})


_SHORT_WORDS = st.text(alphabet="abdel-", min_size=1, max_size=5)


@given(st.frozensets(_SHORT_WORDS, min_size=1, max_size=12), _SHORT_WORDS)
def test_particle_tree_matches_exactly_its_words(words: frozenset[str], other: str) -> None:
    pattern = re.compile(f"(?:{_alternation(words)})")
    assert all(pattern.fullmatch(w) for w in words)
    assert (pattern.fullmatch(other) is not None) == (other in words)

