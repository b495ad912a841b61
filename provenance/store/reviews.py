"""Verdicts in the database: the append-only ``reviews`` table and the claims they attach to."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from sqlite_utils import Database

from ..factcheck.model import Review
from . import rows


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


def for_keys(db: Database, keys: Sequence[str]) -> list[Review]:
    """Every review filed under one of these claim keys (`Review.key`), in the order recorded."""
    found: dict[int, Review] = {}
    for part in rows.chunks(keys):
        for row in db.execute(
            f"select rowid, {_COLUMNS} from reviews where claim_key in ({rows.marks(part)})", part
        ):
            found[row[0]] = _review(row[1:])
    return [found[rowid] for rowid in sorted(found)]


def sharing_words(db: Database, words: Sequence[str], limit: int) -> list[Review]:
    """Reviews whose claim text has any of these words, best first by bm25, at most ``limit``."""
    if not words:
        return []
    try:
        found = db.execute(
            f"select {', '.join('r.' + c.strip() for c in _COLUMNS.split(','))} from reviews_fts "
            "join reviews r on r.rowid = reviews_fts.rowid where reviews_fts match ? "
            "order by bm25(reviews_fts) limit ?",
            (rows.any_word(words), limit),
        ).fetchall()
    except sqlite3.OperationalError:  # words FTS cannot parse are no candidates
        return []
    return [_review(row) for row in found]


def reviewed_claims(db: Database) -> list[str]:
    """Ids of stored claims that some local review names, in order of their first review."""
    return [
        row[0]
        for row in db.execute(
            "select r.claim from reviews r join claims c on c.id = r.claim group by r.claim "
            "order by min(r.rowid)"
        )
    ]
