"""Page furniture: bylines, credits, captions, link lines, prompts and advertisement markers.

None of it is article text, so none of it may become a claim or a source. The patterns are data
(`data/furniture.txt`); the HTML reader drops furniture paragraphs from a page's body, and `segment`
passes over furniture lines and sentences of plain text, which is kept exactly as read.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import cache
from importlib import resources

from attrs import frozen

from ..folding import FOLDS_TO_ASCII, lowercase_is_exact
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
    needles: tuple[str, ...] = ()
    """Words one of which a text must hold for the rest to be searched at all (lowercase); empty
    when the rest may start otherwise."""

    def matches(self, text: str) -> bool:
        if self.within is None:
            return self.pattern.fullmatch(text) is not None
        found = self.pattern.search(text)
        return found is not None and found.start() <= self.within


@frozen
class _Matcher:
    """The rules in two scans. The whole-text rules are one alternation, whose first branch to
    match is the first rule that does; a text is tried only against the rules that may start with
    its first character (`_first_chars`), most often a third of them. The ``.{0,N}`` rules are
    looked at only when the text holds a word one of them starts with, a plain substring search.
    Most texts are prose: one regular expression and a few substring searches, however many rules
    the data file holds."""

    rules: tuple[_Rule, ...]
    """The rules other than ``inline``, in the order of the data file."""
    whole: re.Pattern[str]
    """Every whole-text rule, rule number ``n`` as the group ``r<n>``."""
    needles: tuple[str, ...] | None
    """Every ``.{0,N}`` rule's words, those another starts with left out; None when some such rule
    has none, and must be searched for in every text."""
    by_first: dict[str, re.Pattern[str]]
    """For each ASCII character, the whole-text rules that may start with it, in the same
    alternation and with the same group names (a text that starts otherwise: `whole`)."""

    def kind_of(self, text: str, may_search: bool = True) -> str | None:
        found = self.by_first.get(text[0], self.whole).fullmatch(text)
        first = int(found.lastgroup[1:]) if found and found.lastgroup else len(self.rules)
        if may_search and self.may_search(text):
            lowered = text.lower()
            exact = lowercase_is_exact(text)
            for rule in self.rules[:first]:
                if (
                    rule.within is not None
                    and not (exact and rule.needles and not _holds_any(lowered, rule.needles))
                    and rule.matches(text)
                ):
                    return rule.kind
        return self.rules[first].kind if first < len(self.rules) else None

    def may_search(self, text: str) -> bool:
        """False when no ``.{0,N}`` rule can match ``text`` or any part of it: it holds none of
        their words. A part of such a text holds none either, so need not be looked at again."""
        # "ſ" is an "s" to a pattern that ignores case, not to str.lower(): no shortcut then
        return self.needles is None or not lowercase_is_exact(text) or _holds_any(text.lower(), self.needles)


def _holds_any(text: str, needles: tuple[str, ...]) -> bool:
    # a loop of substring searches: a fifth faster than any() here, and twice one alternation
    for needle in needles:  # noqa: SIM110
        if needle in text:
            return True
    return False


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
                rules.append(_Rule(rule["kind"], compiled, int(prefix["limit"]), _leading_words(rest)))
            else:
                rules.append(_Rule(rule["kind"], re.compile(pattern, re.IGNORECASE)))
        else:
            raise ValueError(f"furniture.txt: not a rule or a definition: {line!r}")
    return tuple(rules)


@cache
def _matcher() -> _Matcher:
    rules = tuple(rule for rule in _patterns() if rule.kind != _INLINE)
    whole = [(number, rule.pattern.pattern) for number, rule in enumerate(rules) if rule.within is None]
    searched = [rule for rule in rules if rule.within is not None]
    words = {needle for rule in searched for needle in rule.needles}
    needles = tuple(sorted(w for w in words if not any(w.startswith(o) and w != o for o in words)))
    firsts = [(number, pattern, _first_chars(pattern)[0]) for number, pattern in whole]
    by_first = {
        char: _alternation(tuple((n, p) for n, p, chars in firsts if chars is None or char.lower() in chars))
        for char in map(chr, range(128))
    }
    return _Matcher(
        rules,
        _alternation(tuple(whole)),
        needles if all(rule.needles for rule in searched) else None,
        by_first,
    )


@cache
def _alternation(rules: tuple[tuple[int, str], ...]) -> re.Pattern[str]:
    """The whole-text ``rules`` (number, pattern) as one pattern, rule ``n`` the group ``r<n>``."""
    whole = "|".join(f"(?P<r{number}>{pattern})" for number, pattern in rules)
    return re.compile(whole or "(?!)", re.IGNORECASE)


_SPECIAL = frozenset("\\.^$*+?{}[]|()")
_REPEATS = ("?", "*", "+", "{")
_MAX_NEEDLES = 64


def _leading_words(pattern: str) -> tuple[str, ...]:
    """The literal words every match of ``pattern`` starts with ("contributed"; "getty images",
    "shutterstock", ...), lowercase, read from the pattern's text: its literal characters and groups
    of alternatives, as far as they go. Empty when it may start in any other way (a class, an
    optional part): the rule is then searched for in every text."""
    words, _ = _starts(pattern)
    return tuple(sorted(words)) if all(words) else ()


def _starts(pattern: str) -> tuple[set[str], bool]:
    """The literal starts of ``pattern`` (every match begins with one of them), and whether they are
    the whole of it."""
    found = {""}
    index = 0
    while index < len(pattern):
        if pattern.startswith("\\b", index):
            index += 2  # a word boundary holds no character
            continue
        if pattern.startswith(("(?:", "(?-i:"), index):
            close = _closing(pattern, index)
            if close is None or pattern[close + 1 : close + 2] in _REPEATS:
                return found, False
            inner = pattern[pattern.index(":", index) + 1 : close]
            branches = [_starts(branch) for branch in _branches(inner)]
            longer = {done + start for done in found for starts, _ in branches for start in starts}
            if len(longer) > _MAX_NEEDLES:
                return found, False
            found = longer
            if not all(whole for _, whole in branches):
                return found, False
            index = close + 1
            continue
        char, step = pattern[index], 1
        if char == "\\" and index + 1 < len(pattern) and not pattern[index + 1].isalnum():
            char, step = pattern[index + 1], 2  # an escaped mark: "\\(", "\\."
        elif char in _SPECIAL:
            return found, False
        if pattern[index + step : index + step + 1] in _REPEATS:
            return found, False  # "newsletters?": the "s" may be missing
        found = {done + char.lower() for done in found}
        index += step
    return found, True


_DIGITS = frozenset("0123456789")
_SPACES = frozenset(" \t\n\r\f\v")
_CLASSES = {"d": _DIGITS, "s": _SPACES}
_ZERO_WIDTH = ("\\b", "\\B", "^", "\\A")


def _first_chars(pattern: str) -> tuple[frozenset[str] | None, bool]:
    """The ASCII characters, in lowercase, that a match of ``pattern`` (ignoring case) may start
    with, None when it may start with any; and whether it may match nothing. Read from the
    pattern's text: literal characters, classes, groups of alternatives and their repeats; any
    other construct may start with anything."""
    branches = _branches(pattern)
    if len(branches) > 1:
        parts = [_first_chars(branch) for branch in branches]
        if any(part is None for part, _ in parts):
            return None, False
        return frozenset().union(*(part for part, _ in parts if part is not None)), any(e for _, e in parts)
    chars: set[str] = set()
    index = 0
    while index < len(pattern):
        if pattern.startswith(_ZERO_WIDTH, index):
            index += 1 if pattern[index] == "^" else 2
            continue
        char = pattern[index]
        step: int
        found: frozenset[str] | None
        may_be_empty = False
        if char == "(":
            close = _closing(pattern, index)
            if close is None or not pattern.startswith(("(?:", "(?-i:", "(?i:", "(?P<"), index):
                return None, False
            inner = pattern[pattern.index(">" if pattern[index + 2] == "P" else ":", index) + 1 : close]
            found, may_be_empty = _first_chars(inner)
            step = close + 1 - index
        elif char == "[":
            end = _class_end(pattern, index)
            found = _class_chars(pattern[index + 1 : end - 1])
            step = end - index
        elif char == "\\" and index + 1 < len(pattern):
            escaped = pattern[index + 1]
            found = _CLASSES.get(escaped) if escaped.isalnum() else frozenset(escaped.lower())
            step = 2
        elif char in _SPECIAL:
            return None, False
        else:
            found = None if char in FOLDS_TO_ASCII else frozenset(char.lower())
            step = 1
        if found is None:
            return None, False
        chars |= found
        index += step
        repeat = pattern[index : index + 1]
        if repeat in ("?", "*") or pattern.startswith(("{0,", "{0}"), index):
            may_be_empty = True
        if repeat in _REPEATS:
            index = pattern.index("}", index) + 1 if repeat == "{" else index + 1
            if pattern[index : index + 1] in ("?", "+"):
                index += 1  # a lazy or possessive repeat starts the same
        if not may_be_empty:
            return frozenset(chars), False
    return frozenset(chars), True


def _class_chars(members: str) -> frozenset[str] | None:
    """The ASCII characters, in lowercase, of a character class's ``members`` ("a-z0-9_'"); None
    when negated or holding a class such as ``\\w``."""
    if members.startswith("^"):
        return None
    chars: set[str] = set()
    index = 0
    while index < len(members):
        char = members[index]
        if char == "\\" and index + 1 < len(members):
            escaped = members[index + 1]
            if escaped.isalnum():
                named = _CLASSES.get(escaped)
                if named is None:
                    return None
                chars |= named
                index += 2
                continue
            char = escaped
            index += 1
        if char in FOLDS_TO_ASCII:
            return None
        if members[index + 1 : index + 2] == "-" and index + 2 < len(members):
            last = members[index + 2]
            if last == "\\" or ord(last) > 127:
                return None
            chars |= {chr(code).lower() for code in range(ord(char), ord(last) + 1)}
            index += 3
            continue
        chars.add(char.lower())
        index += 1
    return frozenset(chars)


def _closing(pattern: str, start: int) -> int | None:
    """Index of the parenthesis that closes the group opening at ``start``."""
    depth = 0
    for index, char in _syntax(pattern, start):
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return index
    return None


def _syntax(pattern: str, start: int = 0) -> Iterator[tuple[int, str]]:
    """The characters of ``pattern`` from ``start`` that may be syntax, with their indices: escaped
    characters and the insides of character classes passed over."""
    index = start
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            index += 2
        elif char == "[":
            index = _class_end(pattern, index)
        else:
            yield index, char
            index += 1


def _class_end(pattern: str, start: int) -> int:
    """Index just past the character class opening at ``start`` ("[^]a-z\\]]" included)."""
    index = start + 1
    if pattern.startswith("^", index):
        index += 1
    if pattern.startswith("]", index):
        index += 1  # a "]" first is a member
    while index < len(pattern) and pattern[index] != "]":
        index += 2 if pattern[index] == "\\" else 1
    return index + 1


def _branches(pattern: str) -> list[str]:
    """The top-level alternatives of ``pattern``."""
    branches: list[str] = []
    depth = 0
    start = 0
    for index, char in _syntax(pattern):
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            branches.append(pattern[start:index])
            start = index + 1
    branches.append(pattern[start:])
    return branches


def _expand(pattern: str, blocks: dict[str, str]) -> str:
    return _BLOCK.sub(lambda match: blocks[match.group(1)], pattern)


def kind_of(text: str, may_search: bool = True) -> str | None:
    """What kind of furniture ``text`` (a whole line or sentence) is, or None for article text.
    ``may_search`` is False for a part of a line that `may_search` said False of."""
    text = text.strip()
    if not text or len(text) > MAX_CHARS:
        return None
    return _matcher().kind_of(text, may_search)


def may_search(line: str) -> bool:
    """False when the rules that look for their words anywhere in a text (``.{0,N}`` rules) can
    match no part of ``line``: they need not be tried on its sentences (a substring search, where
    trying them on each sentence lowercases it and searches it again)."""
    return _matcher().may_search(line)


def cut_inline(line: str) -> str:
    """``line`` without the markers a page's layout puts between sentences ("ADVERTISEMENT",
    "Story continues below advertisement"); for pages only, since plain text is kept as read."""
    for rule in _inline():
        line = rule.sub(" ", line)
    return re.sub(r"  +", " ", line) if "  " in line else line


@cache
def _inline() -> tuple[re.Pattern[str], ...]:
    return tuple(rule.pattern for rule in _patterns() if rule.kind == _INLINE)


def is_furniture(text: str, may_search: bool = True) -> bool:
    """True when ``text``, a whole line or sentence, is page furniture rather than article text
    (``may_search`` as `kind_of` takes it)."""
    return kind_of(text, may_search) is not None


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
