"""Questions asked of the whole database: full-text search, tracing a source, per-source figures,
the documents listing, claims by their words, and whether an input is stored already."""

from __future__ import annotations

import heapq
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager, nullcontext
from datetime import UTC, date, datetime, time, timedelta
from typing import NamedTuple

from sqlite_utils import Database

from ..errors import InputError
from ..model import Claim, Document, Graph, Source, SourceKind
from . import fulltext, rows
from .results import Ambiguity, DocumentList, DocumentSummary, SearchHit, SourceStats, Trace, TracedClaim

MAX_CITATION_DEPTH = 4
"""How many cited documents deep `trace` follows "A cites B, which cites the source"."""


class _Resting(NamedTuple):
    """A claim that rests on a traced source, and how: a ``hops`` row as `trace` reads it."""

    claim: str
    """The claim's id."""
    document: str
    """The claim's document."""
    via: str | None
    """The cited document it rests through; None when its own chain names the source."""
    outlet: str | None
    """The stored row of its document's outlet."""
    published: str
    """Its document's UTC publication time, "" when undated."""


def search(db: Database, text: str, limit: int, marks: tuple[str, str]) -> list[SearchHit]:
    """Claims matching what a person typed (`fulltext.to_match`), best first."""
    with _full_text(text) as match:
        found = rows.named(
            db,
            "select c.id, snippet(claims_fts, 0, ?, ?, '…', 16) as snippet, bm25(claims_fts) as score "
            "from claims_fts join claims c on c.rowid = claims_fts.rowid where claims_fts match ? "
            "order by bm25(claims_fts) limit ?",
            (marks[0], marks[1], match, limit),
        ).fetchall()
    claims = {claim.id: claim for claim in rows.claims_where(db, claim_ids=[row["id"] for row in found])}
    documents, sources = context(db, claims.values())
    hits = []
    for row in found:
        claim = claims[row["id"]]
        chain = tuple(sources[hop.source] for hop in claim.chain)
        hits.append(SearchHit(claim, row["snippet"], row["score"], documents[claim.document], chain))
    return hits


def search_total(db: Database, text: str) -> int:
    """How many claims match what a person typed, however many `search` shows."""
    with _full_text(text) as match:
        found = rows.named(db, "select count(*) as n from claims_fts where claims_fts match ?", (match,))
        return int(found.fetchone()["n"])


@contextmanager
def _full_text(text: str) -> Iterator[str]:
    """Run a full-text query for what a person typed, given as FTS5 (`fulltext.to_match`):
    `InputError` for one with no word in it, or one SQLite still cannot parse."""
    if not text.strip():
        raise InputError("the search query is empty")
    match = fulltext.to_match(text)
    if match is None:
        raise InputError(f"cannot search for {text!r} (no word in it); {_SYNTAX}")
    try:
        yield match
    except sqlite3.OperationalError as error:
        message = str(error)
        # Busy, locked, I/O and full-disk errors have codes of their own; the code decides, for the
        # message quotes the query ("no such column: busy" is the query's fault).
        if error.sqlite_errorcode == sqlite3.SQLITE_ERROR and "no such table" not in message:
            raise InputError(f"cannot search for {text!r} ({message}); {_SYNTAX}") from None
        raise


_SYNTAX = 'words are ANDed, use OR, NOT, "quoted phrases" and prefix*'


