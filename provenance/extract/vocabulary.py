"""The extractor's word lists, loaded once from the data files beside this module."""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources
from typing import Any

from attrs import frozen

from ..model import SourceKind


@frozen
class Vocabulary:
    """Every word list the extractor consults, as sets and maps built for fast lookup."""

    cues: dict[tuple[str, ...], str]
    """Cue forms (lowercase word tuples) → group ("speech", "belief", "report", "stance")."""
    cue_heads: dict[str, tuple[tuple[str, ...], ...]]
    """First word of a cue → its forms, longest first."""
    anonymous: frozenset[str]
    """Head words and phrases of mentions that name nobody."""
    kinds: tuple[tuple[SourceKind, tuple[str, ...]], ...]
    """Kind → keywords that reveal it, in order of precedence."""
    pronouns: dict[str, str]
    """Pronoun → "person" or "unknown"."""
    auxiliaries: frozenset[str]
    """Words stepped over between a subject and its cue ("also", "has")."""
    subject_stops: frozenset[str]
    """Words a subject never reaches back across ("that", "and")."""
    subject_cuts: frozenset[str]
    """Prepositions that end a subject's name ("Trump in an interview said")."""
    leading_drop: frozenset[str]
    """Connectives dropped from the front of a subject or content ("Moreover")."""
    titles: frozenset[str]
    """Titles and honorifics that precede a name ("Prime Minister", "Sen.")."""
    name_particles: frozenset[str]
    """Lowercase particles inside names ("al", "bin", "van")."""
    channels: tuple[tuple[str, ...], ...]
    """Phrases naming how something was said ("in a statement"), stepped over after a cue."""
    object_cues: frozenset[str]
    """Cues that take an object before their content ("told reporters that ...")."""
    determiners: frozenset[str]
    """Words that make a following cue word a noun ("the report", "his claims")."""
    abbreviations: frozenset[str]
    """Abbreviations whose period does not end a sentence ("Sen.", "Sept.")."""
    noun_like_cues: frozenset[str]
    """Cue forms that are often nouns ("attacks", "plan"): they need a clear subject right before."""
    clause_openers: frozenset[str]
    """Words that open a new clause: an apposition or a stance cue's object ends before them."""
    relative_pronouns: frozenset[str]
    """Pronouns that can be the subject of a cue in a relative clause ("who said")."""
    kind_patterns: tuple[tuple[SourceKind, re.Pattern[str]], ...]
    """`kinds` compiled: one whole-word pattern per kind."""
    cue_words: frozenset[str]
    """The first words of all cues, so that sentences without any are passed over quickly."""
    be_forms: frozenset[str]
    """Forms of "be": before a past participle cue they make it passive ("was accused")."""
    numeric_senses: frozenset[str]
    """Cues that mean no speech before a number ("the index added 20 points")."""
    marked_senses: frozenset[str]
    """Cues that attribute only before "that", a colon, a quote or a channel ("posted a loss": none)."""
    people_nouns: frozenset[str]
    """Nouns for people that no kind lists ("fans", "backers", "allies"): after a name they still name
    a party ("Trump allies"), where another noun names a thing ("AAA bonds")."""
    organisation_members: tuple[str, ...]
    """The people and parts only an organisation has ("CEO", "shareholders", "branches"): a name right
    before one names an organisation ("Wells Fargo CEO John Stumpf")."""
    object_senses: dict[str, tuple[tuple[str, ...], ...]]
    particle_senses: dict[str, frozenset[str]]
    figure_hedges: tuple[tuple[str, ...], ...]
    """Cue form → objects (word tuples) after which it reports nothing ("finds herself", "found its
    way", "pleaded not guilty", "showed up")."""
    prepositions: frozenset[str]
    """Words no mention of a party opens with; what follows one is its object ("on the subject")."""
    conjunctions: frozenset[str]
    """Words after which a clause with a subject of its own may follow ("like Becker knows")."""
    verb_marks: frozenset[str]
    """Auxiliaries and verbs that make a mention a clause ("your school didn't get ...")."""
    subject_pronouns: frozenset[str]
    """Pronouns only a subject takes ("he", never "him")."""
    object_pronouns: frozenset[str]
    """Pronouns an object takes: a listener ("told him ...")."""
    noun_openers: frozenset[str]
    """Words a noun phrase opens with ("the", "his"): after a listener, one opens the reported clause."""
    number_words: frozenset[str]
    """Cardinal numbers written as words: like a determiner, one makes a noun phrase of what follows
    ("One NASA plan envisions": "plan" is a noun, not a cue)."""
    naming_senses: frozenset[str]
    """Cues that also mean "named" ("a film called 'White Zombie'"): before a bare name or title that
    ends the clause they report nothing."""
    no_party_words: frozenset[str]
    to_phrase_heads: frozenset[str]
    recording_nouns: frozenset[str]
    """Words that name no one a claim can rest on ("anyone", "something")."""
    quantifiers: frozenset[str]
    """Words that make a plural noun after them a group the text does not name ("most nations")."""
    impersonal_verbs: frozenset[str]
    """Verbs whose subject "it" is empty ("it seems that ..."): no party."""

    def is_relative(self, words: str) -> bool:
        """Whether a mention's ``words`` are a relative pronoun ("who"), not an acronym that spells
        one ("WHO", the World Health Organization)."""
        return words.lower() in self.relative_pronouns and not spells_acronym(words)


