"""A whole database's findings at a glance: counts by rule, then the findings across articles in full.

Drawing every stored article's tree buries the few findings that relate articles under thousands of
lines (and takes most of the time); the trees stay one command away, per document.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from ..humandates import human_date
from ..model import Claim, Finding, Graph, GraphIndex, Severity
from .outline import shorten
from .table import SEVERITY_STYLES

IN_FULL = ("not-independent", "conflicting-figures", "circular-citation")
"""Rules whose findings relate several articles: the overview lists every one with its evidence.
Errors of any rule are listed too, for they fail the run."""

MAX_LISTED = 50
"""Findings listed per rule before the rest are only counted (``--format json`` has them all)."""

_CLAIM_ID = re.compile(r"[^\s(),]+-c\d+")


def render_overview(graph: Graph, database: str) -> Group:
    """The findings of a database: a table of counts by rule and severity, then, grouped by rule,
    every finding across articles and every error, each with the claims it names (outlet, day,
    words) so that a reader can open the articles it rests on."""
    index = graph.index
    findings = graph.findings
    outlets = {index.document_outlet(document) for document in index.document_ids} - {None}
    parts: list[RenderableType] = [
        Text(
            f"{database}: {len(graph.documents):,} documents, {len(graph.claims):,} claims, "
            f"{len(outlets):,} outlets",
            style="bold",
        ),
        Text(),
        _counts(findings, index),
    ]
    listed: dict[str, list[Finding]] = {}
    for finding in findings:
        if finding.rule in IN_FULL or finding.severity is Severity.ERROR:
            listed.setdefault(finding.rule, []).append(finding)
    for rule in sorted(listed, key=lambda r: (r not in IN_FULL, IN_FULL.index(r) if r in IN_FULL else 0, r)):
        parts += [Text(), _section(rule, listed[rule], index)]
    if not listed:
        parts += [Text(), Text("No findings across articles.")]
    parts += [
        Text(),
        Text(
            "Each article's tree and findings: provenance tree --db DB --document ID "
            "(provenance documents lists the ids); every finding: --format json.",
            style="dim",
        ),
    ]
    return Group(*parts)


def _counts(findings: Sequence[Finding], index: GraphIndex) -> Table:
    table = Table(
        title="Findings by rule" if findings else "No findings", title_justify="left", title_style="bold",
        box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, show_header=bool(findings), header_style="bold",
    )  # fmt: skip
    table.add_column("Rule", no_wrap=True)
    table.add_column("Severity", no_wrap=True)
    table.add_column("Findings", justify="right", no_wrap=True)
    table.add_column("Documents", justify="right", no_wrap=True)
    counts = Counter((finding.rule, finding.severity) for finding in findings)
    documents: dict[tuple[str, Severity], set[str | None]] = {}
    for finding in findings:
        documents.setdefault((finding.rule, finding.severity), set()).add(index.owner(finding))
    for (rule, severity), count in sorted(counts.items(), key=lambda item: (-item[0][1].rank, -item[1])):
        table.add_row(
            rule,
            Text(severity.value, style=SEVERITY_STYLES[severity]),
            f"{count:,}",
            f"{len(documents[rule, severity] - {None}):,}",
        )
    return table


def _section(rule: str, findings: Sequence[Finding], index: GraphIndex) -> RenderableType:
    parts: list[RenderableType] = [Text(f"{rule} · {len(findings):,}", style="bold")]
    for finding in findings[:MAX_LISTED]:
        line = Text("• ")
        line.append(finding.severity.value, style=SEVERITY_STYLES[finding.severity])
        line.append(f"  {finding.message}")
        for claim in _evidence(finding, index):
            line.append(f"\n    {_claim_line(claim, index)}", style="dim")
        parts.append(line)
    if len(findings) > MAX_LISTED:
        parts.append(Text(f"… and {len(findings) - MAX_LISTED:,} more", style="dim"))
    return Group(*parts)


def _evidence(finding: Finding, index: GraphIndex) -> list[Claim]:
    """The claim a finding is about, then every other stored claim its message names by id."""
    ids = [finding.claim] if finding.claim else []
    ids += _CLAIM_ID.findall(finding.message)
    claims = (index.claim(claim_id) for claim_id in dict.fromkeys(ids))
    return [claim for claim in claims if claim is not None]


def _claim_line(claim: Claim, index: GraphIndex) -> str:
    document = index.document(claim.document)
    outlet = index.document_outlet(claim.document)
    where = [claim.id]
    if outlet:
        where.append(index.name(outlet))
    if document is not None and document.published is not None:
        where.append(human_date(document.published.date()))
    return f"{' · '.join(where)}: “{shorten(claim.text)}”"
