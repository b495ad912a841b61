"""The SQLite store: schema, idempotent adds, sources unified across documents, queries, merges."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from attrs import evolve
from hypothesis import example, given, settings
from hypothesis import strategies as st
from store_fixtures import ALUSI, OFFICIAL, SOHR, SOHR_SHORT, article, relay, seed, source

from provenance.errors import InputError, StoreError
from provenance.factcheck.model import Review
from provenance.model import (
    Claim,
    ClaimKind,
    Document,
    Graph,
    Hop,
    Source,
    SourceKind,
    claim_id,
    slugify,
)
from provenance.sources import is_document_scoped
from provenance.store import VERSION, AddStatus, Store
from provenance.store import schema as store_schema


@pytest.fixture
def store() -> Store:
    """An empty in-memory store."""
    opened = Store.open(":memory:")
    yield opened
    opened.close()


def _roots(store: Store) -> dict[str, str]:
    return {row[0]: row[1] for row in store.db.execute("select id, canonical from sources")}


# -- opening ------------------------------------------------------------------------------------


def test_a_private_memory_database_opened_to_read_is_empty_with_the_schema() -> None:
    with Store.open(":memory:", readonly=True) as store:
        assert store.db.execute("select count(*) from documents").fetchone()[0] == 0


def test_open_creates_the_schema_in_wal_mode_with_foreign_keys(tmp_path: Path) -> None:
    with Store.open(tmp_path / "p.db") as store:
        assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert store.db.execute("PRAGMA user_version").fetchone()[0] == VERSION
        assert {"documents", "sources", "source_aliases", "claims", "hops", "findings"} <= set(
            store.db.table_names()
        )
        # What Datasette needs to offer search boxes and links between rows.
        assert store.db["claims"].detect_fts() == "claims_fts"
        assert store.db["sources"].detect_fts() == "sources_fts"
        assert {fk.other_table for fk in store.db["hops"].foreign_keys} == {"claims", "sources", "documents"}
        assert "chains" in store.db.view_names()
    with Store.open(tmp_path / "p.db") as again:  # reopening migrates nothing and loses nothing
        assert again.check() == []


def test_open_refuses_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("just some notes, long enough to look like a header " * 20)
    with pytest.raises(StoreError, match="not a SQLite database") as caught:
        Store.open(path)
    assert str(path) in str(caught.value)


def test_open_refuses_someone_elses_database(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    sqlite3.connect(path).execute("create table things (id integer)").connection.commit()
    with pytest.raises(StoreError, match="not a provenance database"):
        Store.open(path)


def test_open_refuses_a_newer_schema(tmp_path: Path) -> None:
    Store.open(tmp_path / "p.db").close()
    connection = sqlite3.connect(tmp_path / "p.db")
    connection.execute(f"PRAGMA user_version = {VERSION + 1}")
    connection.close()
    with pytest.raises(StoreError, match="newer provenance"):
        Store.open(tmp_path / "p.db")


@pytest.mark.parametrize("where", ["folder", "missing-folder"])
def test_open_refuses_paths_it_cannot_create(tmp_path: Path, where: str) -> None:
    path = tmp_path if where == "folder" else tmp_path / "nowhere" / "p.db"
    with pytest.raises(StoreError):
        Store.open(path)


def test_a_read_only_store_answers_queries_and_refuses_writes(tmp_path: Path) -> None:
    with Store.open(tmp_path / "p.db") as store:
        store.add(seed())
    with Store.open(tmp_path / "p.db", readonly=True) as store:
        assert len(store.graph().documents) == 1
        with pytest.raises(StoreError, match="read-only"):
            store.add(relay("Reuters", 2))


def test_migrations_run_once_each_in_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    Store.open(tmp_path / "p.db").close()
    ran = []

    def add_labels(db: object) -> None:
        ran.append("labels")
        db.execute("create table labels (claim text references claims(id), label text)")  # type: ignore[attr-defined]

    monkeypatch.setattr(store_schema, "MIGRATIONS", (*store_schema.MIGRATIONS, add_labels))
    for _ in range(2):
        with Store.open(tmp_path / "p.db") as store:
            assert store.db.execute("PRAGMA user_version").fetchone()[0] == VERSION + 1
    assert ran == ["labels"]


# -- adding -------------------------------------------------------------------------------------


def test_adding_twice_adds_nothing(store: Store) -> None:
    graph = seed()
    assert store.add(graph).status is AddStatus.ADDED
    counts = [store.db[t].count for t in ("documents", "sources", "claims", "hops", "findings")]
    result = store.add(graph)
    assert result.status is AddStatus.UNCHANGED
    assert result.claims == 0
    assert [store.db[t].count for t in ("documents", "sources", "claims", "hops", "findings")] == counts


def test_a_document_round_trips(store: Store) -> None:
    graph = seed()
    store.add(graph)
    stored = store.graph(graph.documents[0].id)
    assert stored.documents == graph.documents
    assert stored.claims == graph.claims
    assert stored.findings == graph.findings
    by_id = {s.id: s for s in stored.sources}
    assert by_id["syrian-observatory-for-human-rights"] == SOHR
    # A person's one-word alias names them only inside the article, so it is not kept.
    assert by_id["mithal-al-alusi"] == evolve(ALUSI, aliases=())


def test_new_content_under_the_same_id_replaces_the_old(store: Store) -> None:
    first = seed()
    store.add(first)
    document = first.documents[0]
    shorter = evolve(first, claims=first.claims[:1], findings=())
    assert store.add(shorter).status is AddStatus.UPDATED
    stored = store.graph(document.id)
    assert stored.claims == shorter.claims
    assert stored.findings == ()
    assert store.db["claims"].count == 1
    assert store.db["hops"].count == 2
    assert next(iter(store.db.execute("select count(*) from claims_fts")))[0] == 1
    assert store.check() == []


def _with_authors(graph: Graph, *authors: str) -> Graph:
    return evolve(graph, documents=tuple(evolve(d, authors=authors) for d in graph.documents))


def test_authors_round_trip_in_their_order_and_change_with_the_article(store: Store) -> None:
    graph = _with_authors(seed(), "Jane Roe", "Ahmed Omar")
    store.add(graph)
    [document] = store.graph(graph.documents[0].id).documents
    assert document.authors == ("Jane Roe", "Ahmed Omar")
    assert store.graph().documents[0].authors == ("Jane Roe", "Ahmed Omar")
    assert store.add(_with_authors(graph, "Ahmed Omar")).status is AddStatus.UPDATED
    assert store.graph(graph.documents[0].id).documents[0].authors == ("Ahmed Omar",)
    assert [row[0] for row in store.db.execute("select name from document_authors")] == ["Ahmed Omar"]
    assert store.check() == []


def test_a_version_2_database_migrates_to_authors_and_keeps_its_data(tmp_path: Path) -> None:
    from sqlite_utils import Database

    path = tmp_path / "v2.db"
    connection = sqlite3.connect(path)
    db = Database(connection)
    for step in store_schema.MIGRATIONS[:2]:  # the schema as version 2 wrote it
        step(db)
    db.execute("PRAGMA user_version = 2")
    Store(db, str(path)).add(seed())  # no authors: nothing is written where version 2 has no table
    connection.commit()
    connection.close()
    with Store.open(path, readonly=True) as store:
        assert store.db.execute("PRAGMA user_version").fetchone()[0] == 3
        graph = store.graph()
        assert (len(graph.documents), len(graph.claims), graph.documents[0].authors) == (1, 3, ())
    with Store.open(path) as store:
        store.add(_with_authors(seed(), "Jane Roe"))
        assert store.graph().documents[0].authors == ("Jane Roe",)


def test_a_claim_id_belongs_to_one_document(store: Store) -> None:
    one = seed()
    store.add(one)
    other = relay("Reuters", 2)
    clashing = evolve(other, claims=tuple(evolve(c, id=one.claims[0].id) for c in other.claims[:1]))
    with pytest.raises(InputError, match="already belongs"):
        store.add(clashing)
    assert store.graph().documents == one.documents  # nothing of the refused document was kept


def test_add_many_stores_as_add_does_in_one_transaction(store: Store, tmp_path: Path) -> None:
    graphs = [seed(), relay("Reuters", 2), relay("AFP", 3, by=SOHR), relay("AP", 4)]
    dpa = relay("DPA", 5)
    clashing = evolve(dpa, claims=tuple(evolve(c, id=graphs[0].claims[0].id) for c in dpa.claims[:1]))
    results = store.add_many(
        [(graphs[0], "h0"), (graphs[1], None), (clashing, None), (graphs[2], "h2"), (graphs[3], None)]
    )
    assert isinstance(results[2], InputError)
    assert "already belongs" in results[2].message
    assert [r.documents[0][1] for r in results if not isinstance(r, InputError)] == [AddStatus.ADDED] * 4
    assert store.has_input("h2")
    again = store.add_many([(graph, None) for graph in graphs])
    assert [r.documents[0][1] for r in again if not isinstance(r, InputError)] == [AddStatus.UNCHANGED] * 4
    # The same database as one `add` a document: sources unified the same way, nothing of the
    # refused document kept.
    with Store.open(tmp_path / "one-by-one.db") as one_by_one:
        for graph in graphs:
            one_by_one.add(graph)
        assert store.graph() == one_by_one.graph()
    assert store.check() == []


def test_every_document_of_a_graph_is_added(store: Store) -> None:
    merged = Graph.merge([seed(), relay("Reuters", 2), relay("AFP", 3)])
    result = store.add(merged)
    assert [status for _, status in result.documents] == [AddStatus.ADDED] * 3
    assert [d.id for d in store.graph(with_text=False).documents] == [d.id for d in merged.documents]


def test_unknown_document_is_an_input_error(store: Store) -> None:
    with pytest.raises(InputError, match="no document"):
        store.graph("doc-nope")


# -- one source across documents ----------------------------------------------------------------


@pytest.mark.parametrize("order", ["acronym first", "full name first"])
def test_an_acronym_and_its_full_name_are_one_source(store: Store, order: str) -> None:
    graphs = [relay("Reuters", 2, SOHR_SHORT), relay("AFP", 3, SOHR)]
    for graph in graphs if order == "acronym first" else graphs[::-1]:
        store.add(graph)
    roots = {_roots(store)[s] for s in ("sohr", "syrian-observatory-for-human-rights")}
    assert roots == {"syrian-observatory-for-human-rights"}  # the spelled-out name heads the group
    everything = store.graph()
    roots_of_claims = {c.root for c in everything.claims if c.kind is not ClaimKind.UNATTRIBUTED}
    assert "syrian-observatory-for-human-rights" in roots_of_claims
    assert "sohr" not in roots_of_claims
    group = everything.source("syrian-observatory-for-human-rights")
    assert group is not None
    assert "SOHR" in group.aliases


def test_an_alias_seen_in_one_article_finds_the_source_in_another(store: Store) -> None:
    store.add(seed())  # SOHR with alias "the Observatory"
    observatory = source("The Observatory", SourceKind.MONITOR)
    store.add(relay("AFP", 3, observatory))
    assert _roots(store)["the-observatory"] == "syrian-observatory-for-human-rights"


def test_people_are_not_merged_on_a_surname_or_with_organisations(store: Store) -> None:
    store.add(article("One.", "Reuters", [("he spoke", source("Jordan Smith", SourceKind.PERSON))]))
    store.add(article("Two.", "AFP", [("it ruled", source("Jordan", SourceKind.GOVERNMENT))]))
    store.add(article("Three.", "AP", [("she spoke", source("Anna Smith", SourceKind.PERSON, "Smith"))]))
    roots = _roots(store)
    assert len({roots["jordan-smith"], roots["jordan"], roots["anna-smith"]}) == 3


def test_anonymous_sources_are_different_in_every_article(store: Store) -> None:
    store.add(relay("Reuters", 2))
    store.add(relay("AFP", 3))
    anonymous = [s for s in store.graph().sources if s.kind is SourceKind.ANONYMOUS]
    assert len(anonymous) == 2
    assert all(s.name == OFFICIAL.name for s in anonymous)


def test_initials_shared_by_two_names_merge_nothing(store: Store) -> None:
    store.add(article("One.", "Reuters", [("a", source("United Nations", SourceKind.ORGANIZATION))]))
    store.add(article("Two.", "AFP", [("b", source("Union of Nurses", SourceKind.ORGANIZATION))]))
    store.add(article("Three.", "AP", [("c", source("UN", SourceKind.ORGANIZATION))]))
    roots = _roots(store)
    assert roots["united-nations"] != roots["union-of-nurses"]
    assert roots["un"] == "un"  # "UN" could be either: it stands alone until someone merges it


# -- merge and split ----------------------------------------------------------------------------


def test_merge_then_split_restores_both_sources(store: Store) -> None:
    store.add(relay("Reuters", 2, source("Observatoire syrien", SourceKind.MONITOR)))
    store.add(relay("AFP", 3, SOHR))
    before = store.graph()
    store.merge_sources("SOHR", "Observatoire syrien")
    merged = store.graph()
    assert {c.root for c in merged.claims if c.root and "official" not in c.root} >= {
        "syrian-observatory-for-human-rights"
    }
    assert merged.source("observatoire-syrien") is None
    assert store.trace("Observatoire syrien").total_documents == 2
    assert store.split_source("Observatoire syrien") == ("observatoire-syrien",)
    assert store.graph() == before


def test_split_undoes_an_automatic_merge(store: Store) -> None:
    store.add(relay("Reuters", 2, SOHR_SHORT))
    store.add(relay("AFP", 3, SOHR))
    assert store.split_source("syrian-observatory-for-human-rights") == ("sohr",)
    assert _roots(store)["sohr"] == "sohr"
    with pytest.raises(InputError, match="not merged"):
        store.split_source("sohr")


def test_merging_a_source_with_itself_is_refused(store: Store) -> None:
    store.add(relay("AFP", 3, SOHR))
    with pytest.raises(InputError, match="already one source"):
        store.merge_sources("SOHR", "Syrian Observatory for Human Rights")


# -- queries ------------------------------------------------------------------------------------


def test_search_ranks_claims_and_shows_snippet_and_chain(store: Store) -> None:
    store.add(seed())
    store.add(relay("Reuters", 2))
    hits = store.search("convoy spotted")
    assert [hit.claim.text for hit in hits] == ["the convoy was spotted on the Al-Hasakah-Raqqa road"]
    hit = hits[0]
    assert "[convoy]" in hit.snippet
    assert "[spotted]" in hit.snippet
    assert [s.name for s in hit.chain] == ["Shafaq News", "Syrian Observatory for Human Rights"]
    assert hit.document.title == "Coalition convoy enters Syria."
    assert hit.document.text == ""
    assert len(store.search("trucks OR convoy", limit=2)) == 2


def test_search_stems_words(store: Store) -> None:
    store.add(seed())
    expected = ["a devastating regional sectarian conflict could claim millions of lives"]
    assert [h.claim.text for h in store.search("conflicts claimed")] == expected


@pytest.mark.parametrize("query", ["AND OR", "*", "-", "  "])
def test_a_search_with_no_word_is_an_input_error(store: Store, query: str) -> None:
    store.add(seed())
    with pytest.raises(InputError, match="search"):
        store.search(query)


@pytest.mark.parametrize("query", ['"convoy', "AND convoy", "convoy.", "Al-Hasakah"])
def test_what_people_type_is_searched_as_written(store: Store, query: str) -> None:
    store.add(seed())
    assert store.search(query)
    assert store.search_total(query) == len(store.search(query))


def test_trace_finds_every_claim_on_a_source_by_any_name(store: Store) -> None:
    store.add(seed())
    store.add(relay("Reuters", 2, SOHR_SHORT))
    store.add(relay("AFP", 3, source("Observatory", SourceKind.MONITOR)))
    for name in (
        "SOHR",
        "Syrian Observatory for Human Rights",
        "syrian-observatory-for-human-rights",
        "the Observatory",
        "sohr",
    ):
        trace = store.trace(name)
        assert trace.source.id == "syrian-observatory-for-human-rights"
        assert trace.total_claims == 3
        assert trace.total_documents == 3
        assert [o.name for o in trace.outlets] == ["AFP", "Reuters", "Shafaq News"]
    newest = trace.claims[0]
    assert newest.document.published is not None
    assert newest.document.published.day == 3
    assert [s.name for s in newest.path] == ["AFP", "Syrian Observatory for Human Rights"]


def test_trace_follows_cited_documents(store: Store) -> None:
    original = seed()
    store.add(original)
    cited = original.documents[0].id
    outlet = source("Rudaw", SourceKind.OUTLET)
    store.add(
        article("Rudaw repeats.", "Daily Echo", [("the convoy moved", outlet)], day=4, cites_document=cited)
    )
    trace = store.trace("Syrian Observatory for Human Rights")
    assert trace.total_documents == 2
    relayed = next(c for c in trace.claims if c.via)
    assert relayed.via == cited
    assert [s.name for s in relayed.path] == ["Daily Echo", "Rudaw"]


def test_trace_limits_the_claims_it_returns_not_the_totals(store: Store) -> None:
    for day in range(1, 6):
        store.add(relay(f"Outlet {day}", day))
    trace = store.trace("SOHR", limit=2)
    assert len(trace.claims) == 2
    assert trace.total_claims == 5


def test_trace_of_an_unknown_source_suggests_names(store: Store) -> None:
    store.add(seed())
    with pytest.raises(InputError, match="Syrian Observatory for Human Rights"):
        store.trace("Syrian Observer")


def test_sources_counts_claims_documents_outlets_and_anonymity(store: Store) -> None:
    store.add(seed())
    store.add(relay("Reuters", 2))
    store.add(relay("AFP", 3))
    stats = {s.source.name: s for s in store.sources()}
    assert next(iter(stats)) == "Syrian Observatory for Human Rights"  # most claims first
    observatory = stats["Syrian Observatory for Human Rights"]
    assert (observatory.claims, observatory.documents, observatory.outlets) == (3, 3, 3)
    assert observatory.first_seen is not None
    assert observatory.last_seen is not None
    assert (observatory.first_seen.day, observatory.last_seen.day) == (1, 3)
    assert observatory.members == ("sohr",)
    reuters = stats["Reuters"]
    assert (reuters.claims, reuters.published, reuters.anonymous_share) == (0, 1, 0.5)
    assert stats["Shafaq News"].anonymous_share == 0.0
    assert "an official" not in stats
    assert "an official" in {s.source.name for s in store.sources(include_anonymous=True)}


def test_the_whole_graph_names_each_source_once(store: Store) -> None:
    store.add(seed())
    store.add(relay("Reuters", 2))
    store.add(relay("AFP", 3, SOHR))
    everything = store.graph()
    assert len(everything.documents) == 3
    assert len({s.id for s in everything.sources}) == len(everything.sources)
    used = {hop.source for claim in everything.claims for hop in claim.chain}
    assert used <= {s.id for s in everything.sources}
    without_text = store.graph(with_text=False)
    assert all(d.text == "" for d in without_text.documents)
    assert isinstance(everything.source("syrian-observatory-for-human-rights"), Source)


def test_trace_survives_articles_citing_each_other(store: Store) -> None:
    first = article("First.", "Daily Echo", [("the dam broke", SOHR)])
    store.add(first)
    second = article(
        "Second.",
        "Night Post",
        [("the dam broke, Echo says", source("Daily Echo", SourceKind.OUTLET))],
        day=2,
        cites_document=first.documents[0].id,
    )
    store.add(second)
    # The first article is revised (same text, same id) to cite the second: a loop the trace must
    # not follow forever.
    loop = article("First.", "Daily Echo", [("the dam broke", SOHR)], cites_document=second.documents[0].id)
    assert store.add(loop).status is AddStatus.UPDATED
    trace = store.trace("SOHR")
    assert (trace.total_claims, trace.total_documents) == (2, 2)
    assert {c.via for c in trace.claims} == {None, first.documents[0].id}


def test_the_stored_corpus_feeds_the_corpus_rules(store: Store) -> None:
    from provenance.resolve import resolve

    sightings = [
        ("Reuters", SOHR_SHORT),
        ("AFP", SOHR),
        ("AP", SOHR_SHORT),
        ("Rudaw", source("The Observatory", SourceKind.MONITOR)),
    ]
    for day, (outlet, by) in enumerate(sightings, start=1):
        store.add(
            article(
                f"{outlet} report.",
                outlet,
                [("fifty trucks crossed the border into Syria on Tuesday night", by)],
                day=day,
            )
        )
    findings = [f for f in resolve(store.graph()) if f.rule == "not-independent"]
    assert len(findings) == 1
    assert "4 outlets, 1 independent origin: Syrian Observatory for Human Rights" in findings[0].message


_names = st.text(
    alphabet=st.characters(codec="utf-8", categories=("L", "N", "Zs", "Pd")), min_size=1, max_size=30
).filter(str.strip)


@st.composite
def _graphs(draw: st.DrawFn) -> Graph:
    text = draw(st.text(min_size=1, max_size=200))
    published = draw(st.none() | st.datetimes(timezones=st.none() | st.timezones()))
    outlet = Source(slugify(draw(_names)), draw(_names), SourceKind.OUTLET)
    document = Document.from_text(text, outlet=outlet.id, published=published, title=draw(st.none() | _names))
    sources = {outlet.id: outlet}
    for name in draw(st.lists(_names, max_size=4)):
        kind = draw(st.sampled_from(SourceKind))
        sources.setdefault(
            slugify(name), Source(slugify(name), name, kind, tuple(draw(st.lists(_names, max_size=2))))
        )
    claims = []
    for ordinal in range(1, draw(st.integers(0, 4)) + 1):
        chain = [Hop(outlet.id, cue="publishes")]
        chain += [
            Hop(source_id, cue=draw(st.none() | _names), mention_span=(0, 1))
            for source_id in draw(st.lists(st.sampled_from(sorted(sources)), max_size=3))
        ]
        claims.append(
            Claim(
                claim_id(document.id, ordinal),
                document.id,
                draw(st.text(max_size=40)),
                draw(st.none() | st.just((0, 1))),
                draw(st.sampled_from(ClaimKind)),
                date=draw(st.none() | st.dates()),
                chain=tuple(chain),
            )
        )
    return Graph((document,), tuple(sources.values()), tuple(claims))


def _at_utc(document: Document) -> Document:
    """The document with its publication time as a UTC instant, for comparing across zones."""
    published = document.published
    if published is None or published.tzinfo is None:
        return document
    return evolve(document, published=published.astimezone(UTC))


_FALL_BACK = datetime(2000, 10, 29, 1, 0, tzinfo=ZoneInfo("America/Dawson"))  # an ambiguous hour


@settings(max_examples=150, deadline=None)
@given(graph=_graphs())
@example(
    graph=Graph(
        (Document.from_text("x", outlet="o", published=_FALL_BACK),),
        (Source("o", "O", SourceKind.OUTLET),),
        (),
    )
)
def test_any_graph_is_stored_whole_and_only_once(graph: Graph) -> None:
    with Store.open(":memory:") as store:
        assert store.add(graph).status is AddStatus.ADDED
        assert store.add(graph).status is AddStatus.UNCHANGED
        assert store.check() == []
        stored = store.graph(graph.documents[0].id)
        # The store keeps the instant. An ambiguous local time (a DST fall-back hour) is never equal
        # to the same instant in another zone under PEP 495, so compare instants, not wall clocks.
        assert [_at_utc(d) for d in stored.documents] == [_at_utc(d) for d in graph.documents]
        roots = _roots(store)
        scoped = {
            s.id: f"{s.id}@{graph.documents[0].id}"
            for s in graph.sources
            if is_document_scoped(s) and s.id != graph.documents[0].outlet
        }
        expected = tuple(
            evolve(
                claim,
                chain=tuple(
                    evolve(hop, source=roots[scoped.get(hop.source, hop.source)]) for hop in claim.chain
                ),
            )
            for claim in graph.claims
        )
        assert stored.claims == expected
        assert {hop.source for c in stored.claims for hop in c.chain} <= {s.id for s in stored.sources}


def test_datasette_opens_the_database_as_it_is(tmp_path: Path) -> None:
    datasette_app = pytest.importorskip("datasette.app")
    import asyncio

    with Store.open(tmp_path / "p.db") as store:
        store.add(seed())

    async def fetch(path: str) -> object:
        response = await datasette_app.Datasette([str(tmp_path / "p.db")]).client.get(path)
        assert response.status_code == 200
        return response.json()

    found = asyncio.run(fetch("/p/claims.json?_search=convoy&_shape=array"))
    assert {row["text"] for row in found} >= {"the convoy was spotted on the Al-Hasakah-Raqqa road"}
    hops = asyncio.run(fetch("/p/hops.json?_labels=on&_shape=array&position=1"))
    labels = {hop["source"]["label"] for hop in hops}
    assert labels == {"Mithal al-Alusi", "Syrian Observatory for Human Rights"}


def test_a_missing_database_is_not_created_for_reading(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such database"):
        Store.open(tmp_path / "missing.db", readonly=True)
    assert not (tmp_path / "missing.db").exists()


@pytest.mark.parametrize("hours", [14, -14])
def test_publication_times_at_the_edge_of_the_calendar_are_stored(store: Store, hours: int) -> None:
    # Year 1 east of Greenwich and year 9999 west of it have no UTC instant in Python's range.
    edge = datetime(1, 1, 1, 3) if hours > 0 else datetime(9999, 12, 31, 20)
    published = edge.replace(tzinfo=timezone(timedelta(hours=hours)))
    document = Document.from_text("The convoy left, officials said.", outlet="o", published=published)
    store.add(Graph((document,), (Source("o", "O", SourceKind.OUTLET),)))
    (stored,) = store.graph().documents
    assert stored.published == published


@settings(max_examples=60)
@given(st.lists(st.text(min_size=1, max_size=12), min_size=1, max_size=4))
def test_any_words_look_for_reviews_and_the_claims_own_words_find_it(words: list[str]) -> None:
    review = Review("The harbour closed on Tuesday", "false", "False", datetime(2025, 1, 2, tzinfo=UTC))
    with Store.open(":memory:") as store:
        store.add_review(review)
        assert store.reviews_sharing_words(words, 5) in ([], [review])
        assert store.reviews_sharing_words([*words, "harbour"], 5) == [review]
