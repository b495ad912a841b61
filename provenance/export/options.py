"""What every exporter shares: its description, the options it takes, and shared graph walks."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date

from attrs import frozen

from ..model import Claim, Document, Graph, Hop, Source, SourceKind


@frozen
class Verdict:
    """A fact-checker's rating of a claim; the seam the review workflow (issue 6) fills."""

    name: str
    """The rating in words ("False", "Misleading"), schema.org ``alternateName``."""
    value: int | None = None
    """The rating on the scale below, if the checker uses a numeric scale."""
    best: int | None = None
    """The best value of the scale ("true")."""
    worst: int | None = None
    """The worst value of the scale ("false")."""
    reviewer: str | None = None
    """Who reviewed the claim (the fact-checking organisation)."""


@frozen
class ExportOptions:
    """Choices a format may honour; formats ignore the options that do not concern them."""

    claim: str | None = None
    """Id of the one claim a claim-level format (``claimreview``) is about."""
    verdict: Verdict | None = None
    """The recorded verdict on ``claim``; without one, ClaimReview omits ``reviewRating``."""
    review_date: date | None = None
    """The date a review is published; today (UTC) when not given."""


@frozen
class Exporter:
    """One output format: how to name and serve its files, and the function that writes it."""

    name: str
    """The name given to ``--to`` ("prov-json")."""
    extension: str
    """File extension with its dot (".provn")."""
    media_type: str
    """IANA media type of the output."""
    description: str
    """One line for ``--help``."""
    write: Callable[[Graph, ExportOptions], bytes]
    """The graph, in this format."""


def source_of(graph: Graph, source_id: str) -> Source:
    """The source with this id, or a stand-in so that a dangling hop still exports."""
    # Curated files may name unknown sources (the dangling-source finding reports it); exports
    # must still show the hop rather than fail.
    return graph.source(source_id) or Source(source_id, source_id, SourceKind.UNKNOWN)


def document_of(graph: Graph, document_id: str) -> Document | None:
    """The document with this id, or None."""
    return graph.document(document_id)


def hops(claim: Claim) -> Iterator[tuple[int, Hop, Hop | None]]:
    """Each hop of a claim's chain with its index and the hop that attributes the claim to it."""
    for index, hop in enumerate(claim.chain):
        yield index, hop, claim.chain[index - 1] if index else None


def outlet_name(graph: Graph, document: Document | None) -> str:
    """The display name of a document's outlet, or an empty string."""
    if document is None or document.outlet is None:
        return ""
    return source_of(graph, document.outlet).name
