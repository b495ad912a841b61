"""Who a cue hangs on: the subject before it, the speaker after it, appositions, relative pronouns."""

from __future__ import annotations

import re
from functools import cache, lru_cache
from operator import attrgetter

from attrs import frozen

from ..model import SourceKind, Span
from .names import first_name_gender, lexicon, takes_nickname
from .quotes import CLOSING as _CLOSING
from .segment import Token
from .vocabulary import kind_keywords, kind_words, vocabulary

BOUNDARY_MARKS = frozenset({",", ";", ":", "“", "”", '"', "''", "—", "–", "(", "[", "]", "?", "!"})


WEEKDAYS = frozenset(
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


TIME_WORDS = frozenset(
    ("morning", "afternoon", "evening", "night", "week", "month", "year", "earlier", "later")
)


MAX_SUBJECT = 12


MAX_APPOSITION = 6


_MAX_APPOSITION_WORDS = 16


_MAX_OPENING_APPOSITION_WORDS = 28
"""A name right after a quotation, before a cue that is no participle, may have a longer apposition
("'...,' Leonard E. Burman, director of the ... Center and a professor at ..., said"): the quote
bounds it, and the cue can only be the name's ("..., Kirk, R-Ill., who ..., rescinded his endorsement,
saying" is a clause, not an apposition)."""


_MAX_NAME_WORDS = 6


PREPOSITIONS = frozenset({"of", "about", "against", "on", "over", "for", "to", "that", "in", "at"})


_POSSESSIVE = frozenset({"his", "her", "their", "its", "our", "my"})


_INTENSIFIERS = frozenset({"very", "so", "quite", "too"})
"""Words that qualify an adverb before a cue ("very aptly pointed out")."""


_SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "we", "i"})
"""Pronouns that, right before a cue (its adverbs and auxiliaries aside), are its subject: only
nominative ones ("it" and "you" are objects too: "bring it arguing")."""


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


def sentence_subject(text: str, tokens: list[Token]) -> Mention | None:
    """The subject a sentence opens with, for a participle cue with no speaker of its own; a
    dateline ("PORTLAND -- ...") is stepped over, since a city names no party."""
    words = vocabulary()
    if (after := _after_dateline(tokens)) is not None:
        tokens = tokens[after:]
    start = 0
    opens_with_participle = len(tokens) > 1 and (
        (tokens[0].lower.endswith("ing") and tokens[1].text.isalpha() and tokens[1].text.islower())
        or _fronted_passive(tokens, 0)  # "Chastened by the analyses, Trump ..."
    )
    if tokens[0].lower in PREPOSITIONS or tokens[0].lower in words.subject_cuts or opens_with_participle:
        # "At a rally in Iowa, Mrs. Clinton ...", "Speaking at a town hall, Doe ...": step over the
        # opening phrase
        comma = next((i for i, t in enumerate(tokens) if t.text == ","), None)
        start = comma + 1 if comma is not None else 1
        if comma is None:
            # "On September 27 they published ...": a date or time with no comma after it
            while (start < len(tokens) and _is_adverbial(tokens, start, start + 1)) or (
                start < len(tokens) and tokens[start].text.isdigit()
            ):
                start += 1
            if start == 1 or start >= len(tokens):
                return None
        while start < len(tokens) and tokens[start].lower in _PHRASE_GOES_ON:
            # "Chastened by the analyses, as well as complaints over its costs, Trump ...": one phrase
            reach = min(len(tokens), start + 15)
            more = next((i for i in range(start, reach) if tokens[i].text == ","), None)
            if more is None:
                break
            start = more + 1
        # "In Salem, New Hampshire, Doe ...": a place after the comma still belongs to the phrase
        after = next((i for i in range(start, min(len(tokens), start + 4)) if tokens[i].text == ","), None)
        if after is not None and tuple(t.lower.rstrip(".") for t in tokens[start:after]) in lexicon().places:
            start = after + 1
    while start < len(tokens) and (tokens[start].lower in words.leading_drop or tokens[start].text == ","):
        start += 1
    if start >= len(tokens):
        return None
    if tokens[start].lower in words.pronouns:
        return make_mention(text, tokens, (start, start + 1))
    end = start + 1 if tokens[start].lower == "the" else start
    while end < len(tokens) and (tokens[end].text[:1].isupper() or tokens[end].text == "."):
        end += 1
    # "Democratic presidential nominee Jane Doe": lowercase role words, then the name
    probe = end
    while (
        probe < len(tokens)
        and probe - end < 4
        and tokens[probe].text.isalpha()
        and tokens[probe].text.islower()
    ):
        if tokens[probe].lower in words.cue_heads or tokens[probe].lower in words.subject_stops:
            break
        probe += 1
    if (
        probe > end
        and probe < len(tokens)
        and tokens[probe].text[:1].isupper()
        and tokens[probe - 1].lower in kind_keywords()
    ):
        end = probe
        while end < len(tokens) and (tokens[end].text[:1].isupper() or tokens[end].text == "."):
            end += 1
    if end == start or (end == start + 1 and tokens[start].lower == "the"):
        return None
    if (
        end + 1 < len(tokens)
        and tokens[end].text.islower()
        and _names_people(tokens[end].lower)
        and _verb_like(tokens[end + 1])
    ):
        end += 1  # "European leaders gathered": the adjective's noun is the party
    return make_mention(text, tokens, (start, end))


def _verb_like(token: Token) -> bool:
    """True for a lowercase word that may be a verb right after its subject: a cue ("said"), an
    auxiliary ("had", "will") or a past form in "-ed" ("gathered")."""
    words = vocabulary()
    return (
        token.text.isalpha()
        and token.text.islower()
        and (token.lower in words.cue_heads or token.lower in words.auxiliaries or token.lower.endswith("ed"))
    )


