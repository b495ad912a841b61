"""The pipeline: what is extracted, what is resolved anew, and what is kept as the curator left it."""

from __future__ import annotations

from pathlib import Path

from attrs import evolve

from provenance.model import Document, Finding, Graph, Severity, Source, SourceKind
from provenance.pipeline import analyse, analyse_all, resolve_all, resolved
from provenance.read import read_path

SAMPLES = Path(__file__).parent.parent / "samples"
SEED = SAMPLES / "shafaq-2025-01-02-alusi.txt"
CURATED = SAMPLES / "shafaq-2025-01-02-alusi.provenance.yaml"
STALE = Finding("made-up", Severity.ERROR, "A finding no rule makes.")
TEXT = "The mayor said on Monday that the bridge would reopen in May."


def test_resolved_keeps_the_claims_and_computes_the_findings_anew() -> None:
    (curated,) = read_path(CURATED)
    stale = evolve(curated, findings=(STALE,))
    again = resolved(stale)
    assert again.claims == curated.claims
    assert STALE not in again.findings
    assert again.findings == resolved(curated).findings
    assert {finding.rule for finding in again.findings} >= {"unattributed", "single-source"}


def test_resolve_all_checks_curated_files_without_extracting() -> None:
    unclaimed = Graph(
        (Document.from_text(TEXT, id="d2", outlet="wire"),), (Source("wire", "Wire", SourceKind.OUTLET),)
    )
    (curated,) = read_path(CURATED)
    checked = resolve_all([evolve(curated, findings=(STALE,)), unclaimed])
    assert [d.id for d in checked.documents] == [curated.documents[0].id, "d2"]
    assert checked.claims == curated.claims  # the document without claims stays without
    assert STALE not in checked.findings
    analysed = analyse_all([curated, unclaimed])
    assert any(claim.document == "d2" for claim in analysed.claims)  # analyse_all extracts it


def test_analyse_extracts_an_article_once_and_resolves_it() -> None:
    (article,) = read_path(SEED)
    analysed = analyse(article)
    assert analysed.claims
    assert analyse(analysed) == analysed  # claims present: nothing extracted again
    assert analyse_all([article]) == analysed
