#!/usr/bin/env python3
"""`provenance audit --db` against the size of the database: the curve at 10k, 100k and 1M claims.

    python3 bench/audit_scale.py [--claims 10000 100000 1000000] [--dir DIR] [--rebuild]

Builds (once per size, kept in DIR) a database of generated articles, six claims each on average,
stored analysed already through `Store.add_many` (no extraction: this measures the corpus rules, not
the extractor). A quarter of the claims retell a recent story, as relays do: the same words, or
trimmed, or one word or a figure changed, under another outlet, on the word of the same agency or
monitor, or of the outlet itself; so the matcher has real groups to find among many near misses.
Words follow Zipf's law over made-up words, and the vocabulary grows with the corpus as Heaps' law
has it for news text (45 times the square root of the words written: 53,000 distinct words at 120k
claims, 156,000 at 1M): a fixed vocabulary would make every word common in a large corpus, which
no real one does.

Then runs `python3 -m provenance audit --db DB` as a user would (its output to /dev/null), and
prints for each size the wall and CPU time, the peak memory of that process, the CPU time per claim
and the ratio to the size before (linear time: ~10x per tenfold); --findings counts what it found.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import subprocess
import sys
import time
from collections import deque
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from provenance.model import Claim, ClaimKind, Document, Graph, Hop, Source, SourceKind, claim_id, slugify  # noqa: E402

OUTLETS = [Source(slugify(f"Outlet {n}"), f"Outlet {n}", SourceKind.OUTLET) for n in range(1, 41)]
AGENCIES = [
    Source(slugify(n), n, SourceKind.AGENCY) for n in ("Northern Press Agency", "Agence Sud", "Wire One")
]
MONITORS = [Source(slugify(n), n, SourceKind.MONITOR) for n in ("Harbour Watch", "Coast Observatory")]
PEOPLE = [
    Source(slugify(f"{a} {b}"), f"{a} {b}", SourceKind.PERSON)
    for a in ("Ana", "Tom", "Lena", "Omar", "Priya", "Dana", "Sam", "Hana", "Karim", "Nour")
    for b in ("Ruiz", "Keller", "Ortiz", "Haddad", "Nair", "Whitlock", "Reyes", "Suzuki", "Mansour")
]
ANONYMOUS = Source("sources", "sources", SourceKind.ANONYMOUS)
START = datetime(2024, 1, 1, 8, tzinfo=UTC)
BATCH = 500

_RUN = """
import resource, runpy, sys
sys.argv = ["provenance", "audit", "--db", sys.argv[1]]
try:
    runpy.run_module("provenance", run_name="__main__")
finally:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    print(usage.ru_utime + usage.ru_stime, usage.ru_maxrss, file=sys.stderr)
"""


def words_for(claims: int) -> list[str]:
    """Made-up words, most frequent first, as many as Heaps' law gives ``claims`` claims of 12 words."""
    size = int(45 * (claims * 12) ** 0.5)
    syllables = ["ba", "ko", "ri", "tu", "sel", "man", "dar", "vi", "lo", "nek", "sha", "pru", "gem", "tal"]
    made = (
        "".join(parts) + end
        for count in (2, 3, 4)
        for parts in itertools.product(syllables, repeat=count)
        for end in ("", "n", "s", "ra")
    )
    return list(itertools.islice(dict.fromkeys(made), size))


def documents(claims: int, seed: int = 13) -> Iterator[Graph]:
    """Analysed one-document graphs holding about ``claims`` claims in all."""
    rng = random.Random(seed)
    words = words_for(claims)
    weights = list(itertools.accumulate(1 / rank for rank in range(1, len(words) + 1)))
    stories: deque[tuple[str, Source | None]] = deque(maxlen=3000)
    made = 0
    for number in itertools.count():
        if made >= claims:
            return
        document = f"bench-{number}"
        outlet = OUTLETS[rng.randrange(len(OUTLETS))]
        published = START + timedelta(minutes=7 * number)
        sources = {outlet.id: outlet}
        found = []
        for ordinal in range(1, rng.randint(3, 9) + 1):
            if stories and rng.random() < 0.25:
                text, origin = _retold(rng, stories[rng.randrange(len(stories))], words)
            else:
                text = " ".join(rng.choices(words, cum_weights=weights, k=rng.randint(8, 16)))
                text += f" {rng.randint(2, 90)} times"
                origin = _origin(rng)
                stories.append((text, origin))
            chain = [Hop(outlet.id, "publishes")]
            if origin is not None:
                sources[origin.id] = origin
                chain.append(Hop(origin.id, "said", mention=origin.name))
            kind = ClaimKind.INDIRECT if origin is not None else ClaimKind.UNATTRIBUTED
            found.append(Claim(claim_id(document, ordinal), document, text, None, kind, None, tuple(chain)))
        made += len(found)
        body = ". ".join(claim.text for claim in found) + "."
        yield Graph(
            (Document(document, outlet.id, f"Report {number}", published=published, text=body),),
            tuple(sources.values()),
            tuple(found),
        )


