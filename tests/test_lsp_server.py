"""``copylint lsp`` driven over stdio by a real LSP client (pytest-lsp's, with VS Code's
capabilities): diagnostics at exact ranges in every encoding, code actions, the word list, hover,
configuration reloads, the workspace check and a clean exit. Every wait is for a message from the
server (a publication for a given document version, a command's answer), never for a time."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("pytest_lsp")

from lsp_client import TIMEOUT, Session, lsp_session, offset_of, range_of, server_command
from lsprotocol import types

from copylint import Config, Linter
from copylint.engine.fixing import fix_source
from copylint.engine.registry import all_rules
from copylint.report.explain import explain

SEED = (Path(__file__).resolve().parent.parent / "seeds" / "kursk-north-korea.md").read_text(encoding="utf-8")
#: the seed with characters outside the BMP before its findings, on their lines (two UTF-16 units each)
EMOJI_SEED = (SEED.replace("Kim Jong Un sent", "🇰🇵🇷🇺 Kim Jong Un 🤝 sent")
              .replace("“take cover from", "“take 🛡️ cover from")
              .replace("Share.", "📣 Share."))


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    (tmp_path / "pyproject.toml").write_text('[tool.copylint]\nwords = ["words.txt"]\n', encoding="utf-8")
    (tmp_path / "words.txt").write_text("# desk words\n", encoding="utf-8")
    return tmp_path


def run(scenario) -> None:
    asyncio.run(scenario())


def uri_in(workspace: Path, name: str) -> str:
    return (workspace / name).as_uri()


def flagged(session: Session, uri: str, diagnostic: types.Diagnostic) -> str:
    """The text a diagnostic's range covers, read by the client."""
    text = session.texts[uri]
    return text[offset_of(text, diagnostic.range.start, session.encoding):
                offset_of(text, diagnostic.range.end, session.encoding)]


def by_text(session: Session, uri: str, diagnostics: list[types.Diagnostic], text: str) -> types.Diagnostic:
    (found,) = [d for d in diagnostics if flagged(session, uri, d) == text]
    return found


def test_the_seed_as_markdown_gets_its_findings_at_exact_utf16_ranges_after_emoji_and_hovers(workspace: Path) -> None:
    async def scenario() -> None:
        async with lsp_session(workspace) as session:
            assert session.encoding == "utf-16"  # VS Code offers nothing else
            uri = uri_in(workspace, "story.md")
            session.open(uri, EMOJI_SEED)
            diagnostics = await session.diagnostics(uri)
            expected = Linter(Config()).check(EMOJI_SEED, format="markdown")
            assert [(d.code, d.range) for d in diagnostics] == [
                (f.code, range_of(EMOJI_SEED, f.start, f.end, "utf-16")) for f in expected]
            assert [flagged(session, uri, d) for d in diagnostics] == [f.text for f in expected]
            assert {"yeae", "Ukranian", "Kim Jong-un", "📣 Share.", "Exit mobile version"} <= {f.text for f in expected}
            yeae = by_text(session, uri, diagnostics, "yeae")
            line = EMOJI_SEED.splitlines()[yeae.range.start.line]
            # 🇰🇵🇷🇺 (four code points) and 🤝 before it: two UTF-16 units each
            assert yeae.range.start.character == line.index("yeae") + 5
            assert (yeae.source, yeae.severity, yeae.code) == ("copylint", types.DiagnosticSeverity.Warning, "CL101")
            assert "did you mean “year”" in yeae.message
            page = Path(yeae.code_description.href.removeprefix("file://"))  # type: ignore[union-attr]
            assert page.read_text(encoding="utf-8").startswith("# CL101 misspelling")
            kim = by_text(session, uri, diagnostics, "Kim Jong-un")
            (related,) = kim.related_information or ()
            assert related.location.uri == uri
            text = session.texts[uri]
            first = text[offset_of(text, related.location.range.start, "utf-16"):
                         offset_of(text, related.location.range.end, "utf-16")]
            assert first == "Kim Jong Un" and related.location.range.start.line == yeae.range.start.line
            assert "2×" in related.message
            await hover_explains_the_rule(session, uri, yeae)

    run(scenario)


