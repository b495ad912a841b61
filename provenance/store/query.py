"""Questions asked of the whole database: full-text search, tracing a source, per-source figures."""

from __future__ import annotations

import heapq
import sqlite3
from collections.abc import Iterable, Sequence

from sqlite_utils import Database

from ..errors import InputError
from ..model import Claim, Document, Source
from . import rows
from .results import SearchHit, SourceStats, Trace, TracedClaim

MAX_CITATION_DEPTH = 4
"""How many cited documents deep `trace` follows "A cites B, which cites the source"."""


def search(db: Database, text: str, limit: int, marks: tuple[str, str]) -> list[SearchHit]:
    """Claims matching an FTS5 query, best first."""
    if not text.strip():
        raise InputError("the search query is empty")
    try:
        found = db.execute(
            "select c.id, snippet(claims_fts, 0, ?, ?, '…', 16), bm25(claims_fts) from claims_fts "
            "join claims c on c.rowid = claims_fts.rowid where claims_fts match ? "
            "order by bm25(claims_fts) limit ?",
            (marks[0], marks[1], text, limit),
        ).fetchall()
    except sqlite3.OperationalError as error:
        message = str(error)
        # Busy, locked, I/O and full-disk errors have codes of their own; the code decides, for the
        # message quotes the query ("no such column: busy" is the query's fault).
        if error.sqlite_errorcode == sqlite3.SQLITE_ERROR and "no such table" not in message:
            raise InputError(
                f"cannot search for {text!r} ({message}); words are ANDed, use OR, NOT, "
                '"quoted phrases" and prefix* — quote anything else'
            ) from None
        raise
    claims = {claim.id: claim for claim in rows.claims(db, claim_ids=[row[0] for row in found])}
    documents, sources = context(db, claims.values())
    return [
        SearchHit(
            claim=claims[claim_id],
            snippet=snippet,
            score=score,
            document=documents[claims[claim_id].document],
            chain=tuple(sources[hop.source] for hop in claims[claim_id].chain),
        )
        for claim_id, snippet, score in found
    ]


def trace(db: Database, root: str, limit: int) -> Trace:
    """Everything resting on the canonical source ``root``.

    Reads the ``hops`` index by source, then follows citing articles breadth-first; done in Python
    over plain index lookups so that the time does not hang on the query planner's statistics.
    """
    members = [row[0] for row in db.execute("select id from sources where canonical = ?", (root,))]
    # claim -> (its document, the cited document it rests through, outlet row, publication time)
    resting: dict[str, tuple[str, str | None, str | None, str]] = {}
    for part in rows.chunks(members):
        for claim, document, outlet, published in db.execute(
            f"select claim, document, outlet, published_utc from hops where source in ({rows.marks(part)})",
            part,
        ):
            resting.setdefault(claim, (document, None, outlet, published or ""))
    if db.execute("select 1 from hops where cites is not null limit 1").fetchone():
        _follow_citations(db, resting)
    outlet_rows = sorted({outlet for _, _, outlet, _ in resting.values() if outlet})
    outlet_ids = sorted(
        {
            canonical
            for part in rows.chunks(outlet_rows)
            for (canonical,) in db.execute(
                f"select distinct canonical from sources where id in ({rows.marks(part)})", part
            )
        }
    )
    newest = heapq.nlargest(limit, resting.items(), key=lambda item: (item[1][3], item[0]))
    claims = {claim.id: claim for claim in rows.claims(db, claim_ids=[claim for claim, _ in newest])}
    found, sources = context(db, claims.values(), extra=[root, *outlet_ids])
    traced = []
    for claim_id, (_, via, _, _) in newest:
        claim = claims[claim_id]
        path = _path(claim, root, via)
        traced.append(
            TracedClaim(claim, found[claim.document], tuple(sources[source_id] for source_id in path), via)
        )
    return Trace(
        source=sources[root],
        claims=tuple(traced),
        total_claims=len(resting),
        total_documents=len({document for document, _, _, _ in resting.values()}),
        outlets=tuple(sorted((sources[o] for o in outlet_ids), key=lambda s: s.name.lower())),
    )


def _follow_citations(db: Database, resting: dict[str, tuple[str, str | None, str | None, str]]) -> None:
    """Add the claims whose hops cite a document already resting on the source, a few levels deep."""
    frontier = {document for document, _, _, _ in resting.values()}
    seen = set(frontier)
    for _ in range(MAX_CITATION_DEPTH):
        reached: set[str] = set()
        for part in rows.chunks(sorted(frontier)):
            for claim, document, cited, outlet, published in db.execute(
                "select claim, document, cites, outlet, published_utc from hops "
                f"where cites in ({rows.marks(part)})",
                part,
            ):
                resting.setdefault(claim, (document, cited, outlet, published or ""))
                if document not in seen:
                    seen.add(document)
                    reached.add(document)
        if not reached:
            return
        frontier = reached


