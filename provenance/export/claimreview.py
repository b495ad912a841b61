"""schema.org ClaimReview JSON-LD for one claim: the registry's entry for the fact-check package's writer."""

from __future__ import annotations

from ..factcheck.claimreview import write_claimreview
from ..model import Graph
from .options import ExportOptions


def write(graph: Graph, options: ExportOptions) -> bytes:
    """The ClaimReview of ``options.claim``, rated by ``options.verdict`` when one is given."""
    return write_claimreview(
        graph,
        options.claim,
        options.verdict,
        review_date=options.review_date,
        copies=options.copies,
        author=options.author,
    )
