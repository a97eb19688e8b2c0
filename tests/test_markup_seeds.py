"""The seed article as text, Markdown and HTML: the same findings, each at its own source position, and
`copylint fix` applies exactly the safe fixes `check` reports, changing nothing else."""

from __future__ import annotations

import html
import json
import re
import shutil
from collections import Counter
from pathlib import Path

import pytest
from markup_fixtures import check_well_formed

from copylint import Config, Linter
from copylint.app.cli import main
from copylint.core.edits import apply_edits, plan_fixes
from copylint.core.finding import Finding
from copylint.engine.registry import all_rules
from copylint.readers import read

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SEED = "kursk-north-korea"
FORMATS = {"txt": "text", "md": "markdown", "html": "html"}
ROWS = json.loads((SEEDS / f"{SEED}.expected.json").read_text(encoding="utf-8"))


def covered() -> set[str]:
    return {cls.category for cls in all_rules().values() if cls.default_enabled}


def shown(f: Finding, fmt: str) -> str:
    """A finding's source text as a reader shows it: tags dropped, entities decoded."""
    return html.unescape(re.sub(r"<[^>]*>", "", f.text)) if fmt == "html" else f.text


@pytest.fixture(scope="module")
def seeds() -> dict[str, tuple[str, list[Finding]]]:
    linter = Linter(Config())
    out = {}
    for ext, fmt in FORMATS.items():
        source = (SEEDS / f"{SEED}.{ext}").read_text(encoding="utf-8")
        out[ext] = (source, linter.check(source, format=fmt, path=f"{SEED}.{ext}"))
    return out


def _rows() -> list:
    cats = covered()
    return [pytest.param(ext, row, id=f"{ext}:{row['text'][:20]}",
                         marks=[] if row["category"] in cats else [
                             pytest.mark.xfail(reason=f"no {row['category']} rule yet", strict=False)])
            for ext in ("md", "html") for row in ROWS]


def test_seed_files_hold_the_same_prose() -> None:
    words = {ext: re.findall(r"\w+", read((SEEDS / f"{SEED}.{ext}").read_text(encoding="utf-8"),
                                           f"a.{ext}", fmt).prose)
             for ext, fmt in FORMATS.items()}
    assert words["md"] == words["txt"] == words["html"]


@pytest.mark.parametrize(("ext", "row"), _rows())
def test_expected_finding_at_its_source_position(seeds: dict, ext: str, row: dict) -> None:
    source, found = seeds[ext]
    hits = [f for f in found if f.category == row["category"] and row["text"] in shown(f, FORMATS[ext])]
    assert hits, f"not reported in {ext}: {row}"
    f = hits[0]
    assert source[f.start:f.end] == f.text
    line_start = source.rfind("\n", 0, f.start) + 1
    assert (f.line, f.column) == (source.count("\n", 0, f.start) + 1, f.start - line_start + 1)
    if "suggestion" in row:
        assert f.suggestions and f.suggestions[0] == row["suggestion"]


@pytest.mark.parametrize("ext", ["md", "html"])
def test_same_findings_as_the_text_version(seeds: dict, ext: str) -> None:
    source, found = seeds[ext]
    check_well_formed(source, found)
    want = Counter((f.code, f.text, f.suggestions[:1]) for f in seeds["txt"][1])
    got = Counter((f.code, shown(f, FORMATS[ext]), f.suggestions[:1]) for f in found)
    assert got == want


@pytest.mark.parametrize("ext", list(FORMATS))
def test_fix_applies_exactly_the_safe_fixes_check_reports(seeds: dict, ext: str, tmp_path: Path) -> None:
    source, found = seeds[ext]
    path = tmp_path / f"{SEED}.{ext}"
    shutil.copyfile(SEEDS / path.name, path)
    plan = plan_fixes(source, found)
    assert plan.skipped == ()
    expected = apply_edits(source, plan.edits)
    main(["fix", "--isolated", "--format", "text", str(path)])
    fixed = path.read_bytes().decode("utf-8")
    assert fixed == expected  # byte for byte: nothing outside the reported edits changed
    if "boilerplate" in covered():
        doc = read(fixed, path.name, FORMATS[ext])
        assert not re.search(r"(?m)^[ \t]*(Share\.|Exit mobile version)[ \t]*$", doc.prose)
        assert "Share." not in fixed and "Exit mobile version" not in fixed
        # the lines went, breaks and all, and one blank line that stood beside them (in text, the one
        # before them at the end of the file; in Markdown, the one after them)
        assert len(fixed.splitlines()) == len(source.splitlines()) - (2 if ext == "html" else 3)
    main(["fix", "--isolated", "--format", "text", str(path)])
    assert path.read_bytes().decode("utf-8") == fixed  # fixing twice changes nothing more
