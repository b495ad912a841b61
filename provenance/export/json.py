"""The canonical provenance document as JSON, the shape ``schemas/provenance.schema.json`` describes."""

from __future__ import annotations

from ..model import Graph
from ..serialize import dumps_json
from .options import ExportOptions


def write(graph: Graph, options: ExportOptions) -> bytes:
    """The whole graph as one JSON document, indented for diffs."""
    return dumps_json(graph).encode("utf-8")
