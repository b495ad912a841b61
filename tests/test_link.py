"""Linking mentions to sources: names, surnames, short forms, acronyms, descriptions, pronouns."""

from __future__ import annotations

import re

import pytest

from provenance.extract import extract, link
from provenance.extract.link import Linker, acronyms_in, is_anonymous, kind_of, parse_mention
from provenance.model import Document, Graph, Hop, Source, SourceKind

OUTLET = Source("shafaq-news", "Shafaq News", SourceKind.OUTLET)


def _extract(text: str) -> Graph:
    return extract(Document.from_text(text, outlet=OUTLET.id), OUTLET)


def _speakers(graph: Graph) -> list[Hop]:
    """The hop each attributed claim rests on, in text order."""
    return [claim.chain[1] for claim in graph.claims if len(claim.chain) > 1]


@pytest.mark.parametrize(
    ("mention", "descriptor", "name"),
    [
        ("Prominent Iraqi politician Mithal al-Alusi", "Prominent Iraqi politician", "Mithal al-Alusi"),
        ("Iraqi Prime Minister Mohammed Shia al-Sudani", "Iraqi Prime Minister", "Mohammed Shia al-Sudani"),
        ("the Syrian Observatory for Human Rights", None, "Syrian Observatory for Human Rights"),
        ("The Iraqi politician", "Iraqi politician", None),
        ("Sen. Ted Cruz (R-Texas)", "Sen.", "Ted Cruz"),
        ("The city engineer, Priya Nair", "city engineer", "Priya Nair"),
        ("Dr. Hana Suzuki, head of the institute", "head of the institute", "Hana Suzuki"),
    ],
)
def test_parse_mention(mention: str, descriptor: str | None, name: str | None) -> None:
    parsed = parse_mention(mention)
    assert (parsed.descriptor, parsed.name) == (descriptor, name)


@pytest.mark.parametrize(
    ("name", "descriptor", "kind"),
    [
        ("Mithal al-Alusi", "Prominent Iraqi politician", SourceKind.PERSON),
        ("Syrian Observatory for Human Rights", None, SourceKind.MONITOR),
        ("Ministry of Health", None, SourceKind.GOVERNMENT),
        ("Reuters", None, SourceKind.AGENCY),
        ("Hilltop Herald", None, SourceKind.OUTLET),
        ("Hana Suzuki", "head of the Lakeside Infectious Disease Institute", SourceKind.PERSON),
        (None, "newspaper", SourceKind.OUTLET),
    ],
)
def test_kind_comes_from_the_text(name: str | None, descriptor: str | None, kind: SourceKind) -> None:
    assert kind_of(name, descriptor) is kind


def test_surnames_case_variants_and_descriptions_link_to_one_person() -> None:
    text = (
        "Al-Alusi: the talks failed\n\nProminent Iraqi politician Mithal al-Alusi warned on Thursday that "
        "the talks had failed. He said the militias were to blame. Later al-Alusi added that the "
        "government was weak. The Iraqi politician stressed that elections were needed."
    )
    graph = _extract(text)
    assert [hop.source for hop in _speakers(graph)] == ["mithal-al-alusi"] * 5
    source = graph.source("mithal-al-alusi")
    assert source is not None
    assert source.kind is SourceKind.PERSON
    assert source.description == "Prominent Iraqi politician"
    assert source.aliases == ("Al-Alusi", "al-Alusi", "The Iraqi politician")


def test_short_forms_and_acronyms_link_to_the_organisation() -> None:
    text = "the Syrian Observatory for Human Rights (SOHR) said"
    acronyms = acronyms_in(text)
    assert acronyms == {"SOHR": "Syrian Observatory for Human Rights"}
    body = (
        "The convoy grew\n\nThe Syrian Observatory for Human Rights (SOHR) said the convoy had grown. "
        "The Observatory reported that it had 50 trucks. The Syrian Observatory noted that more were "
        "coming. SOHR said the road was closed."
    )
    graph = _extract(body)
    assert {hop.source for hop in _speakers(graph)} == {"syrian-observatory-for-human-rights"}
    source = graph.source("syrian-observatory-for-human-rights")
    assert source is not None
    assert source.aliases == ("The Observatory", "The Syrian Observatory", "SOHR")


def test_unlinkable_pronoun_becomes_an_unknown_source_named_by_the_mention_and_marked() -> None:
    graph = _extract("Rain again\n\nHe said the river would rise.")
    [hop] = _speakers(graph)
    assert hop.mention == "He"
    assert graph.source(hop.source) == Source("he-unresolved", "He (unresolved)", SourceKind.UNKNOWN)


@pytest.mark.parametrize(
    "mention",
    [
        "sources",
        "a senior Iraqi official",
        "activists",
        "a source familiar with the matter",
        "Local residents",
    ],
)
def test_anonymous_parties(mention: str) -> None:
    assert is_anonymous(parse_mention(mention))
    linker = Linker(OUTLET, [])
    assert linker.sources[linker.link(mention)].kind is SourceKind.ANONYMOUS


def test_named_parties_are_not_anonymous() -> None:
    assert not is_anonymous(parse_mention("Mithal al-Alusi"))
    assert not is_anonymous(parse_mention("The Iraqi politician"))


def test_the_outlet_naming_itself_links_to_the_outlet() -> None:
    assert Linker(OUTLET, []).link("Shafaq News") == "shafaq-news"


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Hillary Clinton met Bill Clinton; Mrs. Clinton spoke.", "Clinton"),
        ("Ann Clinton-Clinton Clinton and O'Brien Clinton", "Clinton"),
        ("Jo Ed Ed Ed, Jo Ed. and Jo Edna", "Ed"),
        ("Mary Ann Jones, Ann Jones's sister", "Ann Jones"),
        ("no capital ed here, x Ed", "Ed"),
    ],
)
def test_words_before_a_name_are_those_a_regular_expression_scan_finds(text: str, word: str) -> None:
    scanned = [m.group(1) for m in re.finditer(rf"\b([A-Z][\w’'-]+) {re.escape(word)}\b", text)]
    assert link._words_before(text, word) == scanned


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Banks expect more. said Banks, and Tyra Banks, and x, Banks", "Banks"),
        ("Banks Banks Banks, 3Banks _Banks Müller Banks Banksy", "Banks"),
        ("The Fund, Funds and Funds.Funds; a, Funds", "Funds"),
        ("U.S. and U.S.A U.S.", "U.S."),
    ],
)
def test_letters_before_a_word_are_those_a_regular_expression_scan_finds(text: str, word: str) -> None:
    scanned = re.findall(rf"\b([A-Za-z]+),? {re.escape(word)}\b", text)
    assert link._letters_before(text, word) == scanned


def test_a_role_noun_names_a_person_by_role_never_a_name_that_ends_in_it() -> None:
    # a headline's title case makes "Former White House Doctor" look like a name; the party "White
    # House Doctor" the text names is no doctor's role
    text = "Former White House Doctor Says\n\nThe White House Doctor office is small. Dr. Ana Ruiz said so."
    linker = Linker(
        OUTLET, ["White House Doctor", "Ana Ruiz"], sentence_starts=[0, 32, 72], text=text, headers=[(0, 30)]
    )
    assert linker.sources[linker.link("Former White House Doctor", (0, 25))].name.endswith("(unresolved)")
