"""Attributions in a sentence: who (a mention), how (a cue) and what (a content span)."""

from __future__ import annotations

import re
from functools import cache

from attrs import evolve, frozen

from ..model import ClaimKind, Span
from .cues import Cue, find_cues
from .quotes import CLOSING as _CLOSING
from .quotes import OPENING, content_kind, is_inside, quote_spans
from .segment import Sentence, Token, tokenize
from .vocabulary import vocabulary

_BOUNDARY_MARKS = frozenset({",", ";", ":", "“", "”", '"', "''", "—", "–", "(", "[", "]", "?", "!"})

_WEEKDAYS = frozenset(
    (
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "yesterday",
        "today",
        "tonight",
    )
)
_TIME_WORDS = frozenset(
    ("morning", "afternoon", "evening", "night", "week", "month", "year", "earlier", "later")
)
_NESTING = frozenset({"citing", "quoting"})
_MAX_SUBJECT = 12
_MAX_THAT_LOOKAHEAD = 12
_MAX_OBJECT = 5
_MAX_APPOSITION = 6
_MAX_APPOSITION_WORDS = 16
_MAX_NAME_WORDS = 6
_PREPOSITIONS = frozenset({"of", "about", "against", "on", "over", "for", "to", "that", "in", "at"})
_PARTICIPLE = re.compile(r"ing$")
_LOWER_WORD = re.compile(r"[a-z]+")
_POSSESSIVE = frozenset({"his", "her", "their", "its", "our", "my"})
_MONTH_NAMES = frozenset(
    (
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    )
)
_SAY = frozenset({("say",), ("says",), ("said",), ("saying",), ("add",), ("adds",), ("added",), ("adding",)})
_NOT_PLURAL = frozenset(
    {"his", "this", "its", "was", "has", "is", "as", "us", "yes", "less", "unless", "thus"}
)
_VERBAL = frozenset(
    {
        "has",
        "have",
        "had",
        "will",
        "would",
        "could",
        "should",
        "can",
        "may",
        "might",
        "must",
        "did",
        "does",
        "do",
    }
)


@frozen
class Mention:
    """The words that name a party, as a span of the document text."""

    span: Span
    """Where the words stand."""
    text: str
    """The words themselves."""
    refers_to: str | None = None
    """For a relative pronoun ("who"), the words it stands for ("Scott Walker"), used for linking."""


@frozen
class Attribution:
    """One claim found in a sentence, before its mentions are linked to sources."""

    content: Span
    """The claim's words."""
    kind: ClaimKind
    """How the claim is carried."""
    cue: str | None = None
    """The attributing words, as written."""
    cue_span: Span | None = None
    """Where they stand."""
    mention: Mention | None = None
    """Who the claim is attributed to; None when it continues the previous speaker."""
    cited: tuple[tuple[str, Span, Mention], ...] = ()
    """Further hops the party cites: (cue, cue span, mention), nearest first."""
    speaker_after: bool = False
    """True when the speaker follows the content ("'...,' X said."): a quote after it goes on."""


def attribute_sentence(text: str, sentence: Sentence) -> list[Attribution]:
    """The attributions of one sentence, in text order (none when it stands on nobody's word)."""
    if not _may_attribute(text, sentence):
        return []  # many sentences hold no cue at all: skip tokenizing them
    tokens = tokenize(text, sentence.start, sentence.end)
    if not tokens:
        return []
    quotes = quote_spans(text, sentence.start, sentence.end)
    found: list[Attribution] = []
    if sentence.is_header:
        headline = _headline(text, tokens, quotes)
        if headline is not None:
            return [headline]
    taken_until = -1  # content already claimed up to this token index
    cues = [
        cue
        for cue in find_cues(tokens, title_case=sentence.is_header)
        if not is_inside(tokens[cue.first].start, quotes)
    ]
    for cue in cues:
        if cue.first <= taken_until:
            continue
        attribution, until = _attribution_at(text, tokens, quotes, cue, found)
        if attribution is None:
            continue
        found.append(attribution)
        taken_until = max(taken_until, until)
    return found


