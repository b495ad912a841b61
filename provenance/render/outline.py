"""The shape every view of an audit shares: per document, a branch per source, claims under it.

The terminal tree (`tree`), the Markdown report (`markdown`) and the HTML report
(`export.html`) all draw this one outline, so they list the same parties and claims in the same
order; the helpers below give them the same words for it.

Building walks each claim's chain once, hop by hop, and drawing walks the outline with `walk`:
nothing recurses, and a loop in the citations (A cites B cites A) is only a longer chain, never a
walk without end. Parties nest at most `MAX_DEPTH` deep; see there.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from attrs import define, field, frozen

from ..humandates import human_date, human_time
from ..model import (
    Claim,
    Document,
    Finding,
    Graph,
    GraphIndex,
    Hop,
    Severity,
    Source,
    SourceKind,
    is_unresolved,
    unresolved_mention,
)

CLAIM_CHARS = 140
"""Longest claim text shown in a tree; the claim id leads to the whole text."""

UNATTRIBUTED = "Unattributed (outlet's own word)"
"""Label of the branch holding the claims that rest on the outlet alone."""

MAX_DEPTH = 6
"""How many parties deep the outline nests below the outlet (a real article rarely needs three).

A longer chain, such as a curated file's hundreds of hops or a citation loop written out, goes
to its last party at this depth; the parties skipped on the way are named in that branch's
`skipped` (see `skipped_note`). So every view stays within a terminal's width and lists every
claim under the party it finally rests on.
"""

BranchKey = tuple[str, str | None, tuple[str, ...]]
"""A nested branch is one party reached by one cue, through the same skipped parties if any."""


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
    skipped: tuple[Hop, ...] = ()
    """The hops between the parent and this party that `MAX_DEPTH` left out, nearest first."""
    _nested: dict[BranchKey, Branch] = field(factory=dict, repr=False, eq=False)
    """``branches`` by key, so that adding a claim's chain costs one lookup per hop."""

    def child(self, hop: Hop, index: GraphIndex, skipped: tuple[Hop, ...] = ()) -> Branch:
        """The nested branch for ``hop``, added on first use; "citing X" and "via X" stay apart."""
        key = (hop.source, hop.cue, tuple(each.source for each in skipped))
        found = self._nested.get(key)
        if found is None:
            found = self._nested[key] = Branch(hop, index.source(hop.source), skipped=skipped)
            self.branches.append(found)
        return found


@frozen
class Outline:
    """One document's sourcing, ready to be drawn as a tree or written as Markdown or HTML."""

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

    @property
    def outlet_name(self) -> str:
        """What heads the tree: the outlet's name, else its bare id, else the document's id."""
        return self.outlet.name if self.outlet else self.document.outlet or self.document.id


def outline(graph: Graph) -> list[Outline]:
    """The outline of each document in the graph, in order; claims are grouped by chain."""
    index = graph.index
    return [_document_outline(index, document_id) for document_id in index.document_ids]


def _document_outline(index: GraphIndex, document_id: str) -> Outline:
    # Claims pointing at a document the graph lacks (a curation slip) still get shown.
    document = index.document(document_id) or Document(document_id, None)
    top: dict[str, Branch] = {}
    unattributed = []
    for claim in index.claims_of(document_id):
        if not claim.is_attributed:
            unattributed.append(claim)
            continue
        first = claim.chain[1]
        branch = top.get(first.source)
        if branch is None:
            branch = top[first.source] = Branch(first, index.source(first.source))
        rest = claim.chain[2:]
        for depth, hop in enumerate(rest, start=2):
            if depth == MAX_DEPTH and len(rest) > MAX_DEPTH - 1:
                # Too deep to nest further: straight to the last party, naming the ones between.
                branch = branch.child(rest[-1], index, skipped=rest[depth - 2 : -1])
                break
            branch = branch.child(hop, index)
        branch.claims.append(claim)
    outlet = index.source(index.document_outlet(document_id))
    return Outline(document, outlet, list(top.values()), unattributed, index)


def walk(branches: Sequence[Branch]) -> Iterator[tuple[int, Branch]]:
    """Every branch with its depth (0 for the parties the outlet names), parents before children,
    in order; with an explicit stack, so a deep outline never exhausts Python's."""
    stack = [(0, branch) for branch in reversed(branches)]
    while stack:
        depth, branch = stack.pop()
        yield depth, branch
        stack.extend((depth + 1, child) for child in reversed(branch.branches))


def source_name(branch: Branch) -> str:
    """The party's display name; its bare id when the graph lacks it; for an unresolved party the
    words it stands for ("he"), which its tag marks as unresolved."""
    return unresolved_mention(branch.source) if branch.source else branch.hop.source


def source_tag(branch: Branch) -> str:
    """What kind of party it is, in words: "person", "anonymous source", "not in sources"."""
    if branch.source is None:
        return "not in sources"
    if branch.source.kind is SourceKind.ANONYMOUS:
        return "anonymous source"
    if is_unresolved(branch.source, branch.hop.mention):
        return "unresolved"
    return branch.source.kind.value


def is_flagged(branch: Branch) -> bool:
    """True for parties a reader should doubt: anonymous, unresolved, or missing from the sources."""
    return source_tag(branch) in ("anonymous source", "unresolved", "not in sources")


def nested_cue(branch: Branch) -> str:
    """How a nested party is reached: its hop's cue ("citing"), else "via"."""
    return branch.hop.cue or "via"


def skipped_note(branch: Branch, index: GraphIndex) -> str | None:
    """For a party reached past `MAX_DEPTH`, who stood between: "by way of 2 more: A → B"."""
    if not branch.skipped:
        return None
    names = " → ".join(index.name(hop.source) for hop in branch.skipped)
    return shorten(f"by way of {len(branch.skipped)} more: {names}")


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


def claim_details(claim: Claim, index: GraphIndex) -> list[str]:
    """The facts shown under a claim: short id, cue, kind, date, and the mention when it differs."""
    details = [short_id(claim)]
    attribution = claim.chain[1] if claim.is_attributed else None
    if attribution is not None and attribution.cue:
        # A headline's "Al-Alusi: ..." has a colon for its cue, which says nothing on its own.
        details.append("headline" if attribution.cue == ":" else attribution.cue)
    if attribution is None or claim.kind.value.replace("-", " ") != attribution.cue:
        details.append(claim.kind.value)  # "according to · according-to" would say it twice
    if claim.date is not None:
        details.append(human_date(claim.date))
    words = _mention(claim, index)
    if words:
        details.append(f"as “{words}”")
    return details


def _mention(claim: Claim, index: GraphIndex) -> str | None:
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
    """The publication time as people read it ("2 Jan 2025, 21:13 UTC", or the date alone), or None."""
    return human_time(document.published) if document.published else None


def serious_rules(findings: Sequence[Finding]) -> dict[str, list[str]]:
    """Per claim id, the warning and error rules found about it, so trees can point at them."""
    rules: dict[str, list[str]] = {}
    for finding in findings:
        if finding.claim is not None and finding.severity is not Severity.INFO:
            listed = rules.setdefault(finding.claim, [])
            if finding.rule not in listed:
                listed.append(finding.rule)
    return rules
