"""One pass over a graph that every rule shares: lookups by id and the document order of claims."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Claim, Document, Finding, Graph, Source, SourceKind

Position = tuple[int, int]
"""Where a finding sorts: (index of the document, index of the claim); -1 for a whole document."""

Located = tuple[Position, Finding]
"""A finding with its sort position; rules yield these and `resolve` drops the positions."""

UNLINKED_KINDS = frozenset({SourceKind.ANONYMOUS, SourceKind.UNKNOWN})
"""Kinds of source that name no one in particular: two hops to "sources" need not be one party."""


class Index:
    """Dictionaries over a graph, built once so that no rule scans the whole graph per lookup."""

    def __init__(self, graph: Graph) -> None:
        self.graph = graph
        self.sources: dict[str, Source] = {source.id: source for source in graph.sources}
        self.documents: dict[str, Document] = {}
        self.document_positions: dict[str, int] = {}
        for position, document in enumerate(graph.documents):
            # The first of two documents with one id wins, as Graph.document does.
            self.documents.setdefault(document.id, document)
            self.document_positions.setdefault(document.id, position)

    def claims(self) -> Iterator[tuple[Position, Claim]]:
        """Every claim with its position, in graph (document) order."""
        end = len(self.graph.documents)
        for number, claim in enumerate(self.graph.claims):
            yield (self.document_positions.get(claim.document, end), number), claim

    def name(self, source_id: str | None) -> str:
        """A source's display name; its bare id when the graph does not hold it."""
        if source_id is None:
            return "an unknown outlet"
        source = self.sources.get(source_id)
        return source.name if source else source_id

    def kind(self, source_id: str) -> SourceKind | None:
        """A source's kind, or None when the graph does not hold it."""
        source = self.sources.get(source_id)
        return source.kind if source else None

    def outlet(self, claim: Claim) -> str | None:
        """Id of the outlet that publishes a claim: its document's outlet, else its first hop."""
        document = self.documents.get(claim.document)
        if document is not None and document.outlet is not None:
            return document.outlet
        return claim.chain[0].source if claim.chain else None

    def origin(self, claim: Claim) -> str | None:
        """Where a claim ultimately comes from: its deepest source, or its outlet when unattributed."""
        return claim.root if claim.chain else self.outlet(claim)