def _may_attribute(text: str, sentence: Sentence) -> bool:
    piece = text[sentence.start : sentence.end]
    if "ccording" in piece or (sentence.is_header and ":" in piece):
        return True
    if sentence.is_header:  # headlines capitalise their verbs: "County Says Trump Should Win"
        piece = piece.lower()
    return not vocabulary().cue_words.isdisjoint(_LOWER_WORD.findall(piece))


def _attribution_at(
    text: str, tokens: list[Token], quotes: list[Span], cue: Cue, found: list[Attribution]
) -> tuple[Attribution | None, int]:
    cue_words = text[tokens[cue.first].start : tokens[cue.last - 1].end]
    cue_span = (tokens[cue.first].start, tokens[cue.last - 1].end)
    if cue.group == "according":
        return _according_to(text, tokens, quotes, cue, cue_words, cue_span)
    if cue.is_passive:
        return _passive(text, tokens, quotes, cue, cue_words, cue_span)
    subject = _subject_before(tokens, cue.first)
    after = _after_cue(tokens, cue)
    if subject is None:
        subject = _appositive_subject(tokens, cue.first)
    if subject is None:
        inherited = found[-1].mention if found else None
        if _follows_conjunction(tokens, cue.first):
            # "X pointed out that ... and stressed that ...": the second cue shares the subject
            content = _content_after(text, tokens, quotes, after)
            inherited = inherited or _sentence_subject(text, tokens)
            if content is None or inherited is None:
                return None, -1
            return _make(text, quotes, content, cue_words, cue_span, inherited), len(tokens)
        if (
            _PARTICIPLE.search(tokens[cue.first].lower)
            and cue.first > 0
            and tokens[cue.first - 1].text in {",", "—", "–"}
        ):
            # "..., adding that ...": the participle continues the sentence's speaker
            content = _content_after(text, tokens, quotes, after)
            inherited = inherited or _sentence_subject(text, tokens)
            if content is None or inherited is None:
                return None, -1
            return _make(text, quotes, content, cue_words, cue_span, inherited), len(tokens)
        if cue.group != "speech" or tokens[cue.first].lower in vocabulary().object_cues:
            return None, -1  # "..., told The Huffington Post": the listener, not the speaker
        # "'...,' said X" — the speaker follows the cue, the content precedes it
        named, rest = _subject_after(tokens, cue.last)
        content = _content_before(text, tokens, cue.first)
        if named is None or content is None:
            return None, -1
        whole = _extend_middle_quote(text, tokens, quotes, content, rest)
        if whole == content and _goes_on(tokens, rest + 1):
            whole = (content[0], _content_end(tokens))  # "The contrast, said Doyle, would be clear."
        attribution = _make(
            text, quotes, whole, cue_words, cue_span, _mention(text, tokens, named), (), content
        )
        return evolve(attribution, speaker_after=True), rest
    first, last = subject
    mention = _mention(text, tokens, subject)
    if last - first == 1 and tokens[first].lower in vocabulary().relative_pronouns:
        antecedent = _antecedent(text, tokens, first)
        mention = evolve(mention, refers_to=antecedent.text if antecedent else None)
    content_after = _content_after(text, tokens, quotes, after)
    tail_is_empty = content_after is None or _is_tail(tokens, after)
    boundary = tokens[first - 1].text if first > 0 else ""
    quote_before = boundary in _CLOSING or (
        boundary == "," and first > 1 and tokens[first - 2].text in _CLOSING
    )
    says_that = after < len(tokens) and tokens[after].lower == "that"
    if (
        cue.group != "stance"
        and (boundary == "," or boundary in _CLOSING)
        and (tail_is_empty or (quote_before and not says_that))
    ):
        content = _content_before(text, tokens, first)
        if content is not None:
            whole = _extend_middle_quote(text, tokens, quotes, content, after)
            if not quote_before and whole == content and _goes_on(tokens, after):
                # "Cost estimates, he added, were based on a prototype."
                whole = (content[0], _content_end(tokens))
            cited = _citing(text, tokens, cue.last, len(tokens))
            until = len(tokens) if cited or whole != content else cue.last - 1
            attribution = _make(text, quotes, whole, cue_words, cue_span, mention, cited, content)
            return evolve(attribution, speaker_after=whole == content), until
    if content_after is None or last - first > _MAX_SUBJECT + _MAX_APPOSITION:
        return None, -1
    end = _coordination(tokens, quotes, after)
    if cue.group == "stance":
        end = _object_end(tokens, quotes, after, end)
    if end is not None and tokens[end - 1].end <= content_after[0]:
        end = None  # "agreed, but also contended that ...": nothing of its own before the next cue
    if end is not None:
        content_after = (content_after[0], tokens[end - 1].end)
    cited = _citing(text, tokens, cue.last, after)
    if not cited:
        content_after, cited = _trailing_citation(text, tokens, quotes, content_after, after)
    attribution = _make(text, quotes, content_after, cue_words, cue_span, mention, cited)
    return attribution, (end - 1 if end is not None else len(tokens))


