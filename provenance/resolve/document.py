"""Rules that look at one claim or one document at a time: they need no other article."""

from __future__ import annotations

from collections.abc import Collection, Iterator
from datetime import datetime

from ..dates import tells_of_past
from ..model import UNRESOLVED_MARK, Finding, GraphIndex, Severity, SourceKind, is_unresolved
from .position import Located, positioned_claims
from .vocabulary import UNRESOLVED_FIRST_WORDS
from .wording import day, moment, snippet


def unattributed(index: GraphIndex) -> Iterator[Located]:
    """Claims whose chain stops at the outlet: the outlet asserts them on its own word.

    "Shafaq News reported" inside a Shafaq News article cites no one else either, so a chain
    whose every later hop is the outlet itself counts as unattributed too.
    """
    for position, claim in positioned_claims(index):
        outlet = index.outlet(claim)
        if any(hop.source != outlet for hop in claim.chain[1:]):
            continue
        who = index.name(outlet) if outlet else "an unknown outlet"
        yield position, Finding(
            "unattributed", Severity.WARNING,
            f"{who} gives no source for {snippet(claim.text)}.",
            claim=claim.id, source=outlet, span=claim.span,
        )  # fmt: skip


def anonymous_source(index: GraphIndex) -> Iterator[Located]:
    """Claims resting on an anonymous party; one finding per claim, at its nearest anonymous hop."""
    for position, claim in positioned_claims(index):
        for depth, hop in enumerate(claim.chain[1:], start=1):
            if index.kind(hop.source) is not SourceKind.ANONYMOUS:
                continue
            # Name the named parties in between, so "the Observatory, citing local sources" reads so.
            via = [index.name(earlier.source) for earlier in claim.chain[1:depth]]
            by = f", via {' and '.join(via)}," if via else ""
            yield position, Finding(
                "anonymous-source", Severity.WARNING,
                f"Attributed{by} to an anonymous source: {snippet(hop.mention or index.name(hop.source))}.",
                claim=claim.id, source=hop.source, span=hop.mention_span,
            )  # fmt: skip
            break


def dangling_source(index: GraphIndex) -> Iterator[Located]:
    """Source ids that name no source in the graph: a document's outlet, or a hop in a chain."""
    missing_outlets: set[str] = set()
    for document in index.graph.documents:
        if document.outlet is not None and index.source(document.outlet) is None:
            missing_outlets.add(document.outlet)
            yield (
                (index.position(document.id), -1),
                Finding(
                    "dangling-source",
                    Severity.ERROR,
                    f"Document {document.id} names its outlet as “{document.outlet}”, "
                    "but no source has that id.",
                    source=document.outlet,
                ),
            )
    for position, claim in positioned_claims(index):
        reported: set[str] = set()
        for hop in claim.chain:
            # An outlet already reported for its document would otherwise be reported per claim.
            if (
                index.source(hop.source) is not None
                or hop.source in missing_outlets
                or hop.source in reported
            ):
                continue
            reported.add(hop.source)
            yield position, Finding(
                "dangling-source", Severity.ERROR,
                f"The chain names source “{hop.source}”, but no source has that id.",
                claim=claim.id, source=hop.source, span=hop.mention_span,
            )  # fmt: skip


def unresolved_mention(index: GraphIndex) -> Iterator[Located]:
    """Pronouns and descriptions ("He", "The official") that the linker could tie to no source.

    The extractor marks them as a source of kind unknown whose name ends in "(unresolved)"
    (`model.is_unresolved`), a bare surname two people share included. Curated files and older
    databases name such a source exactly as the mention; a proper name of unknown kind ("Jane Doe")
    is a linked source, so such a mention must also start with a pronoun or a determiner (see
    `vocabulary.UNRESOLVED_FIRST_WORDS`).
    """
    for position, claim in positioned_claims(index):
        for hop in claim.chain[1:]:
            source = index.source(hop.source)
            if source is None or not hop.mention or not is_unresolved(source, hop.mention):
                continue
            marked = source.name.endswith(UNRESOLVED_MARK)
            if not marked and hop.mention.split()[0].casefold() not in UNRESOLVED_FIRST_WORDS:
                continue
            yield position, Finding(
                "unresolved-mention", Severity.WARNING,
                f"{snippet(hop.mention)} refers to no known source, so who is speaking is unclear.",
                claim=claim.id, source=hop.source, span=hop.mention_span,
            )  # fmt: skip


def date_after_publication(index: GraphIndex, extracted: Collection[str] = frozenset()) -> Iterator[Located]:
    """Claims that say something happened after their article was published, and cited articles
    published after the one citing them.

    A claim dated after publication is a contradiction only when it tells of the past (`dates.tells_of_past`):
    what will happen, is due or is scheduled is dated forward and is no finding. The claims of
    documents in ``extracted`` were read by machine, date and tense included, so their finding is a
    warning; a curated claim's date, like a cited article's publication, is stated, so an error.
    """
    for position, claim in positioned_claims(index):
        document = index.document(claim.document)
        if document is None or document.published is None:
            continue
        published = document.published
        if claim.date is not None and claim.date > published.date() and tells_of_past(claim.text):
            severity = Severity.WARNING if claim.document in extracted else Severity.ERROR
            yield position, Finding(
                "date-after-publication", severity,
                f"The claim says it happened on {day(claim.date)}, after the article was "
                f"published on {day(published.date())}.",
                claim=claim.id, span=claim.span,
            )  # fmt: skip
        for hop in claim.chain[1:]:
            cited = index.document(hop.document) if hop.document else None
            if cited is None or cited.id == document.id or cited.published is None:
                continue
            if _is_later(cited.published, published):
                yield position, Finding(
                    "date-after-publication", Severity.ERROR,
                    f"Cites an article by {index.name(hop.source)} published {moment(cited.published)}, "
                    f"after this article ({moment(published)}).",
                    claim=claim.id, source=hop.source, span=hop.mention_span,
                )  # fmt: skip


def _is_later(first: datetime, second: datetime) -> bool:
    # Instants compare only when both carry an offset; otherwise the calendar day is all we know.
    if (first.utcoffset() is None) != (second.utcoffset() is None):
        return first.date() > second.date()
    return first > second
