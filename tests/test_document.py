"""The document model: offset maps, lines, paragraphs, tokens and sentences."""

from __future__ import annotations

from copylint.core.document import OffsetMap, ProseBuilder
from copylint.readers import read


def test_identity_map_round_trip() -> None:
    m = OffsetMap.identity(10)
    assert m.span(2, 5) == (2, 5)
    assert m.span(4, 4) == (4, 4)
    assert m.span(10, 10) == (10, 10)


def test_builder_maps_replacements_as_a_whole() -> None:
    source = "AT&amp;T and <b>Ukr</b>anian"
    b = ProseBuilder(source)
    b.copy(0, 2)  # AT
    b.replace(2, 7, "&")  # &amp;
    b.copy(7, 13)  # "T and "
    b.copy(16, 19)  # Ukr
    b.copy(23, 28)  # anian
    prose, m = b.build()
    assert prose == "AT&T and Ukranian"
    assert source[slice(*m.span(0, 4))] == "AT&amp;T"
    assert source[slice(*m.span(2, 3))] == "&amp;"
    word = prose.index("Ukranian")
    s, e = m.span(word, word + len("Ukranian"))
    assert source[s:e] == "Ukr</b>anian"


def test_inserted_break_has_no_source_width() -> None:
    source = "<p>One</p><p>Two</p>"
    b = ProseBuilder(source)
    b.copy(3, 6)
    b.insert("\n\n", 10)
    b.copy(13, 16)
    prose, m = b.build()
    assert prose == "One\n\nTwo"
    assert m.span(5, 8) == (13, 16)
    assert m.span(3, 5) == (10, 10)


def test_lines_paragraphs_and_positions_with_crlf_and_bom() -> None:
    source = "\ufeffFirst line.\r\nSecond line.\r\n\r\nNew para."
    doc = read(source, "a.txt")
    assert len(doc.prose) == len(source)
    assert [doc.prose[s:e].strip() for s, e in doc.lines] == ["First line.", "Second line.", "", "New para."]
    assert [doc.prose[s:e] for s, e in doc.paragraphs] == ["First line. \nSecond line.", "New para."]
    para = source.index("New")
    assert doc.position(para) == (4, 1)
    assert doc.position(source.index("Second")) == (2, 1)


def test_token_kinds() -> None:
    doc = read("See https://example.com/a?b=1, mail ed@bbc.co.uk, @bbcnews #Kursk 3.5pc 10,000-12,000 "
               "US-led Kim Jong-un’s bbc.co.uk/news and 30-year-old.")
    kinds = {t.text: t.kind for t in doc.tokens}
    assert kinds["https://example.com/a?b=1"] == "url"
    assert kinds["ed@bbc.co.uk"] == "email"
    assert kinds["@bbcnews"] == "handle"
    assert kinds["#Kursk"] == "hashtag"
    assert kinds["3.5pc"] == "number"
    assert kinds["10,000-12,000"] == "number"
    assert kinds["US-led"] == "word"
    assert kinds["Jong-un’s"] == "word"
    assert kinds["bbc.co.uk/news"] == "url"
    assert kinds["30-year-old"] == "number"


def test_sentence_starts() -> None:
    doc = read("Mr Smith met Dr. Jones. Then they left. “Great,” said Kim.\n\nPutin spoke.")
    starts = [t.text for t in doc.tokens if t.sentence_start]
    assert starts == ["Mr", "Then", "Great", "Putin"]
    assert len(doc.sentences) == 4


def test_hard_wrapped_line_does_not_start_a_sentence() -> None:
    doc = read("the leader of North Korea, Kim\nJong Un, said")
    assert not next(t for t in doc.tokens if t.text == "Jong").sentence_start


def test_memo_computes_once_per_document() -> None:
    calls = []

    def count() -> int:
        calls.append(1)
        return len(calls)

    doc, other = read("One text."), read("One text.")
    assert doc.memo("k", count) == doc.memo("k", count) == 1
    assert other.memo("k", count) == 2
