"""Paragraphs and sentences of a text, with its header lines, dateline and trailing boilerplate told apart."""

from __future__ import annotations

import re
from functools import cache, partial
from typing import NamedTuple

from attrs import frozen

from ..model import Span
from . import furniture
from .vocabulary import spells_acronym, vocabulary

_LINE = re.compile("[^\n\r\x85\u2028\u2029]+")  # every Unicode line break ends a line
_TIMESTAMP_LINE = re.compile(
    r"\s*\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?\s*$"
)
_SLASH_DATELINE = re.compile(r"\s*(?P<outlet>[A-Z][\w&.'-]*(?: [A-Z][\w&.'-]*){0,4})/\s*")
_PAREN_DATELINE = re.compile(
    r"\s*[A-Z][A-Z .,'-]{1,40}(?:,\s*[\w. ]{1,20})?\s*\((?P<outlet>[A-Z][\w&. -]{1,40})\)\s*[-–—]+\s*"
)
_BOUNDARY = re.compile(r"[.!?…]+[\"”’')\]]*\s+(?=[\"“‘'(\[]{0,2}[A-Z0-9])")
_SPEAKER_AFTER = re.compile(
    r"[A-Z][\w’'.-]*(?:[ \t]+[A-Z][\w’'.-]*){0,3}[ \t]+([a-z]+)(?:[ \t]+[A-Z][a-z]+)?[.,]"
)
"""A name and a verb ending a sentence ("Jo Doe asked.", "Doe said Tuesday,"): after a quote that
ends in "?" or "!", the speaker of that quote, not a new sentence."""
_LONGEST_ABBREVIATION = 24
"""Characters before a full stop that can hold the abbreviation it ends ("Sen.", "(U.S."); a longer
word ends a sentence whatever it is."""
_NON_WORD = re.compile(r"[\W_]+")
_OPENERS = ("“", '"', "''")
_TOKEN = re.compile(r"''|\w+(?:[’'\-.]\w+)*|[^\w\s]")


class Token(NamedTuple):
    """A word or punctuation mark with its offsets into the document text."""

    start: int
    end: int
    text: str
    lower: str


_new_token = partial(tuple.__new__, Token)
"""``Token`` from a 4-tuple, in C (``Token._make`` is Python code)."""


@frozen
class Sentence:
    """A sentence (or a quote spanning several sentences) as offsets into the text."""

    start: int
    """Offset of the first character."""
    end: int
    """Offset just past the last character."""
    paragraph: int
    """Ordinal of the paragraph (line) it starts in."""
    is_header: bool = False
    """True for title lines: they may carry a headline attribution, never an unattributed claim."""


@frozen
class Layout:
    """How a document's text divides: sentences in order, and where the dateline names the outlet."""

    sentences: tuple[Sentence, ...]
    """Header and body sentences in text order; boilerplate, timestamps and repeated titles left out."""
    dateline: Span | None
    """Span of the outlet's name in an "Outlet/" or "CITY (Outlet) -" dateline."""


def tokenize(text: str, start: int, end: int) -> list[Token]:
    """Words and punctuation of ``text[start:end]`` with absolute offsets."""
    # tokenizing is the extractor's hot loop: every step a C-level map, no Python call per token
    found = list(_TOKEN.finditer(text, start, end))
    words = list(map(re.Match.group, found))
    tokens = list(
        map(
            _new_token,
            zip(
                map(re.Match.start, found),
                map(re.Match.end, found),
                words,
                map(str.lower, words),
                strict=True,
            ),
        )
    )
    if _SHOUTED.search(text, start, end) and not text[start:end].isupper():
        return _acronyms_kept(tokens)
    return tokens


_SHOUTED = re.compile(r"[A-Z](?<!\w[A-Z])[A-Z]+\b")
"""A word in capitals: an acronym, unless the whole sentence is in capitals (a shouted headline).
Written ``\b[A-Z]{2,}\b`` with its first letter first, so that the regex engine skips to capitals."""


