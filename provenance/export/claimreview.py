"""schema.org ClaimReview JSON-LD for one claim, the markup fact-check publishers embed."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from ..claimtext import is_same_claim
from ..errors import InputError
from ..model import Claim, Document, Graph, SourceKind
from .options import ExportOptions

CONTEXT = "https://schema.org"
"""The context the output names; offline tools map it to ``data/schemaorg-context.jsonld``."""

NO_VERDICT_NOTE = (
    "reviewRating omitted: no verdict is recorded for this claim yet; record one with the "
    "review workflow, then export again."
)
"""Said in the output (as a JSON-LD comment key, which processors ignore) when there is no verdict."""

_PEOPLE = {SourceKind.PERSON, SourceKind.ANONYMOUS}


def write(graph: Graph, options: ExportOptions) -> bytes:
    """The ClaimReview of ``options.claim``: what was claimed, by whom (the chain's root source),
    where it appeared and first appeared, and the rating when a verdict is given."""
    claim = _claim(graph, options.claim)
    appearances = _appearances(graph, claim, options.copies)
    item: dict[str, Any] = {"@type": "Claim", "text": claim.text}
    root = claim.root
    if root is not None:
        item["author"] = _party(graph, root)
    if claim.date:
        item["datePublished"] = claim.date.isoformat()
    if appearances:
        item["appearance"] = [_article(graph, d) for d in appearances]
        item["firstAppearance"] = _article(graph, appearances[0])
    review_date = options.review_date or datetime.now(UTC).date()
    review: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "ClaimReview",
        "claimReviewed": claim.text,
        "datePublished": review_date.isoformat(),
        "itemReviewed": item,
    }
    verdict = options.verdict
    if verdict is None:
        review["@comment"] = NO_VERDICT_NOTE
    else:
        rating: dict[str, Any] = {"@type": "Rating", "alternateName": verdict.name}
        for key, value in (
            ("ratingValue", verdict.value),
            ("bestRating", verdict.best),
            ("worstRating", verdict.worst),
        ):
            if value is not None:
                rating[key] = value
        review["reviewRating"] = rating
        if verdict.reviewer:
            review["author"] = {"@type": "Organization", "name": verdict.reviewer}
        if verdict.note:
            review["reviewBody"] = verdict.note
        if verdict.evidence:
            review["citation"] = [{"@id": url} for url in verdict.evidence]
    return (json.dumps(review, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _claim(graph: Graph, claim_id: str | None) -> Claim:
    if not claim_id:
        raise InputError("claimreview is about one claim: name it with --claim ID")
    claim = graph.claim(claim_id)
    if claim is None:
        known = ", ".join(c.id for c in graph.claims[:5]) or "none"
        raise InputError(f"no claim {claim_id!r} in the input (claims: {known}...)")
    return claim


def _appearances(graph: Graph, claim: Claim, copies: tuple[str, ...] = ()) -> list[Document]:
    """Documents that carry the claim: its own, those with the same claim (`is_same_claim`, as the
    review workflow matches copies in a database) or named as a copy, and the cited parties' own
    documents; earliest first, undated last."""
    ids = [claim.document]
    ids += [c.document for c in graph.claims if c.id in copies or is_same_claim(c.text, claim.text)]
    ids += [hop.document for hop in claim.chain if hop.document]
    documents = [d for d in (graph.document(i) for i in dict.fromkeys(ids)) if d is not None]
    return sorted(documents, key=_when)


def _when(document: Document) -> tuple[bool, float]:
    published = document.published
    if published is None:
        return (True, 0.0)
    # Naive datetimes are taken as UTC so that they can be ordered against aware ones.
    aware = published if published.tzinfo else published.replace(tzinfo=UTC)
    return (False, aware.timestamp())


def _party(graph: Graph, source_id: str) -> dict[str, Any]:
    source = graph.index.source_or_stand_in(source_id)
    party: dict[str, Any] = {
        "@type": "Person" if source.kind in _PEOPLE else "Organization",
        "name": source.name,
    }
    if source.description:
        party["description"] = source.description
    return party


def _article(graph: Graph, document: Document) -> dict[str, Any]:
    article: dict[str, Any] = {"@type": "NewsArticle"}
    if document.title:
        article["headline"] = document.title
    if document.url:
        article["url"] = document.url
    if document.published:
        article["datePublished"] = document.published.isoformat()
    if document.outlet:
        article["publisher"] = {"@type": "Organization", "name": graph.index.name(document.outlet)}
    return article
