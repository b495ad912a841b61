"""One party across articles: only named parties join; bare surnames by evidence; every listed source
can be traced by the name it shows."""

from __future__ import annotations

import pytest
from store_fixtures import article, source

from provenance.errors import InputError
from provenance.model import Source, SourceKind
from provenance.sources import bare_surname, is_named, surname
from provenance.store import Store


@pytest.fixture
def store() -> Store:
    opened = Store.open(":memory:")
    yield opened
    opened.close()


def _groups(store: Store) -> dict[str, list[set[str]]]:
    """Canonical name -> for each group of that name, the documents its claims appear in."""
    found: dict[str, dict[str, set[str]]] = {}
    for name, canonical, document in store.db.execute(
        "select root.name, root.id, h.document from hops h join sources s on s.id = h.source "
        "join sources root on root.id = s.canonical where h.position > 0"
    ):
        found.setdefault(name, {}).setdefault(canonical, set()).add(document)
    return {name: list(groups.values()) for name, groups in found.items()}


def _add(store: Store, outlet: str, day: int, *cited: tuple[str, Source]) -> None:
    store.add(article(f"{outlet} story of day {day}.", outlet, list(cited), day=day))


@pytest.mark.parametrize(
    ("name", "kind", "named"),
    [
        ("He", SourceKind.UNKNOWN, False),
        ("I’ve", SourceKind.UNKNOWN, False),
        ("the company", SourceKind.ORGANIZATION, False),
        ("the minister", SourceKind.PERSON, False),
        ("Officials", SourceKind.UNKNOWN, False),
        ("Many", SourceKind.UNKNOWN, False),
        ("The report", SourceKind.UNKNOWN, False),
        ("a Brightwater spokesman", SourceKind.UNKNOWN, False),
        ("local sources", SourceKind.ANONYMOUS, False),
        ("Brightwater Foods", SourceKind.ORGANIZATION, True),
        ("the Port Authority", SourceKind.GOVERNMENT, True),
        ("NPA", SourceKind.AGENCY, True),
        ("Keller", SourceKind.PERSON, True),
        ("مرصد", SourceKind.MONITOR, True),
        # A plural of a common word, or of its doer, describes a group: "Searchers said".
        ("Searchers", SourceKind.ORGANIZATION, False),
        ("Forecasters", SourceKind.UNKNOWN, False),
        ("Appropriators", SourceKind.GOVERNMENT, False),
        ("Bloggers", SourceKind.UNKNOWN, False),
        # So do the people of a place, whatever kind the extractor gave them.
        ("Americans", SourceKind.ORGANIZATION, False),
        ("Syrians", SourceKind.PERSON, False),
        ("Reuters", SourceKind.AGENCY, True),
        ("Dunmores", SourceKind.ORGANIZATION, True),
        # A surname may look like a plural: a person's words are looked up as they stand.
        ("Summers", SourceKind.PERSON, True),
        # A role written as an acronym names no one in particular.
        ("CEO", SourceKind.ORGANIZATION, False),
        ("the MP", SourceKind.PERSON, False),
        ("Brightwater CEO", SourceKind.PERSON, True),
    ],
)
def test_only_names_name_someone(name: str, kind: SourceKind, named: bool) -> None:
    assert is_named(Source("x", name, kind)) is named


def test_surnames_leave_titles_and_suffixes_out() -> None:
    assert surname("Maria Keller") == "keller"
    assert surname("Martin Luther King Jr.") == "king"
    assert surname("Keller") is None
    assert bare_surname("Mr. Keller") == "keller"
    assert bare_surname("Maria Keller") is None


def test_pronouns_and_descriptions_stay_in_their_article(store: Store) -> None:
    he = source("he", SourceKind.UNKNOWN)
    company = source("the company", SourceKind.ORGANIZATION)
    _add(store, "Harbour Gazette", 1, ("the recall covers frozen peas sold in March", company),
         ("the plant will reopen in May", he))  # fmt: skip
    _add(store, "Valley Times", 2, ("the network outage lasted four hours", company),
         ("the outage was caused by a storm", he))  # fmt: skip
    groups = _groups(store)
    assert [len(documents) for documents in groups["he"]] == [1, 1]
    assert [len(documents) for documents in groups["the company"]] == [1, 1]
    assert [line.source.name for line in store.sources()] == ["Harbour Gazette", "Valley Times"]
    everything = {line.source.name: line for line in store.sources(include_anonymous=True)}
    assert everything["the company"].articles == 2
    assert everything["he"].claims == 2


def test_a_group_described_by_a_plural_stays_in_its_article(store: Store) -> None:
    searchers = source("Searchers", SourceKind.ORGANIZATION)
    _add(store, "Harbour Gazette", 1, ("the hull lies on its side in shallow water", searchers))
    _add(store, "Valley Times", 2, ("the missing hikers were found near the ridge", searchers))
    assert [len(documents) for documents in _groups(store)["Searchers"]] == [1, 1]
    assert "Searchers" not in [line.source.name for line in store.sources()]


