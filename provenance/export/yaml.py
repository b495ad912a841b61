"""The canonical provenance document as YAML, for curation by hand."""

from __future__ import annotations

from ..model import Graph
from ..serialize import dumps_yaml
from .options import ExportOptions


def write(graph: Graph, options: ExportOptions) -> bytes:
    """The whole graph as one YAML document."""
    return dumps_yaml(graph).encode("utf-8")