def _names_people(word: str) -> bool:
    """True for a lowercase noun, singular or plural, naming people or a party ("leaders",
    "officials", "agents", "group")."""
    anonymous = vocabulary().anonymous
    forms = {word, word.removesuffix("s"), word.removesuffix("es"), f"{word.removesuffix('ies')}y"}
    return any(f in kind_keywords() or f in anonymous or f in _people_nouns() for f in forms)


def _after_dateline(tokens: list[Token]) -> int | None:
    """Where the sentence goes on after a dateline it opens with: one to three words in capitals
    ("PORTLAND", "NEW DELHI") and a dash ("--", "—"); None when it opens with none."""
    at = 0
    while (
        at < min(len(tokens), 3)
        and tokens[at].text.isalpha()
        and tokens[at].text.isupper()
        and len(tokens[at].text) > 1
    ):
        at += 1
    if at == 0 or at >= len(tokens) or tokens[at].text not in _DASHES:
        return None
    while at < len(tokens) and tokens[at].text in _DASHES:
        at += 1
    return at if at < len(tokens) else None


_PHRASE_GOES_ON = frozenset({"as", "and", "or", "along", "plus"})
"""Words after a comma that carry an opening phrase on ("..., as well as complaints, Trump")."""


def _fronted_passive(tokens: list[Token], at: int) -> bool:
    """True for a capitalised participle and "by" ("Chastened by the analyses"): a phrase that opens
    a sentence before its subject, never a name."""
    return (
        at + 1 < len(tokens)
        and tokens[at].text[:1].isupper()
        and tokens[at].lower.endswith("ed")
        and tokens[at + 1].lower == "by"
    )


def follows_conjunction(tokens: list[Token], index: int) -> bool:
    """True when the cue at ``index`` follows "and"/"but" (auxiliaries aside): it shares a subject."""
    auxiliaries = vocabulary().auxiliaries
    while index > 0 and tokens[index - 1].lower in auxiliaries:
        index -= 1
    return index > 0 and tokens[index - 1].lower in {"and", "but"}


def subject_before(tokens: list[Token], cue: int) -> tuple[int, int] | None:
    """Token range of the subject that ends right before a cue, stepping over "also", "has" ..."""
    words = vocabulary()
    last = cue
    while last > 0 and (
        tokens[last - 1].lower in words.auxiliaries
        or tokens[last - 1].lower.endswith(("ly", "n't", "n’t"))
        or (tokens[last - 1].lower in _INTENSIFIERS and tokens[last].lower.endswith("ly"))
    ):
        last -= 1  # "has also", "very aptly": never the subject
    if last == cue and tokens[cue].lower in words.noun_like_cues and not _clear_subject(tokens, cue):
        return None  # "the Paris attacks", "a sharp attack": a noun, not a cue
    participle = tokens[cue].lower.endswith("ing")
    while (when := _time_before(tokens, last, participle)) < last:
        # "The bank just this month announced", "who in 2010 said": the time phrase is no subject
        last = when
        while last > 0 and (
            tokens[last - 1].lower in words.auxiliaries or tokens[last - 1].lower.endswith("ly")
        ):
            last -= 1
    opening = _dash_opening(tokens, last)
    if opening is not None:
        # "Kall -- co-editor of a book on the debates -- said": the name before the dashes
        named = noun_phrase_before(tokens, opening)
        if named is not None and (
            tokens[named[1] - 1].text[:1].isupper() or tokens[named[1] - 1].lower in words.pronouns
        ):
            return named
    found = noun_phrase_before(tokens, last)
    if found is not None and (nicknamed := _nickname_before(tokens, found[0])) is not None:
        found = nicknamed, found[1]  # "Joko “Jokowi” Widodo ordered": the name goes on before the quote
    if found is not None and found[1] < last and tokens[last - 1].lower in _SUBJECT_PRONOUNS:
        return last - 1, last  # "even now at 86 she still says": cut short, the pronoun is the subject
    if (
        found is not None
        and found[0] > 1
        and tokens[found[0] - 1].text == ","
        and _is_adverbial(tokens, *found)
    ):
        # "The former governor, in Iowa last week, noted ...": the phrase between commas is no subject
        found = noun_phrase_before(tokens, found[0] - 1)
    if (
        found is not None
        and found[1] - found[0] > 1
        and tokens[found[1] - 1].lower in _GERUND_ADJUNCTS
        and tokens[cue].lower.endswith("ing")
    ):
        # "Murphy followed up by lamenting": the gerund is said by the subject of the clause
        found = _adjunct_subject(tokens, found[0], found[1] - 1) or found
    return found


_GERUND_ADJUNCTS = frozenset({"by", "despite"})


