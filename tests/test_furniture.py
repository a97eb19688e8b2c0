"""Rules do not read furniture: rules that mark web furniture run first, and the spans they mark are
on the Document for the rules after them (the spelling and names rules skip them)."""

from __future__ import annotations

import pytest
from rule_fixtures import MarksFooterRule, ReadsFurnitureRule, registered

from copylint import Config, Linter
from copylint.core.document import OffsetMap, ProseBuilder, Region
from copylint.readers import read

FOOTER_NAMES = ("Markets rallied after FactSet data showed strong earnings for the quarter, analysts said on "
                "Monday.\n\nInvestors bought shares in banks and retailers as the figures beat expectations across "
                "the board.\n\nMarket data provided by Factset.\n")


def test_rules_that_mark_furniture_run_first_and_hand_it_on() -> None:
    text = "Copy of the story.\nFooter: legal words\nMore copy.\n"
    with registered(MarksFooterRule, ReadsFurnitureRule):
        found = Linter(Config(select=("CL987", "CL988"))).check(text)
    # the reader (CL987) sorts first but runs after the marker (CL988), and sees its span
    assert [(f.code, f.text) for f in found] == [("CL987", "Footer: legal words"), ("CL988", "Footer: legal words")]


def test_a_rule_that_does_not_mark_furniture_cannot() -> None:
    text = "Footer: legal words\n"
    with registered(ReadsFurnitureRule):  # it says furniture=True, but it does not mark furniture
        assert Linter(Config(select=("CL987",))).check(text) == []


def test_a_footer_is_not_a_name_finding() -> None:
    assert not [f for f in Linter(Config()).check(FOOTER_NAMES) if f.code.startswith("CL2")]
    # without the boilerplate rules there is no furniture, and the footer is read as copy
    assert [f.text for f in Linter(Config(ignore=("CL3",))).check(FOOTER_NAMES) if f.code == "CL201"] == ["Factset"]


def test_a_typo_in_furniture_is_not_a_spelling_finding() -> None:
    text = ("Floods hit the town\n\nThe river rose overnight and several roads were closed, the council said on "
            "Monday.\n\nThis story will be updated as more informaton becomes available.\n")
    assert [f.code for f in Linter(Config()).check(text)] == ["CL301"]
    assert [f.text for f in Linter(Config(ignore=("CL3",))).check(text)] == ["informaton"]


@pytest.mark.parametrize(("leftover", "code"), [
    ("This story will be updated as more more information becomes available.", "CL102"),  # a doubled word
    ("Read more: Whatâ€™s next for the river", "CL104"),  # encoding damage
    ("Market data provided by Nato.", "CL204"),  # an acronym written as a word (NATO above)
])
def test_furniture_is_read_by_no_spelling_or_names_rule(leftover: str, code: str) -> None:
    text = ("Floods hit the town\n\nThe river rose overnight and several roads were closed, NATO officials said "
            f"on Monday.\n\n{leftover}\n")
    assert [(f.code, f.text) for f in Linter(Config()).check(text)] == [("CL301", leftover)]
    assert code in [f.code for f in Linter(Config(ignore=("CL3",))).check(text)]


def test_document_furniture_spans() -> None:
    doc = read("one two three four five", "a.txt")
    doc.mark_furniture([(8, 13), (4, 7), (5, 6), (20, 20)])
    assert doc.furniture == ((4, 7), (8, 13))
    assert doc.in_furniture(9, 10) and doc.in_furniture(0, 5) and not doc.in_furniture(14, 18)
    assert doc.prose_without_furniture == "one " + " " * 9 + " four five"
    assert len(doc.prose_without_furniture) == len(doc.prose)


def test_offset_map_slices_keep_their_source() -> None:
    source = "<p>AT&amp;T rose</p><p>Shares fell</p>"
    b = ProseBuilder(source)
    b.copy(3, 5)
    b.replace(5, 10, "&")
    b.copy(10, 16)
    b.insert("\n\n", 20)
    b.copy(23, 34)
    prose, offsets = b.build()
    assert prose == "AT&T rose\n\nShares fell"
    part = offsets.sliced(11, len(prose))
    assert source[slice(*part.span(0, 6))] == "Shares"
    inner = offsets.sliced(1, 5)  # "T&T ": the entity stays whole
    assert source[slice(*inner.span(0, 3))] == "T&amp;T"
    assert OffsetMap.identity(10).sliced(2, 5).span(0, 3) == (2, 5)


def test_a_document_within_a_region_points_into_the_whole_source() -> None:
    source = "<html><body><nav>Home</nav><article><p>Story copy here.</p></article></body></html>"
    doc = read(source, "a.html")
    body = doc.within(Region(doc.prose.index("Story"), len(doc.prose), "<article>"))
    assert body.prose == "Story copy here."
    assert source[slice(*body.source_span(0, 5))] == "Story"


def test_a_document_within_a_region_keeps_its_italics() -> None:
    doc = read("<nav><em>Home</em></nav><article><p>The <em>hanbok</em> show.</p></article>", "a.html")
    body = doc.within(Region(doc.prose.index("The"), len(doc.prose), "<article>"))
    assert [body.prose[s:e].strip() for s, e in body.italics] == ["hanbok"]
