"""Extraction on a Dask cluster into Parquet: the same answer as one process, faults and resumes.

A local cluster of two single-threaded worker processes, shared by the tests of a module; the
tests skip when the [dask] extra is not installed.
"""

from __future__ import annotations

import functools
import gzip
import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from provenance import serialize
from provenance.cli import cli
from provenance.ingest import ingest
from provenance.model import Graph
from provenance.pipeline import analyse, resolved_stored
from provenance.store import Store

pytest.importorskip("distributed")
pytest.importorskip("pyarrow")

import dask

from provenance.scale import extract
from provenance.scale.cluster import local_cluster
from provenance.scale.dataset import TABLES, keys, read_graphs, read_rows, schema

HERE = Path(__file__).parent
SAMPLES = HERE.parent / "samples"
OUTLETS = ["Reuters", "AFP", "Shafaq News"]


def article(number: int) -> dict[str, str]:
    """An article with a monitor's claim, an anonymous official's quote, a chain of two, and an
    unattributed figure."""
    return {
        "id": f"story-{number}",
        "outlet": OUTLETS[number % 3],
        "published": f"2024-05-{number % 28 + 1:02d}T10:00:00+03:00",
        "title": f"Convoy {number}",
        "text": f"Convoy {number} crossed the border\n\n"
        f"The Syrian Observatory for Human Rights said {number} trucks carried weapons on Tuesday. "
        f'"We saw them at dawn," a local official told reporters. Governor Ahmed Salem said the '
        f"roads would reopen, according to the ministry. Prices rose by {number % 9 + 1} percent.",
    }


def write_shard(path: Path, numbers: range, *, bad_line: int | None = None) -> Path:
    """A corpus of the articles ``numbers``, gzipped for a .gz name; ``bad_line`` not JSON."""
    lines = [json.dumps(article(number)) + "\n" for number in numbers]
    if bad_line is not None:
        lines.insert(bad_line - 1, "{not json\n")
    data = "".join(lines).encode()
    path.write_bytes(gzip.compress(data) if path.suffix == ".gz" else data)
    return path


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """The address of a local cluster of two single-threaded worker processes."""
    with local_cluster(2) as cluster:
        yield cluster.scheduler_address


@pytest.fixture
def shards(tmp_path: Path) -> Path:
    """Three corpus shards (one gzipped) and a folder of article files, 40 documents in all."""
    folder = tmp_path / "in"
    (folder / "articles").mkdir(parents=True)
    write_shard(folder / "a.jsonl", range(0, 12))
    write_shard(folder / "b.jsonl.gz", range(12, 24))
    write_shard(folder / "c.jsonl", range(24, 36))
    for sample in ("shafaq-2025-01-02-alusi.txt", "quotes-patterns.txt", "circular-a.txt", "circular-b.txt"):
        (folder / "articles" / sample).write_bytes((SAMPLES / sample).read_bytes())
    return folder


def document_ids(outdir: Path) -> Counter[str]:
    return Counter(document.id for graph in read_graphs(outdir) for document in graph.documents)


def test_the_dataset_holds_what_extract_jsonl_gives(
    shards: Path, tmp_path: Path, scheduler: str, runner: CliRunner
) -> None:
    summary = extract([shards], tmp_path / "out", scheduler=scheduler)
    assert summary.is_ok
    assert (summary.shards, summary.documents) == (4, 40)

    # One process, the command users already know: the canonical document of every article.
    inputs = [*sorted(shards.glob("*.jsonl")), *sorted((shards / "articles").iterdir())]
    result = runner.invoke(cli, ["extract", *map(str, inputs), "--format", "jsonl"])
    assert result.exit_code == 0, result.stderr
    expected = [serialize.loads(line) for line in result.stdout.splitlines()]
    with gzip.open(shards / "b.jsonl.gz", "rt") as handle:
        expected += [analyse(graph) for graph in _records(handle.read(), "b")]

    got = {graph.documents[0].id: graph for graph in read_graphs(tmp_path / "out")}
    assert len(got) == len(expected) == 40
    for graph in expected:  # same ids, same sources, same claims with the same chains, same findings
        assert got[graph.documents[0].id] == graph
    assert sum(len(graph.claims) for graph in expected) == summary.claims


def _records(text: str, name: str) -> list[Graph]:
    from provenance.read import article_from_record

    return [article_from_record(json.loads(line), name=name) for line in text.splitlines()]


