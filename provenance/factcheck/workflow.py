"""The fact-check workflow on a database: record verdicts, publish them as ClaimReview, import others'."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from attrs import frozen

from ..config import Config
from ..errors import InputError
from .claimreview import read_claimreview_file, write_claimreview
from .matching import copies_of, reviews_of_texts
from .model import Review

if TYPE_CHECKING:
    from ..store import Store


def record_review(
    store: Store,
    claim_id: str,
    rating: str,
    config: Config,
    *,
    reviewer: str,
    reviewed: datetime,
    note: str | None = None,
    evidence: tuple[str, ...] = (),
) -> Review:
    """Record a verdict on a stored claim on the configured scale and return it.

    The scale's values are stored with the verdict, so a later change of scale leaves history as it
    was. `InputError` for an unknown claim or rating.
    """
    claim = store.claim(claim_id)
    step = config.scale.rating(rating)
    review = Review(
        claim_text=claim.text,
        rating=step.name,
        label=step.label,
        reviewed=reviewed,
        claim=claim.id,
        value=step.value,
        best=config.scale.best if step.value is not None else None,
        worst=config.scale.worst if step.value is not None else None,
        reviewer=reviewer,
        organisation=config.author,
        note=note,
        evidence=evidence,
    )
    store.add_review(review)
    return review


def claimreview(store: Store, claim_id: str, config: Config) -> bytes:
    """ClaimReview JSON-LD for a stored claim: its appearances from the database, the rating from
    the newest verdict on it or any copy (omitted, with a note, when there is none), published under
    the verdict's organisation, else the configured author."""
    copies = copies_of(store, store.claim(claim_id))
    reviews = reviews_of_texts(store, [copy.text for copy in copies])
    standing = reviews[0] if reviews else None
    graph = store.claims_graph(copies)
    copied = tuple(copy.id for copy in copies[1:])
    return write_claimreview(graph, claim_id, standing, copies=copied, author=config.author)


@frozen
class ImportResult:
    """What `import_claimreviews` found in a file and what it stored."""

    found: int
    """ClaimReview objects with a claim and a verdict in the file."""
    added: int
    """Those not stored before (importing a file twice adds nothing)."""


def import_claimreviews(store: Store, path: Path | str, *, received: datetime) -> ImportResult:
    """Store the ClaimReviews of a JSON-LD file or of a saved web page's embedded markup.

    ``received`` dates reviews that carry no date of their own. `InputError` when the file holds
    none.
    """
    reviews = read_claimreview_file(path, received=received)
    if not reviews:
        raise InputError("no ClaimReview with a claim and a rating in it", path=str(path))
    added = sum(store.add_review(review) for review in reviews)
    return ImportResult(len(reviews), added)
