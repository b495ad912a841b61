"""The sourcing tree of a document: outlet, then each party it relies on, claims under the last."""

from __future__ import annotations

from itertools import pairwise

from attrs import define, field

from ..model import Claim, Graph, GraphIndex


@define
class Branch:
    """A source in the tree with the parties it cites and the claims that end with it."""

    source: str
    """Id of the source."""
    claims: list[Claim] = field(factory=list)
    """Claims whose chain ends at this source, in document order."""
    children: dict[str, Branch] = field(factory=dict)
    """The parties this source is cited as relying on, by source id, in order of first use."""


def sourcing_trees(index: GraphIndex, document_id: str) -> list[Branch]:
    """One tree per publishing source of the document's claims (normally just the outlet);
    a claim with an empty chain hangs under its document's outlet."""
    document = index.document(document_id)
    fallback = (document.outlet if document else None) or ""
    roots: dict[str, Branch] = {}
    for claim in index.claims_of(document_id):
        path = [hop.source for hop in claim.chain] or [fallback]
        branch = roots.setdefault(path[0], Branch(path[0]))
        for source in path[1:]:
            branch = branch.children.setdefault(source, Branch(source))
        branch.claims.append(claim)
    return list(roots.values())


def cues(graph: Graph) -> dict[tuple[str, str], str]:
    """For each (citing source, cited source) pair, the cue of the first claim that runs from
    one to the other ("warned"): the label of that branch of the tree."""
    found: dict[tuple[str, str], str] = {}
    for claim in graph.claims:
        for before, hop in pairwise(claim.chain):
            if hop.cue:
                found.setdefault((before.source, hop.source), hop.cue)
    return found
