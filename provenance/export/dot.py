"""GraphViz DOT: documents, sources and claims as nodes, chain hops as labelled edges."""

from __future__ import annotations

from ..model import Graph
from .network import Edge, Node, nodes_and_edges
from .options import ExportOptions

_STYLE = {
    "document": 'shape=note, style=filled, fillcolor="#eef3fb"',
    "source": 'shape=ellipse, style=filled, fillcolor="#f4f4f4"',
    "claim": 'shape=box, style="rounded,filled", fillcolor="#fffbe6"',
}
_LABEL_LENGTH = 60


def write(graph: Graph, options: ExportOptions) -> bytes:
    """A ``digraph`` that ``dot -Tsvg`` lays out left to right; full texts are in tooltips."""
    nodes, edges = nodes_and_edges(graph)
    lines = [
        "digraph provenance {",
        "  rankdir=LR;",
        '  node [fontname="Helvetica", fontsize=10];',
        '  edge [fontname="Helvetica", fontsize=9];',
    ]
    lines += [f"  {_node(node)}" for node in nodes]
    lines += [f"  {_edge(edge)}" for edge in edges]
    lines.append("}")
    return ("\n".join(lines) + "\n").encode("utf-8")


def quote(text: str) -> str:
    """A DOT double-quoted string holding exactly ``text``."""
    # In DOT strings only \" is an escape of the language; backslash sequences (\n, \l, \N)
    # are expanded later in labels, so a literal backslash is doubled and line breaks become \n.
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    escaped = escaped.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n")
    # GraphViz reads C strings: a NUL ends the file for it, so it becomes the replacement character.
    escaped = escaped.replace("\x00", "\ufffd")
    return f'"{escaped}"'


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _LABEL_LENGTH else text[: _LABEL_LENGTH - 1] + "…"


def _node(node: Node) -> str:
    style = _STYLE[node.type]
    if node.kind in {"anonymous", "unattributed"}:
        style += ', color="#c0392b", fontcolor="#c0392b"'
    attributes = {
        "label": _short(node.label),
        "tooltip": node.label,
        "type": node.type,
        "model_id": node.id,
        "kind": node.kind,
    }
    listed = ", ".join(f"{name}={quote(value)}" for name, value in attributes.items())
    return f"{quote(node.key)} [{listed}, {style}];"


def _edge(edge: Edge) -> str:
    attributes = {
        "label": edge.cue,
        "relation": edge.relation,
        "cue": edge.cue,
        "kind": edge.kind,
        "claim": edge.claim,
        "hop": str(edge.hop),
    }
    listed = ", ".join(f"{name}={quote(value)}" for name, value in attributes.items())
    style = ", style=dashed" if edge.relation in {"contains", "publishes", "cites"} else ""
    return f"{quote(edge.source)} -> {quote(edge.target)} [{listed}{style}];"
