"""Database rows back into model values, read by column name, with merged sources shown as one
canonical source."""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import UTC, date, datetime
from typing import Any, NamedTuple, TypeVar

from sqlite_utils import Database

from ..model import Claim, ClaimKind, Document, Finding, Graph, Hop, Severity, Source, SourceKind, Span

CHUNK = 500
"""Parameters per ``IN (...)`` list, well under SQLite's limit."""

T = TypeVar("T")

Row = sqlite3.Row
"""A row read by column name (``row["id"]``); also by position, for one-column reads."""


def named(db: Database, sql: str, params: Sequence[object] | Mapping[str, object] = ()) -> sqlite3.Cursor:
    """A query whose rows come back as `Row`s, read by column name rather than by position."""
    cursor = db.conn.cursor()
    cursor.row_factory = sqlite3.Row
    return cursor.execute(sql, params)


def records(
    db: Database, record: Callable[[Sequence[Any]], T], sql: str, params: Sequence[object] = ()
) -> Iterator[T]:
    """A query whose rows come back as small records (a NamedTuple's ``_make``), its columns in the
    record's order: cheaper than `named` where a loop reads many rows."""
    cursor = db.conn.cursor()
    cursor.row_factory = lambda _, row: record(row)
    return cursor.execute(sql, params)


def chunks(values: Sequence[str], size: int = CHUNK) -> Iterator[Sequence[str]]:
    """``values`` in slices small enough for one ``IN (...)`` list."""
    for start in range(0, len(values), size):
        yield values[start : start + size]


def marks(values: Sequence[object]) -> str:
    """``?, ?, ?`` for an ``IN (...)`` list."""
    return ", ".join("?" * len(values))


def any_word(words: Iterable[str]) -> str:
    """A full-text query for rows with any of these words, each quoted so FTS takes it literally."""
    return " OR ".join(_quoted(word) for word in words)


def every_word(words: Iterable[str]) -> str:
    """A full-text query for rows with every one of these words."""
    return " ".join(_quoted(word) for word in words)


def _quoted(word: str) -> str:
    # A NUL would end the query inside SQLite; no stored text holds one.
    return '"' + word.replace('"', '""').replace("\x00", " ") + '"'


def span(start: int | None, end: int | None) -> Span | None:
    """A span from two nullable columns."""
    return None if start is None or end is None else (start, end)


def to_utc(value: datetime | None) -> str | None:
    """A sortable UTC timestamp; naive times are taken as UTC. A time whose UTC instant falls
    outside years 1-9999 (year 1 east of Greenwich) sorts as the first or last instant there is."""
    if value is None:
        return None
    aware = value if value.tzinfo else value.replace(tzinfo=UTC)
    try:
        return aware.astimezone(UTC).isoformat()
    except OverflowError:
        edge = datetime.min if aware.year == 1 else datetime.max
        return edge.replace(tzinfo=UTC).isoformat()


def parse_datetime(value: str | None) -> datetime | None:
    """A stored ISO timestamp back to a datetime."""
    return datetime.fromisoformat(value) if value else None


def graph(
    db: Database, document: str | None = None, *, with_text: bool = True, with_findings: bool = True
) -> Graph | None:
    """Everything stored, or one document (None when it is not stored), as a graph over canonical
    sources: every source a document, claim or finding names, and no other. Without findings when
    they are to be resolved anew (a whole database's stored findings are as many as its claims)."""
    if document is None:
        documents = documents_where(db, with_text=with_text)
        claims = claims_where(db)
        found = findings(db) if with_findings else []
    else:
        documents = documents_where(db, "where d.id = ?", (document,), with_text=with_text)
        if not documents:
            return None
        claims = claims_where(db, document_ids=[document])
        found = findings(db, "where f.document = ?", (document,)) if with_findings else []
    used = {d.outlet for d in documents if d.outlet}
    used |= {hop.source for claim in claims for hop in claim.chain}
    used |= {finding.source for finding in found if finding.source}
    if document is None:
        named_sources = [source for source in sources(db).values() if source.id in used]
    else:
        canonical = sources(db, used)
        named_sources = [canonical[s] for s in sorted(used) if s in canonical]
    return Graph(tuple(documents), tuple(named_sources), tuple(claims), tuple(found))


