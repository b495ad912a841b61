"""Fill a store from files, folders and corpora: analysis in worker processes, writes in this one."""

from __future__ import annotations

import hashlib
import os
import signal
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Executor, Future, ProcessPoolExecutor, wait
from pathlib import Path
from typing import Any, BinaryIO

from attrs import frozen

from . import __version__, scale
from .errors import InputError, ProvenanceError
from .model import Graph
from .read import read_input
from .read.inputs import DEFAULT_LIMITS, Failure, Input, Limits, Skipped, count, gather
from .store import AddResult, AddStatus, Store, document_digests

Analyser = Callable[[Graph], Graph]
"""What turns a read graph into an analysed one; `provenance.pipeline.analyse` unless a test says."""

BATCH = 16
"""Inputs per task sent to a worker: enough to make the cost of a round trip small."""

COMMIT_BATCH = 200
"""Analysed documents stored per transaction: a commit per document made most of an ingest's time
SQLite's; an interrupted run loses at most this many, which a rerun stores."""

COMMIT_SECONDS = 1.0
"""Longest an analysed document waits for its batch's commit, so that progress shows on slow input."""

LOAD_BATCH = 500
"""Documents of a Parquet dataset stored per transaction: the cost of a commit spread thin, and an
interrupted load loses at most this many, which a rerun stores."""


@frozen
class Progress:
    """Where an ingest stands, sent to the caller's callback after every input settles."""

    done: int
    """Inputs settled: documents stored or found unchanged, failures and files skipped."""
    total: int | None
    """Inputs expected (files, and the lines of corpora), or None when unknown (stdin)."""
    ingested: int
    """Documents added or updated."""
    unchanged: int
    """Documents already stored from the same input."""
    failed: int
    """Inputs that could not be read or analysed."""
    claims: int
    """Claims written so far."""
    name: str
    """The input that just settled."""
    error: str | None = None
    """Why it failed, when it did."""


@frozen
class IngestSummary:
    """What an ingest did; the CLI exits 1 when anything failed."""

    ingested: int
    """Documents added or updated."""
    updated: int
    """Of those, documents that replaced a stored version with the same id."""
    unchanged: int
    """Documents already stored: nothing was analysed or written for them."""
    claims: int
    """Claims written."""
    failed: tuple[tuple[str, str], ...]
    """Each input that failed: its name ("file", or "corpus.jsonl:12") and the reason. A file the
    user named that is no article (a PDF) is a failure too."""
    skipped: tuple[tuple[str, str], ...] = ()
    """Each file found in a folder that is no article (a PDF, an image, notes.csv) and what it is."""

    @property
    def is_ok(self) -> bool:
        """True when nothing failed; files skipped in folders are no failure."""
        return not self.failed


