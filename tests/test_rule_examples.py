"""Every rule's documented examples hold: bad copy is flagged exactly as stated, with the stated first
suggestions and the stated text after its fixes; good copy is not flagged. Every rule documents both."""

from __future__ import annotations

import pytest

from copylint import Config, Linter, apply_fixes
from copylint.engine.registry import all_rules


def _examples() -> list:
    # rules that need an external service run their examples in their own tests, against a stand-in
    return [pytest.param(cls, i, ex, id=f"{code}-{i}")
            for code, cls in all_rules().items() if not cls.requires
            for i, ex in enumerate(cls.examples)]


@pytest.mark.parametrize(("cls", "index", "example"), _examples())
def test_example(cls, index: int, example) -> None:
    config = Config(select=(cls.code, *example.also_select), options=tuple(example.options.items()))
    findings = [f for f in Linter(config).check(example.text, format=example.format) if f.code == cls.code]
    assert [f.text for f in findings] == list(example.flags), [f.message for f in findings]
    for f, want in zip(findings, example.suggestions, strict=False):
        assert f.suggestions and f.suggestions[0] == want, f
    if any(f.fix for f in findings):
        assert example.fixed is not None, "a flagged example with fixes states its fixed text (fixed=...)"
    if example.fixed is not None:
        assert apply_fixes(example.text, findings, unsafe=True) == example.fixed


@pytest.mark.parametrize("code", sorted(all_rules()))
def test_every_rule_has_a_flagged_and_a_clean_example(code: str) -> None:
    examples = all_rules()[code].examples
    assert any(e.flags for e in examples), f"{code} has no example of copy it flags"
    assert any(not e.flags for e in examples), f"{code} has no example of copy it leaves alone"
