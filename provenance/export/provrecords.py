"""The graph as W3C PROV records, which prov_json, prov_n and prov_o each spell in their syntax."""

from __future__ import annotations

import re
from datetime import date, datetime

from attrs import field, frozen

from ..model import ClaimKind, Graph, GraphIndex, Hop, SourceKind, slugify

NAMESPACES = {
    "prov": "http://www.w3.org/ns/prov#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "schema": "https://schema.org/",
    "pv": "https://github.com/news-provenance/provenance/ns#",
    "doc": "https://github.com/news-provenance/provenance/id/document/",
    "src": "https://github.com/news-provenance/provenance/id/source/",
    "claim": "https://github.com/news-provenance/provenance/id/claim/",
    "said": "https://github.com/news-provenance/provenance/id/statement/",
}
"""Prefixes of every qualified name the records use; ``doc``, ``src``, ``claim`` hold our ids,
``said`` the claim as each party of its chain said it."""

_AGENT_TYPES = {
    SourceKind.PERSON: "prov:Person",
    SourceKind.OUTLET: "prov:Organization",
    SourceKind.ORGANIZATION: "prov:Organization",
    SourceKind.GOVERNMENT: "prov:Organization",
    SourceKind.MONITOR: "prov:Organization",
    SourceKind.AGENCY: "prov:Organization",
}


@frozen
class QName:
    """A qualified name such as ``prov:Person``, as an attribute value."""

    name: str


def language_tag(language: str | None) -> str | None:
    """A document's language as a tag every PROV syntax takes ("en_US" is "en-US", "en-" is "en"),
    or None when it is not shaped like one: Turtle and PROV-N refuse a file with a bad tag."""
    tag = (language or "").strip().replace("_", "-").strip("-")
    return tag if _LANGUAGE_TAG.fullmatch(tag) else None


_LANGUAGE_TAG = re.compile(r"[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*")
"""BCP 47's shape: a primary subtag of letters, then subtags of letters and digits."""


@frozen
class Text:
    """A string literal, with its language when known."""

    value: str
    language: str | None = field(default=None, converter=language_tag)


Value = QName | Text | int | datetime | date
"""What an attribute can hold."""


@frozen
class Record:
    """One PROV statement: an element (entity, agent) or a relation between two of them."""

    type: str
    """PROV-N keyword: "entity", "agent", "wasGeneratedBy", "wasAttributedTo",
    "wasDerivedFrom" or "hadMember"."""
    id: str
    """Qualified name of an element, or a blank id (``_:r1``) of a relation."""
    args: tuple[str, ...] = ()
    """The relation's two terms, in PROV-N order (generated first, then used)."""
    time: datetime | None = None
    """The time of a generation."""
    attributes: tuple[tuple[str, Value], ...] = ()
    """Attribute name and value pairs; a name may repeat (two ``prov:type``s)."""


def local(identifier: str) -> str:
    """An id made valid as the local part of a PROV-N and Turtle qualified name: letters,
    digits and ``_`` as they are, ``-`` and ``.`` inside, anything else percent-encoded."""
    last = len(identifier) - 1

    def encode(match: re.Match[str]) -> str:
        char = match.group()
        if char in "-." and 0 < match.start() < last:
            return char
        return "".join(f"%{byte:02X}" for byte in char.encode("utf-8"))

    return re.sub(r"[^A-Za-z0-9_]", encode, identifier)


