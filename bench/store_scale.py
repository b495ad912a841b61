"""Ingest N generated articles with --jobs 1 and 2; print docs/s, memory, and query latency."""

from __future__ import annotations

import argparse
import itertools
import json
import random
import re
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from provenance.ingest import Progress, ingest
from provenance.model import (
    Claim,
    ClaimKind,
    Graph,
    Hop,
    Source,
    SourceKind,
    claim_id,
    slugify,
)
from provenance.store import Store

OUTLETS = [
    f"Outlet {name}"
    for name in (
        "Reuters",
        "AFP",
        "Shafaq News",
        "Rudaw",
        "Al Monitor",
        "Kurdistan24",
        "Enab Baladi",
        "The National",
        "Asharq Al-Awsat",
        "Al-Ahram",
        "Daily Sabah",
        "Hurriyet",
        "Anadolu",
        "North Press",
        "SANA",
    )
]
MONITORS = ["Syrian Observatory for Human Rights", "SOHR", "the Observatory", "Airwars", "ACLED"]
WORDS = (
    "convoy",
    "trucks",
    "border",
    "crossing",
    "militia",
    "airstrike",
    "village",
    "fuel",
    "aid",
    "ceasefire",
    "drone",
    "checkpoint",
    "refugees",
    "oil",
    "field",
    "governor",
    "ministry",
    "council",
    "patrol",
    "clashes",
    "shelling",
)


def _people(rng: random.Random) -> list[str]:
    first = ("Ahmed", "Layla", "Omar", "Sara", "Hassan", "Mariam", "Karim", "Nour", "Yusuf", "Dalia")
    last = ("al-Alusi", "Haddad", "Khoury", "Mansour", "Nasser", "Rahman", "Saleh", "Tahir", "Zayed")
    return [f"{a} {b}" for a in first for b in last]


def vocabulary(size: int = 5000) -> list[str]:
    """Made-up words ranked by frequency, with the topic words spread among the common ones."""
    syllables = ["ba", "ko", "ri", "tu", "sel", "man", "dar", "vi", "lo", "nek", "sha", "pru"]
    made = [
        a + b + c + d
        for a in syllables
        for b in syllables
        for c in ("", *syllables)
        for d in ("", "n", "s", "ra")
    ]
    words = [w for w in dict.fromkeys(made) if w not in WORDS][: size - len(WORDS)]
    for position, word in enumerate(WORDS):
        words.insert(20 + position * 15, word)
    return words


def generate(path: Path, count: int, seed: int = 7) -> None:
    """A JSON-lines corpus of ``count`` articles citing a shared pool of sources, streamed to disk.

    Claim words follow Zipf's law over a few thousand words, as in real text, so that a query
    matches a realistic share of claims.
    """
    rng = random.Random(seed)
    people = _people(rng)
    organisations = [f"{w.title()} {x.title()} Council" for w in WORDS for x in WORDS[:12]]
    words = vocabulary()
    cumulative = list(itertools.accumulate(1 / rank for rank in range(1, len(words) + 1)))
    with path.open("w", encoding="utf-8") as handle:
        for number in range(count):
            sentences = [f"Report {number} from the region"]
            for _ in range(rng.randint(3, 7)):
                claim = " ".join(rng.choices(words, cum_weights=cumulative, k=rng.randint(6, 14)))
                claim += f" {rng.randint(2, 90)} times"
                roll = rng.random()
                if roll < 0.25:
                    sentences.append(f"{claim}, {rng.choice(MONITORS)} said")
                elif roll < 0.5:
                    sentences.append(f"According to {rng.choice(organisations)}, {claim}")
                elif roll < 0.7:
                    sentences.append(f"{claim}, {rng.choice(people)} said")
                elif roll < 0.8:
                    sentences.append(f"{claim}, sources said")
                else:
                    sentences.append(claim)
            handle.write(
                json.dumps(
                    {
                        "id": f"bench-{number}",
                        "text": ". ".join(sentences) + ".",
                        "outlet": rng.choice(OUTLETS),
                        "published": f"20{20 + number % 6}-{number % 12 + 1:02d}-{number % 28 + 1:02d}",
                    }
                )
                + "\n"
            )


def repeat(path: Path, article: Path, count: int) -> None:
    """A corpus of one real article repeated: each copy dated and numbered, so each is a new document."""
    text = article.read_text(encoding="utf-8")
    with path.open("w", encoding="utf-8") as handle:
        for number in range(count):
            handle.write(
                json.dumps(
                    {
                        "id": f"repeat-{number}",
                        "text": f"Copy {number}.\n\n{text}",
                        "outlet": OUTLETS[number % len(OUTLETS)],
                        "published": f"20{20 + number % 6}-{number % 12 + 1:02d}-{number % 28 + 1:02d}",
                    }
                )
                + "\n"
            )


_SAID = re.compile(r"^(?P<claim>.+), (?P<source>[^,]+) said$")
_ACCORDING = re.compile(r"^According to (?P<source>[^,]+), (?P<claim>.+)$")