def _adjunct_subject(tokens: list[Token], first: int, adjunct: int) -> tuple[int, int] | None:
    """The subject a clause opens with at ``first`` when a gerund after "by" or "despite" (at
    ``adjunct``) ends it: a name ("Murphy followed up by"), a personal pronoun, or a description whose
    head names a party ("the New Jersey governor tripped up Rubio by"), then the clause's verb. None
    for words that open no clause ("dealt a blow to European Union policy by", "slaying all comers
    by"), and for a noun phrase that runs on to "by" (an object: "before the influential Committee by")."""
    words = vocabulary()
    before = tokens[first - 1] if first > 0 else None
    if before is not None and not (
        before.text in BOUNDARY_MARKS
        or before.lower in words.leading_drop
        or before.lower in words.clause_openers
    ):
        return None
    lead = tokens[first]
    if lead.lower in _SUBJECT_PRONOUNS:
        return first, first + 1
    end: int | None = None
    if lead.lower in _ARTICLES:
        nouns = kind_keywords() | _people_nouns()
        for index in range(first + 1, min(adjunct, first + _MAX_DESCRIPTION)):
            if tokens[index].lower in nouns:
                end = index + 1
                while end < adjunct and tokens[end].lower in nouns:
                    end += 1  # "The billionaire businessman"
                break
            if tokens[index].text[:1].islower() and _PARTICIPLE.fullmatch(tokens[index].text):
                break  # "The decision angered voters by": a verb before any party's noun
    elif (
        lead.text[:1].isupper()
        and lead.lower not in words.prepositions
        and lead.lower not in words.conjunctions
        and lead.lower not in words.determiners
    ):
        end = first
        while end < adjunct and (tokens[end].text[:1].isupper() or tokens[end].text == "."):
            end += 1
        if tokens[end - 1].lower.endswith(("’s", "'s")):
            return None  # "Clinton's campaign tried by": the party is the campaign, not named here
    if end is None or end >= adjunct or not _verb_at(tokens, end, adjunct):
        return None
    return first, end


def _verb_at(tokens: list[Token], at: int, adjunct: int) -> bool:
    """True when the lowercase word at ``at`` reads as the clause's verb: it ends in "-ed", or "by"
    follows it ("began by"), or an object's first word does ("threw a scare", "began her speech",
    "tripped up Rubio"); not another noun ("the county treasurer closed")."""
    word = tokens[at].text
    if not (word.isalpha() and word.islower()):
        return False
    if word.endswith("ed") or at + 1 == adjunct:
        return True
    after = tokens[at + 1]
    return (
        after.lower in vocabulary().determiners
        or after.lower in _OBJECT_STARTS
        or (after.text[:1].isupper() and after.lower not in vocabulary().pronouns)
    )


_OBJECT_STARTS = frozenset(
    {"up", "off", "out", "down", "him", "her", "them", "us", "it", "himself", "herself"}
)


_ARTICLES = frozenset({"the", "a", "an"})

_MAX_DESCRIPTION = 6
"""Words from an article to the noun that heads a described subject ("the Stanford medieval-history
graduate")."""


def _nickname_before(tokens: list[Token], first: int) -> int | None:
    """Where a name begins whose surname starts at ``first`` after a one-word nickname in quotation
    marks that follows a first name ("Marcia "Cia" Price", `names.takes_nickname`), or None when no
    nickname stands there."""
    if (
        first < 4
        or tokens[first - 1].text not in _NICKNAME_CLOSES
        or tokens[first - 3].text not in _NICKNAME_OPENS
        or not tokens[first - 2].text[:1].isupper()
        or not takes_nickname(tokens[first - 4].text)
        or tokens[first].lower in lexicon().calendar_words  # 'Fox "Hannity" Tuesday'
    ):
        return None
    found = noun_phrase_before(tokens, first - 3)
    return found[0] if found is not None else None


_NICKNAME_OPENS = frozenset({"“", '"'})
_NICKNAME_CLOSES = frozenset({"”", '"'})


_DASHES = frozenset({"—", "–", "-"})


def _dash_opening(tokens: list[Token], last: int) -> int | None:
    """Where the dash opens that the dash ending at ``last`` closes ("--" is two hyphens), when an
    aside between dashes stands right before a cue; None otherwise."""
    if last < 2 or tokens[last - 1].text not in _DASHES:
        return None
    dash = tokens[last - 1].text
    double = dash == "-" and tokens[last - 2].text == "-"
    if dash == "-" and not double:
        return None
    close = last - 2 if double else last - 1
    for at in range(close - 1, max(0, close - MAX_SUBJECT - _MAX_APPOSITION_WORDS), -1):
        if tokens[at].text == dash and (not double or tokens[at - 1].text == "-"):
            opening = at - 1 if double else at
            return opening if opening > 0 else None
    return None


def _recorded(tokens: list[Token], first: int, last: int) -> int | None:
    """Where the name of the party a recording shows speaking begins ("footage of Donald Trump"
    before "saying": Donald Trump), if the phrase ends in one."""
    start = last
    while start > first and tokens[start - 1].text[:1].isupper():
        start -= 1
    if start == last or start - 2 < first or tokens[start - 1].lower != "of":
        return None
    return start if tokens[start - 2].lower in vocabulary().recording_nouns else None


def _to_phrase(tokens: list[Token], head: int) -> bool:
    """True when the word at ``head`` takes the "to" after it inside a noun phrase ("sources close
    to", "an email relating to"): a noun before it, not an adverb ("likely referring to")."""
    if head < 1 or tokens[head].lower not in vocabulary().to_phrase_heads:
        return False
    before = tokens[head - 1]
    return (
        before.text not in BOUNDARY_MARKS
        and not before.lower.endswith("ly")
        and before.lower not in vocabulary().subject_stops
    )


_THIS_OR_LAST = frozenset({"this", "last", "next"})


def _time_before(tokens: list[Token], last: int, participle: bool) -> int:
    """Where a time phrase that ends at ``last`` begins ("on Monday", "this month", "last week",
    "in 2010"), or ``last`` when none ends there. Before a participle only "on Monday": "began an ad
    campaign this week praising ..." has the campaign praise, not its owner."""
    if last < 2:
        return last
    word, before = tokens[last - 1].lower, tokens[last - 2].lower
    if word in WEEKDAYS and before == "on":
        return last - 2
    if participle:
        return last
    if (word in TIME_WORDS or word in WEEKDAYS) and before in _THIS_OR_LAST:
        return last - 2
    if before == "in" and len(word) == 4 and word.isdigit():
        return last - 2
    return last