def test_a_bad_line_is_reported_and_its_shard_goes_on(tmp_path: Path, scheduler: str) -> None:
    shard = write_shard(tmp_path / "bad.jsonl", range(5), bad_line=3)
    summary = extract([shard], tmp_path / "out", scheduler=scheduler)
    assert not summary.is_ok
    assert summary.failed_shards == ()
    assert [(name, reason.split(":")[0]) for name, reason in summary.failed_inputs] == [
        (f"{shard}:3", "not a JSON record")
    ]
    assert sorted(document_ids(tmp_path / "out")) == [f"story-{n}" for n in range(5)]
    # A re-run skips the shard and still names the bad line: the dataset keeps its failures.
    again = extract([shard], tmp_path / "out", scheduler=scheduler)
    assert (again.skipped, again.failed_inputs) == (1, summary.failed_inputs)


def poisoned(graph: Graph) -> Graph:
    """The pipeline, except that it breaks on one document: a shard that fails every time."""
    if graph.documents and graph.documents[0].id == "story-7":
        raise RuntimeError("poisoned story-7")
    return analyse(graph)


def test_a_shard_that_fails_is_named_and_the_rest_finish(tmp_path: Path, scheduler: str) -> None:
    good = [write_shard(tmp_path / f"s{i}.jsonl", range(i * 5, i * 5 + 5)) for i in (0, 2, 3)]
    bad = write_shard(tmp_path / "s1.jsonl", range(5, 10))
    summary = extract([*good, bad], tmp_path / "out", scheduler=scheduler, analyse=poisoned)
    assert summary.failed_shards == ((str(bad), "RuntimeError: poisoned story-7"),)
    assert summary.documents == 15
    assert sorted(document_ids(tmp_path / "out")) == sorted(
        f"story-{n}" for n in (*range(0, 5), *range(10, 20))
    )
    assert [p.name for p in (tmp_path / "out").rglob("*") if p.name.startswith(".")] == []
    # Fixed, a re-run does the failed shard only.
    again = extract([*good, bad], tmp_path / "out", scheduler=scheduler)
    assert (again.is_ok, again.skipped, again.documents) == (True, 3, 20)


def exit_once(marker: Path, graph: Graph) -> Graph:
    """The pipeline, except that the first task to find ``marker`` takes it and kills its worker."""
    try:
        os.rename(marker, marker.with_suffix(".taken"))  # atomic: one task alone wins it
    except FileNotFoundError:
        return analyse(graph)
    os._exit(1)


def test_a_worker_killed_mid_run_leaves_every_shard_done_exactly_once(tmp_path: Path, scheduler: str) -> None:
    paths = [write_shard(tmp_path / f"s{i}.jsonl", range(i * 6, i * 6 + 6)) for i in range(4)]
    marker = tmp_path / "kill.marker"
    marker.touch()
    summary = extract(
        paths, tmp_path / "out", scheduler=scheduler, analyse=functools.partial(exit_once, marker)
    )
    assert marker.with_suffix(".taken").exists(), "no worker was killed: the test tested nothing"
    assert summary.is_ok, summary
    assert (summary.shards, summary.documents) == (4, 24)
    assert document_ids(tmp_path / "out") == Counter({f"story-{n}": 1 for n in range(24)})
    assert len(keys(tmp_path / "out")) == 4
    assert [p.name for p in (tmp_path / "out").rglob("*") if p.name.startswith(".")] == []


def exit_on_story_7(graph: Graph) -> Graph:
    """The pipeline, except that one document kills the worker every time: a crash in C, say."""
    if graph.documents and graph.documents[0].id == "story-7":
        os._exit(1)
    return analyse(graph)


@pytest.mark.slow
def test_a_shard_that_kills_its_worker_every_time_is_named_and_the_rest_finish(tmp_path: Path) -> None:
    paths = [write_shard(tmp_path / f"s{i}.jsonl", range(i * 5, i * 5 + 5)) for i in range(4)]
    # Dask gives up on a task after its workers died this many times more than once (default 3). The
    # cluster is the one the product starts: a worker holds only the shard it runs, so a death is
    # counted against that shard alone (Dask's default queues a second shard on it, and blames both).
    with dask.config.set({"distributed.scheduler.allowed-failures": 1}), local_cluster(2) as cluster:
        summary = extract(
            paths, tmp_path / "out", scheduler=cluster.scheduler_address, analyse=exit_on_story_7
        )
    assert summary.failed_shards == (
        (str(paths[1]), "the worker running it died every time it was tried (a crash, or out of memory)"),
    )
    assert sorted(document_ids(tmp_path / "out")) == sorted(f"story-{n}" for n in (*range(5), *range(10, 20)))


