"""The provenance graph: documents, sources, claims, attribution hops and findings, and the one
index every stage asks for lookups by id."""

from __future__ import annotations

import enum
import hashlib
import re
import unicodedata
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from functools import cached_property

from attrs import field, frozen

Span = tuple[int, int]
"""Character offsets ``[start, end)`` into a document's ``text``."""


class SourceKind(enum.StrEnum):
    """What kind of party a source is; a closed set so that rules can rely on it."""

    OUTLET = "outlet"
    PERSON = "person"
    ORGANIZATION = "organization"
    GOVERNMENT = "government"
    MONITOR = "monitor"
    AGENCY = "agency"
    DOCUMENT = "document"
    ANONYMOUS = "anonymous"
    UNKNOWN = "unknown"


class ClaimKind(enum.StrEnum):
    """How a claim is carried: quoted, paraphrased, both, hung on "according to", or on nothing."""

    DIRECT = "direct"
    INDIRECT = "indirect"
    MIXED = "mixed"
    ACCORDING_TO = "according-to"
    UNATTRIBUTED = "unattributed"


class Severity(enum.StrEnum):
    """How much a finding matters; ordered so that ``--fail-on`` can compare."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        """0 for info, 1 for warning, 2 for error."""
        return list(Severity).index(self)


@frozen
class Document:
    """One published article: the text every span points into."""

    id: str
    """Stable id: the input record's own id, else derived from the text."""
    outlet: str | None
    """Id of the `Source` (kind outlet) that publishes the document, if known."""
    title: str | None = None
    """Headline."""
    authors: tuple[str, ...] = field(default=(), kw_only=True)
    """Names of the people who wrote it, as its byline or metadata gives them."""
    url: str | None = None
    """Where the article was published."""
    published: datetime | None = None
    """Publication time (timezone-aware when the input says so)."""
    language: str | None = "en"
    """ISO 639-1 code of the text's language."""
    text: str = ""
    """Body text exactly as read; claim and mention spans index into it."""

    @classmethod
    def from_text(
        cls,
        text: str,
        *,
        id: str | None = None,
        outlet: str | None = None,
        title: str | None = None,
        url: str | None = None,
        published: datetime | None = None,
        language: str | None = "en",
        authors: tuple[str, ...] = (),
    ) -> Document:
        """Build a document, deriving a content-based id when none is given; a given id longer
        than `ID_CHARS` is shortened (`bounded_id`)."""
        return cls(
            id=bounded_id(id) if id else document_id(text),
            outlet=outlet,
            title=title,
            authors=authors,
            url=url,
            published=published,
            language=language,
            text=text,
        )


@frozen
class Source:
    """A party that claims can rest on: an outlet, a person, an organisation, "sources"."""

    id: str
    """Slug, stable for the same name (see `slugify`)."""
    name: str
    """Canonical display name."""
    kind: SourceKind = SourceKind.UNKNOWN
    """What kind of party this is."""
    aliases: tuple[str, ...] = ()
    """Other names seen for the same source ("SOHR", "the Observatory", "al-Alusi")."""
    description: str | None = None
    """What the text says the source is ("Prominent Iraqi politician")."""


UNRESOLVED_MARK = " (unresolved)"
"""How the name of a source tied to no party ends: "he (unresolved)" is whoever "he" is, never a
party called "he"."""


def unresolved_name(mention: str) -> str:
    """The name of the source a mention stands for when the text ties it to no party."""
    return f"{mention}{UNRESOLVED_MARK}"


def is_unresolved(source: Source, mention: str | None = None) -> bool:
    """True for a source that stands for a mention tied to no party: of kind unknown and named with
    `UNRESOLVED_MARK`, or (as curated files and older databases write it) named exactly as the
    ``mention`` of the hop that names it."""
    return source.kind is SourceKind.UNKNOWN and (
        source.name.endswith(UNRESOLVED_MARK) or (mention is not None and source.name == mention)
    )


def unresolved_mention(source: Source) -> str:
    """The words an unresolved source stands for ("he" for "he (unresolved)")."""
    return source.name.removesuffix(UNRESOLVED_MARK) if is_unresolved(source) else source.name