def _document(row: Row, *, with_text: bool, authors: tuple[str, ...] = ()) -> Document:
    return Document(
        id=row["id"],
        outlet=row["outlet"],
        title=row["title"],
        authors=authors,
        url=row["url"],
        published=parse_datetime(row["published"]),
        language=row["language"],
        text=row["text"] if with_text else "",
    )


def documents_where(
    db: Database, where: str = "", params: Sequence[object] = (), *, with_text: bool = True
) -> list[Document]:
    """Documents in ingest order, outlets named by canonical id (``d`` is the documents table)."""
    columns = "d.text" if with_text else "'' as text"
    authors: dict[str, list[str]] = defaultdict(list)
    for row in named(
        db,
        f"select a.document, a.name from document_authors a join documents d on d.id = a.document "
        f"{where} order by a.document, a.position",
        params,
    ):
        authors[row["document"]].append(row["name"])
    return [
        _document(row, with_text=with_text, authors=tuple(authors.get(row["id"], ())))
        for row in named(
            db,
            f"select d.id, o.canonical as outlet, d.title, d.url, d.published, d.language, {columns} "
            f"from documents d left join sources o on o.id = d.outlet {where} order by d.rowid",
            params,
        )
    ]


def documents_by_id(db: Database, document_ids: Iterable[str]) -> dict[str, Document]:
    """These documents (without text) by id; unknown ids are left out."""
    found: dict[str, Document] = {}
    for part in chunks(sorted(set(document_ids))):
        for document in documents_where(db, f"where d.id in ({marks(part)})", part, with_text=False):
            found[document.id] = document
    return found


def claims_where(
    db: Database, claim_ids: Sequence[str] | None = None, document_ids: Sequence[str] | None = None
) -> list[Claim]:
    """Claims with their chains, by claim id, by document, or all; chains name canonical sources."""
    found: list[Claim] = []
    if claim_ids is not None:
        for part in chunks(claim_ids):
            found.extend(_claims(db, f"where c.id in ({marks(part)})", part))
    elif document_ids is not None:
        for part in chunks(document_ids):
            found.extend(_claims(db, f"where c.document in ({marks(part)})", part))
    else:
        found.extend(_claims(db, "", ()))
    return found


def _claims(db: Database, where: str, params: Sequence[object]) -> list[Claim]:
    """One pass over claims joined to their hops, in document then text order: no row is kept once
    its claim is built, and the strings a corpus repeats (source ids, cues, document ids) are
    held once, so that a million claims fit in memory. Rows are plain tuples, read by position
    (`_ClaimHop`), for speed."""
    claims: list[Claim] = []
    shared: dict[str, str] = {}
    current: _ClaimHop | None = None
    chain: list[Hop] = []
    for row in records(
        db,
        _ClaimHop._make,
        "select c.id, c.document, c.text, c.span_start, c.span_end, c.kind, c.date, s.canonical, "
        "h.cue, h.cue_start, h.cue_end, h.mention, h.mention_start, h.mention_end, h.cites from claims c "
        "left join hops h on h.claim = c.id left join sources s on s.id = h.source "
        f"{where} order by c.document, c.ordinal, h.position",
        params,
    ):
        if current is None or row.id != current.id:
            if current is not None:
                claims.append(_claim(current, chain, shared))
            current, chain = row, []
        if row.source is not None:
            chain.append(
                Hop(
                    source=shared.setdefault(row.source, row.source),
                    cue=_once(shared, row.cue),
                    cue_span=span(row.cue_start, row.cue_end),
                    mention=row.mention,
                    mention_span=span(row.mention_start, row.mention_end),
                    document=_once(shared, row.cites),
                )
            )
    if current is not None:
        claims.append(_claim(current, chain, shared))
    return claims


