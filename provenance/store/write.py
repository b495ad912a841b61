"""Writing analysed graphs: one transaction per document, idempotent, sources placed among the stored."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence

from attrs import frozen
from sqlite_utils import Database

from .. import tables
from ..errors import InputError
from ..model import Claim, Finding, Graph, Source
from ..serialize import to_data
from . import identity, rows
from .locking import immediate
from .results import AddResult, AddStatus

MAX_KNOWN = 100_000
"""Placed sources remembered across documents at most, so that memory stays flat over any corpus."""


@frozen
class _Written:
    """What storing one document did."""

    status: AddStatus
    claims: int
    """Claims written (none for an unchanged document)."""
    placed: dict[str, str]
    """The stored row of each source of the document, by its id in the graph."""
    fresh: dict[Source, str]
    """Sources this transaction placed, to remember once it is committed."""


class Writer:
    """Stores analysed graphs in one database, remembering where committed sources were placed: a
    corpus names the same few parties again and again."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._known: dict[Source, str] = {}
        self._pending: dict[Source, str] = {}
        """Sources placed by the open transaction of `add_many`, remembered once it commits."""

    def add(
        self, graph: Graph, *, input_hash: str | None = None, digests: dict[str, str] | None = None
    ) -> AddResult:
        """Store every document of an analysed graph, each in its own transaction (see `Store.add`)."""
        digests = digests or {}
        document_parts, unowned = tables.parts(graph)
        # A graph of several documents is marked as coming from its input only once all of them
        # are stored, so that an interrupted add is not taken for a finished one.
        is_single = len(graph.documents) == 1
        statuses: list[tuple[str, AddStatus]] = []
        claim_count = 0
        placed: dict[str, str] = {}
        for part in document_parts:
            share = _share(graph, part)
            # Under the write lock from the first read: another process ingesting the same document
            # at once waits, then finds it stored, rather than inserting it twice.
            with immediate(self.db):
                written = self._add_document(
                    share, input_hash if is_single else None, digests.get(part.document.id), bool(unowned)
                )
            self._remember(written.fresh)
            if written.status is AddStatus.UNCHANGED:
                for source_id, row_id in written.placed.items():
                    placed.setdefault(source_id, row_id)
            else:
                placed.update(written.placed)
            statuses.append((part.document.id, written.status))
            claim_count += written.claims
        if unowned or (input_hash and not is_single):
            with immediate(self.db):
                self._add_findings(unowned, None, placed, None)
                if input_hash and not is_single:
                    self.db.conn.executemany(
                        "update documents set input_hash = ? where id = ?",
                        [(input_hash, d.id) for d in graph.documents],
                    )
        return AddResult(tuple(statuses), claim_count)

    def add_many(
        self, graphs: Iterable[tuple[Graph, str | None]], digests: Mapping[str, str]
    ) -> list[AddResult | InputError]:
        """Store graphs of one analysed document each in one transaction (see `Store.add_many`)."""
        results: list[AddResult | InputError] = []
        self._pending = {}
        try:
            with immediate(self.db):
                for graph, input_hash in graphs:
                    (part,), _ = tables.parts(graph)
                    try:
                        with self.db.atomic():  # a savepoint: a refused document leaves the others
                            written = self._add_document(
                                _share(graph, part), input_hash, digests.get(part.document.id), False
                            )
                    except InputError as error:
                        results.append(error)
                        continue
                    self._pending.update(written.fresh)
                    results.append(AddResult(((part.document.id, written.status),), written.claims))
            self._remember(self._pending)
        finally:
            self._pending = {}
        return results

    def _remember(self, fresh: dict[Source, str]) -> None:
        # Only committed rows are remembered: a failed commit leaves nothing to point at.
        if len(self._known) > MAX_KNOWN:
            self._known.clear()
        self._known.update(fresh)

    def _add_document(
        self, share: Graph, input_hash: str | None, digest: str | None, wants_placed: bool
    ) -> _Written:
        """Store one document's share of a graph, unless it is stored with the same content."""
        document = share.documents[0]
        digest = digest or digest_of(share)
        stored = rows.named(
            self.db, "select graph_hash, input_hash from documents where id = ?", (document.id,)
        ).fetchone()
        if stored and stored["graph_hash"] == digest:
            if input_hash and stored["input_hash"] != input_hash:
                with self.db.atomic():
                    self.db.execute(
                        "update documents set input_hash = ? where id = ?", (input_hash, document.id)
                    )
            placed = {s.id: self._stored_id(s, document.id) for s in share.sources} if wants_placed else {}
            return _Written(AddStatus.UNCHANGED, 0, placed, {})
        self._check_claim_ids(document.id, share.claims)
        fresh: dict[Source, str] = {}
        published = rows.to_utc(document.published)
        with self.db.atomic():
            if stored:
                self._clear(document.id)
            outlet = None
            if document.outlet:
                outlet = self._place(share.index.source_or_stand_in(document.outlet), None, fresh)
            self.db.execute(
                "insert into documents (id, outlet, title, url, published, published_utc, language, "
                "text, input_hash, graph_hash) values (:id, :outlet, :title, :url, :published, "
                ":published_utc, :language, :text, :input_hash, :graph_hash) "
                "on conflict(id) do update set outlet = excluded.outlet, title = excluded.title, "
                "url = excluded.url, published = excluded.published, "
                "published_utc = excluded.published_utc, language = excluded.language, "
                "text = excluded.text, input_hash = excluded.input_hash, "
                "graph_hash = excluded.graph_hash",
                {
                    "id": document.id,
                    "outlet": outlet,
                    "title": document.title,
                    "url": document.url,
                    "published": document.published.isoformat() if document.published else None,
                    "published_utc": published,
                    "language": document.language,
                    "text": document.text,
                    "input_hash": input_hash,
                    "graph_hash": digest,
                },
            )
            if document.authors:
                self.db.conn.executemany(
                    "insert into document_authors (document, position, name) values (?, ?, ?)",
                    [(document.id, position, name) for position, name in enumerate(document.authors)],
                )
            local = {document.outlet: outlet} if document.outlet and outlet else {}
            for source in share.sources:
                if source.id not in local:
                    local[source.id] = self._place(source, document.id, fresh)
            self._add_claims(share.claims, local, outlet, published)
            self._add_findings(share.findings, document.id, local, {claim.id for claim in share.claims})
        return _Written(AddStatus.UPDATED if stored else AddStatus.ADDED, len(share.claims), local, fresh)

    def _place(self, source: Source, document: str | None, fresh: dict[Source, str]) -> str:
        known = self._known.get(source) or self._pending.get(source)
        if known is not None and (document is None or identity.is_stable(source)):
            return known
        row_id = identity.place(self.db, source, document)
        if identity.is_stable(source):
            fresh[source] = row_id
        return row_id

    def _stored_id(self, source: Source, document: str) -> str:
        scoped = identity.scoped_id(source, document)
        found = self.db.execute("select 1 from sources where id = ?", (scoped,)).fetchone()
        return scoped if found else source.id

    def _check_claim_ids(self, document: str, claims: Sequence[Claim]) -> None:
        ids = [claim.id for claim in claims]
        if len(set(ids)) != len(ids):
            raise InputError(f"document {document} repeats a claim id")
        for part in rows.chunks(ids):
            clash = rows.named(
                self.db,
                f"select id, document from claims where id in ({rows.marks(part)}) and document != ?",
                (*part, document),
            ).fetchone()
            if clash:
                raise InputError(f"claim id {clash['id']} already belongs to document {clash['document']}")

    def _clear(self, document: str) -> None:
        """Remove what a document contributed, before storing its new content."""
        self.db.execute("delete from document_authors where document = ?", (document,))
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
        self, claims: Sequence[Claim], local: dict[str, str], outlet: str | None, published: str | None
    ) -> None:
        """The claims and their hops, named by the stored rows of their sources (``local``)."""
        self.db.conn.executemany(
            "insert into claims (id, document, ordinal, text, span_start, span_end, kind, date, root) "
            "values (:id, :document, :ordinal, :text, :span_start, :span_end, :kind, :date, :root)",
            [
                {
                    **tables.claim_row(claim, ordinal),
                    "date": claim.date.isoformat() if claim.date else None,
                    "root": local[claim.root] if claim.root else None,
                }
                for ordinal, claim in enumerate(claims, start=1)
            ],
        )
        self.db.conn.executemany(
            "insert into hops (claim, position, source, cue, cue_start, cue_end, mention, "
            "mention_start, mention_end, cites, document, outlet, published_utc) values (:claim, "
            ":position, :source, :cue, :cue_start, :cue_end, :mention, :mention_start, :mention_end, "
            ":cites, :document, :outlet, :published_utc)",
            [
                {
                    **tables.hop_row(claim, position, hop),
                    "source": local[hop.source],
                    "outlet": outlet,
                    "published_utc": published,
                }
                for claim in claims
                for position, hop in enumerate(claim.chain)
            ],
        )

    def _add_findings(
        self,
        findings: Iterable[Finding],
        document: str | None,
        local: dict[str, str],
        claims: set[str] | None,
    ) -> None:
        """Findings of ``document`` (None: of no one document), naming only stored claims."""
        self.db.conn.executemany(
            "insert or replace into findings (id, document, rule, severity, message, claim, source, "
            "span_start, span_end) values (:id, :document, :rule, :severity, :message, :claim, "
            ":source, :span_start, :span_end)",
            [
                {
                    **tables.finding_row(finding, document),
                    "id": _finding_id(finding, document),
                    "claim": self._known_claim(finding.claim, claims),
                    "source": local.get(finding.source) if finding.source else None,
                }
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


def document_digests(graph: Graph) -> dict[str, str]:
    """A content digest per document of an analysed graph: equal digests mean nothing to write."""
    document_parts, _ = tables.parts(graph)
    return {part.document.id: digest_of(_share(graph, part)) for part in document_parts}


def _share(graph: Graph, part: tables.DocumentPart) -> Graph:
    """One document's share of a graph, as stored and digested: the document, its claims and findings,
    and the sources they use, sorted by id (a source the graph lacks stands in by its id)."""
    used = tables.used_sources(part.document, part.claims, part.findings)
    sources = sorted((graph.index.source_or_stand_in(source_id) for source_id in used), key=lambda s: s.id)
    return Graph((part.document,), tuple(sources), part.claims, part.findings)


def digest_of(share: Graph) -> str:
    """The content digest of one document's share of a graph."""
    data = json.dumps(to_data(share), sort_keys=True, ensure_ascii=False, default=str)
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
