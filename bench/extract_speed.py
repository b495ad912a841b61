"""Extraction throughput: documents per second over the PolNeAR train texts, in one process, with
each record read as the CLI reads a corpus line (title, outlet, publication date).

    python3 bench/extract_speed.py [CORPUS.jsonl] [--repeat N]

Prints the best of N passes (default 3), after one warm-up extraction that loads the vocabularies,
in CPU time of this process (the machine is shared: wall time would measure the neighbours too).
Pure Python, no model: the figure to compare with the spaCy extractors of issue 3 (about 6 docs/s).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from provenance.extract import extract  # noqa: E402
from provenance.model import Document, Graph  # noqa: E402
from provenance.read import article_from_record  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "eval" / "polnear" / "train.jsonl"


def _extract(graph: Graph) -> Graph:
    return extract(graph.documents[0], graph.sources[0] if graph.sources else None)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with args.corpus.open(encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle if line.strip()]
    # read as the CLI reads a corpus line: title, outlet and publication date, which dates the claims
    graphs = [article_from_record(record, name=f"{args.corpus}:{n}") for n, record in enumerate(records, 1)]
    characters = sum(len(g.documents[0].text) for g in graphs)
    extract(Document.from_text("Warm-up, she said."))
    best = float("inf")
    claims = 0
    for _ in range(max(1, args.repeat)):
        started = time.process_time()
        claims = sum(len(_extract(graph).claims) for graph in graphs)
        best = min(best, time.process_time() - started)
    print(
        f"{len(graphs)} documents, {characters / 1e6:.1f} M characters, {claims} claims: "
        f"{len(graphs) / best:,.0f} documents/second, {characters / best / 1e6:.2f} M characters/second "
        f"(best of {args.repeat})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