def _acronyms_kept(tokens: list[Token]) -> list[Token]:
    """An acronym that spells a function word ("WHO" for the World Health Organization, "AND") is no
    such word: its lowercase key stays in capitals, so that no word list takes it for "who"."""
    stops = vocabulary().subject_stops
    return [
        token._replace(lower=token.text) if token.lower in stops and spells_acronym(token.text) else token
        for token in tokens
    ]


def layout(text: str, title: str | None = None) -> Layout:
    """Split ``text`` into sentences, setting aside the header, the dateline and trailing boilerplate."""
    lines = [(m.start(), m.end()) for m in _LINE.finditer(text) if m.group().strip()]
    body_end = furniture.trailing_start(text, lines)
    title_key = _key(title) if title else None
    sentences: list[Sentence] = []
    dateline: Span | None = None
    seen_header: set[str] = set()
    in_header = True
    for number, (start, end) in enumerate(lines[:body_end]):
        line = text[start:end]
        may_search = furniture.may_search(line)  # once for the line and each of its sentences
        if furniture.is_furniture(line, may_search):  # a byline, a credit, a caption, "Read more: ..."
            continue
        if line[:1] in _OPENING_QUOTES and _is_quoted_furniture(line):
            continue  # "Follow Jo Roe on Twitter." inside a transcript that a quotation mark wraps
        if in_header:
            key = _key(line)
            if _TIMESTAMP_LINE.match(line):
                continue
            is_title = key == title_key or (title_key is None and number == 0 and not _ends_sentence(line))
            if is_title:
                if key not in seen_header:  # a repeated title line adds nothing
                    seen_header.add(key)
                    sentences.append(Sentence(*_strip(text, start, end), paragraph=number, is_header=True))
                continue
            in_header = False
            match = _SLASH_DATELINE.match(line) or _PAREN_DATELINE.match(line)
            if match:
                dateline = (start + match.start("outlet"), start + match.end("outlet"))
                start += match.end()
        pieces = _split(text, start, end, number)
        if len(pieces) == 1 and text[pieces[0].start : pieces[0].end].strip() == line.strip():
            sentences.extend(pieces)  # the line is one sentence, and no furniture: looked at above
        else:
            sentences.extend(
                s for s in pieces if not furniture.is_furniture(text[s.start : s.end], may_search)
            )
    return Layout(_join_open_quotes(text, sentences), dateline)


_OPENING_QUOTES = '"“'
_QUOTES = '"“”'


def _is_quoted_furniture(line: str) -> bool:
    """True for a line that is page furniture inside quotation marks and nothing else ('"Follow Jo
    Roe on Twitter."'); never a quotation with words after it ('"Sign up today," she said.')."""
    inner = line.strip().lstrip(_OPENING_QUOTES).rstrip(_QUOTES)
    return not any(mark in inner for mark in _QUOTES) and furniture.is_furniture(inner)


def _key(line: str) -> str:
    return " ".join(_NON_WORD.split(line.lower())).strip()  # punctuation aside: "Nature.’" is "Nature’"


def _ends_sentence(line: str) -> bool:
    return line.rstrip()[-1:] in {".", "!", "?", '"', "”", "’", "'", ":"}


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " \t\r#":
        start += 1
    while end > start and text[end - 1] in " \t\r":
        end -= 1
    return start, end


def _split(text: str, start: int, end: int, paragraph: int) -> list[Sentence]:
    start, end = _strip(text, start, end)
    abbreviations = vocabulary().abbreviations
    pieces: list[Sentence] = []
    cursor = start
    for match in _BOUNDARY.finditer(text, start, end):
        # the word that ends at the boundary (the window ends in the stop itself), looked for in a
        # short window: searching from the sentence start would make a run of abbreviations
        # ("J. K. L. ...") quadratic
        window = text[max(cursor, match.start() + 1 - _LONGEST_ABBREVIATION) : match.start() + 1]
        last = window.rsplit(None, 1)[-1].lower().strip("\"“‘'(").rstrip(".")
        if last in abbreviations or (len(last) == 1 and last.isalpha()):
            continue  # "Sen. Cruz", "J. Smith": not an end of sentence
        if (
            text[match.start()] in "?!"
            and text[match.start() + 1] in "\"”’'"
            and _speaker_follows(text, match.end())
        ):
            continue  # "'Why now?' Doe asked."
        stop = match.end()
        while stop > cursor and text[stop - 1].isspace():
            stop -= 1
        pieces.append(Sentence(cursor, stop, paragraph))
        cursor = match.end()
    if cursor < end:
        pieces.append(Sentence(cursor, end, paragraph))
    return pieces


