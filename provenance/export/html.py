"""One self-contained HTML report: article, collapsible sourcing tree, findings, claim chains."""

from __future__ import annotations

import base64
import hashlib
from functools import cache
from html import escape
from importlib import resources
from itertools import pairwise

from attrs import frozen

from ..humandates import human_time, machine_time
from ..model import Claim, ClaimKind, Document, Graph, GraphIndex
from ..render.outline import (
    UNATTRIBUTED,
    Branch,
    Outline,
    claim_details,
    is_flagged,
    nested_cue,
    outline,
    skipped_note,
    source_name,
    source_tag,
    walk,
)
from .options import ExportOptions


def write(graph: Graph, options: ExportOptions) -> bytes:
    """The report page; every text is escaped, and a content security policy allows only the
    page's own inline style and script, so the page can load nothing from anywhere."""
    keys = {claim.id: f"k{number}" for number, claim in enumerate(graph.claims)}
    page = _Page(graph.index, keys)
    style, script = _asset("report.css"), _asset("report.js")
    policy = (
        f"default-src 'none'; style-src '{_digest(style)}'; "
        f"script-src '{_digest(script)}'; base-uri 'none'; form-action 'none'"
    )
    title = graph.documents[0].title if len(graph.documents) == 1 else None
    counts = " · ".join(
        _count(len(items), noun)
        for items, noun in (
            (graph.documents, "document"),
            (graph.claims, "claim"),
            (graph.findings, "finding"),
        )
    )
    parts = [
        "<!doctype html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">',
        '<meta name="referrer" content="no-referrer">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>Sourcing report{': ' + escape(title) if title else ''}</title>",
        f"<style>{style}</style>",
        "</head>",
        "<body>",
        f'<header><h1>Sourcing report</h1><p class="counts">{counts}</p></header>',
        "<main>",
        *(_document(page, view) for view in outline(graph)),
        _findings(graph, keys),
        "</main>",
        _chains(page),
        f"<script>{script}</script>",
        "</body>",
        "</html>",
    ]
    return ("\n".join(parts) + "\n").encode("utf-8")


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


_LEGEND = "".join(f'<mark class="legend kind-{kind.value}">{kind.value}</mark> ' for kind in ClaimKind)


@cache
def _asset(name: str) -> str:
    return (resources.files(__package__) / "data" / name).read_text(encoding="utf-8")


