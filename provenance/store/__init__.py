"""The SQLite store of many analysed articles: the only package that imports sqlite_utils."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

from sqlite_utils import Database

from ..errors import InputError, StoreError
from ..factcheck.model import Review
from ..model import Claim, Document, Finding, Graph, Severity, Source
from ..serialize import to_data
from ..sources import is_document_scoped
from . import identity, query, rows
from . import reviews as review_table
from .locking import immediate, use_wal
from .results import AddResult, AddStatus, SearchHit, SourceStats, Trace, TracedClaim
from .schema import VERSION, migrate

__all__ = [
    "VERSION",
    "AddResult",
    "AddStatus",
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
        self._known: dict[Source, str] = {}
        """Sources already placed by a committed transaction: a corpus names the same few often."""

    @classmethod
    def open(cls, path: str | Path, *, readonly: bool = False) -> Store:
        """Open or create the database at ``path``, bringing its schema up to date.

        Sets WAL mode and foreign keys. Raises `StoreError` when the file cannot be read or written,
        is not a SQLite database, or holds someone else's tables.
        """
        name = str(path)
        try:
            if name == ":memory:":
                connection = sqlite3.connect(":memory:")
            else:
                file = Path(path)
                if file.is_dir():
                    raise StoreError("is a folder, not a database file", path=name)
                if readonly:
                    if not file.exists():
                        raise StoreError("no such database file (ingest some articles first)", path=name)
                    uri = f"file:{quote(str(file.resolve()))}?mode=ro"
                    if _is_frozen(file):
                        uri += "&immutable=1"
                    connection = sqlite3.connect(uri, uri=True)
                else:
                    if not file.parent.is_dir():
                        raise StoreError(f"folder {file.parent} does not exist", path=name)
                    # Checked before SQLite opens it: SQLite would fall back to reading, and leave
                    # journal files (read-only too) beside a database that was never written.
                    if file.exists() and not os.access(file, os.W_OK):
                        raise StoreError("the database file is read-only (check its permissions)", path=name)
                    if not os.access(file.parent, os.W_OK | os.X_OK):
                        raise StoreError(
                            f"folder {file.parent} is read-only, and the database "
                            "writes its journal beside it",
                            path=name,
                        )
                    connection = sqlite3.connect(file)
            db = Database(connection, execute_plugins=False)
            db.execute("PRAGMA foreign_keys = ON")
            db.execute("PRAGMA busy_timeout = 10000")
            if name != ":memory:" and not readonly:
                use_wal(db)
                # With WAL, NORMAL keeps every commit atomic and the file valid after a crash; only
                # the last commits before a power loss may be lost, and re-ingesting restores them.
                db.execute("PRAGMA synchronous = NORMAL")
            if readonly:
                version = db.execute("PRAGMA user_version").fetchone()[0]
                if version != VERSION:
                    db.close()
                    if version > VERSION:
                        raise StoreError(
                            f"schema version {version} is newer than this provenance "
                            f"knows ({VERSION}); upgrade provenance",
                            path=name,
                        )
                    # An older database is migrated once, in place, then read as asked.
                    cls.open(path).close()
                    return cls.open(path, readonly=True)
            else:
                migrate(db)
        except StoreError as error:
            error.path = error.path or name
            raise
        except sqlite3.DatabaseError as error:
            raise StoreError(describe(error), path=name) from None
        return cls(db, name)

    def close(self) -> None:
        """Close the connection; the WAL is checkpointed into the main file."""
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    @contextmanager
    def _errors(self) -> Iterator[None]:
        try:
            yield
        except sqlite3.DatabaseError as error:
            raise StoreError(describe(error), path=self.path) from None

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
        digests = digests or {}
        claim_count = 0
        statuses: list[tuple[str, AddStatus]] = []
        placed: dict[str, str] = {}
        unowned = [f for f in graph.findings if _owner(graph, f) is None]
        # A graph of several documents is marked as coming from its input only once all of them
        # are stored, so that an interrupted add is not taken for a finished one.
        is_single = len(graph.documents) == 1
        with self._errors():
            for document in graph.documents:
                fresh: dict[Source, str] = {}
                # Under the write lock from the first read: another process ingesting the same
                # document at once waits, then finds it stored, rather than inserting it twice.
                with immediate(self.db):
                    status, written = self._add_document(
                        graph,
                        document,
                        input_hash if is_single else None,
                        placed,
                        digests.get(document.id),
                        fresh,
                    )
                # Only committed rows are remembered: a failed commit leaves nothing to point at.
                if len(self._known) > 100_000:  # bounded, so memory stays flat over any corpus
                    self._known.clear()
                self._known.update(fresh)
                statuses.append((document.id, status))
                claim_count += written
            if unowned or (input_hash and not is_single):
                with immediate(self.db):
                    self._add_findings(unowned, None, placed, None)
                    if input_hash and not is_single:
                        self.db.conn.executemany(
                            "update documents set input_hash = ? where id = ?",
                            [(input_hash, d.id) for d in graph.documents],
                        )
        return AddResult(tuple(statuses), claim_count)

    def is_current(self, document: str, input_hash: str) -> bool:
        """Whether ``document`` is stored, analysed from input with this hash."""
        with self._errors():
            row = self.db.execute(
                "select 1 from documents where id = ? and input_hash = ?", (document, input_hash)
            ).fetchone()
        return row is not None

    def has_input(self, input_hash: str) -> bool:
        """Whether some stored document was analysed from input with this hash."""
        with self._errors():
            row = self.db.execute("select 1 from documents where input_hash = ?", (input_hash,)).fetchone()
        return row is not None

    def _add_document(
        self,
        graph: Graph,
        document: Document,
        input_hash: str | None,
        placed: dict[str, str],
        digest: str | None,
        fresh: dict[Source, str],
    ) -> tuple[AddStatus, int]:
        claims, sources, findings = _part(graph, document)
        digest = digest or _digest(Graph((document,), tuple(sources), tuple(claims), tuple(findings)))
        stored = self.db.execute(
            "select graph_hash, input_hash from documents where id = ?", (document.id,)
        ).fetchone()
        if stored and stored[0] == digest:
            if input_hash and stored[1] != input_hash:
                with self.db.atomic():
                    self.db.execute(
                        "update documents set input_hash = ? where id = ?", (input_hash, document.id)
                    )
            for source in sources:
                placed.setdefault(source.id, self._stored_id(source, document.id))
            return AddStatus.UNCHANGED, 0
        self._check_claim_ids(document.id, claims)
        by_id = {source.id: source for source in sources}
        with self.db.atomic():
            if stored:
                self._clear(document.id)
            outlet = None
            if document.outlet:
                outlet = self._place(by_id[document.outlet], None, fresh)
            self.db.execute(
                "insert into documents (id, outlet, title, url, published, published_utc, language, "
                "text, input_hash, graph_hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                "on conflict(id) do update set outlet = excluded.outlet, title = excluded.title, "
                "url = excluded.url, published = excluded.published, "
                "published_utc = excluded.published_utc, language = excluded.language, "
                "text = excluded.text, input_hash = excluded.input_hash, "
                "graph_hash = excluded.graph_hash",
                (
                    document.id,
                    outlet,
                    document.title,
                    document.url,
                    document.published.isoformat() if document.published else None,
                    rows.to_utc(document.published),
                    document.language,
                    document.text,
                    input_hash,
                    digest,
                ),
            )
            local = {document.outlet: outlet} if document.outlet and outlet else {}
            for source in sources:
                if source.id not in local:
                    local[source.id] = self._place(source, document.id, fresh)
            self._add_claims(claims, local, outlet, rows.to_utc(document.published))
            self._add_findings(findings, document.id, local, {claim.id for claim in claims})
        placed.update(local)
        return (AddStatus.UPDATED if stored else AddStatus.ADDED), len(claims)

    def _place(self, source: Source, document: str | None, fresh: dict[Source, str]) -> str:
        known = self._known.get(source)
        if known is not None and (document is None or not is_document_scoped(source)):
            return known
        row_id = identity.place(self.db, source, document)
        if not is_document_scoped(source):
            fresh[source] = row_id
        return row_id

    def _stored_id(self, source: Source, document: str) -> str:
        scoped = f"{source.id}@{document}"
        row = self.db.execute("select id from sources where id = ?", (scoped,)).fetchone()
        return scoped if row else source.id

    def _check_claim_ids(self, document: str, claims: list[Claim]) -> None:
        ids = [claim.id for claim in claims]
        if len(set(ids)) != len(ids):
            raise InputError(f"document {document} repeats a claim id")
        for part in rows.chunks(ids):
            clash = self.db.execute(
                f"select id, document from claims where id in ({rows.marks(part)}) and document != ?",
                (*part, document),
            ).fetchone()
            if clash:
                raise InputError(f"claim id {clash[0]} already belongs to document {clash[1]}")

    def _clear(self, document: str) -> None:
        """Remove what a document contributed, before storing its new content."""
        self.db.execute("delete from findings where document = ?", (document,))
        self.db.execute(
            "delete from findings where claim in (select id from claims where document = ?)", (document,)
        )
        self.db.execute("delete from hops where document = ?", (document,))
        self.db.execute("delete from claims where document = ?", (document,))
        self.db.execute(
            "delete from source_aliases where source in (select id from sources where document = ?)",
            (document,),
        )
        self.db.execute("delete from sources where document = ?", (document,))

    def _add_claims(
        self, claims: list[Claim], local: dict[str, str], outlet: str | None, published: str | None
    ) -> None:
        self.db.conn.executemany(
            "insert into claims (id, document, ordinal, text, span_start, span_end, kind, date, root) "
            "values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    claim.id,
                    claim.document,
                    ordinal,
                    claim.text,
                    *(claim.span or (None, None)),
                    claim.kind.value,
                    claim.date.isoformat() if claim.date else None,
                    local[claim.root] if claim.root else None,
                )
                for ordinal, claim in enumerate(claims, start=1)
            ],
        )
        self.db.conn.executemany(
            "insert into hops (claim, position, source, cue, cue_start, cue_end, mention, "
            "mention_start, mention_end, cites, document, outlet, published_utc) "
            "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    claim.id,
                    position,
                    local[hop.source],
                    hop.cue,
                    *(hop.cue_span or (None, None)),
                    hop.mention,
                    *(hop.mention_span or (None, None)),
                    hop.document,
                    claim.document,
                    outlet,
                    published,
                )
                for claim in claims
                for position, hop in enumerate(claim.chain)
            ],
        )

    def _add_findings(
        self, findings: list[Finding], document: str | None, local: dict[str, str], claims: set[str] | None
    ) -> None:
        self.db.conn.executemany(
            "insert or replace into findings (id, document, rule, severity, message, claim, source, "
            "span_start, span_end) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    _finding_id(finding, document),
                    document,
                    finding.rule,
                    finding.severity.value,
                    finding.message,
                    self._known_claim(finding.claim, claims),
                    local.get(finding.source) if finding.source else None,
                    *(finding.span or (None, None)),
                )
                for finding in findings
            ],
        )

    def _known_claim(self, claim: str | None, claims: set[str] | None) -> str | None:
        """The claim id if it is stored (a finding may name a claim its graph lacks), else None."""
        if claim is None:
            return None
        if claims is not None:
            return claim if claim in claims else None
        return claim if self.db.execute("select 1 from claims where id = ?", (claim,)).fetchone() else None

    # -- reading ---------------------------------------------------------------------------------

    def graph(self, document: str | None = None, *, with_text: bool = True) -> Graph:
        """Everything stored, or one document, as a graph over canonical (merged) sources.

        Raises `InputError` for an unknown document id.
        """
        with self._errors():
            if document is None:
                documents = rows.documents(self.db, with_text=with_text)
                claims = rows.claims(self.db)
                findings = _findings(self.db, "", ())
                sources = rows.sources(self.db)
                used = _used(documents, claims, findings)
                return Graph(
                    tuple(documents),
                    tuple(s for s in sources.values() if s.id in used),
                    tuple(claims),
                    tuple(findings),
                )
            documents = rows.documents(self.db, "where d.id = ?", (document,), with_text=with_text)
            if not documents:
                raise InputError(f"no document {document} in the database", path=self.path)
            claims = rows.claims(self.db, document_ids=[document])
            findings = _findings(self.db, "where f.document = ?", (document,))
            used = _used(documents, claims, findings)
            sources = rows.sources(self.db, used)
            return Graph(
                tuple(documents),
                tuple(sources[s] for s in sorted(used) if s in sources),
                tuple(claims),
                tuple(findings),
            )

    def search(self, text: str, limit: int = 20, *, marks: tuple[str, str] = ("[", "]")) -> list[SearchHit]:
        """Claims matching a full-text query (FTS5 syntax), best first, each with a snippet and chain.

        Raises `InputError` with a readable message for a query SQLite cannot parse.
        """
        with self._errors():
            return query.search(self.db, text, limit, marks)

    def trace(self, source: str, limit: int = 100) -> Trace:
        """Everything resting on a source (id, name, alias or acronym): claims naming it anywhere in
        their chain, and claims citing documents that rest on it; the newest ``limit`` in full."""
        with self._errors():
            return query.trace(self.db, identity.resolve(self.db, source), limit)

    def sources(self, *, include_anonymous: bool = False) -> list[SourceStats]:
        """One line per canonical source, most-cited first; anonymous sources are per article and
        left out unless asked for."""
        with self._errors():
            return query.source_stats(self.db, include_anonymous)

    def merge_sources(self, keep: str, other: str) -> None:
        """Make ``other`` (and all merged into it) part of ``keep``; `split_source` undoes it."""
        # The names are resolved under the write lock, so a concurrent ingest cannot regroup them
        # between the reading and the writing.
        with self._errors(), immediate(self.db):
            kept = identity.resolve(self.db, keep)
            merged = identity.resolve(self.db, other)
            if kept == merged:
                raise InputError(f"'{keep}' and '{other}' are already one source ({kept})")
            with self.db.atomic():
                self.db.execute("update sources set merged_into = ? where id = ?", (kept, merged))
                self.db.execute("update sources set canonical = ? where canonical = ?", (kept, merged))

    def split_source(self, source: str) -> tuple[str, ...]:
        """Undo a merge: detach the named source from the group it was merged into, or, naming a
        group's head, detach everything merged into it. Returns the ids now standing alone."""
        with self._errors(), immediate(self.db):
            row_id = identity.row(self.db, source)
            parent = self.db.execute("select merged_into from sources where id = ?", (row_id,)).fetchone()
            if parent and parent[0]:
                detached = [row_id]
            else:
                detached = [
                    r[0]
                    for r in self.db.execute(
                        "select id from sources where merged_into = ? order by rowid", (row_id,)
                    )
                ]
            if not detached:
                raise InputError(f"'{source}' is not merged with any other source")
            with self.db.atomic():
                for child in detached:
                    self.db.execute("update sources set merged_into = null where id = ?", (child,))
                    _recanonicalise(self.db, child)
            return tuple(detached)

    # -- reviews ---------------------------------------------------------------------------------

    def claim(self, claim_id: str) -> Claim:
        """One stored claim, its chain naming canonical sources; `InputError` for an unknown id."""
        with self._errors():
            found = rows.claims(self.db, claim_ids=[claim_id])
        if not found:
            raise InputError(f"no claim {claim_id} in the database", path=self.path)
        return found[0]

    def claims(self, claim_ids: Sequence[str]) -> list[Claim]:
        """The stored claims with these ids (unknown ids are left out), chains naming canonical
        sources."""
        with self._errors():
            return rows.claims(self.db, claim_ids=claim_ids)

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

    def add_review(self, review: Review) -> bool:
        """Record a verdict: a later one supersedes it, nothing rewrites it. False when this very
        review (an import read twice) is stored already."""
        with self._errors():
            return review_table.add(self.db, review)

    def reviews_for_keys(self, keys: Sequence[str]) -> list[Review]:
        """Every verdict filed under one of these claim keys (`Review.key`), in the order recorded."""
        with self._errors():
            return review_table.for_keys(self.db, keys)

    def reviews_sharing_words(self, words: Sequence[str], limit: int) -> list[Review]:
        """Verdicts whose claim text has any of these words, best first (bm25), at most ``limit``."""
        with self._errors():
            return review_table.sharing_words(self.db, words, limit)

    def reviewed_claims(self) -> list[str]:
        """Ids of the stored claims reviewed here, in the order of their first review."""
        with self._errors():
            return review_table.reviewed_claims(self.db)

    def check(self) -> list[str]:
        """Problems SQLite finds in the file and its foreign keys; empty when all is well."""
        with self._errors():
            problems = [row[0] for row in self.db.execute("PRAGMA integrity_check") if row[0] != "ok"]
            problems += [f"foreign key: {row}" for row in self.db.execute("PRAGMA foreign_key_check")]
            return problems


