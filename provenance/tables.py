"""The canonical model as tables: one row per document, source, claim, hop and finding, and back.

The one mapping between graphs and rows. A row carries the same ids as the graph (document ids,
claim ids, source slugs), so a table written anywhere joins with the store and with `extract` output.
Pure Python: no database, no file format; `provenance.scale.parquet` writes these rows as they are.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from datetime import UTC, datetime
from typing import Any, Literal

from attrs import frozen

from .model import Claim, ClaimKind, Document, Finding, Graph, Hop, Severity, Source, SourceKind, Span

ColumnType = Literal["string", "integer", "date", "timestamp", "strings"]
"""A column's type: text, a 64-bit integer, a calendar date, a UTC instant, a list of texts."""

Row = dict[str, Any]
"""One row: column name to value (None for a missing one)."""


@frozen
class Column:
    """One column of a table, documented where it is defined."""

    name: str
    """The column's name, equal to the store's column of the same meaning."""
    type: ColumnType
    """What its values are."""
    required: bool
    """False when the column may hold nulls."""
    doc: str
    """What it holds, for the schema document."""


def _column(name: str, type: ColumnType, doc: str, *, required: bool = False) -> Column:
    return Column(name, type, required, doc)


TABLES: Mapping[str, tuple[Column, ...]] = {
    "documents": (
        _column("id", "string", "The document id (`Document.id`)", required=True),
        _column("outlet", "string", "Id of the publishing outlet's source row, if known"),
        _column("title", "string", "Headline"),
        _column("authors", "strings", "Who wrote it, as its byline or metadata names them", required=True),
        _column("url", "string", "Where the article was published"),
        _column("published", "string", "Publication time as given, ISO 8601 with its own offset"),
        _column("published_utc", "timestamp", "The same instant in UTC (naive times taken as UTC)"),
        _column("language", "string", "ISO 639-1 code of the text's language"),
        _column("text", "string", "Body text exactly as read; every span indexes into it", required=True),
        _column("input", "string", 'Where it was read: "file", or "corpus.jsonl:12" for a corpus line'),
        _column(
            "input_hash",
            "string",
            "Hash of the input's bytes and the provenance version; the store skips an input it has",
        ),
    ),
    "sources": (
        _column("document", "string", "The document whose graph names the source", required=True),
        _column("id", "string", "The source id (slug of its name), as in the graph", required=True),
        _column("name", "string", "Display name", required=True),
        _column("kind", "string", "outlet, person, organization, government, ...", required=True),
        _column("aliases", "strings", "Other names for the same source in this document", required=True),
        _column("description", "string", 'What the text says the source is ("Iraqi politician")'),
    ),
    "claims": (
        _column("id", "string", "The claim id: the document id and the ordinal", required=True),
        _column("document", "string", "The document it appears in", required=True),
        _column("ordinal", "integer", "1 for the document's first claim, and so on", required=True),
        _column("text", "string", "The content, as it stands in the text", required=True),
        _column("span_start", "integer", "Where the content starts in the document text"),
        _column("span_end", "integer", "Where it ends (exclusive)"),
        _column("kind", "string", "direct, indirect, mixed, according-to or unattributed", required=True),
        _column("date", "date", "The date the claim speaks of"),
        _column("root", "string", "Id of the deepest source of its chain: where it comes from"),
    ),
    "hops": (
        _column("claim", "string", "The claim whose chain this is a link of", required=True),
        _column("position", "integer", "0 for the outlet's hop, 1 for whom it cites, ...", required=True),
        _column("document", "string", "The claim's document", required=True),
        _column("source", "string", "Id of the source this link names", required=True),
        _column("cue", "string", 'The attributing words ("warned"); "publishes" for the outlet'),
        _column("cue_start", "integer", "Where the cue starts in the document text"),
        _column("cue_end", "integer", "Where it ends"),
        _column("mention", "string", 'The words naming the source here ("He")'),
        _column("mention_start", "integer", "Where the mention starts"),
        _column("mention_end", "integer", "Where it ends"),
        _column("cites", "string", "Id of the source's own document, when the cited article is known"),
    ),
    "findings": (
        _column("document", "string", "The document it is about; null for a finding across documents"),
        _column("rule", "string", 'Rule name ("unattributed", "anonymous-source", ...)', required=True),
        _column("severity", "string", "info, warning or error", required=True),
        _column("message", "string", "One sentence for a person", required=True),
        _column("claim", "string", "Id of the claim it is about"),
        _column("source", "string", "Id of the source it is about"),
        _column("span_start", "integer", "Where in the document text it is"),
        _column("span_end", "integer", "Where it ends"),
    ),
}
"""Every table of the canonical model and its columns, in order."""


