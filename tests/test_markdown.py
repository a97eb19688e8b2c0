"""The Markdown reader: which text is prose, exact source positions, comments and block deletions."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markup_fixtures import DeleteMarkedBlocks, FlagEveryWord, check_well_formed, check_word_findings
from rule_fixtures import FlagWordRule, registered

from copylint import Config, Linter, apply_fixes
from copylint.readers import format_for_path, read


def words(source: str) -> list[str]:
    doc = read(source, "a.md")
    return re.findall(r"\w+", doc.prose)


def word_spans(source: str) -> list[str]:
    """The source text behind each word of the prose."""
    doc = read(source, "a.md")
    return [source[slice(*doc.source_span(*m.span()))] for m in re.finditer(r"\w+", doc.prose)]


def test_markdown_is_picked_by_extension() -> None:
    assert format_for_path("story.md") == format_for_path("story.markdown") == "markdown"


def test_prose_comes_from_every_kind_of_text_block() -> None:
    source = ("# Heading one\n\nA paragraph\nwrapped.\n\n> Quoted words\n\n- first item\n- second item\n\n"
              "1. numbered\n\n| cell one | cell two |\n|---|---|\n| body cell | other |\n\n"
              "See [link text](https://example.com/path \"title words\") and ![alt words](pic.png).\n")
    assert words(source) == ["Heading", "one", "A", "paragraph", "wrapped", "Quoted", "words", "first",
                             "item", "second", "item", "numbered", "cell", "one", "cell", "two", "body",
                             "cell", "other", "See", "link", "text", "and", "alt", "words"]
    assert word_spans(source) == words(source)


def test_code_html_urls_front_matter_and_references_are_not_prose() -> None:
    source = ("---\ntitle: Front words\n---\n\nKeep `inline code` this.\n\n```\nfenced code\n```\n\n"
              "    indented code\n\n<div>\nraw html\n</div>\n\nVisit <https://auto.example.com/x> now.\n\n"
              "[ref]: https://example.com \"Reference title\"\n")
    assert words(source) == ["Keep", "this", "Visit", "now"]
    assert word_spans(source) == words(source)


def test_toml_front_matter_and_unclosed_fence_is_text() -> None:
    assert words("+++\ntitle = 'x'\n+++\nBody.\n") == ["Body"]
    assert words("---\nnot front matter\n") == ["not", "front", "matter"]


def test_blocks_are_separated_by_paragraph_breaks_and_lines_keep_their_newline() -> None:
    doc = read("# Title\nFirst line\nsecond line\n\n- item\n", "a.md")
    assert doc.prose == "Title\n\nFirst line\nsecond line\n\nitem"
    assert [doc.prose[s:e] for s, e in doc.paragraphs] == ["Title", "First line\nsecond line", "item"]


def test_inline_markup_does_not_split_words() -> None:
    source = "Ukr*an*ian and Ukr<em>anian</em> forces.\n"
    doc = read(source, "a.md")
    assert doc.prose == "Ukranian and Ukranian forces."
    assert word_spans(source)[:3] == ["Ukr*an*ian", "and", "Ukr<em>anian"]


def test_escapes_and_entities_stand_for_their_whole_source() -> None:
    source = "AT&amp;T said \\*not\\* so&#8217;s it.\n"
    doc = read(source, "a.md")
    assert doc.prose == "AT&T said *not* so’s it."
    amp = doc.prose.index("&")
    assert source[slice(*doc.source_span(amp, amp + 1))] == "&amp;"
    star = doc.prose.index("*")
    assert source[slice(*doc.source_span(star, star + 1))] == "\\*"
    assert source[slice(*doc.source_span(doc.prose.index("so"), doc.prose.index(" it")))] == "so&#8217;s"


def test_table_cell_with_escaped_pipe() -> None:
    source = "| a \\| b | c |\n|---|---|\n"
    doc = read(source, "a.md")
    assert doc.prose == "a | b\n\nc"
    assert source[slice(*doc.source_span(0, 5))] == "a \\| b"


def test_crlf_bom_and_lone_carriage_returns_keep_positions() -> None:
    source = "\ufeff# Title\r\n\r\nIt was\r\nwrongly done.\r\nA\rwrongly\n"
    with registered(FlagWordRule):
        found = Linter(Config(select=("CL991",))).check(source, format="markdown")
    assert [(f.text, f.line, f.column) for f in found] == [("wrongly", 4, 1), ("wrongly", 5, 3)]


def test_finding_positions_inside_links_and_lists() -> None:
    source = "Intro.\n\n- a [wrongly](https://wrongly.example.com) item\n  > wrongly quoted\n"
    with registered(FlagWordRule):
        found = Linter(Config(select=("CL991",))).check(source, format="markdown")
    assert [(f.text, f.line, f.column) for f in found] == [("wrongly", 3, 6), ("wrongly", 4, 5)]


def test_nested_emphasis_and_code_span_with_backticks() -> None:
    source = "***wrongly*** and ``code ` wrongly`` and `` ` `` wrongly\n"
    with registered(FlagWordRule):
        found = Linter(Config(select=("CL991",))).check(source, format="markdown")
    assert [f.start for f in found] == [3, source.rindex("wrongly")]


# ------------------------------------------------------------------ suppression comments
def check_md(source: str, select: tuple[str, ...] = ("CL991", "CL001")) -> list[tuple[str, str, int]]:
    with registered(FlagWordRule):
        found = Linter(Config(select=select)).check(source, format="markdown")
    return [(f.code, f.text, f.line) for f in found]


def test_disable_and_enable() -> None:
    source = ("wrongly one\n\n<!-- copylint: disable CL991 -->\n\nwrongly two\n\n"
              "<!-- copylint: enable CL991 -->\n\nwrongly three\n")
    assert check_md(source) == [("CL991", "wrongly", 1), ("CL991", "wrongly", 9)]


def test_disable_next_line_inline_and_block_comments() -> None:
    source = "<!-- copylint: disable-next-line -->\nwrongly one\nwrongly two <!-- copylint: disable-next-line -->\n"
    assert check_md(source, ("CL991",)) == [("CL991", "wrongly", 3)]


def test_unused_suppression_is_reported_and_fixed() -> None:
    source = "Fine copy.\n\n<!-- copylint: disable-next-line CL991 -->\nStill fine.\n"
    with registered(FlagWordRule):
        found = Linter(Config(select=("CL991", "CL001"))).check(source, format="markdown")
    assert [(f.code, f.text) for f in found] == [("CL001", "<!-- copylint: disable-next-line CL991 -->")]
    assert apply_fixes(source, found) == "Fine copy.\n\nStill fine.\n"  # the comment goes with its line


# ------------------------------------------------------------------ block deletions
def test_deleting_a_block_removes_its_lines_with_their_newline() -> None:
    source = "Body text.\n\nShare.\nExit mobile version\n\n- Zap list item\n\nEnd.\n"
    with registered(DeleteMarkedBlocks):
        found = Linter(Config(select=("CL994",))).check(source, format="markdown")
    assert [f.text for f in found] == ["Share.", "Exit mobile version", "Zap list item"]
    # the run of deleted blocks takes one blank line with it: the paragraphs stay one blank line apart
    assert apply_fixes(source, found) == "Body text.\n\nEnd.\n"


def test_deleting_part_of_a_line_is_not_widened() -> None:
    source = "Body text. Share.\n"
    doc = read(source, "a.md")
    assert doc.widen_deletion is not None
    assert doc.widen_deletion(11, 17) == (11, 17)
    assert doc.widen_deletion(0, 17) == (0, 18)


# ------------------------------------------------------------------ properties
MD_PIECES = ["wrongly", "word", "Ukr", "anian", "Zap", " ", " ", " ", "\n", "\n\n", "\r\n", "# ", "## ", "> ",
             "- ", "1. ", "*", "**", "_", "`", "``", "~~", "[", "](", ")", "](https://x.example.com/a_b)",
             "![", "<em>", "</em>", "<br>", "<!-- copylint: disable -->", "<!-- c -->", "&amp;", "&#8217;",
             "&nbsp;", "\\*", "\\", "|", "|---|", "---", "```", "    ", "\t", "<https://auto.example.com>",
             "[ref]", "[ref]: https://r.example.com", "\ufeff", "<div>", "</div>", "+++", "===", "'", "’"]
md_documents = st.lists(
    st.one_of(st.sampled_from(MD_PIECES), st.text(st.characters(blacklist_characters="&"), max_size=3)),
    max_size=60).map("".join)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(md_documents)
def test_every_finding_maps_to_its_exact_source(source: str) -> None:
    with registered(FlagEveryWord):  # every built-in rule runs too
        found = Linter(Config(extend_select=("CL995",))).check(source, format="markdown")
    check_well_formed(source, found)
    check_word_findings(source, [f for f in found if f.code == "CL995"])


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(md_documents)
def test_block_deletions_keep_every_other_word(source: str) -> None:
    with registered(DeleteMarkedBlocks):
        linter = Linter(Config(select=("CL994",)))
        DeleteMarkedBlocks.check_deletion(linter, source, "markdown")
