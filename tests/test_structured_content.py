"""Structured content is copy, not furniture: CL302 leaves lists, results, fixtures, line-ups, tables of
figures, timelines, transcripts, recipes, subheadings, datelines, day headings, attributions and
separators alone (hand-written documents of each kind; nothing here is copied from a corpus)."""

from __future__ import annotations

import pytest

from copylint import Config, Linter
from copylint.engine.fixing import fix_source

CL3 = Linter(Config(select=("CL3",)))
INTRO = ("Storm hits the coast\n\nHeavy rain and high winds battered the coast on Sunday, closing roads and schools "
         "across the region as emergency crews worked through the night.\n\n")
OUTRO = ("\n\nForecasters said the weather would calm by Tuesday, although more rain was expected later in the "
         "week across the hills.\n")

STRUCTURED = {
    "numbered list": "The worst-hit towns were:\n\n1. Charlottetown\n\n2. Summerside\n\n3. Montague",
    "bulleted list": "Officials listed the closures:\n\n- Main Street bridge\n- Harbour Road\n- The ferry terminal",
    "recipe": ("## Ingredients\n\n- 250g red lentils\n- 2 shallots, finely diced\n- 1 tsp ground cumin\n\n## Method\n\n"
               "1. Rinse the lentils.\n2. Fry the shallots.\n3. Simmer for 20 minutes."),
    "fixtures": "Weekend fixtures\n\nArsenal v Chelsea\n\nLeeds v Everton\n\nWolves v Fulham",
    "results": "Results\n\nArsenal 2-1 Chelsea\n\nLeeds 0-0 Everton\n\nMan Utd 3 Liverpool 1",
    "schedule": ("Sunday's games\n\nGreen Bay at Chicago, 1 p.m. (CBS)\n\nSt. Louis at Denver, 4:05 p.m. (Fox)\n\n"
                 "Minnesota at Detroit, 8:20 p.m. (NBC)"),
    "line-ups": ("Line-ups\n\nArsenal: Raya, White, Saliba, Gabriel, Rice.\n\nChelsea: Sanchez, James, Colwill, "
                 "Cucurella.\n\nSubs not used: Smith, Jones, Brown.\n\nReferee: Mike Dean\n\nAttendance: 20,170."),
    "table of figures": ("How the parties did\n\nLabour - 412\n\nConservative - 121\n\nLiberal Democrat - 72\n\n"
                         "Turnout: 60%"),
    "odds": "Favourites to win\n\nJane Smith - 1/50\n\nJohn Brown - 12/1\n\nAnna Green - 20/1",
    "timeline": ("How the night unfolded\n\n10:50 p.m.: The first flood warning is issued.\n\n11:30 p.m.: Police "
                 "close the coast road.\n\n2000 GMT\n\nThe river peaks at the bridge."),
    "transcript": ("Q: What was your biggest challenge?\n\nA: Keeping everyone safe through the night.\n\n"
                   "Q: Would you do it again?\n\nA: Every time."),
    "subheadings": ("The clean-up begins\n\nVolunteers started clearing the streets at dawn, helped by soldiers "
                    "from the nearby base.\n\nWHAT HAPPENS NEXT\n\nThe council will meet on Monday to decide on "
                    "emergency funding for the worst-hit families."),
    "faq": ("Why did the river flood?\n\nEngineers said the drains could not cope with a month of rain falling in "
            "a single day."),
    "dateline and day headings": ("Sunday, 27 February\n\nThe rain began at noon and did not stop for eighteen "
                                  "hours.\n\nMonday, 28 February\n\nThe sun came out over a ruined harbour."),
    "attributions": ("“We lost everything in an hour,” one resident said.\n\n— Pete, 54\n\n“The water came in "
                     "through the floor,” another said.\n\n— Mary, 71"),
    "separator": "The storm was the worst in forty years, officials said.\n\n___\n\nThis story was corrected.",
}


@pytest.mark.parametrize("kind", STRUCTURED)
def test_structured_content_is_never_flagged_by_the_line_rule(kind: str) -> None:
    text = INTRO + STRUCTURED[kind] + OUTRO
    for fmt in ("text", "markdown"):
        found = [f for f in CL3.check(text, format=fmt) if f.code == "CL302"]
        assert not found, (kind, fmt, [f.text for f in found])


@pytest.mark.parametrize("kind", STRUCTURED)
def test_structured_content_survives_unsafe_fixes(kind: str) -> None:
    text = INTRO + STRUCTURED[kind] + OUTRO
    assert fix_source(CL3, text, format="text", path="story.txt", unsafe=True).text == text, kind


def test_structured_content_at_the_end_of_an_article_is_copy_too() -> None:
    for kind in ("numbered list", "results", "schedule", "line-ups", "odds", "transcript", "attributions"):
        text = INTRO + STRUCTURED[kind] + "\n"
        assert not [f for f in CL3.check(text) if f.code == "CL302"], kind


def test_furniture_around_structured_content_is_still_found() -> None:
    text = INTRO + STRUCTURED["results"] + "\n\nShare this article\n\nPolitics | Sport | Weather\n"
    assert [f.text for f in CL3.check(text)] == ["Share this article", "Politics | Sport | Weather"]


def test_a_wire_dateline_on_its_own_line_opening_the_story_is_copy() -> None:
    for dateline in ("HALIFAX --", "HALIFAX —", "Halifax, Nova Scotia —"):
        text = f"Storm hits the coast\n\n{dateline}\n\n" + INTRO.split("\n\n", 1)[1] + OUTRO.lstrip("\n")
        assert not [f for f in CL3.check(text) if f.code == "CL302"], dateline
