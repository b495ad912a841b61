"""Each resolver rule on small hand-built graphs, with cases that must and must not be found."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from attrs import evolve
from hypothesis import given
from hypothesis import strategies as st
from resolve_fixtures import graphs

from provenance.model import (
    Claim,
    ClaimKind,
    Document,
    Finding,
    Graph,
    Hop,
    Severity,
    Source,
    SourceKind,
    claim_id,
)
from provenance.resolve import RULES, fails, resolve
from provenance.resolve.figures import find_figures
from provenance.resolve.matching import match_claims

PUBLISHED = datetime(2025, 1, 2, 21, 13, 57, tzinfo=UTC)

SOURCES = {
    source.id: source
    for source in (
        Source("shafaq-news", "Shafaq News", SourceKind.OUTLET),
        Source("reuters", "Reuters", SourceKind.OUTLET),
        Source("rudaw", "Rudaw", SourceKind.OUTLET),
        Source("mithal-al-alusi", "Mithal al-Alusi", SourceKind.PERSON,
               description="Prominent Iraqi politician"),
        Source("sohr", "Syrian Observatory for Human Rights", SourceKind.MONITOR, ("SOHR",)),
        Source("pentagon", "Pentagon", SourceKind.GOVERNMENT),
        Source("local-sources", "local sources", SourceKind.ANONYMOUS),
        Source("security-sources", "security sources", SourceKind.ANONYMOUS),
        Source("he", "He", SourceKind.UNKNOWN),
        Source("the-iraqi-politician", "The Iraqi politician", SourceKind.UNKNOWN),
        Source("jane-doe", "Jane Doe", SourceKind.UNKNOWN),
    )
}  # fmt: skip

CONVOY = (
    "Earlier on Thursday, US forces brought in a new convoy to areas controlled by the Syrian "
    "Democratic Forces, consisting of approximately 50 trucks carrying cement blocks."
)
SPOTTED = "the convoy was spotted on the Al-Hasakah-Raqqa road, heading towards the Kobani area"
WEDNESDAY = (
    "On Wednesday, the US-led Coalition also sent a logistical convoy that included "
    "prefabricated rooms, surveillance cameras and fuel tankers to Kobani."
)
WARNED = "a devastating regional sectarian conflict could claim the lives of millions of innocent people"


def hop(source: str, cue: str = "said", **fields: object) -> Hop:
    return Hop(source, cue, **fields)  # type: ignore[arg-type]


def claim(
    document: str,
    ordinal: int,
    text: str,
    *hops: Hop | str,
    outlet: str = "shafaq-news",
    when: date | None = None,
) -> Claim:
    """A claim whose chain is the outlet's hop, then ``hops`` (a bare id is a hop cued "said")."""
    chain = (Hop(outlet, "publishes"), *(hop(h) if isinstance(h, str) else h for h in hops))
    kind = ClaimKind.INDIRECT if hops else ClaimKind.UNATTRIBUTED
    return Claim(claim_id(document, ordinal), document, text, (0, len(text)), kind, when, chain)


def graph(
    *claims: Claim, documents: tuple[Document, ...] | None = None, sources: tuple[str, ...] | None = None
) -> Graph:
    """A graph holding ``claims``; by default one Shafaq News document and every known source."""
    if documents is None:
        documents = (Document("d1", "shafaq-news", title="Convoy", published=PUBLISHED),)
    chosen = tuple(SOURCES.values()) if sources is None else tuple(SOURCES[s] for s in sources)
    return Graph(documents, chosen, claims)


def of(rule: str, findings: tuple[Finding, ...]) -> list[Finding]:
    return [finding for finding in findings if finding.rule == rule]


def corpus(*outlets: str, published: datetime = PUBLISHED) -> tuple[Document, ...]:
    """One document per outlet, ids d1, d2, ... in order."""
    return tuple(Document(f"d{n}", outlet, published=published) for n, outlet in enumerate(outlets, 1))


# unattributed