def _speaker_follows(text: str, at: int) -> bool:
    """True when a name and a speech verb end the sentence that starts at ``at`` ("Doe asked."), or
    a clause that no quote follows ("Doe said, smiling"); never a pronoun, which opens a sentence of
    its own ("He answered, '...'")."""
    found = _SPEAKER_AFTER.match(text, at)
    if found is None or (found.group(1),) not in _speech_cues():
        return False
    if text[at : found.start(1)].split()[0].lower() in vocabulary().subject_pronouns:
        return False
    return text[found.end() - 1] == "." or not text[found.end() :].lstrip().startswith((*_OPENERS, "‘"))


@cache
def _speech_cues() -> frozenset[tuple[str, ...]]:
    return frozenset(form for form, group in vocabulary().cues.items() if group == "speech")


def is_quote_open(text: str, start: int, end: int, is_open: bool = False) -> bool:
    """Whether a quote is open after ``text[start:end]``, given whether one was open before it: the
    last curly mark says, then each straight one (``"`` or ``''``) after it turns it over."""
    last = max(text.rfind("“", start, end), text.rfind("”", start, end))
    if last >= 0:
        is_open = text[last] == "“"
        start = last + 1
    straight = text.count('"', start, end) + text.count("''", start, end)
    return is_open != (straight % 2 == 1)


def _same_marks(text: str, open_in: Sentence, start: int) -> bool:
    """Whether the mark at ``start`` is of the kind that opened the quote still open in ``open_in``
    (straight or curly): a paragraph opening with a curly mark after one left open by a straight mark
    (an excerpt set off by a lone ``"``, its quotations curly) starts a quote of its own."""
    last = max(text.rfind("“", open_in.start, open_in.end), text.rfind("”", open_in.start, open_in.end))
    after = last + 1 if last >= 0 else open_in.start
    straight_open = (text.count('"', after, open_in.end) + text.count("''", after, open_in.end)) % 2 == 1
    return straight_open != text.startswith("“", start)


def _join_open_quotes(text: str, sentences: list[Sentence]) -> tuple[Sentence, ...]:
    """Merge sentences while a quote stays open: across sentences, and across paragraphs when the
    next paragraph reopens the quote (the newspaper convention for multi-paragraph quotes)."""
    merged: list[Sentence] = []
    is_open = False
    last_paragraph = -1
    for sentence in sentences:
        if is_open and merged and not sentence.is_header:
            previous = merged[-1]
            reopens = text.startswith(_OPENERS, sentence.start) and _same_marks(
                text, previous, sentence.start
            )
            if sentence.paragraph == last_paragraph:
                merged[-1] = Sentence(previous.start, sentence.end, previous.paragraph)
                is_open = is_quote_open(text, sentence.start, sentence.end, True)
                continue
            if reopens and sentence.paragraph == last_paragraph + 1:
                merged[-1] = Sentence(previous.start, sentence.end, previous.paragraph)
                skip = 2 if text.startswith("''", sentence.start) else 1
                is_open = is_quote_open(text, sentence.start + skip, sentence.end, True)
                last_paragraph = sentence.paragraph
                continue
        if (
            merged
            and not sentence.is_header
            and not merged[-1].is_header
            and (
                text[merged[-1].end - 1] == ":"
                and text.startswith(_OPENERS, sentence.start)
                and sentence.paragraph == last_paragraph + 1
            )
        ):
            # "X said in a statement:" and the quote in the next paragraph are one attribution
            previous = merged[-1]
            merged[-1] = Sentence(previous.start, sentence.end, previous.paragraph)
            is_open = is_quote_open(text, sentence.start, sentence.end)
            last_paragraph = sentence.paragraph
            continue
        merged.append(sentence)
        is_open = not sentence.is_header and is_quote_open(text, sentence.start, sentence.end)
        last_paragraph = sentence.paragraph
    return tuple(merged)
