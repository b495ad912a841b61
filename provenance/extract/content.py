"""What a cue introduces: where a claim's content starts and ends around the cue."""

from __future__ import annotations

import re

from ..model import Span
from .cues import Cue
from .mentions import BOUNDARY_MARKS, PREPOSITIONS, TIME_WORDS, WEEKDAYS, channel_at, starts_clause
from .names import lexicon
from .quotes import CLOSING as _CLOSING
from .quotes import OPENING, is_inside
from .segment import Token
from .vocabulary import vocabulary

NESTING = frozenset({"citing", "quoting"})


_MAX_THAT_LOOKAHEAD = 12


_MAX_OBJECT = 5


PARTICIPLE = re.compile(r"ing$")


_SAYING = frozenset({"saying", "stating", "declaring", "announcing", "warning", "claiming"})
"""Participles through which a statement, a letter or a post says what it says."""


_SAY = frozenset({("say",), ("says",), ("said",), ("saying",), ("add",), ("adds",), ("added",), ("adding",)})


def goes_on(tokens: list[Token], after: int, *, opener: bool = False) -> bool:
    """True when the sentence carries on after "..., he said," with more of the content; after a
    short ``opener`` ("Once there, investigators said, Salinas beat ...") it may go on with a name."""
    if after <= 0 or after + 2 >= len(tokens) or tokens[after - 1].text != ",":
        return False
    nxt = tokens[after]
    words = vocabulary()
    return (
        not PARTICIPLE.search(nxt.lower)
        and nxt.lower not in words.cue_heads
        and nxt.text not in OPENING
        and nxt.lower not in words.relative_pronouns  # "said Tom Becker, who chairs ...": about him
        and nxt.lower not in words.determiners  # "said Jane Doe, a spokeswoman": an apposition
        and (nxt.text[:1].islower() or (opener and after + 4 <= len(tokens)))
    )


def content_end(tokens: list[Token]) -> int:
    """Offset where the sentence's content ends: before its final stop."""
    end = len(tokens)
    while end > 1 and tokens[end - 1].text in {".", "!", "?"}:
        end -= 1
    return tokens[end - 1].end


def object_end(tokens: list[Token], quotes: list[Span], start: int, end: int | None) -> int | None:
    """Where a stance cue's object ends ("accused him of sexism | after ..."), so that later cues in
    the sentence get their own claims."""
    openers = vocabulary().clause_openers
    for index in range(start + 1, end if end is not None else len(tokens)):
        token = tokens[index]
        if (token.text in {",", ";"} or token.lower in openers) and not is_inside(token.start, quotes):
            return index
    return end


def after_cue(tokens: list[Token], cue: Cue) -> int:
    """Index where the content may start: past channels ("in a statement to X"), times and objects."""
    words = vocabulary()
    index = cue.last
    moved = True
    while moved and index < len(tokens):
        moved = False
        length = channel_at(tokens, index)
        if length:
            index += length
            if index < len(tokens) and tokens[index].lower in {"to", "with", "on", "from"}:
                index = _skip_phrase(tokens, index + 1)
            moved = True
        if (
            index < len(tokens)
            and tokens[index].lower == "on"
            and index + 1 < len(tokens)
            and (tokens[index + 1].lower in WEEKDAYS)
        ):
            index += 2
            moved = True
        elif index < len(tokens) and (
            tokens[index].lower in WEEKDAYS
            or tokens[index].lower in TIME_WORDS
            or (
                tokens[index].lower in {"last", "this", "next"}
                and index + 1 < len(tokens)
                and (tokens[index + 1].lower in TIME_WORDS or tokens[index + 1].lower in WEEKDAYS)
            )
        ):
            index += 1  # "reported last week that ...": the time is not the content
            moved = True
        elif index + 1 < len(tokens) and tokens[index].text == "," and tokens[index + 1].lower in NESTING:
            index = _skip_phrase(tokens, index + 2)
            moved = True
    head = tokens[cue.first].lower
    saying = next(
        (
            probe
            for probe in range(index + 1, min(len(tokens) - 1, index + _MAX_OBJECT + 1))
            if tokens[probe].lower in _SAYING
        ),
        None,
    )
    if saying is not None and not any(
        t.text in BOUNDARY_MARKS or t.lower == "that" for t in tokens[index:saying]
    ):
        index = saying + 1  # "released a separate statement saying, ...": what the statement says
    limit = min(len(tokens), index + _MAX_THAT_LOOKAHEAD)
    for probe in range(index, limit):
        token = tokens[probe]
        if token.lower == "that":
            return probe
        if (
            token.text in OPENING
            or token.text in {";", ".", "“"}
            or (token.text in {",", ":"} and head not in words.object_cues)
        ):
            break
    if (
        head in words.object_cues
        and index < len(tokens)
        and tokens[index].text not in {",", ":"}
        and (tokens[index].lower not in PREPOSITIONS)
    ):
        # "told reporters: ..." / "told CNN, ..." — step over a short object before the content
        probe = _skip_phrase(tokens, index)
        if (
            probe - index <= _MAX_OBJECT
            and probe < len(tokens)
            and tokens[probe].text in {",", ":", *OPENING}
        ):
            index = probe
        else:
            # "told The Star-Ledger last week she would ...": a named object, then the clause
            probe = index
            while probe < len(tokens) and (
                tokens[probe].text[:1].isupper()
                or (probe > index and tokens[probe].lower in {"of", "the", "-"})
            ):
                probe += 1
            while probe < len(tokens) and (
                tokens[probe].lower in WEEKDAYS
                or tokens[probe].lower in TIME_WORDS
                or tokens[probe].lower in {"last", "this", "on"}
            ):
                probe += 1
            if probe > index and probe < len(tokens) and starts_clause(tokens[probe]):
                index = probe
            else:
                index = _past_listener(tokens, index)
    if index < len(tokens) and tokens[index].text in {",", ":"}:
        index += 1
    if index < len(tokens) and tokens[index].lower in {"of", "about"} and cue.group == "speech":
        index += 1
    return index


