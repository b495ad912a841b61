"""Extraction on the seed and on hand-written edge cases: segmentation, quotes, cues, content spans."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from provenance.extract import extract
from provenance.extract.cues import find_cues
from provenance.extract.mentions import Mention, party_part
from provenance.extract.segment import is_quote_open, layout, tokenize
from provenance.model import Claim, ClaimKind, Document, Graph, Source, SourceKind
from provenance.read import read_path

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
SEED = SAMPLES / "shafaq-2025-01-02-alusi.txt"
PUBLISHED = datetime(2025, 1, 2, 21, 13, 57, tzinfo=UTC)


def _run(body: str, *, title: str = "A headline with no attribution") -> Graph:
    text = f"{title}\n2025-01-02T21:13:57+00:00\n\nValley Courier/ {body}\n"
    document = Document.from_text(text, outlet="valley-courier", title=title, published=PUBLISHED)
    return extract(document, Source("valley-courier", "Valley Courier", SourceKind.OUTLET))


def _only(graph: Graph) -> Claim:
    attributed = [c for c in graph.claims if c.is_attributed]
    assert len(attributed) == 1, [c.text for c in graph.claims]
    return attributed[0]


def _seed() -> Graph:
    [article] = list(read_path(SEED))
    return extract(article.documents[0], article.sources[0])


def test_seed_layout_sets_header_dateline_and_boilerplate_apart() -> None:
    [article] = list(read_path(SEED))
    document = article.documents[0]
    parts = layout(document.text, document.title)
    texts = [document.text[s.start : s.end] for s in parts.sentences]
    assert parts.dateline is not None
    assert document.text[slice(*parts.dateline)] == "Shafaq News"
    assert [s.is_header for s in parts.sentences].count(True) == 1  # the repeated title is dropped
    assert not any("Shafaq Live" in t or "Radio" in t or "2025-01-02T" in t for t in texts)
    assert texts[1].startswith("Prominent Iraqi politician")


def test_seed_spans_index_the_text_exactly() -> None:
    graph = _seed()
    text = graph.documents[0].text
    for claim in graph.claims:
        assert claim.span is not None
        assert text[claim.span[0] : claim.span[1]] == claim.text
        for hop in claim.chain:
            if hop.mention_span:
                assert text[slice(*hop.mention_span)] == hop.mention
            if hop.cue_span and hop.cue:
                assert text[slice(*hop.cue_span)] == hop.cue


def test_seed_chains_start_with_the_outlet_dateline() -> None:
    graph = _seed()
    assert all(
        c.chain[0].source == "shafaq-news" and c.chain[0].mention == "Shafaq News" for c in graph.claims
    )
    assert [c.id for c in graph.claims] == [f"{graph.documents[0].id}-c{n}" for n in range(1, 17)]


def test_seed_kinds_and_dates() -> None:
    claims = _seed().claims
    assert [c.kind.value for c in claims[:3]] == ["indirect", "mixed", "mixed"]
    assert claims[1].date is not None
    assert claims[1].date.isoformat() == "2025-01-02"
    unattributed = [c for c in claims if c.kind is ClaimKind.UNATTRIBUTED]
    assert [c.date.isoformat() for c in unattributed if c.date] == ["2025-01-02", "2025-01-01"]


def test_statement_to_the_outlet_names_a_channel_not_a_source() -> None:
    claim = _only(_run('In a statement to Shafaq News, Mayor Lena Ortiz argued that "the bridge is safe."'))
    assert claim.chain[1].source == "lena-ortiz"
    assert claim.chain[1].cue == "argued"


@pytest.mark.parametrize(
    ("body", "speaker", "content", "kind"),
    [
        ('"The bridge is safe," said Lena Ortiz.', "lena-ortiz", '"The bridge is safe,"', "direct"),
        ("“The bridge is safe,” Lena Ortiz said.", "lena-ortiz", "“The bridge is safe,”", "direct"),
        ('Lena Ortiz said: "The bridge is safe."', "lena-ortiz", '"The bridge is safe."', "direct"),
        (
            '"The bridge is safe," Lena Ortiz said, "and it will stay open."',
            "lena-ortiz",
            '"The bridge is safe," Lena Ortiz said, "and it will stay open."',
            "direct",
        ),
        (
            "Lena Ortiz warned that the bridge could close.",
            "lena-ortiz",
            "that the bridge could close",
            "indirect",
        ),
        (
            "Lena Ortiz expressed concern that the bridge could close.",
            "lena-ortiz",
            "that the bridge could close",
            "indirect",
        ),
        (
            'Lena Ortiz said the bridge was "perfectly safe" for now.',
            "lena-ortiz",
            'the bridge was "perfectly safe" for now',
            "mixed",
        ),
        (
            "The bridge will close, according to Lena Ortiz.",
            "lena-ortiz",
            "The bridge will close",
            "according-to",
        ),
        (
            "Lena Ortiz said in a statement that the bridge would close.",
            "lena-ortiz",
            "that the bridge would close",
            "indirect",
        ),
        (
            "The Valley Observatory reported that the river rose.",
            "valley-observatory",
            "that the river rose",
            "indirect",
        ),
        ("Residents believe the bridge is unsafe.", "residents", "the bridge is unsafe", "indirect"),
        ("The plan was criticized by Lena Ortiz.", "lena-ortiz", "The plan", "indirect"),
        (
            "The bridge is old, Lena Ortiz said, and should close.",
            "lena-ortiz",
            "The bridge is old, Lena Ortiz said, and should close",
            "indirect",
        ),
    ],
)
def test_patterns(body: str, speaker: str, content: str, kind: str) -> None:
    claim = _only(_run(body))
    assert claim.chain[1].source == speaker
    assert claim.text == content
    assert claim.kind.value == kind


def test_multi_paragraph_quote_is_one_claim() -> None:
    graph = _run(
        'Lena Ortiz said: "The steel came late.\n\n"We will still finish by April."\n\nThe river rose.'
    )
    quoted = [c for c in graph.claims if c.is_attributed]
    assert len(quoted) == 1
    assert quoted[0].text.endswith('April."')
    assert "\n\n" in quoted[0].text


@pytest.mark.parametrize(
    ("piece", "before", "after"),
    [
        ("He said “the bridge is old.", False, True),
        ("He said “the bridge is old.” Then he left.", False, False),
        ("the bridge is old,” he said.", True, False),
        ('He said "the bridge is old." And "tired', False, True),
        ("He said ''the bridge is old.'' Then he left.", False, False),
        ("He said ''the bridge is old.", False, True),
        ("The ’80s were long; it's “over”, she said \"and done", False, True),
        ("No quotation here.", True, True),
        ("No quotation here.", False, False),
        ('“One.” And "two', False, True),
    ],
)
def test_a_quote_is_open_after_the_last_curly_mark_and_each_straight_one_turns_it(
    piece: str, before: bool, after: bool
) -> None:
    text = f"Some words. {piece} More words."
    start = text.index(piece)
    assert is_quote_open(text, start, start + len(piece), before) is after


def test_quote_without_cue_continues_the_previous_speaker() -> None:
    graph = _run("Lena Ortiz warned that the bridge could close. “It is old and tired.”")
    first, second = graph.claims
    assert second.chain[1].source == first.chain[1].source == "lena-ortiz"
    assert second.chain[1].cue is None
    assert second.kind is ClaimKind.DIRECT


def test_nested_citation_gives_a_chain_of_three() -> None:
    claim = _only(_run("The Syrian Observatory said, citing local sources, that the convoy left."))
    assert [hop.cue for hop in claim.chain] == ["publishes", "said", "citing"]
    assert claim.chain[2].source == "local-sources"
    assert claim.text == "that the convoy left"


def test_coordinated_cues_share_the_subject() -> None:
    graph = _run('Lena Ortiz pointed out that "the bridge is old" and stressed that "it must close."')
    assert [c.chain[1].cue for c in graph.claims] == ["pointed out", "stressed"]
    assert {c.chain[1].source for c in graph.claims} == {"lena-ortiz"}


def test_headline_attribution_is_one_claim_and_header_lines_are_not_claims() -> None:
    graph = _run("The river rose.", title="Ortiz: The bridge will close")
    headline, river = graph.claims
    assert headline.chain[1].source == "ortiz"
    assert headline.chain[1].cue == ":"
    assert river.kind is ClaimKind.UNATTRIBUTED


def test_people_merely_mentioned_are_not_sources() -> None:
    graph = _run("Lena Ortiz said the decision rests with Governor Sam Reyes.")
    assert [s.id for s in graph.sources] == ["valley-courier", "lena-ortiz"]


def test_outlet_defaults() -> None:
    text = "The river rose on Wednesday."
    unknown = extract(Document.from_text(text))
    assert unknown.sources[0].id == "unknown-outlet"
    assert unknown.claims[0].chain[0].source == "unknown-outlet"
    named = extract(Document.from_text(text, outlet="valley-courier"))
    assert named.sources[0] == Source("valley-courier", "Valley Courier", SourceKind.OUTLET)
    assert named.claims[0].date is None  # no publication date: nothing to resolve against


def test_cue_words_used_as_nouns_are_not_cues() -> None:
    words = "The report said the claims were false"
    cues = find_cues(tokenize(words, 0, len(words)))
    assert [words[tokenize(words, 0, len(words))[c.first].start :].split()[0] for c in cues] == ["said"]


def test_every_sample_keeps_spans_exact() -> None:
    for path in sorted(SAMPLES.glob("*.txt")):
        for article in read_path(path):
            graph = extract(article.documents[0], article.sources[0] if article.sources else None)
            text = graph.documents[0].text
            assert all(text[c.span[0] : c.span[1]] == c.text for c in graph.claims if c.span)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                '"',
                "“",
                "”",
                "''",
                ", ",
                ". ",
                "\n\n",
                ":",
                " said ",
                " according to ",
                "He",
                " that ",
                "Lena Ortiz",
                "the Observatory",
                " citing sources",
                "(SOHR)",
                " on Thursday",
                "told reporters",
                "Washington/ ",
                "2025-01-02T10:00:00+00:00\n",
                "—",
                "…",
                "x",
            ]
        ),
        max_size=40,
    )
)
def test_any_text_gives_claims_whose_spans_index_it(pieces: list[str]) -> None:
    text = "".join(pieces)
    graph = extract(Document.from_text(text, published=PUBLISHED))
    ids = {s.id for s in graph.sources}
    for claim in graph.claims:
        assert claim.span is not None
        assert text[claim.span[0] : claim.span[1]] == claim.text
        assert claim.span[0] < claim.span[1]
        assert all(hop.source in ids for hop in claim.chain)


def test_according_to_at_the_end_vouches_for_the_whole_sentence() -> None:
    claim = _only(
        _run("Lena Ortiz told aides that the bridge would close, according to a source in attendance.")
    )
    assert [hop.cue for hop in claim.chain] == ["publishes", "according to", "told"]
    assert [hop.source for hop in claim.chain[1:]] == ["source", "lena-ortiz"]
    assert claim.text == "Lena Ortiz told aides that the bridge would close"
    assert claim.kind is ClaimKind.ACCORDING_TO


def test_a_quote_split_by_its_speaker_is_one_claim_and_not_also_unattributed() -> None:
    graph = _run(
        '"We were lucky this time," said Maria Lopez, the chief engineer. "Another ten '
        'centimetres of rain and we would have opened the spillway."\n'
    )
    assert [claim.kind for claim in graph.claims] == [ClaimKind.DIRECT]
    assert "spillway" in graph.claims[0].text


def test_a_capitalised_common_word_opening_the_sentence_is_no_name() -> None:
    graph = _run("Officials said that residents would be allowed to return on Tuesday.\n")
    source = graph.source(_only(graph).chain[1].source)
    assert source is not None
    assert source.kind is SourceKind.ANONYMOUS


def test_a_service_is_a_government_body_not_a_person() -> None:
    graph = _run("According to the National Weather Service, more than 120 millimetres of rain fell.\n")
    source = graph.source(_only(graph).chain[1].source)
    assert source is not None
    assert (source.name, source.kind) == ("National Weather Service", SourceKind.GOVERNMENT)


def test_the_html_sample_through_trafilatura() -> None:
    [article] = read_path(SAMPLES / "courier-dam-2024-05-06.html")
    graph = extract(article.documents[0], article.sources[0])
    names = {graph.source(claim.chain[-1].source).name for claim in graph.claims}  # type: ignore[union-attr]
    assert {"Maria Lopez", "National Weather Service", "The Valley Courier"} <= names
    unattributed = [claim.text for claim in graph.claims if claim.kind is ClaimKind.UNATTRIBUTED]
    assert unattributed == ["The dam was built in 1962 and last repaired in 2011."]


@pytest.mark.parametrize(
    ("words", "party"),
    [
        ("Sen. Jane Doe (D-Ore.)", "Sen. Jane Doe (D-Ore.)"),
        ("Dr. Hana Suzuki, head of the institute", "Dr. Hana Suzuki, head of the institute"),
        ("a source close to the campaign", "a source close to the campaign"),
        ("the Department of Health and Human Services", "the Department of Health and Human Services"),
        ("The suit, which will be filed Thursday", "The suit"),
        ("a person who has seen the plan", "a person"),
        ("its many supports, some rusted and some cracked", "its many supports"),
        ("It doesn't sound like Becker", "Becker"),
        ("When Mr. Doe did take the stage, he", "he"),
        ("In a radio interview Tom Becker", "Tom Becker"),
        ("with Lena Ortiz", "Lena Ortiz"),
        ("She started off by", "She"),
        ("After", None),
        ("In a statement", None),
        ("on the subject", None),
        ("In the paper's long profile of Becker", None),
        ("he had made about women", None),
        ("your crew didn't get into the schedule you", None),
        ("month", None),
        ("appeared", None),
        ("who", None),
    ],
)
def test_party_part_keeps_the_words_that_name_a_party(words: str, party: str | None) -> None:
    found = party_part(Mention((10, 10 + len(words)), words))
    assert (found.text if found else None) == party
    if found is not None:
        assert found.span[1] - found.span[0] == len(found.text)


@pytest.mark.parametrize(
    "sentence",
    [
        "Mayor Dana Hill told reporters the plan was dead.",
        "Mayor Dana Hill told him the plan was dead.",
        "Mayor Dana Hill told the council on Monday the plan was dead.",
        "Mayor Dana Hill told local radio the plan was dead.",
        "Mayor Dana Hill told The Ledger the plan was dead.",
    ],
)
def test_a_listener_before_a_clause_without_that_is_not_the_content(sentence: str) -> None:
    assert _only(_run(sentence)).text == "the plan was dead"


def test_an_object_with_no_clause_after_it_stays_the_content() -> None:
    assert _only(_run("Mayor Dana Hill asked voters to back the plan.")).text == "voters to back the plan"
