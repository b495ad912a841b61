#!/usr/bin/env python3
"""Where check-claim's default threshold should stand: precision and recall of `claimtext.similarity`
on a set of paraphrases and non-matches written for it (tests/data/check_claims.json).

    python3 bench/check_threshold.py [--data FILE]

A pair (checked text, stored claim) is positive when the data lists the claim under the text's
"expect", ignored when under "allow" (the same event with another figure), negative otherwise; texts
with fewer than `factcheck.matching.MIN_WORDS` distinctive words are refused by check-claim and left
out. Prints the lowest positive and highest negative score, then each threshold's figures.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from provenance.claimtext import search_words, similarity  # noqa: E402
from provenance.factcheck.matching import MIN_WORDS, THRESHOLD  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, default=ROOT / "tests" / "data" / "check_claims.json")
    args = parser.parse_args()
    data = json.loads(args.data.read_text(encoding="utf-8"))
    positives: list[tuple[float, str, str]] = []
    negatives: list[tuple[float, str, str]] = []
    refused = 0
    for query in data["queries"]:
        if len(search_words(query["text"])) < MIN_WORDS:
            refused += 1
            continue
        for stored in data["stored"]:
            score = similarity(query["text"], stored["text"])
            pair = (score, query["text"], stored["id"])
            if stored["id"] in query["expect"]:
                positives.append(pair)
            elif stored["id"] not in query.get("allow", ()):
                negatives.append(pair)
    low, high = min(positives), max(negatives)
    print(
        f"{len(data['queries'])} checked texts ({refused} refused: under {MIN_WORDS} words), "
        f"{len(data['stored'])} stored claims; {len(positives)} positive pairs, {len(negatives)} negative"
    )
    print(f"lowest positive {low[0]:.0f} ({low[2]} for {low[1]!r})")
    print(f"highest negative {high[0]:.0f} ({high[2]} for {high[1]!r})")
    print(f"{'threshold':>9}  {'precision':>9}  {'recall':>6}")
    for threshold in range(50, 96, 5):
        found = sum(score >= threshold for score, _, _ in positives)
        wrong = sum(score >= threshold for score, _, _ in negatives)
        precision = found / (found + wrong) if found + wrong else 1.0
        mark = "  <- default" if threshold == THRESHOLD else ""
        print(f"{threshold:>9}  {precision:>9.2f}  {found / len(positives):>6.2f}{mark}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
