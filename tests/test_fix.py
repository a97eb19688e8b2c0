"""Fixes: choosing and applying edits, fixing until nothing changes, atomic writes, `copylint fix`."""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterable
from pathlib import Path

import pytest
from rule_fixtures import FlagWordRule, registered

import copylint
from copylint import Config, Linter
from copylint.app.cli import main
from copylint.app.files import write_atomic
from copylint.core.document import Document
from copylint.core.edits import apply_edits, apply_fixes, plan_fixes
from copylint.core.errors import InputError
from copylint.core.finding import Diagnostic, Edit, Finding, Fix
from copylint.core.rule import Context, Rule
from copylint.engine.fixing import fix_source


class UnsafeTypoRule(Rule):
    """Flags "teh" with an unsafe fix to "the" (a test rule).

    Stands for fixes that need a human look.
    """

    code = "CL996"
    name = "test-unsafe-typo"
    category = "spelling"

    def check(self, doc: Document, ctx: Context) -> Iterable[Diagnostic]:
        for m in re.finditer(r"\bteh\b", doc.prose):
            yield Diagnostic(m.start(), m.end(), "typo", ("the",), (Edit(m.start(), m.end(), "the"),), "unsafe")


class NoFixRule(Rule):
    """Flags "maybe" without a fix (a test rule).

    Stands for findings only a human can resolve.
    """

    code = "CL997"
    name = "test-no-fix"
    category = "style"

    def check(self, doc: Document, ctx: Context) -> Iterable[Diagnostic]:
        for m in re.finditer(r"\bmaybe\b", doc.prose):
            yield Diagnostic(m.start(), m.end(), "hedge")


TEST_RULES = (FlagWordRule, UnsafeTypoRule, NoFixRule)
SELECT = ("CL991", "CL996", "CL997")


def finding(start: int, end: int, source: str, *edits: Edit, applicability: str = "safe",
            code: str = "CL991") -> Finding:
    return Finding(path="<t>", code=code, rule="r", category="style", severity="warning", line=1, column=1,
                   end_line=1, end_column=1, start=start, end=end, text=source[start:end], message="m",
                   fix=Fix(applicability, edits) if edits else None)  # type: ignore[arg-type]


# ------------------------------------------------------------------ apply_fixes
def test_apply_fixes_is_exported_and_applies_safe_fixes_only() -> None:
    source = "a wrongly teh b"
    with registered(*TEST_RULES):
        found = Linter(Config(select=SELECT)).check(source)
    assert copylint.apply_fixes is apply_fixes
    assert apply_fixes(source, found) == "a rightly teh b"
    assert apply_fixes(source, found, unsafe=True) == "a rightly the b"


def test_overlapping_fixes_keep_the_first_and_report_the_rest() -> None:
    source = "0123456789"
    first = finding(2, 5, source, Edit(2, 5, "X"))
    overlapping = finding(4, 7, source, Edit(4, 7, "Y"))
    later = finding(8, 9, source, Edit(8, 9, "Z"))
    for order in ([first, overlapping, later], [later, overlapping, first]):
        plan = plan_fixes(source, order)
        assert plan.applied == (first, later) and plan.skipped == (overlapping,)
        assert apply_fixes(source, order) == "01X567Z9"


def test_a_fix_with_several_edits_is_taken_or_left_whole() -> None:
    source = "0123456789"
    first = finding(1, 2, source, Edit(1, 2, "A"))
    pair = finding(1, 9, source, Edit(5, 6, "B"), Edit(1, 2, "C"))
    assert apply_fixes(source, [first, pair]) == "0A23456789"


def test_identical_fixes_apply_once_and_touching_edits_do_not_conflict() -> None:
    source = "0123456789"
    a = finding(2, 4, source, Edit(2, 4, ""))
    same = finding(2, 4, source, Edit(2, 4, ""), code="CL992")
    touching = finding(4, 6, source, Edit(4, 6, "-"))
    plan = plan_fixes(source, [a, same, touching])
    assert plan.skipped == () and apply_edits(source, plan.edits) == "01-6789"


def test_two_insertions_at_one_place_conflict() -> None:
    source = "ab"
    one = finding(1, 1, source, Edit(1, 1, "X"))
    two = finding(1, 1, source, Edit(1, 1, "Y"), code="CL992")
    assert apply_fixes(source, [two, one]) == "aXb"


def test_stale_findings_are_not_applied() -> None:
    old = "It was wrongly done."
    f = finding(7, 14, old, Edit(7, 14, "rightly"))
    new = "It is wrongly done."
    plan = plan_fixes(new, [f])
    assert plan.applied == () and plan.skipped == (f,)
    assert apply_fixes(new, [f]) == new


def test_replacement_newlines_follow_crlf_files() -> None:
    source = "one\r\ntwo\r\n"
    f = finding(3, 3, source, Edit(3, 3, "\nline"))
    assert apply_fixes(source, [f]) == "one\r\nline\r\ntwo\r\n"


