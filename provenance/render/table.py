"""The findings table: severity, rule, message and where, readable at 80 columns."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from rich import box
from rich.table import Table
from rich.text import Text

from ..model import Finding, Graph, GraphIndex, Severity
from .outline import short_id

SEVERITY_STYLES = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
"""How each severity stands out on a colour terminal; plain consoles show the word alone."""


def render_findings(findings: Sequence[Finding], graph: Graph | None = None) -> Table:
    """A table of findings in the order given; with the graph, claim ids are shortened per document.

    Within one document a claim is shown as "c3", the id the tree shows; across documents, or
    without the graph, the full claim id is shown.
    """
    index = (graph or Graph()).index
    one_document = graph is not None and len({claim.document for claim in graph.claims}) <= 1
    return findings_table(findings, index, shorten=one_document)


def findings_table(findings: Sequence[Finding], index: GraphIndex, *, shorten: bool) -> Table:
    """A table of findings in the order given; ``shorten`` shows claims by their short id ("c3")."""
    table = Table(
        title=summary(findings), title_justify="left", title_style="bold", box=box.SIMPLE_HEAD,
        show_edge=False, pad_edge=False, show_header=bool(findings), header_style="bold",
    )  # fmt: skip
    table.add_column("Severity", no_wrap=True)
    table.add_column("Rule", no_wrap=True)
    table.add_column("Message", ratio=1, overflow="fold")
    table.add_column("Where", no_wrap=True)
    for finding in findings:
        table.add_row(
            Text(finding.severity.value, style=SEVERITY_STYLES[finding.severity]),
            finding.rule,
            finding.message,
            where(finding, index, shorten=shorten),
        )
    return table


def summary(findings: Sequence[Finding]) -> str:
    """ "Findings: 1 error, 2 warnings, 3 info", or "No findings"."""
    if not findings:
        return "No findings"
    counts = Counter(finding.severity for finding in findings)
    parts = []
    for severity in sorted(counts, key=lambda s: -s.rank):
        count = counts[severity]
        noun = severity.value if count == 1 or severity is Severity.INFO else f"{severity.value}s"
        parts.append(f"{count} {noun}")
    return "Findings: " + ", ".join(parts)


def where(finding: Finding, index: GraphIndex, *, shorten: bool) -> str:
    """What a finding is about, for the Where column: its claim id, else its source id."""
    if finding.claim is not None:
        claim = index.claim(finding.claim)
        return short_id(claim) if shorten and claim is not None else finding.claim
    return finding.source or "—"