def _goes_on(tokens: list[Token], after: int) -> bool:
    """True when the sentence carries on after "..., he said," with more of the content."""
    if after <= 0 or after + 2 >= len(tokens) or tokens[after - 1].text != ",":
        return False
    nxt = tokens[after]
    words = vocabulary()
    return (
        not _PARTICIPLE.search(nxt.lower)
        and nxt.lower not in words.cue_heads
        and nxt.text not in OPENING
        and nxt.lower not in words.relative_pronouns  # "said Tom Becker, who chairs ...": about him
        and nxt.lower not in words.determiners  # "said Jane Doe, a spokeswoman": an apposition
        and nxt.text[:1].islower()
    )


def _content_end(tokens: list[Token]) -> int:
    end = len(tokens)
    while end > 1 and tokens[end - 1].text in {".", "!", "?"}:
        end -= 1
    return tokens[end - 1].end


def _sentence_subject(text: str, tokens: list[Token]) -> Mention | None:
    """The subject a sentence opens with, for a participle cue with no speaker of its own."""
    words = vocabulary()
    start = 0
    if tokens[0].lower in _PREPOSITIONS or tokens[0].lower in words.subject_cuts:
        # "At a rally in Iowa, Mrs. Clinton ...": step over the opening phrase
        start = next((i + 1 for i, t in enumerate(tokens) if t.text == ","), len(tokens))
    while start < len(tokens) and (tokens[start].lower in words.leading_drop or tokens[start].text == ","):
        start += 1
    if start >= len(tokens):
        return None
    if tokens[start].lower in words.pronouns:
        return _mention(text, tokens, (start, start + 1))
    end = start + 1 if tokens[start].lower == "the" else start
    while end < len(tokens) and (tokens[end].text[:1].isupper() or tokens[end].text == "."):
        end += 1
    if end == start or (end == start + 1 and tokens[start].lower == "the"):
        return None
    return _mention(text, tokens, (start, end))


def _object_end(tokens: list[Token], quotes: list[Span], start: int, end: int | None) -> int | None:
    """Where a stance cue's object ends ("accused him of sexism | after ..."), so that later cues in
    the sentence get their own claims."""
    openers = vocabulary().clause_openers
    for index in range(start + 1, end if end is not None else len(tokens)):
        token = tokens[index]
        if (token.text in {",", ";"} or token.lower in openers) and not is_inside(token.start, quotes):
            return index
    return end


def _follows_conjunction(tokens: list[Token], index: int) -> bool:
    auxiliaries = vocabulary().auxiliaries
    while index > 0 and tokens[index - 1].lower in auxiliaries:
        index -= 1
    return index > 0 and tokens[index - 1].lower in {"and", "but"}


def _make(
    text: str,
    quotes: list[Span],
    content: Span,
    cue_words: str,
    cue_span: Span,
    mention: Mention,
    cited: tuple[tuple[str, Span, Mention], ...] = (),
    first_part: Span | None = None,
) -> Attribution:
    """An attribution; ``first_part`` is the quote before the speaker when the content runs on after it
    ("'...,' X said, '...'"), which is direct speech however the halves are joined."""
    kind = content_kind(text, first_part or content, quotes)
    return Attribution(content, kind, cue_words, cue_span, mention, cited)


