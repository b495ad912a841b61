"""What store queries return: plain attrs values the CLI renders and `--format json` serialises."""

from __future__ import annotations

import enum
from datetime import datetime

from attrs import frozen

from ..model import Claim, Document, Source, SourceKind


class AddStatus(enum.StrEnum):
    """What adding a document did to the database."""

    ADDED = "added"
    UPDATED = "updated"
    """A document with this id was stored with other content and has been replaced."""
    UNCHANGED = "unchanged"


@frozen
class AddResult:
    """The outcome of `Store.add`: one status per document of the graph, in graph order."""

    documents: tuple[tuple[str, AddStatus], ...]
    """Each document id with what happened to it."""
    claims: int = 0
    """Claims written (unchanged documents write none)."""

    @property
    def status(self) -> AddStatus:
        """One status for the whole graph: unchanged only if every document was."""
        statuses = {status for _, status in self.documents}
        if statuses <= {AddStatus.UNCHANGED}:
            return AddStatus.UNCHANGED
        return AddStatus.ADDED if AddStatus.ADDED in statuses else AddStatus.UPDATED


@frozen
class SearchHit:
    """A claim matching a full-text query, with where it was published and on whose word."""

    claim: Claim
    """The claim, its chain naming canonical source ids."""
    snippet: str
    """The matching words in context, matches between the store's markers."""
    score: float
    """bm25 relevance; lower is better, as SQLite ranks it."""
    document: Document
    """The publishing document, without its text."""
    chain: tuple[Source, ...]
    """The sources of the claim's chain in order: the outlet first."""


@frozen
class TracedClaim:
    """One claim that rests on a traced source, and the path by which it does."""

    claim: Claim
    """The claim, its chain naming canonical source ids."""
    document: Document
    """The document carrying the claim, without its text."""
    path: tuple[Source, ...]
    """The chain from the outlet down to the traced source (or to the cited document's hop)."""
    via: str | None = None
    """Id of the cited document through which the claim rests on the source, if not directly."""


@frozen
class Ambiguity:
    """A bare surname ("Keller") whose mentions could be any of the people named in full with it."""

    source: Source
    """The bare surname as stored: one article's row, or a row shared by its mentions."""
    documents: int
    """Articles it appears in."""
    candidates: tuple[Source, ...]
    """The people named in full with that surname, by their canonical sources."""
    joined: Source | None
    """The group it was joined to before the others were named, if any."""


@frozen
class Trace:
    """Everything that rests on one source: counts over the whole database and the newest claims."""

    source: Source
    """The traced source, with every name and alias it is known by."""
    claims: tuple[TracedClaim, ...]
    """The newest claims first, at most the limit asked for."""
    total_claims: int
    """Claims resting on the source, directly or through cited documents."""
    total_documents: int
    """Documents carrying those claims."""
    outlets: tuple[Source, ...]
    """The outlets publishing those documents."""


@frozen
class SourceStats:
    """One line of the `sources` table: how much of the corpus rests on a source."""

    source: Source
    """The canonical source with its aliases."""
    claims: int
    """Claims attributed to it (anywhere in their chain after the outlet)."""
    documents: int
    """Documents carrying those claims, or published by it."""
    published: int
    """Documents it publishes, when it is an outlet."""
    outlets: int
    """Other outlets carrying claims that rest on it."""
    first_seen: datetime | None
    """Earliest publication among those documents."""
    last_seen: datetime | None
    """Latest publication among those documents."""
    anonymous_share: float
    """Of the attributions in the claims it carries, the share naming anonymous sources."""
    members: tuple[str, ...] = ()
    """Ids merged into it, automatically or by `Store.merge_sources`."""
    articles: int = 0
    """For a name that stands for a different party in each article ("I", "the company", "local
    sources"): in how many articles; the line adds them up. 0 for a party shared across articles."""

    @property
    def kind(self) -> SourceKind:
        """The source's kind."""
        return self.source.kind


@frozen
class DocumentSummary:
    """One line of the `documents` listing: a stored document and how much it holds."""

    id: str
    """The document's id, as `tree --db --document` and `export --db --document` take it."""
    outlet: str | None
    """The name of its outlet."""
    outlet_id: str | None
    """The canonical id of its outlet."""
    published: datetime | None
    """Its publication time."""
    title: str | None
    """Its headline."""
    url: str | None
    """Where it was published."""
    claims: int
    """Claims stored for it."""
    findings: int
    """Findings stored for it (those of the rules chosen when it was ingested)."""


@frozen
class DocumentList:
    """The documents a listing asked for, newest first, and how many match in all."""

    documents: tuple[DocumentSummary, ...]
    """At most the limit asked for."""
    total: int
    """Documents matching the filters."""