def ingest(
    paths: Sequence[Path | str],
    store: Store,
    *,
    jobs: int = 1,
    on_progress: Callable[[Progress], None] | None = None,
    analyse: Analyser | None = None,
    stdin: BinaryIO | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> IngestSummary:
    """Read, analyse and store every article under ``paths`` ("-" is ``stdin``).

    Folders are walked recursively; files in them that are no article are skipped and reported.
    ``.jsonl`` corpora are streamed line by line; a Parquet dataset written by ``extract --engine
    dask`` is loaded as it is (needs the [dask] extra). Inputs already stored from the same bytes
    are skipped unread. With ``jobs`` > 1, parsing and analysis run in that many processes while
    this one writes, one transaction per batch of documents (`COMMIT_BATCH`), so an interrupted
    run keeps every document it committed whole and a rerun finishes the job; progress reports a
    document once it is committed. Bad inputs (past ``limits`` among them) are counted in the
    summary, never raised; a `StoreError` stops the run.
    """
    if analyse is None:
        from .pipeline import analyse as pipeline_analyse

        analyse = pipeline_analyse
    datasets = [Path(path) for path in paths if str(path) != "-" and scale.is_dataset(path)]
    paths = [path for path in paths if str(path) == "-" or not scale.is_dataset(path)]
    total = count(paths)
    if total is not None:
        total += sum(map(_dataset_size, datasets))
    run = _Run(store, on_progress, total=total)
    for dataset in datasets:
        _load(dataset, run)
    executor: Executor = (
        ProcessPoolExecutor(jobs, initializer=_start_worker) if jobs > 1 else _InlineExecutor()
    )
    batch_size = BATCH if jobs > 1 else 1
    window = jobs * 3  # tasks in flight: every worker busy, memory bounded whatever the corpus size
    pending: set[Future[list[_Analysed | Failure]]] = set()
    batch: list[tuple[Input, str]] = []
    items = gather(paths, stdin, limits)
    try:
        exhausted = False
        while True:
            while not exhausted and len(pending) < window:
                item = next(items, None)
                if item is None:
                    exhausted = True
                elif isinstance(item, Failure):
                    run.fail(item.name, item.reason)
                elif isinstance(item, Skipped):
                    run.skip(item.name, item.reason)
                else:
                    input_hash = _hash(item.data)
                    if store.has_input(input_hash):
                        run.count_unchanged(item.name)
                        continue
                    batch.append((item, input_hash))
                if batch and (len(batch) >= batch_size or exhausted):
                    pending.add(executor.submit(_work, analyse, batch))
                    batch = []
            if not pending:
                break
            # Waiting documents are committed within COMMIT_SECONDS even while no worker finishes.
            timeout = COMMIT_SECONDS if run.batch else None
            finished, pending = wait(pending, timeout=timeout, return_when=FIRST_COMPLETED)
            for future in finished:
                for result in future.result():
                    run.settle(result)
            run.commit_if_due()
        run.commit()
    except KeyboardInterrupt:
        run.commit()  # keep what was analysed: Ctrl-C stops the run, not the batch
        raise
    finally:
        executor.shutdown(wait=True, cancel_futures=True)
    return run.summary()


_Analysed = tuple[str, Graph, str | None, dict[str, str]]
"""What a worker hands back to be stored: name, analysed graph, input hash, document digests."""


class _Run:
    """The parent's bookkeeping: storing what workers hand back, and the running counts."""

    def __init__(
        self, store: Store, on_progress: Callable[[Progress], None] | None, total: int | None
    ) -> None:
        self.store = store
        self.on_progress = on_progress
        self.total = total
        self.done = self.ingested = self.updated = self.unchanged = self.claims = 0
        self.failed: list[tuple[str, str]] = []
        self.skipped: list[tuple[str, str]] = []
        self.batch: list[_Analysed] = []
        """Analysed one-document inputs waiting for their commit."""
        self.since = 0.0
        """When the oldest of them arrived (`time.monotonic`)."""

    def settle(self, result: _Analysed | Failure) -> None:
        if isinstance(result, Failure):
            self.fail(result.name, result.reason)
            return
        name, graph, input_hash, digests = result
        if len(graph.documents) == 1:
            if not self.batch:
                self.since = time.monotonic()
            self.batch.append(result)
            if len(self.batch) >= COMMIT_BATCH:
                self.commit()
            return
        # A file of several documents is marked as stored only once all of them are: its own add.
        self.commit()
        try:
            added = self.store.add(graph, input_hash=input_hash, digests=digests)
        except InputError as error:  # a graph the store refuses (clashing ids); StoreError stops the run
            self.fail(name, error.message)
            return
        self.count(name, added)

    def commit_if_due(self) -> None:
        """Commit the waiting documents once the oldest has waited `COMMIT_SECONDS`."""
        if self.batch and time.monotonic() - self.since >= COMMIT_SECONDS:
            self.commit()

    def commit(self) -> None:
        """Store the waiting documents in one transaction, then report each."""
        batch, self.batch = self.batch, []
        if not batch:
            return
        digests = {key: value for _, _, _, found in batch for key, value in found.items()}
        added = self.store.add_many(
            ((graph, input_hash) for _, graph, input_hash, _ in batch), digests=digests
        )
        for (name, _, _, _), result in zip(batch, added, strict=True):
            self.count(name, result)

    def count(self, name: str, added: AddResult | InputError) -> None:
        """Count what storing the input ``name`` did, or the reason the store refused it."""
        if isinstance(added, InputError):
            self.fail(name, added.message)
            return
        for _, status in added.documents:
            if status is AddStatus.UNCHANGED:
                self.unchanged += 1
            else:
                self.ingested += 1
                self.updated += status is AddStatus.UPDATED
        self.claims += added.claims
        self._report(name, len(added.documents))

    def count_unchanged(self, name: str) -> None:
        self.unchanged += 1
        self._report(name, 1)

    def skip(self, name: str, reason: str) -> None:
        self.skipped.append((name, reason))
        self._report(name, 1)

    def fail(self, name: str, reason: str) -> None:
        self.failed.append((name, reason))
        self._report(name, 1, reason)

    def _report(self, name: str, count: int, error: str | None = None) -> None:
        self.done += count
        if self.on_progress is not None:
            self.on_progress(
                Progress(
                    self.done,
                    self.total,
                    self.ingested,
                    self.unchanged,
                    len(self.failed),
                    self.claims,
                    name,
                    error,
                )
            )

    def summary(self) -> IngestSummary:
        return IngestSummary(
            self.ingested,
            self.updated,
            self.unchanged,
            self.claims,
            tuple(self.failed),
            tuple(self.skipped),
        )


def _load(folder: Path, run: _Run) -> None:
    """Store the documents of a Parquet dataset, analysed already, `LOAD_BATCH` to a transaction; skip
    those stored from the same input. A shard whose parts cannot be read is a failure named by them."""
    scale.require("a Parquet dataset")
    from .scale.dataset import check, keys, read_shard

    try:
        check(folder)
    except InputError as error:
        run.fail(str(folder), error.message)
        return
    for key in keys(folder):
        try:
            documents = read_shard(folder, key)
        except InputError as error:
            run.fail(error.path or str(folder), error.message)
            continue
        for start in range(0, len(documents), LOAD_BATCH):
            batch = []
            for loaded in documents[start : start + LOAD_BATCH]:
                if loaded.input_hash and run.store.has_input(loaded.input_hash):
                    run.count_unchanged(loaded.name)
                else:
                    batch.append(loaded)
            added = run.store.add_many((loaded.graph, loaded.input_hash) for loaded in batch)
            for loaded, result in zip(batch, added, strict=True):
                run.count(loaded.name, result)


def _dataset_size(folder: Path) -> int:
    scale.require("a Parquet dataset")
    from .scale.dataset import count_documents

    return count_documents(folder)


def _work(analyse: Analyser, batch: list[tuple[Input, str]]) -> list[_Analysed | Failure]:
    """Parse and analyse a batch of inputs; runs in a worker. Errors in an input become failures."""
    results: list[_Analysed | Failure] = []
    for item, input_hash in batch:
        try:
            for graph in _read(item):
                analysed = analyse(graph)
                results.append((item.name, analysed, input_hash, document_digests(analysed)))
        except ProvenanceError as error:
            results.append(Failure(item.name, error.message))
    return results


def _read(item: Input) -> list[Graph]:
    """The graphs in one input; raises `InputError` when it cannot be parsed or holds no document."""
    graphs = read_input(item)
    if not any(graph.documents for graph in graphs):
        raise InputError("no documents in it", path=item.name)
    return graphs


PARENT_CHECK_SECONDS = 0.5
"""How often a worker looks whether the process that started it is still there."""


def _start_worker() -> None:
    """Set up a worker process: it ignores Ctrl-C, and it ends when its parent does.

    Ctrl-C reaches the whole process group; the parent alone decides to stop, and shuts its workers
    down rather than have each print a traceback. A parent killed outright (SIGKILL, the OOM killer)
    shuts nothing down: its workers, reparented, would go on analysing and hold its pipes open, so
    each watches its parent and exits once it is gone.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    parent = os.getppid()
    threading.Thread(target=_exit_with, args=(parent,), name="exit-with-parent", daemon=True).start()


def _exit_with(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(PARENT_CHECK_SECONDS)
    os._exit(1)  # nothing of this process is worth keeping: the parent writes, and it is gone


def _hash(data: bytes) -> str:
    # The package version is part of the hash: a new extractor re-analyses what an old one stored.
    return hashlib.sha256(__version__.encode() + b"\0" + data.strip()).hexdigest()[:32]


class _InlineExecutor(Executor):
    """Runs each task at once in this process: ``--jobs 1`` without the cost of a pool."""

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        future: Future[Any] = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except BaseException as error:
            future.set_exception(error)
        return future