_MAX_LISTENER = 3
_MAX_CLAUSE_VERB = 10


def _past_listener(tokens: list[Token], index: int) -> int:
    """Where the reported clause starts after a short listener with no "that" ("told reporters the
    plan was dead", "warned him the vote would fail", "told the council on Monday it had no money"):
    past the listener and a time phrase, when a subject and a verb follow; else ``index``."""
    words = vocabulary()
    probe = index
    if probe < len(tokens) and tokens[probe].lower in words.object_pronouns:
        probe += 1
    else:
        if probe < len(tokens) and tokens[probe].lower in words.noun_openers:
            probe += 1
        first = probe
        while (
            probe < len(tokens)
            and probe - first < _MAX_LISTENER
            and tokens[probe].text.isalpha()
            and tokens[probe].text[:1].islower()
            == tokens[first].text[:1].islower()  # "local radio", "The Ledger"
            and tokens[probe].lower not in words.noun_openers
            and tokens[probe].lower not in words.verb_marks
            and tokens[probe].lower not in words.subject_pronouns
            and tokens[probe].lower not in PREPOSITIONS
            and tokens[probe].lower != "and"
        ):
            probe += 1
        if probe == first:
            return index
    if (
        probe + 1 < len(tokens)
        and tokens[probe].lower in {"on", "last", "this"}
        and (tokens[probe + 1].lower in WEEKDAYS or tokens[probe + 1].lower in TIME_WORDS)
    ):
        probe += 2
    if probe >= len(tokens):
        return index
    opener = tokens[probe]
    if not (
        opener.lower in words.noun_openers
        or opener.lower in words.subject_pronouns
        or opener.text[:1].isupper()
    ):
        return index
    for later in tokens[probe + 1 : probe + 1 + _MAX_CLAUSE_VERB]:
        if later.text in BOUNDARY_MARKS or later.lower == "that":
            return index
        if later.lower in words.verb_marks:
            return probe
    return index


def _skip_phrase(tokens: list[Token], index: int) -> int:
    while index < len(tokens) and tokens[index].text not in BOUNDARY_MARKS and tokens[index].lower != "that":
        if tokens[index].text == "." and index == len(tokens) - 1:
            break
        index += 1
    return index


def content_from(text: str, tokens: list[Token], quotes: list[Span], start: int) -> Span | None:
    """The content from token ``start`` to the sentence end, or None when under two tokens."""
    end = len(tokens)
    while end > start and tokens[end - 1].text in {".", "!", "?"} and not _closes_quote(tokens, end):
        end -= 1
    if end - start < 2:
        return None
    return tokens[start].start, tokens[end - 1].end


def _closes_quote(tokens: list[Token], end: int) -> bool:
    return end < len(tokens) and tokens[end].text in _CLOSING


def is_tail(tokens: list[Token], start: int) -> bool:
    """True when what follows the cue is not a content of its own ("..., he said." / ", adding ...")."""
    rest = tokens[start:]
    if not rest or all(t.text in {".", "!", "?"} for t in rest):
        return True
    if rest[0].lower == "that":
        return False
    return rest[0].text == "," or (start > 0 and tokens[start - 1].text == ",")