def spells_acronym(word: str) -> bool:
    """Whether ``word`` is written in capitals as an acronym is ("WHO", "AND"), not as a word ("Who")."""
    return len(word) > 1 and word.isupper()


def _data(name: str) -> str:
    return resources.files(__package__).joinpath("data", name).read_text(encoding="utf-8")


def _lines(name: str) -> list[str]:
    return [line.strip() for line in _data(name).splitlines() if line.strip() and not line.startswith("#")]


def _words(phrase: str) -> tuple[str, ...]:
    return tuple(re.findall(r"[\w’'.-]+", phrase.lower()))


@cache
def kind_words(kind: SourceKind) -> frozenset[str]:
    """The words of ``data/kinds.json`` that mark ``kind``: "report", "poll" for a document."""
    return frozenset(w for k, words in vocabulary().kinds if k is kind for w in words)


@cache
def kind_keywords() -> frozenset[str]:
    """The one-word words of every kind ("campaign", "lawyer", "report"): nouns that name a party."""
    return frozenset(w for _, words in vocabulary().kinds for w in words if " " not in w)


@cache
def vocabulary() -> Vocabulary:
    """The vocabulary, read from ``extract/data/`` on first use."""
    cues: dict[tuple[str, ...], str] = {}
    for line in _lines("cues.txt"):
        group, _, forms = line.partition(":")
        for written in forms.split(","):
            if written.strip():
                cues.setdefault(_words(written), group.strip())
    heads: dict[str, list[tuple[str, ...]]] = {}
    for words_of_form in cues:
        heads.setdefault(words_of_form[0], []).append(words_of_form)
    words: dict[str, Any] = json.loads(_data("words.json"))
    kinds: dict[str, Any] = json.loads(_data("kinds.json"))
    return Vocabulary(
        cues=cues,
        cue_heads={head: tuple(sorted(forms, key=len, reverse=True)) for head, forms in heads.items()},
        anonymous=frozenset(_lines("anonymous.txt")),
        kinds=tuple(
            (SourceKind(kind), tuple(keywords))
            for kind, keywords in kinds.items()
            if not kind.startswith("_")
        ),
        pronouns=dict(words["pronouns"]),
        auxiliaries=frozenset(words["auxiliaries"]),
        subject_stops=frozenset(words["subject_stops"]),
        subject_cuts=frozenset(words["subject_cuts"]),
        leading_drop=frozenset(words["leading_drop"]),
        titles=frozenset(words["titles"]),
        name_particles=frozenset(words["name_particles"]),
        channels=tuple(sorted((_words(c) for c in words["channels"]), key=len, reverse=True)),
        object_cues=frozenset(words["object_cues"]),
        determiners=frozenset(words["determiners"]),
        abbreviations=frozenset(words["abbreviations"]),
        noun_like_cues=frozenset(words["noun_like_cues"]),
        relative_pronouns=frozenset(words["relative_pronouns"]),
        clause_openers=frozenset(words["clause_openers"]),
        kind_patterns=tuple(
            (SourceKind(kind), re.compile(r"\b(?:" + "|".join(map(re.escape, keywords)) + r")\b"))
            for kind, keywords in kinds.items()
            if not kind.startswith("_")
        ),
        cue_words=frozenset(heads),
        be_forms=frozenset(words["be_forms"]),
        numeric_senses=frozenset(words["numeric_senses"]),
        marked_senses=frozenset(words["marked_senses"]),
        people_nouns=frozenset(words["people_nouns"]),
        organisation_members=tuple(words["organisation_members"]),
        object_senses={
            form: tuple(tuple(o.split()) for o in objects)
            for forms, objects in words["object_senses"].items()
            for form in forms.split()
        },
        figure_hedges=tuple(tuple(h.split()) for h in words["figure_hedges"]),
        particle_senses={
            form: frozenset(verbs)
            for forms, verbs in words["particle_senses"].items()
            for form in forms.split()
        },
        prepositions=frozenset(words["prepositions"]),
        conjunctions=frozenset(words["conjunctions"]),
        verb_marks=frozenset(words["verb_marks"]),
        subject_pronouns=frozenset(words["subject_pronouns"]),
        object_pronouns=frozenset(words["object_pronouns"]),
        noun_openers=frozenset(words["noun_openers"]),
        number_words=frozenset(words["number_words"]),
        naming_senses=frozenset(words["naming_senses"]),
        no_party_words=frozenset(words["no_party_words"]),
        to_phrase_heads=frozenset(words["to_phrase_heads"]),
        recording_nouns=frozenset(words["recording_nouns"]),
        quantifiers=frozenset(words["quantifiers"]),
        impersonal_verbs=frozenset(words["impersonal_verbs"]),
    )
