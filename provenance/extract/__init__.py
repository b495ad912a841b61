"""Extraction: the sources and claims of one document, from its text alone (pure, rule-based)."""

from __future__ import annotations

import re
from bisect import bisect_right
from datetime import date, datetime

from attrs import evolve

from ..dates import resolve_date
from ..model import Claim, ClaimKind, Document, Graph, Hop, Source, SourceKind, Span, claim_id
from .attribute import Attribution, attribute_sentence, signed_post, signed_quote
from .link import Linker, acronyms_in, close_to, parse_mention
from .mentions import Mention, party_part
from .names import names_in, other_writer, tagline_author
from .quotes import CLOSING, OPENING, quote_spans
from .segment import Layout, Sentence, layout
from .vocabulary import vocabulary

__all__ = ["extract"]

_UNKNOWN_OUTLET = Source("unknown-outlet", "Unknown outlet", SourceKind.OUTLET)
_MIN_WORDS = 3
_INTERVIEW = re.compile(r"\s*(?:Q|A|Question|Answer)\s*[:.]\s")
"""A line that opens with a question or an answer label: an interview, not a first-person piece."""
_INTERVIEW_LINE = re.compile(r"\n" + _INTERVIEW.pattern)
"""`_INTERVIEW` after a line break: a pattern that opens with a literal character is looked for at
C speed, where one that opens with ``^`` (multiline) is tried at every character of the text."""
_INITIALS_ANSWER = re.compile(r"\?\n[A-Z]{1,3} (?=[A-Z\"“‘(])")
"""A question's line, then a line that opens with the initials of who answers ("...the sheriff?"
then "AD She was all in."): an interview that labels its speakers by their initials."""
_INITIALS_ANSWERS = 2
_LIVE_ENTRY = re.compile(r"\n\d{1,2}[.:]\d\d(?: ?[AaPp]\.?[Mm]\.?)? ")
"""A line that opens with a clock time ("02.10 Rescuers ...", "14:35 The minister ..."): an entry
of a live blog."""
_LIVE_ENTRIES = 3
"""Entries that make a live blog: a running file written by a desk, full of statements and posts
quoted without quotation marks, whose "I" is seldom the byline's."""


def extract(document: Document, outlet: Source | None = None) -> Graph:
    """Sources and claims of one document. Pure: text in, records out.

    Sources come outlet first, then in order of first mention; claims in document order, each with
    its chain: the outlet's hop, then the party the outlet attributes the claim to, then whom that
    party cites.
    """
    outlet = outlet or _outlet_of(document)
    text = document.text
    parts = layout(text, document.title)
    found = [(sentence, attribute_sentence(text, sentence)) for sentence in parts.sentences]
    found = _signed_quotes(text, _continue_quotes(text, found))
    headers = [(s.start, s.end) for s in parts.sentences if s.is_header]
    linker = Linker(
        outlet,
        names_in(text, headers),
        acronyms_in(text),
        [s.start for s in parts.sentences],
        text,
        headers,
        _author(document),
    )
    outlet_hop = _outlet_hop(text, parts, outlet)
    claims: list[Claim] = []
    previous: str | None = None
    covered = 0  # end of the furthest claim content so far: a quote may run over later sentences
    for sentence, attributions in found:
        is_inside_a_claim = sentence.start < covered
        is_unattributed = not (attributions or sentence.is_header or is_inside_a_claim) and _is_claim(
            text, sentence
        )
        if not (attributions or is_unattributed):
            continue  # no claim here: no date to read
        when = _date_of(text, sentence, document.published)
        if is_unattributed:
            claims.append(
                Claim(
                    claim_id(document.id, len(claims) + 1),
                    document.id,
                    text[sentence.start : sentence.end],
                    (sentence.start, sentence.end),
                    ClaimKind.UNATTRIBUTED,
                    when,
                    (outlet_hop,),
                )
            )
        for attribution in attributions:
            chain = [outlet_hop]
            if attribution.mention is None:
                if previous is None:
                    continue
                chain.append(Hop(previous, attribution.cue, attribution.cue_span))
            else:
                chain.append(
                    _linked(
                        linker,
                        attribution.mention,
                        attribution.cue,
                        attribution.cue_span,
                        attribution.content,
                    )
                )
                previous = chain[-1].source
            for cue, cue_span, mention in attribution.cited:
                chain.append(_linked(linker, mention, cue, cue_span, None))
            start, end = attribution.content
            covered = max(covered, end)
            claims.append(
                Claim(
                    claim_id(document.id, len(claims) + 1),
                    document.id,
                    text[start:end],
                    (start, end),
                    attribution.kind,
                    when,
                    tuple(chain),
                )
            )
    sources = (outlet, *(source for source in linker.settled() if source.id != outlet.id))
    return Graph(documents=(document,), sources=sources, claims=tuple(claims))


