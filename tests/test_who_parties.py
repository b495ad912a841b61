"""Who said it: mentions are parties and kinds come from the text (issue 11, items 3 and 4).

Hand-written articles, one per pattern: a nickname inside a name, a gerund after "by", evidence and
non-speech senses that name no party, organisations that are no persons.
"""

from __future__ import annotations

import pytest
from who_fixtures import UNRESOLVED, _graph, _speakers

from provenance.extract.mentions import Mention, party_part
from provenance.extract.names import names_in

_OPENING = "The council met late on Monday after a long debate.\n\n"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("On Monday council member Dana “Dee” Holloway voted no.", ("Dana", "Holloway")),
        ('On Monday council member Dana "Dee" Holloway voted no.', ("Dana", "Holloway")),
        ("On Monday council member Mary “Dee” Holloway voted no.", ("Mary", "Holloway")),
    ],
)
def test_a_quoted_nickname_after_a_first_name_stays_inside_the_name(text: str, name: tuple[str, ...]) -> None:
    assert [n.words for n in names_in(text)] == [name]


def test_a_quoted_word_after_a_name_that_is_no_first_name_stays_apart() -> None:
    found = names_in('She hosts Channel Nine "Evening" Report on weekdays.')
    assert ("Evening",) in [n.words for n in found]
    assert not any("Nine" in n.words and "Report" in n.words for n in found)


def test_a_nicknamed_speaker_is_the_person_named_in_full() -> None:
    body = (
        _OPENING + "Council member Dana “Dee” Holloway said the budget was short by a million dollars.\n\n"
        "Holloway added that she would vote no."
    )
    assert _speakers(body) == ["Dana Holloway", "Dana Holloway"]


def test_a_nickname_before_the_surname_alone_links_the_surname_to_the_full_name() -> None:
    body = (
        _OPENING + "Regional Governor Bambang “Bams” Suryo ordered an inquiry into the collapse.\n\n"
        "Suryo told reporters that the inquiry would report in a month."
    )
    assert _speakers(body) == ["Bambang Suryo", "Bambang Suryo"]


def test_a_word_of_rank_that_is_also_a_first_name_is_no_part_of_the_name() -> None:
    # "Marine" opens the name as a word of rank, "John" is the first name: a role, never a first name
    body = (
        _OPENING + "Veteran and Marine John Tolliver said the base had been neglected.\n\n"
        "He noted that the roof leaked."
    )
    assert _speakers(body) == ["John Tolliver", "John Tolliver"]


def _mentions(body: str) -> list[str | None]:
    graph = _graph(body)
    return [claim.chain[1].mention for claim in graph.claims if len(claim.chain) > 1]


@pytest.mark.parametrize(
    ("sentence", "mention"),
    [
        ("A few minutes later, Okafor followed up by lamenting the cost of the bridge.", "Okafor"),
        (
            "A few minutes later, the budget director closed the meeting by saying that reserves were low.",
            "the budget director",
        ),
        ("Then she opened the hearing by saying that the levy was fair.", "she"),
        ("Mayor Lena Okafor won the vote despite admitting that the plan was late.", "Lena Okafor"),
    ],
)
def test_a_gerund_after_by_is_said_by_the_subject_of_its_clause(sentence: str, mention: str) -> None:
    body = _OPENING + "Lena Okafor, the mayor, chaired the session.\n\n" + sentence
    assert _mentions(body)[-1] == mention


@pytest.mark.parametrize(
    "sentence",
    [
        "Two weeks earlier, voters dealt a blow to Harbor Authority policy by rejecting the levy.",
        "The plan was meant to calm a wary public by promising that taxes would not rise.",
        "The rules let clinics turn away patients by asserting a moral objection.",
    ],
)
def test_the_words_before_by_that_open_no_clause_name_no_party(sentence: str) -> None:
    assert _mentions(_OPENING + sentence)[-1] is None


def test_the_object_before_by_is_not_the_speaker() -> None:
    # "before" opens another clause: the sentence's "She" is not taken past it, and the association
    # the speech was given before is no speaker
    body = (
        _OPENING + "Lena Okafor, the mayor, spoke first.\n\n"
        "She began her speech before the influential Harbor Builders Association by slamming "
        "developers who cut corners."
    )
    assert _speakers(body) == [UNRESOLVED]


def test_a_description_whose_verb_is_not_clear_is_not_cut_short() -> None:
    # "county" names a party, but "treasurer closed" does not read as its verb: no subject is made
    body = _OPENING + "Later, the county treasurer closed the meeting by saying that reserves were low."
    assert _mentions(body) == [None]


@pytest.mark.parametrize(
    "sentence",
    [
        "The developer, who in 2012 added to his portfolio of courses by buying two more, expanded again.",
        "The late train added to the confusion at the station.",
        "Lena Okafor added to her lead over the incumbent with wins in three wards.",
    ],
)
def test_added_to_a_thing_is_no_speech(sentence: str) -> None:
    assert _mentions(_OPENING + sentence) == []


def test_added_before_that_or_after_a_quote_still_reports() -> None:
    body = _OPENING + 'Lena Okafor added that the bridge would open. "It is safe," she added.'
    assert _mentions(body) == ["Lena Okafor", "she"]


