"""The fact-check workflow on a store: verdict history, copies in other outlets, ClaimReview out and in."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from attrs import evolve
from store_fixtures import ALUSI, SOHR, SOHR_SHORT, article, seed

from provenance.config import Config, parse_config
from provenance.errors import InputError
from provenance.factcheck.matching import check_claim, find_matches, reviews_of
from provenance.factcheck.workflow import claimreview, import_claimreviews, record_review
from provenance.model import Graph
from provenance.store import AddStatus, Store
from provenance.store import schema as store_schema

jsonld = pytest.importorskip("pyld.jsonld")

CLAIM = "US forces sent 50 trucks of cement blocks to the Kobani area"
TRIMMED = "US forces sent 50 trucks of cement blocks to Kobani"
OTHER_FIGURE = "US forces sent 40 trucks of cement blocks to the Kobani area"
WHEN = datetime(2025, 1, 5, 9, 30, tzinfo=UTC)


def _articles() -> list[Graph]:
    return [
        article("Convoy reaches Kobani.", "Shafaq News", [(CLAIM, SOHR)], day=2),
        article("Trucks seen near Kobani.", "Reuters", [(CLAIM, SOHR_SHORT)], day=3),
        article("Politician on the convoy.", "Daily Star", [(TRIMMED, ALUSI)], day=1),
        article("Fewer trucks, says monitor.", "Hilltop Herald", [(OTHER_FIGURE, SOHR)], day=4),
    ]


@pytest.fixture
def store() -> Store:
    """An in-memory store holding one claim carried by three outlets and a variant with another figure."""
    opened = Store.open(":memory:")
    for graph in _articles():
        opened.add(graph)
    yield opened
    opened.close()


def _claim(graph: Graph) -> str:
    return graph.claims[0].id


SHAFAQ, REUTERS, DAILY_STAR, HILLTOP = (_claim(graph) for graph in _articles())


def test_verdicts_are_never_overwritten_and_the_newest_stands(store: Store) -> None:
    record_review(store, SHAFAQ, "mostly-true", Config(), reviewer="Ann", reviewed=WHEN)
    record_review(
        store,
        SHAFAQ,
        "false",
        Config(),
        reviewer="Bo",
        reviewed=WHEN.replace(hour=11),
        note="It was 40 trucks.",
        evidence=("https://example.org/sohr",),
    )
    history = reviews_of(store, SHAFAQ)
    assert [(r.rating, r.reviewer) for r in history] == [("false", "Bo"), ("mostly-true", "Ann")]
    assert history[0].evidence == ("https://example.org/sohr",)
    assert (history[0].value, history[0].best, history[0].worst) == (1, 5, 1)
    with pytest.raises(sqlite3.DatabaseError, match="never changed"):
        store.db.execute("update reviews set rating = 'true'")
    with pytest.raises(sqlite3.DatabaseError, match="never changed"):
        store.db.execute("delete from reviews")


def test_a_later_review_at_the_same_second_stands(store: Store) -> None:
    record_review(store, SHAFAQ, "true", Config(), reviewer="Ann", reviewed=WHEN)
    record_review(store, SHAFAQ, "misleading", Config(), reviewer="Ann", reviewed=WHEN)
    assert [r.rating for r in reviews_of(store, SHAFAQ)] == ["misleading", "true"]


def test_a_review_is_found_from_another_outlets_copy_but_not_for_another_figure(store: Store) -> None:
    record_review(store, SHAFAQ, "false", Config(), reviewer="Ann", reviewed=WHEN)
    assert [r.claim for r in reviews_of(store, REUTERS)] == [SHAFAQ]
    assert [r.claim for r in reviews_of(store, DAILY_STAR)] == [SHAFAQ]  # trimmed wording
    assert reviews_of(store, HILLTOP) == []  # "40 trucks" is another claim


def test_check_claim_groups_copies_with_origins_first_appearance_and_verdict(store: Store) -> None:
    record_review(store, REUTERS, "misleading", Config(), reviewer="Ann", reviewed=WHEN)
    matches = check_claim(store, "US forces sent 50 trucks to Kobani")
    assert len(matches) == 2
    first = matches[0]
    assert first.claim is not None
    assert {claim.document for claim, _ in first.appearances} == {
        graph.documents[0].id for graph in _articles()[:3]
    }
    assert sorted(source.name for source in first.roots) == [
        "Mithal al-Alusi",
        "Syrian Observatory for Human Rights",
    ]
    assert first.origins == 2
    assert [outlet.name for outlet in first.outlets] == ["Daily Star", "Shafaq News", "Reuters"]
    assert first.first_appearance is not None
    assert first.first_appearance.title == "Politician on the convoy."  # day 1
    assert first.verdict is not None
    assert first.verdict.rating == "misleading"
    other = matches[1]
    assert other.claim is not None
    assert other.claim.id == HILLTOP
    assert other.verdict is None


def test_check_claim_threshold_and_a_text_with_nothing_to_search(store: Store) -> None:
    assert check_claim(store, "Hundreds of residents left their homes after a fire") == []
    assert len(check_claim(store, "US forces sent 50 trucks to Kobani", threshold=90)) == 1
    with pytest.raises(InputError, match="more words"):
        check_claim(store, "it is")


def test_fewer_matches_shown_than_there_are_says_how_many_in_all(store: Store) -> None:
    from provenance.render.review import render_matches

    whole = find_matches(store, "US forces sent 50 trucks to Kobani")
    assert (len(whole.matches), whole.total) == (2, 2)  # three outlets' copies are one match
    best = find_matches(store, "US forces sent 50 trucks to Kobani", limit=1)
    assert best.total == 2
    assert [match.claim.id for match in best.matches if match.claim] == [whole.matches[0].claim.id]
    heading = render_matches(best.matches, "US forces sent 50 trucks to Kobani", total=best.total)
    assert str(heading.renderables[0]).startswith("1 of 2 matches for")


S = "http://schema.org/"


def _value(node: dict[str, Any], term: str) -> Any:
    return node[S + term][0].get("@value", node[S + term][0].get("@id"))


def test_claimreview_from_the_database_expands_with_the_standing_verdict(store: Store) -> None:
    from test_export_prov import _offline_loader

    config = parse_config({"review": {"author": "Example Checkers"}})
    record_review(store, SHAFAQ, "true", config, reviewer="Ann", reviewed=WHEN)
    record_review(
        store,
        SHAFAQ,
        "half-true",
        config,
        reviewer="Bo",
        reviewed=WHEN.replace(day=6),
        evidence=("https://example.org/sohr",),
    )
    data = json.loads(claimreview(store, SHAFAQ, config))
    [review] = jsonld.expand(data, {"documentLoader": _offline_loader})
    rating = review[S + "reviewRating"][0]
    assert _value(rating, "alternateName") == "Half true"
    assert (_value(rating, "ratingValue"), _value(rating, "bestRating"), _value(rating, "worstRating")) == (
        3,
        5,
        1,
    )
    assert _value(review[S + "author"][0], "name") == "Example Checkers"
    assert _value(review, "datePublished") == "2025-01-06"
    assert _value(review, "citation") == "https://example.org/sohr"
    item = review[S + "itemReviewed"][0]
    assert len(item[S + "appearance"]) == 3  # Shafaq, Reuters and the trimmed copy
    assert _value(item[S + "firstAppearance"][0], "headline") == "Politician on the convoy."


def _claimreview(text: str, rating: str, **extra: Any) -> dict[str, Any]:
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "claimReviewed": text,
        "author": {"@type": "Organization", "name": "Other Checkers"},
        "reviewRating": {
            "@type": "Rating",
            "alternateName": rating,
            "ratingValue": "2",
            "bestRating": "5",
            "worstRating": "1",
        },
        **extra,
    }


def test_import_of_a_claimreview_json_file_is_found_and_idempotent(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "reviews.jsonld"
    path.write_text(
        json.dumps(
            {
                "@graph": [
                    _claimreview(
                        CLAIM, "Mostly False", datePublished="2025-01-04", url="https://other.example/r1"
                    ),
                    _claimreview("The mayor resigned over the water contract in March", "False"),
                    {"@type": "ClaimReview", "claimReviewed": "No rating here"},
                ]
            }
        ),
        encoding="utf-8",
    )
    result = import_claimreviews(store, path, received=WHEN)
    assert (result.found, result.added) == (2, 2)
    assert import_claimreviews(store, path, received=WHEN).added == 0
    [imported] = reviews_of(store, DAILY_STAR)
    assert (imported.rating, imported.label, imported.organisation) == (
        "mostly-false",
        "Mostly False",
        "Other Checkers",
    )
    assert (imported.value, imported.best, imported.claim, imported.origin) == (2, 5, None, "reviews.jsonld")
    [elsewhere] = check_claim(store, "the mayor resigned over the water contract")
    assert elsewhere.claim is None
    assert elsewhere.verdict is not None
    assert elsewhere.verdict.reviewed == WHEN  # no date of its own


def test_import_of_an_html_page_reads_its_embedded_json_ld(store: Store, tmp_path: Path) -> None:
    page = tmp_path / "factcheck.html"
    markup = json.dumps(_claimreview(OTHER_FIGURE, "False", datePublished="2025-01-05"))
    page.write_text(
        f'<html><head><title>Fact check</title><script type="application/ld+json">{markup}'
        "</script></head><body><p>We checked it.</p></body></html>",
        encoding="utf-8",
    )
    assert import_claimreviews(store, page, received=WHEN).added == 1
    [review] = reviews_of(store, HILLTOP)
    assert review.label == "False"
    assert reviews_of(store, SHAFAQ) == []
    empty = tmp_path / "empty.html"
    empty.write_text("<html><body>nothing</body></html>", encoding="utf-8")
    with pytest.raises(InputError, match="no ClaimReview"):
        import_claimreviews(store, empty, received=WHEN)


def _version_1_database(path: Path) -> Path:
    connection = sqlite3.connect(path)
    from sqlite_utils import Database

    db = Database(connection)
    store_schema.MIGRATIONS[0](db)  # the schema as version 1 wrote it
    db.execute("PRAGMA user_version = 1")
    Store(db, str(path)).add(seed())
    connection.commit()
    connection.close()
    return path


def test_a_version_1_database_is_migrated_by_a_read_only_command_too(tmp_path: Path) -> None:
    path = _version_1_database(tmp_path / "old.db")
    with Store.open(path, readonly=True) as store:
        assert store.db.execute("PRAGMA user_version").fetchone()[0] == store_schema.VERSION
        assert len(store.graph().claims) == 3


def test_a_version_1_database_migrates_and_keeps_its_data(tmp_path: Path) -> None:
    path = _version_1_database(tmp_path / "old.db")
    with Store.open(path) as store:
        assert store.db.execute("PRAGMA user_version").fetchone()[0] == store_schema.VERSION
        graph = store.graph()
        assert (len(graph.documents), len(graph.claims)) == (1, 3)
        claim = graph.claims[1].id
        record_review(store, claim, "unproven", Config(), reviewer="Ann", reviewed=WHEN)
        assert [r.rating for r in reviews_of(store, claim)] == ["unproven"]


def test_a_verdict_outlives_reingesting_a_changed_article(store: Store) -> None:
    record_review(store, SHAFAQ, "false", Config(), reviewer="Ann", reviewed=WHEN)
    [graph] = _articles()[:1]
    document = graph.documents[0]
    changed = evolve(graph, documents=(evolve(document, title="Convoy reaches Kobani (updated)"),))
    assert store.add(changed).status is AddStatus.UPDATED  # its claims are replaced
    assert [r.rating for r in reviews_of(store, SHAFAQ)] == ["false"]


CHECKS = json.loads((Path(__file__).parent / "data" / "check_claims.json").read_text(encoding="utf-8"))
"""Stored claims, page junk among them, and texts a checker might paste, written for the threshold."""


@pytest.fixture(scope="module")
def harbour() -> tuple[Store, dict[str, str]]:
    """The stored claims of the data, one article each under its outlet, and each stored claim's
    id in the data by its id in the store."""
    opened = Store.open(":memory:")
    for number, stored in enumerate(CHECKS["stored"], start=1):
        opened.add(
            article(f"{stored['id']}.", stored["outlet"], [(stored["text"], None)], day=number % 28 + 1)
        )
    graph = opened.graph(with_text=False)
    titles = {document.id: (document.title or "").rstrip(".") for document in graph.documents}
    yield opened, {claim.id: titles[claim.document] for claim in graph.claims}
    opened.close()


@pytest.mark.parametrize("query", CHECKS["queries"], ids=lambda query: query["text"][:40])
def test_the_default_threshold_keeps_paraphrases_and_leaves_junk_out(
    harbour: tuple[Store, dict[str, str]], query: dict[str, Any]
) -> None:
    store, names = harbour
    try:
        matches = check_claim(store, query["text"], limit=50)
    except InputError:
        assert query["expect"] == []  # too few words to make a claim: refused, never a junk match
        return
    found = {names[claim.id] for match in matches for claim, _ in match.appearances}
    assert set(query["expect"]) <= found
    assert found <= set(query["expect"]) | set(query.get("allow", ()))


def test_copies_of_one_fact_in_two_outlets_are_one_match(harbour: tuple[Store, dict[str, str]]) -> None:
    store, names = harbour
    (match,) = check_claim(
        store, "A chemical spill on Monday closed the eastern terminal at Lakeport harbour"
    )
    assert sorted(names[claim.id] for claim, _ in match.appearances) == ["s1", "s2", "s3"]
    assert [outlet.name for outlet in match.outlets] == ["Harbour Gazette", "Valley Times", "Coastal Herald"]