def test_unattributed_claim_is_found_with_its_outlet_and_span() -> None:
    findings = resolve(graph(claim("d1", 1, CONVOY), claim("d1", 2, SPOTTED, "sohr")))
    (finding,) = of("unattributed", findings)
    assert finding.severity is Severity.WARNING
    assert finding.claim == "d1-c1"
    assert finding.source == "shafaq-news"
    assert finding.span == (0, len(CONVOY))
    assert finding.message.startswith("Shafaq News gives no source for “Earlier on Thursday")


def test_outlet_citing_itself_is_still_unattributed() -> None:
    findings = resolve(graph(claim("d1", 1, CONVOY, hop("shafaq-news", "reported"))))
    assert [f.claim for f in of("unattributed", findings)] == ["d1-c1"]


def test_attributed_claims_are_not_unattributed() -> None:
    assert of("unattributed", resolve(graph(claim("d1", 1, SPOTTED, "sohr")))) == []


# anonymous-source


def test_anonymous_source_names_the_mention_and_the_named_parties_in_between() -> None:
    direct = claim(
        "d1", 1, SPOTTED, hop("security-sources", mention="Security sources", mention_span=(3, 19))
    )
    nested = claim("d1", 2, SPOTTED, hop("sohr", "said"), hop("local-sources", "citing"))
    findings = of("anonymous-source", resolve(graph(direct, nested)))
    assert [(f.claim, f.source, f.span) for f in findings] == [
        ("d1-c1", "security-sources", (3, 19)),
        ("d1-c2", "local-sources", None),
    ]
    assert findings[0].message == "Attributed to an anonymous source: “Security sources”."
    assert findings[1].message == (
        "Attributed, via Syrian Observatory for Human Rights, to an anonymous source: “local sources”."
    )


def test_one_anonymous_finding_per_claim_and_none_for_named_sources() -> None:
    twice = claim("d1", 1, SPOTTED, "security-sources", "local-sources")
    named = claim("d1", 2, SPOTTED, "sohr", "pentagon")
    findings = of("anonymous-source", resolve(graph(twice, named)))
    assert [f.claim for f in findings] == ["d1-c1"]


# dangling-source


def test_dangling_hop_source_is_an_error_naming_the_missing_id() -> None:
    findings = resolve(graph(claim("d1", 1, SPOTTED, hop("sohr-typo", mention_span=(5, 9)), "sohr")))
    (finding,) = of("dangling-source", findings)
    assert (finding.severity, finding.claim, finding.source, finding.span) == (
        Severity.ERROR,
        "d1-c1",
        "sohr-typo",
        (5, 9),
    )
    assert "“sohr-typo”" in finding.message


def test_dangling_outlet_is_reported_once_for_its_document_not_per_claim() -> None:
    claims = [claim("d1", n, SPOTTED, "sohr", outlet="shafaq") for n in (1, 2, 3)]
    findings = of("dangling-source", resolve(graph(*claims, documents=(Document("d1", "shafaq"),))))
    assert [(f.claim, f.source) for f in findings] == [(None, "shafaq")]
    assert findings[0].message == "Document d1 names its outlet as “shafaq”, but no source has that id."


def test_no_dangling_source_when_every_id_resolves() -> None:
    assert of("dangling-source", resolve(graph(claim("d1", 1, SPOTTED, "sohr", "local-sources")))) == []


# circular-citation


def test_loop_within_one_chain_is_printed() -> None:
    looped = claim("d1", 1, SPOTTED, "sohr", "pentagon", "sohr")
    (finding,) = of("circular-citation", resolve(graph(looped)))
    assert finding.severity is Severity.ERROR
    assert finding.message == (
        "Sources cite each other in a loop: Syrian Observatory for Human Rights → Pentagon → "
        "Syrian Observatory for Human Rights."
    )
    assert (finding.claim, finding.source) == ("d1-c1", "sohr")


