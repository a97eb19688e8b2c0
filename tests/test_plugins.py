"""Third-party rules register through the ``copylint.rules`` entry point group."""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

import pytest

from copylint import Config, Linter
from copylint.core import rule as rule_module
from copylint.engine import registry

PLUGIN = textwrap.dedent('''
    import re
    from copylint.core.finding import Diagnostic
    from copylint.core.rule import Example, Rule


    class NoExclamations(Rule):
        """An exclamation mark in news copy (a plug-in rule).

        Newsrooms keep them for quotes.
        """

        code = "CL981"
        name = "plugin-no-exclamations"
        category = "style"
        examples = (Example("Wow!", flags=("!",)),)

        def check(self, doc, ctx):
            for m in re.finditer("!", doc.prose):
                yield Diagnostic(m.start(), m.end(), "exclamation mark")
''')


@pytest.fixture
def plugin_on_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "desk_rules.py").write_text(PLUGIN, encoding="utf-8")
    info = tmp_path / "desk_rules-1.0.dist-info"
    info.mkdir()
    (info / "entry_points.txt").write_text(
        "[console_scripts]\nx = y:z\n\n[copylint.rules]\nno-exclamations = desk_rules:NoExclamations\n"
        "broken = desk_rules_missing:Rule\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    yield tmp_path
    rule_module.REGISTRY.pop("CL981", None)
    sys.modules.pop("desk_rules", None)


def test_entry_points_are_found_and_loaded(plugin_on_path: Path) -> None:
    assert ("no-exclamations", "desk_rules:NoExclamations") in registry.plugin_entry_points()
    registry.all_rules()
    problems = list(registry._load_entry_points())
    assert len(problems) == 1 and "broken" in problems[0] and "desk_rules_missing" in problems[0]
    assert "CL981" in registry.all_rules()
    (finding,) = Linter(Config(select=("CL981",))).check("Wow!")
    assert (finding.code, finding.text, finding.column) == ("CL981", "!", 4)