@frozen
class Hop:
    """One link of a claim's chain: the party the previous link attributes the claim to."""

    source: str
    """Id of the `Source` this hop names."""
    cue: str | None = None
    """The attributing words ("warned", "according to"); "publishes" for the outlet hop."""
    cue_span: Span | None = None
    """Where the cue stands in the document text."""
    mention: str | None = None
    """The words that name the source here ("He", "The Iraqi politician")."""
    mention_span: Span | None = None
    """Where the mention stands in the document text."""
    document: str | None = None
    """Id of the source's own document, when the cited article itself is known."""


@frozen
class Claim:
    """An assertion in a document and the chain of parties it rests on."""

    id: str
    """Stable id: the document id and the claim's ordinal."""
    document: str
    """Id of the `Document` the claim appears in."""
    text: str
    """The content, exactly ``document.text[span[0]:span[1]]`` for extracted claims."""
    span: Span | None
    """Where the content stands in the document text."""
    kind: ClaimKind
    """How the claim is carried."""
    date: date | None = None
    """The date the claim speaks of, resolved against the publication date."""
    chain: tuple[Hop, ...] = ()
    """The outlet's hop first, then each party it is attributed to, nearest first."""

    @property
    def is_attributed(self) -> bool:
        """True when the claim rests on someone beyond the publishing outlet."""
        return len(self.chain) > 1

    @property
    def root(self) -> str | None:
        """Id of the deepest source in the chain: where the claim ultimately comes from."""
        return self.chain[-1].source if self.chain else None


@frozen
class Finding:
    """Something about the sourcing worth a reader's attention; data, never an exception."""

    rule: str
    """Stable rule name ("unattributed", "anonymous-source", ...)."""
    severity: Severity
    """How much it matters."""
    message: str
    """One sentence for a person."""
    claim: str | None = None
    """Id of the claim it is about, if any."""
    source: str | None = None
    """Id of the source it is about, if any."""
    span: Span | None = None
    """Where in the document text it is, if anywhere."""


@frozen
class Graph:
    """The canonical provenance document: everything the pipeline knows about some articles."""

    documents: tuple[Document, ...] = ()
    """Articles, in input order."""
    sources: tuple[Source, ...] = ()
    """Every party named by a hop or publishing a document."""
    claims: tuple[Claim, ...] = ()
    """Claims in document order."""
    findings: tuple[Finding, ...] = field(default=())
    """What the resolver found."""

    @cached_property
    def index(self) -> GraphIndex:
        """Every lookup by id over this graph, built on first use and kept (the graph is frozen)."""
        return GraphIndex(self)

    def source(self, source_id: str) -> Source | None:
        """The source with this id, or None."""
        return self.index.source(source_id)

    def document(self, document_id: str) -> Document | None:
        """The document with this id, or None."""
        return self.index.document(document_id)

    def claim(self, claim_id: str) -> Claim | None:
        """The claim with this id, or None."""
        return self.index.claim(claim_id)

    @classmethod
    def merge(cls, graphs: Iterable[Graph]) -> Graph:
        """One graph from many: documents and claims concatenated, sources deduplicated by id."""
        documents: list[Document] = []
        sources: dict[str, Source] = {}
        claims: list[Claim] = []
        findings: list[Finding] = []
        for graph in graphs:
            documents.extend(graph.documents)
            for source in graph.sources:
                sources[source.id] = _merge_sources(sources.get(source.id), source)
            claims.extend(graph.claims)
            findings.extend(graph.findings)
        return cls(tuple(documents), tuple(sources.values()), tuple(claims), tuple(findings))


