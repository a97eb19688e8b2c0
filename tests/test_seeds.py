"""Golden test: copylint's findings on the seed article(s) match ``seeds/*.expected.json``.

Each expected row must be reported (a finding of the row's category covering the row's text on its
line, with the expected first suggestion or a deletion fix); nothing else may be reported. A row
whose category no registered rule covers yet is expected to fail (xfail), so each rule issue turns
its rows green.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from copylint import Config, Linter
from copylint.engine.registry import all_rules

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
GOLDEN = sorted(SEEDS.glob("*.expected.json"))


def _article(golden: Path) -> Path:
    return golden.with_name(golden.name.replace(".expected.json", ".txt"))


def _cases() -> list:
    out = []
    covered = {cls.category for cls in all_rules().values() if cls.default_enabled}
    for g in GOLDEN:
        for row in json.loads(g.read_text(encoding="utf-8")):
            marks = [] if row["category"] in covered else [
                pytest.mark.xfail(reason=f"no {row['category']} rule yet", strict=True)]
            out.append(pytest.param(g, row, id=f"{g.stem}:{row['line']}:{row['text'][:20]}", marks=marks))
    return out


@pytest.fixture(scope="module")
def findings_by_seed() -> dict:
    linter = Linter(Config())
    out = {}
    for g in GOLDEN:
        path = _article(g)
        out[g] = (path.read_text(encoding="utf-8"), linter.check(path.read_text(encoding="utf-8"),
                                                                 path=str(path)))
    return out


@pytest.mark.parametrize(("golden", "row"), _cases())
def test_expected_finding(findings_by_seed: dict, golden: Path, row: dict) -> None:
    source, findings = findings_by_seed[golden]
    line_start = sum(len(ln) + 1 for ln in source.split("\n")[: row["line"] - 1])
    start = source.index(row["text"], line_start)
    end = start + len(row["text"])
    hits = [f for f in findings if f.category == row["category"] and f.start <= start and f.end >= end]
    assert hits, f"not reported: {row}"
    f = hits[0]
    assert f.line == row["line"]
    if "suggestion" in row:
        assert f.suggestions and f.suggestions[0] == row["suggestion"]
    else:
        assert f.fix is not None and all(e.replacement == "" for e in f.fix.edits)


def test_nothing_else_reported(findings_by_seed: dict) -> None:
    for golden, (source, findings) in findings_by_seed.items():
        rows = json.loads(golden.read_text(encoding="utf-8"))
        expected = []
        for row in rows:
            line_start = sum(len(ln) + 1 for ln in source.split("\n")[: row["line"] - 1])
            s = source.index(row["text"], line_start)
            expected.append((s, s + len(row["text"]), row["category"]))
        extra = [f for f in findings
                 if not any(f.category == c and f.start <= e and f.end >= s for s, e, c in expected)]
        assert not extra, [(f.line, f.code, f.text, f.message) for f in extra]
