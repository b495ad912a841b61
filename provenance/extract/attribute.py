"""Attributions in a sentence: who (a mention), how (a cue) and what (a content span)."""

from __future__ import annotations

import re
from functools import cache

from attrs import evolve, frozen

from ..model import ClaimKind, Span
from .content import (
    NESTING,
    PARTICIPLE,
    after_cue,
    content_before,
    content_end,
    content_from,
    coordination,
    extend_middle_quote,
    goes_on,
    is_circumstance,
    is_tail,
    object_end,
)
from .cues import Cue, find_cues
from .mentions import (
    MAX_APPOSITION,
    MAX_SUBJECT,
    Mention,
    antecedent_of,
    appositive_subject,
    channel_at,
    follows_conjunction,
    make_mention,
    noun_phrase_before,
    party_part,
    sentence_subject,
    subject_after,
    subject_before,
)
from .names import lexicon, normal
from .quotes import CLOSING as _CLOSING
from .quotes import content_kind, is_inside, quote_spans
from .segment import Sentence, Token, tokenize
from .vocabulary import vocabulary

_SIGNATURE = re.compile(
    r"(?:[”\"’]|'')[ \t\u00a0]*(?P<dash>[―—–]|--)[ \t\u00a0]*(?P<name>[^\s,][^\n,]*?)"
    r"[ \t\u00a0.]*(?:,[^\n“”\"]*)?$"
)
"""A quote signed with its speaker's name after a dash, at the end of its line: "'...' ― Ana Ruiz",
"'...' — Charles Dickens, A Christmas Carol"."""
_MAX_SIGNATURE_WORDS = 6


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
    if not sentence.is_header and _may_hold_label(text, sentence):
        labelled = _speaker_labels(text, sentence)
        if labelled:
            return labelled
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
    according = next((c for c in cues if c.group == "according"), None)
    if according is not None and according.first > 1:
        # "... told aides that ..., according to someone in attendance": the whole sentence rests
        # on the party named last, whatever cues it holds
        attribution, until = _attribution_at(text, tokens, quotes, according, found)
        if attribution is not None:
            inner = next(
                (
                    a
                    for cue in cues
                    if cue.first < according.first and cue.group != "according"
                    for a in [_attribution_at(text, tokens, quotes, cue, [])[0]]
                    if a is not None and a.mention is not None and a.cue and a.cue_span
                ),
                None,
            )
            if inner is not None and inner.mention is not None and inner.cue and inner.cue_span:
                # the party named last vouches for the speaker: outlet → "someone in attendance" → Mook
                attribution = evolve(attribution, cited=((inner.cue, inner.cue_span, inner.mention),))
            return [attribution]
    trailing = _trailing_speech(text, tokens, quotes, cues)
    if trailing is not None:
        return [trailing]
    for index, cue in enumerate(cues):
        if cue.first <= taken_until:
            continue
        main = _after_channel(tokens, quotes, cue)
        if main is not None:
            # "In a statement issued Tuesday, the company said ...": the cue tells of the statement,
            # the clause after it of what the statement said; its own cue speaks for it when it has one
            if any(later.first >= main for later in cues[index + 1 :]):
                continue
            attribution = _channel_clause(text, tokens, quotes, cue, main)
            if attribution is not None:
                found.append(attribution)
            break
        attribution, until = _attribution_at(text, tokens, quotes, cue, found)
        if attribution is None:
            continue
        found.append(attribution)
        taken_until = max(taken_until, until)
    return found


_LABEL = re.compile(
    r"^[\"“]?(?P<name>(?:[A-Z][A-Z.’'-]+ ){0,2}[A-Z][A-Z’'-]{2,})(?P<colon>:)[ \t\u00a0]+(?=\S)",
    re.MULTILINE,
)
"""A transcript's speaker label at the start of a line: "PENCE: Well, look, ...", "JAKE TAPPER: ..."."""
_MIN_LABELS = 2


def _may_hold_label(text: str, sentence: Sentence) -> bool:
    """True when a line may open inside the sentence, with a colon after it: the cheap test before
    `_LABEL` is looked for."""
    start, end = sentence.start, sentence.end
    return text.find(":", start, end) >= 0 and (
        start == 0 or text[start - 1] == "\n" or text.find("\n", start, end) >= 0
    )


def _names_in_full(text: str, surname: str) -> bool:
    """True when the article writes ``surname`` after a capitalised word, as a person's name ("Mike
    Pence", "Gov. Pence")."""
    return re.search(r"\b[A-Z][a-z]+\.? " + re.escape(surname) + r"\b", text) is not None


