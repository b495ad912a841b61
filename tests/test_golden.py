"""Whole samples: extraction compared with the hand-curated seed file and with reviewed golden files."""

from __future__ import annotations

from pathlib import Path

import pytest

from provenance import serialize
from provenance.extract import extract
from provenance.model import Graph
from provenance.read import read_path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
GOLDEN = Path(__file__).resolve().parent / "golden"
SEED = SAMPLES / "shafaq-2025-01-02-alusi.txt"
CURATED = SAMPLES / "shafaq-2025-01-02-alusi.provenance.yaml"
WRITTEN = sorted(p for p in SAMPLES.iterdir() if p.suffix in {".txt", ".md"} and p != SEED)


def _extracted(path: Path) -> Graph:
    graphs = [
        extract(graph.documents[0], graph.sources[0] if graph.sources else None) for graph in read_path(path)
    ]
    return Graph.merge(graphs)


def _comparable(graph: Graph) -> dict[str, object]:
    """What a regression would change: sources, claims with their chains, kinds and dates."""
    data = serialize.to_data(graph)
    assert isinstance(data, dict)
    return {"sources": data["sources"], "claims": data["claims"]}


def _check(path: Path, golden: Path, update: bool) -> None:
    graph = _extracted(path)
    if update:
        golden.write_text(serialize.dumps_yaml(graph), encoding="utf-8")
    assert golden.exists(), f"no golden file for {path.name}: run pytest --update-golden and review it"
    expected = serialize.load(golden)
    assert _comparable(graph) == _comparable(expected)


def test_seed_matches_the_curated_file(request: pytest.FixtureRequest) -> None:
    """The curated file is edited by hand only; --update-golden writes the raw output beside it."""
    update = request.config.getoption("--update-golden")
    if update:
        (GOLDEN / "shafaq-2025-01-02-alusi.yaml").write_text(
            serialize.dumps_yaml(_extracted(SEED)), encoding="utf-8"
        )
    got, curated = _extracted(SEED), serialize.load(CURATED)
    assert [c.text for c in got.claims] == [c.text for c in curated.claims]
    assert _comparable(got) == _comparable(curated)


@pytest.mark.parametrize("path", WRITTEN, ids=[p.name for p in WRITTEN])
def test_written_samples_match_their_golden_files(path: Path, request: pytest.FixtureRequest) -> None:
    _check(path, GOLDEN / (path.stem + ".yaml"), request.config.getoption("--update-golden"))


def test_seed_sources_and_cues() -> None:
    """The issue's own account of the seed, independent of the curated file."""
    graph = _extracted(SEED)
    by_source: dict[str, list[str | None]] = {}
    for claim in graph.claims:
        by_source.setdefault(claim.chain[-1].source, []).append(claim.chain[-1].cue)
    assert by_source["mithal-al-alusi"] == [
        ":",
        "warned",
        "emphasized",
        "argued",
        "explained",
        "expressed concern",
        "warned",
        "pointed out",
        "stressed",
        "noted",
        None,
    ]
    assert by_source["syrian-observatory-for-human-rights"] == ["According to", "reported", "noted"]
    unattributed = [c.text for c in graph.claims if c.kind.value == "unattributed"]
    assert [t.split(",")[0] for t in unattributed] == ["Earlier on Thursday", "On Wednesday"]
    assert "prime-minister-mohammed-shia-al-sudani" not in {s.id for s in graph.sources}
    assert len(graph.sources) == 3
