"""Who said it: where the subject of a cue begins and ends, and whose a document is (issue 11).

Hand-written sentences, one per pattern, in the manner of tests/test_who.py: the mention a careful
reader takes as the speaker, and the party it names or "unresolved" where the text does not say.
"""

from __future__ import annotations

import pytest
from who_fixtures import UNRESOLVED, _graph, _speakers

from provenance.model import SourceKind


def test_a_cue_word_after_an_article_and_an_adverb_is_an_adjective() -> None:
    body = (
        "Following a hastily called meeting, the Harbour Council issued a statement condemning the "
        "spill. His widely reported remarks were denied."
    )
    claims = [c for c in _graph(body).claims if len(c.chain) > 1]
    assert [c.chain[1].cue for c in claims] == ["issued"]
    assert _speakers(body) == ["Harbour Council"]


def test_a_subject_pronoun_right_before_its_cue_is_the_subject_when_the_phrase_was_cut() -> None:
    body = "Dana Hill is old, but even now at 86 she still says that the bridge is sound."
    [claim] = [c for c in _graph(body).claims if len(c.chain) > 1]
    assert claim.chain[1].mention == "she"
    body = "As you very aptly pointed out, the bridge is sound."
    [claim] = [c for c in _graph(body).claims if len(c.chain) > 1]
    assert claim.chain[1].mention == "you"


@pytest.mark.parametrize(
    ("body", "mention"),
    [
        (
            "A newly released email relating to Lakeside Bridge finds that the steel was weak.",
            "A newly released email relating to Lakeside Bridge",
        ),
        ("A group linked to Omar Diaz said the bridge was unsafe.", "A group linked to Omar Diaz"),
    ],
)
def test_a_phrase_with_to_inside_the_subject_stays_in_it(body: str, mention: str) -> None:
    [claim] = [c for c in _graph(body).claims if len(c.chain) > 1]
    assert claim.chain[1].mention == mention
    assert _speakers(body) == [UNRESOLVED]


def test_people_close_to_someone_are_anonymous_not_that_someone() -> None:
    body = "Omar Diaz spoke on Monday. People close to Omar Diaz said the bridge was unsafe."
    graph = _graph(body)
    [claim] = [c for c in graph.claims if len(c.chain) > 1]
    source = graph.source(claim.chain[1].source)
    assert source is not None
    assert source.kind is SourceKind.ANONYMOUS
    assert source.name != "Omar Diaz"


@pytest.mark.parametrize(
    ("body", "speakers"),
    [
        # a noun of the same family names the document again, and its owner is named after it
        (
            "A web video by the Harbour Party references four votes Omar Diaz cast. The ad also mentions "
            'the bridge. The clip says Diaz "never read the bill."',
            ["Harbour Party", "Harbour Party"],
        ),
        # the owner is the subject of a verb that makes the document
        (
            "The Harbour Council issued a statement on Monday. The statement noted that the spill was small.",
            ["Harbour Council", "Harbour Council"],
        ),
        ("Dana Okafor wrote a memoir of her years at the port. The book says the port was badly run.", None),
        # a survey and a study are one document named twice
        (
            "Rents rose, according to a recent Lakeside University survey of tenants. The study found that "
            "rents rose fastest downtown.",
            ["Lakeside University", "Lakeside University"],
        ),
    ],
)
def test_a_document_named_again_rests_on_the_owner_the_text_gave_it(
    body: str, speakers: list[str] | None
) -> None:
    found = _speakers(body)
    assert found[-1] == (speakers[-1] if speakers else "Dana Okafor")
    if speakers:
        assert found[-len(speakers) :] == speakers


def test_a_document_named_again_after_a_new_one_with_no_owner_stays_unresolved() -> None:
    body = (
        "The Harbour Council issued a statement on Monday. Then two residents sent a statement to the "
        "mayor on Tuesday. The statement said the spill was large."
    )
    assert _speakers(body)[-1] == UNRESOLVED


def test_a_document_that_appeared_in_a_journal_rests_on_the_journal() -> None:
    body = "A 2014 study that appeared in the Lakeside Medical Journal found that the pills did nothing."
    assert _speakers(body) == ["Lakeside Medical Journal"]
    body = "Data from the Lakeside Housing Survey show that rents doubled."
    assert _speakers(body) == ["Lakeside Housing Survey"]
    body = "Rents doubled, according to a Lakeside Times database tracking such leases."
    assert _speakers(body) == ["Lakeside Times"]


def test_a_recording_of_someone_speaking_is_that_persons_word() -> None:
    body = 'The spot concludes with footage of Omar Diaz saying last week, "The bridge is safe."'
    assert _speakers(body) == ["Omar Diaz"]


def test_a_document_of_someone_elses_office_is_not_the_possessors() -> None:
    body = (
        "The Harbour Council spoke on Monday. The spill was small, according to a report from the Harbour "
        "Council's inspector general. The report said the spill was small."
    )
    assert "Harbour Council" not in _speakers(body)[-2:]


def test_the_campaign_after_a_candidate_is_not_another_candidates_campaign() -> None:
    body = (
        "The Diaz campaign said turnout was high. Lena Ortiz plans to call on young people to serve. "
        "The campaign says the candidate will announce a plan on Friday."
    )
    assert _speakers(body)[-1] != "Diaz campaign"
    body = (
        "The Diaz campaign said turnout was high. The Ortiz campaign said it was low. Lena Ortiz plans "
        "to call on young people to serve. The campaign says the candidate will announce a plan on Friday."
    )
    assert _speakers(body)[-1] == "Ortiz campaign"


def test_an_aside_between_dashes_before_the_cue_is_stepped_over_to_the_name() -> None:
    body = (
        "Lena Ortiz studies bridges. Ortiz -- co-editor of Spans, a book about river crossings -- said the "
        "bridge was sound."
    )
    assert _speakers(body) == ["Lena Ortiz"]
    body = "Omar Diaz — the engineer who designed the span — said the bridge was sound."
    assert _speakers(body) == ["Omar Diaz"]


def test_a_fronted_participle_phrase_ends_at_its_commas() -> None:
    body = (
        "Omar Diaz spoke on Monday. Chastened by the reviews, as well as complaints over its cost, Diaz "
        "revised his plan, promising to keep the bridge open."
    )
    assert _speakers(body) == ["Omar Diaz"]
    body = "Reached by phone, Omar Diaz denied the notion that the bridge was closed."
    assert _speakers(body) == ["Omar Diaz"]


def test_a_cue_after_and_shares_the_subject_of_the_clause_it_ends() -> None:
    body = (
        "Jon Reyes spoke first. He interrupted often, but this time, Ana Ruiz was better at "
        "ignoring him and insisting that the budget was balanced."
    )
    assert _speakers(body)[-1] == "Ana Ruiz"


def test_a_cue_after_and_keeps_the_sentence_subject_with_no_clause_between() -> None:
    body = "Jon Reyes spoke first. He interrupted often and insisted that the budget was balanced."
    assert _speakers(body)[-1] == "Jon Reyes"


def test_a_description_after_a_comma_is_no_clause_of_its_own() -> None:
    body = "When Jo Doe, Ann Ray’s lawyer was asked about the fee, he laughed and said that it was fair."
    assert _speakers(body) == ["Jo Doe"]
