"""Shared test helpers."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

# Property tests draw the same examples on every run, so the suite (and CI) gives one answer for one
# commit; HYPOTHESIS_PROFILE=explore draws new ones each run, to look for what they have not found yet.
settings.register_profile("default", derandomize=True)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEEDS = ROOT / "seeds"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-snapshots", action="store_true",
                     help="rewrite the .snap files of tests/snapshots from what copylint does now")


@pytest.fixture(scope="session")
def shared_corpus() -> Path:
    """``../shared/corpus`` (research-licensed data, read in place); tests using it skip without it."""
    corpus = SHARED / "corpus"
    if not corpus.is_dir():
        pytest.skip("../shared/corpus is not present on this machine")
    return corpus


def lint(text: str, *, select: tuple[str, ...] | None = None, format: str = "text", **config: object) -> list:
    """Findings for ``text`` with an in-code config (no config files are read)."""
    from copylint import Config, Linter

    cfg = Config(select=select, **config)  # type: ignore[arg-type]
    return Linter(cfg).check(text, format=format)
