"""Whole documents per family, pinned as users see them: the ``--format text`` report and what
``copylint fix`` (safe, then ``--unsafe-fixes``) writes, as a diff.

Each fixture ``tests/snapshots/FAMILY/NAME.EXT`` has a snapshot ``NAME.EXT.snap`` beside it. After a
deliberate change, refresh them with ``pytest tests/test_snapshots.py --update-snapshots`` and review
the diff of the ``.snap`` files like any other change.
"""

from __future__ import annotations

import difflib
import io
from pathlib import Path

import pytest

from copylint import Config, Linter
from copylint.engine.fixing import fix_source
from copylint.report import ReportContext
from copylint.report.text import render

HERE = Path(__file__).resolve().parent / "snapshots"
#: the codes each family's fixtures are checked with (suppression comments need the rules they silence)
SELECT = {"spelling": ("CL1",), "names": ("CL2",), "boilerplate": ("CL3",), "housekeeping": None}
FIXTURES = sorted(p for p in HERE.glob("*/*") if p.suffix in (".txt", ".md", ".html"))


def _diff(before: str, after: str, name: str) -> str:
    if before == after:
        return "(no change)\n"
    lines = difflib.unified_diff(before.splitlines(keepends=True), after.splitlines(keepends=True),
                                 f"a/{name}", f"b/{name}")
    return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines)


def snapshot(fixture: Path) -> str:
    family = fixture.parent.name
    name = f"{family}/{fixture.name}"
    select = SELECT[family]
    linter = Linter(Config(select=select))
    source = fixture.read_text(encoding="utf-8")
    findings = linter.check(source, format=None, path=name)
    report = io.StringIO()
    render(findings, ReportContext({name: source}, 1), report)
    flags = f" --select {','.join(select)}" if select else ""
    out = [f"$ copylint check{flags} --format text {name}\n", report.getvalue()]
    for unsafe in (False, True):
        fixed = fix_source(linter, source, format=None, path=name, unsafe=unsafe, findings=findings).text
        out += [f"\n$ copylint fix{flags}{' --unsafe-fixes' if unsafe else ''} {name}\n", _diff(source, fixed, name)]
    return "".join(out)


@pytest.mark.parametrize("fixture", FIXTURES, ids=[f"{p.parent.name}/{p.name}" for p in FIXTURES])
def test_snapshot(fixture: Path, request: pytest.FixtureRequest) -> None:
    got = snapshot(fixture)
    snap = fixture.with_name(fixture.name + ".snap")
    if request.config.getoption("--update-snapshots"):
        snap.write_text(got, encoding="utf-8")
    assert snap.is_file(), f"no snapshot for {fixture.name}: run pytest --update-snapshots and review it"
    assert got == snap.read_text(encoding="utf-8")


def test_every_family_has_fixtures_in_every_format() -> None:
    for family in SELECT:
        suffixes = {p.suffix for p in FIXTURES if p.parent.name == family}
        assert {".txt", ".md", ".html"} - suffixes <= ({".txt"} if family == "housekeeping" else set()), family
