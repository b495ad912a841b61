"""Proper names in a document: every person and organisation the text names, where, and the title,
role and gender clues around each, so that linking can name a source by the fullest form the article
gives anywhere, resolve "the senator" to the senator, and keep apart two people who share a surname.

One pass of one regular expression over the text (linear in its length) finds runs of capitalised
words; each run is cut into names: function words ("The", "But") and titles ("Sen.", "President")
come off the front, connectors ("of", "and") split a person from what follows ("Mr. Morgan of the
Sierra Club") but stay inside an organisation's name ("Department of Veterans Affairs").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from functools import cache, lru_cache, partial
from importlib import resources
from itertools import compress, pairwise
from typing import NamedTuple

from attrs import frozen

from ..model import SourceKind, Span
from .vocabulary import kind_keywords, kind_words, vocabulary

_NAME_WORD = r"(?:[A-Z][\w’'.&-]*|(?:al|el|bin|ibn|abu|bint)-[A-Z][\w’'.-]*)"
_CONNECTOR = r"(?:of|for|and|the|on|to|de|del|della|da|di|du|van|von|der|den|bin|ibn|al|la|le|&)"
_FIRST_NAME_WORD = (
    r"[A-Zabei](?<![\w’'-].)"  # a character class first lets the engine skip ahead to where a run may start
    r"(?:(?<=[A-Z])[\w’'.&-]*|(?<=[ae])l-[A-Z][\w’'.-]*|(?<=b)int?-[A-Z][\w’'.-]*"
    r"|(?<=i)bn-[A-Z][\w’'.-]*|(?<=a)bu-[A-Z][\w’'.-]*)"
)
"""`_NAME_WORD` not after a word character, written so that it opens with its first character."""
_NICKNAME = r"(?:[“\"][A-Z][\w’'.-]*[”\"][ \t\u00a0]+)?"
"""A one-word nickname in quotation marks between a first name and a surname (Joko “Jokowi” Widodo):
inside the run, so that `_pieces` can drop it and keep the name whole."""
_RUN_TAIL = rf"(?:[ \t\u00a0]+(?:{_CONNECTOR}[ \t\u00a0]+)*{_NICKNAME}{_NAME_WORD})*"
_RUN = re.compile(_FIRST_NAME_WORD + _RUN_TAIL)
_CAPITAL_RUN = re.compile(r"[A-Z](?<![\w’'-].)[\w’'.&-]*" + _RUN_TAIL)
"""`_RUN` for a text where no run can open with a particle: the engine stops only at capitals, not
at every "a", "b", "e" and "i" (a third faster over the PolNeAR texts)."""
_PARTICLE_OPENING = re.compile(r"-(?<=(?:al|el|in|nt|bn|bu)-)[A-Z]")
"""Where a run may open with "al-", "el-", "bin-", "bint-", "ibn-" or "abu-" (and more): one literal
"-" to look for, so that the search skips to hyphens at C speed."""
_TOKEN = re.compile(r"\S+")
_INITIAL = re.compile(r"[A-Z]\.(?:[A-Z]\.)*$")
_POSSESSIVE = ("’s", "'s", "’", "'")
_JOINING = frozenset({"of", "for", "on", "the", "to", "&"})
_SENTENCE_END = frozenset(".!?:\n\r\u2028\u2029")
_OPENERS = frozenset(" \t\u00a0“‘\"'([")
_ROLE_STOP = re.compile(r"[,;:.!?()“”\"—–\n\r]")
_MAX_ROLE_WORDS = 5
_MAX_APPOSITION_WORDS = 10
_ROLE_WORD = re.compile(r"[\w’'.-]+")
_QUOTE_MARKS = frozenset('“"')


class Name(NamedTuple):
    """One place where the text names a party (a named tuple: the linker makes many)."""

    span: Span
    """The name's words, titles and articles excluded ("Ted Cruz" in "Sen. Ted Cruz")."""
    words: tuple[str, ...]
    """The name's words as written, a possessive "'s" and a closing period dropped."""
    title: str | None = None
    """The title written before it ("Sen.", "Mrs.", "President"), if any."""
    lead: int = -1
    """Where the words that qualify it begin: its modifiers and title ("Indiana Gov."); see `roles_of`."""
    gender: str | None = None
    """"m" or "f" when the title or the first name says so."""
    is_person: bool = False
    """True when a title or a first name shows a person."""
    possessive: bool = False
    """True for "Clinton's"."""

    @property
    def text(self) -> str:
        """The name as one string."""
        return " ".join(self.words)