def test_a_run_stopped_between_parts_resumes_where_it_stopped(tmp_path: Path, scheduler: str) -> None:
    paths = [write_shard(tmp_path / f"s{i}.jsonl", range(i * 4, i * 4 + 4)) for i in range(4)]
    out = tmp_path / "out"
    extract(paths, out, scheduler=scheduler)
    finished = keys(out)
    # As a killed run leaves it: one shard with some parts and a temporary file but no documents
    # part (killed while renaming), one never started, two done.
    half, never = finished[1], finished[2]
    (out / "documents" / f"{half}.parquet").unlink()
    (out / "claims" / f".{half}.0123456789ab.tmp").write_bytes(b"half a part")
    for table in ("documents", "sources", "claims", "hops", "findings", "failures"):
        (out / table / f"{never}.parquet").unlink(missing_ok=True)
    done_before = {key: (out / "documents" / f"{key}.parquet").stat().st_mtime_ns for key in finished[::3]}

    summary = extract(paths, out, scheduler=scheduler)
    assert (summary.is_ok, summary.skipped, summary.documents) == (True, 2, 16)
    assert done_before == {
        key: (out / "documents" / f"{key}.parquet").stat().st_mtime_ns for key in done_before
    }
    assert document_ids(out) == Counter({f"story-{n}": 1 for n in range(16)})
    assert not list(out.rglob(".*.tmp"))


def test_a_changed_shard_is_extracted_again(tmp_path: Path, scheduler: str) -> None:
    shard = write_shard(tmp_path / "s.jsonl", range(3))
    extract([shard], tmp_path / "out", scheduler=scheduler)
    write_shard(shard, range(3, 7))
    summary = extract([shard], tmp_path / "out", scheduler=scheduler)
    assert (summary.skipped, summary.documents) == (0, 4)
    assert sorted(document_ids(tmp_path / "out")) == [f"story-{n}" for n in range(3, 7)]