def test_circular_pair_across_two_articles() -> None:
    first = claim("d1", 1, SPOTTED, hop("reuters", "reported"), outlet="shafaq-news")
    second = claim("d2", 1, SPOTTED.upper(), hop("shafaq-news", "according to"), outlet="reuters")
    findings = of(
        "circular-citation", resolve(graph(first, second, documents=corpus("shafaq-news", "reuters")))
    )
    assert [(f.claim, f.message) for f in findings] == [
        ("d1-c1", "Sources cite each other in a loop: Shafaq News → Reuters → Shafaq News.")
    ]


def test_cited_document_makes_its_outlet_part_of_a_loop() -> None:
    # Shafaq quotes a Reuters article through the person who wrote it; Reuters cites Shafaq back.
    first = claim("d1", 1, SPOTTED, hop("jane-doe", "wrote", document="d2"))
    second = claim("d2", 1, WARNED, "shafaq-news", outlet="reuters")
    findings = of(
        "circular-citation", resolve(graph(first, second, documents=corpus("shafaq-news", "reuters")))
    )
    assert [f.message for f in findings] == [
        "Sources cite each other in a loop: Shafaq News → Reuters → Shafaq News."
    ]


def test_chains_without_a_loop_and_loops_through_anonymous_parties_are_not_circular() -> None:
    linear = claim("d1", 1, SPOTTED, "sohr", "pentagon")
    # "local sources" in two chains need not be the same people, so this is no proven loop.
    there = claim("d1", 2, SPOTTED, "sohr", "local-sources")
    back = claim("d1", 3, SPOTTED, "local-sources", "sohr")
    assert of("circular-citation", resolve(graph(linear, there, back))) == []


def test_larger_loop_mentions_the_other_sources_caught_in_it() -> None:
    claims = [
        claim("d1", 1, SPOTTED, "sohr", "pentagon"),
        claim("d1", 2, SPOTTED, "pentagon", "sohr"),
        claim("d1", 3, SPOTTED, "pentagon", "reuters"),
        claim("d1", 4, SPOTTED, "reuters", "sohr"),
    ]
    (finding,) = of("circular-citation", resolve(graph(*claims)))
    assert finding.message.endswith(
        "Pentagon → Syrian Observatory for Human Rights; 1 other source take part in loops with them."
    )


# date-after-publication


def test_claim_dated_after_publication_is_an_error() -> None:
    late = claim("d1", 1, CONVOY, when=date(2025, 1, 3))
    (finding,) = of("date-after-publication", resolve(graph(late)))
    assert finding.severity is Severity.ERROR
    assert finding.message == (
        "The claim says it happened on 3 January 2025, after the article was published on 2 January 2025."
    )


def test_a_date_read_by_machine_after_publication_is_a_warning() -> None:
    late = claim("d1", 1, CONVOY, when=date(2025, 1, 3))
    (finding,) = of("date-after-publication", resolve(graph(late), extracted={"d1"}))
    assert finding.severity is Severity.WARNING


@pytest.mark.parametrize(
    "text",
    [
        "The bridge will reopen on Jan. 3.",
        "Tariffs due Jan. 15 would hit phones.",
        "The vote is scheduled for next Tuesday.",
        "Britain goes to the polls in the Jan. 12 election.",
        "The Oscars on Feb. 9 are hosted by a comedian.",
        "The crossing stays closed until Jan. 5.",
        "Lawmakers said the law takes effect on Jan. 6.",
        "A Most Violent Year, out on Jan. 3 in limited release.",
    ],
)
def test_what_is_to_come_is_dated_forward_and_is_no_finding(text: str) -> None:
    scheduled = claim("d1", 1, text, when=date(2025, 1, 6))
    assert of("date-after-publication", resolve(graph(scheduled))) == []


def test_claim_dated_on_or_before_publication_day_is_fine() -> None:
    claims = (
        claim("d1", 1, CONVOY, when=date(2025, 1, 2)),
        claim("d1", 2, CONVOY, when=date(2025, 1, 1)),
        claim("d1", 3, CONVOY),
    )
    assert of("date-after-publication", resolve(graph(*claims))) == []


