"""What every exporter shares: its description and the options it takes."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from attrs import frozen

from ..model import Graph


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
