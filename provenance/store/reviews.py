"""Verdicts in the database: the append-only ``reviews`` table and the claims they attach to."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlite_utils import Database

from ..claimtext import is_same_claim, normalise, search_words, similarity
from ..errors import InputError
from ..model import Claim, Document
from ..review import ClaimMatch, Review, newest
from . import rows

CANDIDATES = 200
"""Claims the full-text search hands to the fuzzy re-ranking; the rest are too far off."""

MAX_COPIES = 10_000
"""Copies of one claim read at most: enough to count a wire story's outlets and origins."""


def create_reviews(db: Database) -> None:
    """Version 2: ``reviews``, one row per verdict ever given, keyed to the claim's normalised text."""
    # No foreign key to claims: re-ingesting a changed article replaces its claims, and its
    # verdicts must outlive that; ``claim_key``, the normalised text, ties them to every copy of
    # the claim instead.
    db.table("reviews").create(
        {
            "id": str,
            "claim": str,
            "claim_key": str,
            "claim_text": str,
            "rating": str,
            "label": str,
            "value": int,
            "best": int,
            "worst": int,
            "reviewer": str,
            "organisation": str,
            "note": str,
            "evidence": str,
            "url": str,
            "origin": str,
            "reviewed_utc": str,
        },
        pk="id",
        not_null=["claim_key", "claim_text", "rating", "label", "origin", "reviewed_utc"],
    )
    for columns in (["claim_key", "reviewed_utc"], ["claim"], ["rating"]):
        db.table("reviews").create_index(columns)
    db.table("reviews").enable_fts(["claim_text"], create_triggers=True, tokenize="porter unicode61")
    # Verdicts are history: a later review supersedes an earlier one, nothing rewrites it.
    for action in ("update", "delete"):
        db.execute(
            f"create trigger reviews_no_{action} before {action} on reviews begin "
            "select raise(abort, 'reviews are never changed: record a new review instead'); end"
        )


def add(db: Database, review: Review) -> bool:
    """Store a review; False when the very same review (same id) is stored already."""
    with db.atomic():
        cursor = db.execute(
            "insert or ignore into reviews (id, claim, claim_key, claim_text, rating, label, value, "
            "best, worst, reviewer, organisation, note, evidence, url, origin, reviewed_utc) "
            "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                review.id,
                review.claim,
                review.key,
                review.claim_text,
                review.rating,
                review.label,
                review.value,
                review.best,
                review.worst,
                review.reviewer,
                review.organisation,
                review.note,
                json.dumps(list(review.evidence)) if review.evidence else None,
                review.url,
                review.origin,
                rows.to_utc(review.reviewed),
            ),
        )
    return bool(cursor.rowcount)


_COLUMNS = (
    "claim_text, rating, label, reviewed_utc, claim, value, best, worst, reviewer, organisation, "
    "note, evidence, url, origin"
)


def _review(row: Any) -> Review:
    reviewed = datetime.fromisoformat(row[3])
    return Review(
        claim_text=row[0],
        rating=row[1],
        label=row[2],
        reviewed=reviewed.astimezone(UTC),
        claim=row[4],
        value=row[5],
        best=row[6],
        worst=row[7],
        reviewer=row[8],
        organisation=row[9],
        note=row[10],
        evidence=tuple(json.loads(row[11])) if row[11] else (),
        url=row[12],
        origin=row[13],
    )


def for_texts(db: Database, texts: Iterable[str]) -> list[Review]:
    """Every review of any of these claim texts or their near-copies, newest first."""
    keys = list(dict.fromkeys(normalise(text) for text in texts))
    found: dict[int, Review] = {}
    for part in rows.chunks(keys):
        for row in db.execute(
            f"select rowid, {_COLUMNS} from reviews where claim_key in ({rows.marks(part)})", part
        ):
            found[row[0]] = _review(row[1:])
    # Near-copies ("... the Kobani area" for "... Kobani") are found through their words.
    for key in keys:
        for rowid, review in _candidates(db, key):
            if rowid not in found and any(is_same_claim(review.claim_text, k) for k in keys):
                found[rowid] = review
    return newest([found[rowid] for rowid in sorted(found)])


def matching(db: Database, text: str, threshold: float, limit: int) -> list[tuple[float, Review]]:
    """Reviews whose claim text matches ``text`` at ``threshold`` or better, best first."""
    scored = [(similarity(text, review.claim_text), review) for _, review in _candidates(db, text)]
    scored = [(score, review) for score, review in scored if score >= threshold]
    return sorted(scored, key=lambda item: -item[0])[:limit]


def _candidates(db: Database, text: str) -> list[tuple[int, Review]]:
    words = search_words(text)
    if not words:
        return []
    query = " OR ".join(f'"{word}"' for word in words)
    try:
        found = db.execute(
            f"select r.rowid, {', '.join('r.' + c.strip() for c in _COLUMNS.split(','))} from reviews_fts "
            "join reviews r on r.rowid = reviews_fts.rowid where reviews_fts match ? "
            "order by bm25(reviews_fts) limit ?",
            (query, CANDIDATES),
        ).fetchall()
    except sqlite3.OperationalError:  # words FTS cannot parse are no candidates
        return []
    return [(row[0], _review(row[1:])) for row in found]