async def hover_explains_the_rule(session: Session, uri: str, yeae: types.Diagnostic) -> None:
    start = offset_of(session.texts[uri], yeae.range.start, "utf-16")
    found = await session.hover(uri, start + 2)
    assert found is not None and isinstance(found.contents, types.MarkupContent)
    assert found.contents.kind == types.MarkupKind.Markdown and found.range == yeae.range
    value = found.contents.value
    assert value.startswith("**CL101** `misspelling` (warning): “yeae” looks misspelt")
    assert "Suggestions: “year”, “yeah”" in value
    assert explain(all_rules()["CL101"]) in value  # what `copylint rule CL101` prints
    assert await session.hover(uri, EMOJI_SEED.index("Vladimir")) is None


@pytest.mark.parametrize(("offered", "chosen"), [(["utf-8"], "utf-8"), (["utf-32", "utf-16"], "utf-32")])
def test_utf8_and_utf32_are_used_when_the_client_offers_them(workspace: Path, offered: list[str],
                                                             chosen: str) -> None:
    text = "Talks at the café 😀 ended\u2028last yeae.\r\nThey could not 🇺🇦 accomodate us.\rAgain: yeae.\n"

    async def scenario() -> None:
        async with lsp_session(workspace, encodings=offered) as session:
            assert session.encoding == chosen
            uri = uri_in(workspace, "notes.txt")
            session.open(uri, text, "plaintext")
            diagnostics = await session.diagnostics(uri)
            assert [flagged(session, uri, d) for d in diagnostics] == ["yeae", "accomodate", "yeae"]
            assert [d.range.start.line for d in diagnostics] == [0, 1, 2]  # U+2028 is no line break

    run(scenario)


async def fix_yeae_and_see_its_diagnostic_cleared(session: Session, workspace: Path) -> None:
    uri = uri_in(workspace, "story.md")
    session.open(uri, EMOJI_SEED)
    diagnostics = await session.diagnostics(uri)
    yeae = by_text(session, uri, diagnostics, "yeae")
    start = offset_of(session.texts[uri], yeae.range.start, "utf-16")
    actions = await session.actions(uri, start, start + 4)
    titles = [a.title for a in actions]
    assert titles[:5] == [f"Replace “yeae” with “{s}”" for s in ("year", "yeah", "yea", "yeas", "yean")]
    assert "Disable CL101 for this line" in titles and "Add “yeae” to the word list (words.txt)" in titles
    fix = actions[0]
    assert fix.kind == types.CodeActionKind.QuickFix and list(fix.diagnostics or ()) == [yeae]
    assert fix.edit is not None
    session.apply(fix.edit)
    assert "end of last year under" in session.texts[uri]
    after = await session.diagnostics(uri)
    assert "yeae" not in [flagged(session, uri, d) for d in after]
    assert len(after) == len(diagnostics) - 1


async def fix_all_as_copylint_fix_does(session: Session, workspace: Path) -> None:
    uri = uri_in(workspace, "fix-all.md")
    session.open(uri, EMOJI_SEED)
    await session.diagnostics(uri)
    (fix_all,) = await session.actions(uri, 0, 0, only=[types.CodeActionKind.SourceFixAll])
    assert fix_all.kind == "source.fixAll.copylint" and fix_all.edit is not None
    session.apply(fix_all.edit)
    linter = Linter(Config())
    assert session.texts[uri] == fix_source(linter, EMOJI_SEED, format="markdown", path="fix-all.md").text
    remaining = {d.code for d in await session.diagnostics(uri)}
    assert "CL301" not in remaining and "CL101" in remaining  # spelling fixes are unsafe: left
    assert await session.actions(uri, 0, 0, only=[types.CodeActionKind.SourceFixAll]) == []


