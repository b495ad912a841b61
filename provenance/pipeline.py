"""The pipeline in one call: extract what has not been extracted, then resolve findings."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from typing import TYPE_CHECKING

from attrs import evolve

from .model import Graph, Source

if TYPE_CHECKING:  # the resolver is imported where it runs
    from .resolve import RuleSelection


def analyse(graph: Graph, rules: RuleSelection | None = None) -> Graph:
    """The graph with claims extracted for every document that has none, and findings resolved.

    Curated graphs (any claims present) keep their claims and sources as the curator left them;
    only their findings are computed anew, so a stale finding never survives a correction.
    ``rules`` chooses the rules and their severities (`RuleSelection`); None applies them all.
    """
    analysed = extract_missing(graph)
    return resolved(analysed, rules, extracted=_extracted(graph, analysed))


def analyse_all(graphs: Iterable[Graph], rules: RuleSelection | None = None) -> Graph:
    """One analysed graph from many inputs: corpus-wide rules see every document together."""
    parts: list[Graph] = []
    extracted: set[str] = set()
    for graph in graphs:
        analysed = extract_missing(graph)
        extracted.update(_extracted(graph, analysed))
        parts.append(evolve(analysed, findings=()))
    return resolved(Graph.merge(parts), rules, extracted=extracted)


def resolve_all(graphs: Iterable[Graph], rules: RuleSelection | None = None) -> Graph:
    """One graph from many, its findings resolved anew across all of them; nothing is extracted.

    This is how curated files are checked: as the curator left them, a document without claims
    included, with no finding of theirs kept.
    """
    return resolved(Graph.merge(evolve(graph, findings=()) for graph in graphs), rules)


def resolved(
    graph: Graph, rules: RuleSelection | None = None, *, extracted: Collection[str] = frozenset()
) -> Graph:
    """The graph with its findings resolved anew, its claims as they stand (a stored or curated
    graph); the result never depends on the findings it had. ``extracted``: the documents whose
    claims were read by machine (`resolve.resolve`)."""
    from .resolve import ALL_RULES, resolve

    return evolve(graph, findings=resolve(graph, rules or ALL_RULES, extracted=extracted))


def resolved_stored(graph: Graph, rules: RuleSelection | None = None) -> Graph:
    """A stored graph with its findings resolved anew. Its claims were read by machine when they
    were ingested (the store keeps no mark of a curated file), so they are taken as extracted."""
    return resolved(graph, rules, extracted=graph.index.document_ids)


def extract_missing(graph: Graph) -> Graph:
    """The graph with claims extracted for its documents when it has none (an article, not a
    curated file)."""
    from .extract import extract  # the extractor's vocabularies load on first use

    if graph.claims or not graph.documents:
        return graph
    extracted = [extract(document, _outlet(graph, document.outlet)) for document in graph.documents]
    return Graph.merge([Graph(sources=graph.sources), *extracted])


def _extracted(before: Graph, after: Graph) -> list[str]:
    """The documents whose claims `extract_missing` read: all of them, or none."""
    return [] if after is before else [document.id for document in after.documents]


def _outlet(graph: Graph, outlet_id: str | None) -> Source | None:
    return graph.source(outlet_id) if outlet_id else None
