"""The fast paths give exactly what the plain algorithms they replace give.

The tokenizer scans with a pattern that skips what cannot start a token and takes plain words first;
the near-word search measures only the words its letter masks leave, and finds first-letter slips
from one-edit neighbourhoods, instead of comparing the word with the whole dictionary; the
misspelling map parses an entry only when it is looked up; the rare-usage list is searched in one
string per first two letters instead of held as a dict.
"""

from __future__ import annotations

import gzip
import random
from pathlib import Path

from conftest import SHARED
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import process
from rapidfuzz.distance import OSA

from copylint import Config, Linter
from copylint.checks.spelling.candidates import CandidateIndex
from copylint.checks.spelling.misspellings import Misspellings, _codespell_lines
from copylint.core.document import _TOKEN_RE, KIND_OF, _starts_sentence
from copylint.core.packs import data_path
from copylint.language.lexicon import RARE_USAGE_FILE, LexiconData, load_data, load_rare_usage
from copylint.readers import read

# pieces that sit at the edges of each token kind: URLs, domains, e-mail, handles, numbers,
# apostrophes, hyphens, full stops, colons and non-ASCII letters
TOKEN_PIECES = ["word", "Kim", "é", "ß", "x", "5", "3.5", "’", "'", "-", ".", "@", "#", "+", ":", "/", "//",
                "http", "https://", "www.", ".com", ".co.uk", "&", "_", "(", ")", "\"", "”", ",", "%", "²"]
texts = st.lists(st.one_of(st.sampled_from(TOKEN_PIECES), st.sampled_from([" ", "\n", "\n\n", ". ", ", "]),
                           st.text(max_size=3)), max_size=40).map("".join)


@settings(max_examples=400, deadline=None)
@given(texts)
def test_tokens_are_those_of_the_reference_pattern(text: str) -> None:
    doc = read(text)  # the prose: the text in normal form C
    expected = [(*m.span(m.lastgroup), m[m.lastgroup], KIND_OF.get(m.lastgroup, m.lastgroup))
                for m in _TOKEN_RE.finditer(doc.prose)]
    got = [(t.start, t.end, t.text, t.kind) for t in doc.tokens]
    assert got == expected


@settings(max_examples=400, deadline=None)
@given(texts)
def test_sentence_starts_are_those_of_the_plain_rule(text: str) -> None:
    doc = read(text)
    tokens = doc.tokens
    expected = [i == 0 or _starts_sentence(doc.prose, tokens[i - 1].end, t.start, tokens[i - 1].text)
                for i, t in enumerate(tokens)]
    assert [t.sentence_start for t in tokens] == expected


MISSPELLINGS = SHARED / "corpus" / "misspellings-dev"
WORDS = ["year", "yeast", "bear", "ear", "tear", "dear", "yeae", "clear", "ukrainian", "kursk", "apple",
         "maple", "ample", "xylophone", "stockmarket", "market", "arket", "a", "ab", "ba", "b", "café", "ßx"]
LETTERS = "abcdeklmnprstuyé"


def small_index() -> CandidateIndex:
    common = frozenset(w for w in WORDS if w != "ukrainian")
    proper = frozenset({"Ukrainian", "Kursk"})
    return CandidateIndex(LexiconData(
        zipf={}, common=common, proper=proper, proper_upper=frozenset(w.upper() for w in proper),
        proper_lower=frozenset(w.lower() for w in proper), dialect={}, counterparts={}))


INDEX = small_index()
ALL = sorted({*INDEX.data.common, *INDEX.surface})


def by_first(words: list[str]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for w in words:
        out.setdefault(w[0], []).append(w)
    return out


def brute_force_near(word: str, max_edits: int, everything: dict[str, list[str]],
                     by_start: bool = False) -> list[tuple[str, int]]:
    """What the search means (``everything``: the dictionary by first letter): the words starting
    with the same first or second letter, any letter only if none of those is near (``by_start``:
    never any letter); fewest edits first, then alphabetically."""
    near_start = [w for first in {word[0], word[1:2]} for w in everything.get(first, ())]
    anywhere = [w for words in everything.values() for w in words]
    for pool in (near_start,) if by_start else (near_start, anywhere):
        found = process.extract(word, pool, scorer=OSA.distance, score_cutoff=max_edits, limit=None)
        if found:
            return sorted(((w, int(d)) for w, d, _ in found if w != word), key=lambda item: (item[1], item[0]))
    return []


SMALL = by_first(ALL)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=LETTERS, min_size=1, max_size=11), st.sampled_from([1, 2, 3]))
def test_near_words_are_those_of_a_full_search(word: str, max_edits: int) -> None:
    if max_edits < 3:
        assert INDEX.near(word, max_edits) == brute_force_near(word, max_edits, SMALL)
    assert INDEX.near_by_start(word, max_edits) == brute_force_near(word, max_edits, SMALL, by_start=True)


