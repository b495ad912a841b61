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
    mention,
    nested_cue,
    outline,
    published,
    serious_rules,
    shorten,
    source_name,
    source_tag,
)

FLAG = "⚠ "
"""Marks what a reader should doubt; with colour off it is the only marker."""


def render_tree(graph: Graph) -> Tree:
    """The sourcing tree of a graph: one tree per document, under a common root when there are many."""
    outlines = outline(graph)
    rules = serious_rules(graph.findings)
    if len(outlines) == 1:
        return _document_tree(outlines[0], rules)
    root = Tree(Text(f"{len(outlines)} documents", style="bold"), guide_style="dim")
    root.children.extend(_document_tree(each, rules) for each in outlines)
    return root


def _document_tree(view: Outline, rules: dict[str, list[str]]) -> Tree:
    label = Text(view.outlet.name if view.outlet else view.document.outlet or view.document.id, style="bold")
    when = published(view.document)
    if when:
        label.append(f" · {when}", style="dim")
    if view.document.title:
        label.append("\n")
        label.append(view.document.title, style="italic")
    tree = Tree(label, guide_style="dim")
    for branch in view.branches:
        _add_branch(tree, view, branch, rules, nested=False)
    if view.unattributed:
        flagged = tree.add(Text(FLAG + UNATTRIBUTED, style="yellow"))
        for claim in view.unattributed:
            flagged.add(_claim_label(claim, view, rules, flagged=True))
    return tree


def _add_branch(
    parent: Tree, view: Outline, branch: Branch, rules: dict[str, list[str]], *, nested: bool
) -> None:
    label = Text()
    if nested:
        label.append(f"{nested_cue(branch)} ", style="dim")
    if is_flagged(branch):
        label.append(FLAG, style="yellow")
    label.append(source_name(branch), style="bold red" if branch.source is None else "bold")
    label.append(f" ({source_tag(branch)})", style="yellow" if is_flagged(branch) else "dim")
    if branch.source is not None and branch.source.description:
        label.append(f" — {branch.source.description}", style="italic")
    node = parent.add(label)
    for claim in branch.claims:
        node.add(_claim_label(claim, view, rules, flagged=False))
    for child in branch.branches:
        _add_branch(node, view, child, rules, nested=True)


def _claim_label(claim: Claim, view: Outline, rules: dict[str, list[str]], *, flagged: bool) -> Text:
    label = Text()
    if flagged:
        label.append(FLAG, style="yellow")
    label.append(f"“{shorten(claim.text)}”")
    details = claim_details(claim)
    words = mention(claim, view.index)
    if words:
        details.append(f"as “{words}”")
    label.append("\n" + " · ".join(details), style="dim")
    found = [rule for rule in rules.get(claim.id, ()) if not (flagged and rule == "unattributed")]
    if found:
        label.append(f" · {FLAG}{', '.join(found)}", style="yellow")
    return label
