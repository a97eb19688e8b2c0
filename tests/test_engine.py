"""The engine: selection, mapping to source positions, severity, robustness, thread safety."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from concurrent.futures import ThreadPoolExecutor

import pytest
from rule_fixtures import CrashingRule, FlagWordRule, OffByDefaultRule, registered

from copylint import Config, Finding, Linter
from copylint.core.rule import Example, Rule, register
from copylint.engine.registry import all_rules


def test_finding_positions_and_fix() -> None:
    source = "\ufeffIt was\r\nwrongly done.\r\n"
    with registered(FlagWordRule):
        (f,) = Linter(Config(select=("CL991",))).check(source)
    assert f.text == "wrongly" == source[f.start:f.end]
    assert (f.line, f.column, f.end_line, f.end_column) == (2, 1, 2, 8)
    assert f.suggestions == ("rightly",)
    assert f.fix is not None and f.fix.applicability == "safe"
    assert f.to_dict()["fix"] == {"applicability": "safe",
                                  "edits": [{"start": f.start, "end": f.end, "replacement": "rightly"}]}


def test_selection_is_ruff_like() -> None:
    cfg = Config(select=("CL9",), ignore=("CL992",))
    assert cfg.is_selected("CL991", True)
    assert not cfg.is_selected("CL992", True)
    assert not cfg.is_selected("CL101", True)
    assert Config(select=("CL991",), ignore=("CL99",)).is_selected("CL991", True)  # more specific wins
    assert not Config(select=("CL99",), ignore=("CL99",)).is_selected("CL991", True)  # tie: ignore
    assert Config().is_selected("CL101", True)
    assert not Config().is_selected("CL401", False)
    assert Config(extend_select=("CL4",)).is_selected("CL401", False)
    assert Config(select=("ALL",)).is_selected("CL401", False)


def test_per_file_ignores(tmp_path) -> None:
    cfg = Config(per_file_ignores=(("archive/*.txt", ("CL99",)),), root=str(tmp_path))
    assert not cfg.is_selected("CL991", True, str(tmp_path / "archive" / "a.txt"))
    assert cfg.is_selected("CL991", True, str(tmp_path / "news" / "a.txt"))
    with registered(FlagWordRule):
        linter = Linter(cfg)
        assert linter.check("wrongly", path=str(tmp_path / "archive" / "a.txt")) == []
        assert len(linter.check("wrongly", path=str(tmp_path / "b.txt"))) == 1


def test_severity_override() -> None:
    with registered(FlagWordRule):
        (f,) = Linter(Config(select=("CL991",), severity=(("CL991", "error"),))).check("wrongly")
    assert f.severity == "error"


def test_crashing_rule_is_a_notice_and_other_rules_still_report() -> None:
    with registered(FlagWordRule, CrashingRule):
        linter = Linter(Config(select=("CL99",)))
        findings = linter.check("wrongly")
    assert [f.code for f in findings] == ["CL991"]
    assert any("CL992" in n and "boom" in n for n in linter.notices)


def test_off_by_default_rule_runs_only_when_selected() -> None:
    with registered(OffByDefaultRule):
        assert not [f for f in Linter(Config()).check("wrongly") if f.code == "CL993"]
        assert [f.code for f in Linter(Config(extend_select=("CL993",))).check("wrongly")] == ["CL993"]


def test_register_rejects_bad_declarations() -> None:
    class BadCode(Rule):
        """Doc."""

        code = "X1"
        name = "bad-code"
        category = "style"

    class NoDoc(Rule):
        code = "CL998"
        name = "no-doc"
        category = "style"

    class BadCategory(Rule):
        """Doc."""

        code = "CL997"
        name = "bad-category"
        category = "nonsense"  # type: ignore[assignment]

    for cls in (BadCode, NoDoc, BadCategory):
        with pytest.raises(TypeError):
            register(cls)


def test_every_rule_is_documented_and_has_examples() -> None:
    for code, cls in all_rules().items():
        assert cls.summary(), code
        assert cls.examples, f"{code} has no examples"
        assert any(ex.flags for ex in cls.examples) or code == "CL001", f"{code} has no bad example"


def test_linter_is_safe_to_share_between_threads() -> None:
    texts = [f"Para {i} was wrongly set.\n\nAnd wrongly again." for i in range(200)]
    with registered(FlagWordRule):
        linter = Linter(Config(select=("CL991",)))
        serial = [linter.check(t) for t in texts]
        with ThreadPoolExecutor(8) as pool:
            parallel = list(pool.map(linter.check, texts))
    assert parallel == serial
    assert all(len(fs) == 2 for fs in parallel)


def test_examples_are_plain_data() -> None:
    ex = Example("text", flags=("t",))
    assert ex.format == "text" and ex.flags == ("t",)


def test_import_loads_no_rules_or_dictionaries() -> None:
    code = textwrap.dedent("""
        import sys, copylint
        loaded = [m for m in sys.modules if m.startswith(("copylint.rules", "copylint.language.lexicon", "rich",
                                                          "rapidfuzz"))]
        print(loaded)
    """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_two_rules_flagging_one_span_with_one_correction_report_it_once() -> None:
    class SecondFlagWordRule(FlagWordRule):
        """Flags "wrongly" under another code (a test rule)."""

        code = "CL996"
        name = "test-flag-word-again"

    with registered(FlagWordRule, SecondFlagWordRule):
        findings = Linter(Config(select=("CL99",))).check("wrongly")
    assert [f.code for f in findings] == ["CL991"]


def test_finding_round_trips_through_its_json_form() -> None:
    with registered(FlagWordRule):
        (f,) = Linter(Config(select=("CL991",))).check("So wrongly.")
    assert Finding.from_dict(f.to_dict()) == f
