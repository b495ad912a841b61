"""W3C PROV exports read back by the reference ``prov`` package and rdflib; ClaimReview by pyld."""

from __future__ import annotations

import io
import json
from collections import Counter
from datetime import UTC, date, datetime
from importlib import resources
from typing import Any

import attrs
import pytest
from export_fixtures import AUTHORS, CLAIMS, REPORT_ID, sample_graph

from provenance.export import ExportOptions, export
from provenance.factcheck.claimreview import NO_VERDICT_NOTE
from provenance.factcheck.model import Review
from provenance.model import Graph, slugify

prov = pytest.importorskip("prov")
rdflib = pytest.importorskip("rdflib")
jsonld = pytest.importorskip("pyld.jsonld")

from prov.constants import (  # noqa: E402  (only once prov is known to be there)
    PROV_ATTR_AGENT,
    PROV_ATTR_GENERATED_ENTITY,
    PROV_ATTR_TIME,
    PROV_ATTR_USED_ENTITY,
    PROV_TYPE,
)
from prov.model import (  # noqa: E402
    ProvAgent,
    ProvAttribution,
    ProvDerivation,
    ProvDocument,
    ProvEntity,
    ProvGeneration,
    ProvMembership,
)

GRAPH = sample_graph()
PROV = "http://www.w3.org/ns/prov#"


def _expected(graph: Graph) -> Counter[str]:
    """What the mapping promises, counted from the model, not from the exporter."""
    hops = [hop for c in graph.claims for hop in c.chain]
    cited = [hop for c in graph.claims for hop in c.chain[1:] if hop.document]
    authors = {name for d in graph.documents for name in d.authors}
    writers = {name for name in authors if graph.source(slugify(name)) is None}  # not a party too
    return Counter(
        {
            "agent": len(graph.sources) + len(writers),
            "entity": len(graph.documents) + len(graph.claims) + len(hops) - len(graph.claims),
            "attribution": sum(1 for d in graph.documents if d.outlet) + len(hops) + len(authors),
            "derivation": len(hops) - len(graph.claims) + len(cited),
            "membership": len(graph.claims) + len(cited),
        }
    )


def _counts(document: ProvDocument) -> Counter[str]:
    kinds = {
        ProvAgent: "agent",
        ProvEntity: "entity",
        ProvAttribution: "attribution",
        ProvDerivation: "derivation",
        ProvMembership: "membership",
    }
    return Counter(kinds[type(r)] for r in document.get_records() if type(r) in kinds)


def _read(fmt: str, graph: Graph = GRAPH) -> ProvDocument:
    data = io.BytesIO(export(graph, fmt))
    if fmt == "prov-o":
        return prov.read(data, format="rdf", rdf_format="turtle")
    return prov.read(data, format={"prov-json": "json", "prov-n": "provn"}[fmt])


@pytest.mark.parametrize("fmt", ["prov-json", "prov-n"])
def test_prov_reads_back_every_statement(fmt: str) -> None:
    document = _read(fmt)
    assert _counts(document) == _expected(GRAPH)
    # 2 documents and 7 claims are dated by their publication.
    assert len(list(document.get_records(ProvGeneration))) == 9


def test_prov_json_and_prov_n_say_the_same() -> None:
    assert _read("prov-json") == _read("prov-n")


