"""The graph as plain nodes and edges, shared by the drawing formats (dot, graphml, mermaid)."""

from __future__ import annotations

from attrs import frozen

from ..model import Graph


@frozen
class Node:
    """A document, source or claim; ``key`` is unique across the three kinds."""

    key: str
    """``document:<id>``, ``source:<id>`` or ``claim:<id>``."""
    type: str
    """"document", "source" or "claim"."""
    id: str
    """The model id."""
    label: str
    """What a person reads on the node: title, name or claim text."""
    kind: str = ""
    """Source kind or claim kind."""


@frozen
class Edge:
    """A relation between two nodes."""

    source: str
    """Key of the node the edge leaves."""
    target: str
    """Key of the node the edge enters."""
    relation: str
    """"contains" (document to claim), "publishes" (outlet to document), "attributes" (claim or
    source to the next party of the chain) or "cites" (a source to its own document)."""
    cue: str = ""
    """The attributing words, for "attributes" edges."""
    kind: str = ""
    """The claim's kind, for "attributes" edges."""
    claim: str = ""
    """Id of the claim whose chain the edge belongs to."""
    hop: int = -1
    """Index of the hop in the claim's chain, or -1."""


def nodes_and_edges(graph: Graph) -> tuple[list[Node], list[Edge]]:
    """Documents, sources and claims as nodes; a claim's chain runs claim -> outlet -> first
    party -> the party it cites, one "attributes" edge per hop."""
    nodes: dict[str, Node] = {}
    lookup = graph.index

    def add_source(source_id: str) -> str:
        source = lookup.source_or_stand_in(source_id)
        key = "source:" + source.id
        nodes.setdefault(key, Node(key, "source", source.id, source.name, source.kind.value))
        return key

    def add_document(document_id: str) -> str:
        key = "document:" + document_id
        document = lookup.document(document_id)
        label = (document.title if document else None) or document_id
        nodes.setdefault(key, Node(key, "document", document_id, label))
        return key

    edges: list[Edge] = []
    for document in graph.documents:
        key = add_document(document.id)
        if document.outlet:
            edges.append(Edge(add_source(document.outlet), key, "publishes"))
    for source in graph.sources:
        add_source(source.id)
    for claim in graph.claims:
        key = "claim:" + claim.id
        nodes[key] = Node(key, "claim", claim.id, claim.text, claim.kind.value)
        edges.append(Edge(add_document(claim.document), key, "contains", claim=claim.id))
        previous = key
        for index, hop in enumerate(claim.chain):
            target = add_source(hop.source)
            edges.append(
                Edge(previous, target, "attributes", hop.cue or "", claim.kind.value, claim.id, index)
            )
            if hop.document:
                edges.append(
                    Edge(
                        target, add_document(hop.document), "cites", hop.cue or "", claim=claim.id, hop=index
                    )
                )
            previous = target
    return list(nodes.values()), edges
