"""Authors' names from bylines and page metadata: people only, each once, or none at all.

Pages fill their author fields with anything: "Jane Roe | jroe@example.com", "Jane Roe, Northeast
Media Group", "Photo by The Agency", "View author archive Get author RSS feed". A wrong name is worse
than none, so a part is kept only when it reads as a person's name: two to five capitalised words,
none of them a word of an organisation, a job, a date or a page.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from importlib import resources

from ..extract.vocabulary import vocabulary

_SPLIT = re.compile(r"\s*(?:[;|/\n]|,|\band\b|&|\bwith\b)\s*", re.IGNORECASE)
_LEADING = re.compile(
    r"^(?:(?:written|words|story|text|reported|posted|published)\s+)?(?:by:?\s+|(?-i:By(?=[A-Z])))",
    re.IGNORECASE,
)  # "ByJane Roe": a page that sets "By" apart by its style alone
_NOISE = re.compile(r"\S+@\S+|https?://\S+|www\.\S+|@\w+|\([^)]*\)|\[[^]]*\]")
_INITIALS = re.compile(r"(?:[^\W\d_]\.)+")
_HYPHENATED = re.compile(r"(?:al|el|ad|as|bin|ibn|abu)-(?P<rest>.+)", re.IGNORECASE)


def _particles() -> frozenset[str]:
    return vocabulary().name_particles  # "de", "van", "al": the extractor's, one list of them


@cache
def _not_name_words() -> frozenset[str]:
    """Words never part of a person's name (`data/not-names.txt`)."""
    text = resources.files(__package__).joinpath("data", "not-names.txt").read_text(encoding="utf-8")
    return frozenset(word for line in text.splitlines() if not line.startswith("#") for word in line.split())


def person_names(values: Iterable[str], *, outlet: str | None = None) -> tuple[str, ...]:
    """The people named in ``values`` (author fields, bylines), in order, each once.

    Parts that are the outlet, an organisation, a job, an address or anything else but a person's
    name are left out; ALL-CAPS names are given their usual case.
    """
    outlet_words = _words(outlet or "")
    names: dict[str, str] = {}
    for value in values:
        for part in _SPLIT.split(_NOISE.sub(" ", _LEADING.sub("", value.strip()))):
            name = _person(part, outlet_words)
            if name and name.casefold() not in names:
                names[name.casefold()] = name
    return tuple(names.values())


def _person(part: str, outlet_words: frozenset[str]) -> str | None:
    words = _LEADING.sub("", part).strip(" .,:-–—").split()
    if not 2 <= len(words) <= 5:
        return None
    if {word.lower().strip(".") for word in words} & _not_name_words():
        return None
    if outlet_words and _words(" ".join(words)) <= outlet_words:
        return None
    if not all(_is_name_word(word) or word.lower() in _particles() for word in words):
        return None
    if words[0] in _particles() or words[-1].lower() in _particles():
        return None  # "de Souza" alone; a capitalised first word is a first name: "Ben Roe", "Al Doe"
    if sum(1 for word in words if len(word.strip(".")) > 1) < 1:
        return None  # initials only
    return " ".join(_cased(word) for word in words)


def _is_name_word(word: str) -> bool:
    """ "Jane", "O'Brien", "Chien-Ming", "S.A.", "al-Alusi", "JIMÉNEZ"; not "jane", "2014", "CNN's"."""
    if _INITIALS.fullmatch(word):
        return word[0].isupper()
    hyphenated = _HYPHENATED.fullmatch(word)
    core = hyphenated["rest"] if hyphenated else word
    letters = core.replace("-", "").replace("'", "").replace("’", "").rstrip(".")
    return bool(letters) and letters.isalpha() and core[0].isupper() and not core.endswith(("'s", "’s"))


def _cased(word: str) -> str:
    if not word.isupper() or len(word.strip(".")) <= 1 or "." in word:
        return word  # "Jane", "J.", "S.A."
    return "-".join("'".join(piece.capitalize() for piece in part.split("'")) for part in word.split("-"))


def _words(text: str) -> frozenset[str]:
    return frozenset(re.findall(r"[^\W_]+", text.lower())) - {"the"}
