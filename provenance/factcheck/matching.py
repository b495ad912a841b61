"""Finding a claim again: stored copies of it, the verdicts on any copy, and what matches a checked text.

The store answers by words (full-text search); this module decides which of its answers are the same
claim (`claimtext.is_same_claim`) and how well they match (`claimtext.similarity`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from ..claimtext import is_same_claim, normalise, search_words, similarity
from ..errors import InputError
from ..model import Claim
from .model import ClaimMatch, ClaimMatches, Review, earliest_first, newest

if TYPE_CHECKING:
    from ..store import Store

THRESHOLD = 70.0
"""Default least similarity (0-100) for `check-claim` to show a stored claim as a match. Measured on
`tests/data/check_claims.json` (paraphrases and non-matches written for it) by
`bench/check_threshold.py`: every paraphrase scores 77 or more, no non-match above 63."""

MIN_WORDS = 4
"""Least distinctive words of a text to check: fewer ("chemical spill at the port") fit any text on
the topic, page junk included, so they make no claim to find."""

CANDIDATES = 200
"""Claims (or reviews) the full-text search hands to the fuzzy re-ranking; the rest are too far off."""

MAX_COPIES = 10_000
"""Copies of one claim read at most: enough to count a wire story's outlets and origins."""


def check_claim(
    store: Store, text: str, *, threshold: float = THRESHOLD, limit: int = 10
) -> list[ClaimMatch]:
    """Stored claims and reviews that match ``text`` at ``threshold`` (0-100) or better, best first
    (`find_matches` without the count)."""
    return list(find_matches(store, text, threshold=threshold, limit=limit).matches)


def find_matches(store: Store, text: str, *, threshold: float = THRESHOLD, limit: int = 10) -> ClaimMatches:
    """The ``limit`` best stored claims and reviews that match ``text`` at ``threshold`` (0-100) or
    better, best first, and how many match in all.

    Full-text candidates are re-ranked by similarity. Copies of one claim in several documents make
    one match, with every appearance, the roots its chains end in, and the reviews of any copy;
    reviews published elsewhere of claims no stored article carries are matches too. Matches past
    the limit are only counted, one per claim, not gathered.
    """
    words = search_words(text)
    if len(words) < MIN_WORDS:
        found = f" ({', '.join(words)})" if words else ""
        raise InputError(
            f"give the claim in more words: at least {MIN_WORDS} that tell it apart, not {len(words)}{found}"
        )
    candidates = store.claims(store.claims_with_words(words, CANDIDATES))
    scored = sorted(
        ((similarity(text, claim.text), claim) for claim in candidates),
        key=lambda item: (-item[0], item[1].id),
    )
    groups: list[tuple[float, Claim, list[Claim]]] = []
    known: dict[str, None] = {}  # the texts of every match, shown or only counted, and of their copies
    total = 0
    for score, claim in scored:
        if score < threshold:
            break
        if any(is_same_claim(claim.text, other) for other in known):
            continue
        total += 1
        if len(groups) == limit:
            known[claim.text] = None  # past the limit: counted, its copies not gathered
            continue
        members = copies_of(store, claim, candidates)
        groups.append((score, claim, members))
        known.update(dict.fromkeys(member.text for member in members))
    matches = [_match(store, score, claim, members) for score, claim, members in groups]
    for score, review in _matching_reviews(store, text, words, threshold):
        if any(is_same_claim(review.claim_text, other) for other in known):
            continue
        known[review.claim_text] = None
        total += 1
        if len(matches) < limit or score > matches[-1].score:
            reviews = tuple(reviews_of_texts(store, [review.claim_text]))
            matches.append(ClaimMatch(review.claim_text, score, None, reviews=reviews))
            matches.sort(key=lambda match: -match.score)
            del matches[limit:]
    return ClaimMatches(tuple(matches), total)