def test_cited_document_published_after_the_citing_one() -> None:
    documents = (
        Document("d1", "shafaq-news", published=PUBLISHED),
        Document("d2", "reuters", published=PUBLISHED + timedelta(hours=3)),
        Document("d3", "rudaw", published=PUBLISHED - timedelta(days=1)),
    )
    later = claim("d1", 1, SPOTTED, hop("reuters", "reported", document="d2"))
    earlier = claim("d1", 2, SPOTTED, hop("rudaw", "reported", document="d3"))
    (finding,) = of("date-after-publication", resolve(graph(later, earlier, documents=documents)))
    assert finding.claim == "d1-c1"
    assert finding.message == (
        "Cites an article by Reuters published 3 January 2025 00:13 UTC, after this "
        "article (2 January 2025 21:13 UTC)."
    )


def test_a_cited_document_known_by_its_date_alone_is_cited_by_date() -> None:
    date_only = datetime(2025, 1, 5, tzinfo=UTC)
    documents = (
        Document("d1", "shafaq-news", published=PUBLISHED),
        Document("d2", "reuters", published=date_only),
    )
    cites = claim("d1", 1, SPOTTED, hop("reuters", "reported", document="d2"))
    (finding,) = of("date-after-publication", resolve(graph(cites, documents=documents)))
    assert "published 5 January 2025, after this article (2 January 2025 21:13 UTC)" in finding.message


def test_naive_and_aware_publication_times_compare_by_day() -> None:
    naive_same_day = Document("d2", "reuters", published=datetime(2025, 1, 2, 23, 59))
    documents = (Document("d1", "shafaq-news", published=PUBLISHED), naive_same_day)
    cites = claim("d1", 1, SPOTTED, hop("reuters", document="d2"))
    assert of("date-after-publication", resolve(graph(cites, documents=documents))) == []


# unresolved-mention


def test_pronoun_or_description_linked_to_no_source_is_unresolved() -> None:
    pronoun = claim("d1", 1, WARNED, hop("he", "emphasized", mention="He", mention_span=(0, 2)))
    description = claim(
        "d1", 2, WARNED, hop("the-iraqi-politician", "pointed out", mention="The Iraqi politician")
    )
    findings = of("unresolved-mention", resolve(graph(pronoun, description)))
    assert [(f.claim, f.span) for f in findings] == [("d1-c1", (0, 2)), ("d1-c2", None)]
    assert findings[0].message == "“He” refers to no known source, so who is speaking is unclear."


def test_linked_pronouns_and_named_sources_of_unknown_kind_are_resolved() -> None:
    linked = claim("d1", 1, WARNED, hop("mithal-al-alusi", "emphasized", mention="He"))
    named = claim("d1", 2, WARNED, hop("jane-doe", mention="Jane Doe"))
    assert of("unresolved-mention", resolve(graph(linked, named))) == []


# single-source


def test_single_source_counts_claims_per_named_origin_in_an_article() -> None:
    claims = (
        claim("d1", 1, WARNED, "mithal-al-alusi"),
        claim("d1", 2, CONVOY),
        claim("d1", 3, WARNED, "mithal-al-alusi"),
        claim("d1", 4, SPOTTED, "sohr"),
        claim("d1", 5, SPOTTED, "security-sources"),
    )
    findings = of("single-source", resolve(graph(*claims)))
    assert [(f.severity, f.claim, f.source, f.message) for f in findings] == [
        (
            Severity.INFO,
            "d1-c1",
            "mithal-al-alusi",
            "2 claims in this article rest on Mithal al-Alusi alone.",
        ),
        (
            Severity.INFO,
            "d1-c4",
            "sohr",
            "1 claim in this article rests on Syrian Observatory for Human Rights alone.",
        ),
    ]


def test_claim_carried_by_another_article_is_not_single_source() -> None:
    documents = corpus("shafaq-news", "reuters")
    first = claim("d1", 1, SPOTTED, "sohr")
    second = claim("d2", 1, SPOTTED, "pentagon", outlet="reuters")
    assert of("single-source", resolve(graph(first, second, documents=documents))) == []


