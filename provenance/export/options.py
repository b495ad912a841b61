"""What every exporter shares: its description and the options it takes."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from attrs import frozen

from ..factcheck.model import Review
from ..model import Graph


@frozen
class ExportOptions:
    """Choices a format may honour; formats ignore the options that do not concern them."""

    claim: str | None = None
    """Id of the one claim a claim-level format (``claimreview``) is about."""
    verdict: Review | None = None
    """The standing verdict on ``claim``; without one, ClaimReview omits ``reviewRating``."""
    review_date: date | None = None
    """The date a review is published; the verdict's date, else today (UTC), when not given."""
    copies: tuple[str, ...] = ()
    """Ids of claims in the graph that are ``claim`` in other words (matched by the review workflow);
    their documents count as appearances."""
    author: str | None = None
    """The organisation publishing a review (ClaimReview ``author``) when the verdict names none: the
    config's ``review.author``."""


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
    per_document: bool = False
    """A report on one article (HTML, Markdown): a database is written as one file per document
    rather than as one graph."""