def test_prov_o_parses_as_turtle_with_the_same_statements() -> None:
    triples = rdflib.Graph().parse(data=export(GRAPH, "prov-o"), format="turtle")
    kind = rdflib.RDF.type
    entities = set(triples.subjects(kind, rdflib.URIRef(PROV + "Entity")))
    agents = set(triples.subjects(kind, rdflib.URIRef(PROV + "Agent")))
    derived = list(triples.subject_objects(rdflib.URIRef(PROV + "wasDerivedFrom")))
    attributed = list(triples.subject_objects(rdflib.URIRef(PROV + "wasAttributedTo")))
    expected = _expected(GRAPH)
    assert (len(entities), len(agents)) == (expected["entity"], expected["agent"])
    assert (len(derived), len(attributed)) == (expected["derivation"], expected["attribution"])
    quoted = list(triples.subject_objects(rdflib.URIRef(PROV + "wasQuotedFrom")))
    assert len(quoted) == 2  # the two direct quotes
    assert len(list(triples.subject_objects(rdflib.URIRef(PROV + "hadPrimarySource")))) == 1
    # The reference library sees the same elements and attributions in it.
    read = _counts(_read("prov-o"))
    assert {k: read[k] for k in ("agent", "entity", "attribution", "membership")} == {
        k: expected[k] for k in ("agent", "entity", "attribution", "membership")
    }


def _types(record: Any) -> set[str]:
    return {str(value) for value in record.get_attribute(PROV_TYPE)}


def test_direct_quotes_are_quotations_and_known_documents_primary_sources() -> None:
    derivations = list(_read("prov-json").get_records(ProvDerivation))
    by_type = Counter(t for r in derivations for t in _types(r))
    assert by_type["prov:Quotation"] == 2
    assert by_type["prov:PrimarySource"] == 1
    primary = next(r for r in derivations if "prov:PrimarySource" in _types(r))
    used = dict(primary.formal_attributes)[PROV_ATTR_USED_ENTITY]
    assert used.uri.endswith("/document/%2E.%2Fsohr%2F2025-01-02-convoy")
    agents = {
        str(a.get_attribute("prov:label").pop()): _types(a) for a in _read("prov-json").get_records(ProvAgent)
    }
    assert agents["Mithal al-Alusi"] == {"prov:Person"}
    assert agents["Shafaq News"] == {"prov:Organization"}
    assert agents["sources on the ground"] == set()


def test_the_article_is_attributed_to_its_authors_as_persons() -> None:
    document = _read("prov-json")
    agents = {str(a.identifier): a for a in document.get_records(ProvAgent)}
    authored = [
        str(dict(r.formal_attributes)[PROV_ATTR_AGENT])
        for r in document.get_records(ProvAttribution)
        if "author" in {str(v) for v in r.get_attribute("pv:role")}
    ]
    assert authored == ["src:sara-b-omar-b", "src:ali-hussein"]
    for identifier, name in zip(authored, AUTHORS, strict=True):
        assert _types(agents[identifier]) == {"prov:Person"}
        assert {str(v) for v in agents[identifier].get_attribute("prov:label")} == {name}


def _generation_times(document: ProvDocument) -> dict[str, datetime]:
    times = {}
    for record in document.get_records(ProvGeneration):
        attributes = dict(record.formal_attributes)
        if attributes.get(PROV_ATTR_TIME):
            times[str(record.args[0])] = attributes[PROV_ATTR_TIME]
    return times


def _ordering_violations(document: ProvDocument) -> list[str]:
    """PROV-CONSTRAINTS: a derivation's used entity is generated strictly before its result."""
    times = _generation_times(document)
    violations = []
    for record in document.get_records(ProvDerivation):
        attributes = dict(record.formal_attributes)
        made, used = (str(attributes[PROV_ATTR_GENERATED_ENTITY]), str(attributes[PROV_ATTR_USED_ENTITY]))
        if made in times and used in times and not times[used] < times[made]:
            violations.append(f"{made} from {used}")
    return violations


def test_a_cited_document_dated_after_the_citing_one_keeps_prov_ordering() -> None:
    late = attrs.evolve(GRAPH.documents[1], published=datetime(2025, 1, 3, tzinfo=UTC))
    graph = attrs.evolve(GRAPH, documents=(GRAPH.documents[0], late))
    assert not _ordering_violations(_read("prov-n"))
    document = _read("prov-n", graph)
    assert not _ordering_violations(document)
    dated = _generation_times(document)
    assert not any(name.endswith("-c2") for name in dated)  # the citing claim stays undated
    assert sum(name.endswith("-c1") for name in dated) == 2  # the others keep their dates


