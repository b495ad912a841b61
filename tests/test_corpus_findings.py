"""The newsroom corpus (`tests/corpus/`, articles written for these tests): ingested into one database,
it gives exactly the findings a fact-checker should act on, and no others (see its README)."""

from __future__ import annotations

from pathlib import Path

import pytest

from provenance.ingest import ingest
from provenance.model import Graph
from provenance.pipeline import resolved_stored
from provenance.store import Store

CORPUS = Path(__file__).parent / "corpus"

EXPECTED = {
    # Two outlets relaying one agency: one origin, named with both copies.
    ("not-independent", "gazette-spill"): [
        "2 outlets, 1 independent origin: Northern Press Agency, carried by Harbour Gazette "
        "(gazette-spill-c1, 18 November 2025) and Valley Times (times-spill-c1, 18 November 2025)."
    ],
    # Each outlet's own witness counts the injured of one collapse differently on the same day.
    ("conflicting-figures", "herald-bridge"): [
        "“14 people” (Coastal Herald, herald-bridge-c1) vs “12 people” (Harbour Gazette, "
        "gazette-bridge-c1) for the same claim."
    ],
    ("unattributed", "gazette-spill"): [
        "Harbour Gazette gives no source for “Crews in protective"
        " suits worked through the…”."
    ],
    ("unattributed", "times-spill"): [
        "Valley Times gives no source for “Ferries to the islands"
        " kept to their timetable.”."
    ],
    ("unattributed", "gazette-bridge"): [
        "Harbour Gazette gives no source for “Rescuers lifted a"
        " woman from the water below…”."
    ],
    ("unattributed", "times-council"): [
        "Valley Times gives no source for “The referendum on the new"
        " ferry line is…”."
    ],
    ("anonymous-source", "gazette-markets"): ["Attributed to an anonymous source: “analysts”."],
    ("anonymous-source", "times-markets"): ["Attributed to an anonymous source: “analysts”."],
    # The linker leaves "The company" unresolved; each stays its article's own party.
    ("unresolved-mention", "times-recall"): [
        "“The company” refers to no known source, so who is speaking"
        " is unclear."
    ],
    ("unresolved-mention", "herald-outage"): [
        "“The company” refers to no known source, so who is speaking"
        " is unclear."
    ],
    ("single-source", "gazette-keller"): ["2 claims in this article rest on Maria Keller alone."],
    ("single-source", "herald-keller"): ["2 claims in this article rest on Tom Keller alone."],
    ("single-source", "times-keller"): ["2 claims in this article rest on Keller alone."],
    ("single-source", "herald-bridge"): ["1 claim in this article rests on Omar Haddad alone."],
    ("single-source", "times-council"): ["1 claim in this article rests on Ana Ruiz alone."],
    ("single-source", "times-recall"): ["1 claim in this article rests on Brightwater Foods alone."],
    ("single-source", "herald-outage"): ["1 claim in this article rests on Orion Telecom alone."],
    # "Searchers" of a collapse and of a spill: a group described, each article's own.
    ("single-source", "gazette-bridge"): ["1 claim in this article rests on Searchers alone."],
    ("single-source", "times-spill"): ["1 claim in this article rests on Searchers alone."],
}  # fmt: skip
"""(rule, the article it is about) → its messages, with document ids shown as the file's name."""


@pytest.fixture(scope="module")
def newsroom() -> tuple[Store, Graph, dict[str, str]]:
    """The corpus ingested into one database, its findings resolved across it, and each stored
    document's id by its file name."""
    store = Store.open(":memory:")
    summary = ingest(sorted(CORPUS.glob("*.txt")), store)
    assert summary.is_ok
    assert summary.ingested == 12
    graph = resolved_stored(store.graph(with_text=False))
    stems = {_title(path): path.stem for path in CORPUS.glob("*.txt")}
    return store, graph, {document.id: stems[document.title or ""] for document in graph.documents}


def _title(path: Path) -> str:
    return path.read_text(encoding="utf-8").splitlines()[0]


def test_the_corpus_gives_exactly_the_expected_findings(
    newsroom: tuple[Store, Graph, dict[str, str]],
) -> None:
    _, graph, files = newsroom
    found: dict[tuple[str, str], list[str]] = {}
    for finding in graph.findings:
        owner = graph.index.owner(finding)
        assert owner is not None
        message = finding.message
        for document, name in files.items():
            message = message.replace(document, name)  # the ids are content hashes: name the files
        found.setdefault((finding.rule, files[owner]), []).append(message)
    assert found == EXPECTED


def test_scheduled_events_are_dated_forward(newsroom: tuple[Store, Graph, dict[str, str]]) -> None:
    _, graph, files = newsroom
    council = [claim for claim in graph.claims if files[claim.document] == "times-council"]
    assert [claim.date.isoformat() if claim.date else None for claim in council] == [
        "2026-01-08",
        "2026-02-09",
    ]


def test_no_pronoun_or_description_is_one_party_across_articles(
    newsroom: tuple[Store, Graph, dict[str, str]],
) -> None:
    store, _, _ = newsroom
    shared = {
        name: documents
        for name, documents in store.db.execute(
            "select root.name, count(distinct h.document) from hops h join sources s on s.id = h.source "
            "join sources root on root.id = s.canonical where h.position > 0 group by root.id"
        )
        if documents > 1
    }
    assert shared == {"Northern Press Agency": 2}


def test_two_kellers_stay_two_and_the_bare_one_is_left_to_a_person(
    newsroom: tuple[Store, Graph, dict[str, str]],
) -> None:
    store, _, _ = newsroom
    names = {line.source.name for line in store.sources()}
    assert {"Maria Keller", "Tom Keller"} <= names
    (ambiguity,) = store.ambiguous_sources()
    assert ambiguity.source.name == "Keller"
    assert [person.name for person in ambiguity.candidates] == ["Maria Keller", "Tom Keller"]