def _origin(rng: random.Random) -> Source | None:
    roll = rng.random()
    if roll < 0.15:
        return AGENCIES[rng.randrange(len(AGENCIES))]
    if roll < 0.25:
        return MONITORS[rng.randrange(len(MONITORS))]
    if roll < 0.6:
        return PEOPLE[rng.randrange(len(PEOPLE))]
    if roll < 0.7:
        return ANONYMOUS
    return None


def _retold(
    rng: random.Random, story: tuple[str, Source | None], words: list[str]
) -> tuple[str, Source | None]:
    """A relay of a story: as it was, trimmed, a word or a figure changed; its origin, or none."""
    text, origin = story
    parts = text.split()
    roll = rng.random()
    if roll < 0.3 and len(parts) > 8:
        parts = parts[:-2]
    elif roll < 0.6:
        parts[rng.randrange(len(parts))] = words[rng.randrange(len(words))]
    elif roll < 0.7:
        parts[-2] = str(rng.randint(2, 90))
    return " ".join(parts), (origin if rng.random() < 0.8 else None)


def build(path: Path, claims: int) -> tuple[int, int, float]:
    """The database of ``claims`` claims at ``path``; documents, claims and seconds to store them."""
    from provenance.store import Store

    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    count = stored = 0
    start = time.perf_counter()
    with Store.open(path) as store:
        pending: list[Graph] = []
        for graph in documents(claims):
            pending.append(graph)
            count += 1
            stored += len(graph.claims)
            if len(pending) == BATCH:
                store.add_many((g, None) for g in pending)
                pending = []
        if pending:
            store.add_many((g, None) for g in pending)
    return count, stored, time.perf_counter() - start


def audit(path: Path) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds and peak MiB of `provenance audit --db` on ``path``, as a separate
    process (CPU time is what to compare: the machine is shared)."""
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", _RUN, str(path)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
    )
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise SystemExit(f"audit failed ({done.returncode}): {done.stderr[-2000:]}")
    cpu, peak = done.stderr.strip().splitlines()[-1].split()
    return elapsed, float(cpu), int(peak) / 1024


def findings(path: Path) -> dict[str, int]:
    """Findings by rule of the audit, read from its JSON (a second run, not timed)."""
    done = subprocess.run(
        [sys.executable, "-m", "provenance", "audit", "--db", str(path), "--format", "json"],
        cwd=ROOT,
        capture_output=True,
        check=False,
    )
    counts: dict[str, int] = {}
    for finding in json.loads(done.stdout)["findings"]:
        counts[finding["rule"]] = counts.get(finding["rule"], 0) + 1
    return counts


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--claims", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--dir", type=Path, default=Path("/tmp/provenance-audit-scale"))
    parser.add_argument("--rebuild", action="store_true", help="build the databases again")
    parser.add_argument("--findings", action="store_true", help="also count the findings (a second run)")
    args = parser.parse_args()
    args.dir.mkdir(parents=True, exist_ok=True)
    headings = ("claims", "documents", "store s", "wall s", "CPU s", "peak MiB", "µs/claim", "x CPU")
    print(
        " ".join(
            f"{heading:>{width}}" for heading, width in zip(headings, (10, 10, 8, 8, 8, 9, 9, 7), strict=True)
        )
    )
    previous: tuple[int, float] | None = None
    for claims in args.claims:
        path = args.dir / f"audit-{claims}.db"
        marker = path.with_suffix(".built")
        if args.rebuild or not marker.exists():
            count, stored, seconds = build(path, claims)
            marker.write_text(json.dumps({"documents": count, "claims": stored, "seconds": seconds}))
        built = json.loads(marker.read_text())
        elapsed, cpu, peak = audit(path)
        ratio = f"{cpu / previous[1]:.1f}" if previous else "-"
        print(
            f"{built['claims']:>10,} {built['documents']:>10,} {built['seconds']:>8.1f} {elapsed:>8.1f} "
            f"{cpu:>8.1f} {peak:>9,.0f} {cpu / built['claims'] * 1e6:>9.1f} {ratio:>7}",
            flush=True,
        )
        if args.findings:
            print(f"{'':>10} findings: {findings(path)}", flush=True)
        previous = (built["claims"], cpu)
    return 0


if __name__ == "__main__":
    sys.exit(main())
