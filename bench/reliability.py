#!/usr/bin/env python3
"""Reliability figures for the README: the time and memory of each input format at a size, and the
query times on a database that holds one large document.

    python3 bench/reliability.py [--sizes 1000000,10000000] [--formats txt,html,json,jsonl]
                                 [--db BENCH_DB] [--no-queries]

For each format and size it writes a generated input (real-looking prose from bench/audit_curve.py:
a text or Markdown article, the same article as a saved page, the canonical provenance document of
an analysed article, a corpus of 3 KB records) and runs ``provenance audit FILE --format json`` in
a child process: wall and CPU seconds, peak memory, and the exit code (2 with its one-line error
when the input is refused). Then it validates a 1 MB provenance file, ingests a 1 MB article and
times ``search``, ``check-claim``, ``trace`` and ``sources`` on that database in this process, and
on ``--db`` (the 100,000-document database of bench/store_scale.py) when given.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from audit_curve import article  # noqa: E402

from provenance import serialize  # noqa: E402
from provenance.factcheck.matching import check_claim  # noqa: E402
from provenance.ingest import ingest  # noqa: E402
from provenance.pipeline import analyse  # noqa: E402
from provenance.read import article_from_text  # noqa: E402
from provenance.store import Store  # noqa: E402


def _text(size: int) -> bytes:
    return article("prose", size).encode()


def _html(size: int) -> bytes:
    paragraphs = article("prose", size).split("\n\n")
    body = "".join(f"<p>{paragraph}</p>\n" for paragraph in paragraphs[1:])
    return (
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>Council weighs the bridge</title>'
        '<meta property="article:published_time" content="2024-05-06T09:00:00+00:00"></head>'
        f"<body><article><h1>Council weighs the bridge</h1>{body}</article></body></html>"
    ).encode()


def _json(size: int) -> bytes:
    # The canonical document of an analysed article; its JSON is about 5x the article's text.
    text = article("prose", max(size // 5, 1000))
    return serialize.dumps_json(analyse(article_from_text(text))).encode()


def _jsonl(size: int) -> bytes:
    records, total, number = [], 0, 0
    while total < size:
        record = json.dumps({"id": f"r{number}", "text": article("prose", 3000).replace("1", str(number))})
        records.append(record)
        total += len(record) + 1
        number += 1
    return ("\n".join(records) + "\n").encode()


FORMATS: dict[str, Callable[[int], bytes]] = {"txt": _text, "html": _html, "json": _json, "jsonl": _jsonl}


def run_audit(path: Path) -> tuple[float, float, float, int, str]:
    """Wall seconds, CPU seconds, peak MiB, exit code and first error line of `audit` on ``path``."""
    started = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-m", "provenance", "audit", str(path), "--format", "json"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert child.stderr is not None
    error = child.stderr.read().decode(errors="replace")
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    cpu = usage.ru_utime + usage.ru_stime
    return wall, cpu, usage.ru_maxrss / 1024, child.returncode, error.strip().splitlines()[0] if error else ""


def _best_ms(function: Callable[[], object], repeat: int = 7) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return min(times) * 1000


def _median_ms(function: Callable[[], object], repeat: int = 7) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def queries(store: Store, label: str, claim: str, word: str, name: str) -> None:
    print(f"{label}:")
    print(f"  search {word!r}: median {_median_ms(lambda: store.search(word)):.0f} ms")
    print(f"  check-claim {claim!r}: median {_median_ms(lambda: check_claim(store, claim)):.0f} ms")
    print(f"  trace {name!r}: median {_median_ms(lambda: store.trace(name)):.0f} ms")
    print(f"  sources: median {_median_ms(lambda: store.sources(), repeat=3):.0f} ms")


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="1000000,10000000", help="input sizes in bytes, comma-separated")
    parser.add_argument("--formats", default=",".join(FORMATS))
    parser.add_argument("--db", type=Path, help="also time the queries on this database")
    parser.add_argument("--no-queries", action="store_true", help="time the inputs only")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        print(f"{'format':7} {'bytes':>12} {'wall s':>8} {'CPU s':>8} {'peak MiB':>9}  exit")
        for fmt in args.formats.split(","):
            for size in (int(size) for size in args.sizes.split(",")):
                path = Path(folder) / f"input-{size}.{fmt}"
                path.write_bytes(FORMATS[fmt](size))
                wall, cpu, peak, code, error = run_audit(path)
                note = f"  {error}" if code == 2 else ""
                print(
                    f"{fmt:7} {path.stat().st_size:>12,} {wall:>8.1f} {cpu:>8.1f} {peak:>9.0f}  {code}{note}"
                )
                path.unlink()
        if args.no_queries:
            return 0
        data = json.loads(_json(1_000_000))
        milliseconds = _best_ms(lambda: serialize.validate(data))
        print(f"validate a {len(json.dumps(data)):,}-byte provenance file: {milliseconds:.1f} ms")
        text = Path(folder) / "article.txt"
        text.write_bytes(_text(1_000_000))
        with Store.open(Path(folder) / "one.db") as store:
            started = time.perf_counter()
            summary = ingest([text], store)
            print(
                f"ingest a 1 MB article: {summary.claims:,} claims in {time.perf_counter() - started:.1f} s"
            )
            queries(
                store,
                "a database of one 1 MB article",
                "Officials said 5 lanes would stay open",
                "bridge",
                "Lena Ortiz",
            )
    if args.db:
        with Store.open(args.db, readonly=True) as store:
            queries(store, str(args.db), "the convoy of trucks crossed the border", "convoy", "SOHR")
    return 0


if __name__ == "__main__":
    sys.exit(main())
