"""The HTML reader: which text is prose, entities, breaks, broken markup, comments, block deletions."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markup_fixtures import DeleteMarkedBlocks, FlagEveryWord, check_well_formed, check_word_findings
from rule_fixtures import FlagWordRule, registered

from copylint import Config, Linter, apply_fixes
from copylint.readers import format_for_path, read


def prose(source: str) -> str:
    return read(source, "a.html").prose


def word_spans(source: str) -> list[str]:
    doc = read(source, "a.html")
    return [source[slice(*doc.source_span(*m.span()))] for m in re.finditer(r"\S+", doc.prose)]


def flagged(source: str, select: tuple[str, ...] = ("CL991",)) -> list[tuple[str, str, int]]:
    with registered(FlagWordRule):
        found = Linter(Config(select=select)).check(source, format="html")
    return [(f.code, f.text, f.line) for f in found]


def test_html_is_picked_by_extension_and_by_name() -> None:
    assert format_for_path("a.html") == format_for_path("b.HTM") == "html"
    assert flagged("<p>It was <b>wrongly</b> done</p>") == [("CL991", "wrongly", 1)]


def test_script_style_code_pre_head_and_attributes_are_not_prose() -> None:
    source = ("<html><head><title>Title words</title><style>p > a { x: 1 }</style></head>"
              "<body><p title=\"attribute words\">Keep <code>code words</code> this.</p>"
              "<script>if (a < b) { document.write('<p>script words</p>') }</script>"
              "<pre>pre words</pre><p data-x='a > b'>End.</p></body></html>")
    assert prose(source) == "Keep this.\n\nEnd."


def test_head_without_end_tag_ends_where_the_body_starts() -> None:
    assert prose("<html><head><meta charset=utf-8><title>T</title><p>Body text.") == "Body text."


def test_inline_elements_do_not_split_words_and_blocks_do() -> None:
    source = "<p>Ukr<em>anian</em> <a href='x'>forces</a></p><div>next</div>one<br>two<li>item"
    assert prose(source) == "Ukranian forces\n\nnext\n\none\ntwo\n\nitem"
    assert word_spans(source)[:2] == ["Ukr<em>anian", "forces"]


def test_skipped_inline_content_still_separates_words() -> None:
    assert prose("<p>use<code>x</code>ful</p>") == "use ful"


def test_entities_decode_and_map_to_the_whole_entity() -> None:
    source = "<p>AT&amp;T&#8217;s &ldquo;plan&rdquo; &#x2014; June&nbsp;2024 &amp no &bogus; &ampx</p>"
    doc = read(source, "a.html")
    assert doc.prose == "AT&T’s “plan” — June\u00a02024 & no &bogus; &x"
    assert word_spans(source)[:2] == ["AT&amp;T&#8217;s", "&ldquo;plan&rdquo;"]


def test_finding_over_an_entity_covers_all_of_it() -> None:
    source = "<p>it&#8217;s wrongly</p>"
    with registered(FlagEveryWord):
        found = Linter(Config(select=("CL995",))).check(source, format="html")
    assert [(f.text, f.column) for f in found] == [("it&#8217;s", 4), ("wrongly", source.index("wrongly") + 1)]
    doc = read(source, "a.html")
    assert source[slice(*doc.source_span(2, 3))] == "&#8217;"


def test_whitespace_runs_read_as_one_space() -> None:
    source = "<p>\n   First\n   line   here\n</p>\n\n<p>Second</p>"
    doc = read(source, "a.html")
    assert doc.prose == "First line here\n\nSecond"
    assert word_spans(source) == ["First", "line", "here", "Second"]


def test_broken_html_reads_like_a_browser_and_never_raises() -> None:
    assert prose("a < b and 3<4 and <3 </ and </> x") == "a < b and 3<4 and <3 x"
    assert prose("<p>one<p>two</span></p>") == "one\n\ntwo"
    assert prose("<p>text <a href='unclosed>never") == "text"
    assert prose("<p>text <!-- unclosed comment") == "text"
    assert prose("<p>before<script>never closed") == "before"
    assert prose("<p>x</") == "x</"


def test_crlf_and_bom_keep_line_and_column() -> None:
    source = "\ufeff<p>It was</p>\r\n<p>so wrongly done.</p>\r\n"
    with registered(FlagWordRule):
        (f,) = Linter(Config(select=("CL991",))).check(source, format="html")
    assert (f.text, f.line, f.column) == ("wrongly", 2, 7)


# ------------------------------------------------------------------ suppression comments
def test_disable_enable_and_disable_next_line() -> None:
    source = ("<p>wrongly one</p>\n<!-- copylint: disable CL991 -->\n<p>wrongly two</p>\n"
              "<!-- copylint: enable CL991 -->\n<p>wrongly three</p>\n"
              "<!-- copylint: disable-next-line -->\n\n<p>wrongly four</p>\n<p>wrongly five</p>\n")
    assert flagged(source, ("CL991", "CL001")) == [("CL991", "wrongly", 1), ("CL991", "wrongly", 5),
                                                    ("CL991", "wrongly", 9)]


def test_unused_suppression_is_reported_and_its_fix_removes_the_comment() -> None:
    source = "<p>Fine <!-- copylint: disable-next-line CL991 --></p>\n<p>still fine</p>\n"
    with registered(FlagWordRule):
        found = Linter(Config(select=("CL991", "CL001"))).check(source, format="html")
    assert [(f.code, f.text) for f in found] == [("CL001", "<!-- copylint: disable-next-line CL991 -->")]
    assert apply_fixes(source, found) == "<p>Fine </p>\n<p>still fine</p>\n"


# ------------------------------------------------------------------ block deletions
def delete_marked(source: str) -> str:
    with registered(DeleteMarkedBlocks):
        found = Linter(Config(select=("CL994",))).check(source, format="html")
    return apply_fixes(source, found)


def test_deleting_a_block_removes_the_element_that_held_only_it() -> None:
    source = ("<article>\n<p>Body text.</p>\n  <div class=\"share\"><span>Share.</span></div>\n"
              "<a class=\"exit\" href=\"/?amp=0\">Exit mobile version</a>\n<p>End.</p>\n</article>\n")
    assert delete_marked(source) == "<article>\n<p>Body text.</p>\n<p>End.</p>\n</article>\n"


def test_deleting_text_that_shares_its_element_keeps_the_element() -> None:
    assert delete_marked("<p>Body text.<br>Share.</p>") == "<p>Body text.<br></p>"
    assert delete_marked("<p>Body <b>text</b>.<br>Share.<br>End.</p>") == "<p>Body <b>text</b>.<br>End.</p>"


def test_elements_on_one_line_are_deleted_without_the_line() -> None:
    assert delete_marked("<p>Keep.</p><p>Share.</p><p>End.</p>") == "<p>Keep.</p><p>End.</p>"


# ------------------------------------------------------------------ properties
HTML_PIECES = ["wrongly", "word", "Ukr", "anian", "Zap", "Share.", " ", " ", "\n", "\r\n", "\t", "<p>", "</p>",
               "<div class=\"a > b\">", "</div>", "<em>", "</em>", "<a href='x'>", "</a>", "<br>", "<br/>",
               "<li>", "<ul>", "</ul>", "<code>", "</code>", "<pre>", "</pre>", "<script>", "</script>",
               "<style>", "</style>", "<!-- copylint: disable -->", "<!-- c -->", "<!--", "-->", "&amp;",
               "&#8217;", "&nbsp;", "&ldquo;", "&amp", "&#x2014;", "<", ">", "</", "<!DOCTYPE html>", "<td>",
               "<h2>", "</h2>", "<span>", "</span>", "\ufeff", "'", "\"", "=", "<head>", "<body>"]
html_documents = st.lists(
    st.one_of(st.sampled_from(HTML_PIECES), st.text(st.characters(blacklist_characters="&"), max_size=3)),
    max_size=60).map("".join)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(html_documents)
def test_every_finding_maps_to_its_exact_source(source: str) -> None:
    with registered(FlagEveryWord):  # every built-in rule runs too
        found = Linter(Config(extend_select=("CL995",))).check(source, format="html")
    check_well_formed(source, found)
    check_word_findings(source, [f for f in found if f.code == "CL995"])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(html_documents)
def test_block_deletions_keep_every_other_word(source: str) -> None:
    with registered(DeleteMarkedBlocks):
        DeleteMarkedBlocks.check_deletion(Linter(Config(select=("CL994",))), source, "html", reread=True)
