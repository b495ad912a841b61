"""The model as table rows: every field survives graph → rows → graph, one graph per document."""

from __future__ import annotations

from pathlib import Path

from attrs import evolve
from export_fixtures import sample_graph
from hypothesis import given, settings
from hypothesis import strategies as st
from test_serialize import claims, documents, findings, sources, texts

from provenance import tables
from provenance.model import Graph
from provenance.pipeline import analyse
from provenance.read import read_path

SAMPLES = Path(__file__).parent.parent / "samples"


@st.composite
def one_document_graphs(draw: st.DrawFn) -> Graph:
    """A graph of one document whose claims all belong to it: what a corpus line analyses into."""
    document = evolve(draw(documents), authors=tuple(draw(st.lists(texts, max_size=3))))
    drawn = draw(st.lists(claims, max_size=4, unique_by=lambda claim: claim.id))
    return Graph(
        (document,),
        tuple(draw(st.lists(sources, max_size=4, unique_by=lambda source: source.id))),
        tuple(evolve(claim, document=document.id) for claim in drawn),
        tuple(draw(st.lists(findings, max_size=3))),
    )


@settings(max_examples=60, deadline=None)
@given(one_document_graphs())
def test_any_one_document_graph_survives_rows(graph: Graph) -> None:
    assert list(tables.graphs(tables.rows(graph))) == [graph]


def test_analysed_samples_survive_rows() -> None:
    for sample in ("shafaq-2025-01-02-alusi.txt", "quotes-patterns.txt", "indirect-patterns.txt"):
        for graph in read_path(SAMPLES / sample):
            analysed = analyse(graph)
            assert analysed.claims
            assert list(tables.graphs(tables.rows(analysed))) == [analysed]


def test_a_graph_of_several_documents_comes_back_one_graph_each() -> None:
    graph = sample_graph()
    back = list(tables.graphs(tables.rows(graph)))
    assert [g.documents for g in back] == [(d,) for d in graph.documents]
    assert tuple(claim for g in back for claim in g.claims) == graph.claims
    assert sorted(map(repr, (f for g in back for f in g.findings))) == sorted(map(repr, graph.findings))
    for part in back:  # each document keeps the sources it uses, and only those
        used = set(tables.used_sources(part.documents[0], part.claims, part.findings))
        assert {source.id for source in part.sources} == used
        assert all(graph.source(source.id) == source for source in part.sources)


def test_rows_carry_the_ids_and_the_chain_positions() -> None:
    graph = sample_graph()
    rows = tables.rows(graph, input="corpus.jsonl:3", input_hash="abc")
    assert [row["id"] for row in rows["documents"]] == [d.id for d in graph.documents]
    assert {row["input"] for row in rows["documents"]} == {"corpus.jsonl:3"}
    assert [row["id"] for row in rows["claims"]] == [c.id for c in graph.claims]
    first = graph.claims[0]
    chain = [row for row in rows["hops"] if row["claim"] == first.id]
    assert [(row["position"], row["source"]) for row in chain] == [
        (position, hop.source) for position, hop in enumerate(first.chain)
    ]
    assert all(set(row) == {c.name for c in tables.TABLES[name]} for name in rows for row in rows[name])
