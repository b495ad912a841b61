#!/usr/bin/env python3
"""Wall time of `provenance audit` on the seed sample, as a new user runs it (target: < 0.3 s).

    python3 bench/audit_speed.py [ARTICLE] [--runs N]

Prints the best, median and worst of N runs of the whole process, start-up and imports included,
plus the import time of the package alone.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT / "samples" / "shafaq-2025-01-02-alusi.txt"


def _time(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("article", nargs="?", default=str(DEFAULT))
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    audit = [sys.executable, "-m", "provenance", "audit", args.article]
    bare = [sys.executable, "-c", "pass"]
    _time(audit)  # warm the file cache and the bytecode
    runs = sorted(_time(audit) for _ in range(args.runs))
    python = statistics.median(_time(bare) for _ in range(5))
    print(f"provenance audit {Path(args.article).name}: {args.runs} runs")
    print(f"  best {runs[0]:.3f} s   median {statistics.median(runs):.3f} s   worst {runs[-1]:.3f} s")
    print(f"  (a bare python start-up takes {python:.3f} s of that)")
    print(f"  target < 0.300 s: {'met' if statistics.median(runs) < 0.3 else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
