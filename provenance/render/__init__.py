"""The render stage: a graph and its findings as rich renderables or Markdown; it never prints."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.text import Text

from ..model import Finding, Graph
from .markdown import render_markdown
from .outline import outline, serious_rules
from .table import findings_table, render_findings
from .tree import document_tree, render_tree

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
    for view in outline(graph):
        own = findings.get(view.document.id, [])
        tree = document_tree(view, serious_rules(own))
        parts += [tree, Text(), findings_table(own, index, shorten=True), Text()]
    rest = findings.get(None, [])
    if rest:
        # These are about no known claim, so no claim id is there to shorten.
        parts += [Text("Across documents", style="bold"), findings_table(rest, index, shorten=False)]
    return Group(*parts)