@frozen
class DocumentPart:
    """One document of a graph with what belongs to it: the unit a store or a table row set holds."""

    document: Document
    sources: tuple[Source, ...]
    """The sources it uses (its outlet, every hop's, its findings'), in the graph's order."""
    claims: tuple[Claim, ...]
    findings: tuple[Finding, ...]


def parts(graph: Graph) -> tuple[list[DocumentPart], list[Finding]]:
    """Each document of ``graph`` with its own sources, claims and findings; and the findings no one
    document owns (about a source, in a graph of several documents).

    A graph of one document keeps every source of the graph, used or not, so that a round trip
    through rows gives the same graph back.
    """
    index = graph.index
    owned: dict[str, list[Finding]] = defaultdict(list)
    unowned: list[Finding] = []
    for finding in graph.findings:
        owner = index.owner(finding)
        (owned[owner] if owner is not None else unowned).append(finding)
    found = []
    for document in graph.documents:
        claims = tuple(index.claims_of(document.id))
        findings = tuple(owned.get(document.id, ()))
        if len(graph.documents) == 1:
            sources = graph.sources
        else:
            used = set(used_sources(document, claims, findings))
            sources = tuple(source for source in graph.sources if source.id in used)
        found.append(DocumentPart(document, sources, claims, findings))
    return found, unowned


def used_sources(document: Document, claims: Iterable[Claim], findings: Iterable[Finding]) -> list[str]:
    """Ids of the sources a document uses, first use first: its outlet, its hops', its findings'."""
    used = [document.outlet] if document.outlet else []
    used += [hop.source for claim in claims for hop in claim.chain]
    used += [finding.source for finding in findings if finding.source]
    return list(dict.fromkeys(used))


def rows(graph: Graph, *, input: str | None = None, input_hash: str | None = None) -> dict[str, list[Row]]:
    """The rows of every table for an analysed graph; ``input`` and ``input_hash`` say where its
    documents were read from."""
    tables: dict[str, list[Row]] = {name: [] for name in TABLES}
    document_parts, unowned = parts(graph)
    for part in document_parts:
        document = part.document
        tables["documents"].append(
            {
                "id": document.id,
                "outlet": document.outlet,
                "title": document.title,
                "authors": list(document.authors),
                "url": document.url,
                "published": document.published.isoformat() if document.published else None,
                "published_utc": utc(document.published),
                "language": document.language,
                "text": document.text,
                "input": input,
                "input_hash": input_hash,
            }
        )
        tables["sources"].extend(
            {
                "document": document.id,
                "id": source.id,
                "name": source.name,
                "kind": source.kind.value,
                "aliases": list(source.aliases),
                "description": source.description,
            }
            for source in part.sources
        )
        for ordinal, claim in enumerate(part.claims, start=1):
            tables["claims"].append(claim_row(claim, ordinal))
            tables["hops"].extend(hop_row(claim, position, hop) for position, hop in enumerate(claim.chain))
        tables["findings"].extend(finding_row(finding, document.id) for finding in part.findings)
    tables["findings"].extend(finding_row(finding, None) for finding in unowned)
    return tables


def claim_row(claim: Claim, ordinal: int) -> Row:
    """The ``claims`` row of a claim, the ``ordinal``-th of its document."""
    start, end = claim.span or (None, None)
    return {
        "id": claim.id,
        "document": claim.document,
        "ordinal": ordinal,
        "text": claim.text,
        "span_start": start,
        "span_end": end,
        "kind": claim.kind.value,
        "date": claim.date,
        "root": claim.root,
    }


