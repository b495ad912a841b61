"""Cue words in a run of tokens: where an attribution may hang ("said", "according to")."""

from __future__ import annotations

from functools import cache
from itertools import compress, count
from operator import attrgetter

from attrs import frozen

from .segment import Token
from .vocabulary import vocabulary

_LOWER = attrgetter("lower")

_DEMONSTRATIVES = frozenset({"that", "this", "these", "those", "whose"})
"""Determiners that may also be a cue's subject ("the group that publicly said")."""

_NOT_BEFORE = frozenset({"to"})
"""An infinitive ("to say") rarely attributes anything by itself."""


@frozen
class Cue:
    """A cue found in a sentence: token indices ``[first, last)`` and the lexicon group."""

    first: int
    """Index of the cue's first token."""
    last: int
    """Index just past its last token."""
    group: str
    """"speech", "belief", "report", "stance" or "according"."""
    is_passive: bool = False
    """True for "was criticized by X": the party follows "by", the content comes before."""


def find_cues(tokens: list[Token], *, title_case: bool = False) -> list[Cue]:
    """Every cue among ``tokens``, longest form first at each position, left to right; in a
    ``title_case`` headline a cue may be capitalised ("Bellwether County Says ...")."""
    lexicon = vocabulary()
    heads = lexicon.cue_heads
    found: list[Cue] = []
    # only the positions of words that can begin a cue are looked at (a C-level pass finds them)
    candidates = list(compress(count(), map(_openers().__contains__, map(_LOWER, tokens))))
    taken = 0  # tokens before this index belong to a cue found already
    for index in candidates:
        if index < taken:
            continue
        token = tokens[index]
        if token.lower == "according":
            if index + 1 < len(tokens) and tokens[index + 1].lower == "to":
                found.append(Cue(index, index + 2, "according"))
                taken = index + 2
            continue
        match = None
        for form in heads[token.lower]:
            if tuple(map(_LOWER, tokens[index : index + len(form)])) == form:
                match = form
                break
        if (
            match is None
            or not (title_case or token.text[:1].islower())
            or _is_noun_or_infinitive(tokens, index)
            or _heads_subject(tokens, index, index + len(match))
        ):
            continue
        last = index + len(match)
        passive = _is_passive(tokens, index, last)  # "was criticized by X"
        if passive or not _is_other_sense(tokens, index, last):
            found.append(Cue(index, last, lexicon.cues[match], passive))
        taken = last
    return found


@cache
def _noun_openers() -> frozenset[str]:
    return vocabulary().determiners - _DEMONSTRATIVES


@cache
def _openers() -> frozenset[str]:
    """The words a cue may begin with: the heads of the lexicon's forms, and "according"."""
    return frozenset(vocabulary().cue_heads) | {"according"}


