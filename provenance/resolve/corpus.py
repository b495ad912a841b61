"""Rules across documents: one origin passed off as many, figures that disagree, lone sources.

Each corpus finding names the claims it rests on (their ids carry their documents), the outlets
that carry them and, where it matters, their dates, so that a reader can open both articles.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from datetime import date
from itertools import combinations

from ..claimtext import distinctive_words, normalise
from ..model import Claim, ClaimKind, Finding, GraphIndex, Severity
from .figures import find_figures
from .position import Located, Position, positioned_claims
from .vocabulary import UNLINKED_KINDS, is_position_cue
from .wording import day, enumerate_names, plural

Group = Sequence[tuple[Position, Claim]]
"""Claims from at least two documents that say the same thing, in document order."""

COPIED_WORDS = 10
"""Least distinctive words for one wording in two outlets to count as copied: short sentences
("the ministry said the death toll rose to 50") are written alike without copying."""

Value = tuple[str, float, str]
"""A value a claim states: its unit, the number, and the words that state it."""

_DATES = ""
"""The "unit" under which claim dates are compared; no figure has an empty unit."""


def not_independent(index: GraphIndex, groups: Sequence[Group]) -> Iterator[Located]:
    """The same claim carried by several outlets that all rest on one origin, or that word it alike.

    A copy rests on its publishing outlet and on each named party its chain says it heard the claim
    from (or an article it cites); a party whose position the claim reports ("the US wants ...",
    "X criticized ...") is its subject, not its origin. Copies of at least two outlets that rest on
    one party make one finding naming the deepest such party (the one nearest the claim's source).
    Failing that, copies of at least two outlets in the very same words (not a quotation, which is
    the speaker's own wording) were copied from one another or from one source they do not name.
    """
    for group in groups:
        outlets = {_outlet(index, claim) for _, claim in group}
        if len(outlets) < 2:
            continue
        finding = _shared_origin(index, group) or _copied_wording(index, group)
        if finding is not None:
            yield group[0][0], finding


def _outlet(index: GraphIndex, claim: Claim) -> str:
    return index.outlet(claim) or claim.document


def _rests_on(index: GraphIndex, claim: Claim) -> list[str]:
    """The parties a copy rests on, outlet first, then nearer to the claim's source."""
    parties = [_outlet(index, claim)]
    for hop in claim.chain[1:]:
        if is_position_cue(hop.cue):
            break  # what follows is the party's stance, not whom the outlet heard it from
        cited = index.document(hop.document) if hop.document else None
        if cited is not None and cited.outlet is not None:
            parties.append(cited.outlet)
        if index.kind(hop.source) not in UNLINKED_KINDS:
            parties.append(hop.source)
    return list(dict.fromkeys(parties))


def _shared_origin(index: GraphIndex, group: Group) -> Finding | None:
    resting: dict[str, list[Claim]] = {}
    depth: dict[str, int] = {}
    for _, claim in group:
        for place, party in enumerate(_rests_on(index, claim)):
            resting.setdefault(party, []).append(claim)
            depth[party] = max(depth.get(party, 0), place)
    candidates = [
        (party, claims)
        for party, claims in resting.items()
        if len({_outlet(index, claim) for claim in claims}) >= 2 and index.kind(party) not in UNLINKED_KINDS
    ]
    if not candidates:
        return None
    # The party most copies rest on; among those, the deepest: "A cites Reuters, which cites X" is X's.
    origin, claims = max(candidates, key=lambda item: (len(item[1]), depth[item[0]], -_order(group, item[0])))
    carriers = _carriers(index, claims)
    others = len({_outlet(index, claim) for _, claim in group}) - len(carriers)
    verb = "carries" if others == 1 else "carry"
    tail = f"; {plural(others, 'other outlet')} {verb} it on other grounds" if others else ""
    first = claims[0]
    return Finding(
        "not-independent", Severity.WARNING,
        f"{len(carriers)} outlets, 1 independent origin: {index.name(origin)}, "
        f"carried by {enumerate_names(carriers, limit=6)}{tail}.",
        claim=first.id, source=origin, span=first.span,
    )  # fmt: skip


def _order(group: Group, party: str) -> int:
    # Ties go to the party named first in the group, so the result does not hang on dict order.
    for number, (_, claim) in enumerate(group):
        if any(hop.source == party for hop in claim.chain):
            return number
    return len(group)


def _copied_wording(index: GraphIndex, group: Group) -> Finding | None:
    wordings: dict[str, list[Claim]] = {}
    for _, claim in group:
        if claim.kind is ClaimKind.DIRECT:
            continue  # a quotation is the speaker's own words, the same in every outlet
        text = normalise(claim.text)
        if len(set(distinctive_words(text.split()))) >= COPIED_WORDS:
            wordings.setdefault(text, []).append(claim)
    for claims in wordings.values():
        carriers = _carriers(index, claims)
        if len(carriers) < 2:
            continue
        first = claims[0]
        return Finding(
            "not-independent", Severity.WARNING,
            f"{len(carriers)} outlets carry this claim in the same words, copied from one another or "
            f"from one source they do not name: {enumerate_names(carriers, limit=6)}.",
            claim=first.id, span=first.span,
        )  # fmt: skip
    return None


def _carriers(index: GraphIndex, claims: Sequence[Claim]) -> list[str]:
    """ "Daily Planet (d1-c2, 2 January 2025)" for the first copy of each outlet, in claim order."""
    seen: dict[str, str] = {}
    for claim in claims:
        outlet = _outlet(index, claim)
        if outlet not in seen:
            when = _published(index, claim)
            dated = f", {day(when)}" if when else ""
            seen[outlet] = f"{index.name(outlet)} ({claim.id}{dated})"
    return list(seen.values())


def _published(index: GraphIndex, claim: Claim) -> date | None:
    document = index.document(claim.document)
    return document.published.date() if document is not None and document.published else None


def conflicting_figures(index: GraphIndex, groups: Sequence[Group]) -> Iterator[Located]:
    """The same claim about one event with different figures or dates in different outlets.

    One event: the same report (the group), told on the same day. Figures are compared between
    copies that speak of the same day (the claim's own date, else its article's; undated copies
    among themselves), so that a price or a toll reported on two days is two events, not a
    conflict; dates are compared between copies published on the same day. One finding per unit.
    """
    for group in groups:
        position, first = group[0]
        by_day: dict[date | None, list[Claim]] = {}  # undated copies are compared among themselves
        for _, claim in group:
            by_day.setdefault(claim.date or _published(index, claim), []).append(claim)
        reported: set[str] = set()
        for claims in by_day.values():
            for unit, message in _conflicts(index, claims, _figures):
                if unit not in reported:
                    reported.add(unit)
                    yield position, _conflict(message, first)
        published: dict[date, list[Claim]] = {}
        for _, claim in group:
            when = _published(index, claim)
            if claim.date is not None and when is not None:
                published.setdefault(when, []).append(claim)
        for claims in published.values():
            for unit, message in _conflicts(index, claims, _dates):
                if unit not in reported:
                    reported.add(unit)
                    yield position, _conflict(message, first)


def _conflict(message: str, first: Claim) -> Finding:
    return Finding(
        "conflicting-figures",
        Severity.WARNING,
        f"{message} for the same claim.",
        claim=first.id,
        span=first.span,
    )


def _figures(claim: Claim) -> Iterator[Value]:
    for figure in find_figures(claim.text):
        yield figure.unit, figure.value, f"“{figure.text}”"


def _dates(claim: Claim) -> Iterator[Value]:
    if claim.date is not None:
        yield _DATES, claim.date.toordinal(), day(claim.date)


def _conflicts(
    index: GraphIndex, claims: Sequence[Claim], read: Callable[[Claim], Iterator[Value]]
) -> Iterator[tuple[str, str]]:
    """Per unit, the first two outlets whose copies state different sets of values."""
    found: dict[str, dict[str, tuple[Claim, dict[float, str]]]] = {}  # unit -> outlet -> (copy, values)
    for claim in claims:
        for unit, value, wording in read(claim):
            copy = found.setdefault(unit, {}).setdefault(_outlet(index, claim), (claim, {}))
            if copy[0] is claim:  # an outlet's first copy speaks for it
                copy[1].setdefault(value, wording)
    for unit, by_outlet in found.items():
        # Outlets that state the same set of figures agree, even if each states several.
        for (one, (claim, mine)), (other, (their_claim, theirs)) in combinations(by_outlet.items(), 2):
            if mine.keys() != theirs.keys():
                yield (
                    unit,
                    (
                        f"{mine[_differing(mine, theirs)]} ({index.name(one)}, {claim.id}) vs "
                        f"{theirs[_differing(theirs, mine)]} ({index.name(other)}, {their_claim.id})"
                    ),
                )
                break


def _differing(values: dict[float, str], other: dict[float, str]) -> float:
    return next((value for value in values if value not in other), next(iter(values)))


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
