"""The shipped data itself (``rules/``): word lists sorted and without duplicates, spelling pairs and
name forms without loops, and every pack entry documented by examples that its own tests run."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from copylint.core.packs import builtin_packs, data_dir

WORD_LISTS = ["boilerplate/stopwords.txt", "boilerplate/ui-words.txt"]


def _lines(name: str) -> list[str]:
    text = (data_dir() / name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line and not line.startswith("#")]


@pytest.mark.parametrize("name", WORD_LISTS)
def test_word_lists_are_sorted_lowercase_and_unique(name: str) -> None:
    words = _lines(name)
    assert words == sorted(words), f"{name} is not sorted"
    assert len(words) == len(set(words)), f"{name} has duplicates"
    assert all(w == w.strip().lower() and " " not in w for w in words), f"{name}: one lowercase word per line"


def test_brands_are_sorted_unique_and_one_form_each() -> None:
    brands = _lines("language/brands.txt")
    assert brands == sorted(brands, key=lambda w: (w.lower(), w))
    assert len({b.lower() for b in brands}) == len(brands), "a brand written two ways"
    assert all(b == b.strip() and " " not in b for b in brands)


def test_dialect_pairs_are_sorted_unique_and_never_loop() -> None:
    pairs = [tuple(line.split("\t")) for line in _lines("language/variants.tsv")]
    assert all(len(p) == 2 and p[0] != p[1] for p in pairs)
    assert pairs == sorted(pairs)
    british = [gb for gb, _ in pairs]
    assert len(british) == len(set(british)), "a British spelling with two American ones"
    # no A -> B -> A: a spelling is British or American, never both
    assert not {gb for gb, _ in pairs} & {us for _, us in pairs}


def _toml(name: str) -> dict:
    return tomllib.loads((data_dir() / name).read_text(encoding="utf-8"))


def test_house_style_forms_belong_to_one_name_each() -> None:
    owner: dict[str, str] = {}
    for entry in _toml("names/house-styles.toml")["name"]:
        forms = entry["forms"]
        assert len(forms) == len(set(forms)) >= 2, forms
        for form in forms:
            # a form in two entries would join two names, or send A -> B in one and B -> A in another
            assert owner.setdefault(form.lower(), forms[0]) == forms[0], f"{form!r} is listed twice"


def test_name_parts_are_unique() -> None:
    data = _toml("language/name-parts.toml")
    for table, key in (("mentions", "particles"), ("mentions", "titles"), ("near-misses", "endings")):
        values = data[table][key]
        assert len(values) == len(set(values)), f"{table}.{key} has duplicates"
    assert all(p == p.lower() for p in data["mentions"]["particles"])


def test_distinct_compounds_are_unique() -> None:
    words = _toml("names/hyphenation.toml")["compounds"]["distinct"]
    assert len(words) == len(set(words))


def test_every_boilerplate_phrase_has_examples_and_appears_once() -> None:
    seen: dict[str, str] = {}
    for pack in builtin_packs():
        if pack.kind != "boilerplate":
            continue
        for phrase in pack.data["phrase"]:
            assert phrase.get("examples"), f"{pack.name}: {phrase['text']!r} has no examples"
            key = phrase["text"].lower()
            assert seen.setdefault(key, pack.name) == pack.name, f"{phrase['text']!r} is in two packs"


def test_every_shipped_file_is_read_or_documented() -> None:
    """Nothing in rules/ is left over: each file is a pack, a data file copylint reads, or a SOURCE/README."""
    root = data_dir()
    packs = {Path(p.path).resolve() for p in builtin_packs()}
    read = {root / n for n in (*WORD_LISTS, "language/variants.tsv", "language/lexicon.txt.gz",
                               "language/usage.txt.gz", "language/rare-usage.txt.gz",
                               "language/extended.txt.gz", "language/brands.txt", "spelling/confusion-bigrams.tsv")}
    for path in root.rglob("*"):
        if path.is_file() and path.name not in ("README.md", "SOURCE.md"):
            assert path.resolve() in packs or path in read, f"{path.relative_to(root)} is not read by copylint"
