"""Every rule's documented examples hold: bad copy is flagged exactly as stated, good copy is not."""

from __future__ import annotations

import pytest

from copylint import Config, Linter
from copylint.engine.registry import all_rules


def _examples() -> list:
    # rules that need an external service run their examples in their own tests, against a stand-in
    return [pytest.param(cls, i, ex, id=f"{code}-{i}")
            for code, cls in all_rules().items() if not cls.requires
            for i, ex in enumerate(cls.examples)]


@pytest.mark.parametrize(("cls", "index", "example"), _examples())
def test_example(cls, index: int, example) -> None:
    config = Config(select=(cls.code,), options=tuple(example.options.items()))
    findings = [f for f in Linter(config).check(example.text, format=example.format) if f.code == cls.code]
    assert [f.text for f in findings] == list(example.flags), [f.message for f in findings]
    for f, want in zip(findings, example.suggestions, strict=False):
        assert f.suggestions and f.suggestions[0] == want, f
