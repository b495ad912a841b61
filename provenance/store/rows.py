"""Database rows back into model values, with merged sources shown as one canonical source."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, date, datetime
from typing import Any

from sqlite_utils import Database

from ..model import Claim, ClaimKind, Document, Hop, Source, SourceKind, Span

CHUNK = 500
"""Parameters per ``IN (...)`` list, well under SQLite's limit."""


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
    return '"' + word.replace('"', '""') + '"'


def span(start: int | None, end: int | None) -> Span | None:
    """A span from two nullable columns."""
    return None if start is None or end is None else (start, end)


def to_utc(value: datetime | None) -> str | None:
    """A sortable UTC timestamp; naive times are taken as UTC."""
    if value is None:
        return None
    aware = value if value.tzinfo else value.replace(tzinfo=UTC)
    return aware.astimezone(UTC).isoformat()


def parse_datetime(value: str | None) -> datetime | None:
    """A stored ISO timestamp back to a datetime."""
    return datetime.fromisoformat(value) if value else None


def document(row: Any, *, with_text: bool = True) -> Document:
    """A `Document` from a ``documents`` row (id, outlet canonical, title, url, published, language,
    text)."""
    return Document(
        id=row[0],
        outlet=row[1],
        title=row[2],
        url=row[3],
        published=parse_datetime(row[4]),
        language=row[5],
        text=row[6] if with_text else "",
    )


DOCUMENT_COLUMNS = (
    "d.id, o.canonical, d.title, d.url, d.published, d.language, {text} "
    "from documents d left join sources o on o.id = d.outlet"
)


def documents(
    db: Database, where: str = "", params: Sequence[object] = (), *, with_text: bool = True
) -> list[Document]:
    """Documents in ingest order, outlets named by canonical id."""
    columns = DOCUMENT_COLUMNS.format(text="d.text" if with_text else "''")
    rows = db.execute(f"select {columns} {where} order by d.rowid", params).fetchall()
    return [document(row, with_text=with_text) for row in rows]


def claims(
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
    rows = db.execute(
        "select c.id, c.document, c.text, c.span_start, c.span_end, c.kind, c.date from claims c "
        f"{where} order by c.document, c.ordinal",
        params,
    ).fetchall()
    if not rows:
        return []
    chains: dict[str, list[Hop]] = defaultdict(list)
    hop_where = where.replace("c.id", "h.claim").replace("c.document", "c.document")
    for hop in db.execute(
        "select h.claim, s.canonical, h.cue, h.cue_start, h.cue_end, h.mention, h.mention_start, "
        "h.mention_end, h.cites from hops h join claims c on c.id = h.claim "
        f"join sources s on s.id = h.source {hop_where} order by h.claim, h.position",
        params,
    ):
        chains[hop[0]].append(
            Hop(
                source=hop[1],
                cue=hop[2],
                cue_span=span(hop[3], hop[4]),
                mention=hop[5],
                mention_span=span(hop[6], hop[7]),
                document=hop[8],
            )
        )
    return [
        Claim(
            id=row[0],
            document=row[1],
            text=row[2],
            span=span(row[3], row[4]),
            kind=ClaimKind(row[5]),
            date=date.fromisoformat(row[6]) if row[6] else None,
            chain=tuple(chains.get(row[0], ())),
        )
        for row in rows
    ]


def sources(db: Database, canonical_ids: Iterable[str] | None = None) -> dict[str, Source]:
    """Canonical sources by id, each with every name and alias of the sources merged into it."""
    if canonical_ids is None:
        rows = db.execute(_SOURCES.format(where="")).fetchall()
        aliases = db.execute(_ALIASES.format(where="")).fetchall()
    else:
        wanted = sorted(set(canonical_ids))
        rows, aliases = [], []
        for part in chunks(wanted):
            where = f"where s.canonical in ({marks(part)})"
            rows.extend(db.execute(_SOURCES.format(where=where), part).fetchall())
            aliases.extend(db.execute(_ALIASES.format(where=where), part).fetchall())
    return group(rows, aliases)


_SOURCES = (
    "select s.id, s.name, s.kind, s.description, s.canonical from sources s {where} "
    "order by s.canonical, s.id != s.canonical, s.rowid"
)
_ALIASES = (
    "select s.canonical, a.alias from source_aliases a join sources s on s.id = a.source "
    "{where} order by s.canonical, a.rowid"
)


def group(rows: Iterable[Any], aliases: Iterable[Any]) -> dict[str, Source]:
    """Fold member rows (root first) and alias rows into one `Source` per canonical id."""
    members: dict[str, list[Any]] = defaultdict(list)
    for row in rows:
        members[row[4]].append(row)
    names: dict[str, list[str]] = defaultdict(list)
    for canonical, alias in aliases:
        names[canonical].append(alias)
    found: dict[str, Source] = {}
    for canonical, group_rows in members.items():
        root = group_rows[0]
        kinds = [SourceKind(row[2]) for row in group_rows]
        kind = next((k for k in kinds if k is not SourceKind.UNKNOWN), SourceKind.UNKNOWN)
        description = root[3] or next((row[3] for row in group_rows if row[3]), None)
        every = [row[1] for row in group_rows[1:]] + names.get(canonical, [])
        alias_names = tuple(dict.fromkeys(name for name in every if name != root[1]))
        found[canonical] = Source(canonical, root[1], kind, alias_names, description)
    return found
