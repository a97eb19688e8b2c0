"""Files on disk and the text in them: nothing lost or changed but the fixes, every failure one line.

`fix` keeps a file's encoding, byte-order mark, line endings, owner, group, mode and links (or leaves
the file alone and says why); reading refuses what is not a regular file; decomposed accents read
as composed ones; CR-only files read as lines; UTF-16/32 with a byte-order mark are text.
"""

from __future__ import annotations

import errno
import json
import os
import stat
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markup_fixtures import check_well_formed

from copylint import Config, Linter
from copylint.app import files
from copylint.app.cli import main
from copylint.app.sources import Source, read_source
from copylint.core.errors import InputError

ROOT = Path(__file__).resolve().parent.parent
SEED = (ROOT / "seeds" / "kursk-north-korea.txt").read_text(encoding="utf-8")
SEED_FINDINGS = [(1, "CL301"), (3, "CL201"), (9, "CL101"), (19, "CL101"), (29, "CL301"), (30, "CL301")]


def cli(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def found(path: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> list[tuple[int, str]]:
    code, out, err = cli(["check", "--isolated", "--format", "json", *extra, str(path)], capsys)
    assert code == 1, err
    return [(f["line"], f["code"]) for f in json.loads(out)]


# ---------------------------------------------------------------------------------- reading
def test_cr_only_line_endings_give_the_seed_findings_on_their_lines(tmp_path: Path, capsys) -> None:
    """Every finding was on line 1, and two of the six were missed."""
    path = tmp_path / "seed-cr.txt"
    path.write_bytes(SEED.replace("\n", "\r").encode("utf-8"))
    assert found(path, capsys) == SEED_FINDINGS
    md = tmp_path / "seed-cr.md"
    md.write_bytes(SEED.replace("\n", "\r").encode("utf-8"))
    assert found(md, capsys) == SEED_FINDINGS


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be", "utf-8"])
def test_utf16_and_utf32_with_a_bom_are_text_and_fixed_in_their_encoding(tmp_path: Path, capsys,
                                                                         encoding: str) -> None:
    """UTF-16 files were reported as "binary (contains NUL bytes)"."""
    path = tmp_path / "seed.txt"
    bom = "\ufeff".encode(encoding)
    path.write_bytes(bom + SEED.encode(encoding))
    assert found(path, capsys) == SEED_FINDINGS
    code, _, err = cli(["fix", "--isolated", str(path)], capsys)
    assert code == 1, err  # the unsafe fixes remain
    data = path.read_bytes()
    source = read_source(str(path))
    assert data.startswith(bom) and source.encoding == encoding
    assert "Share." not in source.text and "Kim Jong-un" in source.text
    assert data == source.text.encode(encoding)


def test_nul_bytes_anywhere_make_a_file_binary(tmp_path: Path) -> None:
    path = tmp_path / "late-nul.txt"
    path.write_bytes(b"A story.\n" * 2000 + b"\x00tail\n")  # past the first 8 KB
    with pytest.raises(InputError, match=r"binary file \(a NUL byte at offset 18000\)"):
        read_source(str(path))
    path.write_bytes("A story.".encode("utf-16-le"))
    with pytest.raises(InputError, match="looks like UTF-16 without a byte-order mark"):
        read_source(str(path))


def test_fifos_sockets_and_devices_are_never_opened_for_reading(tmp_path: Path, capsys) -> None:
    """A FIFO named *.txt in a checked folder blocked the run forever."""
    folder = tmp_path / "desk"
    folder.mkdir()
    (folder / "story.txt").write_text("It was a good year.\n", encoding="utf-8")
    os.mkfifo(folder / "pipe.txt")
    code, out, err = cli(["check", "--isolated", "--format", "json", str(folder)], capsys)
    assert (code, json.loads(out)) == (0, [])
    assert f"copylint: notice: {folder / 'pipe.txt'}: skipped, it is a FIFO (named pipe), not a file" in err
    code, _, err = cli(["check", "--isolated", str(folder / "pipe.txt")], capsys)
    assert code == 2 and "pipe.txt: is a FIFO (named pipe), not a file; not checked" in err
    if os.path.exists("/dev/zero"):
        code, _, err = cli(["check", "--isolated", "/dev/zero"], capsys)
        assert code == 2 and err.strip().endswith("copylint: error: /dev/zero: is a device, not a file; not checked")


def test_jobs_are_capped_at_the_cores_and_the_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    """--jobs 150 started 150 processes on 2 cores."""
    import concurrent.futures

    started: list[int] = []
    real = concurrent.futures.ProcessPoolExecutor

    def recording(workers: int, **kwargs: object) -> object:
        started.append(workers)
        return real(workers, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", recording)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    for i in range(70):
        (tmp_path / f"{i:02d}.txt").write_text("Fine copy.\n", encoding="utf-8")
    code, _, _ = cli(["check", "--isolated", "--select", "CL3", "--jobs", "150", str(tmp_path)], capsys)
    assert code == 0 and started == [2]
    code, _, err = cli(["check", "--isolated", "--jobs", "-3", str(tmp_path)], capsys)
    assert code == 2 and "negative" in err


# ---------------------------------------------------------------------------------- writing
@pytest.mark.parametrize(("name", "text"), [
    ("story.txt", "\ufeffShare.\nThe year was good.\n"),
    ("story.md", "\ufeffShare.\n\nThe year was good.\n"),
    ("crlf.txt", "\ufeffShare.\r\nThe year was good.\r\n"),
])
def test_fix_keeps_the_bom_when_the_first_line_goes(tmp_path: Path, capsys, name: str, text: str) -> None:
    """The deletion of the first line started at offset 0 and took the BOM with it."""
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    code, _, err = cli(["fix", "--isolated", str(path)], capsys)
    assert code == 0, err
    after = path.read_bytes().decode("utf-8")
    assert after.startswith("\ufeff") and after[1:].strip() == "The year was good."
    assert ("\r\n" in after) == ("\r\n" in text)


def test_fix_refuses_a_read_only_file_and_a_hard_linked_one(tmp_path: Path, capsys) -> None:
    """A 0444 file was rewritten; a hard-linked one was split (the other name kept the old text)."""
    text = "Share.\nThe year was good.\n"
    ro = tmp_path / "ro.txt"
    ro.write_text(text, encoding="utf-8")
    ro.chmod(0o444)
    linked = tmp_path / "linked.txt"
    linked.write_text(text, encoding="utf-8")
    os.link(linked, tmp_path / "other-name.txt")
    fine = tmp_path / "fine.txt"
    fine.write_text(text, encoding="utf-8")
    code, _, err = cli(["fix", "--isolated", str(ro), str(linked), str(fine)], capsys)
    assert code == 2
    assert f"copylint: error: {ro}: is read-only; not written (make it writable to fix it)" in err
    assert f"copylint: error: {linked}: has 2 hard links;" in err
    assert ro.read_text(encoding="utf-8") == linked.read_text(encoding="utf-8") == text
    assert (tmp_path / "other-name.txt").read_text(encoding="utf-8") == text
    assert fine.read_text(encoding="utf-8") == "The year was good.\n"  # the run went on
    assert stat.S_IMODE(ro.stat().st_mode) == 0o444


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root to own files as others")
def test_fix_as_root_gives_the_file_back_to_its_owner(tmp_path: Path, capsys) -> None:
    """Run as root, fix gave a file owned by another user to root."""
    path = tmp_path / "theirs.txt"
    path.write_text("Share.\nThe year was good.\n", encoding="utf-8")
    os.chown(path, 65534, 65534)
    path.chmod(0o640)
    code, _, err = cli(["fix", "--isolated", str(path)], capsys)
    assert code == 0, err
    info = path.stat()
    assert (info.st_uid, info.st_gid, stat.S_IMODE(info.st_mode)) == (65534, 65534, 0o640)
    assert path.read_text(encoding="utf-8") == "The year was good.\n"


@pytest.mark.parametrize("error", [errno.ENOSPC, errno.EACCES])
def test_a_write_error_is_one_line_and_the_other_files_are_still_fixed(
        tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch, error: int) -> None:
    """A full disk ended in a traceback with exit 1, and the files after it were never fixed."""
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    for p in (first, second):
        p.write_text("Share.\nThe year was good.\n", encoding="utf-8")
    real_replace = os.replace

    def failing(src: str, dst: str) -> None:
        if dst.endswith("a.txt"):
            raise OSError(error, os.strerror(error))
        real_replace(src, dst)

    monkeypatch.setattr(files.os, "replace", failing)
    code, _, err = cli(["fix", "--isolated", str(first), str(second)], capsys)
    assert code == 2
    lines = [line for line in err.splitlines() if "error" in line]
    assert lines == [f"copylint: error: {first}: cannot write: {os.strerror(error)}; left unchanged"]
    assert first.read_text(encoding="utf-8") == "Share.\nThe year was good.\n"
    assert second.read_text(encoding="utf-8") == "The year was good.\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "b.txt"]  # no temporary file left


def test_a_folder_the_user_cannot_write_in_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Share.\n", encoding="utf-8")

    def refuse(**kwargs: object) -> tuple[int, str]:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(files.tempfile, "mkstemp", refuse)
    with pytest.raises(InputError, match=r"a\.txt: cannot write in its folder \(Permission denied\); not written"):
        files.write_atomic(str(path), "", expected=Source("Share.\n"))


def test_fix_of_standard_input_beside_a_file_of_its_name_counts_what_happened(tmp_path: Path, capsys,
                                                                              monkeypatch) -> None:
    """`fix --stdin-filename story.txt - story.txt` said "fixed … in 2 files", and left the file."""
    import io
    import sys

    story = tmp_path / "story.txt"
    story.write_text("Share.\nThe year was good.\n", encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"Share.\nIt rained.\n"), encoding="utf-8"))
    code, out, err = cli(["fix", "--isolated", "--stdin-filename", str(story), "-", str(story)], capsys)
    assert code == 0, err
    assert out == "It rained.\n"
    assert story.read_text(encoding="utf-8") == "The year was good.\n"
    assert "copylint: fixed 2 findings in 2 files" in err


# ---------------------------------------------------------------------------------- NFC
def test_decomposed_accents_give_the_findings_of_composed_ones() -> None:
    """NFD "résumé" was split: "sume" was flagged and --unsafe-fixes wrote "résomé"."""
    composed = "Her résumé impressed the café owner. The résumé listed her work at the Café Zürich."
    decomposed = unicodedata.normalize("NFD", composed)
    linter = Linter(Config())
    assert [(f.code, f.text) for f in linter.check(composed)] == []
    findings = linter.check(decomposed)
    assert findings == []
    typo = unicodedata.normalize("NFD", "The résumé and the résumee were long.")
    (finding,) = [f for f in linter.check(typo) if f.code == "CL101"]
    assert unicodedata.normalize("NFC", finding.text) == "résumee"
    fixed = linter.check(typo)
    from copylint import apply_fixes
    assert "résomé" not in unicodedata.normalize("NFC", apply_fixes(typo, fixed, unsafe=True))


ACCENTED = ["résumé", "café", "Zürich", "naïve", "São Paulo", "Ångström", "Dvořák", "piñata", "crème brûlée",
            "Kraków", "Müller", "fiancée", "Björk", "Gdańsk", "Ukranian", "yeae", "Kim Jong-un", "Kim Jong Un"]


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.sampled_from(ACCENTED), st.sampled_from(["the", "said", "in", "Share.", ".", ",", "\n",
                                                                        "\n\n", "<b>", "</b>", "&amp;"])),
                max_size=40).map(" ".join), st.sampled_from(["text", "markdown", "html"]))
