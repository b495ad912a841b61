"""Which claims in different documents say the same thing: normalised text, blocking, fuzzy score."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence

from ..model import Claim
from .vocabulary import STOPWORDS

SIMILARITY = 88.0
"""Least token-sort similarity (0-100, figures masked) for two claims to count as the same claim.
At 85, "the militias in Iraq control the state" and "... in Syria control the border" would match."""

SUBSET_TOKENS = 6
"""A claim whose distinctive words (at least this many) all recur in a longer claim is the same
claim, trimmed: relays often cut a sentence short ("... towards Kobani." for "... the Kobani area")."""

MIN_TOKENS = 4
"""Claims with fewer distinctive words ("It is bad.", "3:40 p.m.") are too short to match at all."""

BLOCK_KEYS = 3
"""How many of a claim's rarest words serve as keys; two claims are compared only if they share one."""

MAX_BLOCK = 500
"""Keys carried by more distinct claims than this are too common to narrow anything down."""

_FIGURE = re.compile(r"\b\d+\b")
_NON_WORD = re.compile(r"[^\w#%]+")
_COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
"""Combining marks left by NFKD ("é" → "e" + U+0301), dropped so accents do not block a match."""


def normalise(text: str) -> str:
    """Lower case, accents and punctuation removed, spaces collapsed: what two copies share."""
    bare = text.casefold()
    if not bare.isascii():  # most English text is: skip decomposing it
        bare = _COMBINING.sub("", unicodedata.normalize("NFKD", bare))
    return " ".join(_NON_WORD.sub(" ", bare).split())


def mask_figures(normalised: str) -> str:
    """Figures replaced by "#", so that "50 trucks" and "40 trucks" still match as one event."""
    return _FIGURE.sub("#", normalised)


def match_claims(claims: Sequence[Claim]) -> list[list[int]]:
    """Groups of indices into ``claims`` that say the same thing in at least two documents.

    Identical texts are grouped by a dictionary; near-identical ones by rapidfuzz, compared only
    when they share one of their rarest words, so the work grows with the matches, not with n².
    Groups are in the order of their first claim.
    """
    texts: dict[str, list[int]] = {}
    distinctive: dict[str, set[str]] = {}
    for number, claim in enumerate(claims):
        tokens = mask_figures(normalise(claim.text)).split()
        vocabulary = _distinctive(tokens)
        # Short texts ("3:40 p.m.") repeat everywhere without being one claim: never match them.
        if len(vocabulary) >= MIN_TOKENS:
            key = " ".join(sorted(tokens))
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

    score = _scorer()
    compared: set[tuple[int, int]] = set()
    for members in blocks.values():
        if len(members) > MAX_BLOCK:
            continue
        for place, first in enumerate(members):
            for second in members[place + 1 :]:
                if (first, second) in compared or find(first) == find(second):
                    continue
                compared.add((first, second))
                if _is_trimmed(words[first], words[second]) or score(keys[first], keys[second]) >= SIMILARITY:
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


def _is_trimmed(first: set[str], second: set[str]) -> bool:
    shorter, longer = sorted((first, second), key=len)
    return len(shorter) >= SUBSET_TOKENS and shorter <= longer


def _distinctive(tokens: list[str]) -> set[str]:
    # Words that can tell claims apart: not stopwords, figures or short particles.
    return {word for word in tokens if len(word) > 2} - STOPWORDS


def _scorer() -> Callable[[str, str], float]:
    # Keys are already token-sorted, so a plain ratio on them is rapidfuzz's token_sort_ratio.
    try:
        from rapidfuzz.fuzz import ratio
    except ImportError:  # a bare install without the fuzzy matcher still works, more slowly
        from difflib import SequenceMatcher

        return lambda first, second: 100 * SequenceMatcher(None, first, second).ratio()

    return lambda first, second: ratio(first, second, score_cutoff=SIMILARITY)
