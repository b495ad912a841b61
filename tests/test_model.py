"""The graph's index: every lookup answered once, the same way for every stage that asks."""

from __future__ import annotations

import pickle

from attrs import evolve
from hypothesis import given
from resolve_fixtures import graphs

from provenance import serialize
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
)

SHAFAQ = Source("shafaq-news", "Shafaq News", SourceKind.OUTLET)
ALUSI = Source("mithal-al-alusi", "Mithal al-Alusi", SourceKind.PERSON)


def _claim(claim_id: str, document: str, *sources: str) -> Claim:
    return Claim(claim_id, document, "the convoy had 50 trucks", None, ClaimKind.INDIRECT, None,
                 tuple(Hop(source, "said") for source in sources))  # fmt: skip


def _finding(claim: str | None = None, source: str | None = None) -> Finding:
    return Finding("unattributed", Severity.WARNING, "No source.", claim=claim, source=source)


def test_lookups_by_id_take_the_first_of_two_items_with_one_id() -> None:
    graph = Graph(
        (Document("d1", "shafaq-news", "First"), Document("d1", None, "Second")),
        (SHAFAQ, Source("shafaq-news", "Shafaq", SourceKind.OUTLET)),
        (_claim("d1-c1", "d1", "shafaq-news"), _claim("d1-c1", "d1", "reuters")),
    )
    index = graph.index
    assert index.source("shafaq-news") == SHAFAQ
    assert index.document("d1") == graph.documents[0]
    assert index.claim("d1-c1") == graph.claims[0]
    assert index.source(None) is None
    assert index.document("d2") is None
    assert index.claim("nope") is None
    assert graph.source("shafaq-news") is index.source("shafaq-news")


def test_a_missing_source_is_named_by_its_id() -> None:
    index = Graph(sources=(SHAFAQ,)).index
    assert index.name("shafaq-news") == "Shafaq News"
    assert index.name("ghost") == "ghost"
    assert index.kind("ghost") is None
    assert index.source_or_stand_in("ghost") == Source("ghost", "ghost", SourceKind.UNKNOWN)
    assert index.source_or_stand_in("shafaq-news") is SHAFAQ


def test_claims_of_a_document_the_graph_lacks_still_form_a_document() -> None:
    claims = (
        _claim("d2-c1", "d2", "reuters"),
        _claim("d1-c1", "d1", "shafaq-news"),
        _claim("d2-c2", "d2", "reuters"),
    )
    index = Graph((Document("d1", "shafaq-news"), Document("d3", None)), (SHAFAQ,), claims).index
    assert index.document_ids == ["d1", "d3", "d2"]
    assert index.claims_of("d2") == [claims[0], claims[2]]
    assert index.claims_of("d3") == []
    assert index.claims_of("d4") == ()
    assert [index.position(d) for d in ("d1", "d3", "d2")] == [0, 1, 2]


def test_the_outlet_of_a_claim_is_its_documents_else_its_first_hop() -> None:
    named = _claim("d1-c1", "d1", "reuters", "mithal-al-alusi")
    unnamed = _claim("d2-c1", "d2", "reuters", "mithal-al-alusi")
    orphan = _claim("d3-c1", "d3")
    graph = Graph(
        (Document("d1", "shafaq-news"), Document("d2", None)), (SHAFAQ, ALUSI), (named, unnamed, orphan)
    )
    index = graph.index
    assert index.outlet(named) == "shafaq-news"
    assert index.outlet(unnamed) == "reuters"
    assert index.outlet(orphan) is None
    assert [index.document_outlet(d) for d in ("d1", "d2", "d3", "d4")] == [
        "shafaq-news",
        "reuters",
        None,
        None,
    ]
    assert index.origin(named) == "mithal-al-alusi"
    assert index.origin(evolve(named, chain=())) == "shafaq-news"


def test_a_finding_belongs_to_its_claims_document_else_to_the_only_document() -> None:
    claims = (_claim("d1-c1", "d1", "shafaq-news"), _claim("d2-c1", "d2", "reuters"))
    one = Graph((Document("d1", "shafaq-news"),), (SHAFAQ,), claims[:1]).index
    assert one.owner(_finding("d1-c1")) == "d1"
    assert one.owner(_finding(source="ghost")) == "d1"
    assert one.owner(_finding("unknown-claim")) == "d1"
    assert one.is_one_document
    two = Graph((Document("d1", "shafaq-news"),), (SHAFAQ,), claims).index
    assert two.owner(_finding("d2-c1")) == "d2"  # a document only its claims name
    assert two.owner(_finding(source="ghost")) is None
    assert not two.is_one_document
    assert Graph().index.owner(_finding()) is None


def test_the_index_is_built_once_and_is_no_part_of_the_graphs_value() -> None:
    graph = Graph((Document("d1", "shafaq-news"),), (SHAFAQ,), (_claim("d1-c1", "d1", "shafaq-news"),))
    assert graph.index is graph.index
    copy = pickle.loads(pickle.dumps(graph))
    assert copy == graph
    assert hash(copy) == hash(graph)
    assert copy.index is not graph.index
    assert copy.index.claim("d1-c1") == graph.claims[0]
    assert serialize.loads(serialize.dumps_json(graph)) == graph
    assert "index" not in repr(graph)
    assert evolve(graph, claims=()).index.claim("d1-c1") is None


@given(graphs())
def test_every_lookup_agrees_with_a_scan_of_the_graph(graph: Graph) -> None:
    index = graph.index
    for source in graph.sources:
        assert index.source(source.id) == next(s for s in graph.sources if s.id == source.id)
    for claim in graph.claims:
        assert index.claim(claim.id) == next(c for c in graph.claims if c.id == claim.id)
        assert claim in index.claims_of(claim.document)
        assert index.owner(_finding(claim.id)) == next(c for c in graph.claims if c.id == claim.id).document
    listed = [claim for document in index.document_ids for claim in index.claims_of(document)]
    assert sorted(listed, key=graph.claims.index) == list(graph.claims)
    assert len(listed) == len(graph.claims)