def _linked(
    linker: Linker, mention: Mention, cue: str | None, cue_span: Span | None, content: Span | None
) -> Hop:
    """The hop of a mention: the party it names, with the words that name it; a mention that names
    no party (a fragment: "After", "In a statement") is no mention, and its claim rests on an
    unresolved speaker."""
    named = party_part(mention)
    if named is None:
        if vocabulary().is_relative(mention.text):  # "who" stands for someone the text does not name
            return Hop(linker.nobody(), cue, cue_span, mention.text, mention.span)
        return Hop(linker.nobody(), cue, cue_span)
    source = linker.link(named.refers_to or named.text, named.span, content)
    words, span = _name_part(named)
    return Hop(source, cue, cue_span, words, span)


def _author(document: Document) -> str | None:
    """The article's one author, from its byline, else from an opinion piece's closing line; none
    for an interview, whose "I" outside quotations is the one who answers ("Q: ..." lines), for a
    live blog, and for a piece with a section signed by another writer (a line of only their name)."""
    if _INTERVIEW.match(document.text) or _INTERVIEW_LINE.search(document.text):
        return None
    if len(_INITIALS_ANSWER.findall(document.text)) >= _INITIALS_ANSWERS:
        return None
    if len(_LIVE_ENTRY.findall(document.text)) >= _LIVE_ENTRIES:
        return None
    if document.authors:
        author = document.authors[0] if len(document.authors) == 1 else None
    else:
        author = tagline_author(document.text)
    if author is None or other_writer(document.text, author):
        return None  # a round-up whose sections other writers sign: its "I" has no single owner
    return author


def _name_part(mention: Mention) -> tuple[str, Span]:
    """The proper name inside a described mention ("Mithal al-Alusi" in "Prominent Iraqi politician
    Mithal al-Alusi"): the words that name the source."""
    parsed = parse_mention(mention.text)
    name = parsed.name
    if name and parsed.descriptor and not close_to(parsed.descriptor):
        offset = mention.text.rfind(name)
        if offset >= 0:
            start = mention.span[0] + offset
            return name, (start, start + len(name))
    return mention.text, mention.span


def _date_of(text: str, sentence: Sentence, published: datetime | date | None) -> date | None:
    """The date the sentence's claims speak of: the first one outside its quotations, when a date
    is found at all."""
    piece = text[sentence.start : sentence.end]
    when = resolve_date(piece, published)
    if when is not None:  # say it again without the quotations, when it has any
        unquoted = _unquoted(text, sentence)
        if unquoted != piece:
            when = resolve_date(unquoted, published)
    return when


def _unquoted(text: str, sentence: Sentence) -> str:
    """The sentence with its quotations blanked: a date inside a quote is the speaker's, and often
    in the future ("The work starts Monday")."""
    parts: list[str] = []
    cursor = sentence.start
    for start, end in quote_spans(text, sentence.start, sentence.end):  # one pass: linear in the quotes
        parts.append(text[cursor:start])
        parts.append(" " * (end - start))
        cursor = end
    parts.append(text[cursor : sentence.end])
    return "".join(parts)


def _outlet_of(document: Document) -> Source:
    if document.outlet is None:
        return _UNKNOWN_OUTLET
    name = " ".join(word.capitalize() for word in document.outlet.replace("_", "-").split("-"))
    return Source(document.outlet, name, SourceKind.OUTLET)