def records(graph: Graph) -> list[Record]:
    """Sources as agents, documents and claims as entities, and for each claim: attributed to
    the outlet, and each further hop a derivation from what that party said (a quotation for
    direct quotes, a primary source where its own document is lookup)."""
    out: list[Record] = []
    relations = 0
    lookup = graph.index

    def relation(
        kind: str, *args: str, time: datetime | None = None, attributes: tuple[tuple[str, Value], ...] = ()
    ) -> None:
        nonlocal relations
        relations += 1
        out.append(Record(kind, f"_:r{relations}", args, time, attributes))

    agents: dict[str, None] = {}
    authors: dict[str, str] = {}
    documents: dict[str, None] = {}

    def agent(source_id: str) -> str:
        agents.setdefault(source_id)
        return "src:" + local(source_id)

    def author(name: str) -> str:
        # An author who is also a party of the graph is that party's agent; any other, a person.
        source_id = slugify(name)
        if lookup.source(source_id) is None:
            authors.setdefault(source_id, name)
            return "src:" + local(source_id)
        return agent(source_id)

    def document(document_id: str) -> str:
        documents.setdefault(document_id)
        return "doc:" + local(document_id)

    for source in graph.sources:
        agent(source.id)
    for doc in graph.documents:
        name = document(doc.id)
        if doc.published:
            relation("wasGeneratedBy", name, time=doc.published)
        if doc.outlet:
            relation("wasAttributedTo", name, agent(doc.outlet))
        for writer in doc.authors:
            relation("wasAttributedTo", name, author(writer), attributes=(("pv:role", Text("author")),))
    for claim in graph.claims:
        name = "claim:" + local(claim.id)
        home = lookup.document(claim.document)
        language = home.language if home else None
        attributes: list[tuple[str, Value]] = [
            ("prov:type", QName("pv:Claim")),
            ("prov:value", Text(claim.text, language)),
            ("pv:kind", Text(claim.kind.value)),
        ]
        if claim.date:
            attributes.append(("pv:date", claim.date))
        out.append(Record("entity", name, attributes=tuple(attributes)))
        relation("hadMember", document(claim.document), name)
        published = home.published if home else None
        if published and _precedes_citations(lookup, claim.chain[1:2], published):
            relation("wasGeneratedBy", name, time=published)
        previous = name
        for index, hop in enumerate(claim.chain):
            cue = (("pv:cue", Text(hop.cue)),) if hop.cue else ()
            numbered = (*cue, ("pv:hop", index))
            if index == 0:
                relation("wasAttributedTo", name, agent(hop.source), attributes=numbered)
                continue
            said = f"said:{local(claim.id)}.{index}"
            out.append(
                Record("entity", said, attributes=(("prov:type", QName("pv:Statement")), ("pv:hop", index)))
            )
            quoted = claim.kind is ClaimKind.DIRECT and index == 1
            typed = (("prov:type", QName("prov:Quotation")),) if quoted else ()
            relation("wasDerivedFrom", previous, said, attributes=(*typed, *numbered))
            relation("wasAttributedTo", said, agent(hop.source), attributes=numbered)
            if hop.document:
                cited = document(hop.document)
                relation(
                    "wasDerivedFrom",
                    previous,
                    cited,
                    attributes=(("prov:type", QName("prov:PrimarySource")), *numbered),
                )
                relation("hadMember", cited, said)
            previous = said
    head = [_agent(lookup, source_id) for source_id in agents]
    head += [_author(source_id, name) for source_id, name in authors.items()]
    head += [_document(lookup, document_id) for document_id in documents]
    return head + out


def _precedes_citations(lookup: GraphIndex, hops: tuple[Hop, ...], published: datetime) -> bool:
    # PROV orders a derivation's used entity strictly before the generated one; a claim dated
    # with its document could break that when the cited document is dated later (the
    # date-after-publication finding), so such a claim stays undated rather than invalid.
    for hop in hops:
        cited = lookup.document(hop.document)
        if cited and cited.published and not _before(cited.published, published):
            return False
    return True


def _before(first: datetime, second: datetime) -> bool:
    try:
        return first < second
    except TypeError:  # naive against aware: no order is lookup
        return False


def _agent(lookup: GraphIndex, source_id: str) -> Record:
    source = lookup.source_or_stand_in(source_id)
    attributes: list[tuple[str, Value]] = []
    if source.kind in _AGENT_TYPES:
        attributes.append(("prov:type", QName(_AGENT_TYPES[source.kind])))
    attributes += [("prov:label", Text(source.name)), ("pv:kind", Text(source.kind.value))]
    if source.description:
        attributes.append(("pv:description", Text(source.description)))
    return Record("agent", "src:" + local(source_id), attributes=tuple(attributes))


def _author(source_id: str, name: str) -> Record:
    attributes: tuple[tuple[str, Value], ...] = (
        ("prov:type", QName("prov:Person")),
        ("prov:label", Text(name)),
        ("pv:kind", Text("person")),
    )
    return Record("agent", "src:" + local(source_id), attributes=attributes)


def _document(lookup: GraphIndex, document_id: str) -> Record:
    document = lookup.document(document_id)
    attributes: list[tuple[str, Value]] = [
        ("prov:type", QName("schema:NewsArticle")),
        ("prov:type", QName("prov:Collection")),
    ]
    if document and document.title:
        attributes.append(("prov:label", Text(document.title, document.language)))
    if document and document.url:
        attributes.append(("schema:url", Text(document.url)))
    return Record("entity", "doc:" + local(document_id), attributes=tuple(attributes))


def quote(text: str) -> str:
    """A double-quoted string literal holding exactly ``text``, as PROV-N and Turtle both spell it."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    escaped = escaped.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")
    return f'"{escaped}"'
