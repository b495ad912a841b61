"""Which claims in different documents say the same thing, at corpus scale: blocking by rare words.

Whether two claims are one is `claimtext.is_same_report`; this module only keeps the comparisons few.
Each claim is compared only with the claims that share one of its rarest words (a block), and a block
is scored in rapidfuzz's C routines, one row at a time: the work grows with the size of the blocks,
not with the square of the corpus, and no set of compared pairs is kept.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from ..claimtext import distinctive_words, mask_figures, normalise, same_reports, sorted_tokens
from ..model import Claim

MIN_TOKENS = 4
"""Claims with fewer distinctive words ("It is bad.", "3:40 p.m.") are too short to match at all."""

BLOCK_KEYS = 3
"""How many of a claim's rarest words serve as keys; two claims are compared only if they share one."""

MAX_BLOCK = 500
"""Keys carried by more distinct claims than this are too common to narrow anything down."""


def match_claims(claims: Sequence[Claim]) -> list[list[int]]:
    """Groups of indices into ``claims`` that say the same thing in at least two documents.

    Identical texts are grouped by a dictionary; near-identical ones (`claimtext.is_same_report`)
    by rapidfuzz, compared only when they share one of their rarest words. Groups are in the order
    of their first claim, each in claim order.
    """
    texts: dict[str, list[int]] = {}
    words: dict[str, str] = {}  # text key -> its distinctive words, sorted and joined
    for number, claim in enumerate(claims):
        masked = mask_figures(normalise(claim.text))
        vocabulary = sorted(set(distinctive_words(masked.split())))
        # Short texts ("3:40 p.m.") repeat everywhere without being one claim: never match them.
        if len(vocabulary) >= MIN_TOKENS:
            key = sorted_tokens(masked)
            texts.setdefault(key, []).append(number)
            words.setdefault(key, " ".join(vocabulary))
    keys = list(texts)
    distinct = [words[key] for key in keys]
    del words
    parent = list(range(len(keys)))
    for members in _blocks(distinct):
        _join_block(members, keys, distinct, parent)
    grouped: dict[int, list[int]] = {}
    for number, key in enumerate(keys):
        grouped.setdefault(_find(parent, number), []).extend(texts[key])
    documents = [claim.document for claim in claims]
    groups = [sorted(members) for members in grouped.values()]
    return sorted(
        (group for group in groups if len({documents[member] for member in group}) > 1),
        key=lambda group: group[0],
    )


def _blocks(distinct: Sequence[str]) -> list[list[int]]:
    """For each word that is one of some text's `BLOCK_KEYS` rarest (and is carried by two to
    `MAX_BLOCK` texts), the texts that carry it as one of theirs."""
    frequency = Counter(word for vocabulary in distinct for word in vocabulary.split())
    blocks: dict[str, list[int]] = {}
    for number, vocabulary in enumerate(distinct):
        shared = sorted((w for w in vocabulary.split() if frequency[w] > 1), key=lambda w: (frequency[w], w))
        for word in shared[:BLOCK_KEYS]:
            blocks.setdefault(word, []).append(number)
    return [members for members in blocks.values() if 1 < len(members) <= MAX_BLOCK]


def _join_block(members: list[int], keys: Sequence[str], distinct: Sequence[str], parent: list[int]) -> None:
    """Join the texts of one block that are one report (`claimtext.same_reports`)."""
    texts = [keys[member] for member in members]
    vocabularies = [distinct[member] for member in members]
    for place in range(len(members) - 1):
        after = place + 1
        for index in same_reports(texts[place], vocabularies[place], texts[after:], vocabularies[after:]):
            first, second = _find(parent, members[place]), _find(parent, members[after + index])
            if first != second:
                parent[max(first, second)] = min(first, second)


def _find(parent: list[int], node: int) -> int:
    while parent[node] != node:
        parent[node] = parent[parent[node]]
        node = parent[node]
    return node
