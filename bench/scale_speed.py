"""Extraction on a local Dask cluster against one process, over the PolNeAR train texts.

    python3 bench/scale_speed.py [CORPUS.jsonl] [--shards 8] [--workers 2]

Cuts the corpus into shards in a temporary folder (removed at the end; the corpus is only read),
then times, in one run:
  - one process: every shard through the worker task (read, analyse, write Parquet parts) in turn;
  - the same shards on a local cluster of ``--workers`` single-threaded processes, already started
    and warmed up (the work), and the cluster's own start-up, timed apart;
checks that both datasets hold the same rows, and prints peak memory and the dataset's size.
Then fills a new database three ways: `ingest` of the corpus with 1 and with 2 processes (read,
analyse, store), and `ingest` of the Parquet dataset (store only). Needs the [dask] extra.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from distributed import Client  # noqa: E402

from provenance import scale  # noqa: E402
from provenance.ingest import ingest  # noqa: E402
from provenance.model import Document, Graph  # noqa: E402
from provenance.pipeline import analyse  # noqa: E402
from provenance.scale import dataset  # noqa: E402
from provenance.scale.cluster import local_cluster  # noqa: E402
from provenance.scale.shards import find_shards, fingerprint  # noqa: E402
from provenance.scale.worker import extract_shard  # noqa: E402
from provenance.store import Store  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "eval" / "polnear" / "train.jsonl"


def warm_up() -> None:
    """Load the extractor's vocabularies, which the first document of a process would pay for."""
    analyse(Graph((Document.from_text("Warm-up, she said."),)))


def cpu_seconds() -> float:
    """CPU time this process has used, user and system."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def peak_memory() -> int:
    """The largest resident set this process has had, in bytes."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--shards", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    lines = [line for line in args.corpus.read_bytes().splitlines(keepends=True) if line.strip()]
    with tempfile.TemporaryDirectory(prefix="scale-bench-") as temporary:
        folder = Path(temporary)
        (folder / "shards").mkdir()
        each = -(-len(lines) // args.shards)
        for number in range(args.shards):
            (folder / "shards" / f"part-{number:03d}.jsonl").write_bytes(
                b"".join(lines[number * each : (number + 1) * each])
            )
        shards = find_shards([folder / "shards"])
        megabytes = sum(len(line) for line in lines) / 1e6
        print(f"{len(lines)} documents ({megabytes:.1f} MB of JSON lines), {len(shards)} shards of {each}")

        one = folder / "one"
        dataset.prepare(one)
        warm_up()
        load = os.getloadavg()[0]
        started, cpu = time.perf_counter(), cpu_seconds()
        for shard in shards:
            extract_shard(shard, str(one), fingerprint(shard))
        alone, cpu_alone = time.perf_counter() - started, cpu_seconds() - cpu
        print(
            f"one process:      {alone:6.2f} s  {len(lines) / alone:6.0f} documents/s  "
            f"({cpu_alone / len(lines) * 1000:.1f} CPU ms a document)"
        )

        started = time.perf_counter()
        with local_cluster(args.workers) as cluster:
            up = time.perf_counter() - started
            with Client(cluster) as client:
                client.run(warm_up)  # each worker loads the vocabularies, as this process did
                before = client.run(cpu_seconds)
                started, cpu = time.perf_counter(), cpu_seconds()
                summary = scale.extract(
                    [folder / "shards"], folder / "many", scheduler=cluster.scheduler_address
                )
                together, cpu_driver = time.perf_counter() - started, cpu_seconds() - cpu
                after = client.run(cpu_seconds)
                peaks = client.run(peak_memory)
        cpu_workers = sum(after[worker] - before[worker] for worker in after)
        assert summary.is_ok, summary
        assert summary.documents == len(lines), summary
        print(
            f"{args.workers} local workers:  {together:6.2f} s  {len(lines) / together:6.0f} documents/s  "
            f"(cluster start-up {up:.1f} s apart; with it {len(lines) / (together + up):.0f} documents/s)"
        )
        print(
            f"  CPU: {cpu_workers / len(lines) * 1000:.1f} ms a document in the workers, "
            f"{cpu_driver / len(lines) * 1000:.1f} ms in the driver"
        )
        print(f"ratio: {alone / together:.2f}x one process ({alone / (together + up):.2f}x with start-up)")
        # Idle, the workers share the cores with the driver: the CPU time they all need, spread.
        idle = max(cpu_workers / args.workers, (cpu_workers + cpu_driver) / (os.cpu_count() or 1))
        print(
            f"  load average {load:.1f} on {os.cpu_count()} cores at the start; from the CPU times, "
            f"an idle machine would take {idle:.2f} s: {cpu_alone / idle:.2f}x one process"
        )
        size = sum(path.stat().st_size for path in (folder / "many").rglob("*.parquet"))
        print(
            f"peak memory: {max(peaks.values()) / 2**20:.0f} MiB per worker, "
            f"{peak_memory() / 2**20:.0f} MiB this process; dataset {size / 2**20:.1f} MiB, "
            f"{size / len(lines) / 1024:.1f} KiB per document"
        )
        for key in dataset.keys(one):
            assert dataset.read_rows(one, key) == dataset.read_rows(folder / "many", key), key
        print("both datasets hold the same rows")

        print("into SQLite (a new database each):")
        for label, inputs, jobs in (
            ("ingest the corpus, --jobs 1", [folder / "shards"], 1),
            (f"ingest the corpus, --jobs {args.workers}", [folder / "shards"], args.workers),
            ("ingest the Parquet dataset", [folder / "many"], 1),
        ):
            with Store.open(folder / f"{label}.db") as store:
                started, cpu = time.perf_counter(), cpu_seconds()
                loaded = ingest(inputs, store, jobs=jobs)
                took, cpu_took = time.perf_counter() - started, cpu_seconds() - cpu
            assert loaded.ingested == len(lines), loaded
            size = (folder / f"{label}.db").stat().st_size
            print(
                f"  {label + ':':32} {took:6.2f} s  {len(lines) / took:6.0f} documents/s  "
                f"({cpu_took / len(lines) * 1000:.1f} CPU ms a document in this process; "
                f"{size / len(lines) / 1024:.0f} KiB a document in the database)"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
