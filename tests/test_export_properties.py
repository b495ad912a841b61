"""Any text at all survives the text-carrying exports, read back by their consumers."""

from __future__ import annotations

import csv
import io
import re

import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from provenance.export import csv as csv_format
from provenance.export import export
from provenance.export import mermaid as mermaid_format
from provenance.model import Claim, ClaimKind, Document, Graph, Hop, Source, SourceKind

prov = pytest.importorskip("prov")
rdflib = pytest.importorskip("rdflib")

TEXTS = st.text(min_size=1, max_size=60)
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


LANGUAGES = st.sampled_from(
    ["en", "en_US", "en-", "-en", "zh-Hant-TW", "x" * 40, "", " fr ", "\x00", "de--AT"]
)


def _graph(text: str, name: str, identifier: str, language: str = "en") -> Graph:
    outlet = Source("outlet", "Outlet", SourceKind.OUTLET)
    party = Source(identifier, name, SourceKind.PERSON)
    claim = Claim(
        identifier + "-c1",
        identifier,
        text,
        (0, len(text)),
        ClaimKind.DIRECT,
        None,
        (Hop("outlet", "publishes"), Hop(identifier, name)),
    )
    document = Document(identifier, "outlet", name, None, None, language, text)
    return Graph((document,), (outlet, party), (claim,), ())


@SETTINGS
@given(TEXTS, TEXTS, TEXTS)
def test_csv_cells_restore_to_the_text(text: str, name: str, identifier: str) -> None:
    data = export(_graph(text, name, identifier), "csv").decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(data, newline="")))
    assert [csv_format.restore(r["claim_text"]) for r in rows] == [text, text]
    assert csv_format.restore(rows[1]["source_name"]) == name
    assert csv_format.restore(rows[1]["source_id"]) == identifier


@SETTINGS
@given(TEXTS, TEXTS, TEXTS)
def test_graphml_labels_come_back(text: str, name: str, identifier: str) -> None:
    network = nx.read_graphml(io.BytesIO(export(_graph(text, name, identifier), "graphml")))
    labels = {d["type"] + ":" + d["model_id"]: d.get("label") for _, d in network.nodes(data=True)}
    assert labels["claim:" + _as_xml_reads(identifier) + "-c1"] == _as_xml_reads(text)


def _as_xml_reads(text: str) -> str:
    # Characters XML cannot hold are replaced on the way out; CR survives, written as a reference.
    return _NOT_XML.sub("\ufffd", text)


@SETTINGS
@given(TEXTS, TEXTS, TEXTS, LANGUAGES)
def test_prov_n_and_prov_o_carry_the_claim_text(text: str, name: str, identifier: str, language: str) -> None:
    # A language tag that Turtle or PROV-N cannot take ("en_US", "en-") broke the whole file.
    graph = _graph(text, name, identifier, language)
    provn = prov.read(io.BytesIO(export(graph, "prov-n")), format="provn")
    values = {getattr(v, "value", v) for r in provn.get_records() for v in r.get_attribute("prov:value")}
    assert values == {text}
    turtle = rdflib.Graph().parse(data=export(graph, "prov-o"), format="turtle")
    literals = {str(o) for o in turtle.objects(None, rdflib.URIRef("http://www.w3.org/ns/prov#value"))}
    assert literals == {text}
    labels = {str(o) for o in turtle.objects(None, rdflib.RDFS.label)}
    assert name in labels


@SETTINGS
@given(TEXTS)
def test_mermaid_labels_hold_no_syntax(text: str) -> None:
    label = mermaid_format.label(text)
    assert not set(label) & set('"[](){}<>|`\n\r')