def _path(claim: Claim, root: str, via: str | None) -> list[str]:
    """The chain's source ids down to the hop naming ``root`` (or citing ``via``)."""
    path = []
    for hop in claim.chain:
        path.append(hop.source)
        if hop.source == root if via is None else hop.document == via:
            break
    return path


def claims_with_words(db: Database, words: Sequence[str], limit: int, *, every: bool = False) -> list[str]:
    """Ids of stored claims with any of these words, best first by bm25; or, with ``every``, those
    with all of them, unranked (so that a claim carried by thousands of outlets is one cheap read).
    At most ``limit``."""
    if not words:
        return []
    if every:
        sql = (
            "select c.id from claims_fts join claims c on c.rowid = claims_fts.rowid "
            "where claims_fts match ? limit ?"
        )
        match = rows.every_word(words)
    else:
        sql = (
            "select c.id from claims_fts join claims c on c.rowid = claims_fts.rowid "
            "where claims_fts match ? order by bm25(claims_fts) limit ?"
        )
        match = rows.any_word(words)
    return [row[0] for row in db.execute(sql, (match, limit))]


def context(
    db: Database, claims: Iterable[Claim], extra: Iterable[str] = ()
) -> tuple[dict[str, Document], dict[str, Source]]:
    """The documents (without text) and canonical sources a set of claims needs to be shown, by id,
    with the sources ``extra`` names."""
    claim_list = list(claims)
    document_ids = sorted({claim.document for claim in claim_list})
    documents: dict[str, Document] = {}
    for part in rows.chunks(document_ids):
        for document in rows.documents(db, f"where d.id in ({rows.marks(part)})", part, with_text=False):
            documents[document.id] = document
    wanted = {hop.source for claim in claim_list for hop in claim.chain}
    wanted |= {d.outlet for d in documents.values() if d.outlet} | set(extra)
    return documents, rows.sources(db, wanted)


_STATS = """
with
  appearances(source, claim, document, outlet, published, position) as (
    select s.canonical, h.claim, h.document, h.outlet, h.published_utc, min(h.position) from hops h
    join sources s on s.id = h.source group by s.canonical, h.claim
  ),
  per_claim(claim, attributions, anonymous) as (
    select h.claim, sum(h.position > 0), sum(h.position > 0 and s.kind = 'anonymous')
    from hops h join sources s on s.id = h.source group by h.claim
  ),
  seen(source, document, published) as (
    select source, document, published from appearances
    union
    select o.canonical, d.id, d.published_utc from documents d join sources o on o.id = d.outlet
  ),
  dates(source, documents, first_seen, last_seen) as (
    select source, count(*), min(published), max(published) from seen group by source
  ),
  cited(source, claims, outlets) as (
    select a.source, count(distinct a.claim),
           count(distinct case when o.canonical != a.source then o.canonical end)
    from appearances a left join sources o on o.id = a.outlet where a.position > 0 group by a.source
  ),
  anonymity(source, attributions, anonymous) as (
    select a.source, sum(p.attributions), sum(p.anonymous) from appearances a
    join per_claim p on p.claim = a.claim group by a.source
  ),
  published(source, documents) as (
    select o.canonical, count(*) from documents d join sources o on o.id = d.outlet group by o.canonical
  )
select dates.source, coalesce(cited.claims, 0), dates.documents, coalesce(published.documents, 0),
       coalesce(cited.outlets, 0), dates.first_seen, dates.last_seen,
       coalesce(anonymity.anonymous * 1.0 / nullif(anonymity.attributions, 0), 0.0)
from dates
left join cited on cited.source = dates.source
left join anonymity on anonymity.source = dates.source
left join published on published.source = dates.source
join sources root on root.id = dates.source
where :anonymous or root.kind != 'anonymous'
order by coalesce(cited.claims, 0) desc, dates.documents desc, root.name
"""


def source_stats(db: Database, include_anonymous: bool) -> list[SourceStats]:
    """One `SourceStats` per canonical source that any document names."""
    found = db.execute(_STATS, {"anonymous": include_anonymous}).fetchall()
    sources = rows.sources(db, [row[0] for row in found])
    members: dict[str, list[str]] = {}
    for member, canonical in db.execute(
        "select id, canonical from sources where id != canonical order by rowid"
    ):
        members.setdefault(canonical, []).append(member)
    return [
        SourceStats(
            source=sources[row[0]],
            claims=row[1],
            documents=row[2],
            published=row[3],
            outlets=row[4],
            first_seen=rows.parse_datetime(row[5]),
            last_seen=rows.parse_datetime(row[6]),
            anonymous_share=row[7],
            members=tuple(members.get(row[0], ())),
        )
        for row in found
    ]


__all__ = [
    "claims_with_words",
    "context",
    "search",
    "source_stats",
    "trace",
]