DISABLE_CASES = [
    ("own-line.md", "markdown", "# Talks\n\nThey left last yeae for good.\n",
     "# Talks\n\n<!-- copylint: disable-next-line CL101 -->\nThey left last yeae for good.\n"),
    ("paragraph.md", "markdown", "Talks ended\nlast yeae for good.\n",
     "Talks ended <!-- copylint: disable-next-line CL101 -->\nlast yeae for good.\n"),
    ("quote.md", "markdown", "> Talks ended\n> last yeae.\n",
     "> Talks ended <!-- copylint: disable-next-line CL101 -->\n> last yeae.\n"),
    ("list.md", "markdown", "- first\n- last yeae\n",
     "- first <!-- copylint: disable-next-line CL101 -->\n- last yeae\n"),
    ("heading.md", "markdown", "## Talks\nThey left last yeae.\n",
     "## Talks\n<!-- copylint: disable-next-line CL101 -->\nThey left last yeae.\n"),
    ("front-matter.md", "markdown", "---\ntitle: Talks\n---\nThey left last yeae.\n",
     "---\ntitle: Talks\n---\n<!-- copylint: disable-next-line CL101 -->\nThey left last yeae.\n"),
    ("page.html", "html", "<main>\n  <p>They left last yeae.</p>\n</main>\n",
     "<main>\n  <!-- copylint: disable-next-line CL101 -->\n  <p>They left last yeae.</p>\n</main>\n"),
]


async def disable_for_this_line(session: Session, workspace: Path) -> None:
    """The comment silences the finding, and only that (it is used: no CL001)."""
    for name, language, text, expected in DISABLE_CASES:
        uri = uri_in(workspace, name)
        session.open(uri, text, language)
        (diagnostic,) = await session.diagnostics(uri)
        start = offset_of(text, diagnostic.range.start, "utf-16")
        (disable,) = [a for a in await session.actions(uri, start, start) if a.title.startswith("Disable")]
        assert disable.title == "Disable CL101 for this line" and disable.edit is not None
        session.apply(disable.edit)
        assert session.texts[uri] == expected
        assert await session.diagnostics(uri) == []
    uri = uri_in(workspace, "notes.txt")  # plain text has no comments to do it with
    session.open(uri, "They left last yeae.\n", "plaintext")
    await session.diagnostics(uri)
    titles = [a.title for a in await session.actions(uri, 15, 15)]
    assert titles[0] == "Replace “yeae” with “year”"
    assert not any(t.startswith("Disable") for t in titles)


def test_code_actions_fix_a_finding_fix_all_and_disable_a_rule_for_a_line(workspace: Path) -> None:
    async def scenario() -> None:
        async with lsp_session(workspace) as session:
            await fix_yeae_and_see_its_diagnostic_cleared(session, workspace)
            await fix_all_as_copylint_fix_does(session, workspace)
            await disable_for_this_line(session, workspace)

    run(scenario)


def test_adding_a_word_silences_it_in_every_open_document(workspace: Path) -> None:
    async def scenario() -> None:
        async with lsp_session(workspace) as session:
            story, notes = uri_in(workspace, "story.md"), uri_in(workspace, "notes.txt")
            session.open(story, "# Desk\n\nThey could not accomodate us.\n")
            session.open(notes, "We accomodate late copy.\n", "plaintext")
            (in_story,) = await session.diagnostics(story)
            assert [flagged(session, notes, d) for d in await session.diagnostics(notes)] == ["accomodate"]
            start = offset_of(session.texts[story], in_story.range.start, "utf-16")
            (add,) = [a for a in await session.actions(story, start, start) if a.title.startswith("Add ")]
            assert add.title == "Add “accomodate” to the word list (words.txt)" and add.command is not None
            seen = len(session.published)
            answer = await session.command(add.command)
            assert answer == {"file": str(workspace / "words.txt"), "added": True, "config": None}
            assert (workspace / "words.txt").read_text(encoding="utf-8") == "# desk words\naccomodate\n"
            assert await session.diagnostics(story, after=seen) == []
            assert await session.diagnostics(notes, after=seen) == []
            assert (await session.command(add.command))["added"] is False  # there already

    run(scenario)


