"""Store faults, in real processes: killed ingests, two ingests at once, read-only files and folders,
and a full disk. The database must stay valid, keep every document it reported, and say what is
wrong in one line with exit 2."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from provenance.cli import cli
from provenance.ingest import ingest
from provenance.store import Store

ROOT = Path(__file__).parent.parent
ENV = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
COUNT = 120
"""Articles in the test corpus: enough for a kill to land mid-run, few enough to stay quick."""
KILL_TRIALS = 20
SEED = 20241123


def _write_corpus(path: Path, numbers: range) -> Path:
    outlets = ["Reuters", "AFP", "Shafaq News"]
    with path.open("w", encoding="utf-8") as handle:
        for number in numbers:
            handle.write(
                json.dumps(
                    {
                        "id": f"story-{number}",
                        "text": f"Story {number}. The Syrian Observatory for Human Rights said {number} "
                        f"trucks crossed. An official said {number % 7} were empty, according to Reuters. "
                        f'"We saw them," said Mithal al-Alusi.',
                        "outlet": outlets[number % 3],
                        "published": f"2024-05-{number % 28 + 1:02d}",
                    }
                )
                + "\n"
            )
    return path


def _shape(db: Path) -> dict[str, tuple[int, int]]:
    """Each stored document's claim and hop counts: what 'whole' means, compared with a clean run."""
    connection = sqlite3.connect(db)
    try:
        found = connection.execute(
            "select d.id, (select count(*) from claims c where c.document = d.id), "
            "(select count(*) from hops h where h.document = d.id) from documents d"
        ).fetchall()
    finally:
        connection.close()
    return {document: (claims, hops) for document, claims, hops in found}


def _stored(db: Path) -> int:
    """Documents committed so far, read beside a running ingest; 0 before its schema exists."""
    try:
        connection = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        try:
            return int(connection.execute("select count(*) from documents").fetchone()[0])
        finally:
            connection.close()
    except sqlite3.Error:
        return 0


def _counts(db: Path) -> tuple[int, ...]:
    connection = sqlite3.connect(db)
    try:
        return tuple(
            connection.execute(f"select count(*) from {table}").fetchone()[0]
            for table in ("documents", "sources", "source_aliases", "claims", "hops", "findings")
        )
    finally:
        connection.close()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _write_corpus(tmp_path_factory.mktemp("corpus") / "c.jsonl", range(COUNT))


@pytest.fixture(scope="module")
def reference(corpus: Path) -> Path:
    """The database an uninterrupted ingest of the corpus gives."""
    db = corpus.parent / "reference.db"
    with Store.open(db) as store:
        assert ingest([corpus], store, jobs=1).is_ok
    return db


# --- SIGKILL at random points --------------------------------------------------------------

_CHILD = """
import sys
import provenance.ingest
from provenance.ingest import ingest
from provenance.store import Store

provenance.ingest.COMMIT_BATCH = 8  # many batches in a short corpus, so kills land between them too

def report(progress):
    print(progress.name, flush=True)  # printed only once the document is committed

ingest([sys.argv[1]], Store.open(sys.argv[2]), jobs=int(sys.argv[3]), on_progress=report)
print("finished", flush=True)
"""


@pytest.mark.parametrize("trial", range(KILL_TRIALS))
def test_a_kill_at_any_point_loses_no_reported_document(
    trial: int, corpus: Path, reference: Path, tmp_path: Path
) -> None:
    rng = random.Random(SEED + trial)
    jobs = rng.choice([1, 2])
    kill_after = rng.randrange(0, COUNT)  # reports seen before the kill
    lag = rng.random() * 0.01  # then a little more, so the kill lands inside a transaction
    db = tmp_path / "p.db"
    child = subprocess.Popen(
        [sys.executable, "-c", _CHILD, str(corpus), str(db), str(jobs)],
        stdout=subprocess.PIPE,
        text=True,
        env=ENV,
        start_new_session=True,
    )
    assert child.stdout is not None
    reported = []
    for line in child.stdout:
        if line.strip() == "finished" or len(reported) >= kill_after:
            break
        reported.append(line.strip())
    with contextlib.suppress(subprocess.TimeoutExpired):
        child.wait(timeout=lag)
    os.killpg(child.pid, signal.SIGKILL)  # the ingest and its workers
    child.wait(timeout=30)
    child.stdout.close()

    expected = _shape(reference)
    with Store.open(db) as store:
        assert store.check() == []  # PRAGMA integrity_check and foreign_key_check
    stored = _shape(db)
    assert {f"{corpus}:{int(d.split('-')[1]) + 1}" for d in stored} >= set(reported)
    assert {document: expected[document] for document in stored} == stored  # each one whole

    with Store.open(db) as store:
        summary = ingest([corpus], store, jobs=jobs)
        assert (summary.unchanged, summary.ingested, summary.failed) == (len(stored), COUNT - len(stored), ())
        assert store.check() == []
    assert _shape(db) == expected
    assert _counts(db) == _counts(reference)


