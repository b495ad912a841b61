"""Which claims in different documents say the same thing, at corpus scale: blocking by rare words.

Whether two claims are one is `claimtext.is_same_report`; this module only keeps the comparisons few."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from ..claimtext import distinctive_words, is_same_report, mask_figures, normalise, sorted_tokens
from ..model import Claim

MIN_TOKENS = 4
"""Claims with fewer distinctive words ("It is bad.", "3:40 p.m.") are too short to match at all."""

BLOCK_KEYS = 3
"""How many of a claim's rarest words serve as keys; two claims are compared only if they share one."""

MAX_BLOCK = 500
"""Keys carried by more distinct claims than this are too common to narrow anything down."""


def match_claims(claims: Sequence[Claim]) -> list[list[int]]:
    """Groups of indices into ``claims`` that say the same thing in at least two documents.

    Identical texts are grouped by a dictionary; near-identical ones by rapidfuzz, compared only
    when they share one of their rarest words, so the work grows with the matches, not with n².
    Groups are in the order of their first claim.
    """
    texts: dict[str, list[int]] = {}
    distinctive: dict[str, set[str]] = {}
    for number, claim in enumerate(claims):
        masked = mask_figures(normalise(claim.text))
        vocabulary = set(distinctive_words(masked.split()))
        # Short texts ("3:40 p.m.") repeat everywhere without being one claim: never match them.
        if len(vocabulary) >= MIN_TOKENS:
            key = sorted_tokens(masked)
            texts.setdefault(key, []).append(number)
            distinctive[key] = vocabulary
    keys = list(texts)
    words = [distinctive[key] for key in keys]
    frequency = Counter(word for vocabulary in words for word in vocabulary)
    blocks: dict[str, list[int]] = {}
    for number, vocabulary in enumerate(words):
        shared = sorted((w for w in vocabulary if frequency[w] > 1), key=lambda w: (frequency[w], w))
        for word in shared[:BLOCK_KEYS]:
            blocks.setdefault(word, []).append(number)
    parent = list(range(len(keys)))

    def find(node: int) -> int:
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    compared: set[tuple[int, int]] = set()
    for members in blocks.values():
        if len(members) > MAX_BLOCK:
            continue
        for place, first in enumerate(members):
            for second in members[place + 1 :]:
                if (first, second) in compared or find(first) == find(second):
                    continue
                compared.add((first, second))
                if is_same_report(keys[first], keys[second], words[first], words[second]):
                    parent[find(second)] = find(first)
    grouped: dict[int, list[int]] = {}
    for number, key in enumerate(keys):
        grouped.setdefault(find(number), []).extend(texts[key])
    groups = [sorted(members) for members in grouped.values()]
    documents = [claim.document for claim in claims]
    return sorted(
        (group for group in groups if len({documents[member] for member in group}) > 1),
        key=lambda group: group[0],
    )
