"""Database answers as rich renderables: search hits, a source's trace, the sources table."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from rich import box
from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text
from rich.tree import Tree

from ..humandates import human_date
from .outline import shorten

if TYPE_CHECKING:  # the store's result classes; importing the store here would load SQLite code
    from ..store.results import Ambiguity, DocumentList, SearchHit, SourceStats, Trace


def render_search(
    hits: Sequence[SearchHit], query: str, marks: tuple[str, str], *, total: int | None = None
) -> RenderableType:
    """Ranked hits: the snippet with matches highlighted, then the chain and where it appeared.
    ``total``: how many claims match in all, said when more match than are shown."""
    if not hits:
        return Text(f"No claim matches {query!r}.")
    total = max(total or 0, len(hits))
    shown = f", the best {len(hits)} shown" if total > len(hits) else ""
    parts: list[RenderableType] = [Text(f"{total} claim(s) matching {query!r}{shown}", style="bold")]
    for rank, hit in enumerate(hits, start=1):
        line = Text(f"{rank:>2}. ")
        line.append_text(_highlight(hit.snippet, marks))
        chain = " → ".join(source.name for source in hit.chain)
        published = _day(hit.document.published)
        line.append(f"\n    {chain} · {hit.claim.kind.value}", style="dim")
        line.append(f"\n    {hit.claim.id}" + (f" · {published}" if published else ""), style="dim")
        parts.append(line)
    return Group(*parts)


def _highlight(snippet: str, marks: tuple[str, str]) -> Text:
    text = Text()
    start, end = marks
    rest = " ".join(snippet.split())
    while start in rest:
        before, _, tail = rest.partition(start)
        match, _, rest = tail.partition(end)
        text.append(before)
        text.append(match, style="bold yellow")
    text.append(rest)
    return text


def render_trace(trace: Trace) -> RenderableType:
    """Everything resting on a source as a tree: the source, then each claim with its path."""
    source = trace.source
    label = Text(source.name, style="bold")
    label.append(f" ({source.kind.value})", style="dim")
    label.append(
        f"\n{trace.total_claims} claim(s) in {trace.total_documents} document(s), carried by "
        f"{len(trace.outlets)} outlet(s): " + ", ".join(outlet.name for outlet in trace.outlets),
        style="dim",
    )
    tree = Tree(label)
    for traced in trace.claims:
        claim_label = Text(f"“{shorten(traced.claim.text)}”")
        path = " → ".join(part.name for part in traced.path)
        details = [path, traced.claim.kind.value]
        published = _day(traced.document.published)
        if published:
            details.append(published)
        if traced.via:
            details.append(f"via cited document {traced.via}")
        details.append(traced.claim.id)
        claim_label.append("\n" + " · ".join(details), style="dim")
        tree.add(claim_label)
    if trace.total_claims > len(trace.claims):
        tree.add(Text(f"… and {trace.total_claims - len(trace.claims)} older claim(s)", style="dim"))
    return tree


def render_sources(stats: Sequence[SourceStats]) -> Table:
    """The sources table: kind, claims, documents, outlets citing, first and last seen, anonymity."""
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, header_style="bold")
    table.add_column("Source", ratio=1, min_width=18)
    table.add_column("Kind", no_wrap=True)
    for heading in ("Claims", "Docs", "Outlets"):
        table.add_column(heading, justify="right", no_wrap=True)
    table.add_column("Seen", no_wrap=True)
    table.add_column("Anon", justify="right", no_wrap=True, min_width=4)
    for line in stats:
        name = line.source.name
        if line.members:
            name += f" (+{len(line.members)} merged)"
        if line.articles > 1:
            name += f" (a different party in each of {line.articles} articles)"
        table.add_row(
            name,
            line.kind.value,
            str(line.claims),
            str(line.documents),
            str(line.outlets),
            _seen(line.first_seen, line.last_seen),
            f"{line.anonymous_share:.0%}",
        )
    return table


def render_documents(listing: DocumentList) -> RenderableType:
    """The stored documents, newest first: id, outlet, publication day, claims and findings on one
    line, the title under them."""
    shown = len(listing.documents)
    if not shown:
        return Text("No stored document matches.")
    total = listing.total
    count = (
        f"{total} document(s), newest first" if shown == total else f"The newest {shown} of {total} documents"
    )
    parts: list[RenderableType] = [Text(count, style="bold")]
    for document in listing.documents:
        line = Text(document.id)
        facts = [document.outlet or "no outlet", _day(document.published) or "undated"]
        facts.append(f"{_count(document.claims, 'claim')}, {_count(document.findings, 'finding')}")
        line.append(" · " + " · ".join(facts), style="dim")
        parts.append(line)
        if document.title:  # wrapped lines indented as the first
            parts.append(Padding(Text(shorten(document.title, 200)), (0, 0, 0, 4)))
    return Group(*parts)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def _day(moment: datetime | None) -> str | None:
    return human_date(moment) if moment else None


def _seen(first: datetime | None, last: datetime | None) -> str:
    """First and last day seen, the last on a line of its own when it differs."""
    days = dict.fromkeys(day for day in (_day(first), _day(last)) if day)
    return "\n".join(days)


def render_ambiguous(found: Sequence[Ambiguity]) -> RenderableType:
    """Each bare surname that could be several people: where it stands and whom it could be, with
    the commands that settle it."""
    if not found:
        return Text("No bare surname is shared by people named in full.")
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, header_style="bold")
    table.add_column("Surname (id)", ratio=1, min_width=18)
    table.add_column("Docs", justify="right", no_wrap=True)
    table.add_column("Joined to", no_wrap=True)
    table.add_column("Could be", ratio=1)
    for ambiguity in found:
        table.add_row(
            f"{ambiguity.source.name} ({ambiguity.source.id})",
            str(ambiguity.documents),
            ambiguity.joined.name if ambiguity.joined else "-",
            ", ".join(candidate.name for candidate in ambiguity.candidates),
        )
    hint = Text(
        'Settle one with: provenance sources merge "FULL NAME" ID, or provenance sources split ID.',
        style="dim",
    )
    return Group(table, hint)
