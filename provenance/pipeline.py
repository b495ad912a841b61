"""The pipeline in one call: extract what has not been extracted, then resolve findings."""

from __future__ import annotations

from collections.abc import Iterable

from attrs import evolve

from .model import Graph, Source


def analyse(graph: Graph) -> Graph:
    """The graph with claims extracted for every document that has none, and findings resolved.

    Curated graphs (any claims present) keep their claims and sources as the curator left them;
    only their findings are computed anew, so a stale finding never survives a correction.
    """
    from .extract import extract  # the extractor's vocabularies load on first use
    from .resolve import resolve

    if not graph.claims and graph.documents:
        extracted = [extract(document, _outlet(graph, document.outlet)) for document in graph.documents]
        graph = Graph.merge([Graph(sources=graph.sources), *extracted])
    return evolve(graph, findings=resolve(graph))


def analyse_all(graphs: Iterable[Graph]) -> Graph:
    """One analysed graph from many inputs: corpus-wide rules see every document together."""
    from .resolve import resolve

    analysed = [analyse(graph) for graph in graphs]
    merged = Graph.merge(evolve(graph, findings=()) for graph in analysed)
    return evolve(merged, findings=resolve(merged))


def _outlet(graph: Graph, outlet_id: str | None) -> Source | None:
    return graph.source(outlet_id) if outlet_id else None
