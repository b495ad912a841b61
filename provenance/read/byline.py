"""The byline a saved page shows under its headline: the authors a reader sees.

A page's metadata often names someone else than its byline does: the journalist who filed a
celebrity's column, only the first of three writers. What a reader takes for the author is the byline
printed with the headline, so it is looked for there: in the elements that follow the page's own
headline (the ``h1`` that gives the title the page declares), within a short stretch of text, else
in the headline's box before it. A byline
is a line that reads as one ("By Jane Roe and John Doe, Reuters"), or a person's name standing alone
in an element the page marks as its author's ("author", "byline" in its class, ``itemprop`` or
``rel``). Names further down the page (related stories, "more from this author") are never taken.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from typing import Any

from ..extract import furniture
from .authors import person_names

WINDOW = 600
"""Characters of text after the headline within which the byline is looked for."""

MAX_BYLINE = 300
"""An element with more text than this is a block of the page, not a byline."""

_AUTHOR_HINT = re.compile(r"author|by[_-]?line|writer|contributor|creator", re.IGNORECASE)
_HINT_ATTRIBUTES = ("class", "id", "itemprop", "rel")
_HEADLINE_TAGS = ("h1", "h2")
_SKIPPED = frozenset({"script", "style", "noscript", "template", "button", "select", "option", "textarea"})
_MIN_SHARED = 3
_SHARED = 0.8
_HALF = 0.5
_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"[^\W_]+")
_BY = re.compile(r"\s*by\b", re.IGNORECASE)


def shown_byline(tree: Any, titles: Iterable[str], blocks: Collection[str]) -> list[str]:
    """The byline's text under the page's headline ("Jane Roe and John Doe, Reuters", "Jane Roe |
    jroe@example.com"), one item, or none when the page shows no byline there. ``titles`` are the
    titles the page declares; ``blocks`` the elements a browser shows on a line of their own."""
    headline = _headline(tree, [_words(title) for title in titles if title])
    if headline is None:
        return []
    after = headline.xpath("following::*")
    before = (e for sibling in headline.itersiblings(preceding=True) for e in sibling.iter())
    return _first_byline(after, blocks) or _first_byline(before, blocks)


def _first_byline(elements: Iterable[Any], blocks: Collection[str]) -> list[str]:
    """The first byline among ``elements`` within `WINDOW` characters of their text."""
    passed = 0
    for element in elements:
        if not isinstance(element.tag, str) or element.tag in _SKIPPED:
            continue
        if _is_author(element) or _BY.match(element.text or ""):
            found = _byline_of(element, blocks)
            if found:
                return found
        passed += len((element.text or "").strip()) + len((element.tail or "").strip())
        if passed > WINDOW:
            break
    return []


def _headline(tree: Any, titles: list[list[str]]) -> Any:
    """The first ``h1`` (or ``h2``) that gives a title the page declares: the words of the shorter
    of the two nearly all in the other (a site's name after the title, a subtitle after the
    headline), at least three of them and half of the longer's (a site's name in an ``h1`` is
    not the headline of "Storm nears - The Example Times")."""
    for element in tree.iter(*_HEADLINE_TAGS):
        words = _words(element.text_content())
        for title in titles:
            shorter, longer = sorted((len(set(words)), len(set(title))))
            shared = len(set(words) & set(title))
            if shared >= _MIN_SHARED and shared >= _SHARED * shorter and shared >= _HALF * longer:
                return element
    return None


def _is_author(element: Any) -> bool:
    return any(_AUTHOR_HINT.search(element.get(name) or "") for name in _HINT_ATTRIBUTES)


def _byline_of(element: Any, blocks: Collection[str]) -> list[str]:
    """The byline ``element`` holds: a line of it that reads as a byline ("By Jane Roe and John
    Doe"), else the innermost author's elements in it (its box adds a date, an e-mail address,
    "Follow"), else a line of it that names people. A large block holds none: its author's
    elements, if any, are looked at one by one."""
    if len(element.text_content()) > MAX_BYLINE * 4:
        return []
    lines = _lines(element, blocks)
    strict = next((n for line in lines if (n := furniture.byline_names(line)) and person_names([n])), None)
    if strict:
        return [strict]
    for inner in element.iterdescendants():
        if isinstance(inner.tag, str) and _is_author(inner):
            found = _names_line(_lines(inner, blocks), author=True)
            if found:  # and the same elements beside it: "<a>Jane Roe</a> and <a>John Doe</a>"
                return [found, *_siblings_names(inner, blocks)]
    found = _names_line(lines, author=_is_author(element))
    return [found, *_siblings_names(element, blocks)] if found else []


def _siblings_names(element: Any, blocks: Collection[str]) -> list[str]:
    """The names in the author's elements after ``element`` that are of its kind (tag and class)."""
    if not _is_author(element):
        return []
    kind = (element.tag, element.get("class"))
    alike = (e for e in element.itersiblings() if (e.tag, e.get("class")) == kind)
    return [found for e in alike if _is_author(e) and (found := _names_line(_lines(e, blocks), author=True))]


def _names_line(lines: list[str], *, author: bool) -> str | None:
    """The first of ``lines`` that names people, in an author's element or after "By"."""
    return next((line for line in lines if (author or _BY.match(line)) and person_names([line])), None)


def _lines(element: Any, blocks: Collection[str]) -> list[str]:
    if len(text := _text(element, blocks)) > MAX_BYLINE:
        return []
    return [line for line in text.split("\n") if line]


def _text(element: Any, blocks: Collection[str]) -> str:
    """The text of ``element`` as a browser lays it out: a line break around each block element,
    every other run of white space one space."""
    parts: list[str] = []
    stack: list[tuple[Any, bool]] = [(element, False)]
    while stack:
        node, closing = stack.pop()
        shown = isinstance(node.tag, str) and node.tag not in _SKIPPED
        if shown and not closing:
            parts.append("\n" if node.tag in blocks else "")
            parts.append(_SPACE.sub(" ", node.text or ""))
            stack.append((node, True))
            stack.extend((child, False) for child in reversed(node))
            continue
        parts.append("\n" if shown and node.tag in blocks else "")
        if node is not element:
            parts.append(_SPACE.sub(" ", node.tail or ""))
    return "\n".join(" ".join(line.split()) for line in "".join(parts).split("\n")).strip()


def _words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())