# not-independent


def test_several_outlets_one_origin_is_not_independent() -> None:
    documents = corpus("shafaq-news", "reuters", "rudaw")
    claims = (
        claim("d1", 1, SPOTTED, "sohr"),
        claim("d2", 1, SPOTTED.capitalize() + ".", hop("sohr", "according to"), outlet="reuters"),
        # Reuters relays Shafaq, which relays the Observatory: the origin is still one.
        claim(
            "d3",
            1,
            "The convoy was spotted on the Al-Hasakah–Raqqa road heading toward Kobani area",
            "reuters",
            "sohr",
            outlet="rudaw",
        ),
    )
    (finding,) = of("not-independent", resolve(graph(*claims, documents=documents)))
    assert finding.message == (
        "3 outlets, 1 independent origin: Syrian Observatory for Human Rights, carried by "
        "Shafaq News (d1-c1, 2 January 2025), Reuters (d2-c1, 2 January 2025) and "
        "Rudaw (d3-c1, 2 January 2025)."
    )
    assert (finding.claim, finding.source, finding.severity) == ("d1-c1", "sohr", Severity.WARNING)


def test_claim_with_two_origins_or_an_anonymous_origin_is_not_flagged() -> None:
    documents = corpus("shafaq-news", "reuters")
    two_origins = (claim("d1", 1, SPOTTED, "sohr"), claim("d2", 1, SPOTTED, "pentagon", outlet="reuters"))
    anonymous = (
        claim("d1", 2, WARNED, "security-sources"),
        claim("d2", 2, WARNED, "security-sources", outlet="reuters"),
    )
    assert of("not-independent", resolve(graph(*two_origins, *anonymous, documents=documents))) == []


def test_one_outlet_in_two_articles_is_not_several_outlets() -> None:
    documents = corpus("shafaq-news", "shafaq-news")
    claims = (claim("d1", 1, SPOTTED, "sohr"), claim("d2", 1, SPOTTED, "sohr"))
    assert of("not-independent", resolve(graph(*claims, documents=documents))) == []


def test_a_shared_subject_is_not_a_shared_origin() -> None:
    # "The Pentagon wants ..." reports where the Pentagon stands: two outlets saying so are two reports.
    documents = corpus("shafaq-news", "reuters")
    wants = "the convoy to leave the Al-Hasakah-Raqqa road before the Kobani talks"
    claims = (
        claim("d1", 1, wants, hop("pentagon", "wants")),
        claim("d2", 1, wants, hop("pentagon", "wants"), outlet="reuters"),
    )
    assert of("not-independent", resolve(graph(*claims, documents=documents))) == []


def test_outlets_relaying_one_agency_are_not_independent_and_the_rest_are_named() -> None:
    documents = corpus("shafaq-news", "rudaw", "reuters")
    claims = (
        claim("d1", 1, SPOTTED, hop("reuters", "reported")),
        claim("d2", 1, SPOTTED, hop("reuters", "reported"), "sohr", outlet="rudaw"),
        claim("d3", 1, SPOTTED, outlet="reuters"),  # Reuters' own report: the origin itself
        claim("d3", 2, CONVOY, outlet="reuters"),
    )
    sources = (*SOURCES.values(), Source("reuters", "Reuters", SourceKind.AGENCY))
    found = resolve(Graph(documents, sources, claims))
    (finding,) = of("not-independent", found)
    assert finding.source == "reuters"
    assert finding.message.startswith(
        "3 outlets, 1 independent origin: Reuters, carried by Shafaq News (d1-c1"
    )


def test_some_outlets_on_one_origin_and_others_on_their_own() -> None:
    documents = corpus("shafaq-news", "reuters", "rudaw")
    claims = (
        claim("d1", 1, SPOTTED, "sohr"),
        claim("d2", 1, SPOTTED, "sohr", outlet="reuters"),
        claim("d3", 1, SPOTTED, "pentagon", outlet="rudaw"),
    )
    (finding,) = of("not-independent", resolve(graph(*claims, documents=documents)))
    assert finding.message.endswith("; 1 other outlet carries it on other grounds.")
    assert "Rudaw" not in finding.message


