"""The shape every view of an audit shares: per document, a branch per source, claims under it."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from attrs import define, field, frozen

from ..model import Claim, Document, Finding, Graph, GraphIndex, Hop, Severity, Source, SourceKind

CLAIM_CHARS = 140
"""Longest claim text shown in a tree; the claim id leads to the whole text."""

UNATTRIBUTED = "Unattributed (outlet's own word)"
"""Label of the branch holding the claims that rest on the outlet alone."""


@define
class Branch:
    """A party claims rest on, the claims it carries, and the parties it cites in turn."""

    hop: Hop
    """The first hop naming this party here; its cue labels nested branches ("citing")."""
    source: Source | None
    """The party, or None when the hop's source id names no source (a dangling id)."""
    claims: list[Claim] = field(factory=list)
    """Claims attributed to this party at this depth, in document order."""
    branches: list[Branch] = field(factory=list)
    """Whom this party cites for some of its claims."""


@frozen
class Outline:
    """One document's sourcing, ready to be drawn as a tree or written as Markdown."""

    document: Document
    """The document (a stand-in when claims name a document the graph lacks)."""
    outlet: Source | None
    """The publishing outlet, when known."""
    branches: list[Branch]
    """One branch per party the outlet attributes claims to, in order of first appearance."""
    unattributed: list[Claim]
    """Claims resting on the outlet alone."""
    index: GraphIndex
    """The lookups of the whole graph, shared by every outline of one graph."""


def outline(graph: Graph) -> list[Outline]:
    """The outline of each document in the graph, in order; claims are grouped by chain."""
    index = graph.index
    outlines = []
    for document_id in index.document_ids:
        # Claims pointing at a document the graph lacks (a curation slip) still get shown.
        document = index.document(document_id) or Document(document_id, None)
        outlet = index.source(index.document_outlet(document_id))
        top: dict[str, Branch] = {}
        unattributed = []
        for claim in index.claims_of(document_id):
            if not claim.is_attributed:
                unattributed.append(claim)
                continue
            first = claim.chain[1]
            branch = top.setdefault(first.source, Branch(first, index.source(first.source)))
            for hop in claim.chain[2:]:
                branch = _nested(branch, hop, index)
            branch.claims.append(claim)
        outlines.append(Outline(document, outlet, list(top.values()), unattributed, index))
    return outlines


def _nested(parent: Branch, hop: Hop, index: GraphIndex) -> Branch:
    # Nested parties are keyed by source and cue, so "citing X" and "via X" stay apart.
    for branch in parent.branches:
        if branch.hop.source == hop.source and branch.hop.cue == hop.cue:
            return branch
    branch = Branch(hop, index.source(hop.source))
    parent.branches.append(branch)
    return branch


def source_name(branch: Branch) -> str:
    """The party's display name; its bare id when the graph lacks it."""
    return branch.source.name if branch.source else branch.hop.source


def source_tag(branch: Branch) -> str:
    """What kind of party it is, in words: "person", "anonymous source", "not in sources"."""
    if branch.source is None:
        return "not in sources"
    if branch.source.kind is SourceKind.ANONYMOUS:
        return "anonymous source"
    if branch.source.kind is SourceKind.UNKNOWN and branch.source.name == branch.hop.mention:
        return "unresolved"
    return branch.source.kind.value


def is_flagged(branch: Branch) -> bool:
    """True for parties a reader should doubt: anonymous, unresolved, or missing from the sources."""
    return source_tag(branch) in ("anonymous source", "unresolved", "not in sources")


def nested_cue(branch: Branch) -> str:
    """How a nested party is reached: its hop's cue ("citing"), else "via"."""
    return branch.hop.cue or "via"


def short_id(claim: Claim) -> str:
    """The claim id without its document's id ("c3"), as tables within one document show it."""
    prefix = f"{claim.document}-"
    if claim.id.startswith(prefix) and len(claim.id) > len(prefix):
        return claim.id[len(prefix) :]
    return claim.id


_QUOTES = set('"“”')


def shorten(text: str, limit: int = CLAIM_CHARS) -> str:
    """Whitespace collapsed and cut at a word boundary with an ellipsis when over ``limit``."""
    text = " ".join(text.split())
    if len(text) > 1 and text[0] in '"“' and text[-1] in '"”' and not _QUOTES & set(text[1:-1]):
        text = text[1:-1]  # the label quotes the claim itself; one pair is enough
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    return (cut[:space] if space > limit // 2 else cut).rstrip(" ,;:") + "…"


def claim_details(claim: Claim) -> list[str]:
    """The facts shown under a claim: short id, cue, kind, date, and the mention when it differs."""
    details = [short_id(claim)]
    attribution = claim.chain[1] if claim.is_attributed else None
    if attribution is not None and attribution.cue:
        # A headline's "Al-Alusi: ..." has a colon for its cue, which says nothing on its own.
        details.append("headline" if attribution.cue == ":" else attribution.cue)
    if attribution is None or claim.kind.value.replace("-", " ") != attribution.cue:
        details.append(claim.kind.value)  # "according to · according-to" would say it twice
    if claim.date is not None:
        details.append(claim.date.isoformat())
    return details


def mention(claim: Claim, index: GraphIndex) -> str | None:
    """The words naming the party a claim is attributed to, when not simply its name ("He")."""
    if not claim.is_attributed:
        return None
    words = claim.chain[1].mention
    source = index.source(claim.chain[1].source)
    if not words or source is None:
        return words
    # "the Syrian Observatory for Human Rights" or an alias says nothing the branch does not.
    folded = words.casefold()
    if source.name.casefold() in folded or folded in (alias.casefold() for alias in source.aliases):
        return None
    return words


def published(document: Document) -> str | None:
    """The publication time as "2025-01-02 21:13 UTC", or None."""
    return format_time(document.published) if document.published else None


def format_time(value: datetime) -> str:
    """A compact timestamp with its offset; "UTC" for a zero offset."""
    offset = value.utcoffset()
    text = value.strftime("%Y-%m-%d %H:%M")
    if offset is None:
        return text
    return f"{text} UTC" if not offset else f"{text} {value:%z}"


def serious_rules(findings: Sequence[Finding]) -> dict[str, list[str]]:
    """Per claim id, the warning and error rules found about it, so trees can point at them."""
    rules: dict[str, list[str]] = {}
    for finding in findings:
        if finding.claim is not None and finding.severity is not Severity.INFO:
            listed = rules.setdefault(finding.claim, [])
            if finding.rule not in listed:
                listed.append(finding.rule)
    return rules
