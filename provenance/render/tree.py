"""The sourcing tree: outlet, then each party it relies on, then the claims resting on each."""

from __future__ import annotations

from rich.text import Text
from rich.tree import Tree

from ..model import Claim, Graph
from .outline import (
    UNATTRIBUTED,
    Branch,
    Outline,
    claim_details,
    is_flagged,
    nested_cue,
    outline,
    published,
    serious_rules,
    shorten,
    skipped_note,
    source_name,
    source_tag,
    walk,
)

FLAG = "⚠ "
"""Marks what a reader should doubt; with colour off it is the only marker."""


def render_tree(graph: Graph) -> Tree:
    """The sourcing tree of a graph: one tree per document, under a common root when there are many."""
    outlines = outline(graph)
    rules = serious_rules(graph.findings)
    if len(outlines) == 1:
        return document_tree(outlines[0], rules)
    root = Tree(Text(f"{len(outlines)} documents", style="bold"), guide_style="dim")
    root.children.extend(document_tree(each, rules) for each in outlines)
    return root


def document_tree(view: Outline, rules: dict[str, list[str]]) -> Tree:
    """One document's tree; ``rules`` names the warnings and errors found per claim id."""
    label = Text(view.outlet_name, style="bold")
    when = published(view.document)
    if when:
        label.append(f" · {when}", style="dim")
    if view.document.title:
        label.append("\n")
        label.append(view.document.title, style="italic")
    tree = Tree(label, guide_style="dim")
    parents = [tree]  # parents[depth] is the node a branch at that depth hangs from
    for depth, branch in walk(view.branches):
        del parents[depth + 1 :]
        node = parents[depth].add(_branch_label(view, branch, nested=depth > 0))
        for claim in branch.claims:
            node.add(_claim_label(claim, view, rules, flagged=False))
        parents.append(node)
    if view.unattributed:
        flagged = tree.add(Text(FLAG + UNATTRIBUTED, style="yellow"))
        for claim in view.unattributed:
            flagged.add(_claim_label(claim, view, rules, flagged=True))
    return tree


def _branch_label(view: Outline, branch: Branch, *, nested: bool) -> Text:
    label = Text()
    if nested:
        label.append(f"{nested_cue(branch)} ", style="dim")
    if is_flagged(branch):
        label.append(FLAG, style="yellow")
    label.append(source_name(branch), style="bold red" if branch.source is None else "bold")
    label.append(f" ({source_tag(branch)})", style="yellow" if is_flagged(branch) else "dim")
    if branch.source is not None and branch.source.description:
        label.append(f" — {branch.source.description}", style="italic")
    skipped = skipped_note(branch, view.index)
    if skipped:
        label.append(f"\n{skipped}", style="dim")
    return label


def _claim_label(claim: Claim, view: Outline, rules: dict[str, list[str]], *, flagged: bool) -> Text:
    label = Text()
    if flagged:
        label.append(FLAG, style="yellow")
    label.append(f"“{shorten(claim.text)}”")
    details = claim_details(claim, view.index)
    label.append("\n" + " · ".join(details), style="dim")
    found = [rule for rule in rules.get(claim.id, ()) if not (flagged and rule == "unattributed")]
    if found:
        label.append(f" · {FLAG}{', '.join(found)}", style="yellow")
    return label