_NO_NAME = Name((-1, -1), ())
_new_name = partial(tuple.__new__, Name)
"""`Name` from a 7-tuple, in C (the named tuple's own constructor is Python code)."""
_VERB_FORM = re.compile(r"^[a-z]{4,}(?:ing|ed)$")
"""A participle opening a sentence ("Injecting", "Chastened") is no name."""


@frozen
class Lexicon:
    """The entity linker's word lists (``data/entities.json`` and ``data/first_names.tsv``)."""

    gendered_titles: dict[str, str]
    role_forms: dict[str, str]
    modifier_forms: dict[str, str]
    not_name_words: frozenset[str]
    organisation_nouns: frozenset[str]
    role_qualifiers: frozenset[str]
    topic_roles: frozenset[str]
    """Offices and callings that name an article's main person again ("the GOP nominee")."""
    document_modifiers: frozenset[str]
    document_families: dict[str, frozenset[str]]
    """Each document noun → the nouns that may name the same document again ("ad" → video, clip ...)."""
    document_verbs: tuple[tuple[str, ...], ...]
    """Words between a document's owner and its noun ("a Bloomberg national poll")."""
    organisation_synonyms: dict[str, str]
    """Nouns for an organisation the text names with another noun ("team" → "campaign")."""
    role_premodifiers: frozenset[str]
    """Lowercase words that qualify a role before a name ("communications director Jo Doe")."""
    possessive_pronouns: frozenset[str]
    """ "his", "her", "its", "their": what they stand before belongs to the one they stand for."""
    role_kin: dict[str, frozenset[str]]
    """Other role words or organisation head nouns a role noun also names ("judge": justice)."""
    political_parties: frozenset[str]
    calendar_words: frozenset[str]
    time_words: frozenset[str]
    name_suffixes: frozenset[str]
    place_nouns: frozenset[str]
    honorifics: frozenset[str]
    """Titles that only stand before a surname ("Mr.", "Dr."), periods dropped."""
    opening_words: frozenset[str]
    """First words of a phrase that may open a sentence before its subject ("In June, ...")."""
    stranger_nouns: frozenset[str]
    """Nouns for a person the news describes and seldom names ("the extortionist", "a man")."""
    particles: frozenset[str]
    """Lowercase particles inside names ("de", "bin"), from words.json's ``name_particles``."""
    pronouns: dict[str, str]
    first_names: dict[str, str]
    places: frozenset[tuple[str, ...]]
    """Countries, states and cities (``data/places.txt``), as tuples of `normal` words."""
    common_words: frozenset[str]
    """Common lowercase English words (``data/common_words.txt``)."""