def candidate_claims(db: Database, text: str, limit: int = CANDIDATES) -> list[str]:
    """Ids of stored claims sharing words with ``text``, best first by bm25."""
    words = search_words(text)
    if not words:
        return []
    query = " OR ".join(f'"{word}"' for word in words)
    return [
        row[0]
        for row in db.execute(
            "select c.id from claims_fts join claims c on c.rowid = claims_fts.rowid "
            "where claims_fts match ? order by bm25(claims_fts) limit ?",
            (query, limit),
        )
    ]


def copies(db: Database, claim: Claim, candidates: Sequence[Claim] = ()) -> list[Claim]:
    """The claim and every stored claim that is the same claim (other outlets' copies).

    Copies with every word of the claim come from one full-text AND query, however many outlets
    carry it; trimmed or reworded copies from ``candidates`` when given (a search already made),
    else from the best-ranked claims sharing its words.
    """
    words = search_words(claim.text)
    ids = (
        [
            row[0]
            for row in db.execute(
                "select c.id from claims_fts join claims c on c.rowid = claims_fts.rowid "
                "where claims_fts match ? limit ?",
                (" ".join(f'"{word}"' for word in words), MAX_COPIES),
            )
        ]
        if words
        else []
    )
    pool = {candidate.id: candidate for candidate in candidates}
    if not candidates:
        ids += candidate_claims(db, claim.text)
    missing = [claim_id for claim_id in dict.fromkeys(ids) if claim_id not in pool]
    pool.update((other.id, other) for other in rows.claims(db, claim_ids=missing))
    found = [
        other for other in pool.values() if other.id != claim.id and is_same_claim(other.text, claim.text)
    ]
    return [claim, *sorted(found, key=lambda other: other.id)]


def reviewed_claims(db: Database) -> list[str]:
    """Ids of stored claims that some local review names, in order of their first review."""
    return [
        row[0]
        for row in db.execute(
            "select r.claim from reviews r join claims c on c.id = r.claim group by r.claim "
            "order by min(r.rowid)"
        )
    ]


def check(db: Database, text: str, threshold: float, limit: int) -> list[ClaimMatch]:
    """Stored claims and reviews matching ``text``: full-text candidates re-ranked by similarity.

    Copies of one claim in several documents make one match, with every appearance, the roots its
    chains end in, and the reviews of any copy.
    """
    if not search_words(text):
        raise InputError("give the claim in more words: nothing in it can be searched for")
    candidates = rows.claims(db, claim_ids=candidate_claims(db, text))
    scored = sorted(
        ((similarity(text, claim.text), claim) for claim in candidates),
        key=lambda item: (-item[0], item[1].id),
    )
    groups: list[tuple[float, Claim, list[Claim]]] = []
    for score, claim in scored:
        if score < threshold:
            break
        if any(is_same_claim(claim.text, member.text) for _, _, members in groups for member in members):
            continue
        if len(groups) == limit:
            break
        groups.append((score, claim, copies(db, claim, candidates)))
    matches = [_match(db, score, claim, members) for score, claim, members in groups]
    # Reviews published elsewhere of claims no stored article carries are matches too.
    known = [member.text for _, _, members in groups for member in members]
    for score, review in matching(db, text, threshold, limit):
        if any(is_same_claim(review.claim_text, other) for other in known):
            continue
        known.append(review.claim_text)
        matches.append(
            ClaimMatch(review.claim_text, score, None, reviews=tuple(for_texts(db, [review.claim_text])))
        )
    return sorted(matches, key=lambda match: -match.score)[:limit]


def _match(db: Database, score: float, claim: Claim, members: list[Claim]) -> ClaimMatch:
    document_ids = sorted({member.document for member in members})
    documents = {}
    for part in rows.chunks(document_ids):
        for document in rows.documents(db, f"where d.id in ({rows.marks(part)})", part, with_text=False):
            documents[document.id] = document
    appearances = sorted(
        ((member, documents[member.document]) for member in members),
        key=lambda pair: (_when(pair[1]), pair[0].id),
    )
    outlets = dict.fromkeys(document.outlet for _, document in appearances if document.outlet)
    sources = rows.sources(db, {hop.source for member in members for hop in member.chain} | set(outlets))
    roots = dict.fromkeys(member.root for member, _ in appearances if member.root)
    return ClaimMatch(
        text=claim.text,
        score=score,
        claim=claim,
        chain=tuple(sources[hop.source] for hop in claim.chain),
        appearances=tuple(appearances),
        outlets=tuple(sources[outlet] for outlet in outlets),
        roots=tuple(sources[root] for root in roots),
        reviews=tuple(for_texts(db, [member.text for member in members])),
    )


def _when(document: Document) -> tuple[bool, str]:
    """Earliest first, undated last."""
    published = rows.to_utc(document.published)
    return (published is None, published or "")