@pytest.mark.slow
def test_an_interrupted_run_resumes(tmp_path: Path) -> None:
    """Ctrl-C on a real run of the command with its own local cluster, then the same command again."""
    paths = [write_shard(tmp_path / f"s{i}.jsonl", range(i * 150, i * 150 + 150)) for i in range(8)]
    out = tmp_path / "out"
    command = [sys.executable, "-m", "provenance", "extract", *map(str, paths), "--engine", "dask", "-j", "2"]
    env = {**os.environ, "PYTHONPATH": str(HERE.parent)}
    process = subprocess.Popen([*command, "-o", str(out)], env=env, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while not list((out / "documents").glob("*.parquet")) and time.monotonic() < deadline:
        time.sleep(0.05)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    first = keys(out)
    assert process.returncode != 0, stderr
    assert 0 < len(first) < 8, "the run was not stopped half-way: the test tested nothing"

    result = subprocess.run([*command, "-o", str(out)], env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert f"8 shard(s) ({len(first)} done before), 1200 documents" in result.stderr
    assert document_ids(out) == Counter({f"story-{n}": 1 for n in range(1200)})
    assert not list(out.rglob(".*.tmp"))


def test_the_command_reports_failures_and_exits_1(tmp_path: Path, scheduler: str, runner: CliRunner) -> None:
    shard = write_shard(tmp_path / "bad.jsonl", range(3), bad_line=2)
    arguments = [
        "extract",
        str(shard),
        "--engine",
        "dask",
        "--scheduler",
        scheduler,
        "-o",
        str(tmp_path / "o"),
    ]
    result = runner.invoke(cli, arguments)
    assert result.exit_code == 1
    assert f"Error: {shard}:2: not a JSON record" in result.stderr
    assert "1 shard(s) (0 done before), 3 documents" in result.stderr
    rows = read_rows(tmp_path / "o", keys(tmp_path / "o")[0])
    assert [row["input"] for row in rows["documents"]] == [f"{shard}:1", f"{shard}:3", f"{shard}:4"]


def test_the_schema_page_lists_every_column_of_every_table() -> None:
    page = (HERE.parent / "docs" / "dataset.md").read_text()
    for name, columns in TABLES.items():
        section = page.split(f"### `{name}`\n", 1)[1].split("\n### ", 1)[0]
        arrow = schema(name)
        rows = [line for line in section.splitlines() if line.startswith("| `")]
        assert rows == [
            f"| `{c.name}` | `{arrow.field(c.name).type}` | {'no' if c.required else 'yes'} | {c.doc} |"
            for c in columns
        ], name


def test_the_readme_duckdb_query_counts_claims_per_source(
    shards: Path, tmp_path: Path, scheduler: str
) -> None:
    duckdb = pytest.importorskip("duckdb")
    readme = (HERE.parent / "README.md").read_text()
    query = readme.split("```sql\n", 1)[1].split("```", 1)[0].replace("limit 5", "")
    out = tmp_path / "dataset"
    extract([shards], out, scheduler=scheduler)
    got = duckdb.sql(query.replace("'dataset/", f"'{out}/")).fetchall()

    claims: Counter[tuple[str, str]] = Counter()
    documents: dict[tuple[str, str], set[str]] = {}
    for graph in read_graphs(out):
        names = {source.id: (source.name, source.kind.value) for source in graph.sources}
        for claim in graph.claims:
            for name in {names[hop.source] for hop in claim.chain[1:]}:
                claims[name] += 1
                documents.setdefault(name, set()).add(claim.document)
    assert len(got) >= 10
    assert sorted(got) == sorted((*name, count, len(documents[name])) for name, count in claims.items())


def test_ingest_loads_a_dataset_as_ingest_stores_the_corpus(tmp_path: Path, scheduler: str) -> None:
    (tmp_path / "in" / "articles").mkdir(parents=True)
    corpora = [
        write_shard(tmp_path / "in" / f"{name}.jsonl", range(n * 10, n * 10 + 10))
        for n, name in enumerate("ab")
    ]
    for sample in ("shafaq-2025-01-02-alusi.txt", "circular-a.txt"):
        (tmp_path / "in" / "articles" / sample).write_bytes((SAMPLES / sample).read_bytes())
    extract([tmp_path / "in"], tmp_path / "out", scheduler=scheduler)

    with Store.open(tmp_path / "loaded.db") as store:
        summary = ingest([tmp_path / "out"], store)
        assert (summary.ingested, summary.unchanged, summary.failed) == (22, 0, ())
        loaded = store.graph()
        again = ingest([tmp_path / "out"], store)  # idempotent, as ingest is
        assert (again.ingested, again.unchanged) == (0, 22)
        # The inputs are marked as stored: the corpus itself is skipped unread now.
        assert ingest(corpora, store, analyse=_never).unchanged == 20
    with Store.open(tmp_path / "ingested.db") as store:
        ingest([tmp_path / "in"], store)
        ingested = store.graph()
    assert sorted(d.id for d in loaded.documents) == sorted(d.id for d in ingested.documents)
    assert sorted(map(repr, loaded.claims)) == sorted(map(repr, ingested.claims))
    assert sorted(map(repr, loaded.sources)) == sorted(map(repr, ingested.sources))
    # The corpus rules, as `audit --db` runs them, find the same in both.
    assert sorted(map(repr, resolved_stored(loaded).findings)) == sorted(
        map(repr, resolved_stored(ingested).findings)
    )


def _never(graph: Graph) -> Graph:
    raise AssertionError("analysed again")


def test_ingest_names_a_damaged_part_and_loads_the_rest(tmp_path: Path, scheduler: str) -> None:
    paths = [write_shard(tmp_path / f"s{i}.jsonl", range(i * 3, i * 3 + 3)) for i in range(3)]
    extract(paths, tmp_path / "out", scheduler=scheduler)
    damaged = keys(tmp_path / "out")[1]
    (tmp_path / "out" / "claims" / f"{damaged}.parquet").write_bytes(b"PAR1 cut short")
    with Store.open(tmp_path / "p.db") as store:
        summary = ingest([tmp_path / "out"], store)
    assert summary.ingested == 6
    ((name, reason),) = summary.failed
    assert name == str(tmp_path / "out" / "*" / f"{damaged}.parquet")
    assert reason.startswith("unreadable Parquet part")
