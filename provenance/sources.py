"""Source identity across documents: name normalisation, acronyms and the keys a store matches on."""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

from .model import Source, SourceKind, is_unresolved

_STOPWORDS = frozenset({"of", "for", "the", "and", "on", "in", "to", "de", "du", "la", "el", "&"})
"""Small words that acronyms usually skip ("Syrian Observatory for Human Rights" is SOHR)."""

_PRONOUNS = frozenset(
    {
        "he",
        "she",
        "they",
        "it",
        "him",
        "her",
        "them",
        "his",
        "its",
        "their",
        "we",
        "i",
        "you",
        "who",
        "this",
        "that",
    }
)
"""Words that name a source only inside one document, never across documents."""

_ORGANISATIONS = frozenset(
    {
        SourceKind.ORGANIZATION,
        SourceKind.MONITOR,
        SourceKind.AGENCY,
        SourceKind.GOVERNMENT,
        SourceKind.OUTLET,
        SourceKind.DOCUMENT,
    }
)
"""Kinds that may turn out to be one another as more articles describe the same body."""

_ACRONYM = re.compile(r"[A-Z][A-Z0-9&.]{1,9}")


def normalise(name: str) -> str:
    """A comparison form of a name: ASCII, lowercase, no punctuation, no leading "the"."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    words = re.sub(r"[^a-z0-9&]+", " ", ascii_name.lower()).split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


_SPELLED_OUT = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"})
"""German letters as English spells them out: "Müller" is written "Muller" and "Mueller"."""


def spellings(name: str) -> tuple[str, ...]:
    """A name as written, then as English may spell it out ("Gerhard Müller", "Gerhard Mueller"):
    `normalise` drops the marks ("muller"), so both common spellings find the one party."""
    spelled = name.translate(_SPELLED_OUT)
    return (name,) if spelled == name else (name, spelled)


def is_acronym(name: str) -> bool:
    """True for names written as an acronym: "SOHR", "U.N.", "OPCW"."""
    compact = name.strip().removeprefix("the ").strip()
    return bool(_ACRONYM.fullmatch(compact)) and sum(c.isalpha() for c in compact) >= 2


def acronyms(name: str) -> set[str]:
    """The acronyms a multi-word name could be written as: with and without its small words."""
    words = [w for w in re.split(r"[\s\-/]+", unicodedata.normalize("NFKD", name)) if w]
    words = [w for w in words if w[0].isalnum()]
    if words and words[0].lower() == "the":
        words = words[1:]
    if len(words) < 2:
        return set()
    full = "".join(w[0] for w in words).upper()
    significant = "".join(w[0] for w in words if w.lower() not in _STOPWORDS).upper()
    return {a for a in (full, significant) if len(a) >= 2}


def _acronym_key(name: str) -> str:
    return "a:" + re.sub(r"[^A-Z0-9]", "", name.upper())


def name_key(name: str) -> str:
    """The strongest key of a name: its normalised form, or its letters when it is an acronym."""
    return _acronym_key(name) if is_acronym(name) else "n:" + normalise(name)


def keys(source: Source) -> dict[str, str]:
    """Every key this source can be found under across documents, each mapped to the name it came from.

    Keys are ``n:<normalised name>``, ``a:<ACRONYM>`` for names written as acronyms, and
    ``i:<INITIALS>`` for the acronyms a spelled-out name could have (see `matches`). Pronouns, and
    for people single words ("al-Alusi", "Smith"), name someone only inside one article: no key.
    """
    found: dict[str, str] = {}
    for position, name in enumerate((source.name, *source.aliases)):
        normal = normalise(name)
        if not normal or normal in _PRONOUNS:
            continue
        if position and source.kind is SourceKind.PERSON and not _is_full_name(name):
            continue
        for spelling in spellings(name):
            found.setdefault(name_key(spelling), name)
        if source.kind is not SourceKind.PERSON and not is_acronym(name):
            for acronym in acronyms(name):
                found.setdefault("i:" + acronym, name)
    return found


def matches(key: str) -> tuple[str, ...]:
    """The stored keys an incoming key finds: an acronym finds a spelled-out name's initials and
    back, but two spelled-out names never match on their initials alone."""
    kind, _, value = key.partition(":")
    if kind == "a":
        return (key, "i:" + value)
    if kind == "i":
        return ("a:" + value,)
    return (key,)


def _is_full_name(name: str) -> bool:
    words = [w for w in re.split(r"\s+", name.strip()) if w]
    return len(words) >= 2 and words[0][:1].isupper() and words[-1][:1].isupper()


def is_compatible(a: SourceKind, b: SourceKind) -> bool:
    """Whether sources of these kinds may be the same party (a person is never an organisation)."""
    if SourceKind.UNKNOWN in (a, b) or a is b:
        return True
    if SourceKind.ANONYMOUS in (a, b):
        return False
    return a in _ORGANISATIONS and b in _ORGANISATIONS


def prefers(new: Source, old: Source) -> bool:
    """Whether ``new`` makes the better display name for a group that ``old`` heads.

    A spelled-out name beats an acronym ("Syrian Observatory for Human Rights" over "SOHR").
    """
    return is_acronym(old.name) and not is_acronym(new.name)


def is_document_scoped(source: Source) -> bool:
    """Whether a source stands for a party only inside one article: an anonymous one ("sources
    said", "an official"), a pronoun, or a description that names no one ("the company", "the
    minister", "Officials"). Only named parties join across documents."""
    return not is_named(source)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_DETERMINERS = _words("the a an this that these those its his her their our")
_TITLES = _words("mr mrs ms miss dr prof sen rep gov gen col lt sgt capt rev sir")
_SUFFIXES = _words("jr sr ii iii iv")
_CONTRACTION = re.compile(r"['’](?:s|d|ll|ve|re|m|t)$", re.IGNORECASE)


@lru_cache(maxsize=65_536)
def is_named(source: Source) -> bool:
    """Whether a source's name names someone in particular, so that it may be the same party in
    another article: an acronym that is no role ("GE", "SOHR", not "CEO"), or a capitalised word
    that is no common English word ("Reuters", "Trump", not "Officials", "Many", "Scientists"), nor
    the people of a place ("Americans") nor, but for a person, the plural of a common word or of its
    doer ("Searchers", "Forecasters"), or two capitalised words ("Port Authority"), in a name that
    does not open with a pronoun ("He", "I've") and, for a party the extractor could not tie to
    anyone, with a determiner ("the report", "a GE spokesman"); never a party marked unresolved
    ("Keller (unresolved)": a surname two people share)."""
    if source.kind is SourceKind.ANONYMOUS or is_unresolved(source):
        return False
    words = [_CONTRACTION.sub("", word) for word in re.split(r"[\s/]+", source.name.strip()) if word]
    if not words:
        return False
    first = words[0].casefold()
    if first in _PRONOUNS or first in _MORE_PRONOUNS:
        return False
    if source.kind is SourceKind.UNKNOWN and first in _DETERMINERS:
        return False
    common = common_words()
    capitals = 0
    for word in words:
        letters = word.strip(".,;:()\"'“”‘’-")
        initial = letters[:1]
        # A script without capitals (Arabic, Chinese) cannot say; its words are taken as names.
        capital = initial.isupper() or (initial.isalpha() and initial.upper() == initial.lower())
        if is_acronym(letters) and letters.casefold().replace(".", "") not in role_words():
            return True
        if capital and not is_acronym(letters) and not _is_common(letters.casefold(), source.kind, common):
            return True
        # "Port Authority", "White House": capitalised common words together make a name.
        capitals += capital and letters.casefold() not in _DETERMINERS
    return capitals >= 2


_MORE_PRONOUNS = _words("i me us our my your which whom whose these those")


def _is_common(word: str, kind: SourceKind, common: frozenset[str]) -> bool:
    """Whether a lowercased word is a common word, the people of a place ("Americans"), or, for a
    party that is no person, the plural of a common word or of its doer ("Searchers", "Forecasters",
    "Appropriators", "Visitors"): a group described, not named. A person's surname may look like a
    plural ("Sanders", "Summers"), so a person's words are not read as plurals of common words."""
    if word in common:
        return True
    if not word.endswith("s"):
        return False
    if _is_people(word[:-1]):
        return True
    return kind is not SourceKind.PERSON and any(stem in common for stem in _plural_stems(word))


def _is_people(singular: str) -> bool:
    """Whether a word names the people of a place the extractor knows ("american" of America,
    "syrian" of Syria, "mexican" of Mexico, "israeli" of Israel): "Americans said" is no party."""
    bases: set[str] = set()
    for ending, tails in (("ian", ("", "a", "ia", "y", "e")), ("an", ("", "a", "o", "e")), ("i", ("",))):
        if singular.endswith(ending) and len(singular) > len(ending) + 2:
            root = singular[: -len(ending)]
            bases |= {root + tail for tail in tails}
    return not bases.isdisjoint(places())


def _plural_stems(word: str) -> set[str]:
    """What a plural could be the plural of: "searchers" → "searcher", "search"; "rescuers" →
    "rescue"; "appropriators" → "appropriate"; "bloggers" → "blog"; "agencies" → "agency"."""
    singulars = {word[:-1]}
    if word.endswith("es"):
        singulars.add(word[:-2])
    if word.endswith("ies"):
        singulars.add(word[:-3] + "y")
    stems = set(singulars)
    for singular in singulars:
        if singular.endswith(("er", "or")) and len(singular) > 4:
            root = singular[:-2]
            stems |= {root, root + "e"}
            if len(root) > 2 and root[-1] == root[-2]:
                stems.add(root[:-1])
    return stems


@cache
def places() -> frozenset[str]:
    """The places the extractor knows (`extract/data/places.txt`), lowercase, read without importing
    the extractor."""
    from importlib.resources import files

    text = files("provenance").joinpath("extract", "data", "places.txt").read_text(encoding="utf-8")
    return frozenset(line.strip().casefold() for line in text.splitlines() if line.strip() and line[0] != "#")


@cache
def role_words() -> frozenset[str]:
    """Words that say what a person is, not who ("ceo", "mp", "spokesman"): the extractor's kind
    vocabulary (`extract/data/kinds.json`, its "person" list), read without importing the extractor.
    Written as an acronym ("CEO", "MP") such a word names a role, not a party."""
    import json
    from importlib.resources import files

    text = files("provenance").joinpath("extract", "data", "kinds.json").read_text(encoding="utf-8")
    return frozenset(word.casefold() for word in json.loads(text)["person"])


@cache
def common_words() -> frozenset[str]:
    """Common lowercase English words: a capitalised one opens a sentence, it names no one. The
    extractor's list (`extract/data/common_words.txt`), read without importing the extractor."""
    from importlib.resources import files

    text = files("provenance").joinpath("extract", "data", "common_words.txt").read_text(encoding="utf-8")
    return frozenset(line.strip().casefold() for line in text.splitlines() if line.strip() and line[0] != "#")


def surnames(name: str) -> tuple[str, ...]:
    """The normalised surname of a person's full name in each of its `spellings` ("Gerhard Müller"
    → "muller", "mueller"); none for a one-word name."""
    return tuple(dict.fromkeys(family for spelling in spellings(name) if (family := surname(spelling))))


def surname(name: str) -> str | None:
    """The normalised surname of a person's full name ("Donald J. Trump" → "trump"), or None when the
    name is one word: titles and suffixes ("Mr.", "Jr.") are no part of it."""
    words = _name_words(name)
    return words[-1] if len(words) >= 2 else None


def bare_surname(name: str) -> str | None:
    """The normalised word of a name that is one word but for titles ("Trump", "Mr. Trump"), else None."""
    words = _name_words(name)
    return words[0] if len(words) == 1 else None


def _name_words(name: str) -> list[str]:
    words = normalise(name).split()
    while words and words[0] in _TITLES:
        words = words[1:]
    while len(words) > 1 and words[-1] in _SUFFIXES:
        words = words[:-1]
    return words
