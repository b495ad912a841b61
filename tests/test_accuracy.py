"""Extraction accuracy on PolNeAR dev, scored by the shared referee: floors a little under the figures
reached (and ceilings a little over the error shares), so that accuracy cannot silently regress.
Skipped when ../shared/eval is absent."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"
DEV = EVAL / "polnear" / "dev.jsonl"

pytestmark = pytest.mark.skipif(not DEV.exists(), reason="../shared/eval (PolNeAR and its referee) is absent")

FLOORS = {
    "content@0.3 F1": 74.0,
    "attribution@0.3 F1": 67.4,
    "source accuracy": 90.8,
    "cue accuracy": 91.1,
    "indirect recall": 55.2,
    "direct recall": 90.0,
    "speaker accuracy": 91.1,
}
"""Reached on 2026-11-30 (bench/accuracy.py): 74.4, 67.8, 91.1, 91.7, 56.1, 91.1, 91.2."""

CEILINGS = {
    "wrong speaker": 1.5,
    "partial speaker": 1.8,
}
"""Shares of matched claims with a named speaker: a different party named (the worst error), and the
right party named by a surname alone where the article gives the full name. Reached: 1.3, 1.3."""


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_accuracy", ROOT / "bench" / "accuracy.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("bench_accuracy", module)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def figures() -> dict[str, float]:
    bench = _bench()
    records, predictions, _ = bench.run(DEV)
    result = bench.load_referee().score(records, predictions)
    return {
        "content@0.3 F1": result["content@0.3"]["F1"],
        "attribution@0.3 F1": result["attribution@0.3"]["F1"],
        "source accuracy": result["source_accuracy"],
        "cue accuracy": result["cue_accuracy"],
        "indirect recall": result["recall_by_kind@0.3"]["indirect"],
        "direct recall": result["recall_by_kind@0.3"]["direct"],
        "speaker accuracy": result["speaker_accuracy"],
        "wrong speaker": result["wrong_speaker"],
        "partial speaker": result["partial_speaker"],
    }


@pytest.mark.parametrize("figure", sorted(FLOORS))
def test_dev_figure_stays_above_its_floor(figures: dict[str, float], figure: str) -> None:
    assert figures[figure] >= FLOORS[figure], f"{figure} fell to {figures[figure]} (floor {FLOORS[figure]})"


@pytest.mark.parametrize("figure", sorted(CEILINGS))
def test_dev_error_share_stays_below_its_ceiling(figures: dict[str, float], figure: str) -> None:
    ceiling = CEILINGS[figure]
    assert figures[figure] <= ceiling, f"{figure} rose to {figures[figure]} (ceiling {ceiling})"


def test_every_prediction_indexes_the_gold_text() -> None:
    bench = _bench()
    records, predictions, _ = bench.run(DEV)
    texts = {record["id"]: record["text"] for record in records}
    assert set(predictions) == set(texts)
    for document_id, attributions in predictions.items():
        for attribution in attributions:
            start, end = attribution["content_span"]
            assert 0 <= start < end <= len(texts[document_id])
