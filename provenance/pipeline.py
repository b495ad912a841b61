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
    from .resolve import resolve

    graph = extract_missing(graph)
    return evolve(graph, findings=resolve(graph))


def analyse_all(graphs: Iterable[Graph]) -> Graph:
    """One analysed graph from many inputs: corpus-wide rules see every document together."""
    from .resolve import resolve

    merged = Graph.merge(evolve(extract_missing(graph), findings=()) for graph in graphs)
    return evolve(merged, findings=resolve(merged))


def extract_missing(graph: Graph) -> Graph:
    """The graph with claims extracted for its documents when it has none (an article, not a
    curated file)."""
    from .extract import extract  # the extractor's vocabularies load on first use

    if graph.claims or not graph.documents:
        return graph
    extracted = [extract(document, _outlet(graph, document.outlet)) for document in graph.documents]
    return Graph.merge([Graph(sources=graph.sources), *extracted])


def _outlet(graph: Graph, outlet_id: str | None) -> Source | None:
    return graph.source(outlet_id) if outlet_id else None