def _speaker_labels(text: str, sentence: Sentence) -> list[Attribution]:
    """ "PENCE: Well, look, ...": in a transcript, a line that opens with a speaker's name in
    capitals and a colon is that speaker's, to the line's end (a quotation the segmenter keeps whole
    may run over several such lines; a line, over several sentences). Only a label the article
    gives to more than one line and to a person it names ("Mike Pence"), never a common word
    ("UPDATE:", "CORRECTION:", "VIDEO:") or a place (a dateline: "NEW DELHI:")."""
    found = []
    for match in _LABEL.finditer(text, sentence.start, sentence.end):
        name = match.group("name")
        words = tuple(normal(word) for word in name.split())
        if any(word in lexicon().common_words for word in words) or words in lexicon().places:
            continue  # "UPDATE:", and a dateline ("NEW DELHI: ...") is no speaker
        line = re.compile(r"(?:^|\n)[\"“]?" + re.escape(name) + ":")
        if sum(1 for _ in zip(range(_MIN_LABELS), line.finditer(text), strict=False)) < _MIN_LABELS:
            continue
        if not _names_in_full(text, name.split()[-1].title()):
            continue  # "RAMOS:" with no Ramos named: a label the linker would not know for a person
        end = text.find("\n", match.end())  # the label's line, past the sentence it opens
        end = len(text) if end < 0 else end
        while end > match.end() and text[end - 1].isspace():
            end -= 1
        mention = Mention(match.span("name"), name, name.title())  # "WALLACE" is Wallace
        found.append(Attribution((match.end(), end), ClaimKind.DIRECT, ":", match.span("colon"), mention))
    return found


def signed_quote(text: str, end: int) -> Attribution | None:
    """ "“We will rebuild.” ― Ana Ruiz": a line that is one quotation and the name of whoever said it
    after a dash (lists of readers' or voters' words, epigraphs, pull quotes). ``end`` is where the
    line's last sentence ends; the content is the quotation from the mark that opens the line."""
    line_start = text.rfind("\n", 0, end) + 1
    match = _SIGNATURE.search(text, line_start, end)
    if match is None:
        return None
    opening = line_start
    while opening < match.start() and text[opening] in " \t\u00a0":
        opening += 1
    if opening >= match.start() or text[opening] not in _OPENS_A_LINE:
        return None  # "... he said ― and more": the quotation must open the line
    name = match.group("name")
    if not _is_signature(name):
        return None
    close = match.start() + (2 if text.startswith("''", match.start()) else 1)
    content = (opening, close)
    mention = Mention(match.span("name"), name)
    return Attribution(content, ClaimKind.DIRECT, match.group("dash"), match.span("dash"), mention)


_POST_SIGNATURE = re.compile(
    r"(?P<dash>[―—–])[ \u00a0]*(?P<name>[^\n(<]{1,60}?)[ \u00a0]*\((?P<handle>@\w{1,20})\)[ \u00a0]*"
    r"[A-Z][a-z]+\.? \d{1,2}, \d{4}[ \u00a0]*(?:</\w+>)?[ \u00a0.]*(?:\n|$)"
)
"""The line an embedded post ends with: "— Ana Ruiz (@anaruiz) June 28, 2016"."""
_MARKUP = re.compile(r"[ \t\u00a0]*(?:<[^>\n]*>[ \t\u00a0]*)?")
_MIN_POST_WORDS = 3


def signed_post(text: str, dash: int) -> Attribution | None:
    """ "Rebuild the pier now! — Ana Ruiz (@anaruiz) June 28, 2016": an embedded post (a tweet) as a
    page renders it, its text then its author's name, handle and date; the text is the author's."""
    match = _POST_SIGNATURE.match(text, dash)
    if match is None:
        return None
    name, name_span = match.group("name"), match.span("name")
    if len(name.replace(".", "")) < 2:
        name, name_span = (
            match.group("handle"),
            match.span("handle"),
        )  # "— J (@jealousay)": a letter names no one
    elif not _is_signature(name):
        return None
    line_start = text.rfind("\n", 0, dash) + 1
    start = _MARKUP.match(text, line_start)
    opening = start.end() if start else line_start
    end = dash
    while end > opening and text[end - 1] in " \t\u00a0":
        end -= 1
    if len(text[opening:end].split()) < _MIN_POST_WORDS:
        return None
    content = (opening, end)
    kind = ClaimKind.DIRECT
    return Attribution(content, kind, match.group("dash"), match.span("dash"), Mention(name_span, name))