class GraphIndex:
    """Sources, documents and claims of one graph by id, and the claims of each document.

    Where two items share an id the first one wins, as a reader of the file would expect.
    """

    def __init__(self, graph: Graph) -> None:
        self.graph = graph
        """The graph indexed; it is frozen, so the index never goes stale."""
        self._sources: dict[str, Source] = {}
        for source in graph.sources:
            self._sources.setdefault(source.id, source)
        self._documents: dict[str, Document] = {}
        self._positions: dict[str, int] = {}
        self._claims_of: dict[str, list[Claim]] = {}
        for position, document in enumerate(graph.documents):
            self._documents.setdefault(document.id, document)
            self._positions.setdefault(document.id, position)
            self._claims_of.setdefault(document.id, [])
        self._claims: dict[str, Claim] = {}
        for claim in graph.claims:
            self._claims.setdefault(claim.id, claim)
            # Claims naming a document the graph lacks (a curation slip) still form a document.
            self._claims_of.setdefault(claim.document, []).append(claim)

    def source(self, source_id: str | None) -> Source | None:
        """The source with this id, or None."""
        return self._sources.get(source_id) if source_id is not None else None

    def document(self, document_id: str | None) -> Document | None:
        """The document with this id, or None."""
        return self._documents.get(document_id) if document_id is not None else None

    def claim(self, claim_id: str | None) -> Claim | None:
        """The claim with this id, or None."""
        return self._claims.get(claim_id) if claim_id is not None else None

    def source_or_stand_in(self, source_id: str) -> Source:
        """The source with this id, or a stand-in of unknown kind named by the bare id.

        Curated files may name sources they do not define (the dangling-source finding says so);
        views and exports still show such a hop rather than fail.
        """
        found = self._sources.get(source_id)
        return found if found is not None else Source(source_id, source_id, SourceKind.UNKNOWN)

    def name(self, source_id: str) -> str:
        """A source's display name; its bare id when the graph does not hold it."""
        source = self._sources.get(source_id)
        return source.name if source is not None else source_id

    def kind(self, source_id: str) -> SourceKind | None:
        """A source's kind, or None when the graph does not hold it."""
        source = self._sources.get(source_id)
        return source.kind if source is not None else None

    @property
    def document_ids(self) -> Sequence[str]:
        """Every document the graph speaks of: its documents in order, then ids only claims name."""
        return list(self._claims_of)

    def claims_of(self, document_id: str) -> Sequence[Claim]:
        """The claims of one document, in graph order."""
        return self._claims_of.get(document_id, ())

    def position(self, document_id: str) -> int:
        """Where a document stands in the graph; after every document when the graph lacks it."""
        return self._positions.get(document_id, len(self.graph.documents))

    def outlet(self, claim: Claim) -> str | None:
        """Id of the outlet that publishes a claim: its document's outlet, else its chain's first hop."""
        document = self._documents.get(claim.document)
        if document is not None and document.outlet is not None:
            return document.outlet
        return claim.chain[0].source if claim.chain else None

    def document_outlet(self, document_id: str) -> str | None:
        """Id of a document's outlet: the one it names, else the outlet of its first claim."""
        document = self._documents.get(document_id)
        if document is not None and document.outlet is not None:
            return document.outlet
        claims = self._claims_of.get(document_id)
        return self.outlet(claims[0]) if claims else None

    def origin(self, claim: Claim) -> str | None:
        """Where a claim ultimately comes from: its deepest source, or its outlet when unattributed."""
        return claim.root if claim.chain else self.outlet(claim)

    def owner(self, finding: Finding) -> str | None:
        """Id of the document a finding belongs to, or None for a finding across documents.

        A finding about a claim belongs to that claim's document. One about no known claim belongs
        to the graph's document when the graph speaks of one document only.
        """
        claim = self.claim(finding.claim)
        if claim is not None:
            return claim.document
        return next(iter(self._claims_of)) if len(self._claims_of) == 1 else None

    @property
    def is_one_document(self) -> bool:
        """True when the graph speaks of at most one document."""
        return len(self._claims_of) <= 1


def _merge_sources(old: Source | None, new: Source) -> Source:
    if old is None:
        return new
    aliases = tuple(dict.fromkeys((*old.aliases, *new.aliases)))
    kind = old.kind if old.kind is not SourceKind.UNKNOWN else new.kind
    return Source(old.id, old.name, kind, aliases, old.description or new.description)


ID_CHARS = 400
"""The longest id the model makes, or keeps from its input: the schema allows 500, and a claim's id
adds "-c" and its ordinal to its document's."""


def bounded_id(text: str) -> str:
    """``text`` as an id of at most `ID_CHARS`: a longer one keeps its start and ends in a hash of
    the whole, so that it stays stable and distinct and the file it is written to loads again."""
    if len(text) <= ID_CHARS:
        return text
    return (
        text[: ID_CHARS - 17] + "-" + hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    )


def slugify(name: str) -> str:
    """A lowercase ASCII id for a name: "Syrian Observatory for Human Rights" → its slug."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")
    return bounded_id(slug) if slug else "source-" + hashlib.sha256(name.encode()).hexdigest()[:8]


def document_id(text: str) -> str:
    """A content-derived document id, so that the same text always gets the same id."""
    return "doc-" + hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def claim_id(document: str, ordinal: int) -> str:
    """The id of the ``ordinal``-th claim (1-based) of a document (`bounded_id`: a curated
    document's id may already be as long as the schema allows)."""
    return bounded_id(f"{document}-c{ordinal}")