def hop_row(claim: Claim, position: int, hop: Hop) -> Row:
    """The ``hops`` row of one link of a claim's chain."""
    cue_start, cue_end = hop.cue_span or (None, None)
    mention_start, mention_end = hop.mention_span or (None, None)
    return {
        "claim": claim.id,
        "position": position,
        "document": claim.document,
        "source": hop.source,
        "cue": hop.cue,
        "cue_start": cue_start,
        "cue_end": cue_end,
        "mention": hop.mention,
        "mention_start": mention_start,
        "mention_end": mention_end,
        "cites": hop.document,
    }


def finding_row(finding: Finding, document: str | None) -> Row:
    """The ``findings`` row of a finding owned by ``document`` (None: by no single one)."""
    start, end = finding.span or (None, None)
    return {
        "document": document,
        "rule": finding.rule,
        "severity": finding.severity.value,
        "message": finding.message,
        "claim": finding.claim,
        "source": finding.source,
        "span_start": start,
        "span_end": end,
    }


def utc(value: datetime | None) -> datetime | None:
    """The instant in UTC; naive times are taken as UTC."""
    if value is None:
        return None
    aware = value if value.tzinfo else value.replace(tzinfo=UTC)
    return aware.astimezone(UTC)


def graphs(tables: Mapping[str, Iterable[Row]]) -> Iterator[Graph]:
    """The graphs the rows of every table hold, one per document in the order of ``documents``; the
    findings of no single document follow as a graph of their own."""
    sources: dict[str, list[Source]] = defaultdict(list)
    for row in tables.get("sources", ()):
        sources[row["document"]].append(
            Source(
                row["id"],
                row["name"],
                SourceKind(row["kind"]),
                tuple(row["aliases"] or ()),
                row["description"],
            )
        )
    chains: dict[str, list[tuple[int, Hop]]] = defaultdict(list)
    for row in tables.get("hops", ()):
        chains[row["claim"]].append((row["position"], _hop(row)))
    claims: dict[str, list[tuple[int, Claim]]] = defaultdict(list)
    for row in tables.get("claims", ()):
        chain = tuple(hop for _, hop in sorted(chains.get(row["id"], ()), key=lambda pair: pair[0]))
        claims[row["document"]].append((row["ordinal"], _claim(row, chain)))
    findings: dict[str | None, list[Finding]] = defaultdict(list)
    for row in tables.get("findings", ()):
        findings[row["document"]].append(_finding(row))
    for row in tables.get("documents", ()):
        document_id = row["id"]
        yield Graph(
            (_document(row),),
            tuple(sources.get(document_id, ())),
            tuple(claim for _, claim in sorted(claims.get(document_id, ()), key=lambda pair: pair[0])),
            tuple(findings.get(document_id, ())),
        )
    if findings.get(None):
        yield Graph(findings=tuple(findings[None]))


def _document(row: Row) -> Document:
    published = row["published"]
    return Document(
        id=row["id"],
        outlet=row["outlet"],
        title=row["title"],
        authors=tuple(row.get("authors") or ()),  # a dataset written before the column has none
        url=row["url"],
        published=datetime.fromisoformat(published) if published else None,
        language=row["language"],
        text=row["text"],
    )


def _claim(row: Row, chain: tuple[Hop, ...]) -> Claim:
    return Claim(
        id=row["id"],
        document=row["document"],
        text=row["text"],
        span=_span(row["span_start"], row["span_end"]),
        kind=ClaimKind(row["kind"]),
        date=row["date"],
        chain=chain,
    )


def _hop(row: Row) -> Hop:
    return Hop(
        source=row["source"],
        cue=row["cue"],
        cue_span=_span(row["cue_start"], row["cue_end"]),
        mention=row["mention"],
        mention_span=_span(row["mention_start"], row["mention_end"]),
        document=row["cites"],
    )


def _finding(row: Row) -> Finding:
    return Finding(
        rule=row["rule"],
        severity=Severity(row["severity"]),
        message=row["message"],
        claim=row["claim"],
        source=row["source"],
        span=_span(row["span_start"], row["span_end"]),
    )


def _span(start: int | None, end: int | None) -> Span | None:
    return None if start is None or end is None else (start, end)
