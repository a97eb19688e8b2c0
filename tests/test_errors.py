"""Every mistake a user can make is one line naming the file, key, line or option, and exit 2.

One test per reproducer of the hardening issue: each used to end in a traceback (exit 1), or to
switch a rule off or do nothing while copylint said "All clear".
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from copylint import Config, Linter
from copylint.app.cli import main
from copylint.core.errors import ConfigError

ROOT = Path(__file__).resolve().parent.parent
STORY = "Share.\nThe yeae was good.\n"


def cli(argv: list[str], capsys: pytest.CaptureFixture[str], cwd: Path | None = None) -> tuple[int, str, str]:
    if cwd is not None:
        old = os.getcwd()
        os.chdir(cwd)
    try:
        code = main(argv)
    finally:
        if cwd is not None:
            os.chdir(old)
    out, err = capsys.readouterr()
    return code, out, err


def one_error(err: str) -> str:
    """The single error line (no traceback, nothing else that looks like an error)."""
    assert "Traceback" not in err
    errors = [line for line in err.splitlines() if line.startswith("copylint: error: ")]
    assert len(errors) == 1, err
    return errors[0].removeprefix("copylint: error: ")


@pytest.fixture
def story(tmp_path: Path) -> Path:
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    return path


# ---------------------------------------------------------------------------------- tracebacks
def test_unknown_input_format(story: Path, capsys) -> None:
    code, _, err = cli(["check", "--isolated", "--format-in", "pdf", str(story)], capsys)
    assert code == 2
    assert one_error(err) == "--format-in: unknown input format 'pdf' (known: html, markdown, text)"


def test_tool_that_is_not_a_table(tmp_path: Path, story: Path, capsys) -> None:
    (tmp_path / "pyproject.toml").write_text("tool = 3\n", encoding="utf-8")
    code, _, err = cli(["check", str(story)], capsys)
    assert code == 2 and one_error(err) == f"{tmp_path / 'pyproject.toml'}:1: key 'tool': must be a table ([tool])"


def test_write_baseline_to_a_folder_or_a_missing_folder(tmp_path: Path, story: Path, capsys) -> None:
    code, _, err = cli(["check", "--isolated", "--write-baseline", str(tmp_path), str(story)], capsys)
    assert code == 2 and "is a folder; give the baseline a file name" in one_error(err)
    missing = tmp_path / "no" / "such" / "base.json"
    code, _, err = cli(["check", "--isolated", "--write-baseline", str(missing), str(story)], capsys)
    assert code == 2 and one_error(err) == f"{missing}: cannot write the baseline: No such file or directory"


def test_a_deeply_nested_baseline(tmp_path: Path, story: Path, capsys) -> None:
    nested = tmp_path / "base.json"
    nested.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    code, _, err = cli(["check", "--isolated", "--baseline", str(nested), str(story)], capsys)
    assert code == 2 and one_error(err) == f"{nested}: cannot use as a baseline: its JSON is nested too deeply"


def test_words_add_to_a_latin1_file_or_a_folder(tmp_path: Path, capsys) -> None:
    latin = tmp_path / "words.txt"
    latin.write_bytes("café\n".encode("latin-1"))
    code, _, err = cli(["words", "add", "Zelenskyy", "--to", str(latin)], capsys, cwd=tmp_path)
    assert code == 2 and "word list is not valid UTF-8; save it as UTF-8" in one_error(err)
    code, _, err = cli(["words", "add", "Zelenskyy", "--to", str(tmp_path)], capsys, cwd=tmp_path)
    assert code == 2 and "is a folder" in one_error(err)
    assert latin.read_bytes() == "café\n".encode("latin-1")


def test_learn_out_a_folder(tmp_path: Path, story: Path, capsys) -> None:
    code, _, err = cli(["learn", str(story), "--out", str(tmp_path)], capsys)
    assert code == 2 and one_error(err).startswith(f"--out {tmp_path}: is a folder")


def test_check_standard_input_when_it_is_closed() -> None:
    proc = subprocess.run([sys.executable, "-m", "copylint", "check", "--isolated", "-"], stdin=subprocess.DEVNULL,
                          capture_output=True, text=True, cwd=ROOT, check=False,
                          preexec_fn=lambda: os.close(0))
    assert proc.returncode == 2, proc.stderr
    assert one_error(proc.stderr) == "-: standard input is closed; nothing to check"


def test_check_dev_zero(capsys) -> None:
    if not os.path.exists("/dev/zero"):
        pytest.skip("no /dev/zero here")
    code, _, err = cli(["check", "--isolated", "/dev/zero"], capsys)
    assert code == 2 and one_error(err) == "/dev/zero: is a device, not a file; not checked"


# ---------------------------------------------------------------------------------- configuration
@pytest.mark.parametrize("content", [b"caf\xe9\n", None], ids=["latin-1", "folder"])
def test_a_bad_word_list_is_a_config_error_not_a_rule_switched_off(tmp_path: Path, story: Path, capsys,
                                                                    content: bytes | None) -> None:
    """CL101/CL201/CL202 turned into an "internal error" notice."""
    words = tmp_path / "words.txt"
    if content is None:
        words.mkdir()
    else:
        words.write_bytes(content)
    (tmp_path / ".copylint.toml").write_text('words = ["words.txt"]\n', encoding="utf-8")
    code, _, err = cli(["check", str(story)], capsys)
    assert code == 2
    message = one_error(err)
    assert message.startswith(f"{tmp_path / '.copylint.toml'}: key 'words': word list {words} ")
    assert "internal error" not in err


@pytest.mark.parametrize(("entry", "key", "expected"), [
    ('text = "? x"', "phrase.text", "'?' must follow the word, character or group it makes optional"),
    ('text = "((a|aa)+)+ x"', "phrase.text", "in a repeated group, 'a' comes before 'aa'"),
    ('text = "((ab)+)+ x"', "phrase.text", "a repetition inside a repetition can take exponential time"),
    ('text = "a {any} b {any} c {any} d {any} e {any} f"', "phrase.text", "5 {any} with text after them"),
    ('text = "x"\nmatchs = "line"', "phrase.matchs", "unknown key in a [[phrase]]"),
])
def test_bad_pack_phrases_name_the_pack_key_and_line(tmp_path: Path, story: Path, capsys, entry: str, key: str,
                                                     expected: str) -> None:
    """A phrase "? x" switched CL3 off; catastrophic patterns took minutes; unknown keys passed."""
    pack = tmp_path / "site.toml"
    pack.write_text('[pack]\nkind = "boilerplate"\n\n[[phrase]]\ntext = "fine"\n\n[[phrase]]\n' + entry + "\n",
                    encoding="utf-8")
    code, _, err = cli(["check", "--isolated", "--pack", str(pack), str(story)], capsys)
    assert code == 2
    message = one_error(err)
    line = 8 if key == "phrase.text" else 9
    assert message.startswith(f"{pack}:{line}: key '{key}': "), message
    assert expected in message


def test_unknown_pack_kind(tmp_path: Path, story: Path, capsys) -> None:
    pack = tmp_path / "site.toml"
    pack.write_text('[pack]\nkind = "boilerplat"\n\n[[phrase]]\ntext = "x"\n', encoding="utf-8")
    code, _, err = cli(["check", "--isolated", "--pack", str(pack), str(story)], capsys)
    assert code == 2
    assert one_error(err).startswith(f"{pack}:2: key 'pack.kind': unknown kind 'boilerplat': no rule reads it")
    assert "did you mean 'boilerplate'?" in err


@pytest.mark.parametrize(("argv", "expected"), [
    (["--select", "C101"], "--select: 'C101' is not a rule code or prefix such as CL1 or CL101; did you mean 'CL101'?"),
    (["--select", "CL9"], "--select: 'CL9' is no rule's code nor a prefix of one"),
    (["--ignore", "CL1011"], "--ignore: 'CL1011' is not a rule code or prefix such as CL1 or CL101"),
    (["--option", "hous-style=bbc"], "--option: 'hous-style' is no rule's option; did you mean 'house-style'?"),
    (["--max-input-size", "0"], "--max-input-size: must be a positive number of characters, not 0"),
])
def test_unknown_codes_and_options_on_the_command_line(story: Path, capsys, argv: list[str], expected: str) -> None:
    """`--select C101` ran nothing and said "All clear"."""
    code, out, err = cli(["check", "--isolated", *argv, str(story)], capsys)
    assert code == 2 and "All clear" not in out
    assert one_error(err).startswith(expected)


@pytest.mark.parametrize(("text", "key", "expected"), [
    ('[severity]\nXX1 = "error"\n', "severity", "'XX1' is not a rule code"),
    ('[severity]\nCL1 = "error"\n', "severity", "'CL1' is no rule's code"),
    ('select = ["CL101", "CL909"]\n', "select", "'CL909' is no rule's code nor a prefix of one"),
    ('house-styel = "bbc"\n', "house-styel", "did you mean 'house-style'?"),
    ('max-input-size = -5\n', "max-input-size", "must be a positive number of characters"),
])
def test_unknown_codes_and_keys_in_a_config_file(tmp_path: Path, story: Path, capsys, text: str, key: str,
                                                 expected: str) -> None:
    config = tmp_path / ".copylint.toml"
    config.write_text(text, encoding="utf-8")
    code, _, err = cli(["check", str(story)], capsys)
    assert code == 2
    message = one_error(err)
    assert message.startswith(f"{config}:") and f"key '{key}'" in message and expected in message


def test_an_unknown_house_style_option_value(story: Path, capsys) -> None:
    code, _, err = cli(["check", "--isolated", "--option", "house-style=bcc", str(story)], capsys)
    assert code == 2 and "unknown house style 'bcc'" in one_error(err)


def test_config_built_in_code_with_an_unknown_rule_code_is_an_error() -> None:
    with pytest.raises(ConfigError, match="'CL909' is no rule's code nor a prefix of one"):
        Linter(Config(select=("CL909",)))
    Linter(Config(select=("CL1", "ALL")))


def test_a_config_file_with_a_bom_is_read(tmp_path: Path, story: Path, capsys) -> None:
    """A config file with a UTF-8 BOM was "invalid TOML"."""
    (tmp_path / ".copylint.toml").write_bytes('\ufeffignore = ["CL1"]\n'.encode())
    code, out, err = cli(["check", "--format", "json", str(story)], capsys)
    assert code == 1, err
    assert [f["code"] for f in json.loads(out)] == ["CL301"]


# ---------------------------------------------------------------------------------- summaries
def test_an_unreadable_file_is_not_all_clear(tmp_path: Path, capsys) -> None:
    """An unreadable file printed "All clear: 1 file checked" and exited 2."""
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"caf\xe9 story\n")
    code, out, err = cli(["check", "--isolated", "--format", "text", str(bad)], capsys)
    assert code == 2 and "All clear" not in out
    assert "Nothing found in 0 files checked; 1 file could not be checked (see the errors)." in out
    assert one_error(err).startswith(f"{bad}: not valid UTF-8")


def test_a_file_name_that_is_not_utf8_prints_under_a_strict_utf8_stdout(tmp_path: Path) -> None:
    name = os.fsdecode(b"caf\xe9.txt")
    path = tmp_path / name
    path.write_text(STORY, encoding="utf-8")
    env = {**os.environ, "PYTHONIOENCODING": "utf-8:strict"}
    for fmt in ("text", "json", "sarif", "github"):
        proc = subprocess.run([sys.executable, "-m", "copylint", "check", "--isolated", "--format", fmt, str(tmp_path)],
                              capture_output=True, text=True, env=env, cwd=ROOT, check=False, errors="replace")
        assert proc.returncode == 1, (fmt, proc.stderr)
        assert "Traceback" not in proc.stderr and "caf\\udce9.txt" in proc.stdout, fmt
