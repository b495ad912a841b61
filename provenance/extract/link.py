"""Linking mentions to sources: every mention that refers to a party the article names resolves to it,
or stays honestly unresolved.

The linker first reads every name in the article (`names.names_in`) and groups them into parties:
"Hillary Clinton", "Mrs. Clinton" and "Clinton" are one person, named by the fullest form the article
gives; "Bill Clinton" is another. Then it links each attribution's mention, in text order:

- a **name** joins the party it names: a full name its group, a surname or titled surname ("Mr. Doe")
  the person with that surname whose gender agrees with the title, the first one the article
  introduced when several do (the newspaper convention: a later namesake is given a first name);
  a short form or acronym the organisation ("the Observatory", "SOHR");
- a **pronoun** ("he", "she", "it") the most salient party that agrees with it: persons of the same
  gender (a gender known from a title, a first name in ``data/first_names.tsv``, or an earlier "he"
  or "she" resolved to them) for "he" and "she", organisations for "it". Salience adds, for every
  earlier mention of a party within `WINDOW` sentences, its weight (`SPEAKER` for the speaker of an
  attribution, 1 for any other mention) halved for every sentence back. When the best party is not
  `MARGIN` times as salient as the next, or none agrees, the mention stays unresolved. A "he" or
  "she" opening a sentence that attributes nothing is resolved the same way and counts as a mention
  of its person; an unnamed person ("my father") counts too, so a pronoun after it stays
  unresolved rather than going to someone else; "they" and
  "we" are always left unresolved unless they stand inside a quote (see `extract`);
- a **description** the party whose role it names ("the senator" → the person titled or described as
  a senator; "the GOP nominee" → the one described as the Republican nominee), preferring a role held
  as a title ("President Obama") over one described ("the president of the bank"); when no party
  holds the role, a definite office or calling ("the New York businessman") names again the clearly
  most salient person who is the subject or speaker of that sentence or the one before, unless
  gender, office, party or place say otherwise (`Linker._topic`); a paragraph that opens with an
  indefinite or possessed description ("A New York judge has rejected ...") the party of that kind
  the next sentences name for the first time as their subject (`Linker._introduced`); a kindred
  title or organisation noun counts for the role ("the judge": Justice Jo Doe; "the union": the
  Association of ...; ``data/entities.json`` ``role_kin``); a document with a
  named owner ("a Quinnipiac University poll") its owner; a possessed organisation ("Clinton's
  campaign") a party of its own named for its owner ("Clinton campaign");
- anything else stays **unresolved**: a source of kind unknown named by the mention and marked so
  ("he (unresolved)", `model.unresolved_name`), which
  the tree shows as "unresolved" and the resolver reports as ``unresolved-mention``.

Every order is explicit (text order, then first appearance), never a set's or a hash's.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from functools import lru_cache, partial
from typing import NamedTuple

from attrs import define, evolve, field, frozen

from ..model import Source, SourceKind, Span, slugify, unresolved_name
from ..sources import normalise, spellings
from .names import (
    Name,
    first_name_gender,
    gender_of,
    lexicon,
    name_begins,
    normal,
    opens_sentence,
    role_word,
    roles_before_comma,
    roles_of,
)
from .vocabulary import kind_keywords, kind_words, vocabulary

_slug = lru_cache(maxsize=8192)(slugify)
"""`slugify`, once per name: the same parties and mentions come back in every document."""

WINDOW = 6
"""How many sentences back a pronoun looks for its party."""

SPEAKER = 2.0
"""Weight of a party's mention as the speaker of an attribution (any other mention weighs 1)."""

MARGIN = 2.0
"""How many times as salient as the next party the chosen one must be."""

SUBJECT = 2.0
"""Weight of a name that is the subject of its sentence (see `Linker._is_subject`)."""

TOPIC_REACH = 1
"""How many sentences back the person a description names again ("the GOP nominee") was named."""

INTRODUCED_REACH = 2
"""How many sentences after a paragraph's opening description ("A New York judge ...") the text may
name the party it describes (see `Linker._introduced`)."""

REPORTED = 0.5
"""Weight of a mention inside what a party is said to have said ("Smith said Jones was wrong")."""