def _headline(text: str, tokens: list[Token], quotes: list[Span]) -> Attribution | None:
    """ "Al-Alusi: A sectarian conflict ..." — a short name, a colon, then what the party said."""
    colon = next((i for i, t in enumerate(tokens[:6]) if t.text == ":"), None)
    if colon is None or colon == 0 or colon + 1 >= len(tokens):
        return None
    name = tokens[:colon]
    if not all(t.text[:1].isalpha() and len(t.text) > 1 for t in name) or not name[0].text[:1].isupper():
        return None
    if not all(t.text[:1].isupper() or t.lower in _party_words() for t in name):
        return None  # "Delta Plastics fire: ..." is a topic, "Clinton camp: ..." a party
    content = (tokens[colon + 1].start, tokens[-1].end)
    mention = _mention(text, tokens, (0, colon))
    return Attribution(
        content, content_kind(text, content, quotes), ":", (tokens[colon].start, tokens[colon].end), mention
    )


def _passive(
    text: str, tokens: list[Token], quotes: list[Span], cue: Cue, cue_words: str, cue_span: Span
) -> tuple[Attribution | None, int]:
    """ "He was accused by a reporter of ...": the party after "by", what it said about the subject."""
    named, rest = _subject_after(tokens, cue.last + 1)
    start = cue.first
    words = vocabulary()
    while start > 0 and (
        tokens[start - 1].lower in words.auxiliaries or tokens[start - 1].lower.endswith("ly")
    ):
        start -= 1
    subject = _noun_phrase_before(tokens, start)
    if named is None or subject is None:
        return None, -1
    content = (tokens[subject[0]].start, tokens[subject[1] - 1].end)
    return _make(text, quotes, content, cue_words, cue_span, _mention(text, tokens, named)), rest


def _according_to(
    text: str, tokens: list[Token], quotes: list[Span], cue: Cue, cue_words: str, cue_span: Span
) -> tuple[Attribution | None, int]:
    named, rest = _subject_after(tokens, cue.last)
    if named is None:
        return None, -1
    mention = _mention(text, tokens, named)
    if rest < len(tokens) and tokens[rest].text == ",":
        rest += 1
    if cue.first <= 1 and rest < len(tokens):
        # "According to X, the convoy was spotted ..."
        content: Span | None = _content_after(text, tokens, quotes, rest)
    else:
        content = _content_before(text, tokens, cue.first)
    if content is None:
        return None, -1
    return Attribution(content, ClaimKind.ACCORDING_TO, cue_words, cue_span, mention), len(tokens)


def _subject_before(tokens: list[Token], cue: int) -> tuple[int, int] | None:
    """Token range of the subject that ends right before a cue, stepping over "also", "has" ..."""
    words = vocabulary()
    last = cue
    while last > 0 and (
        tokens[last - 1].lower in words.auxiliaries or tokens[last - 1].lower.endswith(("ly", "n't", "n’t"))
    ):
        last -= 1
    if last == cue and tokens[cue].lower in words.noun_like_cues and not _clear_subject(tokens, cue):
        return None  # "the Paris attacks", "a sharp attack": a noun, not a cue
    if last >= 2 and tokens[last - 1].lower in _WEEKDAYS and tokens[last - 2].lower == "on":
        last -= 2
    found = _noun_phrase_before(tokens, last)
    if (
        found is not None
        and _is_adverbial(tokens, *found)
        and found[0] > 1
        and tokens[found[0] - 1].text == ","
    ):
        # "The former governor, in Iowa last week, noted ...": the phrase between commas is no subject
        found = _noun_phrase_before(tokens, found[0] - 1)
    return found


def _is_adverbial(tokens: list[Token], first: int, last: int) -> bool:
    """True for "in Iowa last week", "September": a time or place phrase, not a party."""
    if tokens[first].lower in _PREPOSITIONS:
        return True
    return all(
        t.lower in _WEEKDAYS
        or t.lower in _TIME_WORDS
        or t.lower in _MONTH_NAMES
        or t.lower in {"last", "this", "next"}
        for t in tokens[first:last]
    )


