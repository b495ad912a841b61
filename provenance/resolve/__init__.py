"""The resolve stage: findings about how a graph's claims are sourced, as pure functions over it."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from types import MappingProxyType

from ..model import Finding, Graph, GraphIndex, Severity
from . import citation, corpus, document
from .matching import match_claims
from .position import Located, positioned_claims

__all__ = ["RULES", "fails", "resolve"]

RULES: Mapping[str, tuple[Severity, str]] = MappingProxyType({
    "unattributed": (Severity.WARNING, "a claim with no source beyond the outlet itself"),
    "anonymous-source": (Severity.WARNING, "a claim resting on an anonymous party (\"sources said\")"),
    "dangling-source": (Severity.ERROR, "an outlet or hop names a source id that does not exist"),
    "circular-citation": (Severity.ERROR, "sources cite each other in a loop, within or across articles"),
    "date-after-publication": (
        Severity.ERROR, "a claim, or an article it cites, dated after the citing article"),
    "unresolved-mention": (Severity.WARNING, "a pronoun or description that links to no source"),
    "single-source": (Severity.INFO, "claims in an article that rest on one named party alone"),
    "not-independent": (
        Severity.WARNING, "one claim carried by several outlets that all trace back to one origin"),
    "conflicting-figures": (
        Severity.WARNING, "the same claim with different figures or dates in different articles"),
})  # fmt: skip
"""Every rule `resolve` applies: name → (severity, what it finds). Names are stable output."""

_DOCUMENT_RULES: tuple[Callable[[GraphIndex], Iterator[Located]], ...] = (
    document.dangling_source,
    citation.circular_citation,
    document.date_after_publication,
    document.unattributed,
    document.anonymous_source,
    document.unresolved_mention,
)
_ORDER = {rule: number for number, rule in enumerate(RULES)}


def resolve(graph: Graph) -> tuple[Finding, ...]:
    """All findings for a graph (one document, a curated file, or many documents).

    Sorted by severity (error first), then document order. Corpus rules compare claims across
    documents only when there are several; the result never depends on ``graph.findings``.
    """
    index = graph.index
    located: list[Located] = []
    for rule in _DOCUMENT_RULES:
        located.extend(rule(index))
    groups: list[corpus.Group] = []
    if len(graph.documents) > 1:
        claims = list(positioned_claims(index))
        groups = [
            [claims[member] for member in group] for group in match_claims([claim for _, claim in claims])
        ]
        located.extend(corpus.not_independent(index, groups))
        located.extend(corpus.conflicting_figures(index, groups))
    located.extend(corpus.single_source(index, groups))
    located.sort(key=lambda item: (-item[1].severity.rank, item[0], _ORDER[item[1].rule], item[1].message))
    return tuple(dict.fromkeys(finding for _, finding in located))


def fails(findings: Iterable[Finding], threshold: Severity) -> bool:
    """True when any finding is at or above ``threshold``: the CLI's ``--fail-on``."""
    return any(finding.severity.rank >= threshold.rank for finding in findings)
