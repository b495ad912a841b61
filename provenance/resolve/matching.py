"""Which claims in different documents say the same thing, at corpus scale: blocking by rare words.

Whether two claims are one is `claimtext.is_same_report`; this module only keeps the comparisons few.
Each claim is compared only with the claims that share a pair of its rarest words (a block): a pair
of words is rarer than either, so blocks stay small even where every word is common, and two copies
of one claim, trimmed or with a word changed, still share one of the pairs. Each block is scored in
rapidfuzz's C routines a row at a time; the blocks come from one sorted list of integers, so the work
and the memory grow with the corpus, not with its square, and no set of compared pairs is kept.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from itertools import combinations

from ..claimtext import report_form, same_reports, trimmable
from ..model import Claim

MIN_TOKENS = 4
"""Claims with fewer distinctive words ("It is bad.", "3:40 p.m.") are too short to match at all."""

BLOCK_WORDS = 4
"""How many of a claim's rarest words make its keys, by pairs (six keys); two claims are compared
only if they share one pair. Four, so that a relay that cut two rare words off still shares one."""

MAX_BLOCK = 500
"""Keys carried by more distinct claims than this are too common to narrow anything down."""


def match_claims(claims: Sequence[Claim]) -> list[list[int]]:
    """Groups of indices into ``claims`` that say the same thing in at least two documents.

    Identical texts are grouped by a dictionary; near-identical ones (`claimtext.is_same_report`)
    by rapidfuzz, compared only when they share a pair of their rarest words. Groups are in the
    order of their first claim, each in claim order.
    """
    texts: dict[str, list[int]] = {}
    words: dict[str, tuple[str, ...]] = {}  # text key -> its distinctive words, sorted
    spelled: dict[str, str] = {}  # one string per word, however many claims hold it
    for number, claim in enumerate(claims):
        key, found = report_form(claim.text)
        vocabulary = tuple(sorted({spelled.setdefault(word, word) for word in found}))
        # Short texts ("3:40 p.m.") repeat everywhere without being one claim: never match them.
        if len(vocabulary) >= MIN_TOKENS:
            texts.setdefault(key, []).append(number)
            words.setdefault(key, vocabulary)
    keys = list(texts)
    distinct = [words[key] for key in keys]
    del words, spelled
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


def _blocks(distinct: Sequence[tuple[str, ...]]) -> Iterator[list[int]]:
    """The texts that share a pair of their `BLOCK_WORDS` rarest words, per pair carried by two to
    `MAX_BLOCK` texts. Each entry is one integer, the pair's number (from the numbers of its two
    words) above the text's, sorted so that equal pairs lie together: exact, and the same every
    run (no string hashes, which Python salts per process)."""
    frequency = Counter(word for vocabulary in distinct for word in vocabulary)
    number_of = {word: number for number, word in enumerate(frequency)}
    words = len(number_of)
    owner_bits = max(1, len(distinct).bit_length())
    entries: list[int] = []
    for number, vocabulary in enumerate(distinct):
        shared = [w for w in vocabulary if frequency[w] > 1]
        rarest = sorted(sorted(shared, key=frequency.__getitem__)[:BLOCK_WORDS])
        entries.extend(
            (number_of[first] * words + number_of[second]) << owner_bits | number
            for first, second in combinations(rarest, 2)
        )
    del frequency, number_of
    entries.sort()
    owner = (1 << owner_bits) - 1
    start = 0
    while start < len(entries):
        key = entries[start] >> owner_bits
        end = start + 1
        while end < len(entries) and entries[end] >> owner_bits == key:
            end += 1
        if 1 < end - start <= MAX_BLOCK:
            yield [entry & owner for entry in entries[start:end]]
        start = end


def _join_block(
    members: list[int], keys: Sequence[str], distinct: Sequence[tuple[str, ...]], parent: list[int]
) -> None:
    """Join the texts of one block that are one report (`claimtext.same_reports`)."""
    texts = [keys[member] for member in members]
    vocabularies = [trimmable(distinct[member]) for member in members]
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