def test_without_any_config_adding_a_word_creates_the_word_list_and_the_config_naming_it(tmp_path: Path) -> None:
    async def scenario() -> None:
        async with lsp_session(tmp_path) as session:
            uri = uri_in(tmp_path, "story.md")
            session.open(uri, "They could not accomodate us.\n")
            (diagnostic,) = await session.diagnostics(uri)
            start = offset_of(session.texts[uri], diagnostic.range.start, "utf-16")
            (add,) = [a for a in await session.actions(uri, start, start) if a.title.startswith("Add ")]
            assert add.title == "Add “accomodate” to a new word list (words.txt, named in a new .copylint.toml)"
            assert add.command is not None
            seen = len(session.published)
            answer = await session.command(add.command)
            assert answer == {"file": str(tmp_path / "words.txt"), "added": True,
                              "config": str(tmp_path / ".copylint.toml")}
            assert (tmp_path / "words.txt").read_text(encoding="utf-8") == "accomodate\n"
            assert 'words = ["words.txt"]' in (tmp_path / ".copylint.toml").read_text(encoding="utf-8")
            assert await session.diagnostics(uri, after=seen) == []

    run(scenario)


def test_a_burst_of_changes_publishes_only_the_newest_text(workspace: Path) -> None:
    async def scenario() -> None:
        async with lsp_session(workspace, options={"debounceMs": 1000}) as session:
            uri = uri_in(workspace, "story.md")
            session.open(uri, "They left.\n")
            assert await session.diagnostics(uri) == []
            seen = len(session.published)
            for word in ("yeae", " and", " Ukranian", " accomodate"):
                end = len(session.texts[uri]) - 2
                session.change(uri, end, end, " " + word if word == "yeae" else word)
            diagnostics = await session.diagnostics(uri, after=seen)
            assert [p.version for p in session.published[seen:]] == [session.versions[uri]]
            # Ukranian is flagged on its own: a rare slip one edit from the far more common Ukrainian
            assert [flagged(session, uri, d) for d in diagnostics] == ["yeae", "Ukranian", "accomodate"]

    run(scenario)


def test_an_invalid_config_is_one_message_and_a_fixed_one_is_read_again(workspace: Path) -> None:
    config = workspace / "pyproject.toml"
    config.write_text('[tool.copylint]\nwords = ["words.txt"]\ndialect = "en-XX"\n', encoding="utf-8")

    async def scenario() -> None:
        async with lsp_session(workspace) as session:
            (watch,) = await session.wait_for(lambda: session.registrations)
            assert watch.method == types.WORKSPACE_DID_CHANGE_WATCHED_FILES
            uri = uri_in(workspace, "story.md")
            session.open(uri, "They left last yeae.\n")
            assert await session.diagnostics(uri) == []
            (message,) = [m for m in session.client.messages if m.type == types.MessageType.Error]
            assert "pyproject.toml" in message.message and "dialect" in message.message
            assert "\n" not in message.message
            seen = len(session.published)
            config.write_text('[tool.copylint]\nwords = ["words.txt"]\n', encoding="utf-8")
            session.client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(
                changes=[types.FileEvent(uri=config.as_uri(), type=types.FileChangeType.Changed)]))
            assert [d.code for d in await session.diagnostics(uri, after=seen)] == ["CL101"]
            # without a notification, the next check still reads a changed config
            config.write_text('[tool.copylint]\nwords = ["words.txt"]\nignore = ["CL101"]\n', encoding="utf-8")
            session.change(uri, 0, 0, "Then ")
            assert await session.diagnostics(uri) == []

    run(scenario)


