"""Third-party rules register through the ``copylint.rules`` entry point group."""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

import pytest

from copylint import Config, Linter
from copylint import rule as rule_module

PLUGIN = textwrap.dedent('''
    import re
    from copylint.finding import Diagnostic
    from copylint.rule import Example, Rule


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
    rule_module._REGISTRY.pop("CL981", None)
    sys.modules.pop("desk_rules", None)


def test_entry_points_are_found_and_loaded(plugin_on_path: Path) -> None:
    assert ("no-exclamations", "desk_rules:NoExclamations") in rule_module.plugin_entry_points()
    rule_module.all_rules()
    problems = list(rule_module._load_entry_points())
    assert len(problems) == 1 and "broken" in problems[0] and "desk_rules_missing" in problems[0]
    assert "CL981" in rule_module.all_rules()
    (finding,) = Linter(Config(select=("CL981",))).check("Wow!")
    assert (finding.code, finding.text, finding.column) == ("CL981", "!", 4)
