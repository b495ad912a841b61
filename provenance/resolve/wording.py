"""How findings word things: short quotes, dates and lists of names a reader takes in at a glance."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from ..humandates import has_time

SNIPPET_CHARS = 48
"""Longest quotation of a claim inside a message; the claim id points to the rest."""


def snippet(text: str, limit: int = SNIPPET_CHARS) -> str:
    """The text in curly quotes, cut at a word boundary with an ellipsis when longer than ``limit``."""
    text = " ".join(text.split())
    if len(text) > limit:
        cut = text[: limit - 1]
        space = cut.rfind(" ")
        # Cut at a word boundary unless that would throw most of the snippet away.
        text = (cut[:space] if space > limit // 2 else cut).rstrip(" ,;:") + "…"
    return f"“{text}”"


def day(value: date) -> str:
    """A date as people write it: "2 January 2025"."""
    return f"{value.day} {value:%B %Y}"


def moment(value: datetime) -> str:
    """A publication time: "2 January 2025 21:13", with its UTC offset when it has one; the date alone
    when the time of day is unknown (`humandates.has_time`)."""
    if not has_time(value):
        return day(value)
    text = f"{day(value)} {value:%H:%M}"
    offset = value.utcoffset()
    if offset is None:
        return text
    return f"{text} UTC" if not offset else f"{text} {value:%z}"


def enumerate_names(names: Sequence[str], limit: int = 4) -> str:
    """ "A, B and C"; past ``limit`` names, "A, B, C, D and 3 more"."""
    if len(names) > limit:
        return f"{', '.join(names[:limit])} and {len(names) - limit} more"
    if len(names) > 1:
        return f"{', '.join(names[:-1])} and {names[-1]}"
    return names[0] if names else ""


def plural(count: int, noun: str, plural_noun: str | None = None) -> str:
    """ "1 claim", "3 claims"."""
    return f"{count} {noun if count == 1 else plural_noun or noun + 's'}"