def _is_adverbial(tokens: list[Token], first: int, last: int) -> bool:
    """True for "in Iowa last week", "September": a time or place phrase, not a party."""
    if tokens[first].lower in PREPOSITIONS:
        return True
    return all(
        t.lower in WEEKDAYS
        or t.lower in TIME_WORDS
        or t.lower in _MONTH_NAMES
        or t.lower in {"last", "this", "next"}
        for t in tokens[first:last]
    )


def noun_phrase_before(tokens: list[Token], last: int) -> tuple[int, int] | None:
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
        if (token.text in BOUNDARY_MARKS or token.lower in words.subject_stops) and not (
            token.lower == "to" and _to_phrase(tokens, first - 2)  # "sources close to the campaign"
        ):
            break
        first -= 1
        if last - first > MAX_SUBJECT:
            return None
    while first < last and (tokens[first].lower in words.leading_drop or tokens[first].text in {".", "-"}):
        first += 1
    if first < last - 2 and tokens[first].lower in _THIS_OR_LAST and tokens[first + 1].lower in TIME_WORDS:
        first += 1  # "Last year the hospital said": the time phrase is within the span, not before it
    if first < last - 1 and tokens[first].lower in TIME_WORDS and tokens[first - 1].lower in _THIS_OR_LAST:
        if tokens[first + 1].lower == "by":
            return None  # "research released this week by four economists suggests": an agent, no subject
        if tokens[first + 1].lower not in words.prepositions:
            first += (
                1  # "This week the startup said": the time phrase opens the sentence, the subject follows
            )
    recorded = _recorded(tokens, first, last)
    if recorded is not None:
        return recorded, last
    opener = tokens[first - 1].lower if first > 1 else ""
    if opener in ("that", "which") and _PAST_VERB.fullmatch(tokens[first].text):
        # "A 2014 study that appeared in the BMJ found": the subject is the document before "that"
        document = noun_phrase_before(tokens, first - 1)
        if document is not None and tokens[document[1] - 1].lower in kind_words(SourceKind.DOCUMENT):
            return document[0], last
    for index in range(first, last - 1):
        if tokens[index].lower in kind_words(SourceKind.DOCUMENT) and tokens[index + 1].lower == "from":
            return first, last  # "Data from the American Community Survey show": the source is in it
    for index in range(first + 1, last):
        if (
            tokens[index].lower in words.subject_cuts
            and tokens[index - 1].lower not in {"familiar", "close"}
            # "a USA TODAY analysis": a name's word (but "BAN FROM OLYMPICS" in a headline)
            and not (tokens[index].text[:1].isupper() and tokens[index].lower not in words.prepositions)
        ):
            last = index
            break
    if _name_then_verb(tokens, first, last):
        return None  # "Sudarsan Pattnaik works on a sculpture portraying": a clause, no subject
    relative = first - 1 if first > 1 and tokens[first - 1].lower in words.relative_pronouns else None
    if relative is not None and (
        first == last or any(tokens[i].lower in _VERBAL for i in range(first, last))
    ):
        return relative, relative + 1  # "Scott Walker, who said ...": the pronoun stands for the speaker
    if first >= last or any(tokens[i].lower in _VERBAL for i in range(first, last)):
        return None  # "hospitals have postponed planned ...": a clause, not a subject
    return first, last


def _name_then_verb(tokens: list[Token], first: int, last: int) -> bool:
    """True for a name of two capitalised words or more, then one lowercase word in "-s" that names
    no people, then a preposition ("Karen Holt works on", "Leon Marsh lives in"): a verb, not a
    noun ("FBI agents in", "Trump supporters at")."""
    if last - first < 3 or last >= len(tokens) or tokens[last].lower not in vocabulary().prepositions:
        return False
    word = tokens[last - 1]
    return (
        word.text.isalpha()
        and word.text.islower()
        and word.lower.endswith("s")
        and not word.lower.endswith("ss")
        and not _names_people(word.lower)
        and all(t.text[:1].isupper() and t.text.isalpha() for t in tokens[first : last - 1])
    )


def antecedent_of(text: str, tokens: list[Token], pronoun: int) -> Mention | None:
    """The noun phrase a relative pronoun follows: "Scott Walker" in "Scott Walker, who said"; past
    the age and place set off by commas after a name ("Jo Doe, 59, of Ashton, Md., who said")."""
    end = pronoun
    while True:
        while end > 0 and tokens[end - 1].text == ",":
            end -= 1
        if end > 0 and tokens[end - 1].text == ")":
            # "Sen. Jane Doe (D-Ore.), who said": the name stands before the parenthesis
            end = next((i for i in range(end - 2, max(end - 8, -1), -1) if tokens[i].text == "("), end)
        start = end
        while start > 0 and tokens[start - 1].text not in BOUNDARY_MARKS and end - start < MAX_SUBJECT:
            if (
                tokens[start - 1].lower in vocabulary().subject_stops
                or tokens[start - 1].lower in _AFTER_NAME
            ):
                break
            if tokens[start - 1].lower == "by":
                break  # "backed by Omar Diaz, who said": the party is Omar Diaz
            if end < pronoun and tokens[start - 1].lower in _BEFORE_PERSON and _full_name(tokens[start:end]):
                break  # "no mention of Jeb Lund, who said": a person named in full after "of" is the party
            start -= 1
        if start < end and start > 0 and tokens[start - 1].text == "," and _sets_off(tokens[start:end]):
            end = start - 1  # ", 59,", ", of Ashton,", ", Md.,": the name stands before them
            continue
        break
    if start >= end or not _names_a_party(tokens[start:end]):
        return None  # "... to defend not paying an architect, who said": no party to stand for
    return make_mention(text, tokens, (start, end))