def _matching_reviews(
    store: Store, text: str, words: list[str], threshold: float
) -> list[tuple[float, Review]]:
    """Stored reviews whose claim text matches ``text`` at ``threshold`` or better, best first."""
    scored = [
        (similarity(text, review.claim_text), review)
        for review in store.reviews_sharing_words(words, CANDIDATES)
    ]
    scored = [(score, review) for score, review in scored if score >= threshold]
    return sorted(scored, key=lambda item: -item[0])


def copies_of(store: Store, claim: Claim, candidates: Sequence[Claim] = ()) -> list[Claim]:
    """The claim and every stored claim that is the same claim (other outlets' copies), by id.

    Copies with every word of the claim come from one full-text query, however many outlets carry
    it; trimmed or reworded copies from ``candidates`` when given (a search already made), else from
    the best-ranked claims sharing its words.
    """
    words = search_words(claim.text)
    ids = store.claims_with_words(words, MAX_COPIES, every=True) if words else []
    pool = {candidate.id: candidate for candidate in candidates}
    if not candidates and words:
        ids += store.claims_with_words(words, CANDIDATES)
    missing = [claim_id for claim_id in dict.fromkeys(ids) if claim_id not in pool]
    pool.update((other.id, other) for other in store.claims(missing))
    found = [
        other for other in pool.values() if other.id != claim.id and is_same_claim(other.text, claim.text)
    ]
    return [claim, *sorted(found, key=lambda other: other.id)]


def reviews_of(store: Store, claim_id: str) -> list[Review]:
    """Every verdict on a stored claim or on its copies in other documents, newest first.

    `InputError` for an unknown claim.
    """
    return reviews_of_texts(store, [copy.text for copy in copies_of(store, store.claim(claim_id))])


def reviews_of_texts(store: Store, texts: Iterable[str]) -> list[Review]:
    """Every review of any of these claim texts or their near-copies, newest first."""
    keys = list(dict.fromkeys(normalise(text) for text in texts))
    # Near-copies ("... the Kobani area" for "... Kobani") are found through their words; every
    # review filed under a near-copy's key is then read, in the order they were recorded.
    near = [
        review.key
        for key in keys
        for review in store.reviews_sharing_words(search_words(key), CANDIDATES)
        if any(is_same_claim(review.claim_text, k) for k in keys)
    ]
    return newest(store.reviews_for_keys(list(dict.fromkeys([*keys, *near]))))


def _match(store: Store, score: float, claim: Claim, members: list[Claim]) -> ClaimMatch:
    index = store.claims_graph(members).index
    appearances = sorted(
        ((member, document) for member in members if (document := index.document(member.document))),
        key=lambda pair: (earliest_first(pair[1]), pair[0].id),
    )
    outlets = dict.fromkeys(document.outlet for _, document in appearances if document.outlet)
    roots = dict.fromkeys(member.root for member, _ in appearances if member.root)
    return ClaimMatch(
        text=claim.text,
        score=score,
        claim=claim,
        chain=tuple(index.source_or_stand_in(hop.source) for hop in claim.chain),
        appearances=tuple(appearances),
        outlets=tuple(index.source_or_stand_in(outlet) for outlet in outlets),
        roots=tuple(index.source_or_stand_in(root) for root in roots),
        reviews=tuple(reviews_of_texts(store, [member.text for member in members])),
    )


def matches_data(matches: Sequence[ClaimMatch]) -> list[dict[str, object]]:
    """`check_claim`'s answer for programs (``check-claim --format json``): each match with the
    facts derived from it, its number of origins, first appearance and standing verdict."""
    from ..serialize import converter

    return [
        {
            **converter.unstructure(match),
            "origins": match.origins,
            "first_appearance": converter.unstructure(match.first_appearance),
            "verdict": converter.unstructure(match.verdict),
        }
        for match in matches
    ]


def reviews_data(history: Sequence[Review]) -> list[dict[str, object]]:
    """`reviews_of`'s answer for programs (``reviews --format json``): newest first, the standing
    verdict marked."""
    from ..serialize import converter

    return [
        {**converter.unstructure(review), "standing": number == 0} for number, review in enumerate(history)
    ]
