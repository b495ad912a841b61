"""Where findings sort: each claim's place in the graph, which every rule yields with its findings."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Claim, Finding, GraphIndex

Position = tuple[int, int]
"""Where a finding sorts: (index of the document, index of the claim); -1 for a whole document."""

Located = tuple[Position, Finding]
"""A finding with its sort position; rules yield these and `resolve` drops the positions."""


def positioned_claims(index: GraphIndex) -> Iterator[tuple[Position, Claim]]:
    """Every claim with its position, in graph (document) order."""
    for number, claim in enumerate(index.graph.claims):
        yield (index.position(claim.document), number), claim