@pytest.mark.slow
def test_a_killed_cli_ingest_reruns_to_the_same_database(
    corpus: Path, reference: Path, tmp_path: Path
) -> None:
    rng = random.Random(SEED)
    db = tmp_path / "p.db"
    for _ in range(3):  # `provenance ingest` killed three times, each when a random count is stored
        target = rng.randrange(1, COUNT)
        child = subprocess.Popen(
            [sys.executable, "-m", "provenance", "ingest", str(corpus), "--db", str(db), "--jobs", "2"],
            env=ENV,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        while child.poll() is None and _stored(db) < target:
            time.sleep(0.002)
        os.killpg(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
        with Store.open(db) as store:
            assert store.check() == []
        assert all(_shape(reference)[d] == shape for d, shape in _shape(db).items())
    finished = subprocess.run(
        [sys.executable, "-m", "provenance", "ingest", str(corpus), "--db", str(db), "--jobs", "2"],
        env=ENV,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert finished.returncode == 0, finished.stderr
    assert _shape(db) == _shape(reference)
    assert _counts(db) == _counts(reference)


# --- two ingests at once -------------------------------------------------------------------


@pytest.mark.parametrize("jobs", [(1, 1), (1, 2)])
def test_two_ingests_at_once_lose_and_repeat_nothing(
    jobs: tuple[int, int], corpus: Path, reference: Path, tmp_path: Path
) -> None:
    # Overlapping halves on one new database: both create it, both store the shared middle.
    first = _write_corpus(tmp_path / "a.jsonl", range(0, COUNT * 2 // 3))
    second = _write_corpus(tmp_path / "b.jsonl", range(COUNT // 3, COUNT))
    db = tmp_path / "p.db"
    children = [
        subprocess.Popen(
            [sys.executable, "-m", "provenance", "ingest", str(part), "--db", str(db), "--jobs", str(count)],
            env=ENV,
            stderr=subprocess.PIPE,
            text=True,
        )
        for part, count in zip((first, second), jobs, strict=True)
    ]
    errors = [child.communicate(timeout=120)[1] for child in children]
    assert [child.returncode for child in children] == [0, 0], errors
    with Store.open(db) as store:
        assert store.check() == []
    assert _shape(db) == _shape(reference)
    assert _counts(db) == _counts(reference)  # no source, alias, claim or hop twice


_SLOW_CHILD = """
import sys, time
from provenance.ingest import ingest
from provenance.pipeline import analyse
from provenance.store import Store

def slowly(graph):
    time.sleep(0.05)
    return analyse(graph)

def report(progress):
    print(progress.name, flush=True)

ingest([sys.argv[1]], Store.open(sys.argv[2]), jobs=2, analyse=slowly, on_progress=report)
"""


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads a process's children from /proc")
def test_workers_end_when_their_parent_is_killed(corpus: Path, tmp_path: Path) -> None:
    # Killing the parent of `ingest -j 2` left its workers alive, reparented, holding its pipes.
    parent = subprocess.Popen(
        [sys.executable, "-c", _SLOW_CHILD, str(corpus), str(tmp_path / "p.db")],
        env=ENV,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert parent.stdout is not None
    parent.stdout.readline()  # a document is stored: the workers are at work
    children = Path(f"/proc/{parent.pid}/task/{parent.pid}/children").read_text().split()
    assert len(children) >= 2
    parent.kill()
    parent.wait()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(Path(f"/proc/{child}").exists() for child in children):
        time.sleep(0.1)
    alive = [child for child in children if Path(f"/proc/{child}").exists()]
    for child in alive:  # clean up before failing
        os.kill(int(child), signal.SIGKILL)
    assert alive == []


def test_a_verdict_beside_a_writer_waits_its_turn(reference: Path, tmp_path: Path) -> None:
    # `review` beside a running ingest failed 133 times in 214 with "the database is busy" after a
    # fraction of a second: its insert began a deferred transaction, and a read that must become a
    # write while another process writes is refused at once, whatever the busy timeout.
    from datetime import UTC, datetime

    from provenance.config import Config
    from provenance.factcheck.workflow import record_review

    db = tmp_path / "p.db"
    shutil.copy(reference, db)
    writer = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("update documents set title = title")
    with Store.open(db) as store:
        [claim_id] = [claim.id for claim in store.graph("story-7").claims][:1]
        releases = threading.Timer(0.3, writer.execute, ["COMMIT"])
        releases.start()
        try:
            record_review(store, claim_id, "true", Config(), reviewer="R", reviewed=datetime.now(UTC))
        finally:
            releases.join()
            writer.close()
        assert store.reviewed_claims() == [claim_id]


# --- read-only and full ---------------------------------------------------------------------


def _as_unprivileged() -> list[str]:
    """A command prefix under which file permissions apply: root ignores them unless it gives up
    the capability to."""
    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv: permissions cannot be tested")
    return ["setpriv", "--bounding-set", "-dac_override,-dac_read_search"]


def _snapshot(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


@pytest.fixture
def filled(tmp_path: Path) -> Iterator[Path]:
    """A database of a third of the corpus, closed (its WAL folded in), in a folder of its own."""
    folder = tmp_path / "data"
    folder.mkdir()
    db = folder / "p.db"
    with Store.open(db) as store:
        ingest([_write_corpus(tmp_path / "a.jsonl", range(COUNT // 3))], store, jobs=1)
    _write_corpus(tmp_path / "more.jsonl", range(COUNT // 3, COUNT))
    yield db
    folder.chmod(0o755)
    db.chmod(0o644)


@pytest.mark.parametrize(
    ("what", "message"),
    [
        ("file", "the database file is read-only"),
        ("folder", "is read-only, and the database writes its journal beside it"),
    ],
)
def test_a_read_only_database_is_refused_and_left_alone(filled: Path, what: str, message: str) -> None:
    prefix = _as_unprivileged()
    (filled if what == "file" else filled.parent).chmod(0o555 if what == "folder" else 0o444)
    before = _snapshot(filled.parent)
    writes = [
        ["ingest", str(filled.parent.parent / "more.jsonl"), "--jobs", "1"],
        ["sources", "merge", "Reuters", "AFP"],
    ]
    for arguments in writes:
        result = subprocess.run(
            [*prefix, sys.executable, "-m", "provenance", *arguments, "--db", str(filled)],
            env=ENV,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert result.returncode == 2
        assert result.stderr.count("\n") == 1
        assert result.stderr.startswith(f"Error: {filled}: ")
        assert message in result.stderr
        assert _snapshot(filled.parent) == before  # not a byte written, no journal left behind
    # Reading still works, in a read-only folder too.
    read = subprocess.run(
        [
            *prefix,
            sys.executable,
            "-m",
            "provenance",
            "search",
            "trucks",
            "--db",
            str(filled),
            "--format",
            "json",
        ],
        env=ENV,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert read.returncode == 0, read.stderr
    assert len(json.loads(read.stdout)) == 20
    # A reader of a WAL database may leave its shared-memory index beside it; the data is as it was.
    assert _snapshot(filled.parent)["p.db"] == before["p.db"]


def test_a_full_disk_is_one_line_exit_2_and_the_database_unchanged(
    filled: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # No tmpfs or loop device without privileges: the database is capped at its present size,
    # which SQLite reports exactly as a full disk (SQLITE_FULL).
    opened = Store.open.__func__  # type: ignore[attr-defined]

    def capped(cls: type[Store], path: Any, *, readonly: bool = False) -> Store:
        store: Store = opened(cls, path, readonly=readonly)
        pages = store.db.execute("PRAGMA page_count").fetchone()[0]
        store.db.execute(f"PRAGMA max_page_count = {pages}")
        return store

    before = _snapshot(filled.parent)
    counts = _counts(filled)
    monkeypatch.setattr(Store, "open", classmethod(capped))
    result = CliRunner().invoke(
        cli, ["ingest", str(filled.parent.parent / "more.jsonl"), "--db", str(filled), "--jobs", "1"]
    )
    assert result.exit_code == 2, result.output
    assert result.stderr == f"Error: {filled}: the disk is full\n"
    assert _counts(filled) == counts
    assert _snapshot(filled.parent) == before
    monkeypatch.undo()
    with Store.open(filled) as store:
        assert store.check() == []


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    """A 400 KiB tmpfs, where the system allows mounting one (root with CAP_SYS_ADMIN)."""
    mount = tmp_path / "tiny"
    mount.mkdir()
    if (
        os.geteuid() != 0
        or shutil.which("mount") is None
        or subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=400k", "tmpfs", str(mount)], capture_output=True, check=False
        ).returncode
        != 0
    ):
        pytest.skip("cannot mount a small tmpfs here; the max_page_count test stands in")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


@pytest.mark.slow
def test_a_really_full_disk_stops_cleanly_and_a_rerun_with_room_finishes(
    tiny_disk: Path, corpus: Path, reference: Path
) -> None:
    db = tiny_disk / "p.db"
    command = [sys.executable, "-m", "provenance", "ingest", str(corpus), "--db", str(db), "--jobs", "1"]
    full = subprocess.run(command, env=ENV, capture_output=True, text=True, timeout=120)
    assert full.returncode == 2
    assert full.stderr == f"Error: {db}: the disk is full\n"
    with Store.open(db, readonly=True) as store:
        assert store.check() == []
    stored = _shape(db)
    assert len(stored) < COUNT
    assert {document: _shape(reference)[document] for document in stored} == stored
    subprocess.run(["mount", "-o", "remount,size=8m", str(tiny_disk)], check=True)
    again = subprocess.run(command, env=ENV, capture_output=True, text=True, timeout=120)
    assert again.returncode == 0, again.stderr
    assert _shape(db) == _shape(reference)
    assert _counts(db) == _counts(reference)
