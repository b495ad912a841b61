"""A Mermaid flowchart of the chains, which GitHub renders inside a ```mermaid block."""

from __future__ import annotations

from ..model import Graph
from .network import Node, nodes_and_edges
from .options import ExportOptions

_SHAPES = {"document": ('[/"', '"/]'), "source": ('(["', '"])'), "claim": ('("', '")')}
# Mermaid decodes "#<decimal>;" in labels; every character its grammar or the HTML it produces
# could read as syntax goes out that way, so a label can never close its node or open markup.
_UNSAFE = set('"#&<>`|[](){}%;\\*_~')
_LABEL_LENGTH = 80


def write(graph: Graph, options: ExportOptions) -> bytes:
    """``flowchart LR`` with generated node ids; labels are escaped and short."""
    nodes, edges = nodes_and_edges(graph)
    ids = {node.key: f"n{number}" for number, node in enumerate(nodes)}
    lines = ["flowchart LR"]
    lines += [f"  {ids[node.key]}{_shape(node)}" for node in nodes]
    for edge in edges:
        arrow = f'-->|"{label(edge.cue)}"|' if edge.cue else "-->"
        if edge.relation in {"contains", "publishes"}:
            arrow = "-.->"
        elif edge.relation == "cites":
            arrow = '-.->|"own document"|'
        lines.append(f"  {ids[edge.source]} {arrow} {ids[edge.target]}")
    lines += [
        "  classDef document fill:#eef3fb,stroke:#5b7db1",
        "  classDef source fill:#f4f4f4,stroke:#777",
        "  classDef claim fill:#fffbe6,stroke:#c9a400",
        "  classDef alert stroke:#c0392b,color:#c0392b",
    ]
    for kind in ("document", "source", "claim"):
        members = [ids[node.key] for node in nodes if node.type == kind]
        if members:
            lines.append(f"  class {','.join(members)} {kind}")
    alerts = [ids[node.key] for node in nodes if node.kind in {"anonymous", "unattributed"}]
    if alerts:
        lines.append(f"  class {','.join(alerts)} alert")
    return ("\n".join(lines) + "\n").encode("utf-8")


def label(text: str) -> str:
    """Text made safe inside a double-quoted Mermaid label, shortened to one line."""
    text = " ".join(text.split())
    if len(text) > _LABEL_LENGTH:
        text = text[: _LABEL_LENGTH - 1] + "…"
    return "".join(f"#{ord(char)};" if char in _UNSAFE else char for char in text)


def _shape(node: Node) -> str:
    opening, closing = _SHAPES[node.type]
    return f"{opening}{label(node.label)}{closing}"
