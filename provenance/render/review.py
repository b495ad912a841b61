"""Fact-check answers as rich renderables: claims matching a checked text, a claim's verdicts."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Group, RenderableType
from rich.text import Text

from ..factcheck.model import ClaimMatch, Review
from ..humandates import human_date, human_time
from .outline import shorten


def render_matches(matches: Sequence[ClaimMatch], text: str, *, total: int | None = None) -> RenderableType:
    """Each match with its score, chain, origins, first appearance and standing verdict; ``total``:
    how many match in all, said when more match than are shown."""
    if not matches:
        return Text(f"No stored claim or review matches {shorten(text, 60)!r}.")
    total = max(total or 0, len(matches))
    count = f"{len(matches)} of {total} matches" if total > len(matches) else f"{total} match(es)"
    parts: list[RenderableType] = [Text(f"{count} for {shorten(text, 60)!r}", style="bold")]
    for rank, match in enumerate(matches, start=1):
        line = Text(f"{rank:>2}. {match.score:3.0f}  “{shorten(match.text, 140)}”")
        if match.claim is not None:
            chain = " → ".join(source.name for source in match.chain)
            line.append(f"\n    {match.claim.id} · {chain} · {match.claim.kind.value}", style="dim")
            roots = ", ".join(source.name for source in match.roots) or "none"
            line.append(
                f"\n    {len(match.appearances)} appearance(s) in {len(match.outlets)} outlet(s), "
                f"{match.origins} independent origin(s): {roots}",
                style="dim",
            )
            first = match.first_appearance
            if first is not None:
                when = human_date(first.published) if first.published else "undated"
                outlet = next((s.name for s in match.outlets if s.id == first.outlet), first.outlet or "")
                line.append(
                    f"\n    first appeared {when} · {shorten(first.title or first.id, 60)}"
                    + (f" ({outlet})" if outlet else ""),
                    style="dim",
                )
        else:
            line.append("\n    not in any stored article; reviewed elsewhere", style="dim")
        line.append("\n    ")
        line.append_text(_verdict_line(match.reviews))
        parts.append(line)
    return Group(*parts)


def _verdict_line(reviews: Sequence[Review]) -> Text:
    if not reviews:
        return Text("no verdict yet", style="dim")
    standing = reviews[0]
    line = Text("verdict: ")
    line.append(standing.label, style="bold")
    line.append(f" ({_by(standing)}, {human_date(standing.reviewed)})")
    if len(reviews) > 1:
        line.append(f"; {len(reviews) - 1} earlier", style="dim")
    return line


def render_reviews(reviews: Sequence[Review], claim_id: str) -> RenderableType:
    """A claim's verdicts, newest first; the first is marked as the one that stands."""
    if not reviews:
        return Text(f"No verdict on {claim_id} yet: record one with 'provenance review'.")
    parts: list[RenderableType] = [
        Text(f"{len(reviews)} verdict(s) on {claim_id}, newest first", style="bold")
    ]
    for number, review in enumerate(reviews):
        line = Text("* " if number == 0 else "  ")
        line.append(review.label, style="bold" if number == 0 else "")
        value = f" {review.value}/{review.best}" if review.value is not None and review.best else ""
        line.append(f"{value} · {human_time(review.reviewed)} · {_by(review)}")
        if number == 0:
            line.append("  (standing)", style="bold")
        if review.claim and review.claim != claim_id:
            line.append(f"\n    on the copy {review.claim}", style="dim")
        elif review.claim is None:
            line.append(
                f"\n    imported from {review.origin}" + (f" · {review.url}" if review.url else ""),
                style="dim",
            )
        if review.note:
            line.append(f"\n    {review.note}")
        for url in review.evidence:
            line.append(f"\n    evidence: {url}", style="dim")
        parts.append(line)
    return Group(*parts)


def _by(review: Review) -> str:
    names = [name for name in (review.reviewer, review.organisation) if name]
    return "by " + ", ".join(names) if names else "reviewer unknown"
