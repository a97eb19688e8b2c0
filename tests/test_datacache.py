"""The disk cache of derived data: used when its key holds, rebuilt when stale or corrupt, never in
the way when it cannot be written or is switched off; the findings are the same in every case."""

from __future__ import annotations

import marshal
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, SEEDS

from copylint.core import datacache


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv(datacache.DISABLE_ENV, raising=False)
    return tmp_path / "cache" / "copylint"


def counting(value: object) -> tuple[list[int], object]:
    calls: list[int] = []

    def build() -> object:
        calls.append(1)
        return value

    return calls, build


def test_an_entry_is_built_once_then_read(cache_home: Path, tmp_path: Path) -> None:
    source = tmp_path / "words.txt"
    source.write_text("one\n", encoding="utf-8")
    calls, build = counting({"one": (1, 2.5, "x")})
    assert datacache.cached("words", build, [source]) == {"one": (1, 2.5, "x")}
    assert datacache.cached("words", build, [source]) == {"one": (1, 2.5, "x")}
    assert len(calls) == 1
    assert [p.name for p in cache_home.iterdir()] == ["words.marshal"]  # no temporary file left


def test_a_changed_source_or_key_rebuilds_the_entry(cache_home: Path, tmp_path: Path) -> None:
    source = tmp_path / "words.txt"
    source.write_text("one\n", encoding="utf-8")
    datacache.cached("words", lambda: "old", [source])
    source.write_text("two\n", encoding="utf-8")
    assert datacache.cached("words", lambda: "new", [source]) == "new"
    assert datacache.cached("words", lambda: "newer", [source], key="other") == "newer"
    assert datacache.cached("words", lambda: "unused", [source], key="other") == "newer"


@pytest.mark.parametrize("damage", ["empty", "garbage", "truncated", "another shape"])
def test_a_corrupt_entry_is_rebuilt(cache_home: Path, damage: str) -> None:
    datacache.cached("words", lambda: ["a", "b"] * 100)
    entry = cache_home / "words.marshal"
    whole = entry.read_bytes()
    entry.write_bytes({"empty": b"", "garbage": b"\x00garbage", "truncated": whole[:len(whole) // 2],
                       "another shape": marshal.dumps(["a", "b"])}[damage])
    calls, build = counting(["a", "c"])
    assert datacache.cached("words", build) == ["a", "c"]
    assert datacache.cached("words", build) == ["a", "c"]  # written again, whole
    assert len(calls) == 1


def test_an_unwritable_cache_builds_in_memory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))  # the cache folder would be inside a file
    monkeypatch.delenv(datacache.DISABLE_ENV, raising=False)
    calls, build = counting((1, 2))
    assert datacache.cached("words", build) == (1, 2)
    assert datacache.cached("words", build) == (1, 2)
    assert len(calls) == 2


def test_the_cache_can_be_switched_off(cache_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(datacache.DISABLE_ENV, "1")
    calls, build = counting("x")
    assert datacache.cached("words", build) == datacache.cached("words", build) == "x"
    assert len(calls) == 2
    assert not cache_home.exists()


def check_seed(env: dict[str, str]) -> str:
    proc = subprocess.run([sys.executable, "-m", "copylint", "check", "--format", "json", "--exit-zero", "--isolated",
                           str(SEEDS)], capture_output=True, text=True, cwd=ROOT, env=env, check=False)
    assert proc.returncode == 0, proc.stderr
    assert not proc.stderr
    return proc.stdout


def test_findings_are_the_same_with_a_fresh_warm_corrupt_unwritable_or_no_cache(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != datacache.DISABLE_ENV}
    env["XDG_CACHE_HOME"] = str(tmp_path / "cache")
    fresh = check_seed(env)
    entries = sorted((tmp_path / "cache" / "copylint").iterdir())
    assert {p.name for p in entries} >= {"lexicon.marshal", "near-surface.marshal", "misspellings.marshal"}
    assert check_seed(env) == fresh  # read from the cache
    for entry in entries:
        entry.write_bytes(entry.read_bytes()[: entry.stat().st_size // 2])
    assert check_seed(env) == fresh
    (tmp_path / "blocker").write_text("", encoding="utf-8")
    assert check_seed({**env, "XDG_CACHE_HOME": str(tmp_path / "blocker")}) == fresh
    assert check_seed({**env, datacache.DISABLE_ENV: "1"}) == fresh


def test_a_pack_whose_patterns_passed_is_not_checked_again_until_it_changes(
        cache_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from copylint.checks.boilerplate import phrases
    from copylint.core.errors import ConfigError
    from copylint.core.packs import load_pack

    checked: list[str] = []
    check_phrase = phrases.check_phrase
    monkeypatch.setattr(phrases, "check_phrase", lambda text, match: (checked.append(text), check_phrase(text, match)))
    pack = tmp_path / "site.toml"
    pack.write_text('[pack]\nkind = "boilerplate"\n\n[[phrase]]\ntext = "read more"\n', encoding="utf-8")
    assert [p.text for p in phrases.phrases_of(load_pack(str(pack)))] == ["read more"]
    assert [p.text for p in phrases.phrases_of(load_pack(str(pack)))] == ["read more"]
    assert checked == ["read more"]  # the second read took the verdict from the cache
    pack.write_text('[pack]\nkind = "boilerplate"\n\n[[phrase]]\ntext = "((ab)+)+ x"\n', encoding="utf-8")
    for _ in range(2):  # a failing pack is never recorded as checked
        with pytest.raises(ConfigError, match="exponential time"):
            phrases.phrases_of(load_pack(str(pack)))
