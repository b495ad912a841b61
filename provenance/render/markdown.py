"""The audit as GitHub Markdown: headings, a nested list for the sourcing, a table of findings."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import Claim, Finding, Graph, GraphIndex
from .outline import (
    UNATTRIBUTED,
    Branch,
    Outline,
    claim_details,
    is_flagged,
    nested_cue,
    outline,
    published,
    shorten,
    skipped_note,
    source_name,
    source_tag,
    walk,
)
from .table import summary, where

MARKDOWN_CLAIM_CHARS = 280
"""Longest claim text in a Markdown report, which is read at leisure rather than scanned."""

_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~])")


def render_markdown(graph: Graph) -> str:
    """Per document: a heading, the sourcing as a nested list, and its findings as a table."""
    index = graph.index
    views = outline(graph)
    by_document: dict[str | None, list[Finding]] = {}
    for finding in graph.findings:
        by_document.setdefault(index.owner(finding), []).append(finding)
    sections = [_document(view, by_document.get(view.document.id, [])) for view in views]
    rest = by_document.get(None, [])
    if rest or not views:
        sections.append(
            _findings(
                "# Findings across documents" if views else "# No documents", rest, index, shorten=False
            )
        )
    return "\n".join(sections)


def _document(view: Outline, findings: list[Finding]) -> str:
    heading = f"{view.outlet_name}: {view.document.title}" if view.document.title else view.outlet_name
    lines = [f"# {escape(heading)}", ""]
    facts = [f"Published {when}" for when in [published(view.document)] if when]
    if view.document.url:
        facts.append(f"<{view.document.url}>")
    facts.append(f"Document `{view.document.id}`")
    lines += [" · ".join(facts), "", "## Sourcing", ""]
    for depth, branch in walk(view.branches):
        lines.append(_branch(view, branch, depth))
        lines += [_claim(view, claim, depth + 1, flagged=False) for claim in branch.claims]
    if view.unattributed:
        lines.append(f"- ⚠ **{escape(UNATTRIBUTED)}**")
        lines += [_claim(view, claim, 1, flagged=True) for claim in view.unattributed]
    if not view.branches and not view.unattributed:
        lines.append("No claims.")
    lines.append("")
    lines.append(_findings(f"## {summary(findings)}", findings, view.index, shorten=True))
    return "\n".join(lines)


def _findings(heading: str, findings: Sequence[Finding], index: GraphIndex, *, shorten: bool) -> str:
    lines = [heading, ""]
    if findings:
        lines += ["| Severity | Rule | Message | Where |", "|---|---|---|---|"]
        for finding in findings:
            cells = (
                finding.severity.value,
                f"`{finding.rule}`",
                escape(finding.message),
                f"`{where(finding, index, shorten=shorten)}`",
            )
            lines.append(f"| {' | '.join(cells)} |")
        lines.append("")
    return "\n".join(lines)


def _branch(view: Outline, branch: Branch, depth: int) -> str:
    cue = f"{escape(nested_cue(branch))} " if depth else ""
    flag = "⚠ " if is_flagged(branch) else ""
    line = f"{'  ' * depth}- {cue}{flag}**{escape(source_name(branch))}** ({escape(source_tag(branch))})"
    if branch.source is not None and branch.source.description:
        line += f" — {escape(branch.source.description)}"
    skipped = skipped_note(branch, view.index)
    if skipped:
        line += f" · _{escape(skipped)}_"
    return line


def _claim(view: Outline, claim: Claim, depth: int, *, flagged: bool) -> str:
    details = claim_details(claim, view.index)
    first, *rest = details
    text = escape(shorten(claim.text, MARKDOWN_CLAIM_CHARS))
    flag = "⚠ " if flagged else ""
    return f"{'  ' * depth}- {flag}“{text}” — {escape(', '.join(rest))} (`{first}`)"


def escape(text: str) -> str:
    """Text with Markdown's special characters backslash-escaped, on one line."""
    return _SPECIAL.sub(r"\\\1", " ".join(text.split()))
