"""What the who-said-it tests ask of extraction: a hand-written article under a fixed outlet, and the
speaker of each attributed claim as the tree names it, or "(unresolved)" where the text does not say."""

from __future__ import annotations

from provenance.extract import extract
from provenance.model import Document, Graph, Source, SourceKind, is_unresolved

OUTLET = Source("lakeside-times", "Lakeside Times", SourceKind.OUTLET)
UNRESOLVED = "(unresolved)"


def _graph(body: str) -> Graph:
    text = f"Headline of the day\n\n{body}\n"
    return extract(Document.from_text(text, outlet=OUTLET.id), OUTLET)


def _who(body: str) -> list[tuple[str, str]]:
    """(claim text, speaker) for every attributed claim: the speaker's name as the tree shows it."""
    graph = _graph(body)
    found = []
    for claim in graph.claims:
        if len(claim.chain) < 2:
            continue
        hop = claim.chain[1]
        source = graph.source(hop.source)
        assert source is not None
        found.append((claim.text, UNRESOLVED if is_unresolved(source, hop.mention) else source.name))
    return found


def _speakers(body: str) -> list[str]:
    """The speaker of every attributed claim, as the tree names it."""
    return [speaker for _, speaker in _who(body)]