_OPENS_A_LINE = frozenset({"“", "”", '"', "'"})
"""Marks that open a quotation at the start of a line: some pages open with a closing mark."""


def _is_signature(name: str) -> bool:
    """A person's or a party's name alone: capitalised words and initials, name particles between."""
    words = name.split()
    if not 0 < len(words) <= _MAX_SIGNATURE_WORDS:
        return False
    particles = vocabulary().name_particles
    if words[-1].lower() in particles:
        return False
    return all(
        (word[:1].isupper() and not any(ch.isdigit() for ch in word)) or word.lower() in particles
        for word in words
    )


def _after_channel(tokens: list[Token], quotes: list[Span], cue: Cue) -> int | None:
    """Where the main clause begins when ``cue`` follows a channel that opens the sentence ("In a
    statement issued Tuesday, ...", "In a statement announcing the pick, ..."), else None."""
    words = vocabulary()
    start = 0
    while start < cue.first and tokens[start].lower in words.leading_drop:
        start += 1
    length = channel_at(tokens, start)
    if not length or start + length != cue.first:
        return None
    comma = next((i for i in range(cue.last, len(tokens)) if tokens[i].text == ","), None)
    if comma is None or is_inside(tokens[comma].start, quotes):
        return None
    return comma + 1


def _channel_clause(
    text: str, tokens: list[Token], quotes: list[Span], cue: Cue, main: int
) -> Attribution | None:
    """ "In a statement issued Tuesday, Jane Doe was more circumspect ...": the clause is what the
    statement conveyed, and its subject is who issued it."""
    mention = sentence_subject(text, tokens)
    content = content_from(text, tokens, quotes, main)
    if mention is None or content is None or mention.span[0] < tokens[main].start:
        return None
    cue_span = (tokens[cue.first].start, tokens[cue.last - 1].end)
    return _make(text, quotes, content, text[cue_span[0] : cue_span[1]], cue_span, mention)


def _may_attribute(text: str, sentence: Sentence) -> bool:
    piece = text[sentence.start : sentence.end]
    if "ccording" in piece or (sentence.is_header and ":" in piece):
        return True
    if sentence.is_header:  # headlines capitalise their verbs: "County Says Trump Should Win"
        piece = piece.lower()
    # its runs of lowercase letters, as [a-z]+ would find them, in three C calls: no byte of a
    # character beyond ASCII in UTF-8 is an ASCII letter
    runs = piece.encode("utf-8", "surrogatepass").translate(_LOWERCASE_ONLY).split()
    return not _cue_words().isdisjoint(runs)


_LOWERCASE_ONLY = bytes(code if ord("a") <= code <= ord("z") else ord(" ") for code in range(256))
"""A byte table that blanks every byte but the ASCII lowercase letters."""


@cache
def _cue_words() -> frozenset[bytes]:
    """The words a cue may begin with, in UTF-8."""
    return frozenset(word.encode() for word in vocabulary().cue_words)


_OUTRANKED_GROUPS = frozenset({"report"})
"""Cue groups that a speaker named at the sentence's end outranks: what was found or shown is
part of what the speaker says."""


def _trailing_speech(
    text: str, tokens: list[Token], quotes: list[Span], cues: list[Cue]
) -> Attribution | None:
    """ "Searchers had found nothing, Tjahjanto told Reuters.": a speech cue that closes the sentence,
    its speaker after the content, vouches for the whole sentence; a verb of finding or showing
    inside it is part of what the speaker says, not a claim of its own. None when another speech or
    stance cue comes before it, or the content does not take in every earlier cue."""
    if (
        len(cues) < 2
        or cues[-1].group != "speech"
        or any(c.group not in _OUTRANKED_GROUPS for c in cues[:-1])
    ):
        return None
    attribution, _ = _attribution_at(text, tokens, quotes, cues[-1], [])
    if (
        attribution is None
        or not attribution.speaker_after
        or attribution.cue_span is None
        or attribution.content[0] > tokens[cues[0].first].start
        or attribution.content[1] > attribution.cue_span[0]
    ):
        return None
    return attribution