def _opens(tokens: list[Token], start: int) -> bool:
    """True when the words at ``start`` open their clause: at the start of the sentence after
    connectives only ("Even China, its only ally, said"), or right after a quotation ("'…,' Paris,
    who …, said"). A place there is the subject, not a place set off after a name."""
    words = vocabulary()
    if all(t.lower in words.leading_drop for t in tokens[:start]):
        return True
    return tokens[start - 1].text in _CLOSING or (
        start >= 2 and tokens[start - 1].text == "," and tokens[start - 2].text in _CLOSING
    )


def _after_quote(tokens: list[Token], start: int, cue: int) -> bool:
    """True when the name at ``start`` follows a quotation ("'…,' Jo Doe") and ``cue`` is no
    participle: the name is the speaker of the quotation, whatever apposition stands between."""
    return (
        start > 0
        and not tokens[cue].lower.endswith("ing")
        and (
            tokens[start - 1].text in _CLOSING
            or (start >= 2 and tokens[start - 1].text == "," and tokens[start - 2].text in _CLOSING)
        )
    )


def _sets_off(tokens: list[Token]) -> bool:
    """True for an age or a place set off by commas after a name: "59", "of Ashton", "Md."."""
    if len(tokens) == 1 and tokens[0].text.isdigit():
        return True
    if tokens[0].lower == "of":
        return len(tokens) > 1 and all(t.text[:1].isupper() for t in tokens[1:])
    return tuple(t.lower.rstrip(".") for t in tokens if t.text != ".") in lexicon().places


def _full_name(tokens: list[Token]) -> bool:
    """True for a person's first name and surname and nothing else ("Jeb Lund"): no place ("Florida")
    and no organisation ("Harvard Law School") whose first word is also a first name."""
    lex = lexicon()
    return (
        2 <= len(tokens) <= 4
        and all(t.text[:1].isupper() for t in tokens)
        and first_name_gender(tokens[0].text) is not None
        and (tokens[0].lower.rstrip("."),) not in lex.places
        and tokens[-1].lower not in lex.organisation_nouns
        and tokens[-1].lower not in kind_keywords()
    )


def _names_a_party(tokens: list[Token]) -> bool:
    """True when a phrase ends in a name or in a noun that names a party ("the senator")."""
    last = tokens[-1]
    if last.text[:1].isupper():
        return True
    words = vocabulary()
    keywords = kind_keywords()
    return last.lower in keywords or last.lower in words.anonymous


_PAST_VERB = re.compile(r"[a-z]{3,}ed")


def starts_clause(token: Token) -> bool:
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
        if cue >= 2 and (
            tokens[cue - 2].lower in words.determiners or tokens[cue - 2].lower in words.number_words
        ):
            return False  # "a Medium post", "the Paris attacks", "One NASA plan envisions"
        return before.lower not in words.determiners and not (cue - 1 == 0 and before.lower == "the")
    if (
        before.lower in kind_words(SourceKind.DOCUMENT)
        and not before.lower.endswith("s")
        and tokens[cue].lower.endswith("s")
        and words.cues.get((tokens[cue].lower,)) == "report"
    ):
        return True  # "The annual report finds that", "the new study shows": a document and its verb
    return (
        before.lower.endswith("s")
        and before.lower not in _NOT_PLURAL
        and before.lower not in words.determiners
    )


def appositive_subject(tokens: list[Token], cue: int) -> tuple[int, int] | None:
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
    limit = end - 1 - _MAX_APPOSITION_WORDS
    index = end
    while index - 1 > max(-1, limit - _MAX_OPENING_APPOSITION_WORDS + _MAX_APPOSITION_WORDS):
        index -= 1
        token = tokens[index]
        if token.text == "," and index < end - 1:
            named = _name_before(tokens, index)
            if named is not None and not _opens(tokens, named) and _sets_off(tokens[named:index]):
                # "Md." in "Jo Doe, of Ashton, Md., who ..., said" is no subject: look past it
                limit -= index - named + 1
            elif named is not None and (index > limit or _after_quote(tokens, named, cue)):
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
    if start > 0 and tokens[start - 1].text == ")":
        # "Roy Cooper (D), the attorney general, said": the name stands before the parenthesis
        opening = next((i for i in range(start - 2, max(start - 8, -1), -1) if tokens[i].text == "("), None)
        if opening is not None:
            start = opening
            comma = opening
    while start > 0 and comma - start < _MAX_NAME_WORDS:
        token = tokens[start - 1]
        if token.text in BOUNDARY_MARKS or token.lower in words.subject_stops:
            break
        start -= 1
    if (
        start > 0
        and tokens[start - 1].text not in BOUNDARY_MARKS
        and tokens[start - 1].lower not in {"and", "but", "so", "yet"}
    ):
        return None  # the words before the comma run on from a clause: not the start of a subject
    while start < comma and tokens[start].lower in words.leading_drop:
        start += 1
    if start < comma and (
        tokens[start].lower in PREPOSITIONS
        or tokens[start].lower in words.subject_cuts
        or _fronted_passive(tokens, start)
    ):
        return None  # "In July, ...", "Chastened by the analyses, ...": an opening phrase, not a name
    if start == comma or not (
        tokens[start].text[:1].isupper()
        or tokens[start].lower in words.pronouns
        or tokens[start].lower in _POSSESSIVE
    ):
        return None
    return start


