"""The README's promises: its first two commands are the ones CI runs, and its API example runs."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def code_blocks(lang: str = "") -> list[str]:
    return re.findall(r"```" + lang + r"\n(.*?)```", README, re.S)


def test_first_lines_are_the_two_newcomer_commands_that_ci_runs() -> None:
    first = README.split("```", 2)[1].strip().splitlines()
    assert first == ["pip install . && copylint check seeds/", "pip install '.[test]' && pytest"]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "pip install .\n" in ci and "copylint check seeds/" in ci
    assert "\npip install '.[test]' && pytest\n" in ci
    assert "set -euo pipefail" in ci


def test_python_example_runs(capsys) -> None:
    (example,) = [b for b in code_blocks("python") if "import copylint" in b]
    exec(compile(example, "README.md", "exec"), {})
    out = capsys.readouterr().out
    assert out.strip()