def _attribution_at(
    text: str, tokens: list[Token], quotes: list[Span], cue: Cue, found: list[Attribution]
) -> tuple[Attribution | None, int]:
    cue_words = text[tokens[cue.first].start : tokens[cue.last - 1].end]
    cue_span = (tokens[cue.first].start, tokens[cue.last - 1].end)
    if cue.group == "according":
        return _according_to(text, tokens, quotes, cue, cue_words, cue_span)
    if cue.is_passive:
        return _passive(text, tokens, quotes, cue, cue_words, cue_span)
    subject = subject_before(tokens, cue.first)
    if subject is None:
        subject = appositive_subject(tokens, cue.first)
    if subject is None:
        inherited = found[-1].mention if found else None
        if follows_conjunction(tokens, cue.first):
            # "X pointed out that ... and stressed that ...": the second cue shares the subject
            content = content_from(text, tokens, quotes, after_cue(tokens, cue))
            if inherited is None:
                inherited = sentence_subject(text, tokens)
                clause = _new_clause(tokens, inherited.span[1], cue.first) if inherited else None
                if clause is not None:
                    # "As the crowd chanted, Silverman was joined by Franken and joked": the cue shares
                    # the subject of the clause it ends, not the sentence's first one
                    inherited = make_mention(text, tokens, clause)
            if content is None or inherited is None:
                return None, -1
            return _make(text, quotes, content, cue_words, cue_span, inherited), len(tokens)
        if (
            PARTICIPLE.search(tokens[cue.first].lower)
            and cue.first > 0
            and tokens[cue.first - 1].text in {",", "—", "–"}
        ):
            # "..., adding that ...": the participle continues the sentence's speaker
            content = content_from(text, tokens, quotes, after_cue(tokens, cue))
            inherited = inherited or sentence_subject(text, tokens)
            if content is None or inherited is None:
                return None, -1
            return _make(text, quotes, content, cue_words, cue_span, inherited), len(tokens)
        if cue.group != "speech" or tokens[cue.first].lower in vocabulary().object_cues:
            return None, -1  # "..., told The Huffington Post": the listener, not the speaker
        # "'...,' said X" — the speaker follows the cue, the content precedes it
        named, rest = subject_after(tokens, cue.last)
        content = content_before(text, tokens, cue.first)
        if (
            named is None
            or content is None
            or (rest < len(tokens) and tokens[rest].lower in vocabulary().verb_marks)
        ):
            return None, -1  # "..., said it was opposed": "it" opens what was said, it does not say it
        whole = extend_middle_quote(text, tokens, quotes, content, rest)
        if whole == content and goes_on(tokens, rest + 1):
            whole = (content[0], content_end(tokens))  # "The contrast, said Doyle, would be clear."
        attribution = _make(
            text,
            quotes,
            whole,
            cue_words,
            cue_span,
            make_mention(text, tokens, named),
            (),
            content,
            speaker_after=True,
        )
        return attribution, rest
    first, last = subject
    if _concessive(tokens, first, last, cue):
        return None, -1
    mention = make_mention(text, tokens, subject)
    if last - first == 1 and tokens[first].lower in vocabulary().relative_pronouns:
        antecedent = antecedent_of(text, tokens, first)
        mention = Mention(mention.span, mention.text, antecedent.text if antecedent else None)
    elif (
        last == cue.first
        and tokens[last - 1].lower in _GERUND_ADJUNCTS
        and tokens[cue.first].lower.endswith("ing")
    ):
        # "Ruiz opened the session by saying ...", "Ryan, despite admitting ...": the gerund is said by
        # the subject the sentence opens with, not by the words before "by"
        mention = _opening_party(text, tokens, cue.first - 1) or mention
    quoted, past = _quoted_as(text, tokens, cue)
    # "The paper quoted Salinas as saying that ...": the content is what she said
    after = past if quoted else after_cue(tokens, cue)
    content_after = content_from(text, tokens, quotes, after)
    tail_is_empty = content_after is None or is_tail(tokens, after) or is_circumstance(tokens, cue, after)
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
        content = content_before(text, tokens, first)
        if content is not None:
            whole = extend_middle_quote(text, tokens, quotes, content, after)
            if not quote_before and whole == content and goes_on(tokens, after, opener=first <= 4):
                # "Cost estimates, he added, were based on a prototype."
                whole = (content[0], content_end(tokens))
            cited = quoted or _citing(text, tokens, cue.last, len(tokens))
            until = len(tokens) if cited or whole != content else cue.last - 1
            attribution = _make(
                text,
                quotes,
                whole,
                cue_words,
                cue_span,
                mention,
                cited,
                content,
                speaker_after=whole == content,
            )
            return attribution, until
    if content_after is None or last - first > MAX_SUBJECT + MAX_APPOSITION:
        return None, -1
    end = coordination(tokens, quotes, after)
    if cue.group == "stance":
        end = object_end(tokens, quotes, after, end)
    if end is not None and tokens[end - 1].end <= content_after[0]:
        end = None  # "agreed, but also contended that ...": nothing of its own before the next cue
    if end is not None:
        content_after = (content_after[0], tokens[end - 1].end)
    cited = quoted or _citing(text, tokens, cue.last, after)
    if not cited:
        content_after, cited = _trailing_citation(text, tokens, quotes, content_after, after)
    attribution = _make(text, quotes, content_after, cue_words, cue_span, mention, cited)
    return attribution, (end - 1 if end is not None else len(tokens))