def _is_other_sense(tokens: list[Token], first: int, last: int) -> bool:
    """True when a cue word is used in a sense that reports no speech: a passive with no "by" ("was
    accused of fraud", "is expected to", "was found in"), a number after it ("added 20 points",
    "reported at $1 billion"), or a cue that needs a marker without one ("posted a loss"), or an
    object that makes it no speech ("found its way", "pleaded not guilty"), or a particle of the verb
    before it ("dates back")."""
    words = vocabulary()
    head = tokens[first].lower
    before = first - 1
    while before >= 0 and (
        tokens[before].lower.endswith("ly") or tokens[before].lower in ("also", "not", "n't")
    ):
        before -= 1
    if (
        before >= 0
        and tokens[before].lower in words.be_forms
        and (head.endswith(("ed", "wn", "en", "ld", "id", "nd", "ght")) or not head.endswith("ing"))
    ):
        # "was accused of", "is expected to", "was told": the subject is no speaker; and after a
        # form of "be" only a participle in "-ing" is a verb ("Visitors are welcome to bring")
        return True
    if first > 0 and tokens[first - 1].lower in words.particle_senses.get(head, ()):
        return True  # "dates back to 1968", "fought back tears": a verb's particle, no stance
    following = tokens[last] if last < len(tokens) else None
    if following is None:
        return False
    if head in words.numeric_senses and _figure_follows(tokens, last):
        return True
    if (
        following.lower == "at"
        and last + 1 < len(tokens)
        and (tokens[last + 1].text[:1].isdigit() or tokens[last + 1].text in ("$", "€", "£", "about"))
    ):
        return True  # "a price reported at $1 billion", "estimated at 300": a figure, not speech
    if (
        head in words.naming_senses
        and last == first + 1
        and (
            _bare_name_follows(tokens, last, set_off=first > 0 and tokens[first - 1].text == ",")
            or _thing_named(tokens, first)
        )
    ):
        # "a film called "White Zombie."", "a group dubbed Project Zero,", "small rovers called
        # hedgehogs.": a name given, no speech
        return True
    senses = words.object_senses.get(head)
    if senses and any(tuple(map(_LOWER, tokens[last : last + len(o)])) == o for o in senses):
        return True  # "she finds herself battling ...", "pleaded not guilty", "showed up in gowns"
    if head in words.marked_senses:
        return not (
            following.lower == "that"
            or following.text in (":", ",", "“", '"')
            or following.lower in ("on", "in")
        )
    return False


def _thing_named(tokens: list[Token], verb: int) -> bool:
    """True for "rovers called hedgehogs.": a lowercase plural that names no people before the
    naming verb, one lowercase word after it, and the sentence's end."""
    if verb == 0 or verb + 2 >= len(tokens) or tokens[verb + 2].text not in _SENTENCE_ENDS:
        return False
    thing, name = tokens[verb - 1], tokens[verb + 1]
    words = vocabulary()
    return (
        thing.text.isalpha()
        and thing.text.islower()
        and thing.lower.endswith("s")
        and thing.lower not in words.people_nouns
        and thing.lower not in words.anonymous
        and name.text.isalpha()
        and name.text.islower()
    )


_OPENING_QUOTES = frozenset({'"', "“", "‘"})
_CLOSING_QUOTES = frozenset({'"', "”", "’"})
_SENTENCE_ENDS = frozenset({".", "?", "!"})
_MAX_TITLE_WORDS = 8


def _bare_name_follows(tokens: list[Token], at: int, *, set_off: bool) -> bool:
    """True when all that follows at ``at`` to the sentence's end is a name or a title: capitalised
    words ("called Project Zero.") or a quotation opening with a capital ("called "White Zombie,"
    which"), with no second object ("called Jones a liar", "called "Crooked Hillary" a fraud"), no
    possessive ("called Mr. Trump's comments racist") and no apposition ("called Clinton, his rival,
    a liar"); a name between commas ends the phrase when ``set_off`` (a comma before the verb: "The
    program, called EB-5, allows")."""
    if at >= len(tokens):
        return False
    index = at
    if tokens[at].text in _OPENING_QUOTES:
        index = at + 1
        if index >= len(tokens) or not tokens[index].text[:1].isupper():
            return False
        end = min(len(tokens), index + _MAX_TITLE_WORDS + 2)
        while index < end and tokens[index].text not in _CLOSING_QUOTES:
            index += 1
        if index >= end:
            return False
        index += 1
        if index < len(tokens) and tokens[index].text == ",":
            return True  # "a film called "White Zombie," which ...": the title is set off
    else:
        while index < len(tokens) and index - at < _MAX_TITLE_WORDS and tokens[index].text[:1].isupper():
            if tokens[index].lower.endswith(("’s", "'s")):
                return False
            index += 1
        if index == at:
            return False
        if set_off and index < len(tokens) and tokens[index].text == ",":
            return True
    if index < len(tokens) and tokens[index].text in _SENTENCE_ENDS:
        index += 1  # the sentence's own mark ("Gov." is no end: a name goes on after it)
        while index < len(tokens) and tokens[index].text in _CLOSING_QUOTES:
            index += 1
    return index >= len(tokens)