def test_the_same_long_wording_in_two_outlets_is_copied() -> None:
    documents = corpus("shafaq-news", "reuters")
    claims = (claim("d1", 1, WEDNESDAY), claim("d2", 1, WEDNESDAY, outlet="reuters"))
    (finding,) = of("not-independent", resolve(graph(*claims, documents=documents)))
    assert finding.message == (
        "2 outlets carry this claim in the same words, copied from one another or from one source "
        "they do not name: Shafaq News (d1-c1, 2 January 2025) and Reuters (d2-c1, 2 January 2025)."
    )
    assert finding.source is None


def test_the_same_quotation_or_a_short_wording_is_not_copying() -> None:
    documents = corpus("shafaq-news", "reuters")
    quoted = [
        evolve(claim(d, 1, WEDNESDAY, outlet=o), kind=ClaimKind.DIRECT) for d, o in documents_of(documents)
    ]
    short = "the convoy was spotted on the road to Kobani"
    plain = [claim(d, 2, short, outlet=o) for d, o in documents_of(documents)]
    assert of("not-independent", resolve(graph(*quoted, *plain, documents=documents))) == []


def documents_of(documents: tuple[Document, ...]) -> list[tuple[str, str]]:
    return [(document.id, document.outlet or "") for document in documents]


# conflicting-figures


def test_different_figures_for_the_same_claim_conflict() -> None:
    documents = corpus("shafaq-news", "reuters")
    claims = (
        claim("d1", 1, CONVOY, "sohr"),
        claim("d2", 1, CONVOY.replace("approximately 50", "40"), "sohr", outlet="reuters"),
    )
    (finding,) = of("conflicting-figures", resolve(graph(*claims, documents=documents)))
    assert finding.message == (
        "“50 trucks” (Shafaq News, d1-c1) vs “40 trucks” (Reuters, d2-c1) for the same claim."
    )
    assert finding.claim == "d1-c1"


def test_same_figure_in_words_or_digits_does_not_conflict() -> None:
    documents = corpus("shafaq-news", "reuters")
    claims = (
        claim("d1", 1, CONVOY, "sohr"),
        claim("d2", 1, CONVOY.replace("50", "fifty"), "sohr", outlet="reuters"),
    )
    assert of("conflicting-figures", resolve(graph(*claims, documents=documents))) == []


def test_different_dates_for_the_same_claim_conflict() -> None:
    documents = corpus("shafaq-news", "reuters")
    claims = (
        claim("d1", 1, SPOTTED, "sohr", when=date(2025, 1, 2)),
        claim("d2", 1, SPOTTED, "sohr", outlet="reuters", when=date(2025, 1, 1)),
    )
    (finding,) = of("conflicting-figures", resolve(graph(*claims, documents=documents)))
    assert finding.message == (
        "2 January 2025 (Shafaq News, d1-c1) vs 1 January 2025 (Reuters, d2-c1) for the same claim."
    )


def test_figures_reported_on_different_days_are_different_events() -> None:
    # Market reports of two days: the price moved, no one contradicts anyone.
    price = "Brent crude rose to {} dollars a barrel in London trading as supply fears grew"
    documents = (
        Document("d1", "shafaq-news", published=PUBLISHED),
        Document("d2", "reuters", published=PUBLISHED + timedelta(days=1)),
    )
    claims = (claim("d1", 1, price.format(64)), claim("d2", 1, price.format(66), outlet="reuters"))
    assert of("conflicting-figures", resolve(graph(*claims, documents=documents))) == []
    same_day = (documents[0], evolve(documents[1], published=PUBLISHED))
    (finding,) = of("conflicting-figures", resolve(graph(*claims, documents=same_day)))
    assert (
        finding.message
        == "“64 dollars” (Shafaq News, d1-c1) vs “66 dollars” (Reuters, d2-c1) for the same claim."
    )