@cache
def lexicon() -> Lexicon:
    """The linker's word lists, read once."""
    import json

    package = resources.files(__package__)
    data = json.loads(package.joinpath("data", "entities.json").read_text(encoding="utf-8"))
    first_names: dict[str, str] = {}
    for line in package.joinpath("data", "first_names.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, _, gender = line.partition("\t")
            first_names[name] = gender
    places = frozenset(
        tuple(normal(w) for w in line.split())
        for line in package.joinpath("data", "places.txt").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    )
    common = frozenset(
        line.strip()
        for line in package.joinpath("data", "common_words.txt").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    )
    return Lexicon(
        gendered_titles=dict(data["gendered_titles"]),
        role_forms=dict(data["role_forms"]),
        modifier_forms=dict(data["modifier_forms"]),
        not_name_words=frozenset(data["not_name_words"]),
        organisation_nouns=frozenset(data["organisation_nouns"]),
        role_qualifiers=frozenset(data["role_qualifiers"]),
        topic_roles=frozenset(data["topic_roles"]),
        document_modifiers=frozenset(data["document_modifiers"]),
        document_families={
            noun: frozenset(family) for family in data["document_families"] for noun in family
        },
        document_verbs=tuple(tuple(verb.split()) for verb in data["document_verbs"]),
        organisation_synonyms=dict(data["organisation_synonyms"]),
        role_premodifiers=frozenset(data["role_premodifiers"]),
        possessive_pronouns=frozenset(data["possessive_pronouns"]),
        role_kin={role: frozenset(kin) for role, kin in data["role_kin"].items()},
        political_parties=frozenset(data["political_parties"]),
        calendar_words=frozenset(data["calendar_words"]),
        time_words=frozenset(data["time_words"]),
        name_suffixes=frozenset(data["name_suffixes"]),
        place_nouns=frozenset(data["place_nouns"]),
        honorifics=frozenset(data["honorifics"]),
        opening_words=frozenset(data["opening_words"]),
        stranger_nouns=frozenset(data["stranger_nouns"]),
        particles=frozenset(p.rstrip("-") for p in vocabulary().name_particles),
        pronouns=dict(data["pronouns"]),
        first_names=first_names,
        places=places,
        common_words=common,
    )


@lru_cache(maxsize=16384)
def normal(word: str) -> str:
    """A word as the linker compares it: lowercase, curly apostrophe straight, closing period off."""
    return word.lower().replace("’", "'").rstrip(".")


def role_word(word: str) -> str:
    """A role or modifier word in one form ("Sen." → "senator", "GOP" → "republican")."""
    lex = lexicon()
    key = normal(word)
    return lex.role_forms.get(key) or lex.modifier_forms.get(key) or key


def is_title(word: str, following: str | None = None) -> bool:
    """True for a title or honorific ("Sen.", "President"), or the first word of a two-word one."""
    titles = vocabulary().titles
    key = normal(word)
    if key in titles or f"{key}." in titles:
        return True
    return following is not None and f"{key} {normal(following)}" in titles


def first_name_gender(word: str) -> str | None:
    """ "m" or "f" for a first name readers agree on, else None."""
    return lexicon().first_names.get(normal(word))


def takes_nickname(word: str) -> bool:
    """True for a word a quoted nickname may follow inside a name ("Joko “Jokowi” Widodo"): a first
    name, not a common word ("Channel Nine "Evening" Report"), a title, an acronym or an organisation's
    word."""
    key = normal(word)
    return (
        word[:1].isupper()
        and not word.isupper()
        and key not in lexicon().common_words
        and not is_title(word)
        and not _has_organisation_word(key)
    )


def gender_of(words: Sequence[str], title: str | None, roles: Iterable[str] = ()) -> str | None:
    """A person's gender from the title, a gendered role noun, or the first name."""
    lex = lexicon()
    if title:
        for part in title.split():
            gender = lex.gendered_titles.get(normal(part))
            if gender:
                return gender
    for role in roles:
        gender = lex.gendered_titles.get(role)
        if gender:
            return gender
    given = [w for w in words if not _INITIAL.match(w)]
    if len(given) >= 2:
        gender = first_name_gender(given[0])
        if len(given) >= 3 and gender is not None and first_name_gender(given[1]) not in (None, gender):
            return None  # "Marine John Tiegen": a word before the first name, or two names that disagree
        return gender
    return None


def names_in(text: str, skip: Sequence[Span] = ()) -> list[Name]:
    """Every name in ``text`` in text order, except inside the ``skip`` spans (headlines, where title
    case makes every word look like a name). Linear in the length of the text."""
    found: list[Name] = []
    initial_only: list[int] = []
    seen_inside: set[str] = set()
    matches = list((_RUN if _PARTICLE_OPENING.search(text) else _CAPITAL_RUN).finditer(text))
    if skip:
        # the runs of a headline are dropped before they are cut into names: title case makes each
        # one a run of its own, which no other document shares
        starts = [s for s, _ in skip]
        matches = [match for match in matches if not _within(match.start(), skip, starts)]
    runs = list(map(_run_names, map(re.Match.group, matches)))
    # a quarter of the runs name nobody ("The", "But"): passed over in C, not in the loop
    for match, names in compress(zip(matches, runs, strict=True), runs):
        start = match.start()
        # only the run's first name may open it (lead 0) untitled: whether the run opens a sentence
        # is asked only then
        title, lead = names[0][2:4]
        opens = lead == 0 and not title and opens_sentence(text, start)
        for (begin, end), words, title, lead, gender, is_person, possessive, keys in names:
            if opens and lead == 0 and not title:
                initial_only.append(len(found))
                seen_inside.update(keys[1:])
            else:
                seen_inside.update(keys)
            found.append(
                _new_name(
                    ((begin + start, end + start), words, title, lead + start, gender, is_person, possessive)
                )
            )
    # A common word that only ever opens sentences ("Officials", "Unlike Acme") is no name unless a
    # first name or an organisation's noun shows it is one.
    common = lexicon().common_words
    for position in initial_only:
        name = found[position]
        first = normal(name.words[0])
        if first in seen_inside or first_name_gender(first) is not None or _has_organisation_word(first):
            continue
        if first not in common and not _VERB_FORM.search(first):
            continue
        if len(name.words) == 1:
            found[position] = _NO_NAME
            continue
        start = text.find(name.words[1], name.span[0] + len(name.words[0]))
        found[position] = Name(
            (start, name.span[1]), name.words[1:], None, start, None, name.is_person, name.possessive
        )
    found = [name for name in found if name is not _NO_NAME and not _modifies_possessed(text, name)]
    return _join_firms(text, found) if "s " in text and any(n.possessive for n in found) else found


_FIRM_SUFFIXES = frozenset({"inc", "corp", "llc", "ltd", "plc", "co"})


def _join_firms(text: str, found: list[Name]) -> list[Name]:
    """A firm named for its founder keeps the possessive inside its name once the text gives it a
    company suffix: "Moody’s Analytics Inc." makes "Moody’s Analytics" one name, not "Moody" and
    "Analytics", there and wherever else the text writes it."""
    pairs = [
        (a, b) for a, b in pairwise(found) if a.possessive and text[a.span[1] : b.span[0]] in ("’s ", "'s ")
    ]
    firms = {
        (a.words, b.words[:-1])
        for a, b in pairs
        if len(b.words) > 1 and normal(b.words[-1]) in _FIRM_SUFFIXES
    }
    if not firms:
        return found
    joined = {
        id(a): (a, b) for a, b in pairs if (a.words, b.words) in firms or (a.words, b.words[:-1]) in firms
    }
    dropped = {id(b) for _, b in joined.values()}
    out = []
    for name in found:
        if id(name) in dropped:
            continue
        if id(name) in joined:
            a, b = joined[id(name)]
            words = (*a.words[:-1], text[a.span[0] : b.span[0]].split()[-1], *b.words)
            name = Name((a.span[0], b.span[1]), words, None, a.span[0], None, False, b.possessive)
        out.append(name)
    return out


_POSSESSOR_BEFORE = re.compile(r"\b(\w+)[ \t\u00a0]+$")
_LOWER_WORD_AFTER = re.compile(r"[ \t\u00a0]+[a-z]")


def _modifies_possessed(text: str, name: Name) -> bool:
    """True for an untitled first name and surname that modify a noun a pronoun possesses ("her Santa
    Barbara home", "his Tom Ford suit"): a place or a brand there, never a person the text names."""
    if not name.is_person or name.title or name.possessive:
        return False
    start, end = name.span
    if not _LOWER_WORD_AFTER.match(text, end):
        return False
    before = _POSSESSOR_BEFORE.search(text, max(0, start - 8), start)
    return before is not None and before.group(1).lower() in lexicon().possessive_pronouns


def _within(position: int, spans: Sequence[Span], starts: Sequence[int]) -> bool:
    """True when ``position`` falls inside one of ``spans`` (in text order; ``starts`` their starts)."""
    index = bisect_right(starts, position) - 1
    return index >= 0 and position < spans[index][1]


_TAGLINE = re.compile(
    r"(?:[—–-]\s*)?([A-Z][\w’'-]+(?: [A-Z]\.)*(?: [A-Z][\w’'-]+){1,2}),? (?:is|was|has been|writes|teaches) "
)
_MAX_TAGLINE = 400


_NAME_LINE = re.compile(r"\n([A-Z][\w’'-]+(?: [A-Z]\.)*(?: [A-Z][\w’'-]+){1,2})\n")


def other_writer(text: str, author: str) -> bool:
    """True when a line of ``text`` is only a person's full name (a first name readers agree on,
    then a surname) other than ``author``'s: a section another writer signs, as in a round-up
    where several experts each write a part under their name."""
    return any(
        match.group(1) != author and first_name_gender(match.group(1).split()[0]) is not None
        for match in _NAME_LINE.finditer(text)
    )


def tagline_author(text: str) -> str | None:
    """The author an opinion piece names in its closing line ("Jane Doe is a professor of history
    at Lakeside College."), when that line opens with a person's full name (a first name readers
    agree on, then a surname); None otherwise."""
    last = text.rstrip()
    last = last[last.rfind("\n") + 1 :].strip()
    if not last or len(last) > _MAX_TAGLINE:
        return None
    match = _TAGLINE.match(last)
    if match is None or first_name_gender(match.group(1).split()[0]) is None:
        return None
    return match.group(1)


def roles_of(text: str, name: Name) -> frozenset[str]:
    """Lowercase words that say what the named party is, in their `role_forms`: from its title and
    modifiers ("Indiana Gov."), the words before it ("Republican presidential nominee") and an
    apposition after it ("the Indiana governor"). Read only when a description needs them."""
    honorifics = lexicon().gendered_titles
    lead = name.lead if name.lead >= 0 else name.span[0]
    roles = {
        role_word(w)
        for w in _ROLE_WORD.findall(text[lead : name.span[0]])
        if normal(w) not in {"of", "the", *honorifics}
    }
    roles.update(_roles_before(text, lead))
    roles.update(_apposition(text, name.span[1]))
    return frozenset(r for r in roles if r)


def roles_before_comma(text: str, name: Name) -> frozenset[str]:
    """Role words of an apposition that comes before a name: "the first lady" in "with the first
    lady, Jo Doe, in Ohio". Read only when a titled surname must be told apart from a namesake."""
    lead = name.lead if name.lead >= 0 else name.span[0]
    if lead < 2 or text[lead - 2 : lead] != ", ":
        return frozenset()
    return frozenset(r for r in _roles_before(text, lead - 2) if r)


def opens_sentence(text: str, start: int) -> bool:
    """True when ``start`` opens a sentence of ``text`` (after its end mark and any quote or bracket)."""
    index = start - 1
    while index >= 0 and text[index] in _OPENERS:
        index -= 1
    return index < 0 or text[index] in _SENTENCE_END


def _pieces(run: str, offset: int) -> list[list[tuple[int, int, str]]]:
    """The run's tokens, cut after a word whose period ends a sentence ("Fargo. But Hillary")."""
    pieces: list[list[tuple[int, int, str]]] = [[]]
    for m in _TOKEN.finditer(run):
        word = m.group()
        if word[0] in _QUOTE_MARKS:
            # a nickname: dropped after a first name ("Marcia “Cia” Price" is Marcia Price), else a
            # name of its own between two others, as it was when quotation marks ended a run
            if not (pieces[-1] and takes_nickname(pieces[-1][-1][2])):
                pieces.append([(offset + m.start() + 1, offset + m.end() - 1, word[1:-1])])
                pieces.append([])
            continue
        pieces[-1].append((offset + m.start(), offset + m.end(), word))
        if word.endswith(".") and _clean(word)[0] != word and not _INITIAL.match(word):
            pieces.append([])
    return [piece for piece in pieces if piece]


@lru_cache(maxsize=16384)
def _clean(token: str) -> tuple[str, bool]:
    """A token without a closing period (kept on initials and abbreviations) and a possessive."""
    if (
        token.endswith(".")
        and not _INITIAL.match(token)
        and token.count(".") == 1
        and normal(token) not in vocabulary().abbreviations
        and not is_title(token)
    ):
        token = token[:-1]
    for ending in _POSSESSIVE:
        if token.endswith(ending) and len(token) > len(ending):
            return token[: -len(ending)], True
    return token, False


@lru_cache(maxsize=32768)
def _run_names(
    run: str,
) -> tuple[tuple[Span, tuple[str, ...], str | None, int, str | None, bool, bool, tuple[str, ...]], ...]:
    """The names in one run of capitalised words, with offsets into the run and the `normal` form of
    their words: found once per distinct run ("Donald Trump" comes back many times), then moved to
    where each occurrence stands."""
    if " " not in run and "\t" not in run and "\u00a0" not in run:
        # one word, the common case ("He", "The", "Trump"): no title, no connector to weigh
        word, possessive = _clean(run)
        key = normal(word)
        if (
            key in lexicon().not_name_words
            or key in _title_keys()
            or (word.endswith(".") and not _INITIAL.match(word))
        ):
            return ()
        return (((0, len(word)), (word,), None, 0, None, False, possessive, (key,)),)
    return tuple((*name, tuple(normal(w) for w in name.words)) for name in _cut_run(run))


def _cut_run(run: str) -> tuple[Name, ...]:
    """The names in ``run``, with offsets into the run itself."""
    return tuple(name for tokens in _pieces(run, 0) for name in _cut_piece(run, tokens))


def _cut_piece(text: str, tokens: list[tuple[int, int, str]]) -> list[Name]:
    lex = lexicon()
    not_names = lex.not_name_words
    names: list[Name] = []
    start = 0
    while start < len(tokens):
        # function words and lone connectors at the front are no part of a name
        while start < len(tokens) and (
            normal(tokens[start][2]) in lex.not_name_words
            or (len(tokens[start][2]) > 5 and tokens[start][2].isupper() and len(tokens) > 1)
        ):
            start += 1
        if start >= len(tokens):
            break
        start = _past_verb(tokens, start)
        # titles: "Indiana Gov. Mike Pence", "Secretary of State John Kerry"
        title_end = _title_end(tokens, start)
        title_words = None
        if title_end > start:
            title_start = start
            while title_start < title_end and not _title_length(tokens, title_start):
                title_start += 1
            title_words = " ".join(t[2] for t in tokens[title_start:title_end]) or None
        end = title_end
        while end < len(tokens):
            word = tokens[end][2]
            key = normal(word)
            if (
                key in lex.particles
                and end > title_end
                and end + 1 < len(tokens)
                and tokens[end + 1][2][:1].isupper()
                and not _has_organisation_word(normal(tokens[end + 1][2]))
            ):
                end += 1  # "Bill de Blasio", "Osama bin Laden"
                continue
            if key in _JOINING or key == "and" or (word[:1].islower() and "-" not in word):
                break
            if key in not_names and end > title_end and key not in lex.calendar_words:
                break  # "Hillary Clinton Was Headed": a headline's verb ends the name
            if len(word) > 5 and word.isupper() and end > title_end:
                break  # a heading in capitals ("CONGRESS HAS INVESTIGATED HIM") is no name
            end += 1
            if _clean(word)[1]:  # "Clinton's campaign": the possessive ends the name
                break
        if end == title_end:
            start = max(end, start + 1)
            continue
        end = _join_organisation(tokens, title_end, end, bool(title_words))
        first = _first_name_at(tokens, title_end, end)
        name = _name(tokens[start][0], tokens[first:end], title_words)
        if name is not None:
            names.append(name)
        start = end
    return names


def _past_verb(tokens: Sequence[tuple[int, int, str]], start: int) -> int:
    """Past a participle that title case capitalised and its object, to the name after them: "For
    Telling Supporters Carson Had Dropped Out" names Carson. The object is common words
    ("Supporters"), taken only when a word no dictionary holds follows them; ``start`` otherwise
    ("Rolling Stone", "Morning Joe" are names)."""
    lex = lexicon()
    word = tokens[start][2]
    key = normal(word)
    if (
        start + 1 >= len(tokens)
        or not key.endswith("ing")
        or _VERB_FORM.search(key) is None
        or key not in lex.common_words
        or first_name_gender(word) is not None
    ):
        return start
    index = start + 1
    while index < len(tokens) - 1 and normal(tokens[index][2]) in lex.common_words:
        if normal(tokens[index][2]) in lex.not_name_words or first_name_gender(tokens[index][2]):
            return start
        index += 1
    key = normal(tokens[index][2])
    if index == start + 1 or key in lex.common_words or key in lex.not_name_words:
        return start  # "Rolling Stone", "Morning Joe", "Morning Consult Poll": a name, no verb
    return index


@cache
def _title_keys() -> frozenset[str]:
    """Every one-word title as `normal` makes it ("sen", "president")."""
    return frozenset(normal(t) for t in vocabulary().titles if " " not in t)


@cache
def _title_heads() -> frozenset[str]:
    return frozenset(title.split()[0].rstrip(".") for title in vocabulary().titles)


def _first_name_at(tokens: Sequence[tuple[int, int, str]], start: int, end: int) -> int:
    """Where a person's name begins inside a run that puts words before it (`name_begins`)."""
    if end - start < 3:
        return start
    return start + name_begins([t[2] for t in tokens[start:end]])


def name_begins(words: Sequence[str]) -> int:
    """How many of ``words`` come before a person's name: "Spokeswoman Jessica Doe", "Acme Executive
    Director Jon Roe", "Crooked Jane Doe" (the first name and a surname after it), "Journalist Jo
    Roe" and "Marine John Doe" (a noun for what a person does, before a first name: a role, even
    when it is a first name too, as "Marine" is); 0 when the words open with a first name (Marine
    Le Pen) or hold none."""
    if len(words) < 3:
        return 0
    opening = normal(words[0])
    if first_name_gender(words[0]) is not None and not (
        opening in _role_nouns() and first_name_gender(words[1]) is not None and words[2][:1].isupper()
    ):
        return 0
    keys = [normal(w) for w in words]
    if _has_organisation_word(" ".join(keys)):
        return 0
    places = lexicon().places
    for index in range(1, len(words) - 1):
        if first_name_gender(words[index]) is not None and words[index + 1][:1].isupper():
            if (keys[index - 1], keys[index]) in places:
                continue  # "North Carolina Republican Sam Hale": "Carolina" ends a place's name
            return index
    return 0


@cache
def _role_nouns() -> frozenset[str]:
    """One-word nouns for what a person is or does ("journalist", "marine"): the person kind's words."""
    return kind_words(SourceKind.PERSON) & kind_keywords()


def _title_length(tokens: Sequence[tuple[int, int, str]], index: int) -> int:
    """Number of words of the longest title starting at ``index`` ("Secretary of State": 3), or 0."""
    if normal(tokens[index][2]) not in _title_heads():
        return 0
    titles = vocabulary().titles
    for length in (3, 2, 1):
        words = [normal(t[2]) for t in tokens[index : index + length]]
        if len(words) == length and (" ".join(words) in titles or f"{' '.join(words)}." in titles):
            return length
    return 0


def _title_end(tokens: list[tuple[int, int, str]], start: int) -> int:
    """Index past the title words that open ``tokens[start:]`` and their modifiers ("Democratic Sen.")."""
    heads = _title_heads()
    if not any(normal(t[2]) in heads for t in tokens[start : start + 6]):
        return start
    index = start
    last_title = -1
    while index < len(tokens) and index - start < 6:
        length = _title_length(tokens, index)
        if length:
            last_title = index + length - 1
            index += length
            continue
        if last_title >= 0:
            break
        index += 1
    if last_title < 0:
        return start
    if last_title + 1 >= len(tokens):
        # "Mr. Justice": a title word after a title is the name itself; "Jim Justice" has no title
        if last_title > start and _title_length(tokens, last_title - 1):
            return last_title
        return start
    return last_title + 1


def _join_organisation(tokens: list[tuple[int, int, str]], start: int, end: int, is_titled: bool) -> int:
    """Carry an organisation's name over "of", "for", "the" ("Department of Veterans Affairs")."""
    if is_titled or end >= len(tokens) or normal(tokens[end][2]) not in _JOINING:
        return end
    head = " ".join(normal(t[2]) for t in tokens[start:end])
    if not _has_organisation_word(head) or _looks_personal(tokens[start:end]):
        return end
    if normal(tokens[end][2]) == "to" and not _has_organisation_word(normal(tokens[end - 1][2])):
        return end  # "Alliance to Reclaim Our Schools", but "Counsel Jo Doe to Capitol Hill"
    index = end
    while index < len(tokens) and normal(tokens[index][2]) in _JOINING:
        index += 1
    stop = index
    while stop < len(tokens) and normal(tokens[stop][2]) not in _JOINING and normal(tokens[stop][2]) != "and":
        stop += 1
        if _clean(tokens[stop - 1][2])[1]:
            break
    return stop if stop > index else end


@cache
def _organisation_pattern() -> re.Pattern[str]:
    words = {w for kind, written in vocabulary().kinds if kind.value != "person" for w in written}
    return re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, words), key=len, reverse=True)) + r")\b")