def subject_after(tokens: list[Token], start: int) -> tuple[tuple[int, int] | None, int]:
    """The party named right after a cue ("said Jane Doe, a spokeswoman") and where it ends."""
    words = vocabulary()
    if channel_at(tokens, start):
        return None, start
    end = start
    while end < len(tokens):
        token = tokens[end]
        if token.text == "." and _abbreviates(tokens, end):
            end += 1  # "said Mr. Burman", "said Rep. Jim Doe": the period of a title or an initial
            continue
        if token.text in BOUNDARY_MARKS or token.text == "." or token.lower in words.subject_stops:
            break
        if end > start and token.lower in words.subject_cuts:
            break
        if (
            end > start
            and token.lower in _AFTER_NAME
            and tokens[end - 1].text[:1].isupper()
            and not (end + 1 < len(tokens) and tokens[end + 1].text[:1].isupper())
        ):
            break  # "said Lena Ortiz for the delay" (but "the Center for Public Research")
        end += 1
    if end == start or end - start > MAX_SUBJECT:
        return None, start
    return (start, end), end


_AFTER_NAME = frozenset({"for", "about", "over", "after", "against", "to", "because", "as", "while"})
_BEFORE_PERSON = frozenset({"of", "with", "from"})
"""Words that end the phrase a relative pronoun stands for when a first name follows them ("a call
with Lena Ortiz, who said"); before anything else they stay inside it ("Mr. Morgan of the Sierra
Club, who said")."""


def _abbreviates(tokens: list[Token], dot: int) -> bool:
    """True when the period at ``dot`` closes a title or an initial inside a name ("Mr.", "J.")."""
    if dot == 0 or dot + 1 >= len(tokens) or not tokens[dot + 1].text[:1].isupper():
        return False
    before = tokens[dot - 1]
    words = vocabulary()
    return (
        before.lower in words.abbreviations
        or before.lower in words.titles
        or (len(before.text) == 1 and before.text.isupper())
    )


@cache
def _channel_heads() -> frozenset[str]:
    return frozenset(channel[0] for channel in vocabulary().channels)


@cache
def _longest_channel() -> int:
    return max(map(len, vocabulary().channels))


_LOWER = attrgetter("lower")


def channel_at(tokens: list[Token], index: int) -> int:
    """Length of the channel phrase ("in a statement") starting at ``index``, or 0."""
    if index >= len(tokens) or tokens[index].lower not in _channel_heads():
        return 0
    words = tuple(map(_LOWER, tokens[index : index + _longest_channel()]))
    for channel in vocabulary().channels:
        if words[: len(channel)] == channel:
            return len(channel)
    return 0


def make_mention(text: str, tokens: list[Token], span: tuple[int, int]) -> Mention:
    """The mention covering tokens ``span`` (first, last) of the sentence."""
    first, last = span
    start, end = tokens[first].start, tokens[last - 1].end
    return Mention((start, end), text[start:end])


_RELATIVE_CUT = re.compile(r",?\s+(?:who|whom|whose|which|that)\b|,\s+(?:[a-z]+ing|[a-z]+ed)\b")
"""Where a relative clause or a participle phrase after a comma begins inside a mention."""

_CAPITAL = re.compile(r"\b[A-Z]")

_PIECE = re.compile(r"[\w’'.@&-]*[\w@]|[,;:—–]|-{1,2}(?=\s|$)")
"""The words of a mention and the marks that break a phrase (commas, dashes)."""


def party_part(mention: Mention) -> Mention | None:
    """The words of a mention that can name a party, or None for a fragment that names none.

    A relative clause or a participle phrase is cut off ("The suit, which will be filed Thursday",
    "a person who has seen the plan"). A mention that ran over a clause keeps the subject the cue
    follows: a pronoun or a name after the clause's last verb, conjunction or comma ("When Mr. Doe
    did take it on, he", "It doesn't sound like Rubio"), the name after an opening phrase ("In a
    Bloomberg interview Trump"), the party of "with Russia backing ...", the pronoun that opens
    "She started off by". What is left names no party: a phrase that opens with a preposition
    ("After", "In a statement", "on the subject"), a clause ("your school didn't get into the
    game"), a relative pronoun standing for nothing, one word that names no one ("appeared").
    """
    bounds = _party_bounds(mention.text, mention.refers_to is None)
    if bounds is None:
        return None
    named = mention if bounds == (0, len(mention.text)) else _cut(mention, *bounds)
    if named.refers_to is None and ('"' in named.text or "“" in named.text):
        # "Marcia "Cia" Price": the party is Marcia Price, the nickname no part of her name
        plain = _NICKNAME.sub(_without_nickname, named.text)
        if plain != named.text:
            return Mention(named.span, named.text, plain)
    return named


_NICKNAME = re.compile(r"\b([A-Z][\w’'-]*) [“\"][A-Z][\w’'.-]*[”\"](?= [A-Z])")


def _without_nickname(match: re.Match[str]) -> str:
    """The first name of a nickname's match, without the nickname; the match as it is when the word
    before the quotation takes no nickname (`names.takes_nickname`)."""
    return match[1] if takes_nickname(match[1]) else match[0]


