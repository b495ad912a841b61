"""Rules across documents: one origin passed off as many, figures that disagree, lone sources."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import combinations

from ..model import Claim, Finding, GraphIndex, Severity
from .figures import find_figures
from .position import Located, Position, positioned_claims
from .vocabulary import UNLINKED_KINDS
from .wording import day, enumerate_names, plural

Group = Sequence[tuple[Position, Claim]]
"""Claims from at least two documents that say the same thing, in document order."""

_DATES = ""
"""The "unit" under which claim dates are compared; no figure has an empty unit."""


def not_independent(index: GraphIndex, groups: Sequence[Group]) -> Iterator[Located]:
    """The same claim carried by several outlets whose chains all end in one named origin."""
    for group in groups:
        outlets = list(dict.fromkeys(index.outlet(claim) or claim.document for _, claim in group))
        origins = {index.origin(claim) for _, claim in group}
        if len(outlets) < 2 or len(origins) != 1:
            continue
        (origin,) = origins
        # "sources" in two articles need not be the same people: no single origin is shown.
        if origin is None or index.kind(origin) in UNLINKED_KINDS:
            continue
        position, first = group[0]
        names = enumerate_names([index.name(outlet) for outlet in outlets])
        yield position, Finding(
            "not-independent", Severity.WARNING,
            f"{plural(len(outlets), 'outlet')}, 1 independent origin: {index.name(origin)} "
            f"(carried by {names}).",
            claim=first.id, source=origin, span=first.span,
        )  # fmt: skip


def conflicting_figures(index: GraphIndex, groups: Sequence[Group]) -> Iterator[Located]:
    """The same claim with different figures or dates in different documents; one finding per unit."""
    for group in groups:
        position, first = group[0]
        found: dict[str, dict[str, dict[float, str]]] = {}  # unit -> document -> value -> wording
        for _, claim in group:
            for figure in find_figures(claim.text):
                wording = found.setdefault(figure.unit, {}).setdefault(claim.document, {})
                wording.setdefault(figure.value, f"“{figure.text}”")
            if claim.date is not None:
                dates = found.setdefault(_DATES, {}).setdefault(claim.document, {})
                dates.setdefault(claim.date.toordinal(), day(claim.date))
        for by_document in found.values():
            conflict = _first_conflict(index, by_document)
            if conflict is not None:
                yield (
                    position,
                    Finding(
                        "conflicting-figures",
                        Severity.WARNING,
                        f"{conflict} for the same claim.",
                        claim=first.id,
                        span=first.span,
                    ),
                )


def _first_conflict(index: GraphIndex, by_document: dict[str, dict[float, str]]) -> str | None:
    # Documents that state the same set of figures agree, even if each states several.
    for (first, values), (second, other) in combinations(by_document.items(), 2):
        if values.keys() != other.keys():
            return (
                f"{values[_differing(values, other)]} ({_outlet_name(index, first)}) vs "
                f"{other[_differing(other, values)]} ({_outlet_name(index, second)})"
            )
    return None


def _differing(values: dict[float, str], other: dict[float, str]) -> float:
    return next((value for value in values if value not in other), next(iter(values)))


def _outlet_name(index: GraphIndex, document_id: str) -> str:
    document = index.document(document_id)
    return index.name(document.outlet) if document is not None and document.outlet else document_id


def single_source(index: GraphIndex, groups: Sequence[Group]) -> Iterator[Located]:
    """Per article and named origin: how many claims rest on that one party and no one else.

    Only claims no other document in the graph carries count: a carried claim is corroborated, or
    relayed from one origin, which `not-independent` reports. Unattributed claims and anonymous or
    unknown origins are left to their own rules, so that this info finding adds news, not noise.
    """
    # Claims other documents carry are corroborated, or relayed from one origin (`not-independent`).
    carried = {claim.id for group in groups for _, claim in group}
    tallies: dict[tuple[str, str], list[tuple[Position, Claim]]] = {}
    for position, claim in positioned_claims(index):
        root = claim.root
        if not claim.is_attributed or root is None or claim.id in carried:
            continue
        if root == index.outlet(claim) or index.kind(root) in UNLINKED_KINDS:
            continue
        tallies.setdefault((claim.document, root), []).append((position, claim))
    for (_, root), claims in tallies.items():
        position, first = claims[0]
        count = len(claims)
        rests = "rests" if count == 1 else "rest"
        yield position, Finding(
            "single-source", Severity.INFO,
            f"{plural(count, 'claim')} in this article {rests} on {index.name(root)} alone.",
            claim=first.id, source=root,
        )  # fmt: skip