@lru_cache(maxsize=16384)
def _has_organisation_word(text: str) -> bool:
    return _organisation_pattern().search(text) is not None


def _looks_personal(tokens: Sequence[tuple[int, int, str]]) -> bool:
    return len(tokens) >= 2 and first_name_gender(tokens[0][2]) is not None


def _name(lead: int, tokens: Sequence[tuple[int, int, str]], title: str | None) -> Name | None:
    """The name made of ``tokens``; ``lead`` is where its modifiers and title begin."""
    not_names = lexicon().not_name_words
    words: list[str] = []
    possessive = False
    for _, _, token in tokens:
        word, possessive = _clean(token)
        words.append(word)
    while words and normal(words[-1]) in not_names:
        if (
            normal(words[-1]) in lexicon().calendar_words
            and len(words) >= 2
            and first_name_gender(words[0])
            and (normal(words[0]),) not in lexicon().places
        ):
            break  # "Theresa May" (but "Florida Friday" is a place and a day)
        words.pop()
    if len(words) >= 2 and normal(words[-1]) in kind_words(SourceKind.DOCUMENT):
        words.pop()  # "Obama Speech", "Quinnipiac University Poll": the party is who made it
    if not words:
        return None
    start = tokens[0][0]
    end = tokens[len(words) - 1][0] + len(words[-1])
    # a title or a first name shows a person, unless the words name an organisation or a place
    # (looked for only then: most names have neither)
    is_person = (
        (bool(title) or (len(words) >= 2 and first_name_gender(words[0]) is not None))
        and not _has_organisation_word(" ".join(normal(w) for w in words))
        and tuple(normal(w) for w in words) not in lexicon().places
        and normal(words[-1]) not in lexicon().place_nouns
    )
    gender = gender_of(words, title) if is_person else None
    return Name((start, end), tuple(words), title, lead, gender, is_person, possessive)


