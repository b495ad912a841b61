"""schema.org ClaimReview, the markup fact-check publishers embed: written for one claim, read from
others' JSON-LD files and saved pages."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from ..claimtext import is_same_claim
from ..errors import InputError
from ..model import Claim, Document, Graph, SourceKind
from ..read.inputs import read_file
from ..read.text import decode
from ..serialize import parse_json
from .model import Review, earliest_first, rating_name

CONTEXT = "https://schema.org"
"""The context the output names; offline tools map it to ``export/data/schemaorg-context.jsonld``."""

NO_VERDICT_NOTE = (
    "reviewRating omitted: no verdict is recorded for this claim yet; record one with the "
    "review workflow, then export again."
)
"""Said in the output (as a JSON-LD comment key, which processors ignore) when there is no verdict."""

_PEOPLE = {SourceKind.PERSON, SourceKind.ANONYMOUS}


def write_claimreview(
    graph: Graph,
    claim_id: str | None,
    verdict: Review | None = None,
    *,
    review_date: date | None = None,
    copies: tuple[str, ...] = (),
    author: str | None = None,
) -> bytes:
    """The ClaimReview of one claim of ``graph``: what was claimed, by whom (the chain's root source),
    where it appeared and first appeared, and the rating of ``verdict`` when there is one.

    ``copies`` names claims of the graph that are this claim in other words; ``review_date`` is the
    review's publication date, by default the verdict's date, else today (UTC). The review's
    ``author`` is the verdict's organisation, else ``author`` (the config's ``review.author``).
    """
    claim = _claim(graph, claim_id)
    appearances = _appearances(graph, claim, copies)
    item: dict[str, Any] = {"@type": "Claim", "text": claim.text}
    root = claim.root
    if root is not None:
        item["author"] = _party(graph, root)
    if claim.date:
        item["datePublished"] = claim.date.isoformat()
    if appearances:
        item["appearance"] = [_article(graph, d) for d in appearances]
        item["firstAppearance"] = _article(graph, appearances[0])
    if review_date is None:
        review_date = verdict.reviewed.date() if verdict is not None else datetime.now(UTC).date()
    review: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "ClaimReview",
        "claimReviewed": claim.text,
        "datePublished": review_date.isoformat(),
        "itemReviewed": item,
    }
    organisation = verdict.organisation if verdict is not None and verdict.organisation else author
    if verdict is None:
        review["@comment"] = NO_VERDICT_NOTE
        if organisation:
            review["author"] = {"@type": "Organization", "name": organisation}
    else:
        rating: dict[str, Any] = {"@type": "Rating", "alternateName": verdict.label}
        for key, value in (
            ("ratingValue", verdict.value),
            ("bestRating", verdict.best),
            ("worstRating", verdict.worst),
        ):
            if value is not None:
                rating[key] = value
        review["reviewRating"] = rating
        if organisation:
            review["author"] = {"@type": "Organization", "name": organisation}
        if verdict.note:
            review["reviewBody"] = verdict.note
        if verdict.evidence:
            review["citation"] = [{"@id": url} for url in verdict.evidence]
    return (json.dumps(review, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def names_author(data: bytes) -> bool:
    """True when a ClaimReview written by `write_claimreview` names the organisation publishing it."""
    review = json.loads(data)
    return isinstance(review, dict) and "author" in review


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
    named = set(copies)
    ids = [claim.document]
    ids += [c.document for c in graph.claims if c.id in named or is_same_claim(c.text, claim.text)]
    ids += [hop.document for hop in claim.chain if hop.document]
    documents = [d for d in (graph.document(i) for i in dict.fromkeys(ids)) if d is not None]
    return sorted(documents, key=earliest_first)


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
    if document.authors:
        article["author"] = [{"@type": "Person", "name": name} for name in document.authors]
    if document.outlet:
        article["publisher"] = {"@type": "Organization", "name": graph.index.name(document.outlet)}
    return article


def read_claimreview_file(path: Path | str, *, received: datetime) -> list[Review]:
    """The ClaimReviews in a JSON/JSON-LD file, or in an HTML page's JSON-LD and microdata.

    The file is read as every input is (`provenance.read.inputs`): its size limit, and a PDF, an
    image or a web address refused with advice.
    """
    name = str(path)  # as the user wrote it: Path("https://x") would be "https:/x"
    text = decode(read_file(Path(path), name), name)
    if text.lstrip()[:1] in {"{", "["}:
        data: object = parse_json(text, path=name)
    else:
        data = _embedded(text, name)
    return read_claimreviews(data, origin=Path(path).name, received=received)


def _embedded(html: str, name: str) -> object:
    """The JSON-LD and microdata items of a page, through extruct (imported only for pages)."""
    import extruct  # type: ignore[import-untyped]

    try:
        found = extruct.extract(html, syntaxes=["json-ld", "microdata"], uniform=True)
    except Exception as error:  # extruct raises whatever its parsers raise on broken pages
        raise InputError(f"cannot read the page's markup: {error}", path=name) from None
    return [*found.get("json-ld", []), *found.get("microdata", [])]


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