def test_the_workspace_check_reports_progress_and_publishes_each_file_and_the_log_says_so(workspace: Path) -> None:
    log = workspace / "copylint-lsp.log"
    (workspace / "desk").mkdir()
    (workspace / "desk" / "a.md").write_text("They left last yeae.\n", encoding="utf-8")
    (workspace / "desk" / "b.html").write_text("<p>Share.</p>\n<p>They could not accomodate us.</p>\n",
                                               encoding="utf-8")
    (workspace / "node_modules").mkdir()
    (workspace / "node_modules" / "c.md").write_text("yeae\n", encoding="utf-8")
    (workspace / "desk" / "bad.txt").write_bytes(b"\xff\xfd not text")  # (\xff\xfe is a UTF-16 byte-order mark)

    async def scenario() -> None:
        async with lsp_session(workspace, args=("--log-file", str(log), "--log-level", "debug")) as session:
            opened = uri_in(workspace, "desk/a.md")
            session.open(opened, "They left last year.\n")  # open: its live text counts, not the file
            assert await session.diagnostics(opened) == []
            seen = len(session.published)
            answer = await session.command(types.Command(title="check", command="copylint.checkWorkspace"))
            assert answer["files"] == 3 and answer["findings"] == 2 and not answer["cancelled"]
            (problem,) = answer["problems"]
            assert problem.startswith(str(workspace / "desk" / "bad.txt")) and "UTF-8" in problem
            html = await session.diagnostics(uri_in(workspace, "desk/b.html"), after=seen, any_version=True)
            assert [d.code for d in html] == ["CL301", "CL101"]
            words = await session.diagnostics(uri_in(workspace, "words.txt"), after=seen, any_version=True)
            assert words == []
            published = {p.uri for p in session.published[seen:]}
            assert opened not in published and uri_in(workspace, "node_modules/c.md") not in published
            (reports,) = session.client.progress_reports.values()
            assert isinstance(reports[0], types.WorkDoneProgressBegin)
            assert isinstance(reports[-1], types.WorkDoneProgressEnd) and "2 findings in 3 files" in reports[-1].message
            desk = workspace / "desk"  # the editor now has only desk/ open as a folder
            session.client.workspace_did_change_workspace_folders(types.DidChangeWorkspaceFoldersParams(
                event=types.WorkspaceFoldersChangeEvent(
                    added=[types.WorkspaceFolder(uri=desk.as_uri(), name="desk")],
                    removed=[types.WorkspaceFolder(uri=workspace.as_uri(), name=workspace.name)])))
            again = await session.command(types.Command(title="check", command="copylint.checkWorkspace"))
            assert (again["files"], again["findings"]) == (2, 2)  # b.html and bad.txt; words.txt is outside

    run(scenario)
    text = log.read_text(encoding="utf-8")
    assert "position encoding utf-16" in text and "warmed up in" in text and "workspace: 3 files, 2 findings" in text


def test_an_unknown_encoding_gets_utf16_and_exit_without_shutdown_exits_1(workspace: Path) -> None:
    capabilities = {"general": {"positionEncodings": ["utf-7"]}}
    process = subprocess.run(server_command(), input=_frames(
        {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"processId": None, "rootUri": None,
                                                                        "capabilities": capabilities}},
        {"jsonrpc": "2.0", "method": "exit"}), capture_output=True, timeout=TIMEOUT, cwd=workspace)
    assert process.returncode == 1, process.stderr
    assert b'"positionEncoding": "utf-16"' in process.stdout


def _frames(*messages: dict) -> bytes:
    import json

    out = b""
    for m in messages:
        body = json.dumps(m).encode("utf-8")
        out += b"Content-Length: %d\r\n\r\n" % len(body) + body
    return out


@pytest.mark.parametrize(("args", "error"), [
    (["--debounce", "-5"], "--debounce must be from 0 to 10000 milliseconds, not -5"),
    (["--log-file", "/nonexistent-folder/x.log"], "--log-file /nonexistent-folder/x.log: No such file or directory"),
    (["--docs-url", "https://docs/{rule}"],
     "--docs-url 'https://docs/{rule}': a template may use only {code} and {name}"),
    (["--config", "missing.toml"], "missing.toml: cannot read: No such file or directory"),
])
def test_usage_errors_are_one_line_and_exit_2(workspace: Path, args: list[str], error: str) -> None:
    process = subprocess.run(server_command(*args), capture_output=True, text=True, timeout=TIMEOUT, cwd=workspace,
                             stdin=subprocess.DEVNULL)
    assert (process.returncode, process.stderr) == (2, f"copylint: error: {error}\n")


def test_without_the_extra_it_names_the_install_command() -> None:
    code = ("import sys; sys.modules['pygls'] = None\n"
            "from copylint.app.cli import main\nsys.exit(main(['lsp']))")
    process = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=TIMEOUT,
                             stdin=subprocess.DEVNULL)
    assert (process.returncode, process.stderr) == (
        2, "copylint: error: copylint lsp needs the lsp extra: pip install 'copylint[lsp]'\n")
