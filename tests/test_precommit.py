"""The pre-commit hook, run for real with ``pre-commit try-repo`` on a temporary git repository."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _pre_commit() -> list[str]:
    exe = Path(sys.executable).parent / "pre-commit"
    if exe.exists():
        return [str(exe)]
    if shutil.which("pre-commit"):
        return ["pre-commit"]
    pytest.skip("pre-commit is not installed (pip install '.[test]')")


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True,
                   env={**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
                        "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com"})


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory: pytest.TempPathFactory) -> str:
    if not (ROOT / ".git").exists():
        pytest.skip("try-repo needs the project to be a git checkout")
    return str(tmp_path_factory.mktemp("pre-commit-home"))


def _try_repo(repo: Path, home: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*_pre_commit(), "try-repo", str(ROOT), "copylint", "--all-files"], cwd=repo,
                          capture_output=True, text=True, timeout=600,
                          env={**os.environ, "PRE_COMMIT_HOME": home, "NO_COLOR": "1"})


def test_hook_fails_on_the_seed_and_passes_on_clean_copy(tmp_path: Path, pre_commit_home: str) -> None:
    seed_repo = tmp_path / "seed"
    seed_repo.mkdir()
    _git(seed_repo, "init", "-q")
    shutil.copy(ROOT / "seeds" / "kursk-north-korea.txt", seed_repo / "story.txt")
    _git(seed_repo, "add", ".")
    failed = _try_repo(seed_repo, pre_commit_home)
    assert failed.returncode != 0, failed.stdout + failed.stderr
    assert "story.txt:9:" in failed.stdout  # the "yeae" typo, reported by the hook

    clean_repo = tmp_path / "clean"
    clean_repo.mkdir()
    _git(clean_repo, "init", "-q")
    (clean_repo / "story.md").write_text(
        "# Budget day\n\nThe chancellor set out her plans in the Commons on Wednesday.\n\n"
        "Ministers said the changes would take effect next year.\n", encoding="utf-8")
    _git(clean_repo, "add", ".")
    passed = _try_repo(clean_repo, pre_commit_home)
    assert passed.returncode == 0, passed.stdout + passed.stderr
