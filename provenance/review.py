"""Fact-check verdicts: the rating scale, reviews of claims, and reading others' ClaimReview."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime

from attrs import frozen

from .claimtext import normalise
from .errors import InputError
from .model import Claim, Document, Source

THRESHOLD = 70.0
"""Default least similarity (0-100) for `check-claim` to show a stored claim as a match."""


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


def read_claimreviews(data: object, *, origin: str, received: datetime) -> list[Review]:
    """The reviews in ClaimReview JSON-LD as others publish it: one object, a list, or an
    ``@graph``, nested anywhere. Reviews without a claim text or a verdict are skipped; one without
    a date takes ``received``."""
    found = []
    for node in _nodes(data):
        text = _text(node.get("claimReviewed")) or _text(_first(node.get("itemReviewed")).get("text"))
        rating = _first(node.get("reviewRating"))
        label = _text(rating.get("alternateName")) or _text(rating.get("name"))
        value, best, worst = (
            _number(rating.get(key)) for key in ("ratingValue", "bestRating", "worstRating")
        )
        if not label and value is not None:
            label = f"{value}/{best}" if best is not None else str(value)
        if not text or not label:
            continue
        citations = node.get("citation")
        evidence = [
            _text(c) or _text(_first(c).get("@id")) or _text(_first(c).get("url"))
            for c in (citations if isinstance(citations, list) else [citations] if citations else [])
        ]
        author = node.get("author")
        found.append(
            Review(
                claim_text=" ".join(text.split()),
                rating=rating_name(label) or "unrated",
                label=label,
                reviewed=_date(node.get("datePublished")) or received,
                value=value,
                best=best,
                worst=worst,
                organisation=_text(author) or _text(_first(author).get("name")),
                note=_text(node.get("reviewBody")),
                evidence=tuple(e for e in evidence if e),
                url=_text(node.get("url")) or _text(node.get("@id")),
                origin=origin,
            )
        )
    return found


def _nodes(data: object, depth: int = 0) -> list[dict[str, object]]:
    """Every object typed ClaimReview (by any spelling of schema.org), depth-first, bounded."""
    if depth > 20:
        return []
    if isinstance(data, list):
        return [node for item in data for node in _nodes(item, depth + 1)]
    if not isinstance(data, dict):
        return []
    types = data.get("@type", [])
    types = types if isinstance(types, list) else [types]
    if any(isinstance(t, str) and t.rsplit("/", 1)[-1].rsplit(":", 1)[-1] == "ClaimReview" for t in types):
        return [data]
    return [node for value in data.values() for node in _nodes(value, depth + 1)]


def _first(value: object) -> dict[str, object]:
    if isinstance(value, list):
        value = value[0] if value else None
    return value if isinstance(value, dict) else {}


def _text(value: object) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("@value")
    return value.strip() or None if isinstance(value, str) else None


def _number(value: object) -> int | None:
    if isinstance(value, dict):
        value = value.get("@value")
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value.strip())
    return None


def _date(value: object) -> datetime | None:
    text = _text(value)
    if not text:
        return None
    try:
        when = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return when if when.tzinfo else when.replace(tzinfo=UTC)
