"""The verdict model: the rating scale, reviews of claims, and what check-claim answers.

The one part of the fact-check package the store imports."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime

from attrs import frozen

from ..claimtext import normalise
from ..errors import InputError
from ..model import Claim, Document, Source


@frozen
class Rating:
    """One step of a rating scale: the name a reviewer types and what ClaimReview publishes."""

    name: str
    """What ``--rating`` takes ("mostly-true"): lower case, no spaces."""
    label: str
    """The verdict in words, ClaimReview ``alternateName`` ("Mostly true")."""
    value: int | None = None
    """Its place on the scale, ClaimReview ``ratingValue``; None for a verdict off the scale."""


@frozen
class RatingScale:
    """The ratings a newsroom uses, best first, with the bounds ClaimReview publishes."""

    ratings: tuple[Rating, ...]
    """Every rating, best first."""
    best: int
    """ClaimReview ``bestRating``: the value of a wholly true claim."""
    worst: int
    """ClaimReview ``worstRating``: the value of a wholly false claim."""

    def rating(self, name: str) -> Rating:
        """The rating called ``name`` (any case); `InputError` naming the choices otherwise."""
        wanted = rating_name(name)
        for rating in self.ratings:
            if rating.name == wanted:
                return rating
        choices = ", ".join(rating.name for rating in self.ratings)
        raise InputError(f"unknown rating {name!r}; the scale has: {choices}")


DEFAULT_SCALE = RatingScale(
    (
        Rating("true", "True", 5),
        Rating("mostly-true", "Mostly true", 4),
        Rating("half-true", "Half true", 3),
        Rating("misleading", "Misleading", 2),
        Rating("false", "False", 1),
        # Unproven is no point between true and false: it has no value, only its label.
        Rating("unproven", "Unproven"),
    ),
    best=5,
    worst=1,
)
"""The scale used unless a config file gives a newsroom's own."""


@frozen
class Review:
    """A verdict on a claim, recorded once and never changed: a later review supersedes it."""

    claim_text: str
    """The words reviewed, as stored or as published by the fact-checker."""
    rating: str
    """The rating's name ("false"); for imported reviews, their own verdict made a name."""
    label: str
    """The verdict in words ("False")."""
    reviewed: datetime
    """When the verdict was given (UTC): the newest stands."""
    claim: str | None = None
    """Id of the stored claim reviewed; None for an imported review of a claim not stored."""
    value: int | None = None
    """The rating's value on its scale."""
    best: int | None = None
    """The scale's best value."""
    worst: int | None = None
    """The scale's worst value."""
    reviewer: str | None = None
    """The person who reviewed it."""
    organisation: str | None = None
    """The fact-checking organisation that publishes it (ClaimReview ``author``)."""
    note: str | None = None
    """Why: the reasoning in a sentence or two."""
    evidence: tuple[str, ...] = ()
    """URLs of what the verdict rests on."""
    url: str | None = None
    """Where the review is published, for reviews imported from other fact-checkers."""
    origin: str = "local"
    """"local" for verdicts recorded here, else the file they were imported from."""

    @property
    def key(self) -> str:
        """The normalised claim text that ties the review to every copy of the claim."""
        return normalise(self.claim_text)

    @property
    def id(self) -> str:
        """A stable id: importing the same published review twice stores it once."""
        parts = [
            self.key,
            self.rating,
            self.reviewed.isoformat(),
            self.organisation or "",
            self.url or "",
            self.reviewer or "",
            self.claim or "",
        ]
        digest = hashlib.sha256("\x1f".join(parts).encode("utf-8", "surrogatepass"))
        return "review-" + digest.hexdigest()[:20]


def rating_name(text: str) -> str:
    """A verdict in words as a rating name: "Mostly True" → "mostly-true"."""
    return "-".join(normalise(text).split())


def earliest_first(document: Document) -> tuple[bool, float]:
    """The order of a claim's appearances: earliest publication first, undated last.

    Naive times are taken as UTC, so that they can be ordered against aware ones.
    """
    published = document.published
    if published is None:
        return (True, 0.0)
    aware = published if published.tzinfo else published.replace(tzinfo=UTC)
    return (False, aware.timestamp())


def newest(reviews: list[Review]) -> list[Review]:
    """Reviews newest first (the first one stands); recorded order breaks ties."""
    order = {id(review): place for place, review in enumerate(reviews)}
    return sorted(reviews, key=lambda r: (r.reviewed, order[id(r)]), reverse=True)


@frozen
class ClaimMatch:
    """A stored claim (with its copies elsewhere) or a published review that matches a checked text."""

    text: str
    """The matching claim's words."""
    score: float
    """Similarity to the checked text, 0-100."""
    claim: Claim | None
    """The best-matching stored claim; None when only a review of the claim is stored."""
    chain: tuple[Source, ...] = ()
    """That claim's chain, the outlet first."""
    appearances: tuple[tuple[Claim, Document], ...] = ()
    """Every stored copy of the claim with its document (without text), earliest first."""
    outlets: tuple[Source, ...] = ()
    """The distinct outlets publishing the copies, in order of first appearance."""
    roots: tuple[Source, ...] = ()
    """The distinct sources the copies' chains end in: where the claim comes from."""
    reviews: tuple[Review, ...] = ()
    """Verdicts on the claim or any copy, newest first: the first one stands."""

    @property
    def origins(self) -> int:
        """How many independent origins the copies rest on."""
        return len(self.roots)

    @property
    def first_appearance(self) -> Document | None:
        """The earliest document carrying the claim."""
        return self.appearances[0][1] if self.appearances else None

    @property
    def verdict(self) -> Review | None:
        """The standing verdict: the newest review."""
        return self.reviews[0] if self.reviews else None


@frozen
class ClaimMatches:
    """What `check-claim` answers: the best matches, and how many there are in all."""

    matches: tuple[ClaimMatch, ...]
    """The best matches, best first, as many as asked for at most."""
    total: int
    """How many distinct claims and reviews match, however many are shown: counted among the
    candidates the full-text search hands over (`matching.CANDIDATES`)."""
