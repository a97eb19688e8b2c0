"""Full web pages: the article body is checked as copy and the page around it left alone (unless the
scope is "page"); a CMS fragment is all body; findings still point into the whole page."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from markup_fixtures import check_well_formed

from copylint import Config, Linter, apply_fixes
from copylint.app.cli import main
from copylint.core.errors import ConfigError
from copylint.readers import read

NAV = '<nav><a href="/">Home</a> | <a href="/news">News</a> | <a href="/sport">Sport</a></nav>\n'
STORY = ("<h1>Bridge reopens after repairs</h1>\n"
         "<p>The Severn crossing reopened on Friday after eight months of repairs that cost twelve million.</p>\n"
         "<p>Share this article</p>\n"
         "<p>Engineers replaced the cable and resurfaced both lanes, and the council said the work had finished "
         "two weeks early.</p>\n")
FOOTER = "<footer><p>Sign up for our newsletter</p><p>© 2025 Western Gazette. All rights reserved.</p></footer>\n"


def page(body: str) -> str:
    return f"<!doctype html>\n<html><head><title>Bridge</title></head>\n<body>\n{body}</body></html>\n"


def texts(source: str, **config: object) -> list[str]:
    found = Linter(Config(select=("CL3",), **config)).check(source, format="html")  # type: ignore[arg-type]
    check_well_formed(source, found)
    return [f.text for f in found]


@pytest.mark.parametrize(("wrapped", "marker"), [
    (f"<article>\n{STORY}</article>\n", "<article>"),
    (f'<div class="story" itemprop="articleBody">\n{STORY}</div>\n', "[itemprop=articleBody]"),
    (f"<main>\n{STORY}</main>\n", "<main>"),
])
def test_a_page_is_checked_on_the_element_that_holds_its_article(wrapped: str, marker: str) -> None:
    source = page(NAV + wrapped + FOOTER)
    doc = read(source, "page.html")
    assert doc.body is not None and doc.body.found_by == marker
    linter = Linter(Config(select=("CL3",)))
    assert [f.text for f in linter.check(source, format="html")] == ["Share this article"]
    assert any("article body" in n and marker in n and "--scope page" in n for n in linter.notices)
    whole = texts(source, scope="page")  # the menu and the footer too (and, out of its place, the headline)
    assert {"Share this article", "Sign up for our newsletter", "© 2025 Western Gazette.",
            "All rights reserved."} <= set(whole) and whole[0].startswith("Home</a> |")


def test_the_largest_article_element_is_the_body_and_teaser_cards_are_not() -> None:
    card = "<article><h2>Council votes on budget</h2><p>Read the story.</p></article>\n"
    source = page(NAV + card + f"<article>\n{STORY}</article>\n" + card + FOOTER)
    body = read(source, "page.html").body
    assert body is not None and "Severn crossing" in read(source, "page.html").prose[body.start:body.end]
    assert texts(source) == ["Share this article"]


MORE = ("<p>Drivers had faced a forty-mile detour while the bridge was shut, and local firms said they had lost "
        "trade through the winter months.</p>\n<p>The council said it would now repair the approach roads on both "
        "sides of the river before the summer holidays began.</p>\n")


def test_without_markers_the_densest_block_of_prose_is_the_body() -> None:
    menu = "".join(f"<div><a href='/{w}'>{w}</a></div>\n" for w in ("Home", "World", "Business", "Sport", "Weather"))
    source = page(menu + f"<div>\n{STORY}{MORE}</div>\n" + "<div><p>Contact us</p><p>Privacy Policy</p></div>\n")
    doc = read(source, "page.html")
    assert doc.body is not None and doc.body.found_by == "the densest block of prose"
    assert texts(source) == ["Share this article"]


def test_a_cms_fragment_is_all_body() -> None:
    fragment = NAV + STORY + FOOTER
    assert read(fragment, "story.html").body is None
    linter = Linter(Config(select=("CL3",)))
    assert "Sign up for our newsletter" in [f.text for f in linter.check(fragment, format="html")]
    assert not linter.notices


def test_findings_and_fixes_point_into_the_whole_page() -> None:
    source = page(NAV + f"<article>\n{STORY}</article>\n" + FOOTER)
    (f,) = Linter(Config(select=("CL3",))).check(source, format="html")
    assert source[f.start:f.end] == "Share this article" and f.line == source[:f.start].count("\n") + 1
    assert apply_fixes(source, [f]) == source.replace("<p>Share this article</p>\n", "")


def test_scope_from_the_command_line_and_the_config(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "page.html"
    path.write_text(page(NAV + f"<article>\n{STORY}</article>\n" + FOOTER), encoding="utf-8")
    assert main(["check", "--isolated", "--select", "CL3", "--format", "json", str(path)]) == 1
    out, err = capsys.readouterr()
    assert [f["text"] for f in json.loads(out)] == ["Share this article"]
    assert "only the article body was checked" in err and err.count("\n") == 1
    assert main(["check", "--isolated", "--select", "CL3", "--format", "json", "--scope", "page", str(path)]) == 1
    out, err = capsys.readouterr()
    assert len(json.loads(out)) > 1 and "article body" not in err
    (tmp_path / ".copylint.toml").write_text('scope = "page"\nselect = ["CL3"]\n', encoding="utf-8")
    main(["check", "--format", "json", str(path)])
    assert len(json.loads(capsys.readouterr()[0])) > 1
    (tmp_path / ".copylint.toml").write_text('scope = "everything"\n', encoding="utf-8")
    assert main(["check", "--format", "json", str(path)]) == 2
    err = capsys.readouterr()[1]
    assert "scope" in err and "body, page" in err and err.count("\n") == 1


def test_a_bad_scope_in_code_is_a_config_error() -> None:
    with pytest.raises(ConfigError):
        Config(scope="everything")
