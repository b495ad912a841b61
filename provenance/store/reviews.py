"""Verdicts in the database: the append-only ``reviews`` table (created by `schema`), written and read."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, datetime

from sqlite_utils import Database

from ..factcheck.model import Review
from . import rows
from .locking import immediate


def add(db: Database, review: Review) -> bool:
    """Store a review; False when the very same review (same id) is stored already."""
    values = {
        "id": review.id,
        "claim": review.claim,
        "claim_key": review.key,
        "claim_text": review.claim_text,
        "rating": review.rating,
        "label": review.label,
        "value": review.value,
        "best": review.best,
        "worst": review.worst,
        "reviewer": review.reviewer,
        "organisation": review.organisation,
        "note": review.note,
        "evidence": json.dumps(list(review.evidence)) if review.evidence else None,
        "url": review.url,
        "origin": review.origin,
        "reviewed_utc": rows.to_utc(review.reviewed),
    }
    with immediate(db):
        cursor = db.execute(
            "insert or ignore into reviews (id, claim, claim_key, claim_text, rating, label, value, "
            "best, worst, reviewer, organisation, note, evidence, url, origin, reviewed_utc) values "
            "(:id, :claim, :claim_key, :claim_text, :rating, :label, :value, :best, :worst, :reviewer, "
            ":organisation, :note, :evidence, :url, :origin, :reviewed_utc)",
            values,
        )
    return bool(cursor.rowcount)


_COLUMNS = (
    "claim_text, rating, label, reviewed_utc, claim, value, best, worst, reviewer, organisation, note, "
    "evidence, url, origin"
)


_QUALIFIED = ", ".join("r." + column.strip() for column in _COLUMNS.split(","))
"""The same columns of ``reviews r``, where a join makes bare names ambiguous."""


def _review(row: rows.Row) -> Review:
    return Review(
        claim_text=row["claim_text"],
        rating=row["rating"],
        label=row["label"],
        reviewed=datetime.fromisoformat(row["reviewed_utc"]).astimezone(UTC),
        claim=row["claim"],
        value=row["value"],
        best=row["best"],
        worst=row["worst"],
        reviewer=row["reviewer"],
        organisation=row["organisation"],
        note=row["note"],
        evidence=tuple(json.loads(row["evidence"])) if row["evidence"] else (),
        url=row["url"],
        origin=row["origin"],
    )


def for_keys(db: Database, keys: Sequence[str]) -> list[Review]:
    """Every review filed under one of these claim keys (`Review.key`), in the order recorded."""
    found: dict[int, Review] = {}
    for part in rows.chunks(keys):
        for row in rows.named(
            db, f"select rowid, {_COLUMNS} from reviews where claim_key in ({rows.marks(part)})", part
        ):
            found[row["rowid"]] = _review(row)
    return [found[rowid] for rowid in sorted(found)]


def sharing_words(db: Database, words: Sequence[str], limit: int) -> list[Review]:
    """Reviews whose claim text has any of these words, best first by bm25, at most ``limit``."""
    if not words:
        return []
    # Each word is quoted (`rows.any_word`), and FTS5 reads any quoted word: an error here is the
    # database's (busy, damaged), not the words', and reaches the caller.
    found = rows.named(
        db,
        f"select {_QUALIFIED} from reviews_fts join reviews r on r.rowid = reviews_fts.rowid "
        "where reviews_fts match ? order by bm25(reviews_fts) limit ?",
        (rows.any_word(words), limit),
    ).fetchall()
    return [_review(row) for row in found]


def reviewed_claims(db: Database) -> list[str]:
    """Ids of stored claims that some local review names, in order of their first review."""
    return [
        row["claim"]
        for row in rows.named(
            db,
            "select r.claim from reviews r join claims c on c.id = r.claim group by r.claim "
            "order by min(r.rowid)",
        )
    ]