def test_dates_conflict_only_between_articles_of_one_day() -> None:
    documents = (
        Document("d1", "shafaq-news", published=PUBLISHED),
        Document("d2", "reuters", published=PUBLISHED + timedelta(days=2)),
    )
    claims = (
        claim("d1", 1, SPOTTED, "sohr", when=date(2025, 1, 2)),
        claim("d2", 1, SPOTTED, "sohr", outlet="reuters", when=date(2025, 1, 4)),
    )
    assert of("conflicting-figures", resolve(graph(*claims, documents=documents))) == []


def test_figures_in_unrelated_claims_do_not_conflict() -> None:
    documents = corpus("shafaq-news", "reuters")
    claims = (
        claim("d1", 1, CONVOY, "sohr"),
        claim(
            "d2",
            1,
            "Officials counted 40 trucks crossing the border at Rabia overnight",
            "pentagon",
            outlet="reuters",
        ),
    )
    assert of("conflicting-figures", resolve(graph(*claims, documents=documents))) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("consisting of approximately 50 trucks carrying", [(50, "truck", "50 trucks")]),
        ("fifty trucks", [(50, "truck", "fifty trucks")]),
        (
            "1,200 casualties and 1.5 million people",
            [(1200, "casualty", "1,200 casualties"), (1_500_000, "people", "1.5 million people")],
        ),
        ("turnout was 12% in 2024 elections", [(12, "percent", "12%")]),
        ("one of the trucks", []),
        ("at 3:40 p.m. on 2 January, 10 pm", []),
        ('<tweet tweet-id="661196115484643328"><tweet/>', []),
        ("a 5-year plan; 200\nmiles", [(5, "year", "5-year")]),
    ],
)
def test_find_figures(text: str, expected: list[tuple[float, str, str]]) -> None:
    assert [(f.value, f.unit, f.text) for f in find_figures(text)] == expected


# matching


def test_matching_ignores_case_punctuation_and_figures_but_not_content() -> None:
    documents = ("a", "b", "c", "d")
    texts = [
        SPOTTED,
        "The convoy was SPOTTED on the Al-Hasakah–Raqqa road, heading towards the Kobani area!",
        WARNED,
        "Prices of bread in Baghdad rose sharply after the new tax on imported flour",
    ]
    claims = [
        Claim(f"{d}-c1", d, text, None, ClaimKind.DIRECT) for d, text in zip(documents, texts, strict=True)
    ]
    assert match_claims(claims) == [[0, 1]]


def test_matching_takes_a_trimmed_relay_for_the_same_claim_but_not_a_similar_one() -> None:
    texts = [
        "the convoy was spotted on the Al-Hasakah-Raqqa road, heading towards the Kobani area in "
        "eastern Aleppo",
        "The convoy was spotted on the Al-Hasakah-Raqqa road, heading towards Kobani.",
        "the militias in Iraq are armed and in control of the state",
        "the militias in Syria are armed and in control of the border",
    ]
    claims = [Claim(f"d{n}-c1", f"d{n}", text, None, ClaimKind.DIRECT) for n, text in enumerate(texts)]
    assert match_claims(claims) == [[0, 1]]


def test_matching_keeps_claims_of_one_document_apart_and_short_claims_out() -> None:
    same_document = [Claim(f"a-c{n}", "a", SPOTTED, None, ClaimKind.DIRECT) for n in (1, 2)]
    short = [Claim(f"{d}-c1", d, "It is bad.", None, ClaimKind.DIRECT) for d in ("b", "c")]
    assert match_claims(same_document) == []
    assert match_claims(short) == []


