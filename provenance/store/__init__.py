"""The SQLite store of many analysed articles: the only package that imports sqlite_utils.

`Store` is a thin facade: `connection` opens a file (and `schema` migrates it), `write` stores graphs,
`query` and `rows` read them back, `identity` places and merges sources, `reviews` keeps verdicts.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from sqlite_utils import Database

from ..errors import InputError
from ..factcheck.model import Review
from ..model import Claim, Graph
from . import connection, identity, query, reviews, rows
from .results import (
    AddResult,
    AddStatus,
    Ambiguity,
    DocumentList,
    DocumentSummary,
    SearchHit,
    SourceStats,
    Trace,
    TracedClaim,
)
from .schema import VERSION
from .write import Writer, document_digests

__all__ = [
    "VERSION",
    "AddResult",
    "AddStatus",
    "Ambiguity",
    "DocumentList",
    "DocumentSummary",
    "SearchHit",
    "SourceStats",
    "Store",
    "Trace",
    "TracedClaim",
    "document_digests",
]


class Store:
    """A provenance database: documents, sources unified across them, claims, hops and findings.

    Open with `Store.open`; each document is written in its own transaction, so an interrupted ingest
    leaves every committed document whole.
    """

    def __init__(self, db: Database, path: str) -> None:
        self.db = db
        """The sqlite-utils database, for callers that want plain SQL."""
        self.path = path
        """Where the database lives (":memory:" for a private in-memory one)."""
        self._writer = Writer(db)

    @classmethod
    def open(cls, path: str | Path, *, readonly: bool = False) -> Store:
        """Open or create the database at ``path``, bringing its schema up to date.

        Sets WAL mode and foreign keys. Raises `StoreError` when the file cannot be read or written,
        is not a SQLite database, or holds someone else's tables.
        """
        return cls(connection.connect(path, readonly=readonly), str(path))

    def close(self) -> None:
        """Close the connection; the WAL is checkpointed into the main file."""
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    @contextmanager
    def _errors(self) -> Iterator[None]:
        with connection.errors(self.path):
            yield

    # -- writing ---------------------------------------------------------------------------------

    def add(
        self, graph: Graph, *, input_hash: str | None = None, digests: dict[str, str] | None = None
    ) -> AddResult:
        """Store every document of an analysed graph, each in its own transaction.

        Idempotent: a document stored with the same content is `UNCHANGED`; one with the same id and
        other content is replaced (`UPDATED`). ``input_hash`` records what the document was analysed
        from, so that `is_current` and `has_input` can skip the analysis next time; ``digests``, from
        `document_digests`, saves computing them here (ingest workers compute them in parallel).
        """
        with self._errors():
            return self._writer.add(graph, input_hash=input_hash, digests=digests)

    def add_many(
        self, graphs: Iterable[tuple[Graph, str | None]], *, digests: Mapping[str, str] | None = None
    ) -> list[AddResult | InputError]:
        """Store analysed graphs of one document each, with the hash of the input each was analysed
        from, in one transaction: a batch of an ingest, or a bulk load of documents analysed
        elsewhere (a Parquet dataset). ``digests`` by document id, from `document_digests`, saves
        computing them here.

        Each document is written as `add` writes it (idempotent, sources placed among the stored
        ones) in a savepoint of its own: one the store refuses (a claim id of another document)
        comes back as its `InputError` and leaves the others whole. An interrupted call stores none.
        """
        with self._errors():
            return self._writer.add_many(graphs, digests or {})

    def merge_sources(self, keep: str, other: str) -> None:
        """Make ``other`` (and all merged into it) part of ``keep``; `split_source` undoes it."""
        with self._errors():
            identity.merge(self.db, keep, other)

    def split_source(self, source: str) -> tuple[str, ...]:
        """Undo a merge: detach the named source from the group it was merged into, or, naming a
        group's head, detach everything merged into it. Returns the ids now standing alone."""
        with self._errors():
            return identity.split(self.db, source)

    def add_review(self, review: Review) -> bool:
        """Record a verdict: a later one supersedes it, nothing rewrites it. False when this very
        review (an import read twice) is stored already."""
        with self._errors():
            return reviews.add(self.db, review)

    # -- reading ---------------------------------------------------------------------------------

    def is_current(self, document: str, input_hash: str) -> bool:
        """Whether ``document`` is stored, analysed from input with this hash."""
        with self._errors():
            return query.is_current(self.db, document, input_hash)

    def has_input(self, input_hash: str) -> bool:
        """Whether some stored document was analysed from input with this hash."""
        with self._errors():
            return query.has_input(self.db, input_hash)

    def graph(
        self, document: str | None = None, *, with_text: bool = True, with_findings: bool = True
    ) -> Graph:
        """Everything stored, or one document, as a graph over canonical (merged) sources; without
        its stored findings when they are to be resolved anew.

        Raises `InputError` for an unknown document id.
        """
        with self._errors():
            found = rows.graph(self.db, document, with_text=with_text, with_findings=with_findings)
        if found is None:
            raise InputError(f"no document {document} in the database", path=self.path)
        return found

    def search(self, text: str, limit: int = 20, *, marks: tuple[str, str] = ("[", "]")) -> list[SearchHit]:
        """Claims matching what a person typed, best first, each with a snippet and chain: every word
        taken literally ("Trump's", "U.S.", "al-Assad"), with AND, OR, NOT, "phrases", prefix* and
        parentheses (`fulltext.to_match`). Raises `InputError` for a query with no word in it.
        """
        with self._errors():
            return query.search(self.db, text, limit, marks)

    def search_total(self, text: str) -> int:
        """How many claims match ``text`` (as `search` reads it), however many it shows."""
        with self._errors():
            return query.search_total(self.db, text)

    def trace(self, source: str, limit: int = 100) -> Trace:
        """Everything resting on a source (id, name, alias or acronym): claims naming it anywhere in
        their chain, and claims citing documents that rest on it; the newest ``limit`` in full. A
        name that stands for a different party in each article ("I", "the company") traces all of
        them, as `sources` lists them."""
        with self._errors():
            roots, shown = identity.trace_roots(self.db, source)
            return query.trace(self.db, roots, shown, limit)

    def trace_graph(self, source: str) -> Graph:
        """A source's trace (id, name, alias or acronym) as a graph to export: every claim resting on
        it, directly or through cited documents, the documents carrying them with their text, oldest
        first, and the sources their chains name; no findings."""
        with self._errors():
            return query.trace_graph(self.db, identity.resolve(self.db, source))

    def sources(self, *, include_anonymous: bool = False) -> list[SourceStats]:
        """One line per source shared across articles, most-cited first. The parties of one article
        each (anonymous sources, pronouns, descriptions such as "the company") are left out unless
        asked for, and then come one line per name, adding up its articles."""
        with self._errors():
            return query.source_stats(self.db, include_anonymous)

    def ambiguous_sources(self) -> list[Ambiguity]:
        """Bare surnames stored while several people of that surname are named in full, each with
        those people: for a person to merge with the right one (`merge_sources`) or split."""
        with self._errors():
            return query.ambiguous_surnames(self.db)

    def documents(
        self,
        *,
        outlet: str | None = None,
        since: date | None = None,
        until: date | None = None,
        search: str | None = None,
        limit: int | None = None,
    ) -> DocumentList:
        """Stored documents, newest first (undated last), with their claim and finding counts.

        ``outlet`` is a source id, name, alias or acronym; ``since`` and ``until`` are UTC days, both
        included; ``search`` keeps documents with a claim matching the full-text query (as `search`
        takes it) or whose title contains it; at most ``limit``, with the total that match.
        """
        with self._errors():
            canonical = identity.resolve(self.db, outlet) if outlet is not None else None
            return query.documents(
                self.db, outlet=canonical, since=since, until=until, search=search, limit=limit
            )

    def claim(self, claim_id: str) -> Claim:
        """One stored claim, its chain naming canonical sources; `InputError` for an unknown id."""
        found = self.claims([claim_id])
        if not found:
            raise InputError(f"no claim {claim_id} in the database", path=self.path)
        return found[0]

    def claims(self, claim_ids: Sequence[str]) -> list[Claim]:
        """The stored claims with these ids (unknown ids are left out), chains naming canonical
        sources."""
        with self._errors():
            return rows.claims_where(self.db, claim_ids=claim_ids)

    def claims_with_words(self, words: Sequence[str], limit: int, *, every: bool = False) -> list[str]:
        """Ids of stored claims with any of these words, best first (bm25); with ``every``, those
        with all of them, unranked. At most ``limit``."""
        with self._errors():
            return query.claims_with_words(self.db, words, limit, every=every)

    def claims_graph(self, claims: Sequence[Claim]) -> Graph:
        """Claims as a graph with their documents (without text) and the canonical sources they
        name, for showing them or writing a ClaimReview."""
        with self._errors():
            documents, sources = query.context(self.db, claims)
        return Graph(tuple(documents.values()), tuple(sources.values()), tuple(claims))

    def reviews_for_keys(self, keys: Sequence[str]) -> list[Review]:
        """Every verdict filed under one of these claim keys (`Review.key`), in the order recorded."""
        with self._errors():
            return reviews.for_keys(self.db, keys)

    def reviews_sharing_words(self, words: Sequence[str], limit: int) -> list[Review]:
        """Verdicts whose claim text has any of these words, best first (bm25), at most ``limit``."""
        with self._errors():
            return reviews.sharing_words(self.db, words, limit)

    def reviewed_claims(self) -> list[str]:
        """Ids of the stored claims reviewed here, in the order of their first review."""
        with self._errors():
            return reviews.reviewed_claims(self.db)

    def check(self) -> list[str]:
        """Problems SQLite finds in the file and its foreign keys; empty when all is well."""
        with self._errors():
            return connection.problems(self.db)
