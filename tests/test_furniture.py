"""Page furniture: what is never article text, and the prose that looks like it but is."""

from __future__ import annotations

import pytest

from provenance.extract import extract, furniture
from provenance.extract.segment import layout
from provenance.model import Document

FURNITURE = [
    ("By Jane Roe", "byline"),
    ("By JANE ROE and John Doe, Associated Press", "byline"),
    ("By Jane Roe | The Daily Example", "byline"),
    ("Written by Jane Roe, Staff Writer", "byline"),
    ("By our valley correspondent", "byline"),
    ("Updated: Dec. 30, 2024 10:32 a.m. ET", "stamp"),
    ("Published 3:15 PM EST, Mon December 29, 2024", "stamp"),
    ("Monday, December 29, 2024, 3:02 PM", "stamp"),
    ("6:01 p.m.", "stamp"),
    ("(Reporting by Jane Roe in London; Editing by John Doe)", "credit"),
    ("(Additional reporting by Ann Poe, Bo Li and Cy Tan in HANOI; Writing by Jane Roe)", "credit"),
    ("With reporting by Jane Roe.", "credit"),
    ("Reporting by Jane Roe; Editing by John Doe", "credit"),
    ("Keith Example contributed reporting.", "credit"),
    ("The Paper's Jane Roe, John Doe and Ann Poe contributed to this report.", "credit"),
    ("Jane Roe contributed reporting from Hong Kong.", "credit"),
    ("This story has been updated to include comments from the mayor.", "credit"),
    ("To contact the reporter on this story: Jane Roe in Leeds at jroe@example.com", "credit"),
    ("To contact the editors responsible for this story: John Doe at jdoe@example.com", "credit"),
    ("Jane Roe may be reached at jroe@example.co.uk.", "credit"),
    ("Correspondent Jane Roe can be reached at jane.roe@example.net", "credit"),
    ("Rescuers carry a stretcher near the harbour (Jane Roe/Example Agency)", "caption"),
    ("Firefighters at the scene on Monday (Getty)", "caption"),
    ("Photo: Jane Roe", "caption"),
    ("Jane Roe via Getty Images.", "caption"),
    ("REUTERS/Jane Roe", "caption"),
    ("COUNTY SHERIFF'S DEPT./CONTRIBUTED IMAGE", "caption"),
    ("Loading Photo Gallery", "caption"),
    ("Read more: Why the bridge closed", "link"),
    ("READ MORE:", "link"),
    ("WATCH:", "link"),
    ("Related: Five things to know", "link"),
    ("You can read more about the mayor here.", "link"),
    ("Read more in our guide to the budget.", "link"),
    ("MORE: The mayor's full statement", "link"),
    ("(RELATED: Five things to know about the bridge)", "link"),
    ("(READ MORE: The mayor's full statement)", "link"),
    ("Trending On The Example", "link"),
    ("Most Popular", "link"),
    ("Editor's picks", "link"),
    ("You might also like", "link"),
    ("Sign up for our morning newsletter", "prompt"),
    ("Like this story? Share it with a friend.", "prompt"),
    ("Follow us on Twitter", "prompt"),
    ("Follow Jane Roe on Twitter @janeroe.", "prompt"),
    ("Follow him on Twitter @janeroe.", "prompt"),
    ("Find Example.com on Facebook.", "prompt"),
    ("Comments are encouraged, but you must follow our User Agreement", "prompt"),
    ("Please follow our community guidelines when you comment.", "prompt"),
    ("Follow us @example, Facebook & Google+.", "prompt"),
    ("Morning Brief is a daily newsletter from The Example that delivers the news.", "prompt"),
    ("Original article on Example Science.", "prompt"),
    ("Share this article", "prompt"),
    ("Story continues below advertisement", "advert"),
    ("ADVERTISEMENT", "advert"),
    ("Copyright 2024 The Example. All rights reserved.", "legal"),
    ("Statements on this website may constitute forward-looking statements and involve risks.", "legal"),
    ("If you follow these links you do so at your own risk.", "legal"),
    ("These quotes and related data are provided for information purposes only.", "legal"),
]