def _noun_phrase_before(tokens: list[Token], last: int) -> tuple[int, int] | None:
    """The noun phrase that ends at ``last``, up to a comma, a quote or a clause word."""
    words = vocabulary()
    first = last
    while first > 0:
        token = tokens[first - 1]
        if token.text == ")":
            opening = next(
                (i for i in range(first - 2, max(first - 8, -1), -1) if tokens[i].text == "("), None
            )
            if opening is None:
                break
            first = opening
            continue
        if token.text in _BOUNDARY_MARKS or token.lower in words.subject_stops:
            break
        first -= 1
        if last - first > _MAX_SUBJECT:
            return None
    while first < last and (tokens[first].lower in words.leading_drop or tokens[first].text in {".", "-"}):
        first += 1
    for index in range(first + 1, last):
        if tokens[index].lower in words.subject_cuts and tokens[index - 1].lower not in {"familiar", "close"}:
            last = index
            break
    relative = first - 1 if first > 1 and tokens[first - 1].lower in words.relative_pronouns else None
    if relative is not None and (
        first == last or any(tokens[i].lower in _VERBAL for i in range(first, last))
    ):
        return relative, relative + 1  # "Scott Walker, who said ...": the pronoun stands for the speaker
    if first >= last or any(tokens[i].lower in _VERBAL for i in range(first, last)):
        return None  # "hospitals have postponed planned ...": a clause, not a subject
    return first, last


def _antecedent(text: str, tokens: list[Token], pronoun: int) -> Mention | None:
    """The noun phrase a relative pronoun follows: "Scott Walker" in "Scott Walker, who said"."""
    end = pronoun
    while end > 0 and tokens[end - 1].text == ",":
        end -= 1
    start = end
    while start > 0 and tokens[start - 1].text not in _BOUNDARY_MARKS and end - start < _MAX_SUBJECT:
        if tokens[start - 1].lower in vocabulary().subject_stops:
            break
        start -= 1
    return _mention(text, tokens, (start, end)) if start < end else None


def _starts_clause(token: Token) -> bool:
    """True for a word that can open a reported clause without "that" ("says Obama is ...")."""
    return token.lower in vocabulary().pronouns or (token.text[:1].isupper() and token.lower != "i")


def _clear_subject(tokens: list[Token], cue: int) -> bool:
    """True when the word before a noun-like cue can only be its subject ("they", "Trump", "voters")."""
    if cue == 0:
        return False
    words = vocabulary()
    before = tokens[cue - 1]
    if before.lower in words.pronouns or before.lower in words.relative_pronouns:
        return True
    if before.text[:1].isupper():
        if cue >= 2 and tokens[cue - 2].lower in words.determiners:
            return False  # "a Medium post", "the Paris attacks"
        return before.lower not in words.determiners and not (cue - 1 == 0 and before.lower == "the")
    return (
        before.lower.endswith("s")
        and before.lower not in _NOT_PLURAL
        and before.lower not in words.determiners
    )


def _appositive_subject(tokens: list[Token], cue: int) -> tuple[int, int] | None:
    """ "Dr. Hana Suzuki, head of the institute, said ...": a name and its apposition between commas
    (several, as in "Marley Anderson, 21, a junior from Las Vegas, said")."""
    if cue < 3 or tokens[cue - 1].text != ",":
        return None
    words = vocabulary()
    end = cue - 1
    if tokens[end - 1].lower in words.leading_drop and end >= 2 and tokens[end - 2].text == ",":
        # "Murphy, though, said": a connective, not an apposition
        named = _name_before(tokens, end - 2)
        return (named, end - 2) if named is not None else None
    best = None
    for index in range(end - 1, max(-1, end - 1 - _MAX_APPOSITION_WORDS), -1):
        token = tokens[index]
        if token.text == "," and index < end - 1:
            named = _name_before(tokens, index)
            if named is not None:
                best = (named, end)
        elif (
            token.text in _CLOSING
            or token.text in {";", ":", "“"}
            or (token.lower in words.clause_openers and token.lower not in words.relative_pronouns)
        ):
            break
    return best


