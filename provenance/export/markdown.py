"""The sourcing tree and findings as GitHub Markdown, for a wiki page or a pull request."""

from __future__ import annotations

import importlib
import re

from ..model import Claim, Graph
from .options import ExportOptions, source_of
from .tree import Branch, cue_between, sourcing_trees

# Characters Markdown or the HTML it allows could read as inline markup; texts never start a
# line here, so block markers ("#", "1.", "-") need no escape.
_MARKUP = re.compile(r"([\\`*_\[\]<>|~&])")
_SEVERITY_MARK = {"error": "❌", "warning": "⚠️", "info": "ℹ️"}


def write(graph: Graph, options: ExportOptions) -> bytes:
    """``render.render_markdown`` when the renderer provides it, else the plain page below."""
    # Looked up at run time: the renderer is built alongside, and one page for both the
    # terminal and Markdown is the goal once it has render_markdown.
    try:
        render = importlib.import_module("provenance.render")
    except ImportError:
        render = None
    render_markdown = getattr(render, "render_markdown", None)
    if render_markdown is None:
        return render_page(graph).encode("utf-8")
    return str(render_markdown(graph)).encode("utf-8")


def escape(text: str) -> str:
    """Text shown literally in Markdown: markup characters backslash-escaped, one line."""
    return _MARKUP.sub(r"\\\1", " ".join(text.split()))


def render_page(graph: Graph) -> str:
    """One section per document (header, tree), then a findings table."""
    lines: list[str] = []
    for document in graph.documents:
        lines.append(f"## {escape(document.title or document.id)}")
        facts = [escape(source_of(graph, document.outlet).name)] if document.outlet else []
        if document.published:
            facts.append(document.published.isoformat())
        if document.url and document.url.startswith(("http://", "https://")):
            facts.append(f"<{document.url.replace('>', '%3E').replace(' ', '%20')}>")
        if facts:
            lines += ["", " · ".join(facts)]
        lines.append("")
        for tree in sourcing_trees(graph, document.id):
            lines += _branch(graph, tree, depth=0, cue="")
        lines.append("")
    lines += ["## Findings", ""]
    if graph.findings:
        lines += ["| | rule | message | claim |", "|---|---|---|---|"]
        for finding in graph.findings:
            mark = _SEVERITY_MARK[finding.severity.value]
            claim = f"`{finding.claim.replace('`', '')}`" if finding.claim else ""
            lines.append(f"| {mark} {finding.severity.value} | `{finding.rule}` | "
                         f"{escape(finding.message)} | {claim} |")
    else:
        lines.append("No findings.")
    return "\n".join(lines) + "\n"


def _branch(graph: Graph, branch: Branch, depth: int, cue: str) -> list[str]:
    source = source_of(graph, branch.source)
    indent = "  " * depth
    said = f" — *{escape(cue)}*" if cue else ""
    lines = [f"{indent}- **{escape(source.name)}** ({source.kind.value}){said}"]
    for claim in branch.claims:
        lines.append(f"{indent}  - {_claim(claim)}")
    for child in branch.children.values():
        lines += _branch(graph, child, depth + 1, cue_between(graph, branch, child))
    return lines



def _claim(claim: Claim) -> str:
    flag = " ⚠️" if not claim.is_attributed else ""
    return f"“{escape(claim.text)}” ({claim.kind.value}){flag}"