def documents(
    db: Database,
    *,
    outlet: str | None = None,
    since: date | None = None,
    until: date | None = None,
    search: str | None = None,
    limit: int | None = None,
) -> DocumentList:
    """Stored documents, newest first (undated last), with their claim and finding counts.

    ``outlet`` is a canonical source id; ``since`` and ``until`` are UTC days, both included, and
    leave undated documents out; ``search`` keeps documents with a claim matching the full-text
    query, or whose title contains it.
    """
    where = "where 1"  # then conditions with placeholders only; the values go in params
    params: dict[str, object] = {}
    if outlet is not None:
        where += " and o.canonical = :outlet"
        params["outlet"] = outlet
    if since is not None:
        where += " and d.published_utc >= :since"
        params["since"] = _day_start(since)
    if until is not None:
        where += " and d.published_utc < :until"
        params["until"] = _day_start(until + timedelta(days=1))
    if search is not None:
        where += (
            " and (d.id in (select c.document from claims_fts join claims c on c.rowid = claims_fts.rowid "
            "where claims_fts match :search) or d.title like :title escape '\\')"
        )
        escaped = search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        # What a person typed, as FTS5 takes it; one with no word is refused by _full_text below.
        params |= {"search": fulltext.to_match(search) or "", "title": f"%{escaped}%"}
    params["limit"] = -1 if limit is None else limit
    with _full_text(search) if search is not None else nullcontext():
        total = rows.named(
            db,
            f"select count(*) as n from documents d left join sources o on o.id = d.outlet {where}",
            params,
        ).fetchone()["n"]
        found = rows.named(
            db,
            "select d.id, d.outlet_id, root.name as outlet, d.title, d.url, d.published, "
            "(select count(*) from claims c where c.document = d.id) as claims, "
            "(select count(*) from findings f where f.document = d.id) as findings "
            "from (select d.rowid as number, d.id, o.canonical as outlet_id, d.title, d.url, d.published, "
            f"d.published_utc from documents d left join sources o on o.id = d.outlet {where} "
            f"order by {_NEWEST_FIRST.format(number='d.rowid')} limit :limit) d "
            "left join sources root on root.id = d.outlet_id "
            f"order by {_NEWEST_FIRST.format(number='number')}",
            params,
        ).fetchall()
    summaries = tuple(
        DocumentSummary(
            id=row["id"],
            outlet=row["outlet"],
            outlet_id=row["outlet_id"],
            published=rows.parse_datetime(row["published"]),
            title=row["title"],
            url=row["url"],
            claims=row["claims"],
            findings=row["findings"],
        )
        for row in found
    )
    return DocumentList(summaries, total)


_NEWEST_FIRST = "d.published_utc is null, d.published_utc desc, {number}"
"""Documents newest first, undated last, then in ingest order (``number`` is the rowid's name)."""


def _day_start(day: date) -> str:
    """The first instant of a UTC day as the store writes ``published_utc``."""
    return rows.to_utc(datetime.combine(day, time(), tzinfo=UTC)) or ""


def trace(db: Database, roots: Sequence[str], shown: Source, limit: int) -> Trace:
    """Everything resting on the canonical sources ``roots`` (one group, or one article's own party
    in each of several articles), shown as ``shown``.

    Reads the ``hops`` index by source, then follows citing articles breadth-first; done in Python
    over plain index lookups so that the time does not hang on the query planner's statistics.
    """
    resting = _resting(db, roots)
    wanted = set(roots)
    outlet_rows = sorted({how.outlet for how in resting.values() if how.outlet})
    outlet_ids = sorted(
        {
            row["canonical"]
            for part in rows.chunks(outlet_rows)
            for row in rows.named(
                db, f"select distinct canonical from sources where id in ({rows.marks(part)})", part
            )
        }
    )
    newest = heapq.nlargest(limit, resting.items(), key=lambda item: (item[1].published, item[0]))
    claims = {claim.id: claim for claim in rows.claims_where(db, claim_ids=[claim for claim, _ in newest])}
    found, sources = context(db, claims.values(), extra=outlet_ids)
    traced = []
    for claim_id, how in newest:
        claim = claims[claim_id]
        path = tuple(sources[source_id] for source_id in _path(claim, wanted, how.via))
        traced.append(TracedClaim(claim, found[claim.document], path, how.via))
    return Trace(
        source=shown,
        claims=tuple(traced),
        total_claims=len(resting),
        total_documents=len({how.document for how in resting.values()}),
        outlets=tuple(sorted((sources[o] for o in outlet_ids), key=lambda s: s.name.lower())),
    )


def trace_graph(db: Database, root: str) -> Graph:
    """The trace of the canonical source ``root`` as a graph: every claim resting on it, directly or
    through cited documents, the documents carrying them (with their text) and the sources their
    chains name; no findings."""
    resting = _resting(db, [root])
    published = {how.document: how.published for how in resting.values()}
    claims = rows.claims_where(db, claim_ids=sorted(resting))  # by document, then in text order
    documents: list[Document] = []
    for part in rows.chunks(sorted(published)):
        documents += rows.documents_where(db, f"where d.id in ({rows.marks(part)})", part)
    documents.sort(key=lambda document: (not published[document.id], published[document.id], document.id))
    order = {document.id: number for number, document in enumerate(documents)}
    claims.sort(key=lambda claim: order[claim.document])  # stable: text order within a document
    wanted = {hop.source for claim in claims for hop in claim.chain} | {root}
    wanted |= {document.outlet for document in documents if document.outlet}
    return Graph(tuple(documents), tuple(rows.sources(db, wanted).values()), tuple(claims))


