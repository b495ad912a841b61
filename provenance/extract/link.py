"""Linking mentions to sources: full names, surnames, short forms, acronyms, descriptions and pronouns."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from attrs import evolve, frozen

from ..model import Hop, Source, SourceKind, slugify
from .vocabulary import vocabulary

_WORD = re.compile(r"[\w’'.-]+")
_PARENTHESES = re.compile(r"\s*\([^)]*\)")
_ARTICLES = frozenset({"the", "a", "an"})
_CONNECTORS = frozenset({"of", "for", "and", "on", "the", "&"})
_NAMED_KINDS = (
    SourceKind.AGENCY,
    SourceKind.MONITOR,
    SourceKind.GOVERNMENT,
    SourceKind.OUTLET,
    SourceKind.DOCUMENT,
    SourceKind.ORGANIZATION,
)


@frozen
class Parsed:
    """A mention split into what it calls the party and what it names it."""

    text: str
    """The mention as written."""
    descriptor: str | None
    """Descriptive words before the name ("Prominent Iraqi politician"), without the article."""
    name: str | None
    """The proper name, if the mention has one ("Mithal al-Alusi")."""
    pronoun: str | None
    """The pronoun, when the mention is one ("he")."""


@lru_cache(maxsize=4096)
def parse_mention(text: str) -> Parsed:
    """Split a mention into descriptor and proper name, or recognise it as a pronoun."""
    words = vocabulary()
    clean = _PARENTHESES.sub("", text).strip(" ,")
    if "," in clean:
        # an apposition: "Dr. Hana Suzuki, head of the institute" / "The city engineer, Priya Nair"
        first, rest = (part.strip() for part in clean.split(",", 1))
        head, tail = parse_mention(first), parse_mention(rest)
        if head.name:
            return Parsed(text, _drop_article(rest) or head.descriptor, head.name, None)
        if tail.name:
            return Parsed(text, _join(head.descriptor, tail.descriptor), tail.name, None)
    tokens = _WORD.findall(clean)
    if len(tokens) == 1 and tokens[0].lower() in words.pronouns:
        return Parsed(text, None, None, tokens[0].lower())
    start = len(tokens)
    while start > 0:
        token = tokens[start - 1]
        lower = token.lower().rstrip(".")
        if _is_title(tokens, start - 1):
            break
        # A capitalised first word may only open the sentence: "Officials said" names nobody.
        is_opening_common_word = start == 1 and lower in words.anonymous
        if _is_name_word(token) and not is_opening_common_word:
            start -= 1
            continue
        if (
            lower in _CONNECTORS
            and start - 2 >= 0
            and _is_name_word(tokens[start - 2])
            and start < len(tokens)
        ):
            start -= 1
            continue
        break
    while start < len(tokens) and tokens[start].lower() in _CONNECTORS:
        start += 1
    name_tokens = tokens[start:]
    descriptor_tokens = tokens[:start]
    while descriptor_tokens and descriptor_tokens[0].lower() in _ARTICLES:
        descriptor_tokens = descriptor_tokens[1:]
    name = " ".join(name_tokens) or None
    descriptor = " ".join(descriptor_tokens) or None
    return Parsed(text, descriptor, name, None)


def _join(*parts: str | None) -> str | None:
    return ", ".join(p for p in parts if p) or None


def _drop_article(text: str) -> str:
    first, _, rest = text.partition(" ")
    return rest if first.lower() in _ARTICLES and rest else text


def _is_name_word(token: str) -> bool:
    words = vocabulary()
    if token[:1].isupper():
        return True
    head, _, rest = token.partition("-")
    return bool(rest) and head.lower() in words.name_particles | {"al", "el"} and rest[:1].isupper()


def _is_title(tokens: Sequence[str], index: int) -> bool:
    titles = vocabulary().titles
    lower = tokens[index].lower()
    if lower in titles or lower.rstrip(".") in titles:
        return True
    return index > 0 and f"{tokens[index - 1].lower()} {lower}" in titles


@lru_cache(maxsize=4096)
def kind_of(name: str | None, descriptor: str | None) -> SourceKind:
    """What kind of party a named mention is, from the words of its name, then of its description."""
    table = dict(vocabulary().kind_patterns)
    if descriptor:
        # "head of the institute", "spokesman for the ministry": the head noun says the kind
        descriptor = re.split(r"\b(?:of|for|at|with|from|in)\b", descriptor, maxsplit=1)[0]
    for text, kinds in ((name, _NAMED_KINDS), (descriptor, (SourceKind.PERSON, *_NAMED_KINDS))):
        if not text:
            continue
        padded = " ".join(w.rstrip(".") for w in _WORD.findall(text.lower()))
        for kind in kinds:
            if table[kind].search(padded):
                return kind
    if name and all(w[:1].isupper() or "-" in w for w in name.split()) and not name.isupper():
        return SourceKind.PERSON if len(name.split()) <= 4 else SourceKind.ORGANIZATION
    return SourceKind.ORGANIZATION if name else SourceKind.UNKNOWN


def is_unresolved(source: Source, hop: Hop) -> bool:
    """True when a hop's mention was tied to no party: its source is of kind unknown and named
    exactly as the mention ("he"), which the tree shows as "unresolved"."""
    return source.kind is SourceKind.UNKNOWN and source.name == hop.mention


def is_anonymous(parsed: Parsed) -> bool:
    """True for mentions that name nobody: "sources", "a senior official", "a source familiar with"."""
    if parsed.name or parsed.pronoun or not parsed.descriptor:
        return False
    words = [w.lower() for w in _WORD.findall(parsed.descriptor)]
    anonymous = vocabulary().anonymous
    if words and words[-1] in anonymous:
        return True
    return any(" ".join(words[i : i + 2]) in anonymous for i in range(len(words) - 1))


@lru_cache(maxsize=4096)
def _key(name: str) -> tuple[str, ...]:
    return tuple(w.lower().replace("’", "'") for w in _WORD.findall(name) if w.lower() not in _ARTICLES)


def _initials(name: str) -> str:
    return "".join(w[0] for w in _WORD.findall(name) if w[:1].isupper())


class Linker:
    """Links the mentions of one document, in text order, to sources it builds as it goes."""

    def __init__(self, outlet: Source, names: Sequence[str], acronyms: dict[str, str] | None = None) -> None:
        self.outlet = outlet
        self.acronyms = acronyms or {}
        self.sources: dict[str, Source] = {}
        self.order: list[str] = []
        self.recent: list[str] = []
        # every proper name the document uses, so "Al-Alusi" in a headline finds "Mithal al-Alusi"
        # longest first; among equals, in order of first appearance (never hash order: the same
        # text must give the same sources in every process)
        first_seen = [n for n in dict.fromkeys((*names, *self.acronyms.values())) if n]
        full_names = sorted(first_seen, key=lambda n: -len(_key(n)))
        self.full_names = [(full, _key(full), set(_key(full)), _initials(full)) for full in full_names]

    def link(self, mention: str) -> str:
        """The id of the source ``mention`` names, creating or enriching that source."""
        parsed = parse_mention(mention)
        if parsed.pronoun is not None:
            return self._pronoun(parsed)
        if parsed.name:
            return self._named(parsed)
        if is_anonymous(parsed):
            name = parsed.descriptor or mention
            return self._add(slugify(name), name, SourceKind.ANONYMOUS, None, None)
        return self._described(parsed)

    def _named(self, parsed: Parsed) -> str:
        assert parsed.name is not None
        canonical = self._canonical(parsed.name)
        if _key(canonical) == _key(self.outlet.name):
            self._remember(self.outlet.id)
            return self.outlet.id
        kind = kind_of(canonical, parsed.descriptor)
        seen = parsed.name if parsed.descriptor else parsed.text
        alias = seen if _key(seen) != _key(canonical) else None
        return self._add(slugify(canonical), canonical, kind, parsed.descriptor, alias)

    def _canonical(self, name: str) -> str:
        if _drop_article(name) in self.acronyms:
            return self.acronyms[_drop_article(name)]
        key = _key(name)
        if not key:
            return name
        words = set(key)
        for full, full_key, full_words, initials in self.full_names:
            if len(full_key) <= len(key):
                continue
            if full_key[-len(key) :] == key or (words <= full_words and key[-1] in full_words):
                return full
            if len(key) == 1 and name.isupper() and initials == name:
                return full
        return name

    def _pronoun(self, parsed: Parsed) -> str:
        assert parsed.pronoun is not None
        wants_person = vocabulary().pronouns[parsed.pronoun] == "person"
        for source_id in reversed(self.recent):
            source = self.sources.get(source_id, self.outlet)
            if source.kind is SourceKind.ANONYMOUS:
                continue
            if not wants_person or source.kind is SourceKind.PERSON:
                self._remember(source_id)
                return source_id
        return self._add(slugify(parsed.text), parsed.text, SourceKind.UNKNOWN, None, None, remember=False)

    def _described(self, parsed: Parsed) -> str:
        words = _key(parsed.descriptor or parsed.text)
        head = words[-1] if words else ""
        for source_id in reversed(self.recent):
            source = self.sources.get(source_id)
            if source is None:
                continue
            if head and head in _key(" ".join(filter(None, (source.description, source.name)))):
                return self._add(source_id, source.name, source.kind, None, parsed.text)
        for full, _, full_words, _ in self.full_names:
            if head and head in full_words:
                return self._add(slugify(full), full, kind_of(full, None), None, parsed.text)
        kind = kind_of(None, parsed.descriptor)
        if len(words) != 1:  # only a bare noun ("the newspaper") stands for the last party of its kind
            kind = SourceKind.UNKNOWN
        for source_id in reversed(self.recent):
            source = self.sources.get(source_id, self.outlet if source_id == self.outlet.id else None)
            if source is not None and kind is not SourceKind.UNKNOWN and source.kind is kind:
                if source_id == self.outlet.id:
                    return source_id
                return self._add(source_id, source.name, source.kind, None, parsed.text)
        return self._add(slugify(parsed.text), parsed.text, SourceKind.UNKNOWN, None, None, remember=False)

    def _add(
        self,
        source_id: str,
        name: str,
        kind: SourceKind,
        description: str | None,
        alias: str | None,
        *,
        remember: bool = True,
    ) -> str:
        old = self.sources.get(source_id)
        if old is None:
            old = Source(source_id, name, kind, (), description)
            self.order.append(source_id)
        aliases = old.aliases
        if alias and alias != old.name and alias not in aliases:
            aliases = (*aliases, alias)
        self.sources[source_id] = evolve(old, aliases=aliases, description=old.description or description)
        if remember:
            self._remember(source_id)
        return source_id

    def _remember(self, source_id: str) -> None:
        if source_id in self.recent:
            self.recent.remove(source_id)
        self.recent.append(source_id)


_ACRONYM = re.compile(r"\(([A-Z][A-Za-z]*[A-Z])\)")
_NAME_BEFORE = re.compile(r"((?:[A-Z][\w’'-]*\s+(?:(?:of|for|and|the|on|&)\s+)*){1,8})$")
_LOOK_BACK = 120


def acronyms_in(text: str) -> dict[str, str]:
    """Acronyms the text defines in parentheses ("... for Human Rights (SOHR)") → the full name."""
    found: dict[str, str] = {}
    for match in _ACRONYM.finditer(text):
        name = _NAME_BEFORE.search(text, max(0, match.start() - _LOOK_BACK), match.start())
        if name is None:
            continue
        words = name.group(1).split()
        acronym = match.group(1)
        # keep the trailing words whose initials spell the acronym
        for start in range(len(words)):
            candidate = " ".join(words[start:])
            if _initials(candidate).upper() == acronym.upper():
                found.setdefault(acronym, candidate)
                break
    return found


def names_in(mentions: Sequence[str]) -> list[str]:
    """The proper names among ``mentions``, for `Linker` to resolve short forms against."""
    return [p.name for p in map(parse_mention, mentions) if p.name]