def _is_frozen(file: Path) -> bool:
    """Whether no one can be writing the database: its folder is read-only and holds no WAL.

    SQLite cannot read a WAL database there, for it cannot create the shared-memory file beside it,
    unless told the file will not change.
    """
    wal = file.with_name(file.name + "-wal")
    return not os.access(file.parent, os.W_OK) and not (wal.exists() and wal.stat().st_size)


def _recanonicalise(db: Database, head: str) -> None:
    """Point every source under ``head`` (following merged_into) at ``head`` as its canonical id."""
    db.execute(
        "with recursive tree(id) as (select ? union select s.id from sources s join tree "
        "on s.merged_into = tree.id) update sources set canonical = ? where id in (select id from tree)",
        (head, head),
    )


def document_digests(graph: Graph) -> dict[str, str]:
    """A content digest per document of an analysed graph: equal digests mean nothing to write."""
    digests = {}
    for document in graph.documents:
        claims, sources, findings = _part(graph, document)
        digests[document.id] = _digest(Graph((document,), tuple(sources), tuple(claims), tuple(findings)))
    return digests


def _part(graph: Graph, document: Document) -> tuple[list[Claim], list[Source], list[Finding]]:
    """The claims, sources (sorted by id) and findings of one document of a graph."""
    claims = [claim for claim in graph.claims if claim.document == document.id]
    findings = [f for f in graph.findings if _owner(graph, f) == document.id]
    used = _used_sources(document, claims, findings)
    sources = [graph.source(source_id) or Source(source_id, source_id) for source_id in used]
    return claims, sorted(sources, key=lambda s: s.id), findings


