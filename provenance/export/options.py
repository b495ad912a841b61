"""What every exporter shares: its description, the options it takes, and an index of the graph."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from attrs import frozen

from ..model import Claim, Document, Graph, Source, SourceKind


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
    note: str | None = None
    """The reasoning behind the verdict, ClaimReview ``reviewBody``."""
    evidence: tuple[str, ...] = ()
    """URLs the verdict rests on, ClaimReview ``citation``."""


@frozen
class ExportOptions:
    """Choices a format may honour; formats ignore the options that do not concern them."""

    claim: str | None = None
    """Id of the one claim a claim-level format (``claimreview``) is about."""
    verdict: Verdict | None = None
    """The recorded verdict on ``claim``; without one, ClaimReview omits ``reviewRating``."""
    review_date: date | None = None
    """The date a review is published; today (UTC) when not given."""
    copies: tuple[str, ...] = ()
    """Ids of claims in the graph that are ``claim`` in other words (matched by the review workflow);
    their documents count as appearances."""


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


class Lookup:
    """Sources, documents and claims of a graph by id, indexed once per export: ``Graph.source``
    scans, which is quadratic over a corpus."""

    def __init__(self, graph: Graph) -> None:
        self.graph = graph
        self._sources = {source.id: source for source in graph.sources}
        self._documents = {document.id: document for document in graph.documents}
        self._claims_in: dict[str, list[Claim]] = {}
        for claim in graph.claims:
            self._claims_in.setdefault(claim.document, []).append(claim)

    def source(self, source_id: str) -> Source:
        """The source with this id, or a stand-in so that a dangling hop still exports."""
        # Curated files may name unknown sources (the dangling-source finding reports it);
        # exports must still show the hop rather than fail.
        found = self._sources.get(source_id)
        return found if found is not None else Source(source_id, source_id, SourceKind.UNKNOWN)

    def document(self, document_id: str | None) -> Document | None:
        """The document with this id, or None."""
        return self._documents.get(document_id) if document_id is not None else None

    def claims_in(self, document_id: str) -> list[Claim]:
        """The claims of one document, in graph order."""
        return self._claims_in.get(document_id, [])

    def outlet_name(self, document: Document | None) -> str:
        """The display name of a document's outlet, or an empty string."""
        if document is None or document.outlet is None:
            return ""
        return self.source(document.outlet).name
