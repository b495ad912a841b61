"""Extraction throughput: documents per second over the PolNeAR train texts, in one process.

    python3 bench/extract_speed.py [CORPUS.jsonl] [--repeat N]

Prints the best of N passes (default 3), after one warm-up extraction that loads the vocabularies.
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
from provenance.model import Document  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "eval" / "polnear" / "train.jsonl"


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with args.corpus.open(encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle if line.strip()]
    documents = [Document.from_text(r["text"], id=r.get("id"), title=r.get("title")) for r in records]
    characters = sum(len(d.text) for d in documents)
    extract(Document.from_text("Warm-up, she said."))
    best = float("inf")
    claims = 0
    for _ in range(max(1, args.repeat)):
        started = time.perf_counter()
        claims = sum(len(extract(document).claims) for document in documents)
        best = min(best, time.perf_counter() - started)
    print(
        f"{len(documents)} documents, {characters / 1e6:.1f} M characters, {claims} claims: "
        f"{len(documents) / best:,.0f} documents/second, {characters / best / 1e6:.2f} M characters/second "
        f"(best of {args.repeat})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