_WORD = re.compile(r"[\w’'.-]+")
_PARENTHESES = re.compile(r"\s*\([^)]*\)")
_ARTICLES = frozenset({"the", "a", "an"})
_CONNECTORS = frozenset({"of", "for", "and", "on", "the", "&"})
_PREPOSITIONS = frozenset({"of", "for", "at", "with", "from", "in", "to", "by", "on"})
_NAMED_KINDS = (
    SourceKind.AGENCY,
    SourceKind.MONITOR,
    SourceKind.GOVERNMENT,
    SourceKind.OUTLET,
    SourceKind.DOCUMENT,
    SourceKind.ORGANIZATION,
)
_THINGS = frozenset(
    {
        SourceKind.ORGANIZATION,
        SourceKind.GOVERNMENT,
        SourceKind.AGENCY,
        SourceKind.MONITOR,
        SourceKind.OUTLET,
    }
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


@lru_cache(maxsize=16384)
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
    lex = lexicon()
    while len(tokens) > 1 and (
        normal(tokens[-1]) in lex.calendar_words or normal(tokens[-1]) in lex.time_words
    ):
        # "the Security Council on Friday": the time is no part of the party's name
        tokens.pop()
        if len(tokens) > 1 and tokens[-1].lower() in ("on", "last", "this", "early", "late"):
            tokens.pop()
    if len(tokens) == 1 and tokens[0].lower() in words.pronouns:
        return Parsed(text, None, None, tokens[0].lower())
    titled = _titled_name(tokens)
    if titled is not None:
        return Parsed(text, *titled, None)
    tokens = _without_affiliation(tokens)
    start = len(tokens)
    while start > 0:
        token = tokens[start - 1]
        lower = token.lower().rstrip(".")
        if _is_title(tokens, start - 1):
            if (
                start == len(tokens)
                and start >= 2
                and token[:1].isupper()
                and (_is_honorific(tokens[start - 2]) or first_name_gender(tokens[start - 2]) is not None)
            ):
                start -= 1  # "Mr. King", "Charlie King": a title word after an honorific or a first
                continue  # name is the surname
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
    if descriptor_tokens and descriptor_tokens[-1].lower() in _PREPOSITIONS and name_tokens:
        # "a spokeswoman for Hillary Clinton": the name completes the description; it is not the party
        descriptor_tokens, name_tokens = tokens[len(tokens) - len(name_tokens) - len(descriptor_tokens) :], []
        while descriptor_tokens and descriptor_tokens[0].lower() in _ARTICLES:
            descriptor_tokens = descriptor_tokens[1:]
    cut = name_begins(name_tokens)
    if cut > 0 and (normal(name_tokens[cut - 1]) in _person_nouns() or name_tokens[cut - 1][-1] in "’'"):
        # "Journalist Jo Roe", "Acme’s Jo Roe": the words before the first name say what the person
        # is, ending in a noun for a person or a possessive (never "San", "North" or an initial)
        descriptor_tokens, name_tokens = [*descriptor_tokens, *name_tokens[:cut]], name_tokens[cut:]
    name = " ".join(name_tokens) or None
    descriptor = " ".join(descriptor_tokens) or None
    return Parsed(text, descriptor, name, None)


def _without_affiliation(tokens: list[str]) -> list[str]:
    """A person's name without the organisation or place written after it with "of" ("David
    Woodard of Clemson University", "Stephanie Hooton of Derry"): a first name, at most an
    initial, and a surname that is no organisation's word ("Christian Coalition of America" stays
    whole)."""
    at = next((i for i, token in enumerate(tokens) if token == "of"), -1)
    if at not in (2, 3) or at + 1 >= len(tokens) or first_name_gender(tokens[0]) is None:
        return tokens
    surname = normal(tokens[at - 1])
    if at == 3 and not _INITIAL.fullmatch(normal(tokens[1])):
        return tokens
    if (
        surname in _organisation_words()
        or surname in lexicon().common_words
        or not _is_name_word(tokens[at - 1])
    ):
        return tokens
    return tokens[:at]


def _completes(descriptor: Sequence[str]) -> bool:
    """True when a description ends in a preposition, an article after it maybe ("a staffer at
    the"): a name after it completes the description and is not what it describes."""
    last = len(descriptor) - 1
    if last >= 1 and descriptor[last].lower() in _ARTICLES:
        last -= 1
    return last >= 0 and descriptor[last].lower() in _PREPOSITIONS


def _describes_a_person(descriptor: Sequence[str]) -> bool:
    """True when the noun before a description's first preposition names a person ("tech staffer
    at the", "ranking Democrat on the", "billionaire owner of the")."""
    cut = next((i for i, w in enumerate(descriptor) if w.lower() in _PREPOSITIONS), len(descriptor))
    if cut == 0:
        return False
    head = normal(descriptor[cut - 1])
    return head in _person_nouns() or head in vocabulary().people_nouns


def _titled_name(tokens: Sequence[str]) -> tuple[str | None, str] | None:
    """(descriptor, name) when a titled name or a possessor's person comes first and more follows:
    "Mr. Morgan of the Sierra Club" is Mr. Morgan; "NBC's Dante Chinni" is Dante Chinni."""
    for index, token in enumerate(tokens[:-1]):
        if token.endswith(("’s", "'s")) and token[:1].isupper() and tokens[index + 1][:1].isupper():
            rest = parse_mention(" ".join(tokens[index + 1 :]))
            if rest.name and not rest.descriptor:
                return " ".join(tokens[: index + 1]), rest.name
            return None
    first = next((i for i in range(len(tokens)) if _is_title(tokens, i)), None)
    if first is None:
        return None
    end = first + 1
    while end < len(tokens) and _is_title(tokens, end):
        end += 1
    stop = end
    while stop < len(tokens) and _is_name_word(tokens[stop]):
        stop += 1
    if stop == end or stop >= len(tokens) or tokens[stop].lower() not in ("of", "at", "from", "with", "for"):
        return None
    descriptor = " ".join(t for t in tokens[:end] if t.lower() not in _ARTICLES) or None
    return descriptor, " ".join(tokens[end:stop])


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


def _is_honorific(token: str) -> bool:
    """True for "Mr.", "Mrs.", "Dr." and the like: a title that only ever stands before a surname."""
    return normal(token) in lexicon().honorifics


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
    head = None
    if descriptor:
        # "head of the institute", "spokesman for the ministry": the head noun says the kind
        descriptor = re.split(r"\b(?:of|for|at|with|from|in)\b", descriptor, maxsplit=1)[0]
        head = descriptor.split()[-1] if descriptor.split() else None  # "book publishing giant": giant
    for text, kinds in (
        (name, _NAMED_KINDS),
        (head, (SourceKind.PERSON, *_NAMED_KINDS)),
        (descriptor, (SourceKind.PERSON, *_NAMED_KINDS)),
    ):
        if not text:
            continue
        padded = " ".join(w.rstrip(".") for w in _WORD.findall(text.lower()))
        for kind in kinds:
            if table[kind].search(padded):
                return kind
    if name and all(w[:1].isupper() or "-" in w for w in name.split()) and not name.isupper():
        return SourceKind.PERSON if len(name.split()) <= 4 else SourceKind.ORGANIZATION
    return SourceKind.ORGANIZATION if name else SourceKind.UNKNOWN


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
def close_to(descriptor: str) -> bool:
    """True when a descriptor before a name opens with anonymous words that take a phrase ("people
    close to", "a source familiar with"): the name is whom they are close to, not who they are."""
    words = [w.lower() for w in _WORD.findall(descriptor)]
    anonymous = vocabulary().anonymous
    return any(" ".join(words[i : i + 2]) in anonymous for i in range(min(len(words) - 1, 3)))


_INITIAL = re.compile(r"[a-z]\.?(?:[a-z]\.)*")
_AMBIGUOUS = -1
MISSPELT_MIN = 5
"""The fewest letters of a surname read as a slip for another (shorter ones are too often other names)."""
"""What `Linker._index_of` answers for a surname two people share when neither is clearly meant."""


@lru_cache(maxsize=8192)
def _may_be_misspelt(key: str) -> bool:
    """True for a word `Linker._misspelt_surname` may read as a slip for a surname: long enough, all
    letters, no first name, common word or place (a pure test of the word, once per process)."""
    lex = lexicon()
    return not (
        len(key) < MISSPELT_MIN
        or not key.isalpha()
        or first_name_gender(key)
        or key in lex.common_words
        or (key,) in lex.places
    )


@lru_cache(maxsize=8192)
def _given(key: tuple[str, ...]) -> tuple[str, ...]:
    """The words of a person's name that tell people apart: no initials, particles or suffixes."""
    lex = lexicon()
    return tuple(
        w for w in key if not _INITIAL.fullmatch(w) and w not in lex.particles and w not in lex.name_suffixes
    )


@lru_cache(maxsize=8192)
def _words_key(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(k for k in (normal(w) for w in words) if k and k not in _ARTICLES)


def _is_organisation(key: tuple[str, ...]) -> bool:
    return not _organisation_words().isdisjoint(key)


def _owner_word(words: Sequence[str], at: int, stop: frozenset[str]) -> bool:
    """True for a word of the name of a document's owner: a capitalised word that is no function
    word, or one that goes on a name ("TODAY" or "Today" after "USA")."""
    word = words[at]
    if not word[:1].isupper():
        return False
    if normal(word) not in stop or (len(word) > 1 and word.isupper()):
        return True
    before = words[at - 1] if at > 0 else ""
    return before[:1].isupper() and normal(before) not in stop


@lru_cache(maxsize=1)
def _organisation_words() -> frozenset[str]:
    return frozenset(
        w
        for kind, words in vocabulary().kinds
        if kind is not SourceKind.PERSON
        for w in words
        if " " not in w
    )


@lru_cache(maxsize=8192)
def _named_parts(name: str, title: str | None) -> tuple[tuple[str, ...], frozenset[str], str | None]:
    """A named mention's words, the role words of its description and the gender they give."""
    words = tuple(_WORD.findall(name))
    descriptor_words = frozenset(role_word(w) for w in _WORD.findall(title or ""))
    return words, descriptor_words, gender_of(words, title, descriptor_words)


@lru_cache(maxsize=1024)
def _role_title(title: str) -> tuple[str, ...]:
    """The role words of a title that names an office ("President", "Former Gov."), none for an
    honorific ("Mr.", "Dr.") that any bearer of the name may carry."""
    return tuple(role_word(word) for word in title.split() if not _is_honorific(word))


@lru_cache(maxsize=1024)
def _title_roles(title: str) -> tuple[str, ...]:
    """The role words of a title ("Indiana Gov.": indiana, governor)."""
    return tuple(role_word(w) for w in title.split())


@lru_cache(maxsize=4096)
def _key(name: str) -> tuple[str, ...]:
    words = (normal(w) for w in _WORD.findall(name))
    return tuple(w for w in words if w and w not in _ARTICLES)


def _head(key: tuple[str, ...]) -> str:
    """The head noun of an organisation's name: its last word before "of" or "for"."""
    cut = next((i for i, w in enumerate(key) if w in ("of", "for", "on") and i > 0), len(key))
    return key[cut - 1]


@lru_cache(maxsize=4096)
def _spelled(word: str) -> frozenset[str]:
    """A name word in every comparison form ("müller": muller, mueller)."""
    return frozenset(normalise(form) for form in spellings(word))


@lru_cache(maxsize=8192)
def _acronym_letters(word: str) -> str | None:
    """The letters of a word that may be an acronym ("SOHR", "I.R.S."), else None."""
    letters = word.replace(".", "")
    return letters if 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper() else None


@lru_cache(maxsize=8192)
def _initials(name: str) -> str:
    return "".join(w[0] for w in _WORD.findall(name) if w[:1].isupper())


@define
class _Party:
    """A party the article names, as the linker learns it."""

    name: str
    """The fullest name the article gives."""
    key: tuple[str, ...]
    is_person: bool
    gender: str | None
    roles: set[str] = field(factory=set)
    """Role words from titles, descriptions and appositions (those of its names, once read)."""
    titles: set[str] = field(factory=set)
    """Role words from titles only ("President Obama": president)."""
    kind: SourceKind | None = None
    """Set when the kind is known from the party itself (an organisation's noun, an outlet)."""
    first: int = 1 << 62
    """Where the article first names it."""
    spoke: bool = False
    """True once it is the speaker of an attribution."""
    plural: bool = False
    """True for a group: one with no name ("officials", "sources"), or a plural name ("Democrats")."""
    definite: bool = False
    """True when the text puts "the" before its name ("the Taliban"), as it never does a person's."""


class _Seen(NamedTuple):
    """One mention of a party, for salience."""

    position: int
    sentence: int
    party: int
    weight: float
    speaker: bool = False
    """True for the speaker of an attribution, whose weight no content lowers."""


_new_seen = partial(tuple.__new__, _Seen)
"""`_Seen` from a 5-tuple, in C (the named tuple's own constructor is Python code)."""


class Linker:
    """Links the mentions of one document, in text order, to sources it builds as it goes."""

    def __init__(
        self,
        outlet: Source,
        names: Sequence[Name | str],
        acronyms: dict[str, str] | None = None,
        sentence_starts: Sequence[int] = (),
        text: str = "",
        headers: Sequence[Span] = (),
        author: str | None = None,
    ) -> None:
        self.outlet = outlet
        self.author = author
        """The one author of the article, whom "I" outside quotations stands for."""
        self._headers = list(headers)
        self._header_starts = [start for start, _ in self._headers]
        self._text = text
        self._lower: str | None = None  # the text in lowercase, made when a description needs it
        self._heads_read: set[str] = set()
        self._name_spans: list[tuple[int, int, int]] = []  # (start, end, party) of each name
        self._name_starts: list[int] | None = None
        self._ends: list[int] | None = None  # where each name ends, made when a document asks
        self._roles_read: set[int] = set()  # names (by their place in `_name_spans`) read for roles
        self._names_at: list[Name] = []  # the name of each entry of `_name_spans`
        self._content: Span | None = None
        self.acronyms = acronyms or {}
        self.sources: dict[str, Source] = {}
        self.order: list[str] = []
        self.recent: list[str] = []
        self._starts = list(sentence_starts)
        self._parties: list[_Party] = []
        self._by_key: dict[tuple[str, ...], int] = {}
        self._by_surname: dict[str, list[int]] = {}
        self._by_initial: dict[str, list[str]] = {}  # the surnames of `_by_surname` by their first letter
        self._by_word: dict[str, list[int]] = {}  # every word of a party's name → the parties
        self._by_initials: dict[str, list[int]] = {}  # see `_initialled`
        self._initials_read = 0  # how many of `_parties` `_by_initials` holds
        self._by_first: dict[str, list[int]] = {}  # first word of a person's name → the persons
        self._first_name_alone: dict[int, int] = {}  # how often a person is named by first name alone
        self._surnamed: dict[int, int] = {}  # where a person is first named with their surname
        self._surnames: dict[tuple[str, str | None], int] = {}  # surnames one person bears
        self._full_names: dict[int, list[Name]] = {}  # the names of two words or more of each party
        self._seen: list[_Seen] = []  # mentions of parties in text order, for salience
        self._positions: list[int] = []  # their positions, for bisection
        self._source_of: dict[int, str] = {}
        self._owners: dict[str, int] = {}  # document noun ("poll") → party that owns the last one
        self._organisations: list[tuple[str, int]] = []  # ("campaign", party) in order of mention
        self._subjects = _pronoun_subjects(text, self._starts)  # "She has faced ...": (position, pronoun)
        self._next_subject = 0
        read = [entry if isinstance(entry, Name) else Name((-1, -1), tuple(entry.split())) for entry in names]
        self._linking = False
        self._every_name = sorted(name.span[0] for name in read if name.span[0] >= 0)
        # the longest names first, so that a short form finds the party it is short for
        longer = [name for name in read if len(name.words) >= 2]  # a key has no more words than its name
        for name in sorted(longer, key=lambda n: (-len(n.words), n.span[0])):
            if len(key := _words_key(name.words)) >= 2:
                index = self._by_key.get(key)
                if index is None:
                    index = self._index_of(name.words, name)
                elif name.is_person or name.gender:
                    self._learn(index, name.is_person, name.gender)
                if index is not None and index != _AMBIGUOUS and name.span[0] >= 0:
                    self._full_names.setdefault(index, []).append(name)
        for name in read:
            self._read(name)
        for acronym, full in sorted(self.acronyms.items()):
            index = self._index_of(tuple(full.split()), None)
            if index is not None:
                self._by_key.setdefault((normal(acronym),), index)
        for indexes in self._by_surname.values():
            indexes.sort(key=lambda i: self._parties[i].first)
        self._gender_from_pronouns()
        self._linking = True  # the names are read: mentions are linked from here on

    # -- reading the article's names -------------------------------------------------------------

    def _read(self, name: Name) -> None:
        key = _words_key(name.words)
        index = self._by_key.get(key)  # most often, a name given before
        if index is None and name.possessive and len(name.words) == 1:
            index = self._firm_of(name.words[0])  # "the Moody’s report": Moody’s Analytics
        if index is not None:
            if name.is_person or name.gender:
                self._learn(index, name.is_person, name.gender)
        elif (index := self._one_bearer(key, name)) is None:
            index = self._index_of(name.words, name, position=name.span[0])
            if index is None or index == _AMBIGUOUS:
                return
        party = self._parties[index]
        start, end = name.span
        lead, title = name.lead, name.title
        if (
            lead >= 4
            and not title
            and self._text[lead - 4 : lead].lower() == "the "
            and not self._qualifies_noun(name)
        ):
            party.definite = True
        if title:
            party.titles.update(_title_roles(title))
        if party.gender is None and name.gender and party.is_person:
            party.gender = name.gender
        if start >= 0 and len(party.key) >= 2 and party.is_person:
            if key == party.key[:1]:
                # "Freddy", for Freddy Trump: no bare surname's claim to introduce him
                self._first_name_alone[index] = self._first_name_alone.get(index, 0) + 1
            elif start < self._surnamed.get(index, 1 << 62):
                self._surnamed[index] = start
        if start >= 0:
            self._name_spans.append((lead if lead >= 0 else start, end, index))
            self._names_at.append(name)
            if start < party.first:
                party.first = start
            sentence = bisect_right(self._starts, start)
            weight = SUBJECT if self._is_subject(name, sentence) else 1.0
            self._seen.append(_new_seen((start, sentence, index, weight, False)))
            self._positions.append(start)

    def _one_bearer(self, key: tuple[str, ...], name: Name) -> int | None:
        """The person a one-word name stands for when `_index_of` already found it the surname of
        exactly one person, with no office title (its answer then holds wherever the name stands):
        that answer again, without asking `_index_of` once more for every time the article writes it."""
        if len(key) != 1 or (name.title and _role_title(name.title)):
            return None
        return self._surnames.get((key[0], name.gender))

    def _gender_from_pronouns(self) -> None:
        """A name no title or first name shows to be a person, that opens its sentence and is
        followed in it by "she" or "her" (or "he", "his") with no other name of a person, no
        singular person noun and no quotation between, is a person of that gender: "Rakeyia Scott
        can be heard yelling that her husband was unarmed", "Aung San Suu Kyi visited the White
        House ... after she was released". Never a party of a known kind, a group, a name of one
        word or with a common word; and never when someone named just before is already known to
        be of that gender (the pronoun may be theirs)."""
        fit = {
            index
            for index, party in enumerate(self._parties)
            # a name of one word never reads as a person's: asked here, for most parties, at no call
            if party.gender is None and len(party.key) >= 2 and not party.definite and _reads_as_name(party)
        }
        if not fit:
            return
        spans = self._name_spans
        for at, (_, end, index) in enumerate(spans):
            if index not in fit:
                continue
            party = self._parties[index]
            if party.gender is not None:
                continue  # shown by an earlier sentence
            if self._seen[at].weight != SUBJECT:
                continue  # not its sentence's subject (`_read` weighed each name so, in this order)
            sentence = self._seen[at].sentence
            stop = self._starts[sentence] if sentence < len(self._starts) else len(self._text)
            for later in range(at + 1, len(spans)):
                if spans[later][0] >= stop:
                    break
                other = self._parties[spans[later][2]]
                if not other.plural and self._kind(other, None) is SourceKind.PERSON:
                    stop = spans[later][0]  # another name that may be a person's: the pronoun may be its
                    break
            found = _GENDERED.search(self._text, end, stop)
            if found is None:
                continue
            between = self._text[end : found.start()]
            if _QUOTE_MARK.search(between) or _names_a_person(_WORD.findall(between)):
                continue
            wants = lexicon().pronouns[found.group().lower()]
            since = self._starts[max(0, sentence - 1 - WINDOW)]
            before = at - 1
            while before >= 0 and spans[before][0] >= since:
                if self._parties[spans[before][2]].gender == wants:
                    break  # someone named just before is already known so: the pronoun may be theirs
                before -= 1
            else:
                party.is_person, party.gender = True, wants

    def _qualifies_noun(self, name: Name) -> bool:
        """True for a name before the noun it qualifies ("the Sanders campaign", "the Obama
        administration"): the article goes with the noun, and says nothing of the name."""
        after = _NEXT_WORD.match(self._text, name.span[1])
        return after is not None and (
            normal(after.group(1)) in _role_heads()
            or normal(after.group(1)) in kind_words(SourceKind.DOCUMENT)
        )

    def _is_subject(self, name: Name, sentence: int) -> bool:
        """True for a name that opens its sentence, or the clause after an opening phrase ("In
        June, Jane Doe ..."): the sentence's subject, which a later pronoun most likely stands for;
        never a possessor ("Doe's plan")."""
        if (name.possessive and not _HAS.match(self._text, name.span[1])) or sentence == 0:
            return False  # "Doe's plan" is Doe's, not Doe; "Doe's been saying" is Doe
        start = self._starts[sentence - 1]
        lead = name.lead if name.lead >= 0 else name.span[0]
        at = lead - 1
        while at >= start and self._text[at] in _OPENING_MARKS:
            at -= 1
        if at >= start and self._text[at] != ",":
            return False  # words before it that no comma closes: not the subject (the test below, cheaply)
        before = self._text[start:lead].strip(_OPENING_MARKS)
        if before and not (
            before.endswith(",") and before.split(None, 1)[0].lower() in lexicon().opening_words
        ):
            return False
        if self._text.startswith((" and ", " & "), name.span[1]):
            return False  # "Tom Becker and Omar Diaz toured ...": neither alone is the subject
        # "Clinton communication director Jennifer Palmieri said": a name before a role and another
        # name qualifies that name; it is not the subject
        after = _PREMODIFIER.match(self._text, name.span[1])
        return after is None or normal(after.group(1)) not in _role_heads()

    def _index_of(
        self, words: Sequence[str], name: Name | None, *, create: bool = True, position: int = -1
    ) -> int | None:
        """The party a name's words stand for, created when ``create`` and none fits; `_AMBIGUOUS`
        when a surname at ``position`` fits two people equally."""
        key = _words_key(words if isinstance(words, tuple) else tuple(words))
        if not key:
            return None
        is_person = name.is_person if name is not None else False
        gender = name.gender if name is not None else None
        index = self._by_key.get(key)
        if index is not None:
            if is_person or gender:
                self._learn(index, is_person, gender)
            return index
        given = _given(key)
        if len(given) >= 2 and (is_person or not _is_organisation(key)):
            group = (given[0], given[-1])
            if group in self._by_key:
                index = self._by_key[group]
                party = self._parties[index]
                if len(key) > len(party.key):
                    party.name, party.key = " ".join(words), key
                    self._by_initials, self._initials_read = {}, 0  # read them all again
                    for word in dict.fromkeys(key):
                        if index not in self._by_word.setdefault(word, []):
                            self._by_word[word].append(index)
                self._by_key[key] = index
                self._learn(index, is_person, gender)
                return index
            if not is_person:
                short = self._short_form(" ".join(words))
                if short is not None:
                    return short
            if not create:
                return None
            index = self._new(" ".join(words), key, is_person, gender)
            self._by_key[group] = index
            self._by_key[key] = index
            if given[-1] not in self._by_surname:
                self._by_initial.setdefault(given[-1][0], []).append(given[-1])
            self._by_surname.setdefault(given[-1], []).append(index)
            self._by_first.setdefault(given[0], []).append(index)
            return index
        if len(given) == 1:
            title = name.title if name is not None else None
            roles = _role_title(title) if title else ()
            cached = None if roles else self._surnames.get((given[0], gender))
            if cached is not None:
                return cached
            # no bearer of that surname (a word named for the first time, most often): no call
            found = (
                self._by_surname_of(given[0], gender, position, roles)
                if given[0] in self._by_surname
                else None
            )
            one_bearer = len(self._by_surname.get(given[0], ())) == 1
            if found is not None and found != _AMBIGUOUS and one_bearer and not roles:
                self._surnames[(given[0], gender)] = found  # one bearer: the answer holds
            if found is not None:
                if found != _AMBIGUOUS:
                    self._learn(found, is_person, gender)
                return found
            first = self._by_first.get(given[0], [])
            first = first if len(first) == 1 else []
            if first and (self._parties[first[0]].is_person or len(key) == 1):
                # "Heidi" for Heidi Cruz, "Peabody" for Peabody Energy
                return first[0]
            misspelt = self._misspelt_surname(words[0], key[0], gender, position)
            if misspelt is not None:
                return misspelt
            spelled = self._spelled_out_surname(key[0], gender)
            if spelled is not None:
                return spelled
        short = self._short_form(" ".join(words))
        if short is not None:
            return short
        if not create:
            return None
        if len(key) == 1 and not is_person and key[0] not in lexicon().common_words:
            # "Melanie" alone: a person named by first name; but a word the article gives after a
            # first name ("Hillary Clinton", in a headline too) is a surname, of that person's gender
            surname = self._surname_gender(words[0]) if first_name_gender(key[0]) else None
            gender = first_name_gender(key[0]) if surname is None else surname or None
            is_person = gender is not None and not self._names_a_town(words[0])
        index = self._new(" ".join(words), key, is_person, gender if is_person else None)
        self._by_key[key] = index
        return index

    def _names_a_town(self, word: str) -> bool:
        """True when the article writes ``word`` before a comma and a state or country ("Selma,
        Alabama"): a town, though it is a first name too."""
        at = self._text.find(word + ", ")
        while at >= 0:
            state = _STATE.match(self._text, at + len(word) + 2)
            if state is not None and (normal(state.group()),) in lexicon().places:
                return True
            at = self._text.find(word + ", ", at + 1)
        return False

    def _surname_gender(self, word: str) -> str | None:
        """The gender of the first names the article gives before ``word`` ("Hillary Clinton", in a
        headline too), an empty string when they disagree, None when it never gives one."""
        genders = {first_name_gender(before) for before in _words_before(self._text, word)} - {None}
        if not genders:
            return None
        return genders.pop() if len(genders) == 1 else ""

    def _title_clashes(self, index: int, roles: Sequence[str], position: int) -> bool:
        """True when a surname under a role title ("President Marsh") stands before the article first
        names person ``index`` in full, and that person's full names come with roles of their own,
        none of them the title's: "the first lady, Ruth Marsh" named later is not the President Marsh
        of the opening (a full name with no role, "Jo Marsh said", may be)."""
        if not roles or not 0 <= position < self._parties[index].first:
            return False
        held: set[str] = set()
        for name in self._full_names.get(index, ()):
            held.update(roles_of(self._text, name) | roles_before_comma(self._text, name))
        return bool(held) and not set(roles) & held

    def _by_surname_of(
        self, surname: str, gender: str | None, position: int, roles: Sequence[str] = ()
    ) -> int | None:
        """The person a surname stands for: the only one who bears it (and agrees with the title's
        gender and, when it stands before that person is named in full, with the title's role,
        `_title_clashes`); of several, the one the article introduced first, unless only later ones are named
        nearby (then the most salient of them); `_AMBIGUOUS` when none is introduced yet or none is
        clearly most salient."""
        bearers = self._by_surname.get(surname)
        if not bearers:
            return None
        candidates = [
            i
            for i in bearers
            if (gender is None or self._parties[i].gender in (None, gender))
            and not self._title_clashes(i, roles, position)
        ]
        if len(candidates) > 1 and gender is None and self._linking:
            told = self._pronoun_after(position)
            if told and {self._parties[i].gender for i in candidates} >= {"m", "f"}:
                # "Clinton began to find her voice": the wife, not the husband
                candidates = [i for i in candidates if self._parties[i].gender == told]
        if len(candidates) > 1:
            # the newspaper convention: the surname alone is the first introduced's (a later
            # namesake is given a first name), unless the text has moved on to another story where
            # only a later one is named; before any of them is introduced, it is nobody's yet
            introduced = sorted(
                (i for i in candidates if self._introduced_by_surname(i) < position),
                key=self._introduced_by_surname,
            )
            if not introduced:
                return _AMBIGUOUS
            if self._first_stands(position, introduced):
                return introduced[0]
            salient = self._most_salient(position, introduced)
            if salient is not None and salient != introduced[0] and self._named_in_full_again(salient):
                # "Ivanka Trump" named in full time and again: the writer tells her apart by her
                # first name, so the surname alone is not hers, nor clearly the first one's
                return _AMBIGUOUS
            return _AMBIGUOUS if salient is None else salient
        return candidates[0] if candidates else None

    def _pronoun_after(self, position: int) -> str | None:
        """The gender of the first "she", "her", "he" or "his" after the name at ``position``, when
        that name is its sentence's subject (it opens the sentence, or the clause after a fronted
        phrase) and no quotation, other name or singular person noun stands between: "Clinton still
        seems not to have found ... her heart"; None otherwise."""
        word = _WORD.match(self._text, position) if 0 <= position < len(self._text) else None
        if word is None:
            return None
        sentence = bisect_right(self._starts, position)
        start = self._starts[sentence - 1] if sentence else 0
        before = self._text[start:position].strip().strip(_OPENING_MARKS)
        verb = _NEXT_WORD.match(self._text, word.end())
        if (
            (before and not before.endswith(","))
            or verb is None
            or _names_a_person([verb.group(1), verb.group(1).removesuffix("s")])
            or normal(verb.group(1)) in _role_heads()
        ):
            return None  # only the subject of its sentence ("Clinton began"), never "Clinton advisers"
        stop = self._starts[sentence] if sentence < len(self._starts) else len(self._text)
        at = bisect_left(self._every_name, word.end())
        if at < len(self._every_name):
            stop = min(stop, self._every_name[at])  # any other name between: the pronoun may be its
        found = _GENDERED.search(self._text, word.end(), stop)
        if found is not None:
            between = self._text[word.end() : found.start()]
            if not _QUOTE_MARK.search(between) and not _names_a_person(_WORD.findall(between)):
                return lexicon().pronouns[found.group().lower()]
        if sentence >= len(self._starts) or stop < self._starts[sentence]:
            return None  # another name in its sentence: the next one's "She" may be theirs
        rest = self._text[word.end() : stop]
        if rest.count('"') % 2 or rest.count("“") != rest.count("”"):
            return None  # the next sentence is inside a quotation
        opens = _PRONOUN_SUBJECT.match(self._text, stop)
        # 'Clinton said, "I do not." She followed that by saying'
        return None if opens is None else lexicon().pronouns[opens.group(1).lower()]

    def _misspelt_surname(self, word: str, key: str, gender: str | None, position: int) -> int | None:
        """The one person named in full earlier whose surname is ``word`` misspelt: one letter added,
        dropped or changed, the first letter kept ("Wines said" after "Leslie Wimes"; "McLenney"
        after "Tyresha McClenney"). Never for a short word, a first name, a common word or a place,
        a word the article writes after a first name of its own, a possessive ("Sanders’"), or when
        two surnames fit."""
        if not _may_be_misspelt(key):
            return None
        found = [
            bearers[0]
            for surname in self._by_initial.get(key[0], ())
            if len(bearers := self._by_surname[surname]) == 1
            and _one_edit(surname, key)
            and self._parties[bearers[0]].is_person
            and self._parties[bearers[0]].first < position
            and (gender is None or self._parties[bearers[0]].gender in (None, gender))
        ]
        if len(found) != 1:
            return None
        if any(first_name_gender(before) for before in _words_before(self._text, word)):
            return None  # "Dana Wines": a person of that name, not a slip
        return found[0]

    def _spelled_out_surname(self, key: str, gender: str | None) -> int | None:
        """The one person whose surname, written with an umlaut, ``key`` spells out ("Mueller" after
        "Gerhard Müller", `sources.spellings`)."""
        if not _SPELLED_UMLAUT.search(key):
            return None
        bearers = [
            index
            for surname in self._by_initial.get(key[0], ())
            if not surname.isascii() and key in _spelled(surname)
            for index in self._by_surname[surname]
            if gender is None or self._parties[index].gender in (None, gender)
        ]
        return bearers[0] if len(bearers) == 1 else None

    def _named_in_full_again(self, index: int) -> bool:
        """True when the article names person ``index`` in full more than once, or by first name
        alone more than once ("Freddy", for Freddy Trump): either way it tells them apart from a
        namesake by their first name."""
        return len(self._full_names.get(index, ())) > 1 or self._first_name_alone.get(index, 0) > 1

    def _introduced_by_surname(self, index: int) -> int:
        """Where the article first names person ``index`` with the surname (not by first name
        alone: "his brother Freddy" does not make the bare surname Freddy Trump's)."""
        if index in self._first_name_alone:
            return self._surnamed.get(index, self._parties[index].first)
        return self._parties[index].first

    def _first(self, index: int) -> int:
        return self._parties[index].first

    def _first_stands(self, position: int, introduced: Sequence[int]) -> bool:
        """True when the first of ``introduced`` is named within `WINDOW` sentences before
        ``position``, or none of them is: the surname is then the first one's."""
        here = self._sentence(position)
        first, others = introduced[0], set(introduced[1:])
        named_other = False
        for at in range(bisect_right(self._positions, position - 1) - 1, -1, -1):
            seen = self._seen[at]
            if here - seen.sentence > WINDOW:
                break
            if seen.party == first:
                return True
            named_other = named_other or seen.party in others
        return not named_other

    def _learn(self, index: int, is_person: bool, gender: str | None) -> None:
        party = self._parties[index]
        party.is_person = party.is_person or is_person
        if party.gender is None and gender and party.is_person:
            party.gender = gender

    def _new(self, name: str, key: tuple[str, ...], is_person: bool, gender: str | None) -> int:
        party = _Party(name, key, is_person, gender)
        if key in lexicon().places:
            party.is_person, party.gender, party.kind = False, None, SourceKind.GOVERNMENT
        elif (
            not is_person
            and _PLURAL.search(key[-1])
            and (len(key) == 1 or key[-1] in lexicon().common_words or _people(key))
        ):
            party.plural = True  # "Republicans", "United Nations", "House Republicans": never "he" or "she"
            if _people(key) and _quantified(key):
                party.kind = SourceKind.ANONYMOUS  # "Some Democrats": members the text does not name
        self._parties.append(party)
        index = len(self._parties) - 1
        for word in dict.fromkeys(key):
            self._by_word.setdefault(word, []).append(index)
        return index

    def _sentence(self, position: int) -> int:
        return bisect_right(self._starts, position)

    # -- linking mentions ------------------------------------------------------------------------

    def link(self, mention: str, span: Span | None = None, content: Span | None = None) -> str:
        """The id of the source ``mention`` names, creating or enriching that source. ``content`` is
        what the party is said to say: names inside it are not whom a pronoun speaking it stands for
        ("'Smith is wrong,' he said"), and weigh less for later pronouns (`REPORTED`)."""
        parsed = parse_mention(mention)
        position = span[0] if span else -1
        if position >= 0:
            self._follow_subjects(position)
        if parsed.name is None and parsed.pronoun is None and span is not None:
            parsed = self._named_within(parsed, span)
        if (
            span is not None
            and parsed.name is not None
            and parsed.descriptor is not None
            and self._text[span[0] : span[1]].lower() == "who"
            and _completes(parsed.descriptor.split())
            and _describes_a_person(parsed.descriptor.split())
        ):
            # "a tech staffer at the State Department who told ...": "who" is the staffer, whom the
            # name only completes, never the department ("the mirror image of the Tea Party
            # Republicans who oppose ...": no person before the name, which "who" may stand for)
            return self._unresolved(mention)
        self._content = content
        try:
            return self._link(parsed, mention, position)
        finally:
            if content is not None:
                self._reported(content)
            self._content = None

    def _follow_subjects(self, position: int) -> None:
        """Resolve the "he" and "she" that open sentences before ``position`` and attribute nothing
        ("She has faced a number of controversies."), as a reader does, so that the person they
        stand for stays salient for the pronouns after them."""
        subjects = self._subjects
        while self._next_subject < len(subjects) and subjects[self._next_subject][0] <= position:
            at, pronoun = subjects[self._next_subject]
            self._next_subject += 1
            if at == position:
                continue  # the mention being linked: `_pronoun` records it
            if pronoun not in ("he", "she"):
                # "The president's Pacific roots also came into play.": the one the role names
                found = self._by_role([pronoun], at, definite=True) if pronoun in _person_nouns() else None
                if found is not None and self._parties[found].is_person:
                    self._see(found, at, SUBJECT)
                continue
            wants = lexicon().pronouns.get(pronoun)
            index = self._salient(at, wants) if wants in ("m", "f") else None
            if index is None:
                continue
            party = self._parties[index]
            if party.gender is None:
                party.gender = wants
            self._see(index, at, SUBJECT)

    def _named_within(self, parsed: Parsed, span: Span) -> Parsed:
        """The mention read again with a person's name the article gives in it where the words
        alone looked like titles ("Charlie King": a first name no list knows, then a title word)."""
        if self._name_starts is None:
            self._name_starts = [start for start, _, _ in self._name_spans]
        at = bisect_right(self._name_starts, span[0] - 1)
        end = span[0] + len(parsed.text.rstrip(" ,"))
        while at < len(self._names_at) and self._name_spans[at][0] < end:
            name = self._names_at[at]
            descriptor = self._text[span[0] : name.span[0]].split()
            if (
                name.span[1] == end
                and self._parties[self._name_spans[at][2]].is_person
                and all(_is_title([w], 0) for w in descriptor)  # "a spokeswoman for Jo Doe" is not Jo Doe
            ):
                return Parsed(parsed.text, " ".join(descriptor) or None, name.text, None)
            at += 1
        return parsed

    def _reported(self, content: Span) -> None:
        """Names inside a content weigh `REPORTED` from now on."""
        first = bisect_right(self._positions, content[0] - 1)
        last = bisect_right(self._positions, content[1] - 1)
        for at in range(first, last):
            seen = self._seen[at]
            if not seen.speaker:
                self._seen[at] = _new_seen(
                    (seen.position, seen.sentence, seen.party, seen.weight * REPORTED, False)
                )

    def _link(self, parsed: Parsed, mention: str, position: int) -> str:
        if parsed.pronoun is not None:
            return self._pronoun(parsed, position)
        if parsed.name and parsed.descriptor and close_to(parsed.descriptor):
            # "people close to the Clintons", "a source familiar with Doe's thinking": not the Clintons
            return self._anonymous(mention, position)
        if parsed.name:
            return self._named(parsed, position)
        if is_anonymous(parsed):
            return self._anonymous(parsed.descriptor or mention, position)
        return self._described(parsed, position)

    def _anonymous(self, name: str, position: int) -> str:
        """ "a senior official": a party with no name, whom a later "she" may still stand for."""
        key = ("anonymous", *_key(name))
        if key not in self._by_key:
            index = self._new(name, key, True, None)
            party = self._parties[index]
            party.kind = SourceKind.ANONYMOUS
            words = _key(name)
            head = words[: next((i for i, w in enumerate(words) if w in _PREPOSITIONS), len(words))]
            anonymous = vocabulary().anonymous
            party.plural = any(w in anonymous and (w.endswith("s") or w == "people") for w in head)
            self._by_key[key] = index
        return self._speaker(self._by_key[key], position, SourceKind.ANONYMOUS, None, None)

    def _spelled_out(self, acronym: str) -> int | None:
        """The one party, not a person, that the article names in full with the initials ``acronym``
        spells ("SOHR", "I.R.S.", "The U.N."); None when none does or two do."""
        letters = _acronym_letters(acronym)
        if letters is None:
            return None
        found = {index for index in self._initialled(letters) if not self._parties[index].is_person}
        return found.pop() if len(found) == 1 else None

    def _initialled(self, letters: str) -> list[int]:
        """The parties no person, named by two words or more with no period, whose initials are
        ``letters``: each party's initials are read once, when first asked after it was made (or
        renamed); a person never stops being one, so none is kept."""
        parties = self._parties
        for index in range(self._initials_read, len(parties)):
            party = parties[index]
            if not party.is_person and len(party.key) > 1 and "." not in party.name:
                self._by_initials.setdefault(_initials(party.name), []).append(index)
        self._initials_read = len(parties)
        return self._by_initials.get(letters, [])

    def _spelled_opening(self, acronym: str) -> str | None:
        """The words that open the name of one organisation the text names, whose initials ``acronym``
        spells and whose last word names a kind of body, when it names no party by those words alone:
        "The U.N." after "the United Nations Security Council" is the United Nations, whose body the
        council is. None when no name opens so, or names open so with different words."""
        letters = acronym.replace(".", "")
        if not (2 <= len(letters) <= 4 and letters.isalpha() and letters.isupper()):
            return None
        found = set()
        for party in self._parties:
            words = party.name.split()
            if party.is_person or len(words) <= len(letters):
                continue
            opening = words[: len(letters)]
            pairs = zip(opening, letters, strict=True)
            spells = all(w[:1] == c and w[1:].isalpha() and w[1:].islower() for w, c in pairs)
            if spells and normal(opening[-1]) in kind_keywords():
                found.add(" ".join(opening))  # "United Nations", never "American Petroleum" for "A.P."
        return found.pop() if len(found) == 1 else None

    def _named(self, parsed: Parsed, position: int) -> str:
        assert parsed.name is not None
        name = parsed.name
        bare = _drop_article(name)
        if bare in self.acronyms:
            name = self.acronyms[bare]
        elif (spelled := self._spelled_out(bare)) is not None:
            name = self._parties[spelled].name
        elif (opening := self._spelled_opening(bare)) is not None:
            name = opening
        if _key(name) == _key(self.outlet.name):
            self._remember(self.outlet.id)
            return self.outlet.id
        words, descriptor_words, gender = _named_parts(name, parsed.descriptor)
        mentioned = Name((-1, -1), words, gender=gender)
        if len(words) == 1 and normal(words[0]) in kind_words(SourceKind.DOCUMENT):
            return self._described(Parsed(name, None, None, None), position)  # "Data", "Poll"
        if len(words) == 1 and self._common_plural(words[0], position):
            return self._unresolved(parsed.text)  # "Banks expect": a group the text does not name
        if len(words) > 1 and normal(words[-1]) in _person_nouns() and self._in_header(position):
            # "Former White House Doctor Says": title case made a description look like a name
            return self._described(Parsed(name, None, None, None), position)
        index = self._index_of(words, mentioned, create=False, position=position)
        if index is None:
            index = self._short_form(name)
        if index is None and len(words) > 2 and self._in_header(position):
            index = self._named_last(words, position)  # "McCain Challenger Kelli Ward": title case
        if index is None:
            if _generic(words) or (self._in_header(position) and self._common(words)):
                # "Poll", "New Poll", "Popular Website": capitals that name no party the article names
                return self._described(Parsed(name, None, None, None), position)
            index = self._index_of(words, mentioned, position=position)
        if index is None or index == _AMBIGUOUS:
            return self._unresolved(parsed.text)
        party = self._parties[index]
        party.roles.update(descriptor_words)
        if parsed.text[:4].lower() == "the " and not parsed.descriptor:
            party.definite = True
        canonical = party.name
        kind = self._kind(party, parsed.descriptor)
        seen = parsed.name if parsed.descriptor else _PARENTHESES.sub("", parsed.text).strip(" ,")
        alias = seen if _key(seen) != _key(canonical) else None
        if alias and parsed.descriptor and all(_is_title([w], 0) for w in parsed.descriptor.split()):
            alias = f"{parsed.descriptor} {parsed.name}"  # "Mrs. Clinton" is how the text names her
        return self._speaker(index, position, kind, parsed.descriptor, alias)

    def _named_last(self, words: Sequence[str], position: int) -> int | None:
        """The person a headline names after words title case capitalised ("Conservative Icon Jo
        Doe"): the longest run of two or more last words that is a person the article names."""
        opening = self._index_of(tuple(words[:2]), None, create=False, position=position)
        if opening is not None and opening != _AMBIGUOUS and self._parties[opening].is_person:
            return None  # "Carly Fiorina Endorses Ted Cruz": the headline names two people
        for start in range(1, len(words) - 1):
            index = self._index_of(tuple(words[start:]), None, create=False, position=position)
            if index is not None and index != _AMBIGUOUS and self._parties[index].is_person:
                return index
        return None

    def _common_plural(self, word: str, position: int) -> bool:
        """True for a common plural whose capital only opens the sentence ("Banks expect that ...",
        "Channels suggest"): the noun, no organisation or person the article names ("Lakeside
        Banks"); a name the text writes after a lowercase word ("said Banks") or a first name
        ("Tyra Banks") is one."""
        key = normal(word)
        return (
            _PLURAL.search(key) is not None
            and key in lexicon().common_words
            and position >= 0
            and opens_sentence(self._text, position)
            and not self._in_header(position)
            and not any(
                before.islower() or first_name_gender(before) is not None
                for before in _letters_before(self._text, word)
            )
        )

    @staticmethod
    def _common(words: Sequence[str]) -> bool:
        """True when some word of a name is a common word, which a headline capitalises."""
        lex = lexicon()
        return any(normal(w) in lex.common_words or normal(w) in lex.not_name_words for w in words)

    def _in_header(self, position: int) -> bool:
        """True when ``position`` falls in a headline, where title case capitalises every word."""
        index = bisect_right(self._header_starts, position) - 1
        return index >= 0 and position < self._headers[index][1]

    def _short_form(self, name: str) -> int | None:
        """An organisation named by the end of its name ("the Tax Policy Center"), by its head noun
        and some of its words ("the Syrian Observatory"), or by its initials ("SOHR", "I.R.S.")."""
        key = _key(name)
        if not key:
            return None
        if len(key) == 1 and (spelled := self._spelled_out(name)) is not None:
            return spelled
        words = set(key)
        suffix: int | None = None
        headed: int | None = None
        for index in self._by_word.get(key[-1], ()):
            party = self._parties[index]
            if party.is_person or len(party.key) <= len(key):
                continue
            if party.key[-len(key) :] == key:
                suffix = index if suffix is None else suffix
            elif words <= set(party.key) and _head(party.key) == key[-1]:
                headed = index if headed is None else headed
        return suffix if suffix is not None else headed

    def _kind(self, party: _Party, descriptor: str | None) -> SourceKind:
        if party.kind is not None:
            return party.kind
        if party.is_person:
            return SourceKind.PERSON  # a first name or a title says so, whatever the description
        kind = kind_of(party.name, descriptor)
        if kind is SourceKind.PERSON and (party.definite or party.plural) and not descriptor:
            return SourceKind.ORGANIZATION  # "the Taliban", "Democrats": no person is called so
        return kind

    def _speaker(
        self, index: int, position: int, kind: SourceKind, description: str | None, alias: str | None
    ) -> str:
        """Record the party as the speaker at ``position`` and return its source id."""
        party = self._parties[index]
        source_id = self._source_of.get(index) or _slug(party.name)
        if source_id == self.outlet.id:
            self._remember(source_id)
            return source_id
        self._source_of[index] = source_id
        party.spoke = True
        self._see(index, position, SPEAKER, speaker=True)
        return self._add(source_id, party.name, kind, description, alias)

    def _see(self, index: int, position: int, weight: float, *, speaker: bool = False) -> None:
        """Record a mention of a party at ``position`` for salience."""
        if position >= 0:
            at = bisect_right(self._positions, position)
            self._seen.insert(at, _new_seen((position, self._sentence(position), index, weight, speaker)))
            self._positions.insert(at, position)

    def _pronoun(self, parsed: Parsed, position: int) -> str:
        assert parsed.pronoun is not None
        wants = lexicon().pronouns.get(parsed.pronoun)
        if parsed.pronoun == "i" and self.author:
            # "I" outside a quotation, in a first-person piece: its author, whom no later "she" or
            # "he" stands for (the writer says "I"), so the mention adds no salience
            return self._named(parse_mention(self.author), -1)
        if wants == "n" and self._thing_subject(position):
            return self._unresolved(parsed.text)  # "NASA's lander touched down. It found": the lander
        if parsed.pronoun == "it" and self._empty_subject(position):
            return self._unresolved(parsed.text)  # "As odd as it may seem": no one's belief
        index = self._introducer(wants) if wants in ("m", "f") else None
        if index is not None:
            self._parties[index].is_person = True  # "Oprah Winfrey hesitated: “…,” she tells Us"
        else:
            index = self._salient(position, wants) if wants in ("m", "f", "n") else None
            stranger = None
            if index is not None and wants is not None and wants in ("m", "f"):
                stranger = self._stranger_since(index, position, wants)
            if stranger is not None:
                # "Fran says he spent his final months harassed by the online extortionist. He
                # called ...": the extortionist, whom the text never names, as much as Hal Finney;
                # and the one a next "he" most likely stands for
                key = ("someone", *(normal(w) for w in stranger.split()))
                index = self._by_key.get(key)
                if index is None:
                    index = self._new(stranger, key, True, wants)
                    self._parties[index].kind = SourceKind.UNKNOWN
                    self._by_key[key] = index
                self._see(index, position, SPEAKER, speaker=True)
                return self._unresolved(parsed.text)
        if index is None and wants == "n":
            index = self._opening_body(position)
        if index is None:
            return self._unresolved(parsed.text)
        party = self._parties[index]
        if party.kind is SourceKind.UNKNOWN:
            self._see(index, position, SPEAKER, speaker=True)  # "my father said. He said": still him
            return self._unresolved(parsed.text)
        if wants in ("m", "f") and party.gender is None:
            party.gender = wants  # "he" already used for that person
        kind = self._kind(party, None)
        return self._speaker(index, position, kind, None, None)

    def _thing_subject(self, position: int) -> bool:
        """True when the subject an "it" at ``position`` continues is a thing, no party: the subject
        of the sentence before, when "it" opens its own ("NASA's Viking 1 lander touched down ... It
        took the first pictures"; "The report also provided details ... It said"), or of its own
        sentence otherwise ("The massacre resonated ... because it felt so universal"). The thing is
        a definite or possessed noun phrase whose head, the last lowercase word before its verb,
        names no party (a document names none either: "it" is the report, not who wrote it)."""
        if position < 0:
            return False
        here = self._sentence(position)
        start = self._starts[here - 1] if here else 0
        before = self._text[start:position].strip(_OPENING_MARKS)
        opens = not before or _opening_phrase(before) == len(before)
        if opens:
            if here < 2:
                return False
            start, position = self._starts[here - 2], start  # "It" opens its sentence: the one before
        opening = self._text[start:position].lstrip(_OPENING_MARKS)
        skip = _opening_phrase(opening)
        subject = _THING_SUBJECT.match(opening, skip)
        if subject is None:
            return False
        words = subject.group(1).split()
        auxiliaries = vocabulary().auxiliaries
        cues = vocabulary().cue_words
        for at, word in enumerate(words):
            verb = word in auxiliaries or word in cues or (at > 0 and _VERB_FORM.search(word) is not None)
            if verb or (word.endswith(",") and opens):
                # "The average weekly benefit, it says, would be": no verb before "it", which the
                # subject does not continue
                head = word.rstrip(",") if not verb else words[at - 1] if at else ""
                return bool(head) and (head not in _party_heads() or head in kind_words(SourceKind.DOCUMENT))
        return False

    def _stranger_since(self, index: int, position: int, wants: str) -> str | None:
        """True when a person the text describes and does not name ("the online extortionist", "a
        man", `Lexicon.stranger_nouns`) of the pronoun's gender stands after the last mention of
        ``index`` and before a "he" or "she" at ``position``, within that sentence and the one before:
        the pronoun may stand for either: the last such description, or None. Never a description of
        someone named beside it ("Jo Doe, a driver,", "the driver Jo Doe") or said of the subject
        ("Doe was a driver")."""
        here = self._sentence(position)
        start = self._starts[here - 2] if here >= 2 else 0
        at = bisect_right(self._positions, position - 1) - 1
        while at >= 0 and self._positions[at] >= start:
            if self._seen[at].party == index:
                start = self._positions[at] + 1
                break
            at -= 1
        strangers = lexicon().stranger_nouns
        described = None
        for found in _DESCRIBED_PERSON.finditer(self._text, start, position):
            noun = found.group(2).lower()
            if noun not in strangers or lexicon().gendered_titles.get(noun, wants) != wants:
                continue
            if found.group(1).lower() == "the" and noun in lexicon().gendered_titles:
                continue  # "the woman's enthusiasm": most often someone named, named again
            between = self._text[found.end() : position]
            if _QUOTE_MARK.search(between) or between.strip() in ("", "that", "whom"):
                continue  # a quotation between ('"... a man," she said'); "the man he succeeds"
            before = self._text[max(0, found.start() - _LOOK_BEHIND) : found.start()]
            if _APPOSED.search(before) or _NAMED_AFTER.match(self._text, found.end()):
                continue  # "Jo Doe, a driver,", "her husband, a driver", "the driver Jo Doe"
            if normal(before.rsplit(None, 1)[-1] if before.strip() else "") in _PREDICATES:
                continue  # "Doe was a driver", "as a man": said of someone
            described = found.group()
        return described

    def _opening_body(self, position: int) -> int | None:
        """The organisation that opens the sentence of an "it" and is the only party named before it
        there ("The FBI needs to stay out of this election unless it wants to ..."), though it has
        not spoken: never a place, a group or a person."""
        if position < 0:
            return None
        here = self._sentence(position)
        start = self._starts[here - 1] if here else 0
        first = bisect_right(self._positions, start - 1)
        last = bisect_right(self._positions, position - 1)
        named = {self._seen[at].party for at in range(first, last)}
        if len(named) != 1:
            return None
        index = named.pop()
        party = self._parties[index]
        opening = self._text[start : self._seen[first].position].strip(_OPENING_MARKS)
        if opening not in ("", "The", "the") or party.is_person or party.plural:
            return None
        if party.key in lexicon().places or self._kind(party, None) not in _THINGS:
            return None
        end = self._seen[first].position
        if self._text.startswith(party.name, end):
            end += len(party.name)
        after = _NEXT_WORD.match(self._text, end)
        verb = after.group(1) if after else ""
        is_verb = verb.endswith(("s", "ed")) or verb in vocabulary().auxiliaries
        if not is_verb or normal(verb) in _party_heads():
            return None  # "The Japanese constitution ... it": the name qualifies what "it" is
        return index

    def _introducer(self, wants: str) -> int | None:
        """The person who introduces the quotation a "he" or "she" speaks: the subject of the
        narration ending in a colon before it ("Sen. Jo Doe (D-Mo.) scolded him: “…,” she said";
        "Oprah Winfrey hesitated: “…,” she tells Us"), when that party agrees with the pronoun or may
        be a person for all the article says."""
        if self._content is None:
            return None
        start, end = self._content
        colon = _COLON_QUOTE.search(self._text, start, end)
        if colon is None:
            return None
        if self._name_starts is None:
            self._name_starts = [begin for begin, _, _ in self._name_spans]
        at = bisect_right(self._name_starts, colon.start()) - 1
        if at > 0 and self._text[self._name_spans[at][0] - 1] == "(":
            at -= 1  # "(D-Mo.)": the party and state of the name before
        if at < 0 or self._name_spans[at][0] < start:
            return None
        lead, name_end, index = self._name_spans[at]
        if _INTRODUCES.fullmatch(self._text, name_end, colon.start()) is None:
            return None
        opening = self._text[self._starts[self._sentence(lead) - 1] if self._sentence(lead) else 0 : lead]
        if any(word[:1].islower() for word in opening.rpartition(",")[2].split()):
            return None  # "A crowd met Jo Doe at the bridge:": Jo Doe is no subject
        party = self._parties[index]
        if party.gender == wants or (party.gender is None and self._may_be_person(party)):
            return index
        return None

    def _may_be_person(self, party: _Party) -> bool:
        """True for a person, or a name no title or first name shows to be one that reads as a
        person's (`_reads_as_name`)."""
        return party.is_person or _reads_as_name(party)

    def _personal(self, party: _Party) -> bool:
        """True for a person, or a party whose name reads as a person's and that has spoken."""
        if party.plural or party.kind is not None:
            return False
        if party.is_person:
            return True
        if len(party.key) == 1 and party.key[0] in lexicon().common_words:
            return False  # "Speaking", "Along": a capitalised common word that opened a sentence
        return party.spoke and self._kind(party, None) is SourceKind.PERSON

    def _agrees(self, party: _Party, wants: str) -> bool:
        if wants == "person":
            return self._personal(party) and party.kind is not SourceKind.ANONYMOUS
        if party.kind is SourceKind.ANONYMOUS or party.kind is SourceKind.UNKNOWN:
            # a person with no name ("a senior official", "my father")
            return wants in ("m", "f") and not party.plural and party.gender in (None, wants)
        if wants == "n":
            # "it said": an organisation that has spoken before, not any thing the text names
            return (
                party.spoke
                and not party.is_person
                and not _people(party.key)  # "House Republicans" are "they"
                and self._kind(party, None) in _THINGS
            )
        if party.gender not in (None, wants):
            return False
        # a person, or a party of no other kind that has spoken ("Al-Alusi said")
        return self._personal(party)

    def _salient(self, position: int, wants: str) -> int | None:
        """The most salient party that agrees with a pronoun at ``position``, if clearly so."""
        return self._most_salient(position, None, wants)

    def _most_salient(
        self, position: int, among: Sequence[int] | None, wants: str | None = None
    ) -> int | None:
        """The most salient party at ``position`` (among ``among``, or agreeing with ``wants``), if
        it is `MARGIN` times as salient as the next."""
        if position < 0:
            return None
        here = self._sentence(position)
        scores: dict[int, float] = {}
        end = bisect_right(self._positions, position - 1)
        inside = self._content or (0, 0)
        for at in range(end - 1, -1, -1):
            seen = self._seen[at]
            distance = here - seen.sentence
            if distance > WINDOW:
                break
            if inside[0] <= seen.position < inside[1]:
                continue  # "'Smith is wrong,' he said": not Smith
            score = seen.weight * 0.5**distance
            if score > scores.get(seen.party, 0.0):
                scores[seen.party] = score
        allowed = set(among) if among is not None else None
        # the two most salient that qualify (on a tie, the party made first), best first
        ranked: list[tuple[float, int]] = []
        for score, negated in sorted(((score, -index) for index, score in scores.items()), reverse=True):
            index = -negated
            if (allowed is None or index in allowed) and (
                wants is None or self._agrees(self._parties[index], wants)
            ):
                ranked.append((score, index))
                if len(ranked) == 2:
                    break  # no need to ask the less salient whether they agree
        if not ranked:
            return None
        if len(ranked) > 1 and ranked[0][0] < MARGIN * ranked[1][0]:
            return None
        return ranked[0][1]

    def _described(self, parsed: Parsed, position: int) -> str:
        words = list(_WORD.findall(parsed.descriptor or parsed.text))
        index = self._possessed(words, position)
        if index == _AMBIGUOUS:
            return self._unresolved(parsed.text)  # "the campaign" of a person the text names no campaign of
        if index is None:
            definite = parsed.text.split(None, 1)[0].lower() in ("the", "this", "that")
            index = self._by_role(words, position, definite=definite)
            if index is None and definite:
                index = self._topic(words, position)
            if index is None and self._text.startswith(parsed.text, position):
                index = self._introduced(
                    words, position, indefinite=not definite and parsed.text != " ".join(words)
                )
        if index is None:
            subject = _subject_of_fragment(words)
            if subject is not None and subject != parsed.text:
                # "once he", "Trump avoids": the mention ran past its subject
                known = len(self.order)
                source_id = self._link(parse_mention(subject), subject, position)
                found = self.sources.get(source_id)
                if found is None or found.kind is not SourceKind.UNKNOWN:
                    return source_id  # a party, or the outlet itself
                for unused in self.order[known:]:  # no trace of the attempt in the sources
                    del self.sources[unused]
                del self.order[known:]
            self._someone(words, position, definite=parsed.text[:4].lower() == "the ")
            return self._unresolved(parsed.text)
        party = self._parties[index]
        return self._speaker(index, position, self._kind(party, None), None, parsed.text)

    def _someone(self, words: list[str], position: int, *, definite: bool = False) -> None:
        """An unresolved description of a person the text does not name ("my father", "Doe's
        wife", "a neighbour") is still someone a later "he" or "she" may stand for: it takes its
        place in salience, so that the pronoun is left unresolved rather than given to another
        person. Only possessed or indefinite ones: "the GOP nominee" names again someone named."""
        if position < 0 or not words:
            return
        head = normal(words[-1])
        first = normal(words[0])
        # "said the woman", of someone the text does not name: the same as "a woman"
        stranger = definite and len(words) == 1 and head in lexicon().stranger_nouns
        if head not in _person_nouns() and not stranger:
            return
        if not (
            stranger
            or first in ("my", "his", "her", "their", "our", "your", "a", "an")
            or first.endswith("'s")
        ):
            return
        key = ("someone", *(normal(w) for w in words))
        index = self._by_key.get(key)
        if index is None:
            index = self._new(" ".join(words), key, True, lexicon().gendered_titles.get(head))
            self._parties[index].kind = SourceKind.UNKNOWN
            self._by_key[key] = index
        self._see(index, position, SPEAKER, speaker=True)

    def _possessed(self, words: list[str], position: int) -> int | None:
        """ "Clinton's campaign", "The Trump campaign", "A Quinnipiac University poll", "an analysis
        by Jane Doe": a party named for another, or a document whose owner is named; `_AMBIGUOUS`
        for an organisation the text does not name of the person it is about ("the campaign")."""
        lex = lexicon()
        stop = lex.not_name_words
        # the head noun stands before the first preposition that is not inside a name ("State of
        # the State speech", "Club for Growth ad")
        cut = next(
            (
                i
                for i, w in enumerate(words)
                if (normal(w) in _PREPOSITIONS and not _inside_name(words, i))
                # "a Washington Post database tracking such deaths": the noun its participle follows
                or (
                    i > 0
                    and w.endswith("ing")
                    and w.islower()
                    and normal(words[i - 1]) in kind_words(SourceKind.DOCUMENT)
                )
            ),
            len(words),
        )
        if cut == 0:
            return None
        head = normal(words[cut - 1])
        owner = [
            w
            for i, w in enumerate(words[: cut - 1])
            if (_owner_word(words, i, stop) and not _is_title([w], 0))
            or (normal(w) in _CONNECTORS and _inside_name(words[: cut - 1], i))
        ]
        if not owner and cut < len(words) and normal(words[cut]) in ("by", "from", "of"):
            after = words[cut + 1 :]
            owner = [w for i, w in enumerate(after) if _owner_word(after, i, stop)]
        possessor = next((i for i, w in enumerate(owner) if w.endswith(("’s", "'s"))), None)
        if possessor is not None and self._firm_named(owner, position):
            owner_words = tuple(owner)  # "a Moody’s Analytics report": the firm keeps its possessive
        else:
            if possessor is not None:
                owner = owner[: possessor + 1]  # "Jane Doe's State of the State speech": Jane Doe's
            owner_words = tuple(w[:-2] if w.endswith(("’s", "'s")) else w for w in owner)
        if head in lex.organisation_synonyms and owner_words:
            # "Clinton's team": the Clinton campaign, when the text names it; else no one known
            person = self._index_of(owner_words, None, create=False, position=position)
            surname = self._parties[person].key[-1] if person is not None and person != _AMBIGUOUS else None
            noun = lex.organisation_synonyms[head]
            key = (surname or normal(owner_words[-1]), noun)
            if key not in self._by_key and person is not None and person != _AMBIGUOUS:
                if self._lower is None:
                    self._lower = self._text.lower()
                if self._lower.rfind(" ".join(key), 0, max(position, 0)) >= 0:
                    # "The Clinton campaign and DNC did not respond": named before, if never as a speaker
                    index = self._new(f"{self._parties[person].name.split()[-1]} {noun}", key, False, None)
                    self._parties[index].kind = SourceKind.ORGANIZATION
                    self._by_key[key] = index
                    self._organisations.append((noun, index))
            return self._by_key.get(key)
        if head in lex.organisation_nouns and owner_words:
            # "the Trump campaign": a party of its own, named for the person
            person = self._index_of(owner_words, None, create=False, position=position)
            if person is not None and person != _AMBIGUOUS:
                label = self._parties[person].name.split()[-1]
                surname = self._parties[person].key[-1]
            else:
                label, surname = owner_words[-1], normal(owner_words[-1])
            key = (surname, head)
            if key not in self._by_key:
                index = self._new(f"{label} {words[cut - 1]}", key, False, None)
                kind = kind_of(None, head)
                self._parties[index].kind = SourceKind.ORGANIZATION if kind is SourceKind.UNKNOWN else kind
                self._by_key[key] = index
            self._organisations.append((head, self._by_key[key]))
            return self._by_key[key]
        if head in lex.organisation_nouns and not owner_words:
            # "the campaign": the organisation of that kind the text is about here, if clearly one
            found = list(dict.fromkeys(i for noun, i in self._organisations if noun == head))
            chosen = self._most_salient(position, found) if found else None
            topic = self._topic_person(position)
            if topic is not None:
                # "Hillary Clinton plans to ... The campaign says": hers, never another's
                surname = self._parties[topic].key[-1]
                theirs = self._by_key.get((surname, head))
                if theirs is not None:
                    return theirs
                if any(self._parties[i].key[0] != surname for i in found):
                    return _AMBIGUOUS  # another's campaign is named: not this one's
            return chosen
        if head in kind_words(SourceKind.DOCUMENT) and owner_words:
            owner_index = (
                self._firm_of(owner_words[0]) if possessor is not None and len(owner_words) == 1 else None
            )
            if owner_index is None:
                owner_index = self._index_of(owner_words, None, create=False, position=position)
            if owner_index is None:
                owner_index = self._short_form(" ".join(owner_words))
            if owner_index is None:
                # "A Reuters/Ipsos poll": an owner named only here must show it is a party ("New
                # Poll" names none)
                if (
                    not any(normal(w) in kind_keywords() for w in owner_words)
                    and _slug(" ".join(owner_words)) != self.outlet.id
                ):
                    return None
                owner_index = self._index_of(owner_words, None, position=position)
            if owner_index is None or owner_index == _AMBIGUOUS:
                return None
            self._owners[head] = owner_index
            return owner_index
        if head in kind_words(SourceKind.DOCUMENT) and position >= 0:
            # "A 2014 study that appeared in the BMJ": the owner the text names with the noun itself
            if self._lower is None:
                self._lower = self._text.lower()
            written = _family_pattern((head,)).search(self._lower, position, position + _MODIFIER_REACH)
            tied = self._document_owner(*written.span()) if written is not None else None
            if tied is not None:
                return tied
        if head in kind_words(SourceKind.DOCUMENT) and len(words) <= 3:
            # "the poll": the one whose owner was named before ("a Bloomberg poll found ...")
            reported = self._owners.get(head, self._owner_before(head, position))
            if reported is None and self._in_header(position):
                reported = self._owner_after(head, position)  # "Poll: ...": the poll the article reports
            return reported
        return self._possessor(words[: cut - 1], head, position)

    def _topic_person(self, position: int) -> int | None:
        """The one person who is the subject or speaker of the sentence before ``position`` or of
        its own sentence before it, if exactly one is."""
        if position < 0:
            return None
        here = self._sentence(position)
        seen = self._seen[: bisect_right(self._positions, position - 1)]
        persons = {
            s.party
            for s in seen
            if here - s.sentence <= 1
            and (s.speaker or s.weight >= SUBJECT)
            and self._parties[s.party].is_person
            and self._parties[s.party].kind is None
        }
        return persons.pop() if len(persons) == 1 else None

    def _firm_named(self, owner: list[str], position: int) -> bool:
        """True when ``owner``, possessive and all, is the name of a party the text knows that is no
        person ("Moody’s Analytics", joined by `names._join_firms`): the possessive is part of it."""
        if len(owner) < 2 or not owner[0].endswith(("’s", "'s")):
            return False
        index = self._index_of(tuple(owner), None, create=False, position=position)
        return index is not None and index != _AMBIGUOUS and not self._parties[index].is_person

    def _firm_of(self, word: str) -> int | None:
        """The one party, no person, whose name opens with ``word`` in the possessive ("Moody’s" in
        "the Moody’s report", for Moody’s Analytics): a firm named for its founder, which the text
        shortens to the possessive; never a person of that name. Variants of one name ("Moody’s
        Analytics Inc.") count as one, the shortest."""
        first = normal(f"{word}'s")
        found = [
            index
            for index in self._by_word.get(first, ())
            if self._parties[index].key[0] == first and not self._parties[index].is_person
        ]
        if not found or self._by_surname.get(normal(word)):
            return None
        found.sort(key=lambda i: (len(self._parties[i].key), i))
        shortest = self._parties[found[0]].key
        if any(self._parties[i].key[: len(shortest)] != shortest for i in found[1:]):
            return None  # two firms of that name
        return found[0]

    def _possessor(self, words: list[str], head: str, position: int) -> int | None:
        """ "Google's recent parsing", "Acme's announcement": the named owner of what it did (a noun
        made of a verb; "Doe's lawyer", "Doe's bank" and "Doe's death" are others or no act)."""
        at = next((i for i, w in enumerate(words) if w.endswith(("’s", "'s")) and w[:1].isupper()), None)
        if at is None or not _ACTION_NOUN.search(head) or head in _person_nouns() or head in kind_keywords():
            return None
        owner = tuple(w for w in words[: at + 1] if w[:1].isupper() and not _is_title([w], 0))
        owner = (*owner[:-1], owner[-1][:-2]) if owner else ()
        if not owner or any(normal(w) in lexicon().not_name_words for w in owner):
            return None
        index = self._index_of(owner, None, create=False, position=position)
        if index is None:
            index = self._short_form(" ".join(owner))
        return None if index is None or index == _AMBIGUOUS else index

    def _owner_before(self, noun: str, position: int) -> int | None:
        """The owner of the last document the text names before ``position`` with ``noun`` or a noun of
        its family (`Lexicon.document_families`: "a web video by the RNC" before "The ad"), found by
        `_document_owner`; the nearest one the text ties to an owner, if any."""
        if position < 0:
            return None
        if self._lower is None:
            self._lower = self._text.lower()
        family = lexicon().document_families.get(noun, frozenset({noun}))
        pattern = _family_pattern(tuple(sorted(family)))
        window = max(0, position - _OWNER_REACH)
        found = [m.span() for m in pattern.finditer(self._lower, window, position)]
        for start, end in reversed(found):
            owner = self._document_owner(start, end)
            if owner is not None:
                return owner
            if _INTRODUCED.search(self._lower, max(0, start - _MODIFIER_REACH), start):
                return None  # "sent a letter": a new document, whose owner the text does not name
        return None

    def _document_owner(self, start: int, end: int) -> int | None:
        """The party the text ties to the document noun at ``start``-``end``: named right before it
        ("a Bloomberg poll"), after it ("a video by the RNC", "a study that appeared in the British
        Medical Journal"), or as the subject of a verb that makes it ("the Security Council issued a
        statement", "Mariano wrote a memoir")."""
        ends = self._name_ends()
        owner = self._named_before(ends, start - 1)
        if owner is not None:
            return owner
        after = _OWNER_AFTER.match(self._text, end)
        if after is not None:
            owner = self._name_starting(after.end())
            if owner is not None:
                return owner
        return self._maker_before(ends, start)

    def _name_ends(self) -> list[int]:
        """Where each name of `_name_spans` ends, in text order (made once, when first asked)."""
        if self._ends is None:
            self._ends = [end for _, end, _ in self._name_spans]
        return self._ends

    def _name_starting(self, at: int) -> int | None:
        """The party whose name (or its title) begins at ``at``; none for a possessive ("the State
        Department's inspector general" is someone of the department's)."""
        if self._name_starts is None:
            self._name_starts = [begin for begin, _, _ in self._name_spans]
        index = bisect_right(self._name_starts, at) - 1
        if index >= 0 and self._name_starts[index] == at and not self._names_at[index].possessive:
            return self._name_spans[index][2]
        return None

    def _maker_before(self, ends: list[int], start: int) -> int | None:
        """The party named as the subject of a verb that makes the document at ``start`` ("the
        Security Council issued a statement", `Lexicon.document_verbs`): the name ends right before
        the verb, and at most a determiner and three words stand between the verb and the noun,
        with no punctuation."""
        assert self._lower is not None
        reach = max(0, start - _MAKER_REACH)
        words = [m.span() for m in _PLAIN_WORD.finditer(self._lower, reach, start)]
        if not words or self._lower[words[-1][1] : start].strip():
            return None
        verbs = lexicon().document_verbs
        auxiliaries = vocabulary().auxiliaries
        for at in range(len(words) - 1, max(-1, len(words) - 6), -1):
            if at + 1 < len(words) and self._lower[words[at][1] : words[at + 1][0]].strip():
                return None  # punctuation between: the verb's clause has ended
            if self._lower[words[at][0] : words[at][1]] in auxiliaries:
                return None  # "released on-air was a one-page letter": another verb between
            for size in (2, 1):
                first = at - size + 1
                if first < 0:
                    continue
                verb = tuple(self._lower[b:e] for b, e in words[first : at + 1])
                if verb in verbs:
                    index = bisect_right(ends, words[first][0]) - 1
                    if index >= 0 and not self._lower[ends[index] : words[first][0]].strip():
                        return self._name_spans[index][2]
                    return None
        return None

    def _named_before(self, ends: list[int], at: int) -> int | None:
        """The party whose name ends right before ``at`` ("Bloomberg" before " poll"), with at most
        a possessive and two of `Lexicon.document_modifiers` between ("Washington Post-ABC News
        national poll")."""
        index = bisect_right(ends, at + 1) - 1
        if index < 0 or at - ends[index] > _MODIFIER_REACH:
            return None
        assert self._lower is not None
        between = self._lower[ends[index] : at].replace("’s", " ").replace("'s", " ").split()
        modifiers = lexicon().document_modifiers
        if len(between) <= 2 and all(w in modifiers for w in between):
            return self._name_spans[index][2]
        return None

    def _owner_after(self, noun: str, position: int) -> int | None:
        """The party named right before the first ``noun`` the text writes after ``position`` (a
        headline's "Poll" is the "Bloomberg poll" the article opens with), if any: only the first,
        for the article may report other polls after it."""
        if self._lower is None:
            self._lower = self._text.lower()
        ends = self._name_ends()
        at = self._lower.find(f" {noun}", position + len(noun), position + _OWNER_REACH)
        return self._named_before(ends, at) if at >= 0 else None

    def _by_role(self, words: list[str], position: int, *, definite: bool = False) -> int | None:
        """ "The Indiana governor", "the GOP nominee", "the ministry": the party whose title,
        description or name holds the description's head noun and at least one of its other words;
        a person for a person's role, an organisation for an organisation's noun."""
        stop = lexicon().not_name_words
        cut = next((i for i, w in enumerate(words) if normal(w) in _PREPOSITIONS), len(words))
        head_words = [role_word(w) for w in words[:cut] if normal(w) not in stop]
        if not head_words:
            return None
        head = head_words[-1]
        if head not in _party_heads() and head not in lexicon().role_forms.values():
            return None  # "percent", "voters": no noun that names one party ends the description
        if _PLURAL.search(head) and (head not in kind_keywords() or _quantified(words)):
            # "Democratic leaders", "most nations" are several, never the one party a role names
            return None
        modifiers = {role_word(w) for w in words if normal(w) not in stop} - {head}
        head_kind = kind_of(None, head)
        if (
            head_kind is not SourceKind.PERSON
            and normal(words[0]) in lexicon().possessive_pronouns
            and head not in lexicon().organisation_nouns  # "his campaign": the campaign named for him
        ):
            return None  # "his office" is the office of the one "his" stands for, not one the text names
        # "a spokeswoman for Jo Doe" is no man who speaks for Doe
        gender = lexicon().gendered_titles.get(normal(words[cut - 1])) if cut else None
        self._read_roles(head)
        qualifiers = lexicon().role_qualifiers
        wanted = {head}

        def holds(p: _Party) -> bool:
            # an organisation by its noun ("the ministry"); no name is a person's role ("White House Doctor")
            named = not p.is_person and head not in _person_nouns() and head in p.key
            return bool(wanted & p.roles or wanted & p.titles) or named

        def kin_holds(p: _Party) -> bool:
            return bool(wanted & p.roles or wanted & p.titles) or self._headed(p, wanted)

        def fits(p: _Party) -> bool:
            # a name headed by an organisation's noun ("Congressional Budget Office") is no person
            personal = self._personal(p) and not self._headed(p, wanted)
            return (
                p.kind is not SourceKind.ANONYMOUS
                and (gender is None or p.gender in (None, gender))
                and not (
                    len(p.key) == 1 and p.key[0] in kind_words(SourceKind.DOCUMENT)
                )  # "Data" names nobody
                # "the bank" is a bank the text names, not "Bank" opening a sentence
                and not (definite and len(p.key) == 1 and p.key[0] in wanted and not p.spoke)
                and (head_kind is SourceKind.UNKNOWN or (head_kind is SourceKind.PERSON) == personal)
                # "the network Russia has financed": a place is no network
                and (p.kind is None or head_kind in (SourceKind.UNKNOWN, SourceKind.PERSON, p.kind))
                # "the Democratic nominee" is not the vice-presidential nominee, "the lawyer" no
                # Attorney General
                and not ((p.roles & qualifiers) - modifiers and not (p.titles & wanted and head in wanted))
            )

        candidates = [i for i, p in enumerate(self._parties) if holds(p) and fits(p)]
        if not candidates and head in lexicon().role_kin:
            # "the judge" when the text titles her Justice, "the union" when it names an association
            wanted = set(lexicon().role_kin[head])
            if head_kind is SourceKind.PERSON:  # an organisation's kin is its name's head noun
                for word in sorted(wanted):
                    self._read_roles(word)
            candidates = [i for i, p in enumerate(self._parties) if kin_holds(p) and fits(p)]
        if not candidates:
            return self._of_party(words[:cut], head, fits)
        titled = [i for i in candidates if wanted & self._parties[i].titles]
        if titled and not modifiers:
            candidates = titled  # "the president": the one so titled, not a bank's president

        def known(index: int) -> set[str]:
            party = self._parties[index]
            return party.roles | party.titles | set(party.key)

        # a party or a place must not clash: "the Democratic nominee" is not the Republican one,
        # "the Indiana governor" not Ohio's
        proper = {role_word(w) for w in words[: cut - 1] if w[:1].isupper() and normal(w) not in stop}
        candidates = [i for i in candidates if not _clashes(proper, known(i))]
        if not candidates:
            return self._of_party(words[:cut], head, fits)  # the Libertarian nominee is no GOP nominee
        if modifiers:
            best = max(len(modifiers & known(i)) for i in candidates)
            if best == 0:
                return None  # "the GOP nominee" when only another party's nominee is named
            candidates = [i for i in candidates if len(modifiers & known(i)) == best]
        found = candidates[0] if len(candidates) == 1 else self._most_salient(position, candidates)
        if found is not None:
            party = self._parties[found]
            if self._headed(party, wanted) and self._personal(party):
                party.kind = SourceKind.ORGANIZATION  # "the agency": the Budget Office is no person
        return found

    def _of_party(self, words: list[str], head: str, fits: Callable[[_Party], bool]) -> int | None:
        """ "The GOP nominee" when the text gives no one that role but writes "Republican Donald
        Trump": the one person the text ties to that political party who holds no office and no
        other role (a Republican senator or strategist is not the nominee), if exactly one."""
        lex = lexicon()
        if head not in lex.topic_roles or head in _offices():
            return None
        asked = {role_word(w) for w in words if w[:1].isupper()} & lex.political_parties
        if len(asked) != 1:
            return None
        for word in sorted(asked):
            self._read_roles(word)
        other = (_person_nouns() | _offices()) - asked - {head} - lex.honorifics
        found = [
            i
            for i, p in enumerate(self._parties)
            if self._personal(p) and asked <= (held := p.roles | p.titles) and not held & other and fits(p)
        ]
        return found[0] if len(found) == 1 else None

    def _introduced(self, words: list[str], position: int, *, indefinite: bool) -> int | None:
        """ "A New York judge has rejected ...", "Connecticut's tax commissioner says ...": a person or
        an organisation a paragraph opens with by what it is, and names in the next sentences (the
        delayed identification of news writing), is the first party of that kind named there for
        the first time, when no role it is given says otherwise ("Justice Frank Nervo" is a judge,
        "Kevin Sullivan" is given no role; "an analyst, Jo Doe" is no commissioner). Only an
        indefinite or possessed description: "the judge" names again someone named before."""
        if position < 0 or not words or self._in_header(position):
            return None
        stop = lexicon().not_name_words
        # the head noun ends before a preposition or a participle ("a union representing pilots")
        cut = next(
            (
                i
                for i, w in enumerate(words)
                if normal(w) in _PREPOSITIONS or (i and _PARTICIPLE.fullmatch(w))
            ),
            len(words),
        )
        if not indefinite and not any(w.endswith(("’s", "'s")) for w in words[:cut]):
            return None
        here = self._sentence(position)
        if here == 0 or not self._opens_paragraph(here):
            return None
        before = self._text[self._starts[here - 1] : position].strip(_OPENING_MARKS)
        if before and not before.endswith(","):
            return None  # "After the State Department's inspector general released ...": no subject
        head_words = [
            role_word(w) for w in words[:cut] if normal(w) not in stop and not w.endswith(("’s", "'s"))
        ]
        if not head_words or _PLURAL.search(head_words[-1]):
            return None
        head = head_words[-1]
        if head not in _person_nouns() and not _names_a_body(head):
            return None
        person = head in _person_nouns()
        gender = lexicon().gendered_titles.get(normal(words[cut - 1])) if cut else None
        proper = {role_word(w) for w in words[:cut] if w[:1].isupper() and normal(w) not in stop}
        fitting = {head, *lexicon().role_kin.get(head, ())}
        roles = _person_nouns()
        owner = self._owner_of(words, cut, position)
        later = sorted(
            (p.first, i)
            for i, p in enumerate(self._parties)
            if p.first > position and here < self._sentence(p.first) <= here + INTRODUCED_REACH
        )
        for _, index in later:
            party = self._parties[index]
            if party.kind is not None or party.plural or not self._named_as_subject(index):
                continue
            if person != party.is_person:
                continue
            if not person and not (self._headed(party, fitting) or head in party.key):
                continue  # an organisation must be named by its noun or its kin ("Association of ...")
            if gender and party.gender not in (None, gender):
                continue
            self._read_roles_of(index)
            held = party.roles | party.titles
            if _clashes(proper, held | set(party.key)):
                continue
            if person and held & roles and not held & fitting:
                continue  # "Jo Doe, an analyst": no commissioner
            if owner is not None and not set(self._parties[owner].key) & held:
                continue  # "a spokesman for Christie" is no one the text does not tie to Christie
            return index
        return None

    def _owner_of(self, words: list[str], cut: int, position: int) -> int | None:
        """The party a description says it belongs to ("a spokesman for Jo Doe", "Doe's lawyer"),
        when the text names that party before."""
        owner: tuple[str, ...] = ()
        if cut < len(words) and normal(words[cut]) == "for":
            owner = tuple(w for w in words[cut + 1 :] if w[:1].isupper())
        else:
            at = next(
                (i for i, w in enumerate(words[:cut]) if w.endswith(("’s", "'s")) and w[:1].isupper()), None
            )
            if at is not None:
                owner = (*(w for w in words[:at] if w[:1].isupper()), words[at][:-2])
        if not owner:
            return None
        index = self._index_of(owner, None, create=False, position=position)
        if index is None or index == _AMBIGUOUS or self._parties[index].key in lexicon().places:
            return None  # "Connecticut's tax commissioner": the office of a place, whoever holds it
        return index

    def _named_as_subject(self, index: int) -> bool:
        """True when the text first names party ``index`` as the subject of its sentence, or as the
        speaker after a cue ("..., said Don Fowler")."""
        at = next(at for at, (_, _, party) in enumerate(self._name_spans) if party == index)
        name = self._names_at[at]
        sentence = self._sentence(name.span[0])
        if self._is_subject(name, sentence):
            return True
        lead = self._name_spans[at][0]
        words = self._text[max(0, lead - 20) : lead].split()
        if words and words[-1].lower() in vocabulary().cue_words:
            return True  # "..., said Don Fowler"
        # "In a statement, the Association of Flight Attendants called ...", "Clinton communications
        # director Jennifer Palmieri spoke ...": an article, or words that qualify the name, before it
        before = _SUBJECT_LEAD.sub("", self._text[self._starts[sentence - 1] : lead].strip(_OPENING_MARKS))
        clause = before.rsplit(",", 1)
        opening = len(clause) == 1 or clause[0].split(None, 1)[0].lower() in lexicon().opening_words
        qualifiers = clause[-1].split()
        return (
            opening
            and len(qualifiers) <= _MAX_QUALIFIERS
            and all(
                w[:1].isupper() or role_word(w) in _role_heads() or normal(w) in lexicon().role_premodifiers
                for w in qualifiers
            )
        )

    def _opens_paragraph(self, sentence: int) -> bool:
        """True when sentence number ``sentence`` (as `_sentence` counts) is the first of its paragraph."""
        start = self._starts[sentence - 1]
        before = self._text[max(0, start - 3) : start]
        return start == 0 or "\n" in before

    def _read_roles_of(self, index: int) -> None:
        """Read the role words of every place the text names the party ``index``."""
        for at, (_, _, party) in enumerate(self._name_spans):
            if party == index and at not in self._roles_read:
                self._roles_read.add(at)
                self._parties[index].roles.update(roles_of(self._text, self._names_at[at]))

    @staticmethod
    def _headed(party: _Party, nouns: set[str]) -> bool:
        """True for an organisation whose name's head noun is one of ``nouns`` ("the Association of
        Flight Attendants": association)."""
        return not party.is_person and bool(party.key) and _head(party.key) in nouns

    def _topic(self, words: list[str], position: int) -> int | None:
        """ "The New York businessman", "the Indiana governor": a definite description of a person by
        an office or a calling (`Lexicon.topic_roles`) no party is given in the text stands for the
        person the text is about right here: the clearly most salient person named in the last
        `TOPIC_REACH` sentences, when their gender, offices, party and place do not say otherwise
        (the newspaper convention of naming a person again by what they are)."""
        lex = lexicon()
        if any(normal(w) in _PREPOSITIONS or w.endswith(("’s", "'s")) for w in words):
            return None  # "the president of the bank", "Clinton's lawyer": someone else
        if position >= 0 and self._text[max(0, position - 5) : position].lower().endswith(("and ", "& ")):
            return None  # "Doe and the New York businessman": another person than Doe
        lowered = [normal(w) for w in words]
        if any(w in lex.role_qualifiers for w in lowered):
            return None  # "the former governor", "the vice presidential nominee": not the one in office
        kept = [
            w
            for w, n in zip(words, lowered, strict=True)
            if n not in lex.not_name_words and n not in _ARTICLES
        ]
        if not kept or normal(kept[-1]) not in lex.topic_roles:
            return None
        head = role_word(kept[-1])
        gender = lex.gendered_titles.get(normal(kept[-1]))
        office = head in _offices()
        asked = {role_word(w) for w in kept[:-1] if w[:1].isupper()}
        for party_word in sorted(asked & lex.political_parties):
            self._read_roles(party_word)  # "Republican Jo Doe": whose party the text says
        here = self._sentence(position)
        seen = self._seen[: bisect_right(self._positions, position - 1)]
        # the subject or speaker of this sentence or the one before: the person the text is about; a
        # sentence that names no one ("Baiting the moderators.") in between does not change who that is
        named = sorted({s.sentence for s in seen if s.sentence < here}, reverse=True)[:TOPIC_REACH]
        reach = min(here - min(named, default=here), TOPIC_REACH + 1)
        near = {s.party for s in seen if here - s.sentence <= reach and (s.speaker or s.weight >= SUBJECT)}
        # a person named earlier in the same sentence is another one ("Doe took on Roe after the
        # Democratic front-runner said ...")
        named_here = {
            s.party
            for s in self._seen[: bisect_right(self._positions, position - 1)]
            if s.sentence == here and not s.speaker
        }
        persons = []
        for i in sorted(near - named_here):
            party = self._parties[i]
            if not self._personal(party) or party.kind is SourceKind.ANONYMOUS:
                continue
            if gender and party.gender not in (None, gender):
                continue
            if office and (party.titles & _offices()) - {head}:
                continue  # "the governor" is not the one titled senator
            if _clashes(asked, party.roles | party.titles | set(party.key)):
                continue
            persons.append(i)
        wanted = asked & lex.political_parties
        holders = {
            i
            for i, p in enumerate(self._parties)
            if wanted and wanted <= p.roles | p.titles and self._personal(p)  # persons only
        }
        if holders:
            persons = [i for i in persons if i in holders]  # "the Democratic front-runner": the Democrat
        if not persons:
            return None
        # clearly the most salient of all the persons named near, not only of those who agree
        found = self._most_salient(position, None, "person")
        return found if found in persons else None

    def _read_roles(self, head: str) -> None:
        """Read the role words around the names that stand next to a place where the text writes
        ``head`` ("the Indiana governor, Mike Pence", "Indiana Gov. Mike Pence", "Mike Pence, the
        Indiana governor"). One scan of the text per head noun; each name read at most once."""
        if head in self._heads_read:
            return
        self._heads_read.add(head)
        if self._lower is None:
            self._lower = self._text.lower()
        if self._name_starts is None:
            self._name_starts = [start for start, _, _ in self._name_spans]
        starts = self._name_starts
        lower = self._lower
        pattern, in_words = _role_pattern(head)
        for match in pattern.finditer(lower):
            if in_words and match.start() and _WORD_CHARACTER.match(lower, match.start() - 1):
                continue  # inside a word: the pattern leaves the boundary before it to this test
            after = bisect_right(starts, match.start())
            near = []
            if after < len(starts) and starts[after] - match.end() <= _ROLE_REACH:
                near.append(after)
            if after > 0 and match.start() - self._name_spans[after - 1][1] <= _ROLE_REACH:
                near.append(after - 1)
            for at in near:
                if at in self._roles_read:
                    continue
                self._roles_read.add(at)
                party = self._parties[self._name_spans[at][2]]
                party.roles.update(roles_of(self._text, self._names_at[at]))
                if (
                    at < after
                    and _names_a_body(head)
                    and len(party.key) > 1
                    and not party.is_person
                    and self._modifies(at, match.start(), match.end())
                ):
                    party.roles.add(head)  # "the RT America television network": RT America

    def _modifies(self, at: int, head: int, head_end: int) -> bool:
        """True when the name at ``at`` stands after "the" and before the noun at ``head`` with at
        most two lowercase words between, and the noun ends the phrase: the name qualifies that noun
        ("the Acme steel company."), not a noun of its own ("the Citizens United campaign finance
        case" is no campaign)."""
        start, end, _ = self._name_spans[at]
        return (
            self._text[max(0, start - 4) : start].lower() == "the "
            and self._text[head_end : head_end + 1] in _PHRASE_ENDS
            and _MODIFIED_HEAD.fullmatch(self._text, end, head) is not None
        )

    def nobody(self) -> str:
        """The source of a claim whose cue names no party in words ("After" is no speaker)."""
        return self._unresolved(NOBODY)

    def _empty_subject(self, position: int) -> bool:
        """True for an "it" at ``position`` that an impersonal verb follows, auxiliaries between ("it
        seems that ...", "as improbable as it may seem", "it must have seemed"): an empty subject,
        which stands for no party, whatever thing the text named last."""
        if position < 0:
            return False
        words = vocabulary()
        for match in _PLAIN_WORD.finditer(self._text, position + 2, position + _EMPTY_REACH):
            word = match.group().lower()
            if word in words.impersonal_verbs:
                return True
            if word not in words.auxiliaries and word not in words.verb_marks:
                return False
        return False

    def _unresolved(self, mention: str) -> str:
        """An unknown source named by the mention and marked as tied to no party ("he (unresolved)"),
        one per way of writing it."""
        name = unresolved_name(mention)
        source_id, number = _slug(name), 1
        while source_id in self.sources and self.sources[source_id].name != name:
            number += 1
            source_id = f"{_slug(name)}-{number}"
        return self._add(source_id, name, SourceKind.UNKNOWN, None, None, remember=False)

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
        if alias and alias != old.name and alias not in old.aliases:
            old = evolve(old, aliases=(*old.aliases, alias))
        if description and not old.description:
            old = evolve(old, description=description)
        self.sources[source_id] = old
        if remember:
            self._remember(source_id)
        return source_id

    def settled(self) -> list[Source]:
        """The sources in the order first named, each kind settled on all the article says: a one-word
        name read as a person's only for want of another kind ("Hachette said") is an organisation's
        when nothing in the text shows a person (no first name, title, description, he or she, and no
        person named in full who bears it as a surname); a longer one when the text gives it what only an
        organisation has (`_has_members`)."""
        party_of = {source_id: index for index, source_id in self._source_of.items()}
        settled = []
        for source_id in self.order:
            source = self.sources[source_id]
            index = party_of.get(source_id)
            learnt = self._parties[index].kind if index is not None else None
            if learnt is not None and learnt in _THINGS and source.kind is SourceKind.PERSON:
                source = evolve(source, kind=learnt)  # an organisation, learnt after it first spoke
            elif index is not None and source.kind is SourceKind.PERSON and source.description is None:
                party = self._parties[index]
                if (
                    not party.is_person
                    and party.gender is None
                    and len(party.key) == 1
                    and not party.titles
                    and not any(self._surname_of_person(p, party.key[0]) for p in self._parties)
                ):
                    source = evolve(source, kind=SourceKind.ORGANIZATION)
                elif len(party.key) > 1 and not party.titles and self._has_members(party.name):
                    source = evolve(source, kind=SourceKind.ORGANIZATION)  # "Wells Fargo CEO John Stumpf"
            settled.append(source)
        return settled

    def _has_members(self, name: str) -> bool:
        """True when the text puts ``name`` right before what only an organisation has ("Wells Fargo
        CEO John Stumpf", "Acme's shareholders"): a first name it opens with ("Wells") shows no person."""
        text = self._text
        at = text.find(name)
        while at >= 0:
            if _members_after().match(text, at + len(name)):
                return True
            at = text.find(name, at + len(name))
        return False

    def _surname_of_person(self, party: _Party, word: str) -> bool:
        """True when ``party`` is a person named in full who bears ``word`` (in any spelling) after the
        first name: a surname, or one of two ("Guadalupe Salinas Hernández": Salinas)."""
        return (
            len(party.key) > 1
            and any(_spelled(part) & _spelled(word) for part in party.key[1:])
            and (party.is_person or self._kind(party, None) is SourceKind.PERSON)
        )

    def _remember(self, source_id: str) -> None:
        if source_id in self.recent:
            self.recent.remove(source_id)
        self.recent.append(source_id)


_SUBJECT_LEAD = re.compile(r"(?:^|(?<=, ))(?:[Tt]he)$|(?<=, )the$")
"""An article right before a name, at the start of its clause."""

_PARTICIPLE = re.compile(r"[a-z]{3,}ing")
"""A lowercase word in -ing after a description's head noun ("a union representing pilots")."""

_MAX_QUALIFIERS = 4
"""The most words that may stand before a name and still qualify it ("Clinton communications director")."""

_OPENING_MARKS = " \t\n\r\u00a0\"'“‘(—–-"
"""What may stand between a sentence's start and its subject."""

_HAS = re.compile(r"['’]s (?:been|got|gotten)\b")
"""A name's "'s" that stands for "has" ("Christie's been making the case")."""

_CAPITALISED_BEFORE = re.compile(r"\b([A-Z][\w’'-]+) ")
_WORD_CHAR = re.compile(r"[\w’'-]")
_WORD_BOUNDARY = re.compile(r"\b")


def _one_edit(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` differ by one letter added, dropped or changed."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    at = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), len(a))
    return a[at + (len(a) == len(b)) :] == b[at + 1 :]


def _words_before(text: str, word: str) -> list[str]:
    """The capitalised words that stand just before ``word`` in ``text``, as the matches of
    ``\\b([A-Z][\\w’'-]+) word\\b`` give them, left to right and none overlapping: found from the
    places of " word" (a substring search) and the run of word characters before each, never by a
    regular expression tried at every capital of the article."""
    found: list[str] = []
    searched = 0  # where the scan of the regular expression would go on from
    at = text.find(" " + word)
    while at >= 0:
        start, end = at + 1, at + 1 + len(word)
        if start - 1 > searched and _WORD_BOUNDARY.match(text, end):
            first = at  # the run of word characters before the space starts here
            while first > searched and _WORD_CHAR.match(text, first - 1):
                first -= 1
            for place in range(first, at - 1):  # leftmost first, as a scan would find it
                before = _CAPITALISED_BEFORE.match(text, place)
                if before is not None and before.end() == start:
                    found.append(before.group(1))
                    searched = end
                    break
        at = text.find(" " + word, at + 1)
    return found


def _letters_before(text: str, word: str) -> list[str]:
    """The words of letters that stand just before ``word`` in ``text``, a comma between maybe, as
    the matches of ``\\b([A-Za-z]+),? word\\b`` give them, left to right and none overlapping: found
    from the places of " word" (a substring search) and the run of word characters before each,
    never by a regular expression tried at every word of the article."""
    found: list[str] = []
    searched = 0  # where the scan of the regular expression would go on from
    at = text.find(" " + word)
    while at >= 0:
        end = at + 1 + len(word)
        last = at - 1 if text[at - 1 : at] == "," else at  # where the letters end
        if _WORD_BOUNDARY.match(text, end):
            first = last  # the run of word characters before the space (and comma) starts here
            while first > 0 and _WORD_CHARACTER.match(text, first - 1):
                first -= 1
            run = text[first:last]
            if first >= searched and run and run.isascii() and run.isalpha():
                found.append(run)
                searched = end
        at = text.find(" " + word, at + 1)
    return found


_NEXT_WORD = re.compile(r"(?:’s|'s)? ([a-z][\w-]*)")
"""The lowercase word right after a name."""

_PREMODIFIER = re.compile(r"(?:’s|'s)?(?: [a-z][\w-]*){0,2} ([a-z][\w-]*) [A-Z]")
"""Lowercase words between a name and the next capitalised word, the last one captured."""


@lru_cache(maxsize=1)
def _role_heads() -> frozenset[str]:
    """Nouns that name a person by role or an organisation by kind ("director", "campaign")."""
    lex = lexicon()
    return frozenset({*kind_keywords(), *lex.organisation_nouns, *lex.role_forms, *lex.role_forms.values()})


NOBODY = "unknown speaker"
"""What a claim rests on when the words before its cue name no party (see `Linker.nobody`)."""

_OWNER_REACH = 3000
"""How far back (in characters) "the poll" looks for the named poll it stands for."""

_OWNER_AFTER = re.compile(
    r"\s*[-–—]?\s*(?:by|from|(?:(?:that|which)\s+)?(?:appeared|ran|was\s+published|published)\s+in|published\s+by)"
    r"\s+(?:the\s+)?"
)
"""What ties a document to the name after it: "a video by the RNC", "a study that appeared in the BMJ"."""

_PLAIN_WORD = re.compile(r"[\w’'-]+")
_EMPTY_REACH = 40
"""How far after an "it" its verb is looked for ("it must have seemed")."""

_INTRODUCED = re.compile(r"\b(?:a|an|another|one)\s+(?:[\w’'-]+\s+){0,3}$")
"""A document noun introduced as a new one ("sent a letter", "an early draft")."""

_MAKER_REACH = 80
"""How far (in characters) before a document noun its maker's verb may stand."""


@lru_cache(maxsize=64)
def _family_pattern(nouns: tuple[str, ...]) -> re.Pattern[str]:
    """The nouns of a document family as whole words (lowercase text)."""
    return re.compile(r"\b(?:" + "|".join(map(re.escape, nouns)) + r")\b")


_MODIFIER_REACH = 30
"""How far (in characters) a document noun may stand from its owner's name ("Bloomberg national poll")."""

_ROLE_REACH = 100
"""How far (in characters) a role word may stand from the name it describes."""

_PLURAL = re.compile(r"[^su'’]s$")
"""A capitalised word that names a group ("Democrats", "Europeans"), not a surname like "Ross"."""


@lru_cache(maxsize=1024)
def _role_pattern(role: str) -> tuple[re.Pattern[str], bool]:
    """The ways a role may be written, as one pattern of whole words, and whether its matches inside
    a word are to be dropped: when every form is a word, the pattern opens with the forms (so the
    regex engine skips to where one may start) and leaves the boundary before them to the caller.
    A match inside a word then ends where that word ends, so it hides no match that opens a word."""
    forms = "|".join(map(re.escape, _written_forms(role)))
    if all(_WORD_CHARACTERS.fullmatch(form) for form in _written_forms(role)):
        return re.compile(rf"(?:{forms})\b"), True
    return re.compile(rf"\b(?:{forms})\b"), False


_WORD_CHARACTER = re.compile(r"\w")
_WORD_CHARACTERS = re.compile(r"\w+")


@lru_cache(maxsize=1024)
def _written_forms(role: str) -> tuple[str, ...]:
    """The ways a role may be written ("senator": "senator", "sen"), lowercase."""
    lex = lexicon()
    variants = {role} | {k for k, v in (*lex.role_forms.items(), *lex.modifier_forms.items()) if v == role}
    return tuple(sorted(variants))


@lru_cache(maxsize=1)
def _offices() -> frozenset[str]:
    """Role words that name an office one person holds ("senator", "governor"), not a calling."""
    return frozenset(lexicon().role_forms.values()) - {
        "doctor",
        "reverend",
        "professor",
        "nominee",
        "spokesperson",
        "executive",
        "delegate",
    }


def _names_a_body(head: str) -> bool:
    """True for a noun naming an organisation, an outlet or a government ("network", "company"),
    not a person, a document or a word of no kind."""
    kind = kind_of(None, head)
    return kind not in _NOT_BODIES and head not in kind_words(SourceKind.DOCUMENT)


_NOT_BODIES = frozenset({SourceKind.PERSON, SourceKind.UNKNOWN, SourceKind.DOCUMENT, SourceKind.ANONYMOUS})


_MODIFIED_HEAD = re.compile(r"(?: [a-z]+){0,2} ")
"""What stands between a name and the noun it qualifies: a space, at most two lowercase words."""

_PHRASE_ENDS = frozenset({"", ".", ",", ";", ":", ")"})
"""What may follow a noun that ends its phrase."""


_PRONOUN_SUBJECT = re.compile(r"(He|She) [a-z]")

_ROLE_SUBJECT = re.compile(r"The ([a-z]+)(?:’s|'s)? \w")

_STATE = re.compile(r"[A-Z][a-z]+")
"""A one-word state or country after a town and a comma."""

_SPELLED_UMLAUT = re.compile(r"[aou]e")
"""How English spells out an umlaut ("ue" for "ü"), which `sources.spellings` makes."""
_COLON_QUOTE = re.compile(r":\s*[“\"]")
"""Narration that introduces a quotation ("scolded him: “")."""

_INTRODUCES = re.compile(r"[\"”’']?(?:,? \([^)]{1,20}\))?(?:,? [a-z]+){1,4}")
"""What may stand between the subject of a narration and its colon: the closing mark of a name in
quotation marks ('"Perry" chimed in'), a party and state in parentheses, then a few lowercase
words ("(D-Mo.) scolded him", "hesitated", "fired back")."""

_GENDERED = re.compile(r"\b(?:she|he|her|hers|herself|him|his|himself)\b", re.IGNORECASE)
"""The pronouns that tell a person's gender."""

_QUOTE_MARK = re.compile(r"[\"“”]")


def _pronoun_subjects(text: str, starts: Sequence[int]) -> list[tuple[int, str]]:
    """Where a sentence opens with "He" or "She" and a lowercase word, or with a role noun after
    "The" ("The president's roots", "The senator said"): (position, pronoun or noun)."""
    found = []
    for start in starts:
        match = _PRONOUN_SUBJECT.match(text, start) or _ROLE_SUBJECT.match(text, start)
        if match is not None:
            found.append((match.start(1), match.group(1).lower()))
    return found


def _reads_as_name(party: _Party) -> bool:
    """True for a name that reads as a person's: two words or more, none a common word, not
    plural, of no known kind, not an organisation's."""
    lex = lexicon()
    return (
        len(party.key) >= 2
        and party.kind is None
        and not party.plural
        and _PLURAL.search(party.key[-1]) is None
        and not _is_organisation(party.key)
        and kind_of(party.name, None) is SourceKind.PERSON
        and lex.common_words.isdisjoint(party.key)
        and lex.not_name_words.isdisjoint(party.key)
    )


def _names_a_person(words: Sequence[str]) -> bool:
    """True when ``words`` hold a singular noun for a person ("told the woman that she"), other
    than a role after "as", which is the subject's own ("visited as Burma's leader")."""
    nouns = _person_nouns()
    for at, word in enumerate(words):
        if normal(word) in nouns and "as" not in (w.lower() for w in words[max(0, at - 4) : at]):
            return True
    return False


def _inside_name(words: Sequence[str], index: int) -> bool:
    """True when the connector at ``index`` joins capitalised words ("Bank of Japan")."""
    after = index + 2 if index + 2 < len(words) and words[index + 1].lower() == "the" else index + 1
    return index > 0 and words[index - 1][:1].isupper() and after < len(words) and words[after][:1].isupper()


def _subject_of_fragment(words: Sequence[str]) -> str | None:
    """The subject a fragment of a clause ends or opens with: a pronoun last ("once he"), or a name
    first and a lowercase word after it ("Trump avoids"); None for a phrase naming a party or
    nothing at all."""
    if not words or normal(words[-1]) in _party_heads():
        return None
    if len(words) > 1 and words[-1].lower() in ("he", "she"):
        return words[-1]
    lex = lexicon()
    first = words[0]
    if (
        len(words) > 1
        and first[:1].isupper()
        and not first.endswith(("’s", "'s"))
        and normal(first) not in lex.not_name_words
        and normal(first) not in lex.common_words
        and words[1][:1].islower()
        and words[1].endswith(("s", "ed"))  # a verb: "avoids", "unleashed"
        and not words[1].endswith(("’s", "'s"))  # "AirAsia pilot's son": a possessive noun
        and normal(words[1]) not in _party_heads()
    ):
        return first
    return None


_ACTION_NOUN = re.compile(r"(?:[a-z]{3}ing|[a-z]{2}ion|[a-z]{2}ment|sis|ure)$")
"""Endings of nouns made of a verb: what a party did ("parsing", "decision", "announcement")."""


@lru_cache(maxsize=1)
def _person_nouns() -> frozenset[str]:
    """Nouns that name a person by role or relation ("lawyer", "wife", "spokesman")."""
    lex = lexicon()
    person = {w for kind, words in vocabulary().kinds if kind is SourceKind.PERSON for w in words}
    return frozenset({*person, *lex.gendered_titles, *lex.role_forms, *lex.role_forms.values()})


@lru_cache(maxsize=1)
def _party_heads() -> frozenset[str]:
    """Nouns a description may end in that name a party or what it said: the kinds' keywords, the
    anonymous heads, the organisation nouns and the role forms."""
    lex = lexicon()
    return frozenset({*kind_keywords(), *vocabulary().anonymous, *lex.organisation_nouns, *lex.role_forms})


def _clashes(wanted: set[str], held: set[str]) -> bool:
    """True when a description's political party or place differs from the one a party holds."""
    for group in (lexicon().political_parties, _place_words()):
        asked = wanted & group
        if asked and (held & group) and not asked & held:
            return True
    return False


@lru_cache(maxsize=1)
def _place_words() -> frozenset[str]:
    return frozenset(" ".join(p) for p in lexicon().places if len(p) == 1)


def _generic(words: Sequence[str]) -> bool:
    """True for capitalised common words that name no one ("Poll", "New Poll", "Lawmaker"): every
    word is a common word or a kind's keyword, the last one a keyword."""
    keys = [normal(w) for w in words]
    keywords = kind_keywords()
    lex = lexicon()
    if keys and all(k in lex.not_name_words for k in keys):
        return True  # "One", "This"
    return (
        bool(keys)
        and keys[-1] in keywords
        and all(k in keywords or k in lex.not_name_words or k in lex.common_words for k in keys)
    )


def _people(key: Sequence[str]) -> bool:
    """True when a name's last word is the plural of a person noun ("House Republicans", "Iowa
    Democrats", "Fellow Voters"): members of a group, not one person called so."""
    return len(key) > 0 and _PLURAL.search(key[-1]) is not None and key[-1][:-1] in _person_nouns()


def _quantified(words: Sequence[str]) -> bool:
    """True when a description opens with a quantifier ("most nations", "a few agencies"): a group
    the text does not name, never the one party whose name holds its noun ("the United Nations")."""
    lead = [normal(w) for w in words[:2]]
    quantifiers = vocabulary().quantifiers
    return bool(lead) and (lead[0] in quantifiers or (lead[0] == "a" and lead[1:] == ["few"]))


@lru_cache(maxsize=1)
def _members_after() -> re.Pattern[str]:
    """What only an organisation has, right after its name (`Linker._has_members`)."""
    members = "|".join(map(re.escape, vocabulary().organisation_members))
    return re.compile(rf"(?:['’]s)?\s+(?i:{members})\b")


def _opening_phrase(text: str) -> int:
    """How many characters of ``text`` an opening phrase takes before the sentence's subject ("In
    1976, ", "Instead, "): up to its first comma when the phrase opens with one of
    `Lexicon.opening_words` or is one word; 0 when there is none."""
    comma = text.find(", ", 0, _OPENING_REACH)
    if comma < 0:
        return len(text) if text.endswith(",") and " " not in text else 0
    phrase = text[:comma]
    if " " in phrase and phrase.split(None, 1)[0].lower() not in lexicon().opening_words:
        return 0
    return comma + 2


_OPENING_REACH = 60
"""The most characters an opening phrase takes before a sentence's subject."""
_THING_SUBJECT = re.compile(
    r"(?:(?:[Tt]he|[Tt]his|[Ii]ts) |(?:[A-Z][\w.-]* )*[A-Z][\w.-]*(?:’s|'s) (?:(?:[A-Z][\w.-]*|\d+) )*)"
    r"((?:[a-z][\w-]*,? ){1,4})"
)
"""A subject that may be a thing: "The report ...", "NASA's Viking 1 lander ...", and its first
lowercase words, where `Linker._thing_subject` looks for its head and verb."""
_VERB_FORM = re.compile(r"(?:[a-z]ed|[^s'’]s)$")
"""The ending of a verb in the past or the present ("touched", "provides")."""

_DESCRIBED_PERSON = re.compile(r"\b([Tt]he|[Aa]n?|[Aa]nother) (?:[a-z][\w-]* ){0,2}([a-z]+)\b")
"""A person described by a noun, which `Linker._stranger_since` checks against its word list."""
_APPOSED = re.compile(r",\s*$")
_NAMED_AFTER = re.compile(r",? [A-Z][a-z]")
_LOOK_BEHIND = 40
_PREDICATES = frozenset({"is", "was", "are", "were", "be", "been", "being", "as", "like", "became", "become"})

_ACRONYM = re.compile(r"\(([A-Z][A-Za-z]*[A-Z])\)")
_NAME_BEFORE = re.compile(r"((?:[A-Z][\w’'-]*\s+(?:(?:of|for|and|the|on|to|&)\s+)*){1,8})$")
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
