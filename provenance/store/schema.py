"""The database schema, created and migrated step by step; ``PRAGMA user_version`` counts the steps."""

from __future__ import annotations

from collections.abc import Callable

from sqlite_utils import Database

from ..errors import StoreError
from .locking import immediate

Migration = Callable[[Database], None]


def _create(db: Database) -> None:
    """Version 1: documents, sources and their aliases, claims, hops, findings, full-text search."""
    db.table("sources").create(
        {
            "id": str,
            "name": str,
            "kind": str,
            "description": str,
            "merged_into": str,
            "canonical": str,
            "document": str,
        },
        pk="id",
        not_null=["name", "kind", "canonical"],
        foreign_keys=[("merged_into", "sources", "id"), ("canonical", "sources", "id")],
    )
    db.table("documents").create(
        {
            "id": str,
            "outlet": str,
            "title": str,
            "url": str,
            "published": str,
            "published_utc": str,
            "language": str,
            "text": str,
            "input_hash": str,
            "graph_hash": str,
        },
        pk="id",
        not_null=["text", "graph_hash"],
        foreign_keys=[("outlet", "sources", "id")],
    )
    # A document-scoped source (an anonymous "official") belongs to one article; declared after
    # documents exists so the reference can be checked.
    db.table("sources").add_foreign_key("document", "documents", "id")
    db.table("source_aliases").create(
        {"source": str, "alias": str, "key": str},
        pk=("source", "key"),
        not_null=["alias"],
        foreign_keys=[("source", "sources", "id")],
    )
    db.table("claims").create(
        {
            "id": str,
            "document": str,
            "ordinal": int,
            "text": str,
            "span_start": int,
            "span_end": int,
            "kind": str,
            "date": str,
            "root": str,
        },
        pk="id",
        not_null=["document", "ordinal", "text", "kind"],
        foreign_keys=[("document", "documents", "id"), ("root", "sources", "id")],
    )
    db.table("hops").create(
        {
            "claim": str,
            "position": int,
            "source": str,
            "cue": str,
            "cue_start": int,
            "cue_end": int,
            "mention": str,
            "mention_start": int,
            "mention_end": int,
            "cites": str,
            "document": str,
            "outlet": str,
            "published_utc": str,
        },
        pk=("claim", "position"),
        not_null=["source", "document"],
        # ``document``, ``outlet`` and ``published_utc`` repeat the claim's document's, so that
        # tracing a source is one index-only scan of hops; ``cites`` is the hop's own cited article
        # (`Hop.document`), which may not be stored.
        foreign_keys=[
            ("claim", "claims", "id"),
            ("source", "sources", "id"),
            ("document", "documents", "id"),
            ("outlet", "sources", "id"),
        ],
    )
    db.table("findings").create(
        {
            "id": str,
            "document": str,
            "rule": str,
            "severity": str,
            "message": str,
            "claim": str,
            "source": str,
            "span_start": int,
            "span_end": int,
        },
        pk="id",
        not_null=["rule", "severity", "message"],
        foreign_keys=[
            ("document", "documents", "id"),
            ("claim", "claims", "id"),
            ("source", "sources", "id"),
        ],
    )
    for table, columns in (
        ("sources", ["canonical"]),
        ("sources", ["merged_into"]),
        ("sources", ["document"]),
        ("sources", ["kind"]),
        ("source_aliases", ["key"]),
        ("documents", ["outlet", "id", "published_utc"]),
        ("documents", ["published_utc"]),
        ("documents", ["input_hash"]),
        ("claims", ["document"]),
        ("claims", ["root"]),
        ("hops", ["source", "claim", "document", "outlet", "published_utc"]),
        ("hops", ["document"]),
        ("hops", ["cites"]),
        ("findings", ["document"]),
        ("findings", ["claim"]),
        ("findings", ["rule"]),
    ):
        db.table(table).create_index(columns)
    db.table("claims").enable_fts(["text"], create_triggers=True, tokenize="porter unicode61")
    db.table("sources").enable_fts(["name", "description"], create_triggers=True)
    db.table("source_aliases").enable_fts(["alias"], create_triggers=True)
    # Datasette shows views as tables: one row per link of a chain, with canonical source names.
    db.create_view(
        "chains",
        """
        select hops.claim, hops.document, hops.position, groups.id as source,
               groups.name as source_name, groups.kind as source_kind, hops.cue, hops.mention,
               hops.cites, claims.text as claim_text
        from hops
        join claims on claims.id = hops.claim
        join sources as named on named.id = hops.source
        join sources as groups on groups.id = named.canonical
    """,
    )


def _create_reviews(db: Database) -> None:
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


def _create_authors(db: Database) -> None:
    """Version 3: ``document_authors``, the people who wrote each article, in byline order."""
    db.table("document_authors").create(
        {"document": str, "position": int, "name": str},
        pk=("document", "position"),
        not_null=["name"],
        foreign_keys=[("document", "documents", "id")],
    )
    db.table("document_authors").create_index(["name"])  # every article by one author


MIGRATIONS: tuple[Migration, ...] = (_create, _create_reviews, _create_authors)
"""Step ``i`` takes a database from version ``i`` to ``i + 1``; append, never edit, a step."""

VERSION = len(MIGRATIONS)
"""The schema version this code writes."""


def version(db: Database) -> int:
    """The schema version the file is at (0 for a new file)."""
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def is_outdated(db: Database) -> bool:
    """Whether a file opened for reading must be migrated first; `StoreError` when it is newer than
    this code knows."""
    found = version(db)
    if found > VERSION:
        raise StoreError(
            f"schema version {found} is newer than this provenance knows ({VERSION}); upgrade provenance"
        )
    return found < VERSION


def migrate(db: Database) -> None:
    """Bring the database to `VERSION`, one transaction per step; refuse foreign or newer files."""
    target = len(MIGRATIONS)
    found = version(db)
    if found > target:
        raise StoreError(f"written by a newer provenance (schema {found}, this one knows {target})")
    for step in range(found, target):
        # Another process may be migrating the same file: each step re-reads the version under the
        # write lock, and a step someone else took meanwhile is skipped.
        with immediate(db):
            current = version(db)
            if current == 0 and db.table_names():
                raise StoreError("not a provenance database (it already holds other tables)")
            if current != step:
                continue
            MIGRATIONS[step](db)
            db.execute(f"PRAGMA user_version = {step + 1}")