@lru_cache(maxsize=16384)
def _party_bounds(text: str, unreferred: bool) -> tuple[int, int] | None:
    """Where the words of a mention's text that name a party begin and end (see `party_part`): once
    per text ("he", "Trump" and "officials" come back in every article)."""
    if unreferred and vocabulary().is_relative(text):
        return None
    cut = _RELATIVE_CUT.search(text, 1)
    end = cut.start() if cut is not None else len(text)
    comma = text.find(",", 0, end)
    if comma > 0 and not _CAPITAL.search(text, 1, end):
        end = comma  # "its many features, some subtle and some outright mind-bending"
    pieces = [(m.start(), m.end(), m.group()) for m in _PIECE.finditer(text, 0, end)]
    if (
        len(pieces) > 1
        and pieces[-1][2].lower() == "you"
        and pieces[-2][2].lower() != "of"
        and not any(w in vocabulary().verb_marks or _NEGATION.search(w) for _, _, w in pieces)
    ):
        return pieces[-1][0], pieces[-1][1]  # "Let's say you [think]", "a girl you [know]": "you" speaks
    if len(pieces) > 1 and _ends_no_phrase(pieces):
        return None  # "Obama --", "putting them", "the authors of the": no noun phrase ends there
    if len(pieces) > 2 and pieces[-1][2].lower() in _PARTICLES and not any(w == "," for _, _, w in pieces):
        named = _phrasal_subject(pieces)  # "Clinton reached out": the name before the verb
        return (named[0][0], named[-1][1]) if named else None
    if len(pieces) > 1 and pieces[-1][2].lower() in _GERUND_ADJUNCTS:
        if pieces[0][2].lower() not in vocabulary().subject_pronouns:
            return None  # "slaying all comers by [saying]": `subject_before` found no subject to keep
        pieces = pieces[:-1]  # "She started off by"
    elif len(pieces) > 1 and pieces[-1][2].lower() in vocabulary().prepositions:
        pieces = pieces[:-1]  # "Everyone by [then]": a phrase ends before its preposition
    found = _party_pieces(pieces)
    if not found:
        return None
    if found is pieces:
        return 0, end
    return found[0][0], found[-1][1]


_DASH_PIECES = frozenset({"-", "--", "—", "–"})
_ENDING_OBJECTS = frozenset({"him", "her", "them", "us", "me"})
_ENDING_WORDS = frozenset({"the", "a", "an", "of"})
_PARTICLES = frozenset({"up", "out", "off", "down", "away"})


def _ends_no_phrase(pieces: list[tuple[int, int, str]]) -> bool:
    """True for a mention that ends where no noun phrase can: at the dash that closes an aside
    ("Obama --" in "A former candidate -- John McCain, who lost to Obama -- said"), at an object
    pronoun ("putting them", "Wallace brought him", but "most of them", "a source close to him" are
    groups and parties), at an article or "of" ("the authors of the")."""
    last = pieces[-1][2].lower()
    if last in _DASH_PIECES or last in _ENDING_WORDS:
        return True
    return last in _ENDING_OBJECTS and pieces[-2][2].lower() not in {"of", "to"}