class _ClaimHop(NamedTuple):
    """A claim joined to one of its hops, as `_claims` reads them."""

    id: str
    document: str
    text: str
    span_start: int | None
    span_end: int | None
    kind: str
    date: str | None
    source: str | None
    cue: str | None
    cue_start: int | None
    cue_end: int | None
    mention: str | None
    mention_start: int | None
    mention_end: int | None
    cites: str | None


_KINDS = {kind.value: kind for kind in ClaimKind}


def _claim(row: _ClaimHop, chain: list[Hop], shared: dict[str, str]) -> Claim:
    return Claim(
        id=row.id,
        document=shared.setdefault(row.document, row.document),
        text=row.text,
        span=span(row.span_start, row.span_end),
        kind=_KINDS.get(row.kind) or ClaimKind(row.kind),
        date=date.fromisoformat(row.date) if row.date else None,
        chain=tuple(chain),
    )


def _once(shared: dict[str, str], value: str | None) -> str | None:
    """The one copy of a string read before, so that a corpus's repeats cost no memory."""
    return None if value is None else shared.setdefault(value, value)


def findings(db: Database, where: str = "", params: Sequence[object] = ()) -> list[Finding]:
    """Findings in the order stored (``f`` is the findings table), sources named by canonical id."""
    return [
        Finding(
            rule=row["rule"],
            severity=Severity(row["severity"]),
            message=row["message"],
            claim=row["claim"],
            source=row["source"],
            span=span(row["span_start"], row["span_end"]),
        )
        for row in named(
            db,
            "select f.rule, f.severity, f.message, f.claim, s.canonical as source, f.span_start, "
            f"f.span_end from findings f left join sources s on s.id = f.source {where} order by f.rowid",
            params,
        )
    ]


def sources(db: Database, canonical_ids: Iterable[str] | None = None) -> dict[str, Source]:
    """Canonical sources by id, each with every name and alias of the sources merged into it."""
    if canonical_ids is None:
        members = named(db, _SOURCES.format(where="")).fetchall()
        aliases = named(db, _ALIASES.format(where="")).fetchall()
    else:
        wanted = sorted(set(canonical_ids))
        members, aliases = [], []
        for part in chunks(wanted):
            where = f"where s.canonical in ({marks(part)})"
            members.extend(named(db, _SOURCES.format(where=where), part))
            aliases.extend(named(db, _ALIASES.format(where=where), part))
    return group(members, aliases)


_SOURCES = (
    "select s.id, s.name, s.kind, s.description, s.canonical from sources s {where} "
    "order by s.canonical, s.id != s.canonical, s.rowid"
)
_ALIASES = (
    "select s.canonical, a.alias from source_aliases a join sources s on s.id = a.source "
    "{where} order by s.canonical, a.rowid"
)


def group(members: Iterable[Row], aliases: Iterable[Row]) -> dict[str, Source]:
    """Fold member rows (root first) and alias rows into one `Source` per canonical id."""
    by_group: dict[str, list[Row]] = defaultdict(list)
    for row in members:
        by_group[row["canonical"]].append(row)
    names: dict[str, list[str]] = defaultdict(list)
    for row in aliases:
        names[row["canonical"]].append(row["alias"])
    found: dict[str, Source] = {}
    for canonical, rows in by_group.items():
        root = rows[0]
        kinds = [SourceKind(row["kind"]) for row in rows]
        kind = next((k for k in kinds if k is not SourceKind.UNKNOWN), SourceKind.UNKNOWN)
        description = root["description"] or next(
            (row["description"] for row in rows if row["description"]), None
        )
        every = [row["name"] for row in rows[1:]] + names.get(canonical, [])
        alias_names = tuple(dict.fromkeys(name for name in every if name != root["name"]))
        found[canonical] = Source(canonical, root["name"], kind, alias_names, description)
    return found
