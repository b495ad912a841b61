"""The render stage: a graph and its findings as rich renderables or Markdown; it never prints."""

from __future__ import annotations

from attrs import evolve
from rich.console import Group, RenderableType
from rich.text import Text

from ..model import Finding, Graph
from .markdown import render_markdown
from .table import render_findings
from .tree import render_tree

__all__ = ["render_audit", "render_findings", "render_markdown", "render_tree"]


def render_audit(graph: Graph) -> Group:
    """For each document, its sourcing tree then its findings table, in document order.

    Findings about no claim of any one document (a corpus with a dangling outlet) come last,
    under their own table.
    """
    index = graph.index
    if index.is_one_document:
        return Group(render_tree(graph), Text(), render_findings(graph.findings, graph))
    findings: dict[str | None, list[Finding]] = {}
    for finding in graph.findings:
        findings.setdefault(index.owner(finding), []).append(finding)
    parts: list[RenderableType] = []
    for document_id in index.document_ids:
        document = index.document(document_id)
        part = Graph(
            (document,) if document else (),
            graph.sources,
            tuple(index.claims_of(document_id)),
            tuple(findings.get(document_id, ())),
        )
        parts += [render_tree(part), Text(), render_findings(part.findings, part), Text()]
    rest = tuple(findings.get(None, ()))
    if rest:
        parts += [Text("Across documents", style="bold"), render_findings(rest, evolve(graph, findings=rest))]
    return Group(*parts)
