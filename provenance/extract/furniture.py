"""Page furniture: bylines, credits, captions, link lines, prompts and advertisement markers.

None of it is article text, so none of it may become a claim or a source. The patterns are data
(`data/furniture.txt`); the HTML reader drops furniture paragraphs from a page's body, and `segment`
passes over furniture lines and sentences of plain text, which is kept exactly as read.
"""

from __future__ import annotations

import re
import re._constants as sre_constants  # type: ignore[import-not-found]  # no stubs; see _needles
import re._parser as sre_parse  # type: ignore[import-not-found]
from collections.abc import Sequence
from functools import cache
from importlib import resources
from typing import Any

from attrs import frozen

from ..model import Span

MAX_CHARS = 1000
"""Longer lines and sentences are prose, never furniture; the bound also keeps matching linear."""

_TRAILING_WORDS = 6
_INLINE = "inline"
_DEFINE = re.compile(r"@(?P<word>\w+)\s*=\s*(?P<pattern>.+)")
_RULE = re.compile(r"(?P<kind>[a-z]+):\s*(?P<pattern>.+)")
_BLOCK = re.compile(r"\{([a-z]\w*)\}")
_ANY_PREFIX = re.compile(r"\.\{0,(?P<limit>\d+)\}")
_BYLINE_NAMES = re.compile(r"(?i:(?:written|words|story|text|reported)\s+)?(?i:by):?\s+(?P<names>.+)")
_SENTENCE_END = frozenset(".!?\"”’':")


@frozen
class _Rule:
    kind: str
    pattern: re.Pattern[str]
    within: int | None = None
    """For a rule written ``.{0,N}rest``: the rest, searched for, must start within N characters
    and run to the end. Searching is linear where matching ``.{0,N}`` would try every split."""
    needles: frozenset[str] = frozenset()
    """Words one of which a text must hold for the rest to be searched at all (lowercase)."""

    def matches(self, text: str, lowered: str) -> bool:
        if self.within is None:
            return self.pattern.fullmatch(text) is not None
        if self.needles and not any(needle in lowered for needle in self.needles):
            return False
        found = self.pattern.search(text)
        return found is not None and found.start() <= self.within


@cache
def _patterns() -> tuple[_Rule, ...]:
    """The ``kind: pattern`` rules of the data file, building blocks expanded, compiled."""
    text = resources.files(__package__).joinpath("data", "furniture.txt").read_text(encoding="utf-8")
    blocks: dict[str, str] = {}
    rules: list[_Rule] = []
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
            prefix = _ANY_PREFIX.match(pattern)
            if prefix:
                rest = pattern[prefix.end() :]
                compiled = re.compile(f"(?:{rest})\\Z", re.IGNORECASE)
                rules.append(_Rule(rule["kind"], compiled, int(prefix["limit"]), _needles(rest)))
            else:
                rules.append(_Rule(rule["kind"], re.compile(pattern, re.IGNORECASE)))
        else:
            raise ValueError(f"furniture.txt: not a rule or a definition: {line!r}")
    return tuple(rules)


def _needles(pattern: str) -> frozenset[str]:
    """The literal words every match of ``pattern`` starts with ("contributed"; "getty images",
    "shutterstock", ...), lowercase; empty when some match may start otherwise."""
    try:
        return frozenset(_leading(list(sre_parse.parse(pattern))) or ())
    except (re.error, TypeError, ValueError, IndexError):  # a pattern form this reading does not know
        return frozenset()


def _leading(items: list[Any]) -> set[str] | None:
    index = 0
    while index < len(items) and items[index][0] is sre_constants.AT:  # \b, ^
        index += 1
    if index == len(items):
        return None
    op, argument = items[index]
    if op is sre_constants.LITERAL:
        word = ""
        while index < len(items) and items[index][0] is sre_constants.LITERAL:
            word += chr(items[index][1])
            index += 1
        return {word.lower()}
    if op is sre_constants.SUBPATTERN:
        return _leading([*argument[3], *items[index + 1 :]])
    if op is sre_constants.BRANCH:
        found: set[str] = set()
        for branch in argument[1]:
            words = _leading([*branch, *items[index + 1 :]])
            if not words:
                return None
            found |= words
        return found
    return None


def _expand(pattern: str, blocks: dict[str, str]) -> str:
    return _BLOCK.sub(lambda match: blocks[match.group(1)], pattern)


def kind_of(text: str) -> str | None:
    """What kind of furniture ``text`` (a whole line or sentence) is, or None for article text."""
    text = text.strip()
    if not text or len(text) > MAX_CHARS:
        return None
    lowered = text.lower()
    for rule in _patterns():
        if rule.kind != _INLINE and rule.matches(text, lowered):
            return rule.kind
    return None


def cut_inline(line: str) -> str:
    """``line`` without the markers a page's layout puts between sentences ("ADVERTISEMENT",
    "Story continues below advertisement"); for pages only, since plain text is kept as read."""
    for rule in _inline():
        line = rule.sub(" ", line)
    return re.sub(r"  +", " ", line) if "  " in line else line


@cache
def _inline() -> tuple[re.Pattern[str], ...]:
    return tuple(rule.pattern for rule in _patterns() if rule.kind == _INLINE)


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