def _owner(graph: Graph, finding: Finding) -> str | None:
    """The document a finding belongs to: its claim's, or the graph's only document."""
    if finding.claim:
        claim = graph.claim(finding.claim)
        if claim:
            return claim.document
    return graph.documents[0].id if len(graph.documents) == 1 else None


def _used_sources(document: Document, claims: list[Claim], findings: list[Finding]) -> list[str]:
    used = [document.outlet] if document.outlet else []
    used += [hop.source for claim in claims for hop in claim.chain]
    used += [finding.source for finding in findings if finding.source]
    return list(dict.fromkeys(used))


def _used(documents: list[Document], claims: list[Claim], findings: list[Finding]) -> set[str]:
    used = {document.outlet for document in documents if document.outlet}
    used |= {hop.source for claim in claims for hop in claim.chain}
    return used | {finding.source for finding in findings if finding.source}


def _findings(db: Database, where: str, params: tuple[object, ...]) -> list[Finding]:
    return [
        Finding(
            rule=row[0],
            severity=Severity(row[1]),
            message=row[2],
            claim=row[3],
            source=row[4],
            span=rows.span(row[5], row[6]),
        )
        for row in db.execute(
            "select f.rule, f.severity, f.message, f.claim, s.canonical, f.span_start, f.span_end "
            f"from findings f left join sources s on s.id = f.source {where} order by f.rowid",
            params,
        )
    ]