def misspelt_words() -> list[str]:
    """Real misspellings (the evaluation's lists, when present) and words of the lexicon with one,
    two or three random edits."""
    out = []
    for path in sorted(MISSPELLINGS.glob("*.tsv")) if MISSPELLINGS.is_dir() else ():
        lines = path.read_text(encoding="utf-8").splitlines()[1:]
        out.extend(line.split("\t")[0].lower() for line in lines[::10])
    rnd = random.Random(17)
    words = sorted(lexicon_near_words())
    letters = "abcdefghijklmnopqrstuvwxyzé'"
    for _ in range(300):
        chars = list(rnd.choice(words))
        for _ in range(rnd.randint(1, 3)):
            i = rnd.randrange(len(chars))
            op = rnd.randrange(4)
            if op == 0:
                chars[i] = rnd.choice(letters)
            elif op == 1:
                chars.insert(i, rnd.choice(letters))
            elif op == 2 and len(chars) > 1:
                del chars[i]
            elif i + 1 < len(chars):
                chars[i], chars[i + 1] = chars[i + 1], chars[i]
        out.append("".join(chars))
    return list(dict.fromkeys(out))


def lexicon_near_words() -> list[str]:
    return [*LEXICON_INDEX.data.common, *LEXICON_INDEX.surface]


LEXICON_INDEX = CandidateIndex(load_data())


def test_near_words_in_the_lexicon_are_those_of_a_full_search() -> None:
    everything = by_first(lexicon_near_words())
    sample = misspelt_words()
    assert len(sample) >= (400 if MISSPELLINGS.is_dir() else 300)  # real ones only where ../shared is
    for word in sample:
        edits = 1 if len(word) < 6 else 2
        assert LEXICON_INDEX.near(word, edits) == brute_force_near(word, edits, everything), word
    for word in sample[::10]:
        assert LEXICON_INDEX.near_by_start(word, 3) == brute_force_near(word, 3, everything, by_start=True), word


def test_near_finds_a_slip_in_the_first_letter() -> None:
    assert INDEX.near("gear", 1) == [("ear", 1)]  # a word starting with the second letter comes first
    assert INDEX.near("gaple", 1) == [("maple", 1)]
    assert ("stockmarket", 1) in INDEX.near("ttockmarket", 2)


def test_misspelling_map_parses_entries_when_looked_up(tmp_path: Path) -> None:
    path = tmp_path / "dictionary.txt"
    path.write_text("teh->the\nabotu->about, abbot,\nlegue->league, leg, disabled due to name\n"
                    "Adn->and\nab->an\nit's->its\n", encoding="utf-8")
    listed = Misspellings(_codespell_lines(path), {"legue": "league"})
    assert listed.fixes("teh") == ("the",)
    assert listed.fixes("abotu") == ("about", "abbot")
    assert listed.fixes("legue") == ("league",)  # a curated map wins
    assert listed.fixes("Adn") == listed.fixes("ab") == listed.fixes("it's") == listed.fixes("word") == ()


def test_misspelling_map_reads_a_file_with_odd_lines(tmp_path: Path) -> None:
    path = tmp_path / "dictionary.txt"
    path.write_text("teh->the\n\nnot an entry\nwroet->wrote->written\n", encoding="utf-8")
    listed = Misspellings(_codespell_lines(path), {})
    assert listed.fixes("teh") == ("the",)
    assert listed.fixes("wroet") == ("wrote->written",)


def test_misspelling_map_pairs_each_line_on_its_own(tmp_path: Path) -> None:
    path = tmp_path / "dictionary.txt"
    path.write_text("wroet->wrote->written\nnot an entry\n", encoding="utf-8")  # as many arrows as lines
    listed = Misspellings(_codespell_lines(path), {})
    assert listed.fixes("wroet") == ("wrote->written",)
    assert listed.fixes("written") == ()


def test_rare_usage_lookup_gives_what_the_file_lists() -> None:
    with open(data_path(RARE_USAGE_FILE), "rb") as f:
        lines = gzip.decompress(f.read()).decode("utf-8").splitlines()
    listed = dict(line.split(" ") for line in lines if line[:1] not in ("#", "@"))
    rare = load_rare_usage()
    sample = sorted(listed)[::97]
    assert len(sample) > 1000
    for word in sample:
        assert rare.zipf(word) == float(listed[word]), word
        for other in (word[:-1], word + "x", word[1:]):
            assert rare.zipf(other) == float(listed.get(other, 0.0)), other


def test_warm_up_changes_no_finding() -> None:
    text = "The Ukrainain army said on Mondya it had recaptured the vilage.\n\nShare this article\n"
    expected = Linter(Config()).check(text)
    linter = Linter(Config())
    assert linter.warm_up(freeze_gc=False) > 0
    assert linter.check(text) == expected
    assert expected
