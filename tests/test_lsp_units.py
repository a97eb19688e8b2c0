"""The language server's parts that need no client: the edits "fix all" sends, the suppression
comment "disable for this line" writes (it must keep the Markdown document's structure), the
related information of a name variant, the rule pages and the initialization options."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

pytest.importorskip("pygls")

from markdown_it import MarkdownIt

from copylint import Config, Linter, readers
from copylint.app.lsp.actions import changed_spans, disable_line_edit, wanted
from copylint.app.lsp.diagnostics import related_information
from copylint.app.lsp.positions import UTF16, TextPositions
from copylint.app.lsp.rule_docs import RuleDocs
from copylint.app.lsp.settings import ServerSettings
from copylint.core.edits import apply_edits
from copylint.core.finding import Edit
from copylint.engine.registry import all_rules
from copylint.report.explain import explain

LINES = st.lists(st.sampled_from(["Talks ended.\n", "last yeae 😀\n", "\n", "Share.\r\n", "é", "x"]), max_size=8)


def apply_literally(text: str, edits: list[Edit]) -> str:
    """Apply edits as an editor applies TextEdits: character for character, last first."""
    for e in sorted(edits, key=lambda e: e.start, reverse=True):
        text = text[:e.start] + e.replacement + text[e.end:]
    return text


@given(LINES, LINES)
def test_fix_all_edits_turn_the_old_text_into_the_new_one(old: list[str], new: list[str]) -> None:
    before, after = "".join(old), "".join(new)
    edits = changed_spans(before, after)
    assert apply_literally(before, edits) == after
    assert all(e.start < e.end or e.replacement for e in edits)  # no empty edits


def test_a_fixed_word_is_one_small_edit() -> None:
    before = "Kim Jong Un left.\nThey left last yeae for good.\nShare.\n"
    (edit,) = changed_spans(before, before.replace("yeae", "year"))
    assert apply_literally(before, [edit]) == before.replace("yeae", "year")
    assert before[edit.start:edit.end] == "e" and edit.replacement == "r"


@pytest.mark.parametrize("text", [
    "# Talks\n\nThey left last yeae for good.\n",
    "Talks ended\nlast yeae for good.\n",
    "> Talks ended\n> last yeae.\n",
    "- first\n- last yeae\n",
    "1. first\n2. last yeae\n",
    "## Talks\nThey left last yeae.\n",
    "---\ntitle: Talks\n---\nThey left last yeae.\n",
    "Talks ended\r\nlast yeae for good.\r\n",
])
def test_disabling_a_line_in_markdown_silences_it_and_renders_the_same(text: str) -> None:
    linter = Linter(Config())
    document = readers.read(text, "story.md", "markdown")
    (finding,) = linter.check_document(document)
    fixed = apply_edits(text, [disable_line_edit(TextPositions(text, UTF16), finding, document)])
    assert linter.check(fixed, format="markdown") == []
    parser = MarkdownIt("commonmark").enable("table")
    rendered = parser.render(fixed).replace(" <!-- copylint: disable-next-line CL101 -->", "")
    rendered = rendered.replace("<!-- copylint: disable-next-line CL101 -->\n", "")
    assert rendered == parser.render(text)


def test_a_name_variant_points_at_the_first_place_of_the_other_form() -> None:
    text = "Kim Jong Un met envoys.\n\nLater, Kim Jong-un's army moved. Kim Jong Un left.\n"
    document = readers.read(text, "story.md", "markdown")
    (finding,) = [f for f in Linter(Config()).check_document(document) if f.code == "CL201"]
    (related,) = related_information(finding, TextPositions(text, UTF16), "file:///story.md", document)
    assert (related.location.range.start.line, related.location.range.start.character) == (0, 0)
    assert related.location.range.end.character == len("Kim Jong Un")
    assert related.message == "“Kim Jong Un”, written 2× in this article: first here"


def test_kinds_match_their_parents() -> None:
    assert wanted("source.fixAll.copylint", ["source.fixAll"]) and wanted("source.fixAll.copylint", ["source"])
    assert wanted("quickfix", None) and not wanted("quickfix", ["source"])
    assert not wanted("source.fixAll.copylint", ["source.fix"])


def test_rule_pages_are_what_copylint_rule_prints(tmp_path: Path) -> None:
    rules = all_rules()
    docs = RuleDocs(rules, None, str(tmp_path / "rules"))
    assert docs.prepare() is None
    page = Path(docs.link("CL101").removeprefix("file://"))  # type: ignore[union-attr]
    assert page.read_text(encoding="utf-8") == explain(rules["CL101"]) + "\n"
    published = RuleDocs(rules, "https://desk.example/rules/{code}-{name}")
    assert published.prepare() is None
    assert published.link("CL201") == "https://desk.example/rules/CL201-name-variants"
    (tmp_path / "blocked").write_text("a file, not a folder", encoding="utf-8")
    unwritable = RuleDocs(rules, None, str(tmp_path / "blocked" / "rules"))
    assert "cannot write the rule pages" in (unwritable.prepare() or "") and unwritable.link("CL101") is None


def test_initialization_options_are_checked_one_by_one() -> None:
    settings, problems = ServerSettings().with_client_options(
        {"debounceMs": 300, "docsUrl": "https://desk.example/{code}", "colour": "red"})
    assert (settings.debounce, settings.docs_url) == (0.3, "https://desk.example/{code}")
    assert problems == ["unknown initialization option 'colour' (known: debounceMs, docsUrl); ignored"]
    settings, problems = ServerSettings().with_client_options({"debounceMs": -1, "docsUrl": "https://x/{rule}"})
    assert settings == ServerSettings() and len(problems) == 2
    assert ServerSettings().with_client_options(["not", "an", "object"])[1] == [
        "initializationOptions must be an object, not list; ignored"]
    assert ServerSettings().with_client_options(None) == (ServerSettings(), [])
