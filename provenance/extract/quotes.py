"""Quoted stretches of text and the quote kind of a claim's content."""

from __future__ import annotations

import re
from bisect import bisect_left

from ..model import ClaimKind, Span

OPENING = frozenset({"“", '"', "''"})
"""Marks that can open a quote (straight quotes, and the doubled apostrophes some archives use for
them, also close one)."""

CLOSING = frozenset({"”", '"', "’", "''"})
"""Marks that can close a quote."""

_TRIM = " \t\r\n,.;:!?—–-"
_MARKS = re.compile("“|”|\"|''")
"""Every alternative opens with a literal character, so that the search skips to one of the four at
C speed (written as a class first, it tried the alternation at every character)."""


def quote_spans(text: str, start: int, end: int) -> list[Span]:
    """The quoted stretches of ``text[start:end]``, marks included; an unclosed quote runs to ``end``.

    A paragraph break inside a quote reopens it with a fresh mark (the convention for quotes that run
    over several paragraphs), so a mark right after a line break opens rather than closes.
    """
    spans: list[Span] = []
    opened: int | None = None
    for match in _MARKS.finditer(text, start, end):
        index = match.start()
        char = '"' if match.group() == "''" else match.group()
        if char == "“" or (char == '"' and opened is None):
            if opened is None:
                opened = index
        elif char == '"' and opened is not None and text[index - 1] == "\n":
            continue
        elif (char == "”" or char == '"') and opened is not None:
            spans.append((opened, match.end()))
            opened = None
    if opened is not None:
        spans.append((opened, end))
    return spans


def is_inside(position: int, spans: list[Span]) -> bool:
    """True when ``position`` falls strictly inside one of ``spans`` (in text order and apart, as
    `quote_spans` gives them): a binary search, so that a sentence thick with quotes stays linear."""
    if not spans:
        return False  # most sentences quote nobody
    index = bisect_left(spans, position, key=_start) - 1
    return index >= 0 and spans[index][0] < position < spans[index][1]


def _start(span: Span) -> int:
    return span[0]


def content_kind(text: str, span: Span, quotes: list[Span]) -> ClaimKind:
    """Direct when the content is all quotation (a leading "that" aside), mixed when it is partly
    quoted, indirect when it holds no quotation."""
    start, end = span
    inner = [q for q in quotes if q[0] < end and q[1] > start]
    if not inner:
        return ClaimKind.INDIRECT
    outside = []
    cursor = start
    for q_start, q_end in inner:
        outside.append(text[cursor:q_start])
        cursor = max(cursor, q_end)
    outside.append(text[cursor:end])
    rest = " ".join(piece.strip(_TRIM) for piece in outside).split()
    if not rest or rest == ["that"]:
        return ClaimKind.DIRECT
    return ClaimKind.MIXED