_GERUND_ADJUNCTS = frozenset({"by", "despite"})


def _new_clause(tokens: list[Token], start: int, cue: int) -> tuple[int, int] | None:
    """The subject of the last clause that opens after a comma between offset ``start`` and token
    ``cue`` with a name or a pronoun and a form of "be" (", Ana Ruiz was ...", ", she was ..."): a cue
    after "and" shares that clause's subject rather than the sentence's. None when no clause does; a
    description after a comma may be an apposition ("When Jo Doe, Doe's lawyer was asked")."""
    words = vocabulary()
    for i in range(cue - 1, 1, -1):
        if tokens[i].lower not in words.be_forms or tokens[i - 1].start < start:
            continue
        subject = subject_before(tokens, i)
        if subject is None or subject[1] != i or tokens[subject[0] - 1].text != ",":
            continue
        named = tokens[subject[0] : subject[1]]
        if named[0].start < start:
            continue
        if (len(named) == 1 and named[0].lower in words.subject_pronouns) or all(
            t.text[:1].isupper() and not t.lower.endswith(("'s", "’s")) for t in named
        ):
            return subject  # a name or a pronoun: never "Doe's campaign manager", an apposition
    return None


def _concessive(tokens: list[Token], first: int, last: int, cue: Cue) -> bool:
    """ "As improbable as it may seem, Clarke said ...": an empty "it" and an impersonal verb after
    "as" make a concessive clause, which says nothing of its own; the sentence's claim follows it."""
    return (
        last - first == 1
        and first > 0
        and tokens[first].lower == "it"
        and tokens[first - 1].lower == "as"
        and tokens[cue.first].lower in vocabulary().impersonal_verbs
    )


def _opening_party(text: str, tokens: list[Token], end: int) -> Mention | None:
    """The subject the sentence opens with, when it names a party and its clause runs on to token
    ``end``: a name or a personal pronoun, not a possessive ("Japan's"), an article, "It's" or a place,
    and no relative pronoun, form of "be" or conjunction between ("Trump, who last week ... by")."""
    mention = sentence_subject(text, tokens)
    if mention is None or mention.span[1] > tokens[end].start:
        return None
    words = vocabulary()
    between = (token.lower for token in tokens[:end] if token.start >= mention.span[1])
    if any(w in words.relative_pronouns or w in words.be_forms or w in words.conjunctions for w in between):
        return None  # "Clerks would be allowed to deny licenses by asserting": another clause
    named = mention.text.split()
    head = named[0].lower()
    if mention.text.endswith(("'s", "’s", "'")) or head in words.no_party_words:
        return None  # "Japan's", "It's"
    if head in words.determiners and (len(named) == 1 or not named[1][:1].isupper()):
        return None  # "A", "Both", "some voters": the sentence subject is no named party
    if len(named) == 1 and head not in words.subject_pronouns and not named[0][:1].isupper():
        return None
    if tuple(w.lower().rstrip(".") for w in named) in lexicon().places:
        return None  # "In Denver, Colo., the graduate ended her speech by": no place speaks
    return mention if party_part(mention) is not None else None


def _make(
    text: str,
    quotes: list[Span],
    content: Span,
    cue_words: str,
    cue_span: Span,
    mention: Mention,
    cited: tuple[tuple[str, Span, Mention], ...] = (),
    first_part: Span | None = None,
    *,
    speaker_after: bool = False,
) -> Attribution:
    """An attribution; ``first_part`` is the quote before the speaker when the content runs on after it
    ("'...,' X said, '...'"), which is direct speech however the halves are joined. Built by its
    constructor, never `attrs.evolve`d in the hot loop: evolve is several times dearer."""
    kind = content_kind(text, first_part or content, quotes)
    return Attribution(content, kind, cue_words, cue_span, mention, cited, speaker_after)


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
    if len(name) == 2 and name[0].lower == "the" and name[1].lower in lexicon().common_words:
        return None  # "The Latest: ...": a series label, not a party
    content = (tokens[colon + 1].start, tokens[-1].end)
    mention = make_mention(text, tokens, (0, colon))
    return Attribution(
        content, content_kind(text, content, quotes), ":", (tokens[colon].start, tokens[colon].end), mention
    )


