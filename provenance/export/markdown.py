"""The sourcing tree and findings as GitHub Markdown, for a wiki page or a pull request."""

from __future__ import annotations

from ..model import Graph
from ..render import render_markdown
from .options import ExportOptions


def write(graph: Graph, options: ExportOptions) -> bytes:
    """The renderer's Markdown page, so the terminal and the wiki show the same tree."""
    return render_markdown(graph).encode("utf-8")
