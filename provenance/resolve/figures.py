"""Figures a claim states ("approximately 50 trucks", "fifty trucks", "12%"), for comparing reports."""

from __future__ import annotations

import re

from attrs import frozen

from .vocabulary import MULTIPLIERS, NOT_UNITS, NUMBER_WORDS, PERCENT_UNITS, STOPWORDS

_TOKEN = re.compile(r"\d+(?:[,.]\d+)*|%|[^\W\d_]+(?:[-'][^\W\d_]+)*")
_GAP = re.compile(r"[^\S\n]*-?[^\S\n]*")
_YEARS = range(1900, 2100)


@frozen
class Figure:
    """A number and what it counts, with the words as written for messages."""

    value: float
    """The number, multipliers applied: "1.5 million" is 1500000."""
    unit: str
    """What is counted, singular and lower case: "truck", "percent"."""
    text: str
    """The figure as the claim words it: "50 trucks"."""


def find_figures(text: str) -> list[Figure]:
    """Every figure followed directly by what it counts; bare numbers, years and times are skipped."""
    matches = list(_TOKEN.finditer(text))
    words = [match.group().casefold() for match in matches]

    def adjoins(place: int) -> bool:
        # Only spaces or a hyphen may stand between a figure's words: "50 trucks", "5-year".
        return _GAP.fullmatch(text, matches[place - 1].end(), matches[place].start()) is not None

    figures: list[Figure] = []
    place = 0
    while place < len(words):
        start = place
        value = _number(words[place])
        place += 1
        # "3:40 p.m." is a time and "#2" a rank, not counts of anything.
        if value is None or text[matches[start].start() - 1 : matches[start].start()] in (":", "#"):
            continue
        while place < len(words) and words[place] in MULTIPLIERS and adjoins(place):
            value *= MULTIPLIERS[words[place]]
            place += 1
        if place == len(words) or not adjoins(place):
            continue
        if place == start + 1 and value in _YEARS and words[start].isdigit():
            continue
        unit = _unit(words[place])
        if unit is not None:
            figures.append(Figure(value, unit, text[matches[start].start() : matches[place].end()]))
            place += 1
    return figures


def _number(word: str) -> float | None:
    if word[0].isdigit():
        # "1,200" is twelve hundred; "1.5" a decimal (articles in English, by design).
        digits = word.replace(",", "")
        try:
            return float(digits)
        except ValueError:
            return None
    return float(NUMBER_WORDS[word]) if word in NUMBER_WORDS else None


def _unit(word: str) -> str | None:
    if word in PERCENT_UNITS:
        return "percent"
    if len(word) < 2 or word in STOPWORDS or word in NOT_UNITS or word in MULTIPLIERS:
        return None
    if _number(word) is not None or not word.isalpha():
        return None
    # A crude singular is enough to make "1 truck" and "2 trucks" count the same thing.
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word