# --- ClaimReview ---------------------------------------------------------------------------

CONTEXT_URLS = {"https://schema.org", "https://schema.org/", "http://schema.org", "http://schema.org/"}


def _offline_loader(url: str, options: object = None) -> dict[str, Any]:
    if url.rstrip("/") + "/" not in {u.rstrip("/") + "/" for u in CONTEXT_URLS}:
        raise AssertionError(f"tried to fetch {url}")
    text = (resources.files("provenance.export") / "data" / "schemaorg-context.jsonld").read_text(
        encoding="utf-8"
    )
    return {
        "contextUrl": None,
        "documentUrl": url,
        "document": json.loads(text),
        "contentType": "application/ld+json",
    }


def _expand(options: ExportOptions) -> dict[str, Any]:
    data = json.loads(export(GRAPH, "claimreview", options))
    expanded = jsonld.expand(data, {"documentLoader": _offline_loader})
    assert len(expanded) == 1
    node: dict[str, Any] = expanded[0]
    return node


S = "http://schema.org/"


def _value(node: dict[str, Any], term: str) -> Any:
    return node[S + term][0].get("@value", node[S + term][0].get("@id"))


def test_claimreview_expands_offline_to_the_claim_its_author_and_appearances() -> None:
    review = _expand(ExportOptions(claim=CLAIMS[1].id, review_date=date(2025, 2, 1)))
    assert review["@type"] == [S + "ClaimReview"]
    assert _value(review, "claimReviewed") == CLAIMS[1].text
    assert _value(review, "datePublished") == "2025-02-01"
    item = review[S + "itemReviewed"][0]
    assert item["@type"] == [S + "Claim"]
    author = item[S + "author"][0]
    assert (author["@type"], _value(author, "name")) == (
        [S + "Organization"],
        "Syrian Observatory for Human Rights",
    )
    appearances = item[S + "appearance"]
    assert len(appearances) == 2  # the article and the Observatory's own report
    first = item[S + "firstAppearance"][0]
    assert _value(first, "headline") == "US forces bring new convoy"  # published earlier
    article = next(a for a in appearances if S + "url" in a)
    assert _value(article, "url") == "https://shafaq.com/en/Iraq/al-Alusi"
    authors = [(a["@type"], _value(a, "name")) for a in article[S + "author"]]
    assert authors == [([S + "Person"], name) for name in AUTHORS]
    assert S + "reviewRating" not in review


def test_claimreview_author_is_the_root_of_a_nested_chain() -> None:
    item = _expand(ExportOptions(claim=CLAIMS[2].id))[S + "itemReviewed"][0]
    assert _value(item[S + "author"][0], "name") == "sources on the ground"


def test_claimreview_notes_a_missing_verdict_and_rates_a_given_one() -> None:
    plain = json.loads(export(GRAPH, "claimreview", ExportOptions(claim=CLAIMS[0].id)))
    assert plain["@comment"] == NO_VERDICT_NOTE
    assert "reviewRating" not in plain
    rated = _expand(
        ExportOptions(
            claim=CLAIMS[0].id,
            verdict=Review(
                CLAIMS[0].text,
                "unproven",
                "Unproven",
                datetime(2025, 2, 1, tzinfo=UTC),
                value=3,
                best=5,
                worst=1,
                organisation="Example Checkers",
            ),
        )
    )
    rating = rated[S + "reviewRating"][0]
    assert _value(rating, "alternateName") == "Unproven"
    assert (_value(rating, "ratingValue"), _value(rating, "bestRating")) == (3, 5)
    assert _value(rated[S + "author"][0], "name") == "Example Checkers"
    assert REPORT_ID not in json.dumps(rated)  # the report does not carry this claim
