"""The command line: formats, exit codes, selection, baselines, stdin, bad input.

Most tests call ``copylint.app.cli.main`` in-process with a test rule; ``test_entry_point_*`` run the
installed ``copylint`` script as a user would.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from rule_fixtures import FlagWordRule, registered

from copylint.app.cli import main

REQUIRED = ("path", "code", "rule", "category", "severity", "line", "column", "end_line", "end_column",
            "start", "end", "text", "message", "suggestions", "fix")
ROOT = Path(__file__).resolve().parent.parent


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with registered(FlagWordRule):
        code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    (tmp_path / "a.txt").write_text("It was wrongly done.\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("All fine here.\n", encoding="utf-8")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "c.txt").write_text("wrongly\n", encoding="utf-8")
    (tmp_path / "node_modules").mkdir()
    (tmp_path / "node_modules" / "d.txt").write_text("wrongly\n", encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\x00\x00")
    return tmp_path


def test_json_output_and_exit_codes(articles: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["check", "--isolated", "--select", "CL991", "--format", "json", str(articles)], capsys)
    findings = json.loads(out)
    assert code == 1
    assert [Path(f["path"]).name for f in findings] == ["a.txt"]  # hidden, node_modules, .png skipped
    f = findings[0]
    assert all(k in f for k in REQUIRED)
    assert (f["line"], f["column"], f["text"]) == (1, 8, "wrongly")
    code, out, _ = run(["check", "--isolated", "--select", "CL991", "--format", "json",
                        str(articles / "b.md")], capsys)
    assert (code, json.loads(out)) == (0, [])
    code, _, _ = run(["check", "--isolated", "--select", "CL991", "--exit-zero", str(articles)], capsys)
    assert code == 0


def test_github_format(articles: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["check", "--isolated", "--select", "CL991", "--format", "github", str(articles)], capsys)
    assert code == 1
    assert out.startswith(f"::warning file={articles / 'a.txt'},line=1,col=8,endLine=1,endColumn=15,"
                          "title=CL991 test-flag-word::CL991 test finding")


def test_sarif_format(articles: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(["check", "--isolated", "--select", "CL991", "--format", "sarif", str(articles)], capsys)
    log = json.loads(out)
    assert log["version"] == "2.1.0" and "sarif-2.1.0" in log["$schema"]
    run0 = log["runs"][0]
    assert run0["tool"]["driver"]["name"] == "copylint"
    assert [r["id"] for r in run0["tool"]["driver"]["rules"]] == ["CL991"]
    (result,) = run0["results"]
    assert result["ruleId"] == "CL991" and result["ruleIndex"] == 0 and result["level"] == "warning"
    region = result["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 1, "startColumn": 8, "endLine": 1, "endColumn": 15, "charOffset": 7,
                      "charLength": 7, "snippet": {"text": "wrongly"}}
    replacement = result["fixes"][0]["artifactChanges"][0]["replacements"][0]
    assert replacement == {"deletedRegion": {"charOffset": 7, "charLength": 7},
                           "insertedContent": {"text": "rightly"}}


def test_text_report_has_frame_and_summary(articles: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(["check", "--isolated", "--select", "CL991", "--format", "text", str(articles)], capsys)
    assert f"{articles / 'a.txt'}:1:8: CL991 test finding" in out
    assert "It was wrongly done." in out
    assert "^^^^^^^" in out
    assert "suggestion: 'rightly'" in out
    assert "Findings by rule" in out and "test-flag-word" in out
    assert "\x1b[" not in out  # plain text: no colour codes


def test_statistics(articles: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(["check", "--isolated", "--select", "CL991", "--statistics", str(articles)], capsys)
    assert out.split() == ["1", "CL991", "[*]", "test-flag-word"]


def test_stdin_with_filename(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import io

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"so wrongly\n"), encoding="utf-8"))
    code, out, _ = run(["check", "--isolated", "--select", "CL991", "--format", "json",
                        "--stdin-filename", "desk/story.txt", "-"], capsys)
    assert code == 1 and json.loads(out)[0]["path"] == "desk/story.txt"


def test_baseline_hides_recorded_findings_only(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "a.txt"
    article.write_text("wrongly once.\n", encoding="utf-8")
    baseline = tmp_path / "baseline.json"
    base = ["check", "--isolated", "--select", "CL991", "--format", "json"]
    code, _, err = run([*base, "--write-baseline", str(baseline), str(article)], capsys)
    assert code == 0 and "wrote 1" in err
    article.write_text("Intro line added.\nwrongly once.\n", encoding="utf-8")  # moved down a line
    code, out, _ = run([*base, "--baseline", str(baseline), str(article)], capsys)
    assert (code, json.loads(out)) == (0, [])
    article.write_text("Intro line added.\nwrongly once.\nAnd wrongly twice.\n", encoding="utf-8")
    code, out, _ = run([*base, "--baseline", str(baseline), str(article)], capsys)
    assert code == 1 and [f["line"] for f in json.loads(out)] == [3]


def test_bad_inputs_are_reported_and_others_still_checked(tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "binary.txt").write_bytes(b"GIF89a\x00\x01\x02wrongly")
    (tmp_path / "latin1.txt").write_bytes("caf\xe9 wrongly".encode("latin-1"))
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "good.txt").write_text("wrongly\n", encoding="utf-8")
    (tmp_path / "bom-crlf.txt").write_bytes("\ufeffLine one\r\nwrongly\r\n".encode())
    code, out, err = run(["check", "--isolated", "--select", "CL991", "--format", "json", str(tmp_path)], capsys)
    assert code == 2
    assert "binary.txt: binary file" in err
    assert "latin1.txt: not valid UTF-8 (byte 0xe9 at offset 3, line 1)" in err
    found = {Path(f["path"]).name: f for f in json.loads(out)}
    assert set(found) == {"good.txt", "bom-crlf.txt"}
    bom = found["bom-crlf.txt"]
    source = (tmp_path / "bom-crlf.txt").read_bytes().decode("utf-8")
    assert source[bom["start"]:bom["end"]] == "wrongly" and (bom["line"], bom["column"]) == (2, 1)


def test_missing_path_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["check", "--isolated", str(tmp_path / "nope.txt")], capsys)
    assert code == 2 and "no such file" in err


def test_invalid_config_exits_2_naming_file_key_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / ".copylint.toml").write_text('dialect = "en-GB"\nfavourite = 3\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("text\n", encoding="utf-8")
    code, _, err = run(["check", str(tmp_path / "a.txt")], capsys)
    assert code == 2
    assert f"{tmp_path / '.copylint.toml'}:2: key 'favourite': unknown setting" in err


def test_usage_error_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--format", "yaml"]) == 2
    assert main([]) == 2


def test_rules_and_rule_commands(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["rules"], capsys)
    assert code == 0 and "CL991" in out and "test-flag-word" in out
    code, out, _ = run(["rule", "CL991"], capsys)
    assert code == 0 and "Flags every occurrence" in out
    code, _, err = run(["rule", "CL999"], capsys)
    assert code == 2 and "no rule" in err


def test_large_file_is_checked_in_linear_time(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """50 MB of text goes through reading, the engine and the JSON report (one cheap rule), once the
    input size limit allows it; by default it is refused, unread, with one line and exit 2."""
    block = "A line of ordinary copy that says nothing wrong at all, again and again.\n" * 1000
    big = tmp_path / "big.txt"
    with open(big, "w", encoding="utf-8") as f:
        for _ in range(50 * 1024 * 1024 // len(block)):
            f.write(block)
        f.write("wrongly\n")
    code, out, err = run(["check", "--isolated", "--select", "CL991", "--format", "json", str(big)], capsys)
    assert (code, json.loads(out)) == (2, [])
    assert f"{big}: {big.stat().st_size:,} bytes, more than 10,000,000 characters (the most copylint " in err
    code, out, _ = run(["check", "--isolated", "--select", "CL991", "--format", "json",
                        "--max-input-size", "60000000", str(big)], capsys)
    (finding,) = json.loads(out)
    assert code == 1 and finding["column"] == 1 and finding["line"] == big.read_text().count("\n")


def _script() -> str:
    exe = Path(sys.executable).parent / "copylint"
    found = str(exe) if exe.exists() else shutil.which("copylint")
    if not found:
        pytest.skip("the copylint console script is not installed")
    return found


def test_entry_point_checks_the_seed_as_json() -> None:
    proc = subprocess.run([_script(), "check", "--format", "json", "seeds/kursk-north-korea.txt"], cwd=ROOT,
                          capture_output=True, text=True, env={**os.environ, "NO_COLOR": "1"})
    assert proc.returncode == 1, proc.stderr
    findings = json.loads(proc.stdout)
    assert findings and all(all(k in f for k in REQUIRED) for f in findings)
    assert {f["category"] for f in findings} >= {"spelling"}


def test_entry_point_rich_report_is_plain_without_a_terminal() -> None:
    proc = subprocess.run([_script(), "check", "seeds/kursk-north-korea.txt"], cwd=ROOT, capture_output=True,
                          text=True)
    assert proc.returncode == 1
    assert "seeds/kursk-north-korea.txt:9:" in proc.stdout and "\x1b[" not in proc.stdout


def test_jobs_give_the_same_output_in_the_same_order(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from copylint.app.runner import PARALLEL_MIN_FILES

    for i in range(PARALLEL_MIN_FILES + 5):
        (tmp_path / f"{i:03d}.txt").write_text("ok\n" * (i % 7) + "wrongly\n", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\x00")
    base = ["check", "--isolated", "--select", "CL991", "--format", "json", str(tmp_path)]
    serial = run([*base, "--jobs", "1"], capsys)
    parallel = run([*base, "--jobs", "2"], capsys)
    assert serial == parallel
    assert serial[0] == 2 and len(json.loads(serial[1])) == PARALLEL_MIN_FILES + 5


def test_workers_not_forked_give_the_same_output(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from copylint.app import runner

    for i in range(runner.PARALLEL_MIN_FILES + 3):
        (tmp_path / f"{i:03d}.txt").write_text("ok\n" * (i % 5) + "wrongly\n", encoding="utf-8")
    base = ["check", "--isolated", "--select", "CL991", "--format", "json", str(tmp_path)]
    forked = run([*base, "--jobs", "2"], capsys)
    monkeypatch.setattr(runner, "_fork_context", lambda: None)  # as where fork is missing or unsafe
    assert run([*base, "--jobs", "2"], capsys) == forked
    assert len(json.loads(forked[1])) == runner.PARALLEL_MIN_FILES + 3


def test_default_jobs_is_one_process_below_the_size_threshold(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    from copylint.app import runner

    paths = []
    for i in range(3):
        paths.append(str(tmp_path / f"{i}.txt"))
        Path(paths[-1]).write_text("x" * 100, encoding="utf-8")
    assert runner.auto_jobs(paths) == 1
    monkeypatch.setattr(runner, "AUTO_PARALLEL_MIN_CHARS", 250)
    assert runner.auto_jobs(paths) == (os.cpu_count() or 1)
    assert runner.auto_jobs([*paths[:2], str(tmp_path / "missing.txt")]) == 1


def test_check_imports_no_other_command() -> None:
    code = ("import sys; from copylint.app.cli import main; "
            "main(['check', '--isolated', '--format', 'text', 'seeds/kursk-north-korea.txt']); "
            "print(sorted(m for m in sys.modules if m.startswith(('copylint.app.audit', 'copylint.app.commands.'))))")
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert proc.stdout.strip().splitlines()[-1] == "['copylint.app.commands.check']", proc.stderr


def test_unknown_command_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["chekc", "x.txt"], capsys)
    assert code == 2 and "invalid choice: 'chekc'" in err and "'audit'" in err and "'words'" in err