# ------------------------------------------------------------------ fixing until settled
class ChainRule(Rule):
    """Rewrites "aaa" to "aa" to "a" one step per check (a test rule).

    A fix that makes another fix possible: fixing must go on until nothing changes.
    """

    code = "CL998"
    name = "test-chain"
    category = "style"

    def check(self, doc: Document, ctx: Context) -> Iterable[Diagnostic]:
        for m in re.finditer(r"\ba{2,}\b", doc.prose):
            yield Diagnostic(m.start(), m.end(), "shorten", (), (Edit(m.start(), m.start() + 2, "a"),), "safe")


def test_fix_source_runs_until_nothing_changes_and_twice_changes_nothing() -> None:
    with registered(ChainRule, FlagWordRule):
        linter = Linter(Config(select=("CL998", "CL991")))
        once = fix_source(linter, "aaaa wrongly", format="text", path="<t>")
        assert once.text == "a rightly" and once.remaining == [] and not once.unsettled
        assert fix_source(linter, once.text, format="text", path="<t>").text == once.text


# ------------------------------------------------------------------ atomic writes
def test_write_atomic_keeps_permissions_bom_and_line_endings(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    original = "\ufeffIt was\r\nwrongly done.\r\n"
    path.write_bytes(original.encode("utf-8"))
    os.chmod(path, 0o640)
    write_atomic(str(path), original.replace("wrongly", "rightly"), expected=original)
    assert path.read_bytes() == b"\xef\xbb\xbfIt was\r\nrightly done.\r\n"
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]


def test_write_atomic_refuses_a_file_changed_since_it_was_read(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("edited by someone else\n", encoding="utf-8")
    with pytest.raises(InputError, match="changed on disk"):
        write_atomic(str(path), "fixed\n", expected="as it was checked\n")
    assert path.read_text(encoding="utf-8") == "edited by someone else\n"
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]


def test_write_atomic_writes_through_a_symlink(tmp_path: Path) -> None:
    target = tmp_path / "real.txt"
    target.write_text("old\n", encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    write_atomic(str(link), "new\n", expected="old\n")
    assert link.is_symlink() and target.read_text(encoding="utf-8") == "new\n"


# ------------------------------------------------------------------ the command
def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with registered(*TEST_RULES):
        code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def fix_args(*paths: Path | str) -> list[str]:
    return ["fix", "--isolated", "--select", ",".join(SELECT), "--format", "text", *map(str, paths)]


def test_fix_writes_safe_fixes_and_exits_0_when_nothing_remains(tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "a.md"
    path.write_text("It was *wrongly* done.\n", encoding="utf-8")
    code, _, err = run(fix_args(path), capsys)
    assert code == 0, err
    assert path.read_text(encoding="utf-8") == "It was *rightly* done.\n"
    assert "fixed 1 finding in 1 file, 0 remaining" in err
    assert run(fix_args(path), capsys)[0] == 0
    assert path.read_text(encoding="utf-8") == "It was *rightly* done.\n"


def test_fix_exits_1_when_findings_remain_and_hints_at_unsafe_fixes(tmp_path: Path,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "a.txt"
    path.write_text("maybe teh wrongly\n", encoding="utf-8")
    code, out, err = run(fix_args(path), capsys)
    assert code == 1
    assert path.read_text(encoding="utf-8") == "maybe teh rightly\n"
    assert "CL997" in out and "CL996" in out and "1 more fixable with --unsafe-fixes" in err
    code, _, _ = run([*fix_args(path), "--unsafe-fixes"], capsys)
    assert code == 1 and path.read_text(encoding="utf-8") == "maybe the rightly\n"


def test_fix_diff_prints_and_does_not_write(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "a.html"
    path.write_text("<p>It was wrongly done.</p>\n", encoding="utf-8")
    code, out, _ = run([*fix_args(path), "--diff"], capsys)
    assert code == 1
    assert "-<p>It was wrongly done.</p>\n+<p>It was rightly done.</p>\n" in out
    assert path.read_text(encoding="utf-8") == "<p>It was wrongly done.</p>\n"
    path.write_text("<p>Fine.</p>\n", encoding="utf-8")
    assert run([*fix_args(path), "--diff"], capsys)[:2] == (0, "")


def test_fix_reports_errors_with_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "a.txt"
    good.write_text("wrongly\n", encoding="utf-8")
    code, _, err = run(fix_args(good, tmp_path / "missing.txt"), capsys)
    assert code == 2 and "missing.txt: no such file" in err
    assert good.read_text(encoding="utf-8") == "rightly\n"


def test_fix_reads_standard_input_and_writes_standard_output(monkeypatch: pytest.MonkeyPatch,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"<p>wrongly</p>\n")))
    code, out, _ = run([*fix_args("-"), "--stdin-filename", "story.html"], capsys)
    assert (code, out) == (0, "<p>rightly</p>\n")