PROSE = [
    "By 2012, the company had more than $2 million in the bank.",
    "By Monday the troops had left the city, the army said.",
    "Reporting by The Example showed that the minister had lied.",
    "The university contributed research funds to the project.",
    "The report was written by a panel of scientists.",
    "Police said the driver had been arrested (and later released).",
    "Subscribers can expect higher prices next year, the company said.",
    "More than 300 people were evacuated.",
    "Read the statement carefully, the judge told the jury on Monday.",
    "She follows the mayor on Twitter and says she agrees with him.",
    "Climbers go up the mountain at their own risk, the ranger said.",
    "The story continued for years before the paper published it.",
    "Share prices fell 3% on Tuesday.",
    "The photo showed the minister leaving the building.",
    "Updated figures showed a 3% rise in 2024.",
    "NO FOUL PLAY SEEN",
    "Like us, the council wants the road reopened.",
    "Trending stocks fell on Monday, the exchange said.",
    "Most popular apps collect data, the regulator found.",
    "The spokeswoman may be reached at her office until Friday.",
    "Comments are due by March 1, the agency said.",
    "The company said the post broke its terms of service.",
    "Find out more on Monday, when the council meets.",
    "Follow the money, the investigators said.",
    "(The related case was dismissed in 2019.)",
    "He said the photo was a contributed image, not his own.",
]


@pytest.mark.parametrize(("text", "kind"), FURNITURE)
def test_furniture_is_known_for_what_it_is(text: str, kind: str) -> None:
    assert furniture.kind_of(text) == kind


@pytest.mark.parametrize("text", PROSE)
def test_prose_that_looks_like_furniture_is_article_text(text: str) -> None:
    assert furniture.kind_of(text) is None


def _one_by_one(text: str) -> str | None:
    """The kind the rules give when each is tried in turn as written, with no shortcut."""
    text = text.strip()
    if not text or len(text) > furniture.MAX_CHARS:
        return None
    for rule in furniture._patterns():
        if rule.kind == "inline":
            continue
        if rule.within is None:
            if rule.pattern.fullmatch(text):
                return rule.kind
        elif (found := rule.pattern.search(text)) is not None and found.start() <= rule.within:
            return rule.kind
    return None


LOOKALIKES = [
    # several rules match: the first in the data file gives the kind
    "Photo: Jane Roe contributed reporting.",
    "Read more: this story has been updated",
    "By Jane Roe (Getty)",
    # a rule's words with a letter a pattern that ignores case reads as another
    "Rescuers at the scene, via \u017fhutterstock",
    "Jane Roe contributed reporting from \u212aabul.",
    "Morning Brief \u0131s a daily newsletter from The Example.",
    "(REUTERS/Jane Roe)",
    # a first letter a pattern that ignores case reads as an ASCII one
    "\u212aABUL, Dec. 29",
    "\u0130N LONDON",
    "\u017fign up for our newsletter",
    "A crowd (afp/Jane Roe)",
    "Sign up",
    "",
    "   ",
]


@pytest.mark.parametrize("text", [text for text, _ in FURNITURE] + PROSE + LOOKALIKES)
def test_the_rules_read_together_give_what_each_read_alone_gives(text: str) -> None:
    assert furniture.kind_of(text) == _one_by_one(text)


@pytest.mark.parametrize("text", [text for text, _ in FURNITURE] + PROSE + LOOKALIKES)
def test_a_sentence_of_a_line_without_a_searched_word_needs_no_search(text: str) -> None:
    # layout asks once per line whether a rule searched anywhere may match, then tells each sentence
    for line in (text, f"Talks went on. {text} The vote is due.", f"{text} A rally in Fargo. Jo Doe ran."):
        assert furniture.kind_of(text, furniture.may_search(line)) == furniture.kind_of(text), line
    assert not furniture.may_search("Talks went on. The vote is due in Fargo.")
    assert furniture.may_search("The vote (Reuters/Jo Doe) is due.")