def test_nfc_and_nfd_copy_give_the_same_findings(text: str, fmt: str) -> None:
    linter = Linter(Config())
    nfc = unicodedata.normalize("NFC", text)
    nfd = unicodedata.normalize("NFD", text)
    a, b = linter.check(nfc, format=fmt), linter.check(nfd, format=fmt)
    check_well_formed(nfd, b)

    def summary(findings: list) -> list:
        return [(f.code, unicodedata.normalize("NFC", f.text), f.suggestions, f.line) for f in findings]

    assert summary(a) == summary(b)


# ---------------------------------------------------------------------------------- fix keeps the file's form
PIECES = ["Share.", "The year was good.", "Kim Jong-un met Kim Jong Un and Kim Jong Un.", "Exit mobile version",
          "It was the yeae of the café.", "Advertisement", "", "Then they left."]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=10), st.sampled_from(["\n", "\r\n", "\r"]),
       st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32"]), st.sampled_from([".txt", ".md"]),
       st.booleans())
def test_fix_keeps_bom_line_endings_and_encoding(tmp_path_factory, lines: list[str], newline: str,
                                                 encoding: str, suffix: str, unsafe: bool) -> None:
    path = tmp_path_factory.mktemp("fix") / f"story{suffix}"
    text = newline.join(lines) + newline
    path.write_bytes(text.encode(encoding))
    before = read_source(str(path))
    assert main(["fix", "--isolated", *(["--unsafe-fixes"] if unsafe else []), str(path)]) in (0, 1)
    after = read_source(str(path))
    assert after.encoding == before.encoding
    assert after.text.startswith("\ufeff") == before.text.startswith("\ufeff")
    assert path.read_bytes() == after.text.encode(after.encoding)
    others = {"\n": ("\r",), "\r\n": (), "\r": ("\n",)}[newline]
    if newline == "\r\n":
        assert after.text.count("\n") == after.text.count("\r\n") == after.text.count("\r")
    for other in others:
        assert other not in after.text


def test_a_line_deleted_from_crlf_copy_takes_its_whole_line_break(tmp_path: Path) -> None:
    """Found by the property test above: lines of one length read as a hard-wrapped paragraph, so
    "Share." went as its paragraph's last sentence with the spaces before it, which took the CR of
    the break before it and the CR after it, and left a lone LF."""
    story = "Kim Jong-un met Kim Jong Un and Kim Jong Un."
    path = tmp_path / "story.txt"
    path.write_bytes(f"{story}\r\nShare.\r\n{story}\r\n{story}\r\n".encode())
    assert main(["fix", "--isolated", "--select", "CL3", str(path)]) == 0
    assert path.read_bytes() == f"{story}\r\n{story}\r\n{story}\r\n".encode()