_CIRCUMSTANCE = frozenset(
    {"on", "at", "in", "during", "after", "before", "outside", "from", "while", "ahead", "near"}
)


def is_circumstance(tokens: list[Token], cue: Cue, start: int) -> bool:
    """True when an object cue is followed only by its listener and where or when it was told
    ("..., the minister told reporters on the sidelines of a retreat."): no content of its own."""
    words = vocabulary()
    if tokens[cue.first].lower not in words.object_cues:
        return False
    end = len(tokens)
    while end > start and tokens[end - 1].text in {".", "!", "?"}:
        end -= 1
    rest = tokens[start:end]
    if not rest or any(
        t.lower == "that" or t.text in OPENING or t.text in {":", ",", ";"} or t.lower in words.verb_marks
        for t in rest
    ):
        return False
    listener = next((i for i, t in enumerate(rest) if t.lower in _CIRCUMSTANCE), None)
    return listener is not None and 0 < listener <= 3


def content_before(text: str, tokens: list[Token], end: int) -> Span | None:
    """Everything from the sentence start to the comma before the speaker; from the quotation's
    opening mark when a lead-in that names no one ends in a colon before it ('"Perry" chimed in:
    "They ...," he said', 'His final assessment: "..."': the lead-in is no part of what was said,
    but 'Oprah Winfrey hesitated: "...," she said' keeps the name the pronoun stands for)."""
    stop = end
    while stop > 0 and tokens[stop - 1].text in {",", "—", "–", ":"}:
        stop -= 1
    if stop < 2:
        return None
    colon = next(
        (i for i in range(1, stop - 2) if tokens[i].text == ":" and tokens[i + 1].text in OPENING), None
    )
    if colon is None or _names_someone(tokens[:colon]):
        return tokens[0].start, tokens[stop - 1].end
    return tokens[colon + 1].start, tokens[stop - 1].end


def _names_someone(tokens: list[Token]) -> bool:
    """True when a capitalised word stands outside quotation marks, other than a common word that
    opens the sentence ("His", "For", but "Fallon")."""
    quoted = False
    for index, token in enumerate(tokens):
        if token.text in OPENING and not quoted:
            quoted = True
        elif token.text in _CLOSING and quoted:
            quoted = False
        elif (
            not quoted
            and token.text[:1].isupper()
            and (index > 0 or token.lower not in lexicon().common_words)
        ):
            return True
    return False


def extend_middle_quote(text: str, tokens: list[Token], quotes: list[Span], content: Span, rest: int) -> Span:
    """ "'...,' X said, '...'" — the quote goes on after the speaker: take both halves."""
    index = rest
    if index < len(tokens) and tokens[index].lower in {"of", "about", "to"}:
        # "'...,' he said of Trump, '...'": step over a short phrase before the second half
        comma = next((i for i in range(index, min(len(tokens), index + 6)) if tokens[i].text == ","), None)
        if comma is not None:
            index = comma
    while index < len(tokens) and tokens[index].text in {",", ":"}:
        index += 1
    if (
        index < len(tokens)
        and tokens[index].text in OPENING
        and index > 0
        and tokens[index - 1].text in {",", ":"}
    ):
        quote = next((q for q in quotes if q[0] == tokens[index].start), None)
        if quote is not None:
            return content[0], quote[1]
    return content


_AND_BUT = frozenset({"and", "but"})


def coordination(tokens: list[Token], quotes: list[Span], start: int) -> int | None:
    """Index of "and" in "... and stressed that ...": where a second cue takes over the subject."""
    lexicon = vocabulary()
    for index in range(start, len(tokens) - 2):
        token = tokens[index]
        if token.text != "," and token.lower not in _AND_BUT:
            continue  # most words: the one look they need, before the quotes are looked up
        if is_inside(token.start, quotes):
            continue
        if (
            token.text == ","
            and PARTICIPLE.search(tokens[index + 1].lower)
            and (tokens[index + 1].lower in lexicon.cue_heads and tokens[index + 1].lower not in NESTING)
        ):
            return index
        if token.lower not in _AND_BUT:
            continue
        probe = index + 1
        while probe < len(tokens) and tokens[probe].lower in lexicon.auxiliaries:
            probe += 1
        if probe < len(tokens) and tokens[probe].lower in lexicon.cue_heads and probe + 1 < len(tokens):
            following = tokens[probe + 1]
            if (
                following.lower == "that"
                or following.text in OPENING
                or following.text == ":"
                or (
                    lexicon.cue_heads.get(tokens[probe].lower, ((),))[0][:1] in _SAY
                    and starts_clause(following)
                )
            ):
                return index
    return None