def _passive(
    text: str, tokens: list[Token], quotes: list[Span], cue: Cue, cue_words: str, cue_span: Span
) -> tuple[Attribution | None, int]:
    """ "He was accused by a reporter of ...": the party after "by", what it said about the subject."""
    named, rest = subject_after(tokens, cue.last + 1)
    start = cue.first
    words = vocabulary()
    while start > 0 and (
        tokens[start - 1].lower in words.auxiliaries or tokens[start - 1].lower.endswith("ly")
    ):
        start -= 1
    subject = noun_phrase_before(tokens, start)
    if named is None or subject is None:
        return None, -1
    content = (tokens[subject[0]].start, tokens[subject[1] - 1].end)
    return _make(text, quotes, content, cue_words, cue_span, make_mention(text, tokens, named)), rest


def _according_to(
    text: str, tokens: list[Token], quotes: list[Span], cue: Cue, cue_words: str, cue_span: Span
) -> tuple[Attribution | None, int]:
    named, rest = subject_after(tokens, cue.last)
    if named is None:
        return None, -1
    mention = make_mention(text, tokens, named)
    if rest < len(tokens) and tokens[rest].text == ",":
        rest += 1
    if cue.first <= 1 and rest < len(tokens):
        # "According to X, the convoy was spotted ..."
        content: Span | None = content_from(text, tokens, quotes, rest)
    else:
        content = content_before(text, tokens, cue.first)
        if (
            content is not None
            and rest < len(tokens)
            and tokens[rest - 1].text == ","
            and (rest + 2 < len(tokens))
        ):
            content = (content[0], content_end(tokens))  # "Fundraising, according to X, has surged."
    if content is None:
        return None, -1
    return Attribution(content, ClaimKind.ACCORDING_TO, cue_words, cue_span, mention), len(tokens)


@cache
def _party_words() -> frozenset[str]:
    words = vocabulary()
    keywords = {word for _, kind_words in words.kinds for word in kind_words}
    return frozenset({*keywords, *words.anonymous, *words.name_particles})


_QUOTE_FORMS = frozenset({"quote", "quotes", "quoted"})
_AS_SAYING = frozenset({"saying", "telling", "writing"})


def _quoted_as(text: str, tokens: list[Token], cue: Cue) -> tuple[tuple[tuple[str, Span, Mention], ...], int]:
    """ "local newspapers quote Salinas as saying": the papers are the channel, the quoted party the
    speaker (a further hop), and where what she said begins; ``()`` when the cue is no such quote."""
    if tokens[cue.first].lower not in _QUOTE_FORMS:
        return (), cue.last
    named, rest = subject_after(tokens, cue.last)
    if named is None or rest + 1 >= len(tokens) or tokens[rest].lower != "as":
        return (), cue.last
    if tokens[rest + 1].lower not in _AS_SAYING:
        return (), cue.last
    span = (tokens[rest].start, tokens[rest + 1].end)
    past = rest + 2
    if past < len(tokens) and tokens[past].text in {",", ":"}:
        past += 1
    return ((text[span[0] : span[1]], span, make_mention(text, tokens, named)),), past


def _citing(text: str, tokens: list[Token], start: int, end: int) -> tuple[tuple[str, Span, Mention], ...]:
    """ "..., citing local sources, ..." right after the cue: the party the source relies on."""
    for probe in range(start, min(end, len(tokens))):
        if tokens[probe].lower in NESTING:
            named, _ = subject_after(tokens, probe + 1)
            if named is not None:
                cue = tokens[probe]
                return ((cue.text, (cue.start, cue.end), make_mention(text, tokens, named)),)
    return ()


def _trailing_citation(
    text: str, tokens: list[Token], quotes: list[Span], content: Span, start: int
) -> tuple[Span, tuple[tuple[str, Span, Mention], ...]]:
    """ "... doubled last week, citing local officials.": cut the citation off the content."""
    for index in range(start + 2, len(tokens) - 1):
        if (
            tokens[index].lower in NESTING
            and tokens[index - 1].text == ","
            and not is_inside(tokens[index].start, quotes)
        ):
            cited = _citing(text, tokens, index, index + 1)
            if cited:
                return (content[0], tokens[index - 2].end), cited
    return content, ()
