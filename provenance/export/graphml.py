"""GraphML for Gephi, yEd and networkx: typed node and edge attributes, one edge per chain hop."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import attrs

from ..model import Graph
from .network import Edge, Node, nodes_and_edges
from .options import ExportOptions

NAMESPACE = "http://graphml.graphdrawing.org/xmlns"
_NODE_KEYS = ("type", "model_id", "label", "kind")
_EDGE_KEYS = ("relation", "cue", "kind", "claim", "hop")
# XML 1.0 cannot carry most control characters, not even escaped.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def write(graph: Graph, options: ExportOptions) -> bytes:
    """A directed multigraph (parallel edges when two claims share a hop), UTF-8 XML."""
    nodes, edges = nodes_and_edges(graph)
    ET.register_namespace("", NAMESPACE)
    root = ET.Element(f"{{{NAMESPACE}}}graphml")
    for name in _NODE_KEYS:
        _key(root, "node", name, "string")
    for name in _EDGE_KEYS:
        _key(root, "edge", name, "int" if name == "hop" else "string")
    element = ET.SubElement(root, f"{{{NAMESPACE}}}graph", id="provenance", edgedefault="directed")
    keys = {node.key: f"n{number}" for number, node in enumerate(nodes)}
    for node in nodes:
        _item(element, "node", _node_data(node), id=keys[node.key])
    for number, edge in enumerate(edges):
        _item(
            element,
            "edge",
            _edge_data(edge),
            id=f"e{number}",
            source=keys[edge.source],
            target=keys[edge.target],
        )
    ET.indent(root)
    data: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    # A parser turns a raw CR into LF; as a character reference it is read back as CR. Only the
    # texts hold CRs (ElementTree writes attributes' as references already, indents with LF).
    return data.replace(b"\r", b"&#13;") + b"\n"


def _key(root: ET.Element, domain: str, name: str, kind: str) -> None:
    ET.SubElement(
        root,
        f"{{{NAMESPACE}}}key",
        {"id": f"{domain}_{name}", "for": domain, "attr.name": name, "attr.type": kind},
    )


def _node_data(node: Node) -> dict[str, str]:
    return {"type": node.type, "model_id": node.id, "label": node.label, "kind": node.kind}


def _edge_data(edge: Edge) -> dict[str, str]:
    values = attrs.asdict(edge)
    return {name: str(values[name]) for name in _EDGE_KEYS}


def _item(parent: ET.Element, tag: str, data: dict[str, str], **attributes: str) -> None:
    item = ET.SubElement(parent, f"{{{NAMESPACE}}}{tag}", attributes)
    for name, value in data.items():
        if value:
            cell = ET.SubElement(item, f"{{{NAMESPACE}}}data", key=f"{tag}_{name}")
            cell.text = _NOT_XML.sub("\ufffd", value)