def _figure_follows(tokens: list[Token], at: int) -> bool:
    """True for a number or currency sign at ``at``, or after a hedge ("about 80", "more than $3")."""
    hedge = next(
        (h for h in vocabulary().figure_hedges if tuple(map(_LOWER, tokens[at : at + len(h)])) == h), ()
    )
    at += len(hedge)
    return at < len(tokens) and (tokens[at].text[:1].isdigit() or tokens[at].text in ("$", "%", "€", "£"))


def _is_passive(tokens: list[Token], first: int, last: int) -> bool:
    return (
        last < len(tokens) and tokens[last].lower == "by" and tokens[first].lower.endswith(("ed", "wn", "en"))
    )


def _heads_subject(tokens: list[Token], first: int, last: int) -> bool:
    """True for a cue form that is a noun heading the subject of the cue right after it ("an
    analysis of campaign-finance reports shows", "media reports suggest", "the report stated"):
    never after an auxiliary or a pronoun ("did not unveil plans to pay"), and a noun-like cue after
    it only where its clause ends ("reports shows." but "calls reports false"); not before a stance in
    "-ed", a participle of the noun ("a report released last year found")."""
    lexicon = vocabulary()
    if last >= len(tokens) or tokens[first].lower not in lexicon.noun_like_cues:
        return False
    before = first - 1
    while before > 0 and tokens[before].lower.endswith("ly"):
        before -= 1  # "would normally call for"
    word = tokens[before].lower if before >= 0 else ""
    if word in lexicon.auxiliaries or word in lexicon.pronouns or word.endswith(("n't", "n’t")):
        return False
    following = tokens[last]
    if not following.text[:1].islower():
        return False
    form = next(
        (
            f
            for f in lexicon.cue_heads.get(following.lower, ())
            if tuple(map(_LOWER, tokens[last : last + len(f)])) == f
        ),
        None,
    )
    if form is None or (lexicon.cues[form] == "stance" and following.lower.endswith("ed")):
        return False
    after = last + len(form)
    return following.lower not in lexicon.noun_like_cues or (
        after >= len(tokens) or tokens[after].lower == "that" or tokens[after].text in {".", ",", ":"}
    )


_SINGULAR_DETERMINERS = frozenset({"a", "an", "no", "every", "each", "another"})


def _compound_noun(tokens: list[Token], index: int) -> bool:
    """True for a noun-like cue in its base form after a singular determiner and one lowercase word
    ("no distress call received", "a conference call"): a compound noun, since no verb in its base
    form follows a singular subject ("the groups call for" is a verb)."""
    if index < 2 or tokens[index - 2].lower not in _SINGULAR_DETERMINERS:
        return False
    cue, modifier = tokens[index].lower, tokens[index - 1]
    words = vocabulary()
    return (
        cue in words.noun_like_cues
        and not cue.endswith(("s", "ed"))
        and modifier.text.isalpha()
        and modifier.text.islower()
        and not modifier.lower.endswith("ly")
        and modifier.lower not in words.auxiliaries
        and modifier.lower not in words.pronouns
    )


def _is_noun_or_infinitive(tokens: list[Token], index: int) -> bool:
    if index == 0:
        return False
    before = tokens[index - 1].lower
    if before in vocabulary().determiners or before in _NOT_BEFORE or before.endswith(("’s", "'s")):
        return True
    if _compound_noun(tokens, index):
        return True
    # "a swiftly called meeting", "his widely reported remarks": an adjective after its adverb
    at = index - 1
    while at > 0 and tokens[at].lower.endswith("ly") and tokens[at].text.isalpha():
        at -= 1
    return at < index - 1 and tokens[at].lower in _noun_openers()