def synthetic_analyse(graph: Graph) -> Graph:
    """Reads back the generator's own sentence templates: a stand-in extractor of realistic cost."""
    document = graph.documents[0]
    sources = {s.id: s for s in graph.sources}
    claims = []
    offset = 0
    for sentence in document.text.rstrip(".").split(". "):
        start = document.text.index(sentence, offset)
        offset = start + len(sentence)
        match = _SAID.match(sentence) or _ACCORDING.match(sentence)
        chain = [Hop(document.outlet, cue="publishes")] if document.outlet else []
        text = sentence
        if match:
            name = match.group("source")
            kind = (
                SourceKind.ANONYMOUS
                if name == "sources"
                else SourceKind.MONITOR
                if name in MONITORS
                else SourceKind.ORGANIZATION
                if name.endswith("Council")
                else SourceKind.PERSON
            )
            source = Source(slugify(name), name, kind)
            sources[source.id] = source
            chain.append(Hop(source.id, cue="said" if "said" in sentence else "according to", mention=name))
            text = match.group("claim")
        begin = document.text.index(text, start)
        claims.append(
            Claim(
                claim_id(document.id, len(claims) + 1),
                document.id,
                text,
                (begin, begin + len(text)),
                ClaimKind.INDIRECT if len(chain) > 1 else ClaimKind.UNATTRIBUTED,
                chain=tuple(chain),
            )
        )
    return Graph(graph.documents, tuple(sources.values()), tuple(claims))


def _rss_mib() -> float:
    with open("/proc/self/statm") as handle:
        pages = int(handle.read().split()[1])
    return pages * resource.getpagesize() / 2**20


def _timed(function, repeat: int = 20) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95) - 1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=100_000, help="articles to generate (default 100000)")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument(
        "--pipeline",
        action="store_true",
        help="analyse with provenance.pipeline.analyse instead of the synthetic extractor",
    )
    parser.add_argument(
        "--repeat",
        type=Path,
        default=None,
        metavar="ARTICLE",
        help="repeat this article N times instead of generating text (implies --pipeline)",
    )
    parser.add_argument("--dir", type=Path, default=None, help="where to keep corpus and databases")
    args = parser.parse_args()
    workdir = args.dir or Path(tempfile.mkdtemp(prefix="provenance-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    if args.repeat:
        corpus = workdir / f"repeat-{args.n}.jsonl"
        repeat(corpus, args.repeat, args.n)
        args.pipeline = True
    else:
        corpus = workdir / f"corpus-{args.n}.jsonl"
        if not corpus.exists():
            generate(corpus, args.n)
    analyse = None if args.pipeline else synthetic_analyse
    print(f"corpus: {args.n} articles, {corpus.stat().st_size / 2**20:.0f} MiB ({corpus})")
    print(f"analyser: {'provenance.pipeline.analyse' if args.pipeline else 'synthetic (bench)'}")
    last_db = None
    for jobs in args.jobs:
        db = workdir / f"jobs{jobs}-{args.n}.db"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        samples: dict[int, float] = {}
        marks = {max(1, args.n * tenth // 10) for tenth in (1, 5, 10)}

        def sample(progress: Progress, marks: set[int] = marks, samples: dict[int, float] = samples) -> None:
            if progress.done in marks:
                samples[progress.done] = _rss_mib()

        with Store.open(db) as store:
            start = time.perf_counter()
            cpu_start = time.process_time()
            summary = ingest([corpus], store, jobs=jobs, analyse=analyse, on_progress=sample)
            elapsed = time.perf_counter() - start
            cpu = time.process_time() - cpu_start
            rerun_start = time.perf_counter()
            rerun = ingest([corpus], store, jobs=jobs, analyse=analyse)
            rerun_elapsed = time.perf_counter() - rerun_start
        memory = ", ".join(f"{done:,} docs {mib:.0f} MiB" for done, mib in sorted(samples.items()))
        print(
            f"--jobs {jobs}: {summary.ingested:,} ingested, {summary.claims:,} claims in {elapsed:.1f} s "
            f"= {summary.ingested / elapsed:,.0f} docs/s; failed {len(summary.failed)}"
        )
        # The parent's CPU time: all the work with --jobs 1, the writing (SQLite) with more; what to
        # compare on a shared machine, where wall time depends on the other work.
        print(f"  parent CPU {cpu:.1f} s = {summary.ingested / cpu:,.0f} docs per CPU second")
        print(f"  parent RSS at {memory}")
        print(
            f"  rerun: {rerun.unchanged:,} unchanged in {rerun_elapsed:.1f} s "
            f"= {rerun.unchanged / rerun_elapsed:,.0f} docs/s"
        )
        print(f"  database: {db.stat().st_size / 2**20:.0f} MiB")
        last_db = db
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(
        f"peak RSS: parent {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB, "
        f"largest worker {children:.0f} MiB"
    )
    if last_db is None:
        return
    with Store.open(last_db) as store:
        if args.repeat:
            searches = ["convoy", '"sectarian conflict"', "Sudani OR Syria"]
            traces = ["SOHR", "Mithal al-Alusi"]
        else:
            searches = ["convoy trucks", '"oil field" OR airstrike', "ceasefire NOT drone", vocabulary()[0]]
            traces = ["SOHR", "Layla Haddad", "Oil Fuel Council"]
        for query in searches:
            median, p95 = _timed(lambda query=query: store.search(query))
            print(f"search {query!r}: median {median:.1f} ms, p95 {p95:.1f} ms")
        for name in traces:
            median, p95 = _timed(lambda name=name: store.trace(name))
            print(f"trace {name!r}: median {median:.1f} ms, p95 {p95:.1f} ms")
        trace = store.trace("SOHR")
        print(
            f"  SOHR: {trace.total_claims:,} claims in {trace.total_documents:,} documents, "
            f"{len(trace.outlets)} outlets"
        )
        start = time.perf_counter()
        stats = store.sources()
        print(f"sources: {len(stats):,} rows in {(time.perf_counter() - start) * 1000:.0f} ms")
        start = time.perf_counter()
        graph = store.graph(with_text=False)
        print(f"graph() without text: {len(graph.claims):,} claims in {time.perf_counter() - start:.1f} s")


if __name__ == "__main__":
    main()