def _roles_before(text: str, start: int) -> list[str]:
    """Lowercase role words right before a name: "presidential nominee" in "Republican presidential
    nominee Donald Trump" (the capitalised modifier is a run of its own, so it is read here too)."""
    piece = text[max(0, start - 80) : start]
    cut = max((m.end() for m in _ROLE_STOP.finditer(piece)), default=0)
    words = _ROLE_WORD.findall(piece[cut:])
    lex = lexicon()
    found: list[str] = []
    for word in reversed(words[-_MAX_ROLE_WORDS:]):
        key = normal(word)
        if key in lex.not_name_words or key in vocabulary().cue_words:
            break
        found.append(role_word(word))
    return found


def _apposition(text: str, end: int) -> list[str]:
    """Role words of an apposition right after a name: "the Indiana governor" in "Mike Pence, the
    Indiana governor, said" (a parenthesis between them aside: "Jim Doe (D-Ohio), the ...")."""
    if text.startswith(" (", end):
        close = text.find(")", end, end + 40)
        if close > 0:
            end = close + 1
    if not text.startswith(", ", end):
        return []
    piece = text[end + 2 : end + 2 + 120]
    stop = _ROLE_STOP.search(piece)
    words = _ROLE_WORD.findall(piece[: stop.start() if stop else len(piece)])
    if not words or normal(words[0]) not in {"the", "a", "an", "his", "her", "its", "their", "former"}:
        return []
    lex = lexicon()
    found: list[str] = []
    for count, word in enumerate(words):
        key = normal(word)
        if key in vocabulary().cue_words or key in {"who", "which", "that"}:
            break
        if count == _MAX_APPOSITION_WORDS:
            return []  # "With Acme, the miners' union invested $10 million and took ...": a clause
        if key not in lex.not_name_words or key == "former":
            found.append(role_word(word))
    else:
        if stop is None:
            return []
    return found
