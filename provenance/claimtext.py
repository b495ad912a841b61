"""When two texts are the same claim: normalised words, the words that tell claims apart, figures.

The one home of claim identity, pure and knowing no model, so that the corpus rules (`resolve.matching`),
the fact-check workflow and the store's review keys all decide it alike. Two questions, two answers:
`is_same_report` for the corpus rules, which mask figures so that "50 trucks" and "40 trucks" are one
event whose figures conflict; `is_same_claim` for verdicts, which keep them, for a verdict on "50
trucks" must not stand for "40 trucks".
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from functools import cache, lru_cache


def _words(text: str) -> frozenset[str]:
    # Word lists are written as running text so that they are easy to read and extend.
    return frozenset(text.split())


STOPWORDS = _words(
    """
    a about above after again against all also am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further had
    has have having he her here hers him his how i if in into is it its itself just me more most my no
    nor not now of off on once only or other our out over own same she should so some such than that
    the their theirs them then there these they this those through to too under until up very was we
    were what when where which while who whom why will with would you your said says say told
    according reported added stated noted
    """
)
"""Words too common to tell two claims apart or to name what a figure counts."""

SIMILARITY = 88.0
"""Least token-sort similarity (0-100) for two texts to be near-equal wordings of one claim.
At 85, "the militias in Iraq control the state" and "... in Syria control the border" would match."""

SUBSET_TOKENS = 6
"""A claim whose distinctive words (at least this many) all recur in a longer claim is the same
claim, trimmed: relays often cut a sentence short ("... towards Kobani." for "... the Kobani area")."""

NORMALISED = 4096
"""Texts whose normal form is remembered: a wire story's copies are compared again and again."""

_STANDALONE_FIGURE = re.compile(r"\b\d+\b")
_DIGITS = re.compile(r"\d+")
_NON_WORD = re.compile(r"[^\w#%]+")
_COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
"""Combining marks left by NFKD ("é" → "e" + U+0301), dropped so accents do not block a match."""


@lru_cache(maxsize=NORMALISED)
def normalise(text: str) -> str:
    """Lower case, accents and punctuation removed, spaces collapsed: what two copies share.

    Also the key the store files verdicts under, so that a verdict reaches every exact copy.
    """
    bare = text.casefold()
    if not bare.isascii():  # most English text is: skip decomposing it
        bare = _COMBINING.sub("", unicodedata.normalize("NFKD", bare))
    return " ".join(_NON_WORD.sub(" ", bare).split())


def mask_figures(normalised: str) -> str:
    """Figures replaced by "#", so that "50 trucks" and "40 trucks" still match as one event."""
    return _STANDALONE_FIGURE.sub("#", normalised)


def distinctive_words(tokens: Iterable[str]) -> list[str]:
    """The tokens that can tell claims apart, in order: no stopwords or short particles; figures stay."""
    return [word for word in tokens if (len(word) > 2 or word.isdigit()) and word not in STOPWORDS]


def search_words(text: str) -> list[str]:
    """The distinct words of a text worth searching for: its distinctive words, each once."""
    return list(dict.fromkeys(distinctive_words(normalise(text).split())))


def report_form(text: str) -> tuple[str, list[str]]:
    """What the corpus rules compare of a claim: its figure-masked words in alphabetical order (the
    text `is_near` takes) and its distinctive words (which `is_trimmed` takes), from one pass."""
    normal = normalise(text)
    tokens = (mask_figures(normal) if _DIGITS.search(normal) else normal).split()
    tokens.sort()
    return " ".join(tokens), distinctive_words(tokens)


def sorted_tokens(normalised: str) -> str:
    """The words in alphabetical order: what near-equality compares, so word order does not count."""
    return " ".join(sorted(normalised.split()))


def is_near(first: str, second: str) -> bool:
    """Whether two token-sorted texts (`sorted_tokens`) are near-equal: similarity at `SIMILARITY`."""
    return _ratio()(first, second, score_cutoff=SIMILARITY) >= SIMILARITY


def is_trimmed(first: set[str], second: set[str]) -> bool:
    """Whether one set of distinctive words (at least `SUBSET_TOKENS`) lies wholly in the other."""
    shorter, longer = sorted((first, second), key=len)
    return len(shorter) >= SUBSET_TOKENS and shorter <= longer