def test_every_source_listed_can_be_traced_by_the_name_it_shows(store: Store) -> None:
    _add(store, "Harbour Gazette", 1, ("the terminal closed after a spill", source("I", SourceKind.UNKNOWN)),
         ("the spill was small", source("officials", SourceKind.ANONYMOUS)),
         ("the port reopened at noon", source("Port Authority", SourceKind.GOVERNMENT)))  # fmt: skip
    _add(store, "Valley Times", 2, ("the bridge is safe", source("I", SourceKind.UNKNOWN)),
         ("the bridge was inspected", source("officials", SourceKind.ANONYMOUS)))  # fmt: skip
    for line in store.sources(include_anonymous=True):
        shown = line.source.name
        trace = store.trace(shown)
        assert trace.total_claims == line.claims or line.source.kind is SourceKind.OUTLET
    officials = store.trace("Officials")
    assert officials.total_claims == 2
    assert officials.total_documents == 2
    assert officials.source.name == "officials (a different party in each of 2 articles)"


def test_an_unknown_name_never_suggests_itself(store: Store) -> None:
    _add(store, "Harbour Gazette", 1, ("the spill was small", source("officials", SourceKind.ANONYMOUS)))
    with pytest.raises(InputError) as raised:
        store.trace("Ghosts")
    assert str(raised.value) == "no source called 'Ghosts'"


def test_a_surname_joins_the_one_person_named_in_full_before_or_after_it(store: Store) -> None:
    _add(
        store, "Harbour Gazette", 1, ("the harbour budget is balanced", source("Trudeau", SourceKind.PERSON))
    )
    _add(
        store, "Valley Times", 2, ("the budget adds two ferries", source("Justin Trudeau", SourceKind.PERSON))
    )
    _add(store, "Coastal Herald", 3, ("the ferries arrive in June", source("Trudeau", SourceKind.PERSON)))
    assert _groups(store)["Justin Trudeau"] == [
        {document for (document,) in store.db.execute("select id from documents")}
    ]
    assert store.trace("Trudeau").source.name == "Justin Trudeau"


def test_a_surname_shared_by_two_people_named_in_full_stays_ambiguous(store: Store) -> None:
    maria = source("Maria Keller", SourceKind.PERSON)
    tom = source("Tom Keller", SourceKind.PERSON)
    keller = source("Keller", SourceKind.PERSON)
    _add(store, "Harbour Gazette", 1, ("the port will expand", maria))
    _add(store, "Valley Times", 2, ("the union will strike", tom))
    _add(store, "Coastal Herald", 3, ("the strike is off", keller))
    groups = _groups(store)
    assert groups["Maria Keller"] != groups["Tom Keller"]
    assert [len(documents) for documents in groups["Keller"]] == [1]
    (ambiguity,) = store.ambiguous_sources()
    assert ambiguity.source.name == "Keller"
    assert ambiguity.source.id.startswith("keller@")
    assert [person.name for person in ambiguity.candidates] == ["Maria Keller", "Tom Keller"]
    assert ambiguity.joined is None
    store.merge_sources("Tom Keller", ambiguity.source.id)
    assert [len(documents) for documents in _groups(store)["Tom Keller"]] == [2]


def test_a_name_with_umlauts_is_one_party_however_english_spells_it(store: Store) -> None:
    _add(store, "Harbour Gazette", 1, ("the dock fees will rise", source("Lena Krüger", SourceKind.PERSON)))
    _add(store, "Valley Times", 2, ("the fees fund a new crane", source("Krueger", SourceKind.PERSON)))
    _add(store, "Coastal Herald", 3, ("the crane arrives in May", source("Lena Krueger", SourceKind.PERSON)))
    _add(store, "Valley Times", 4, ("the crane was late", source("Kruger", SourceKind.PERSON)))
    (lena,) = _groups(store)["Lena Krüger"]
    assert len(lena) == 4
    # "Krueger" may be someone else's own spelling: named in full, he makes the bare "Krueger"
    # ambiguous, while "Kruger", which only "Krüger" is spelled as, stays hers.
    _add(store, "Coastal Herald", 5, ("the tolls are fair", source("Paul Krueger", SourceKind.PERSON)))
    groups = _groups(store)
    assert [len(documents) for documents in groups["Lena Krüger"]] == [3]
    assert [len(documents) for documents in groups["Krueger"]] == [1]
    assert [len(documents) for documents in groups["Paul Krueger"]] == [1]


def test_the_order_of_ingest_decides_nothing_for_a_shared_surname(store: Store) -> None:
    # The bare mention comes first and joins Maria Keller, the only Keller named then; Tom Keller,
    # named next, parts it again.
    _add(store, "Coastal Herald", 1, ("the strike is off", source("Keller", SourceKind.PERSON)))
    _add(store, "Harbour Gazette", 2, ("the port will expand", source("Maria Keller", SourceKind.PERSON)))
    assert [len(documents) for documents in _groups(store)["Maria Keller"]] == [2]
    _add(store, "Valley Times", 3, ("the union will strike", source("Tom Keller", SourceKind.PERSON)))
    groups = _groups(store)
    assert [len(documents) for documents in groups["Maria Keller"]] == [1]
    assert [len(documents) for documents in groups["Keller"]] == [1]
    (ambiguity,) = store.ambiguous_sources()
    assert ambiguity.joined is None
