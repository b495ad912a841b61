"""What people type into a search box, as an SQLite FTS5 query.

FTS5 has a grammar of its own in which an apostrophe, a dot, a hyphen or a colon is an error
("Trump's health", "U.S.", "al-Assad", "text:convoy"). Here every word a person types is taken
literally, as a quoted phrase, so FTS5's own tokenizer reads it as it reads the stored text; only
the operators people use keep their meaning: AND, OR and NOT in capitals, "quoted phrases", a
trailing * for a prefix, and balanced parentheses.
"""

from __future__ import annotations

import re

_TOKEN = re.compile(r'"[^"]*"|[()]|[^\s()]+')
_OPERATORS = frozenset({"AND", "OR", "NOT"})
_GROUPING = frozenset({"(", ")"})
_WORD = re.compile(r"\w", re.UNICODE)


def to_match(text: str) -> str | None:
    """The FTS5 query for what a person typed, or None when it holds no word to search for.

    Words are ANDed; ``OR``/``NOT``/``AND`` between words are operators; a quoted stretch is a
    phrase (an unbalanced quote is dropped); ``word*`` is a prefix; parentheses group when they
    balance and are ignored when they do not.
    """
    tokens = _TOKEN.findall(text)
    if not _balanced(tokens):
        tokens = [token for token in tokens if token not in _GROUPING]
    parts: list[str] = []
    for token in tokens:
        if token in _OPERATORS or token in _GROUPING:
            parts.append(token)
            continue
        prefix = token.endswith("*")
        # A NUL would end the query string inside SQLite: no text holds one anyway.
        literal = token.strip('"').rstrip("*").strip('"').replace('"', "").replace("\x00", " ")
        if _WORD.search(literal):
            parts.append('"' + literal + '"' + ("*" if prefix else ""))
    parts = _tidy(parts)
    if not any(part not in _OPERATORS and part not in _GROUPING for part in parts):
        return None
    return " ".join(parts)


def _balanced(tokens: list[str]) -> bool:
    depth = 0
    for token in tokens:
        depth += (token == "(") - (token == ")")
        if depth < 0:
            return False
    return depth == 0


def _tidy(parts: list[str]) -> list[str]:
    """Operators only between two operands, groups never empty: what FTS5 will parse."""
    tidy: list[str] = []
    for part in parts:
        if part in _OPERATORS:
            # An operator needs an operand before it; a second operator replaces the first.
            if not tidy or tidy[-1] == "(":
                continue
            if tidy[-1] in _OPERATORS:
                tidy[-1] = part
                continue
        elif part == ")":
            while tidy and tidy[-1] in _OPERATORS:
                tidy.pop()
            if tidy and tidy[-1] == "(":
                tidy.pop()  # an empty group
                continue
        elif tidy and tidy[-1] not in _OPERATORS and tidy[-1] != "(" and (part == "(" or tidy[-1] == ")"):
            tidy.append("AND")  # FTS5 ANDs words side by side, but not a group beside anything
        tidy.append(part)
    while tidy and tidy[-1] in _OPERATORS:
        tidy.pop()
    return tidy
