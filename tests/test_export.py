"""Export registry, safe writing, and each format read back by the tool its users read it with."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
from pathlib import Path

import attrs
import networkx as nx
import pytest
from export_fixtures import ARTICLE_ID, CLAIMS, DEEP, QUOTE, REPORT_ID, deep_graph, sample_graph

from provenance.errors import InputError
from provenance.export import (
    FORMATS,
    ExportOptions,
    default_filename,
    export,
    write_export,
)
from provenance.export import csv as csv_format
from provenance.export import mermaid as mermaid_format
from provenance.export.jsonl import split
from provenance.model import Graph, Hop
from provenance.render import render_markdown
from provenance.serialize import loads

GRAPH = sample_graph()


def test_registry_lists_every_format_with_a_distinct_extension() -> None:
    assert list(FORMATS) == [
        "json",
        "jsonl",
        "yaml",
        "csv",
        "dot",
        "graphml",
        "mermaid",
        "prov-json",
        "prov-n",
        "prov-o",
        "claimreview",
        "markdown",
        "html",
    ]
    assert all(e.name == name and e.description for name, e in FORMATS.items())
    assert len({e.extension for e in FORMATS.values()}) == len(FORMATS)


@pytest.mark.parametrize("fmt", [f for f in FORMATS if f != "claimreview"])
def test_every_format_is_deterministic_utf8(fmt: str) -> None:
    data = export(GRAPH, fmt)
    assert data == export(GRAPH, fmt)
    data.decode("utf-8")


@pytest.mark.parametrize("fmt", [f for f in FORMATS if f != "claimreview"])
def test_every_format_exports_an_empty_graph_and_a_dangling_hop(fmt: str) -> None:
    assert export(Graph(), fmt)
    dangling = Graph(
        GRAPH.documents[:1],
        GRAPH.sources[:1],
        (attrs.evolve(CLAIMS[0], chain=(*CLAIMS[0].chain, Hop("nobody-known"))),),
        (),
    )
    assert b"nobody-known" in export(dangling, fmt)


def test_unknown_format_is_an_input_error() -> None:
    with pytest.raises(InputError, match="unknown export format 'pdf'; choose one of json"):
        export(GRAPH, "pdf")


# --- writing -------------------------------------------------------------------------------


def test_write_export_never_overwrites_without_force(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    assert write_export(b"one", out, force=False) == out
    with pytest.raises(InputError, match="already exists; use --force"):
        write_export(b"two", out, force=False)
    assert out.read_bytes() == b"one"
    write_export(b"two", out, force=True)
    assert out.read_bytes() == b"two"
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]  # no temporary left


def test_write_export_into_a_directory_keeps_a_hostile_name_inside(tmp_path: Path) -> None:
    out = tmp_path / "exports"
    out.mkdir()
    name = default_filename(GRAPH, "csv", ExportOptions())
    assert name == "provenance.csv"  # two documents: no single id to name it after
    only_report = Graph(GRAPH.documents[1:], GRAPH.sources, GRAPH.claims[-1:], ())
    hostile = default_filename(only_report, "prov-n")
    assert "/" not in hostile
    assert not hostile.startswith(".")
    written = write_export(b"x", out, force=False, name=REPORT_ID + ".provn")
    assert written.parent == out
    assert written.name == "_sohr_2025-01-02-convoy.provn"
    assert {p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")} == {
        "exports",
        "exports/" + written.name,
    }


def test_write_export_refuses_a_directory_without_name_and_a_missing_parent(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a directory"):
        write_export(b"x", tmp_path, force=True)
    with pytest.raises(InputError, match="no such directory"):
        write_export(b"x", tmp_path / "missing" / "out.json", force=True)


def test_write_export_does_not_write_through_a_symlink(tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("keep")
    link = tmp_path / "out.json"
    link.symlink_to(victim)
    with pytest.raises(InputError, match="already exists"):
        write_export(b"x", link, force=False)
    dangling = tmp_path / "dangling.json"
    dangling.symlink_to(tmp_path / "nowhere.txt")
    with pytest.raises(InputError, match="already exists"):
        write_export(b"x", dangling, force=False)
    assert not (tmp_path / "nowhere.txt").exists()
    write_export(b"x", link, force=True)
    assert victim.read_text() == "keep"
    assert not link.is_symlink()
    assert link.read_bytes() == b"x"


# --- canonical document --------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["json", "yaml"])
def test_canonical_formats_validate_and_load_back_unchanged(fmt: str) -> None:
    assert loads(export(GRAPH, fmt).decode(), fmt=fmt) == GRAPH


def test_jsonl_lines_are_documents_that_merge_back_into_the_graph() -> None:
    lines = export(GRAPH, "jsonl").decode().splitlines()
    assert len(lines) == len(GRAPH.documents)
    parts = [loads(line) for line in lines]  # each line alone passes the schema
    assert [p.documents[0].id for p in parts] == [ARTICLE_ID, REPORT_ID]
    merged = Graph.merge(parts)
    assert merged.documents == GRAPH.documents
    assert merged.claims == GRAPH.claims
    assert set(merged.sources) == set(GRAPH.sources)
    assert sorted(map(repr, merged.findings)) == sorted(map(repr, GRAPH.findings))
    # The report's line carries only what the report needs.
    assert {s.id for s in parts[1].sources} == {"syrian-observatory-for-human-rights"}


def test_jsonl_keeps_sources_and_claims_no_document_names() -> None:
    extra = Graph(
        GRAPH.documents,
        GRAPH.sources,
        (
            *GRAPH.claims,
            CLAIMS[0].__class__("stray-c1", "stray", "text", None, CLAIMS[0].kind, None, CLAIMS[0].chain),
        ),
        (),
    )
    merged = Graph.merge(split(extra))
    assert {c.id for c in merged.claims} == {c.id for c in extra.claims}
    assert set(merged.sources) == set(extra.sources)


# --- csv -----------------------------------------------------------------------------------


def _csv_rows() -> list[dict[str, str]]:
    data = export(GRAPH, "csv")
    assert data.startswith(b"\xef\xbb\xbf")  # BOM: spreadsheets then read UTF-8
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_csv_has_one_row_per_hop_and_round_trips_awkward_text() -> None:
    rows = _csv_rows()
    assert len(rows) == sum(len(c.chain) for c in GRAPH.claims)
    quote_rows = [r for r in rows if r["claim_id"] == CLAIMS[4].id]
    assert [r["hop"] for r in quote_rows] == ["0", "1"]
    assert csv_format.restore(quote_rows[0]["claim_text"]) == QUOTE  # commas, newline, quotes
    assert quote_rows[1]["source_kind"] == "anonymous"
    ministry = next(r for r in rows if r["source_id"] == "ministry")
    assert ministry["source_name"] == 'Ministry of "Defence" [Iraq]'
    cited = next(r for r in rows if r["cited_document"])
    assert (cited["claim_id"], cited["cited_document"]) == (CLAIMS[1].id, REPORT_ID)
    assert rows[0]["outlet"] == "Shafaq News"
    assert rows[0]["published"] == "2025-01-02T21:13:57+00:00"


def test_csv_defuses_formulas_reversibly() -> None:
    formula = next(r for r in _csv_rows() if r["claim_id"] == CLAIMS[5].id)
    assert formula["claim_text"].startswith("'=1+1")
    assert csv_format.restore(formula["claim_text"]) == CLAIMS[5].text
    for text in ["=A1", "'=A1", "''@x", "'plain", "-1", "plain", ""]:
        assert csv_format.restore(csv_format.defuse(text)) == text
        assert not csv_format.defuse(text).startswith(("=", "+", "-", "@"))


# --- graphml, dot, mermaid ------------------------------------------------------------------


def _node_count() -> int:
    return len(GRAPH.documents) + len(GRAPH.sources) + len(GRAPH.claims)


def test_graphml_reads_back_in_networkx_with_attributes() -> None:
    network = nx.read_graphml(io.BytesIO(export(GRAPH, "graphml")), force_multigraph=True)
    assert network.number_of_nodes() == _node_count()
    nodes = {data["model_id"]: data for _, data in network.nodes(data=True)}
    assert nodes[CLAIMS[4].id]["label"] == QUOTE
    assert nodes[CLAIMS[4].id]["kind"] == "direct"
    assert nodes[REPORT_ID]["type"] == "document"
    assert nodes["ministry"]["label"] == 'Ministry of "Defence" [Iraq]'
    hops = [d for _, _, d in network.edges(data=True) if d["relation"] == "attributes"]
    assert len(hops) == sum(len(c.chain) for c in GRAPH.claims)
    warned = next(d for d in hops if d.get("cue") == "warned")
    assert (warned["claim"], warned["hop"], warned["kind"]) == (CLAIMS[0].id, 1, "direct")
    assert isinstance(warned["hop"], int)


def test_graphml_drops_characters_xml_cannot_carry() -> None:
    broken = Graph(
        GRAPH.documents,
        GRAPH.sources,
        (CLAIMS[0].__class__("c", ARTICLE_ID, "bell\x07 here", None, CLAIMS[0].kind),),
        (),
    )
    network = nx.read_graphml(io.BytesIO(export(broken, "graphml")))
    assert {d["label"] for _, d in network.nodes(data=True)} >= {"bell\ufffd here"}


def _dot_unescape(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: "\n" if m.group(1) == "n" else m.group(1), text)


@pytest.mark.skipif(shutil.which("dot") is None, reason="GraphViz dot is not installed")
def test_dot_is_laid_out_by_graphviz_with_labels_intact(tmp_path: Path) -> None:
    source = tmp_path / "graph.dot"
    source.write_bytes(export(GRAPH, "dot"))
    laid_out = subprocess.run(["dot", "-Tjson", str(source)], capture_output=True, check=True)
    drawing = json.loads(laid_out.stdout)
    names = {o["name"]: o for o in drawing["objects"]}
    assert len(names) == _node_count()
    assert _dot_unescape(names["claim:" + CLAIMS[4].id]["tooltip"]) == QUOTE
    assert names["source:ministry"]["label"] == 'Ministry of "Defence" [Iraq]'
    assert "document:" + REPORT_ID in names
    assert len(drawing["edges"]) == export(GRAPH, "dot").count(b" -> ")
    svg = subprocess.run(["dot", "-Tsvg", str(source)], capture_output=True, check=True).stdout
    assert b"<script>" not in svg
    assert b"&lt;script&gt;" in svg


def test_mermaid_labels_cannot_break_out_of_their_node() -> None:
    text = export(GRAPH, "mermaid").decode()
    assert text.startswith("flowchart LR\n")
    node = re.compile(r'^  n\d+(\[/"[^"\[\]<>]*"/\]|\(\["[^"\[\]<>]*"\]\)|\("[^"\[\]<>()]*"\))$')
    edge = re.compile(r'^  n\d+ (-->|-\.->)(\|"[^"|]*"\|)? n\d+$')
    lines = text.splitlines()[1:]
    assert all(node.match(line) or edge.match(line) or line.startswith("  class") for line in lines), [
        line for line in lines if not (node.match(line) or edge.match(line) or line.startswith("  class"))
    ]
    assert sum(bool(node.match(line)) for line in lines) == _node_count()
    assert mermaid_format.label('a "b" [c] <d> #e') == "a #34;b#34; #91;c#93; #60;d#62; #35;e"


def test_markdown_is_the_renderers_page_with_markup_escaped() -> None:
    page = export(GRAPH, "markdown").decode()
    assert page == render_markdown(GRAPH)
    assert "\\<script\\>alert(1)\\</script\\>" in page
    assert "<script>" not in page
    assert "**Syrian Observatory for Human Rights** (monitor)" in page


def test_claimreview_without_claim_is_an_input_error() -> None:
    with pytest.raises(InputError, match="--claim ID"):
        export(GRAPH, "claimreview")
    with pytest.raises(InputError, match="no claim 'nope'"):
        export(GRAPH, "claimreview", ExportOptions(claim="nope"))


@pytest.mark.parametrize("fmt", [f for f in FORMATS if f != "claimreview"])
def test_every_format_exports_chains_deeper_than_the_recursion_limit(fmt: str) -> None:
    graph = deep_graph()
    data = export(graph, fmt)
    assert f"Party {DEEP - 1}".encode() in data  # the last party of the longest chain
