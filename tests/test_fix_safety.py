"""Fixes that never delete copy: the engine's guard against overreaching fixes, boilerplate spans that
are the furniture alone, scraped one-line copy, and a property test over random prose."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rule_fixtures import OverreachingRule, SeparatorDeletingRule, registered

from copylint import Config, Linter, apply_fixes
from copylint.core.edits import plan_fixes, reaches_beyond
from copylint.core.finding import Edit
from copylint.engine.fixing import fix_source

CL3 = Linter(Config(select=("CL3",)))


def fixed(text: str, *, unsafe: bool = False, linter: Linter = CL3, format: str = "text") -> str:
    return fix_source(linter, text, format=format, path="story", unsafe=unsafe).text


def words(text: str) -> list[str]:
    return re.findall(r"[A-Za-z][A-Za-z'’-]*", text)


# ------------------------------------------------------------------ the engine's guard
def test_a_fix_that_deletes_words_it_does_not_report_is_refused_for_any_rule() -> None:
    text = "The minister said it was wrongly done. The river rose overnight.\n"
    with registered(OverreachingRule):
        linter = Linter(Config(select=("CL990",)))
        (f,) = linter.check(text)
        assert f.text == "wrongly" and f.fix is None  # reported, without the fix it offered
        assert any("CL990" in n and "without a fix" in n for n in linter.notices)
        assert fixed(text, linter=linter) == fixed(text, linter=linter, unsafe=True) == text


def test_the_guard_holds_in_markup_too() -> None:
    with registered(OverreachingRule):
        linter = Linter(Config(select=("CL990",)))
        for source, fmt in (("<p>It was <b>wrongly</b> done. Rest.</p>", "html"), ("It was *wrongly* done. Rest.\n",
                                                                                    "markdown")):
            (f,) = linter.check(source, format=fmt)
            assert f.fix is None


def test_a_fix_may_take_the_spaces_and_separators_that_join_what_it_reports() -> None:
    text = "The minister said it was done – wrongly, as it turned out.\n"
    with registered(SeparatorDeletingRule):
        linter = Linter(Config(select=("CL989",)))
        (f,) = linter.check(text)
        assert f.fix is not None and f.text == "wrongly"
        assert apply_fixes(text, [f]) == "The minister said it was done, as it turned out.\n"


def test_reaches_beyond() -> None:
    text = "one two, three"
    assert not reaches_beyond(text, 4, 7, [Edit(3, 8, "")])  # " two," : a space and a comma around it
    assert reaches_beyond(text, 4, 7, [Edit(0, 7, "")])  # "one two": a word before it
    assert reaches_beyond(text, 4, 7, [Edit(4, 14, "")])  # a word after it
    assert not reaches_beyond(text, 4, 7, [Edit(7, 7, "!")])  # an insertion removes nothing


# ------------------------------------------------------------------ spans are the furniture alone
GLUED = ("The minister said the plan would cut costs by a third. CLICK HERE TO GET THE FOX NEWS APP Officials in "
         "Ohio said the storm had passed. Copyright 2025 BBC. All rights reserved. The river rose overnight.\n")


def test_the_issue_glued_line_loses_only_furniture() -> None:
    found = CL3.check(GLUED)
    assert [(f.text, f.fix.applicability) for f in found] == [
        ("CLICK HERE TO GET THE FOX NEWS APP", "unsafe"), ("Copyright 2025 BBC.", "safe"),
        ("All rights reserved.", "safe")]
    assert fixed(GLUED) == ("The minister said the plan would cut costs by a third. CLICK HERE TO GET THE FOX NEWS "
                            "APP Officials in Ohio said the storm had passed. The river rose overnight.\n")
    assert fixed(GLUED, unsafe=True) == ("The minister said the plan would cut costs by a third. Officials in Ohio "
                                         "said the storm had passed. The river rose overnight.\n")


def test_blocks_glued_with_nothing_are_read_as_sentences() -> None:
    text = "The river rose overnight.Copyright 2025 Example News. All rights reserved.Officials said it would fall.\n"
    assert fixed(text) == "The river rose overnight.Officials said it would fall.\n"


def test_a_line_opening_with_a_phrase_keeps_the_story_after_it() -> None:
    story = ("BREAKING: A fire broke out at the station on Monday morning. Crews from three towns were called and "
             "the line was closed for six hours while engineers checked the track.\n")
    (f,) = CL3.check(story)
    assert f.text == "BREAKING:" or f.fix is None or f.fix.applicability == "unsafe"
    assert words(fixed(story, unsafe=True))[-20:] == words(story)[-20:]


PLAUSIBLE = [  # pack phrases inside ordinary sentences: copy, never furniture
    "Residents were urged to stay indoors as this developing situation unfolded across the county, police said.",
    "Officials said the page was updated as new figures arrived from the ministry.",
    "Investors said more details to follow from the central bank would shape the market.",
    "Fans who stay tuned for the final whistle often see the best goals, the coach said.",
    "Teachers asked pupils to sign up for the newsletter their class had written about the river.",
    "Police described this developing story as one of the most complex cases they had handled.",
    "Viewers were told to stay tuned for coverage of the match, which was delayed by rain.",
    "The mayor said that residents who click here on the council website will find the flood map.",
    "Engineers said the story was updated as the bridge inspection continued through the night.",
    "Commuters said the live coverage of the strike on local radio had helped them plan their journeys.",
    "“This is a developing situation, and we are monitoring it,” the chief constable said.",
]


def test_pack_phrases_inside_ordinary_sentences_are_copy() -> None:
    body = "The council met on Monday to discuss the flooding that hit the town last week and the cost of repairs."
    for sentence in PLAUSIBLE:
        for text in (f"Floods hit the town\n\n{body}\n\n{sentence}\n\nThe river will fall by the weekend.\n",
                     f"Floods hit the town\n\n{body} {sentence} The river will fall by the weekend.\n"):
            assert not CL3.check(text), sentence


def test_a_clause_joined_to_a_sentence_goes_with_its_joiner() -> None:
    text = ("Fire crews are at the scene of the blaze in the city centre – we’ll be bringing you the very latest "
            "updates on this story. The road is closed.\n")
    assert fixed(text) == "Fire crews are at the scene of the blaze in the city centre. The road is closed.\n"


# ------------------------------------------------------------------ the property: no prose word is lost
PROSE = ["The minister said the plan would cut costs by a third.", "Officials in Ohio said the storm had passed.",
         "Crews worked through the night to restore power to homes.", "Shares fell after the announcement.",
         "The river rose overnight and several roads were closed.", "He declined to comment.",
         "“We are delighted,” she said.", "Mr Smith met the mayor in the town hall on Tuesday.",
         "Analysts expect more details to follow from the company in March."]
FURNITURE = ["Share this article", "Advertisement", "Read more: Why rates are rising", "Sign up for our newsletter",
             "CLICK HERE TO GET THE FOX NEWS APP", "Copyright 2025 Example News. All rights reserved.",
             "Exit mobile version", "This story will be updated.", "Listen to this article", "Privacy Policy",
             "Follow us on Twitter", "© 2024 Example Media", "Story continues below advertisement",
             "we'll be bringing you the latest updates", "Updated 10:32 GMT", "Politics | Economy | World",
             "12 comments", "Related:", "(Image credit: Jane Doe/Getty Images)", "Get our weekly politics newsletter",
             "Rovers sign veteran striker on loan", "All times are GMT"]
#: what joins a piece of furniture to the sentence before it (which ends in a full stop: "" glues it
#: with nothing) and to the sentence after it
GLUE_BEFORE = [" ", "  ", "\n", "\n\n", "", " – "]
GLUE_AFTER = [" ", "  ", ". ", "\n", "\n\n", " – ", ", "]


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(PROSE), st.sampled_from(FURNITURE), st.sampled_from(GLUE_BEFORE),
                          st.sampled_from(GLUE_AFTER), st.booleans()), min_size=1, max_size=6),
       st.sampled_from(["text", "markdown", "html"]))
def test_fixing_never_removes_a_prose_word(parts: list, fmt: str) -> None:
    pieces = []
    for sentence, furniture, before, after, glued in parts:
        pieces.append(sentence)
        if glued:
            pieces += [before, furniture, after]
        else:
            pieces.append(" ")
    text = "Storm hits the north\n\n" + "".join(pieces) + "\n"
    if fmt == "html":
        text = "<p>" + text.replace("\n\n", "</p>\n<p>") + "</p>\n"
    prose_words = [w for s in ["Storm hits the north", *(p[0] for p in parts)] for w in words(s)]
    for unsafe in (False, True):
        out = fixed(text, unsafe=unsafe, format=fmt)
        left = words(out)
        for w in set(prose_words):
            assert left.count(w) >= prose_words.count(w), (w, text, out)


def test_plan_closes_up_the_blank_lines_around_a_run_of_deleted_blocks() -> None:
    text = "The bank raised rates.\n\nShare this article\nAdvertisement\n\nRead more: Why rates rise\n\nShares fell.\n"
    assert fixed(text) == "The bank raised rates.\n\nShares fell.\n"
    plan = plan_fixes(text, CL3.check(text))
    assert len(plan.edits) == 1  # the run of deleted lines is one deletion


# ------------------------------------------------------------------ fragments glued into a paragraph
STORY = ("Budget approved\n\nThe council approved its budget on Monday after a long debate about spending on roads "
         "and schools. "
         "Councillors voted by a narrow margin to raise parking charges in the town centre. {glued}"
         "The leader of the opposition said the rise would hurt shops that were already struggling to cope. "
         "Officials expect the new charges to bring in about two million pounds a year from next spring.\n")


def test_a_headline_in_sentence_case_glued_into_a_paragraph_is_a_fragment() -> None:
    text = STORY.format(glued="Rovers sign veteran striker on loan ")
    (f,) = CL3.check(text)
    assert (f.code, f.text, f.fix.applicability) == ("CL302", "Rovers sign veteran striker on loan", "unsafe")
    assert fixed(text) == text
    assert fixed(text, unsafe=True) == STORY.format(glued="")


def test_a_sentence_without_its_full_stop_before_a_title_and_a_name_is_copy() -> None:
    story = STORY.replace("The leader of the opposition said", "Mr Hughes of the opposition said")
    for glued in ("During questioning, lawyers asked ",  # a comma: a sentence, not a headline
                  "A regional panel then summoned ",  # a sentence opens with "A"
                  "Local traders wrote to "):  # the title and the name may be the object of the words before
        text = story.format(glued=glued)
        assert CL3.check(text) == [], glued


def test_a_quotation_ending_before_its_speaker_is_copy() -> None:
    text = STORY.format(glued="Shops are hurting badly this winter,\u201d Mr Hughes told reporters outside. ")
    assert CL3.check(text) == []


def test_a_prefix_phrase_glued_on_without_its_separator_is_a_fragment() -> None:
    text = STORY.format(glued="Get our weekly politics newsletter ")
    (f,) = CL3.check(text)
    assert (f.code, f.text, f.fix.applicability) == ("CL301", "Get our weekly politics newsletter", "unsafe")
    assert fixed(text, unsafe=True) == STORY.format(glued="")


def test_a_copyright_line_naming_its_owner_before_all_rights_reserved_is_furniture_entire() -> None:
    for line in ("Copyright 2011 Example Inc. All rights reserved.", "© 2011, Example Inc. All Rights Reserved."):
        text = f"Budget approved\n\nThe council approved its budget on Monday.\n\n{line}\n\nThe vote was close.\n"
        (f,) = CL3.check(text)
        assert (f.text, f.fix.applicability) == (line, "safe")
        assert fixed(text) == "Budget approved\n\nThe council approved its budget on Monday.\n\nThe vote was close.\n"
    copy = "Copyright 2011 Example Media Inc. He declined to comment, all rights reserved."  # copy before the phrase
    assert all(f.fix is None or f.fix.applicability == "unsafe" or copy not in f.text
               for f in CL3.check(f"Budget approved\n\n{copy}\n"))