def test_matching_finds_the_one_pair_among_many_distinct_claims() -> None:
    # Many claims, each with its own vocabulary: blocking must still bring the near-copies together.
    claims = [
        Claim(
            f"d{n}-c1",
            f"d{n}",
            f"Officials in district{n} counted sheep{n} and goats{n} near village{n} on market{n} day",
            None,
            ClaimKind.DIRECT,
        )
        for n in range(2000)
    ]
    claims.append(
        Claim("x-c1", "x", claims[1234].text.replace("counted", "had counted"), None, ClaimKind.DIRECT)
    )
    assert match_claims(claims) == [[1234, 2000]]


# resolve as a whole


def test_every_rule_fires_somewhere_and_all_are_listed_in_rules() -> None:
    documents = (*corpus("shafaq-news", "reuters"), Document("d3", "missing-outlet"))
    claims = (
        claim("d1", 1, WEDNESDAY, when=date(2025, 1, 9)),
        claim("d1", 2, "the militias answer to Iranian leadership", "sohr", "local-sources"),
        claim("d1", 3, WARNED, hop("he", mention="He")),
        claim("d1", 4, WARNED, "pentagon", "ghost", "pentagon"),
        claim("d2", 1, SPOTTED, "sohr", outlet="reuters"),
        claim("d2", 2, CONVOY.replace("50", "40"), "sohr", outlet="reuters"),
        claim("d1", 5, CONVOY, "sohr"),
    )
    findings = resolve(graph(*claims, documents=documents))
    assert {f.rule for f in findings} == set(RULES)
    assert all(f.severity is RULES[f.rule][0] for f in findings)
    extracted = resolve(graph(*claims, documents=documents), extracted={"d1", "d2", "d3"})
    assert all(f.severity.rank <= RULES[f.rule][0].rank for f in extracted)


def test_findings_sort_by_severity_then_document_order() -> None:
    claims = (
        claim("d1", 1, CONVOY),
        claim("d1", 2, WARNED, "mithal-al-alusi"),
        claim("d1", 3, CONVOY, when=date(2025, 2, 1)),
        claim("d1", 4, SPOTTED, "security-sources"),
    )
    findings = resolve(graph(*claims))
    assert [(f.severity.value, f.rule, f.claim) for f in findings] == [
        ("error", "date-after-publication", "d1-c3"),
        ("warning", "unattributed", "d1-c1"),
        ("warning", "unattributed", "d1-c3"),
        ("warning", "anonymous-source", "d1-c4"),
        ("info", "single-source", "d1-c2"),
    ]


def test_resolve_ignores_stale_findings_and_empty_graphs() -> None:
    fresh = graph(claim("d1", 1, SPOTTED, "sohr"))
    stale = Graph(
        fresh.documents,
        fresh.sources,
        fresh.claims,
        (Finding("unattributed", Severity.WARNING, "stale", claim="d1-c1"),),
    )
    assert resolve(stale) == resolve(fresh)
    assert resolve(Graph()) == ()


@given(st.lists(st.sampled_from(list(Severity))), st.sampled_from(list(Severity)))
def test_fails_when_any_finding_reaches_the_threshold(
    severities: list[Severity], threshold: Severity
) -> None:
    findings = [Finding("unattributed", severity, "m") for severity in severities]
    expected = any(list(Severity).index(s) >= list(Severity).index(threshold) for s in severities)
    assert fails(findings, threshold) is expected


def test_fails_at_default_threshold() -> None:
    warning = Finding("unattributed", Severity.WARNING, "m")
    assert not fails([warning], Severity.ERROR)
    assert fails([warning], Severity.WARNING)
    assert fails([warning], Severity.INFO)
    assert not fails([], Severity.INFO)


# any graph, however odd


@given(graphs())
def test_any_graph_resolves_to_sorted_known_findings(any_graph: Graph) -> None:
    findings = resolve(any_graph)
    claim_ids = {c.id for c in any_graph.claims}
    assert all(f.rule in RULES and f.severity is RULES[f.rule][0] for f in findings)
    assert all(f.claim is None or f.claim in claim_ids for f in findings)
    ranks = [f.severity.rank for f in findings]
    assert ranks == sorted(ranks, reverse=True)
    assert len(set(findings)) == len(findings)
    assert resolve(any_graph) == findings