def _outlet_hop(text: str, parts: Layout, outlet: Source) -> Hop:
    if parts.dateline is None:
        return Hop(outlet.id, "publishes")
    start, end = parts.dateline
    return Hop(outlet.id, "publishes", mention=text[start:end], mention_span=(start, end))


def _mentions(attribution: Attribution) -> list[Mention]:
    found = [attribution.mention] if attribution.mention else []
    return found + [mention for _, _, mention in attribution.cited]


def _is_claim(text: str, sentence: Sentence) -> bool:
    return len(text[sentence.start : sentence.end].split()) >= _MIN_WORDS


_LINE_END = re.compile(r"[ \t\u00a0]*(?:\n|$)")
_DASHES = ("―", "—", "–", "--")
_SPACE = " \t\u00a0"


def _quote_dashes(text: str) -> list[int]:
    """Where a dash follows a closing mark (a signed quotation may end there), in text order; found
    with str.find, many times faster than a regular expression that opens with a class."""
    found = []
    for dash in _DASHES:
        at = text.find(dash)
        while at >= 0:
            before = at
            while before > 0 and text[before - 1] in _SPACE:
                before -= 1
            if before > 0 and text[before - 1] in CLOSING:
                found.append(at)
            at = text.find(dash, at + len(dash))
    return sorted(found)


def _post_dashes(text: str) -> list[int]:
    """Where the dash before an embedded post's signature may stand ("— Ana Ruiz (@anaruiz) ...")."""
    found = []
    at = text.find("(@")
    while at >= 0:
        window = max(0, at - 64)
        dash = max(text.rfind(mark, window, at) for mark in _DASHES[:3])
        if dash >= 0:
            found.append(dash)
        at = text.find("(@", at + 2)
    return found


def _signed_quotes(
    text: str, found: list[tuple[Sentence, list[Attribution]]]
) -> list[tuple[Sentence, list[Attribution]]]:
    """A line that is one quotation signed after a dash ("“...” ― Ana Ruiz") is one claim of the
    signer, however many sentences the quotation holds and whatever they seemed to say alone."""
    quoted = _quote_dashes(text)
    posts = _post_dashes(text)
    if not quoted and not posts:
        return found
    result = found
    ends = [sentence.end for sentence, _ in found]
    for dash in sorted({*quoted, *posts}):
        index = bisect_right(ends, dash)
        if index >= len(found):
            break
        sentence = found[index][0]
        signed = signed_post(text, dash) if dash in posts else None
        if signed is not None:
            line_end = text.find("\n", dash)
            while index + 1 < len(found) and (line_end < 0 or ends[index + 1] <= line_end):
                index += 1  # the signature's own sentences go with the post
        elif sentence.is_header or not _LINE_END.match(text, sentence.end):
            continue
        else:
            signed = signed_quote(text, sentence.end)
        if signed is None:
            continue
        first = index
        while first > 0 and ends[first - 1] > signed.content[0]:
            first -= 1
        if found[first][0].is_header:
            continue
        if result is found:
            result = list(found)
        for inside in range(first, index + 1):
            result[inside] = (found[inside][0], [signed] if inside == first else [])
    return result


def _continue_quotes(
    text: str, found: list[tuple[Sentence, list[Attribution]]]
) -> list[tuple[Sentence, list[Attribution]]]:
    """A quote with no cue right after an attributed sentence goes on in that speaker's voice."""
    result: list[tuple[Sentence, list[Attribution]]] = []
    for sentence, attributions in found:
        opens = text.startswith(tuple(OPENING), sentence.start)
        if not attributions and result and not sentence.is_header and opens:
            before, earlier = result[-1]
            if earlier and not before.is_header:
                index = next((i for i, a in enumerate(earlier) if a.speaker_after), None)
                if index is not None:
                    # "'...,' X said. '...'": one quote with the speaker in the middle
                    last = earlier[index]
                    earlier[index] = evolve(
                        last, content=(last.content[0], sentence.end), speaker_after=False
                    )
                    result.append((sentence, []))
                    continue
                span: Span = (sentence.start, sentence.end)
                attributions = [Attribution(span, ClaimKind.DIRECT)]
        result.append((sentence, attributions))
    return result