def _resting(db: Database, roots: Sequence[str]) -> dict[str, _Resting]:
    """Each claim resting on the canonical sources ``roots``, and how: the ``hops`` index by source,
    then the articles citing them."""
    members = [
        row["id"]
        for part in rows.chunks(list(roots))
        for row in rows.named(db, f"select id from sources where canonical in ({rows.marks(part)})", part)
    ]
    resting: dict[str, _Resting] = {}
    for part in rows.chunks(members):
        for how in rows.records(
            db,
            _Resting._make,
            "select claim, document, null as via, outlet, coalesce(published_utc, '') as published "
            f"from hops where source in ({rows.marks(part)})",
            part,
        ):
            resting.setdefault(how.claim, how)
    if db.execute("select 1 from hops where cites is not null limit 1").fetchone():
        _follow_citations(db, resting)
    return resting


def _follow_citations(db: Database, resting: dict[str, _Resting]) -> None:
    """Add the claims whose hops cite a document already resting on the source, a few levels deep."""
    frontier = {how.document for how in resting.values()}
    seen = set(frontier)
    for _ in range(MAX_CITATION_DEPTH):
        reached: set[str] = set()
        for part in rows.chunks(sorted(frontier)):
            for how in rows.records(
                db,
                _Resting._make,
                "select claim, document, cites as via, outlet, coalesce(published_utc, '') as published "
                f"from hops where cites in ({rows.marks(part)})",
                part,
            ):
                resting.setdefault(how.claim, how)
                if how.document not in seen:
                    seen.add(how.document)
                    reached.add(how.document)
        if not reached:
            return
        frontier = reached


def _path(claim: Claim, roots: set[str], via: str | None) -> list[str]:
    """The chain's source ids down to the hop naming one of ``roots`` (or citing ``via``)."""
    path = []
    for hop in claim.chain:
        path.append(hop.source)
        if hop.source in roots if via is None else hop.document == via:
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
    return [row["id"] for row in rows.named(db, sql, (match, limit))]


def context(
    db: Database, claims: Iterable[Claim], extra: Iterable[str] = ()
) -> tuple[dict[str, Document], dict[str, Source]]:
    """The documents (without text) and canonical sources a set of claims needs to be shown, by id,
    with the sources ``extra`` names."""
    claim_list = list(claims)
    documents = rows.documents_by_id(db, (claim.document for claim in claim_list))
    wanted = {hop.source for claim in claim_list for hop in claim.chain}
    wanted |= {d.outlet for d in documents.values() if d.outlet} | set(extra)
    return documents, rows.sources(db, wanted)


# Each claim's attributions are carried into its appearances (hops scanned in claim order, per_claim
# read beside them), so the anonymous share needs no join of a million appearances back to claims.
_STATS = """
with
  per_claim(claim, attributions, anonymous) as (
    select h.claim, sum(h.position > 0), sum(h.position > 0 and s.kind = 'anonymous')
    from hops h join sources s on s.id = h.source group by h.claim
  ),
  appearances(source, claim, document, outlet, published, position, attributions, anonymous) as (
    select s.canonical, h.claim, h.document, h.outlet, h.published_utc, min(h.position),
           p.attributions, p.anonymous
    from per_claim p join hops h on h.claim = p.claim join sources s on s.id = h.source
    group by s.canonical, h.claim
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
    select source, sum(attributions), sum(anonymous) from appearances group by source
  ),
  published(source, documents) as (
    select o.canonical, count(*) from documents d join sources o on o.id = d.outlet group by o.canonical
  )
select dates.source, root.document, coalesce(cited.claims, 0) as claims, dates.documents,
       coalesce(published.documents, 0) as published, coalesce(cited.outlets, 0) as outlets,
       dates.first_seen, dates.last_seen,
       coalesce(anonymity.anonymous * 1.0 / nullif(anonymity.attributions, 0), 0.0) as anonymous_share
from dates
left join cited on cited.source = dates.source
left join anonymity on anonymity.source = dates.source
left join published on published.source = dates.source
join sources root on root.id = dates.source
where :scoped or root.document is null
order by coalesce(cited.claims, 0) desc, dates.documents desc, root.name
"""


