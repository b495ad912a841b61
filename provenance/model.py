"""The provenance graph: documents, sources, claims, attribution hops and findings."""

from __future__ import annotations

import enum
import hashlib
import re
import unicodedata
from collections.abc import Iterable
from datetime import date, datetime

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
    ) -> Document:
        """Build a document, deriving a content-based id when none is given."""
        return cls(
            id=id or document_id(text),
            outlet=outlet,
            title=title,
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

    def source(self, source_id: str) -> Source | None:
        """The source with this id, or None."""
        return next((s for s in self.sources if s.id == source_id), None)

    def document(self, document_id: str) -> Document | None:
        """The document with this id, or None."""
        return next((d for d in self.documents if d.id == document_id), None)

    def claim(self, claim_id: str) -> Claim | None:
        """The claim with this id, or None."""
        return next((c for c in self.claims if c.id == claim_id), None)

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


def _merge_sources(old: Source | None, new: Source) -> Source:
    if old is None:
        return new
    aliases = tuple(dict.fromkeys((*old.aliases, *new.aliases)))
    kind = old.kind if old.kind is not SourceKind.UNKNOWN else new.kind
    return Source(old.id, old.name, kind, aliases, old.description or new.description)


def slugify(name: str) -> str:
    """A lowercase ASCII id for a name: "Syrian Observatory for Human Rights" → its slug."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")
    return slug or "source-" + hashlib.sha256(name.encode()).hexdigest()[:8]


def document_id(text: str) -> str:
    """A content-derived document id, so that the same text always gets the same id."""
    return "doc-" + hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def claim_id(document: str, ordinal: int) -> str:
    """The id of the ``ordinal``-th claim (1-based) of a document."""
    return f"{document}-c{ordinal}"