def _phrasal_subject(pieces: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The name a mention opens with before a verb and its particle ("Donald Trump picked up",
    "Clinton reached out"), or none when anything else stands before the verb ("a document he drew
    up", "millions of people waking up")."""
    verb = pieces[-2][2]
    named = pieces[:-2]
    if not (verb.isalpha() and verb.islower()) or not all(w[:1].isupper() or w == "." for _, _, w in named):
        return []
    return named if not _possessed(named + pieces[-2:]) else []


def _cut(mention: Mention, first: int, last: int) -> Mention:
    """The mention's words from ``first`` to ``last`` (offsets into its text)."""
    text = mention.text
    start = mention.span[0] + first
    return Mention((start, start + last - first), text[first:last], mention.refers_to)


def _party_pieces(pieces: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The pieces of a mention that name its party (see `party_part`), or none."""
    words = [w for _, _, w in pieces]
    if not words:
        return []
    vocab = vocabulary()
    first = words[0].lower()
    is_clause = any(w in vocab.verb_marks or _NEGATION.search(w) for w in words)
    opens = first in vocab.prepositions or first in vocab.conjunctions
    # where the phrase breaks matters only in a clause or after an opening preposition
    breaks = [i for i, w in enumerate(words) if _breaks(w)] if is_clause or opens else []
    if len(words) > 1 and words[-1].lower() in vocab.subject_pronouns:
        return pieces[-1:]  # "When Mr. Doe did take it on, he"; "once he"; "the very place he"
    if breaks and (is_clause or opens):
        last = breaks[-1]
        tail = pieces[last + 1 :]
        if first == "with" and len(breaks) == 1:
            return pieces[1:]  # "with Russia backing the government": an absolute construction
        if first in vocab.prepositions and not is_clause:
            return _subject_after_opening(pieces)  # "In a Bloomberg interview Trump"
        opener = words[last].lower()
        preposition = opener in vocab.prepositions and opener not in vocab.conjunctions
        if tail and tail[-1][2][:1].isupper() and not preposition and not _possessed(tail):
            return tail  # "It doesn't sound like Rubio", "In a statement Tuesday, Jane Doe"
        if opens or not (first in vocab.subject_pronouns and words[1][:1].islower()):
            return []
    if first in vocab.subject_pronouns and len(words) > 1 and words[1][:1].islower():
        return [] if is_clause else pieces[:1]  # "She started off by": the subject, not its verb
    if is_clause or opens:
        return []  # "he had made about women", "your school didn't get into the game", "After"
    if len(words) == 1 and _names_no_one(words[0]):
        return []
    if len(words) > 1 and _PARTICIPLE.fullmatch(words[0]) and words[1].lower() in vocab.prepositions:
        return []  # "posted for three days", "found in the park": a verb and its phrase, no party
    if _thing_after_name(words):
        return []  # "AAA bonds", "Apple shares": a name that only qualifies a thing
    return pieces


def _thing_after_name(words: list[str]) -> bool:
    """True for an acronym followed by one lowercase noun that names no party ("AAA bonds will find
    ...", "NASA lander"), as "FBI agents" or "GOP leaders" do."""
    if len(words) != 2 or len(words[0]) < 2 or not words[0].isupper() or not words[0].isalpha():
        return False  # an acronym only: after "Trump" or "Polling" a lowercase word may be a verb
    last = words[-1]
    if not last.isalpha() or not last.islower() or _possessed([(0, 0, w) for w in words]):
        return False
    return not (_names_people(last) or last in vocabulary().pronouns)


@cache
def _people_nouns() -> frozenset[str]:
    """Nouns for people by what they do or whom they follow ("fans", "backers"), besides the kinds'
    keywords and the anonymous words."""
    return frozenset(vocabulary().people_nouns)


def _breaks(word: str) -> bool:
    """True for what ends the phrase before it: a verb, a preposition or conjunction, a comma."""
    vocab = vocabulary()
    return (
        word in vocab.verb_marks
        or bool(_NEGATION.search(word))
        or word.lower() in vocab.prepositions
        or word.lower() in vocab.conjunctions
        or word in {",", ";", ":", "—", "–", "-", "--"}
    )


def _possessed(pieces: list[tuple[int, int, str]]) -> bool:
    return any(w.endswith(("’s", "'s", "’", "'")) for _, _, w in pieces[:-1])


def _subject_after_opening(pieces: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The name that ends a phrase opened by a preposition with no other in it: "In a Bloomberg
    interview Trump" is Trump ("In a clip for Jane Doe's show" names no speaker)."""
    words = [w for _, _, w in pieces]
    if any(w.lower() in vocabulary().prepositions for w in words[1:]):
        return []
    start = len(words)
    while start > 1 and words[start - 1][:1].isupper():
        start -= 1
    if start == len(words) or start < 2 or not words[start - 1][:1].islower():
        return []
    if _possessed(pieces[:start]) or words[start - 1].lower() in vocabulary().prepositions:
        return []
    return pieces[start:]


def _names_no_one(word: str) -> bool:
    """True for one word that cannot name a party: a time word, a function word, a verb form."""
    lower = word.lower().rstrip(".")
    vocab = vocabulary()
    if lower in _POSSESSIVE and lower != "her":
        return True  # "Our", "His": a determiner whose noun was cut off
    if lower in vocab.pronouns or lower in vocab.anonymous or lower in kind_keywords():
        return False
    if (
        lower in WEEKDAYS
        or lower in TIME_WORDS
        or lower in _MONTH_NAMES
        or lower in vocabulary().no_party_words
    ):
        return True
    if word[:1].isupper() and (
        _CONTRACTION.fullmatch(lower)
        or _sentence_word(lower)
        or (_PARTICIPLE.fullmatch(lower) is not None and lower in lexicon().common_words)
    ):
        return True  # "Eventually", "Twenty", "You'll", "Having": capitals that open a sentence
    return word[:1].islower() and (
        lower.endswith(("ed", "ing")) or lower in vocab.leading_drop or not _may_name_group(word.rstrip("."))
    )


_AGENT_ENDINGS = ("er", "or", "ist", "ian", "ant", "ent")
_NOT_PLURAL_ENDINGS = ("ss", "us", "is", "ous")


def _may_name_group(word: str) -> bool:
    """True for one lowercase word that may name a party the text does not name: a plural
    ("officials", "voters"), a noun for one who does something ("lobbyist", "senator"), a document
    noun, or a number or quantifier ("many", "two", "others"). Not an adjective, an adverb or a verb
    ("heard", "live", "provide", "unfair", "together")."""
    vocab = vocabulary()
    if not word.islower():
        return True  # "al-Alusi": a name after its particle
    head = word.rsplit("-", 1)[-1]  # "co-host"
    bare = _APOSTROPHE.split(head, 1)[0]  # "he’d", "they've"
    if bare in vocab.pronouns or bare in vocab.relative_pronouns or vocab.is_relative(bare):
        return True
    return (
        (head.endswith("s") and not head.endswith(_NOT_PLURAL_ENDINGS))
        or head.endswith(_AGENT_ENDINGS)
        or head in kind_keywords()
        or head in _people_nouns()
        or head in vocab.number_words
        or head in vocab.quantifiers
        or head in _GROUP_WORDS
    )


_GROUP_WORDS = frozenset(
    {
        "others",
        "another",
        "none",
        "half",
        "somebody",
        "everybody",
        "mom",
        "dad",
        "press",
        "men",
        "women",
        "children",
        "crowd",
    }
)
_APOSTROPHE = re.compile("[’']")


_CONTRACTION = re.compile(r"(?:you|let)[’'](?:ll|s|re|ve|d)")

_NUMBER_WORDS = frozenset(
    {"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"}
    | {"twenty", "thirty", "forty", "fifty", "hundred"}
)


def _sentence_word(lower: str) -> bool:
    """True for a common adverb, adjective or number, which no party is named: its
    capital only opens the sentence (`names.lexicon().common_words`: seen mostly in lowercase)."""
    if lower not in lexicon().common_words:
        return False
    return lower in _NUMBER_WORDS or lower.endswith(("ly", "ical", "ic", "ive", "ous", "ful"))


_NEGATION = re.compile(r"n[’']t$")

_PARTICIPLE = re.compile(r"[a-z]{3,}(?:ed|ing)")