def test_rules_searched_anywhere_are_passed_over_by_their_first_words() -> None:
    searched = [rule for rule in furniture._patterns() if rule.within is not None]
    assert searched
    assert all(rule.needles for rule in searched)
    assert furniture._leading_words(r"\bcontributed\s+reporting") == ("contributed",)
    assert furniture._leading_words(r"\bis (?:a|our) (?:free\s+)?daily") == ("is a ", "is our ")
    words = ("afp/", "epa/", "getty images")
    assert furniture._leading_words(r"(?:\bgetty images|(?-i:AFP|EPA)/[\w ]+)") == words
    assert furniture._leading_words(r"\bnewsletters?\b") == ("newsletter",)
    assert furniture._leading_words(r"\((?:photo|image)s?\b") == ("(image", "(photo")
    for anything in (r"[a-z]+ said", r"(?:very )?good", r"(?:a|b?)c", r".*", r"(?:a|[bc])d", r"(?=x)y"):
        assert furniture._leading_words(anything) == (), anything


def test_whole_text_rules_are_tried_by_the_characters_they_may_start_with() -> None:
    def first(pattern: str) -> str | None:
        chars, _ = furniture._first_chars(pattern)
        return None if chars is None else "".join(sorted(chars))

    assert first(r"(?:(?:written|story)\s+)?by:?\s+x") == "bsw"
    assert first(r"\bMore\s*:.*") == "m"
    assert first(r"[A-C_]x|\d+ photos?|(?-i:REUTERS)/") == "0123456789_abcr"
    assert first(r"(?:the\s+)?(?:story|article) continues") == "ast"
    assert first(r"(?:©|\(c\)|copyright)") == "(c©"
    for anything in (r".{0,40}x", r"[^a]b", r"\w+", r"(?=x)y", "\u017fign"):
        assert first(anything) is None, anything
    matcher = furniture._matcher()
    assert matcher.by_first["B"].pattern == matcher.by_first["b"].pattern
    assert len(matcher.by_first["x"].pattern) < len(matcher.whole.pattern)
    assert "\u212a" not in matcher.by_first  # a text that starts with any other is tried whole


def test_a_very_long_line_is_never_furniture() -> None:
    assert not furniture.is_furniture("Read more: " + "word " * 400)


def test_markers_inside_a_paragraph_of_a_page_are_cut_out() -> None:
    line = "Opposition leaders said so. ADVERTISEMENT Economists said growth was slowing."
    assert furniture.cut_inline(line) == "Opposition leaders said so. Economists said growth was slowing."
    line = "It would cost more, Story continues below advertisement the mayor said."
    assert furniture.cut_inline(line) == "It would cost more, the mayor said."
    assert furniture.cut_inline("Advertisement revenue fell, the company said.") == (
        "Advertisement revenue fell, the company said."
    )


def test_byline_names_are_what_follows_by() -> None:
    assert furniture.byline_names("By Jane Roe and John Doe, Reuters") == "Jane Roe and John Doe, Reuters"
    assert furniture.byline_names("By 2012, the company had grown.") is None


WIRE_COPY = """Bridge to reopen

By Jane Roe

LONDON (Reuters) - The mayor said on Monday that the bridge would reopen in May.

Read more: Why the bridge closed

Story continues below advertisement

Engineers had warned that the deck was unsafe, the council said. Follow us on Twitter.

Jane Roe contributed reporting.

(Reporting by Jane Roe; Editing by John Doe)
"""


def test_wire_copy_furniture_in_plain_text_becomes_no_claim_and_no_source() -> None:
    document = Document.from_text(WIRE_COPY, outlet="reuters", title="Bridge to reopen")
    graph = extract(document)
    texts = [claim.text for claim in graph.claims]
    assert any("bridge would reopen in May" in text for text in texts)
    assert any("deck was unsafe" in text for text in texts)
    for piece in ("Jane Roe", "Read more", "Story", "Follow us", "Editing"):
        assert not any(piece in text for text in texts), piece
    names = {source.name for source in graph.sources}
    assert not names & {"Jane Roe", "Story", "John Doe"}


def test_layout_keeps_the_offsets_of_what_it_keeps() -> None:
    parts = layout(WIRE_COPY, "Bridge to reopen")
    kept = [WIRE_COPY[s.start : s.end] for s in parts.sentences]
    assert "Follow us on Twitter." not in kept
    assert kept[-1] == "Engineers had warned that the deck was unsafe, the council said."