def _name_before(tokens: list[Token], comma: int) -> int | None:
    """Start of the name that ends at ``comma``, when it opens its clause and looks like a party."""
    words = vocabulary()
    start = comma
    while start > 0 and comma - start < _MAX_NAME_WORDS:
        token = tokens[start - 1]
        if token.text in _BOUNDARY_MARKS or token.lower in words.subject_stops:
            break
        start -= 1
    if (
        start > 0
        and tokens[start - 1].text not in _BOUNDARY_MARKS
        and tokens[start - 1].lower not in {"and", "but", "so", "yet"}
    ):
        return None  # the words before the comma run on from a clause: not the start of a subject
    while start < comma and tokens[start].lower in words.leading_drop:
        start += 1
    if start == comma or not (
        tokens[start].text[:1].isupper()
        or tokens[start].lower in words.pronouns
        or tokens[start].lower in _POSSESSIVE
    ):
        return None
    return start


def _subject_after(tokens: list[Token], start: int) -> tuple[tuple[int, int] | None, int]:
    """The party named right after a cue ("said Jane Doe, a spokeswoman") and where it ends."""
    words = vocabulary()
    if _channel_at(tokens, start):
        return None, start
    end = start
    while end < len(tokens):
        token = tokens[end]
        if token.text in _BOUNDARY_MARKS or token.text == "." or token.lower in words.subject_stops:
            break
        if end > start and token.lower in words.subject_cuts:
            break
        end += 1
    if end == start or end - start > _MAX_SUBJECT:
        return None, start
    return (start, end), end


def _after_cue(tokens: list[Token], cue: Cue) -> int:
    """Index where the content may start: past channels ("in a statement to X"), times and objects."""
    words = vocabulary()
    index = cue.last
    moved = True
    while moved and index < len(tokens):
        moved = False
        length = _channel_at(tokens, index)
        if length:
            index += length
            if index < len(tokens) and tokens[index].lower in {"to", "with", "on", "from"}:
                index = _skip_phrase(tokens, index + 1)
            moved = True
        if (
            index < len(tokens)
            and tokens[index].lower == "on"
            and index + 1 < len(tokens)
            and (tokens[index + 1].lower in _WEEKDAYS)
        ):
            index += 2
            moved = True
        elif index < len(tokens) and (
            tokens[index].lower in _WEEKDAYS
            or tokens[index].lower in _TIME_WORDS
            or (
                tokens[index].lower in {"last", "this", "next"}
                and index + 1 < len(tokens)
                and (tokens[index + 1].lower in _TIME_WORDS or tokens[index + 1].lower in _WEEKDAYS)
            )
        ):
            index += 1  # "reported last week that ...": the time is not the content
            moved = True
        elif index + 1 < len(tokens) and tokens[index].text == "," and tokens[index + 1].lower in _NESTING:
            index = _skip_phrase(tokens, index + 2)
            moved = True
    head = tokens[cue.first].lower
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
        and (tokens[index].lower not in _PREPOSITIONS)
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
                tokens[probe].lower in _WEEKDAYS
                or tokens[probe].lower in _TIME_WORDS
                or tokens[probe].lower in {"last", "this", "on"}
            ):
                probe += 1
            if probe > index and probe < len(tokens) and _starts_clause(tokens[probe]):
                index = probe
    if index < len(tokens) and tokens[index].text in {",", ":"}:
        index += 1
    if index < len(tokens) and tokens[index].lower in {"of", "about"} and cue.group == "speech":
        index += 1
    return index


@cache
def _party_words() -> frozenset[str]:
    words = vocabulary()
    keywords = {word for _, kind_words in words.kinds for word in kind_words}
    return frozenset({*keywords, *words.anonymous, *words.name_particles})


@cache
def _channel_heads() -> frozenset[str]:
    return frozenset(channel[0] for channel in vocabulary().channels)


