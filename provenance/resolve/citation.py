"""The `circular-citation` rule: parties that cite each other in a loop, within or across articles."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from itertools import pairwise

from ..model import Finding, GraphIndex, Severity
from .position import Located, Position, positioned_claims
from .vocabulary import UNLINKED_KINDS
from .wording import plural

Edge = tuple[str, str]


def citation_edges(index: GraphIndex) -> dict[Edge, tuple[Position, str]]:
    """Who cites whom: each edge (citing source id, cited source id) with the first claim showing it.

    Consecutive hops give an edge. A hop that names the cited article (`Hop.document`) also makes
    the citing party cite that article's outlet. Anonymous and unknown parties are left out: two
    hops to "sources" need not be the same people, so they prove no loop.
    """
    edges: dict[Edge, tuple[Position, str]] = {}

    def add(citing: str, cited: str, position: Position, claim_id: str) -> None:
        if citing == cited or index.kind(citing) in UNLINKED_KINDS or index.kind(cited) in UNLINKED_KINDS:
            return
        edges.setdefault((citing, cited), (position, claim_id))

    for position, claim in positioned_claims(index):
        for earlier, hop in pairwise(claim.chain):
            add(earlier.source, hop.source, position, claim.id)
            cited = index.document(hop.document) if hop.document else None
            if cited is not None and cited.outlet is not None:
                add(earlier.source, cited.outlet, position, claim.id)
    return edges


def circular_citation(index: GraphIndex) -> Iterator[Located]:
    """One finding per group of sources caught in citation loops, printing the shortest loop."""
    edges = citation_edges(index)
    successors: dict[str, list[str]] = {}
    for citing, cited in edges:
        successors.setdefault(citing, []).append(cited)
        successors.setdefault(cited, [])
    loops = [component for component in _strongly_connected(successors) if len(component) >= 2]
    # Each edge inside a loop, bucketed by its component once: not every edge scanned per loop.
    component_of = {member: number for number, component in enumerate(loops) for member in component}
    inside_of: dict[int, list[Edge]] = {}
    for edge in edges:
        number = component_of.get(edge[0])
        if number is not None and component_of.get(edge[1]) == number:
            inside_of.setdefault(number, []).append(edge)
    for number, component in enumerate(loops):
        members = set(component)
        inside = inside_of[number]
        # Start the loop where the reader first meets it: the earliest claim with an edge of it.
        start = min(inside, key=lambda edge: edges[edge][0])[0]
        loop = _shortest_loop(start, successors, members)
        position, claim_id = min(edges[edge] for edge in pairwise(loop))
        others = len(members) - (len(loop) - 1)
        tail = f"; {plural(others, 'other source')} take part in loops with them" if others else ""
        yield position, Finding(
            "circular-citation", Severity.ERROR,
            f"Sources cite each other in a loop: {' → '.join(index.name(s) for s in loop)}{tail}.",
            claim=claim_id, source=start,
        )  # fmt: skip


def _shortest_loop(start: str, successors: dict[str, list[str]], members: set[str]) -> list[str]:
    # Breadth-first from start back to itself, inside one strongly connected component.
    parents: dict[str, str] = {}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        for nxt in successors[node]:
            if nxt not in members:
                continue
            if nxt == start:
                path = [node]
                while path[-1] != start:
                    path.append(parents[path[-1]])
                return [*reversed(path), start]
            if nxt not in parents:
                parents[nxt] = node
                queue.append(nxt)
    raise AssertionError("a strongly connected component of two or more nodes has a loop")


def _strongly_connected(successors: dict[str, list[str]]) -> list[list[str]]:
    """Tarjan's algorithm without recursion, so that long citation chains cannot overflow the stack."""
    order: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[list[str]] = []
    for root in successors:
        if root in order:
            continue
        work = [(root, 0)]
        while work:
            node, child = work.pop()
            if child == 0:
                order[node] = low[node] = len(order)
                stack.append(node)
                on_stack.add(node)
            if child < len(successors[node]):
                work.append((node, child + 1))
                nxt = successors[node][child]
                if nxt not in order:
                    work.append((nxt, 0))
                elif nxt in on_stack:
                    low[node] = min(low[node], order[nxt])
                continue
            if low[node] == order[node]:
                component: list[str] = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                components.append(component)
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
    return components