@pytest.mark.parametrize(
    "sentence",
    [
        "The ferry vanished with no distress call received, a sign of sudden failure.",
        "After a close call on an icy road, the driver slowed down.",
        "The mayor struck a positive note at the opening.",
    ],
)
def test_a_cue_noun_after_a_singular_determiner_and_its_modifier_is_a_noun(sentence: str) -> None:
    assert _mentions(_OPENING + sentence) == []


def test_a_plural_subject_before_the_base_form_still_speaks() -> None:
    body = _OPENING + "The unions call for a strike on Friday."
    assert _mentions(body) == ["The unions"]


@pytest.mark.parametrize(
    "sentence",
    [
        "The senator made a strong showing in the primary.",
        "It was her worst showing since the spring.",
        "The result was a poor showing.",
    ],
)
def test_a_showing_in_a_contest_is_no_report(sentence: str) -> None:
    assert _mentions(_OPENING + sentence) == []


def test_showing_with_an_object_still_reports() -> None:
    body = _OPENING + "The engineer was showing reporters that the bridge was safe."
    assert _mentions(body) == ["The engineer"]


def _kinds(body: str) -> dict[str, str]:
    graph = _graph(body)
    return {s.name: s.kind.value for s in graph.sources}


@pytest.mark.parametrize(
    ("body", "name", "kind"),
    [
        ("Clean Rivers PAC said the ads would run in May.", "Clean Rivers PAC", "organization"),
        ("Harbor Research found that rents rose.", "Harbor Research", "organization"),
        ("Dunmore Law School said its poll was accurate.", "Dunmore Law School", "organization"),
        ("Ridge Energy said its mine would close.", "Ridge Energy", "organization"),
        ("The Lakeport Free Press reported that the mayor had resigned.", "Lakeport Free Press", "outlet"),
    ],
)
def test_a_name_whose_word_says_what_it_is_is_no_person(body: str, name: str, kind: str) -> None:
    assert _kinds(_OPENING + body)[name] == kind


def test_a_name_before_what_only_an_organisation_has_is_an_organisation() -> None:
    # "Austin" is a first name, but a CEO and shareholders are what a company has
    body = (
        _OPENING + "Austin Ridge CEO Jo Marsh faced questions on Tuesday.\n\n"
        "Austin Ridge announced that it would close two plants."
    )
    assert _kinds(body)["Austin Ridge"] == "organization"
    body = (
        _OPENING + "Austin Ridge's shareholders met. Austin Ridge announced that it would close two plants."
    )
    assert _kinds(body)["Austin Ridge"] == "organization"


def test_a_name_with_a_first_name_and_no_such_words_stays_a_person() -> None:
    body = _OPENING + "Austin Ridge announced that he would run for mayor."
    assert _kinds(body)["Austin Ridge"] == "person"


@pytest.mark.parametrize(
    "sentence",
    [
        "The two engineers -- Ms. Ortiz and Mr. Bell -- agreed that the bridge was safe.",
        "The rules will hit small shops hard, making them argue that costs will rise.",
        "The tweets he sent out claimed that the vote was rigged.",
    ],
)
def test_a_mention_that_ends_where_no_noun_phrase_can_names_no_party(sentence: str) -> None:
    # the dash closing an aside, an object pronoun, a verb's particle after no name
    assert _mentions(_OPENING + sentence) == [None]


def test_a_name_before_a_verb_and_its_particle_is_the_speaker() -> None:
    body = _OPENING + "Lena Okafor picked up from her deputy by saying that the levy was fair."
    assert _mentions(body) == ["Lena Okafor"]


def test_a_comma_aside_before_a_particle_keeps_the_name() -> None:
    body = _OPENING + "Mr. Okafor, it turned out, knew the voters better than anyone."
    assert _mentions(body) == ["Okafor"]


@pytest.mark.parametrize(
    "sentence",
    [
        "The rally ended early. The mayor, president of the board, live tweeted as the council voted.",
        "The mayor was heard on a microphone telling aides to leave.",
    ],
)
def test_one_lowercase_word_that_is_no_noun_for_people_names_no_party(sentence: str) -> None:
    assert _mentions(_OPENING + sentence) == [None]


@pytest.mark.parametrize(
    ("sentence", "mention"),
    [
        ("Many of the residents were angry. Many said the levy was unfair.", "Many"),
        ("The vote was close, and critics said the levy was unfair.", "critics"),
        ("Lobbyists met the mayor; one lobbyist said the levy was unfair.", "one lobbyist"),
        ("The mayor met the voters. Some of them said the levy was unfair.", "Some of them"),
    ],
)
def test_lowercase_words_for_people_still_name_a_party(sentence: str, mention: str) -> None:
    assert _mentions(_OPENING + sentence)[-1] == mention


def test_you_after_a_noun_is_the_generic_you_not_the_noun() -> None:
    body = _OPENING + "It was an ending you never saw coming, the mayor wrote."
    assert _mentions(body) == ["you"]


@pytest.mark.parametrize("words", ["His", "Our", "Their", "my"])
def test_a_possessive_alone_names_no_party(words: str) -> None:
    assert party_part(Mention((0, len(words)), words)) is None