def source_stats(db: Database, include_scoped: bool) -> list[SourceStats]:
    """One `SourceStats` per canonical source shared across documents; with ``include_scoped``, also
    one per name of the parties that belong to one article each (anonymous sources, pronouns,
    descriptions), adding up their articles, as `trace` follows them by that name."""
    found = rows.named(db, _STATS, {"scoped": include_scoped}).fetchall()
    sources = rows.sources(db, [row["source"] for row in found])
    members: dict[str, list[str]] = {}
    for row in rows.named(db, "select id, canonical from sources where id != canonical order by rowid"):
        members.setdefault(row["canonical"], []).append(row["id"])
    shared: list[SourceStats] = []
    scoped: dict[str, list[SourceStats]] = {}
    for row in found:
        stats = SourceStats(
            source=sources[row["source"]],
            claims=row["claims"],
            documents=row["documents"],
            published=row["published"],
            outlets=row["outlets"],
            first_seen=rows.parse_datetime(row["first_seen"]),
            last_seen=rows.parse_datetime(row["last_seen"]),
            anonymous_share=row["anonymous_share"],
            members=tuple(members.get(row["source"], ())),
        )
        if row["document"] is None:
            shared.append(stats)
        else:
            scoped.setdefault(" ".join(stats.source.name.casefold().split()), []).append(stats)
    gathered = [_gathered(lines) for lines in scoped.values()]
    return sorted(
        [*shared, *gathered], key=lambda line: (-line.claims, -line.documents, line.source.name.casefold())
    )


def _gathered(lines: Sequence[SourceStats]) -> SourceStats:
    """The lines of one name's per-article parties as one line."""
    first = lines[0]
    seen = [moment for line in lines for moment in (line.first_seen, line.last_seen) if moment]
    attributions = sum(line.claims for line in lines) or 1
    return SourceStats(
        source=first.source,
        claims=sum(line.claims for line in lines),
        documents=sum(line.documents for line in lines),
        published=0,
        outlets=sum(line.outlets for line in lines),
        first_seen=min(seen, key=_instant) if seen else None,
        last_seen=max(seen, key=_instant) if seen else None,
        anonymous_share=sum(line.anonymous_share * line.claims for line in lines) / attributions,
        articles=len(lines),
    )


def _instant(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def ambiguous_surnames(db: Database) -> list[Ambiguity]:
    """Bare surnames ("Keller") stored while two or more people of that surname are named in full
    ("Maria Keller", "Tom Keller"): a person should merge each with the right one, or split it."""
    families: dict[str, set[str]] = {}
    for row in rows.named(
        db,
        "select substr(a.key, 3) as family, s.canonical from source_aliases a "
        "join sources s on s.id = a.source where a.key like 's:%'",
    ):
        families.setdefault(row["family"], set()).add(row["canonical"])
    found: list[Ambiguity] = []
    for family, people in sorted(families.items()):
        if len(people) < 2:
            continue
        bare = rows.named(
            db,
            "select s.id, s.name, s.kind, s.canonical, count(distinct h.document) as documents "
            "from source_aliases a "
            "join sources s on s.id = a.source left join hops h on h.source = s.id "
            "where a.key = ? group by s.id order by s.rowid",
            ("b:" + family,),
        ).fetchall()
        if not bare:
            continue
        named = rows.sources(db, people)
        candidates = tuple(sorted((named[person] for person in people), key=lambda s: s.name))
        for row in bare:
            joined = named[row["canonical"]] if row["canonical"] in people else None
            source = Source(row["id"], row["name"], SourceKind(row["kind"]))
            found.append(Ambiguity(source, row["documents"], candidates, joined))
    return found


def is_current(db: Database, document: str, input_hash: str) -> bool:
    """Whether ``document`` is stored, analysed from input with this hash."""
    found = db.execute("select 1 from documents where id = ? and input_hash = ?", (document, input_hash))
    return found.fetchone() is not None


def has_input(db: Database, input_hash: str) -> bool:
    """Whether some stored document was analysed from input with this hash."""
    return db.execute("select 1 from documents where input_hash = ?", (input_hash,)).fetchone() is not None


__all__ = [
    "ambiguous_surnames",
    "claims_with_words",
    "context",
    "has_input",
    "is_current",
    "search",
    "source_stats",
    "trace",
]
