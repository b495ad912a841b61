"""Where findings sort: each claim's place in the graph, which every rule yields with its findings."""

from __future__ import annotations

from collections.abc import Sequence
from weakref import WeakKeyDictionary

from ..model import Claim, Finding, GraphIndex

Position = tuple[int, int]
"""Where a finding sorts: (index of the document, index of the claim); -1 for a whole document."""

Located = tuple[Position, Finding]
"""A finding with its sort position; rules yield these and `resolve` drops the positions."""


def positioned_claims(index: GraphIndex) -> Sequence[tuple[Position, Claim]]:
    """Every claim with its position, in graph (document) order; worked out once per graph, for
    every rule walks them."""
    found = _POSITIONED.get(index)
    if found is None:
        claims = index.graph.claims
        found = [((index.position(claim.document), number), claim) for number, claim in enumerate(claims)]
        _POSITIONED[index] = found
    return found


_POSITIONED: WeakKeyDictionary[GraphIndex, list[tuple[Position, Claim]]] = WeakKeyDictionary()
"""The claims of each graph in use with their positions: the index is the graph's, so never stale."""