def is_same_report(first: str, second: str, first_words: set[str], second_words: set[str]) -> bool:
    """Whether two claims report one event, for the corpus rules: near-equal token-sorted, figure-masked
    texts (``first``, ``second``), or one trimmed from the other (their distinctive words)."""
    return is_trimmed(first_words, second_words) or is_near(first, second)


def same_reports(text: str, words: str, others: Sequence[str], others_words: Sequence[str]) -> set[int]:
    """`is_same_report` of one claim against many at once, in rapidfuzz's C routines: the indices
    into ``others`` that report the same event. Texts are token-sorted and figure-masked,
    words the distinctive words as `trimmable` gives them: "" for a text too short to count as
    trimmed."""
    from rapidfuzz.fuzz import ratio, token_set_ratio
    from rapidfuzz.process import extract

    if len(others) <= FEW:
        # A call per pair costs less than setting up a batch for a handful (most blocks are pairs).
        return {
            index
            for index, (other, other_words) in enumerate(zip(others, others_words, strict=True))
            if ratio(text, other, score_cutoff=SIMILARITY)
            or (words and other_words and token_set_ratio(words, other_words, score_cutoff=100))
        }
    near = extract(text, others, scorer=ratio, score_cutoff=SIMILARITY, limit=None)
    found = {index for _, _, index in near}
    if words:
        # token_set_ratio is 100 exactly when one set of words lies within the other.
        trimmed = extract(words, others_words, scorer=token_set_ratio, score_cutoff=100, limit=None)
        found.update(index for _, _, index in trimmed)
    return found


FEW = 8
"""Up to this many texts `same_reports` scores one pair at a time, past it in one batch."""


def trimmable(words: Sequence[str]) -> str:
    """Distinctive words as `same_reports` compares them for trimming: joined, or "" when fewer than
    `SUBSET_TOKENS` (too few for one text to be the other trimmed)."""
    return " ".join(words) if len(words) >= SUBSET_TOKENS else ""


def is_same_claim(first: str, second: str) -> bool:
    """Whether two texts are one claim for a verdict: equal words, or, with equal figures, near-equal
    words or one's distinctive words within the other's (a relay that trimmed the sentence).

    Stricter than `is_same_report`, which masks figures: every run of digits must agree.
    """
    a, b = normalise(first), normalise(second)
    if a == b:
        return True
    if sorted(_DIGITS.findall(a)) != sorted(_DIGITS.findall(b)):
        return False
    trimmed = is_trimmed(set(distinctive_words(a.split())), set(distinctive_words(b.split())))
    return trimmed or is_near(sorted_tokens(a), sorted_tokens(b))


QUERY_WEIGHT = 0.85
"""How much of `similarity` is the share of the checked claim's words found in the stored text; the
rest is the share of the stored text's words found in the claim."""


def similarity(query: str, text: str) -> float:
    """How well a stored text matches the claim being checked, 0-100.

    Over their distinctive words (stopwords out, light stemming: "recalled" is "recalling"): mostly
    how much of the checked claim the stored text holds, partly how much of the stored text the
    claim holds. A checker's rewording or shortening of a longer sentence scores high; the same
    topic in other words ("the port opened a terminal" for "the port closed the terminal after a
    spill") and page junk sharing a few words do not. Figures count as words: "14 people" still
    finds "12 people", as a claim of its own (`is_same_claim` keeps them apart).
    """
    mine, theirs = _stems(query), _stems(text)
    if not mine or not theirs:
        return 0.0
    shared = sum((mine & theirs).values())
    return 100.0 * (
        QUERY_WEIGHT * shared / sum(mine.values()) + (1 - QUERY_WEIGHT) * shared / sum(theirs.values())
    )


def _stems(text: str) -> Counter[str]:
    return Counter(_stem(word) for word in distinctive_words(normalise(text).split()))


def _stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


@cache
def _ratio() -> Callable[..., float]:
    # Imported once, on first use: most commands never compare texts.
    from rapidfuzz.fuzz import ratio

    return ratio