def _digest(graph: Graph) -> str:
    data = json.dumps(to_data(graph), sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(data.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def _finding_id(finding: Finding, document: str | None) -> str:
    key = json.dumps(
        [
            document,
            finding.rule,
            finding.severity.value,
            finding.message,
            finding.claim,
            finding.source,
            finding.span,
        ]
    )
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:24]


_REASONS = {
    sqlite3.SQLITE_NOTADB: "not a SQLite database, or a damaged one",
    sqlite3.SQLITE_CORRUPT: "not a SQLite database, or a damaged one",
    sqlite3.SQLITE_READONLY: "the database is read-only here (check file and folder permissions)",
    sqlite3.SQLITE_CANTOPEN: "cannot open the database file (missing folder, or no permission)",
    sqlite3.SQLITE_BUSY: "the database is busy: another process is writing it",
    sqlite3.SQLITE_LOCKED: "the database is busy: another process is writing it",
    sqlite3.SQLITE_FULL: "the disk is full",
    sqlite3.SQLITE_IOERR: "the disk could not be read or written (I/O error)",
}
"""What each SQLite primary result code means for the person running the command."""


def describe(error: sqlite3.DatabaseError) -> str:
    """A one-line reason a person can act on, from a SQLite error."""
    text = str(error)
    # By SQLite's primary result code where it has one: a message can quote user text.
    code = (getattr(error, "sqlite_errorcode", None) or 0) & 0xFF
    if code in _REASONS:
        return _REASONS[code]
    if "file is not a database" in text or "malformed" in text:
        return "not a SQLite database, or a damaged one"
    if "readonly" in text or "read-only" in text:
        return "the database is read-only here (check file and folder permissions)"
    if "unable to open" in text:
        return "cannot open the database file (missing folder, or no permission)"
    if "locked" in text or "busy" in text:
        return "the database is busy: another process is writing it"
    if "disk" in text and "full" in text:
        return "the disk is full"
    return f"database error: {text}"
