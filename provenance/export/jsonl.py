"""The canonical document as JSON Lines: one complete, schema-valid document per article."""

from __future__ import annotations

import json

from ..model import Claim, Finding, Graph
from ..serialize import to_data
from .options import ExportOptions


def write(graph: Graph, options: ExportOptions) -> bytes:
    """One line per document, each a canonical document with the sources, claims and findings
    that concern it, so that a line can be streamed, split or loaded alone and
    `Graph.merge` of all lines gives the graph back."""
    lines = [json.dumps(to_data(part), ensure_ascii=False) + "\n" for part in split(graph)]
    return "".join(lines).encode("utf-8")


def split(graph: Graph) -> list[Graph]:
    """The graph cut into one graph per document; a graph without documents stays whole."""
    if not graph.documents:
        return [graph]
    claims_of: dict[str, list[Claim]] = {d.id: [] for d in graph.documents}
    orphans: list[Claim] = []
    for claim in graph.claims:
        claims_of.get(claim.document, orphans).append(claim)
    # Claims of unknown documents still go out (on the first line) rather than vanish.
    claims_of[graph.documents[0].id].extend(orphans)
    findings_of = _findings_by_line(graph, claims_of)
    # Each line lists the sources it names in the graph's order; positions keep that linear.
    positions: dict[str | None, list[int]] = {}
    for number, source in enumerate(graph.sources):
        positions.setdefault(source.id, []).append(number)
    parts = []
    for document in graph.documents:
        claims = claims_of[document.id]
        findings = findings_of[document.id]
        used = {document.outlet} | {hop.source for c in claims for hop in c.chain}
        used |= {f.source for f in findings}
        sources = tuple(graph.sources[n] for n in sorted(n for u in used for n in positions.get(u, ())))
        parts.append(Graph((document,), sources, tuple(claims), tuple(findings)))
    # Sources no line names would be lost on merge: keep them on the first line.
    named = {s.id for part in parts for s in part.sources}
    spare = tuple(s for s in graph.sources if s.id not in named)
    if spare:
        first = parts[0]
        parts[0] = Graph(first.documents, first.sources + spare, first.claims, first.findings)
    return parts


def _findings_by_line(graph: Graph, claims_of: dict[str, list[Claim]]) -> dict[str, list[Finding]]:
    """The findings each line carries: its document's (`GraphIndex.owner`); one across documents goes
    where its source is named, and one whose claim's document the graph lacks goes with that claim."""
    first = graph.documents[0].id
    lines: dict[str, list[Finding]] = {document: [] for document in claims_of}
    for finding in graph.findings:
        owner = graph.index.owner(finding)
        if owner is None:
            owner = _by_source(finding, claims_of, first)
        lines[owner if owner in lines else first].append(finding)
    return lines


def _by_source(finding: Finding, claims_of: dict[str, list[Claim]], first: str) -> str:
    for document, claims in claims_of.items():
        if any(hop.source == finding.source for c in claims for hop in c.chain):
            return document
    return first
