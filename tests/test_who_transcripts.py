"""Who says each line of a transcript: the speaker its capitalised label names."""

from __future__ import annotations

from who_fixtures import _who

_INTERVIEW = (
    "Governor Dana Hill spoke to Sam Ortiz on Sunday.\n\n"
    '"ORTIZ: Will the bridge open this year? Voters want to know.\n\n'
    '"HILL: Well, look, the bridge will open in May. The council thinks it will cost less.\n\n'
    '"ORTIZ: And the tolls?\n\n'
    '"HILL: There will be no tolls.\n\n'
    '"Follow Sam Ortiz on Twitter @samortiz."'
)


def test_each_labelled_line_is_its_speakers_to_the_lines_end() -> None:
    found = _who(_INTERVIEW)
    assert found[:4] == [
        ("Will the bridge open this year? Voters want to know.", "Sam Ortiz"),
        ("Well, look, the bridge will open in May. The council thinks it will cost less.", "Dana Hill"),
        ("And the tolls?", "Sam Ortiz"),
        ("There will be no tolls.", "Dana Hill"),
    ]


def test_a_follow_prompt_inside_the_quotation_is_nobodys_claim() -> None:
    assert all("Follow" not in claim for claim, _ in _who(_INTERVIEW))


def test_a_label_for_no_one_the_article_names_is_no_speaker() -> None:
    body = (
        "The council met on Sunday.\n\n"
        '"RAMIREZ: The bridge will open in May, the council said.\n\n'
        '"RAMIREZ: There will be no tolls."'
    )
    assert all("amirez" not in speaker.lower() for _, speaker in _who(body))


def test_a_common_word_is_no_label() -> None:
    body = "The council met.\n\nUPDATE: The bridge will open.\n\nUPDATE: Tom Update said the tolls would go."
    assert [speaker for _, speaker in _who(body)] == ["Tom Update"]


def test_a_quotation_that_opens_like_a_prompt_is_still_speech() -> None:
    body = 'The clerk spoke on Monday.\n\n"Register to vote today," the clerk said.'
    assert [claim for claim, _ in _who(body)] == ['"Register to vote today,"']


def test_a_dateline_is_no_label() -> None:
    body = (
        "The writer Jack London died in 1916.\n\n"
        "LONDON: The bridge will open in May.\n\n"
        "LONDON: The tolls will go."
    )
    assert _who(body) == []