def _digest(source: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode()


@frozen
class _Page:
    index: GraphIndex
    keys: dict[str, str]
    """Element-safe keys of claims ("k3"), whatever characters the claim ids hold."""


def _document(page: _Page, view: Outline) -> str:
    document = view.document
    meta = [escape(page.index.name(document.outlet))] if document.outlet else []
    if document.authors:
        meta.append(f'<span class="authors">by {escape(_names(document.authors))}</span>')
    if document.published:
        stamp, shown = machine_time(document.published), human_time(document.published)
        meta.append(f'<time datetime="{escape(stamp)}">{escape(shown)}</time>')
    if document.url and document.url.lower().startswith(("http://", "https://")):
        url = escape(document.url)
        meta.append(f'<a href="{url}" rel="noreferrer noopener">{url}</a>')
    # Arabic or Kurdish articles get their language and writing direction from the text.
    language = f' lang="{escape(document.language)}"' if document.language else ""
    return (
        f'<article class="document"{language}>'
        f"<header><h2>{escape(document.title or document.id)}</h2>"
        f'<p class="meta">{" · ".join(meta)}</p></header>'
        f'<div class="columns">'
        f'<section class="text"><h3>Article</h3><p class="legend">{_LEGEND}</p>'
        f'<div class="body" dir="auto">{_highlighted(page, document)}</div></section>'
        f'<section class="sourcing"><h3>Sourcing</h3>'
        f'<div class="tree-tools"><button type="button" data-tree="open">Expand all</button> '
        f'<button type="button" data-tree="close">Collapse all</button></div>'
        f'<ul class="tree">{_tree(page, view)}</ul></section>'
        f"</div></article>"
    )


def _tree(page: _Page, view: Outline) -> str:
    """The document's outline as nested collapsible lists: the outlet, the parties it names, whom
    they cite, and the claims under the party each rests on; built without recursion."""
    kind = escape(view.outlet.kind.value) if view.outlet else ""
    tag = f' <span class="kind {kind}">{kind}</span>' if kind else ""
    parts = [_opening("source", f"<strong>{escape(view.outlet_name)}</strong>{tag}")]
    opened = 0  # branches whose list is still open, one per depth
    for depth, branch in walk(view.branches):
        parts += [_CLOSING] * (opened - depth)
        opened = depth + 1
        parts.append(_opening("source", _party(page, branch, nested=depth > 0)))
        parts += [_claim_item(claim, view, page.keys) for claim in branch.claims]
    parts += [_CLOSING] * opened
    if view.unattributed:
        parts.append(_opening("unattributed", f"⚠ {escape(UNATTRIBUTED)}"))
        parts += [_claim_item(claim, view, page.keys) for claim in view.unattributed]
        parts.append(_CLOSING)
    parts.append(_CLOSING)
    return "".join(parts)


_CLOSING = "</ul></details></li>"


def _opening(css: str, summary: str) -> str:
    """A collapsible item: its summary line, then the list that its contents and `_CLOSING` end."""
    return f'<li class="{css}"><details open><summary>{summary}</summary><ul>'


def _party(page: _Page, branch: Branch, *, nested: bool) -> str:
    cue = f'<span class="cue">{escape(nested_cue(branch))}</span> ' if nested else ""
    flag = "⚠ " if is_flagged(branch) else ""
    kind = escape(branch.source.kind.value if branch.source else "unknown")
    about = f" — {escape(branch.source.description)}" if branch.source and branch.source.description else ""
    skipped = skipped_note(branch, page.index)
    note = f' <span class="skipped">{escape(skipped)}</span>' if skipped else ""
    return (
        f"{cue}{flag}<strong>{escape(source_name(branch))}</strong> "
        f'<span class="kind {kind}">{escape(source_tag(branch))}</span>{about}{note}'
    )


def _claim_item(claim: Claim, view: Outline, keys: dict[str, str]) -> str:
    text = " ".join(claim.text.split())
    details = claim_details(claim, view.index)[1:]  # the id is the button's business, not the reader's
    return (
        f'<li class="claim"><button type="button" class="claim-ref" '
        f'data-claim="{keys[claim.id]}">“{escape(text)}” '
        f'<span class="kind">{escape(" · ".join(details))}</span></button></li>'
    )


def _highlighted(page: _Page, document: Document) -> str:
    """The document text with each claim's span in a ``mark``; where spans overlap, a piece
    belongs to every claim covering it, the narrowest first."""
    text = document.text
    keys = page.keys
    spans = [
        (claim.span, claim)
        for claim in page.index.claims_of(document.id)
        if claim.span and claim.span[1] <= len(text) and claim.span[0] < claim.span[1]
    ]
    cuts = sorted({0, len(text)} | {edge for span, _ in spans for edge in span})
    # One sweep along the text: the claims covering a piece are those begun and not yet ended.
    starting: dict[int, list[int]] = {}
    ending: dict[int, list[int]] = {}
    for number, (span, _) in enumerate(spans):
        starting.setdefault(span[0], []).append(number)
        ending.setdefault(span[1], []).append(number)
    active: set[int] = set()
    pieces: list[str] = []
    opened: set[str] = set()
    for start, end in pairwise(cuts):
        active.difference_update(ending.get(start, ()))
        active.update(starting.get(start, ()))
        narrowest = sorted(active, key=lambda n: (spans[n][0][1] - spans[n][0][0], n))
        covering = [spans[number][1] for number in narrowest]
        piece = escape(text[start:end])
        if not covering:
            pieces.append(piece)
            continue
        first = keys[covering[0].id]
        anchor = f' id="claim-{first}"' if first not in opened else ""
        opened.add(first)
        pieces.append(
            f'<mark class="claim kind-{escape(covering[0].kind.value)}"{anchor} tabindex="0" '
            f'data-claims="{" ".join(keys[c.id] for c in covering)}" '
            f'title="{escape(chain_summary(page.index.graph, covering[0]))}">{piece}</mark>'
        )
    return "".join(pieces)


def _names(names: tuple[str, ...]) -> str:
    """ "Jane Roe", "Jane Roe and John Doe", "Jane Roe, John Doe and Ann Poe"."""
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def chain_summary(graph: Graph, claim: Claim) -> str:
    """The chain on one line: "Shafaq News → warned: Mithal al-Alusi"."""
    steps = []
    for index, hop in enumerate(claim.chain):
        name = graph.index.name(hop.source)
        steps.append(name if index == 0 or not hop.cue else f"{hop.cue}: {name}")
    if len(steps) < 2:
        steps.append("no source beyond the outlet")
    return " → ".join(steps)


def _findings(graph: Graph, keys: dict[str, str]) -> str:
    items = []
    for finding in graph.findings:
        severity = escape(finding.severity.value)
        body = (
            f'<span class="severity">{severity}</span> <code>{escape(finding.rule)}</code> '
            f"{escape(finding.message)}"
        )
        if finding.claim in keys:
            body = (
                f'<button type="button" class="claim-ref" data-claim="{keys[finding.claim]}">{body}</button>'
            )
        items.append(f'<li class="finding severity-{severity}">{body}</li>')
    listed = "".join(items) or '<li class="empty">No findings.</li>'
    return f'<section id="findings"><h2>Findings</h2><ul>{listed}</ul></section>'


def _chains(page: _Page) -> str:
    chains = []
    for claim in page.index.graph.claims:
        steps = []
        for index, hop in enumerate(claim.chain):
            source = page.index.source_or_stand_in(hop.source)
            cue = f'<span class="cue">{escape(hop.cue)}</span> ' if hop.cue else ""
            about = f" — {escape(source.description)}" if source.description else ""
            mention = f" (as “{escape(hop.mention)}”)" if hop.mention and hop.mention != source.name else ""
            cited = f"; own document <code>{escape(hop.document)}</code>" if hop.document else ""
            steps.append(
                f"<li>{cue if index else ''}<strong>{escape(source.name)}</strong> "
                f'<span class="kind">{escape(source.kind.value)}</span>'
                f"{mention}{about}{cited}</li>"
            )
        if len(claim.chain) < 2:
            steps.append('<li class="empty">no source beyond the outlet</li>')
        chains.append(
            f'<div class="chain" id="chain-{page.keys[claim.id]}" hidden>'
            f'<p class="claim-text">“{escape(" ".join(claim.text.split()))}”</p>'
            f'<p><span class="kind">{escape(claim.kind.value)}</span> '
            f"<code>{escape(claim.id)}</code></p><ol>{''.join(steps)}</ol></div>"
        )
    return (
        f'<aside id="chain-panel" hidden aria-live="polite">'
        f'<button type="button" class="close" aria-label="Close">×</button>'
        f"<h2>Chain of attribution</h2>{''.join(chains)}</aside>"
    )