def _channel_at(tokens: list[Token], index: int) -> int:
    """Length of the channel phrase ("in a statement") starting at ``index``, or 0."""
    if index >= len(tokens) or tokens[index].lower not in _channel_heads():
        return 0
    for channel in vocabulary().channels:
        if tuple(t.lower for t in tokens[index : index + len(channel)]) == channel:
            return len(channel)
    return 0


def _skip_phrase(tokens: list[Token], index: int) -> int:
    while index < len(tokens) and tokens[index].text not in _BOUNDARY_MARKS and tokens[index].lower != "that":
        if tokens[index].text == "." and index == len(tokens) - 1:
            break
        index += 1
    return index


def _content_after(text: str, tokens: list[Token], quotes: list[Span], start: int) -> Span | None:
    end = len(tokens)
    while end > start and tokens[end - 1].text in {".", "!", "?"} and not _closes_quote(tokens, end):
        end -= 1
    if end - start < 2:
        return None
    return tokens[start].start, tokens[end - 1].end


def _closes_quote(tokens: list[Token], end: int) -> bool:
    return end < len(tokens) and tokens[end].text in _CLOSING


def _is_tail(tokens: list[Token], start: int) -> bool:
    """True when what follows the cue is not a content of its own ("..., he said." / ", adding ...")."""
    rest = tokens[start:]
    if not rest or all(t.text in {".", "!", "?"} for t in rest):
        return True
    if rest[0].lower == "that":
        return False
    return rest[0].text == "," or (start > 0 and tokens[start - 1].text == ",")


def _content_before(text: str, tokens: list[Token], end: int) -> Span | None:
    """Everything from the sentence start to the comma before the speaker."""
    stop = end
    while stop > 0 and tokens[stop - 1].text in {",", "—", "–", ":"}:
        stop -= 1
    if stop < 2:
        return None
    return tokens[0].start, tokens[stop - 1].end


def _extend_middle_quote(
    text: str, tokens: list[Token], quotes: list[Span], content: Span, rest: int
) -> Span:
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


def _coordination(tokens: list[Token], quotes: list[Span], start: int) -> int | None:
    """Index of "and" in "... and stressed that ...": where a second cue takes over the subject."""
    lexicon = vocabulary()
    for index in range(start, len(tokens) - 2):
        if is_inside(tokens[index].start, quotes):
            continue
        if (
            tokens[index].text == ","
            and _PARTICIPLE.search(tokens[index + 1].lower)
            and (tokens[index + 1].lower in lexicon.cue_heads and tokens[index + 1].lower not in _NESTING)
        ):
            return index
        if tokens[index].lower not in {"and", "but"}:
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
                    and _starts_clause(following)
                )
            ):
                return index
    return None


def _citing(text: str, tokens: list[Token], start: int, end: int) -> tuple[tuple[str, Span, Mention], ...]:
    """ "..., citing local sources, ..." right after the cue: the party the source relies on."""
    for probe in range(start, min(end, len(tokens))):
        if tokens[probe].lower in _NESTING:
            named, _ = _subject_after(tokens, probe + 1)
            if named is not None:
                cue = tokens[probe]
                return ((cue.text, (cue.start, cue.end), _mention(text, tokens, named)),)
    return ()


def _trailing_citation(
    text: str, tokens: list[Token], quotes: list[Span], content: Span, start: int
) -> tuple[Span, tuple[tuple[str, Span, Mention], ...]]:
    """ "... doubled last week, citing local officials.": cut the citation off the content."""
    for index in range(start + 2, len(tokens) - 1):
        if (
            tokens[index].lower in _NESTING
            and tokens[index - 1].text == ","
            and not is_inside(tokens[index].start, quotes)
        ):
            cited = _citing(text, tokens, index, index + 1)
            if cited:
                return (content[0], tokens[index - 2].end), cited
    return content, ()


def _mention(text: str, tokens: list[Token], span: tuple[int, int]) -> Mention:
    first, last = span
    start, end = tokens[first].start, tokens[last - 1].end
    return Mention((start, end), text[start:end])
