"""The fact-check workflow on a database: record verdicts, publish them as ClaimReview, import others'."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from attrs import frozen

from .config import Config
from .errors import InputError
from .export import ExportOptions, Verdict, export
from .read import decode
from .review import Review, read_claimreviews
from .serialize import refuse_lone_surrogates
from .store import Store

MAX_IMPORT_BYTES = 50 * 1024 * 1024
"""Larger files are no single page of fact-checks."""


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
    the newest verdict (omitted, with a note, when there is none)."""
    graph, copies = store.claim_graph(claim_id)
    reviews = store.reviews(claim_id)
    options = ExportOptions(claim=claim_id, copies=copies)
    if reviews:
        standing = reviews[0]
        verdict = Verdict(
            standing.label,
            value=standing.value,
            best=standing.best,
            worst=standing.worst,
            reviewer=standing.organisation or config.author,
            note=standing.note,
            evidence=standing.evidence,
        )
        options = ExportOptions(
            claim=claim_id, verdict=verdict, review_date=standing.reviewed.date(), copies=copies
        )
    return export(graph, "claimreview", options)


@frozen
class ImportResult:
    """What `import_claimreviews` found in a file and what it stored."""

    found: int
    """ClaimReview objects with a claim and a verdict in the file."""
    added: int
    """Those not stored before (importing a file twice adds nothing)."""


def import_claimreviews(store: Store, path: Path, *, received: datetime) -> ImportResult:
    """Store the ClaimReviews of a JSON-LD file or of a saved web page's embedded markup.

    ``received`` dates reviews that carry no date of their own. `InputError` when the file holds
    none.
    """
    reviews = read_claimreview_file(path, received=received)
    if not reviews:
        raise InputError("no ClaimReview with a claim and a rating in it", path=str(path))
    added = sum(store.add_review(review) for review in reviews)
    return ImportResult(len(reviews), added)


def read_claimreview_file(path: Path, *, received: datetime) -> list[Review]:
    """The ClaimReviews in a JSON/JSON-LD file, or in an HTML page's JSON-LD and microdata."""
    try:
        if path.stat().st_size > MAX_IMPORT_BYTES:
            raise InputError(f"larger than {MAX_IMPORT_BYTES // 2**20} MB", path=str(path))
        raw = path.read_bytes()
    except OSError as error:
        raise InputError(error.strerror or str(error), path=str(path)) from None
    text = decode(raw, str(path))
    if text.lstrip()[:1] in {"{", "["}:
        try:
            data: object = json.loads(text)
        except (ValueError, RecursionError) as error:  # ValueError: also 5,000-digit numbers
            raise InputError(f"not valid JSON: {error}", path=str(path)) from None
        refuse_lone_surrogates(text, data, path=str(path))
    else:
        data = _embedded(text, path)
    return read_claimreviews(data, origin=path.name, received=received)


def _embedded(html: str, path: Path) -> object:
    """The JSON-LD and microdata items of a page, through extruct (imported only for pages)."""
    import extruct  # type: ignore[import-untyped]

    try:
        found = extruct.extract(html, syntaxes=["json-ld", "microdata"], uniform=True)
    except Exception as error:  # extruct raises whatever its parsers raise on broken pages
        raise InputError(f"cannot read the page's markup: {error}", path=str(path)) from None
    return [*found.get("json-ld", []), *found.get("microdata", [])]
