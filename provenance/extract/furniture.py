"""Page furniture: bylines, credits, captions, link lines, prompts and advertisement markers.

None of it is article text, so none of it may become a claim or a source. The patterns are data
(`data/furniture.txt`); the HTML reader drops furniture paragraphs from a page's body, and `segment`
passes over furniture lines and sentences of plain text, which is kept exactly as read.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from importlib import resources

from ..model import Span

MAX_CHARS = 1000
"""Longer lines and sentences are prose, never furniture; the bound also keeps matching linear."""

_TRAILING_WORDS = 6
_DEFINE = re.compile(r"@(?P<word>\w+)\s*=\s*(?P<pattern>.+)")
_RULE = re.compile(r"(?P<kind>[a-z]+):\s*(?P<pattern>.+)")
_BLOCK = re.compile(r"\{([a-z]\w*)\}")
_BYLINE_NAMES = re.compile(r"(?i:(?:written|words|story|text|reported)\s+)?(?i:by):?\s+(?P<names>.+)")
_SENTENCE_END = frozenset(".!?\"”’':")


@cache
def _patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The ``kind: pattern`` rules of the data file, building blocks expanded, compiled."""
    text = resources.files(__package__).joinpath("data", "furniture.txt").read_text(encoding="utf-8")
    blocks: dict[str, str] = {}
    rules: list[tuple[str, re.Pattern[str]]] = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        define = _DEFINE.fullmatch(line)
        rule = _RULE.fullmatch(line)
        if define:
            blocks[define["word"]] = _expand(define["pattern"], blocks)
        elif rule:
            pattern = _expand(rule["pattern"], blocks)
            rules.append((rule["kind"], re.compile(pattern, re.IGNORECASE)))
        else:
            raise ValueError(f"furniture.txt: not a rule or a definition: {line!r}")
    return tuple(rules)


def _expand(pattern: str, blocks: dict[str, str]) -> str:
    return _BLOCK.sub(lambda match: blocks[match.group(1)], pattern)


def kind_of(text: str) -> str | None:
    """What kind of furniture ``text`` (a whole line or sentence) is, or None for article text."""
    text = text.strip()
    if not text or len(text) > MAX_CHARS:
        return None
    for kind, pattern in _patterns():
        if pattern.fullmatch(text):
            return kind
    return None


def is_furniture(text: str) -> bool:
    """True when ``text``, a whole line or sentence, is page furniture rather than article text."""
    return kind_of(text) is not None


def byline_names(text: str) -> str | None:
    """The names a byline gives ("Jane Roe and John Doe, Reuters" in "By Jane Roe and John Doe,
    Reuters"), or None when ``text`` is no byline."""
    text = text.strip()
    if kind_of(text) != "byline":
        return None
    match = _BYLINE_NAMES.fullmatch(text)
    return match["names"].strip().rstrip(".") if match else None


def trailing_start(text: str, lines: Sequence[Span]) -> int:
    """Index of the first of the trailing ``lines`` that are site furniture, not prose: short lines
    that end no sentence ("Shafaq Live", "Radio"), and any line the furniture patterns know."""
    index = len(lines)
    while index > 1:
        start, end = lines[index - 1]
        line = text[start:end].strip()
        is_short = len(line.split()) <= _TRAILING_WORDS and line[-1:] not in _SENTENCE_END
        if not (is_short and not line.startswith(("“", '"'))) and not is_furniture(line):
            break
        index -= 1
    return index
