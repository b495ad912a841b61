"""Fill a store from files, folders and corpora: extraction in worker processes, writes in this one."""

from __future__ import annotations

import hashlib
import json
import os
import signal
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Executor, Future, ProcessPoolExecutor, wait
from pathlib import Path
from typing import Any, BinaryIO

from attrs import frozen

from . import read
from .errors import InputError, ProvenanceError
from .model import Graph
from .serialize import to_data
from .store import AddStatus, Store

Analyser = Callable[[Graph], Graph]
"""What turns a read graph into an analysed one; `provenance.pipeline.analyse` unless a test says."""


@frozen
class Progress:
    """Where an ingest stands, sent to the caller's callback after every input settles."""

    done: int
    """Inputs settled: documents stored or found unchanged, and failures."""
    total: int | None
    """Inputs expected (documents in corpora, files elsewhere), or None when unknown (stdin)."""
    ingested: int
    """Documents added or updated."""
    unchanged: int
    """Documents already stored with the same content."""
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
    """Documents already stored with the same content: nothing was analysed or written."""
    claims: int
    """Claims written."""
    failed: tuple[tuple[str, str], ...]
    """Each input that failed: its name ("file", or "corpus.jsonl:12") and the reason."""

    @property
    def is_ok(self) -> bool:
        """True when nothing failed."""
        return not self.failed


def ingest(
    paths: Sequence[Path | str],
    store: Store,
    *,
    jobs: int = 1,
    on_progress: Callable[[Progress], None] | None = None,
    analyse: Analyser | None = None,
    stdin: BinaryIO | None = None,
) -> IngestSummary:
    """Read, analyse and store every article under ``paths`` ("-" is ``stdin``).

    Folders are walked recursively for the extensions `provenance.read` knows; ``.jsonl`` corpora are
    streamed. With ``jobs`` > 1, reading and analysis run in that many processes while this one
    writes, one transaction per document, so an interrupted run keeps what it committed and a rerun
    skips it. Bad inputs are counted in the summary, never raised.
    """
    if analyse is None:
        from .pipeline import analyse as pipeline_analyse

        analyse = pipeline_analyse
    run = _Run(store, analyse, on_progress, total=_count(paths))
    executor: Executor = (
        ProcessPoolExecutor(jobs, initializer=_ignore_interrupts) if jobs > 1 else _InlineExecutor()
    )
    window = max(4, jobs * 4)  # enough queued work to keep every worker busy, bounded for memory
    pending: dict[Future[Any], tuple[str, str | None]] = {}
    items = _items(paths, stdin)
    try:
        exhausted = False
        while True:
            while not exhausted and len(pending) < window:
                item = next(items, None)
                if item is None:
                    exhausted = True
                elif isinstance(item, _Failure):
                    run.fail(item.name, item.reason)
                elif isinstance(item, str):
                    pending[executor.submit(_read_file, item)] = ("read", item)
                else:
                    name, graph = item
                    run.submit(executor, pending, name, graph, _hash(graph))
            if not pending:
                break
            finished, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in finished:
                stage, name = pending.pop(future)
                run.settle(executor, pending, stage, name, future.result())
    finally:
        executor.shutdown(wait=True, cancel_futures=True)
    return run.summary()


class _Run:
    """The parent's bookkeeping: what to analyse, what to store, and the running counts."""

    def __init__(self, store: Store, analyse: Analyser, on_progress: Callable[[Progress], None] | None,
                 total: int | None) -> None:
        self.store = store
        self.analyse = analyse
        self.on_progress = on_progress
        self.total = total
        self.done = self.ingested = self.updated = self.unchanged = self.claims = 0
        self.failed: list[tuple[str, str]] = []

    def submit(self, executor: Executor, pending: dict[Future[Any], tuple[str, str | None]], name: str,
               graph: Graph, input_hash: str) -> None:
        if graph.documents and all(self.store.is_current(d.id, input_hash) for d in graph.documents):
            self.unchanged += len(graph.documents)
            self._settle(name, len(graph.documents))
            return
        pending[executor.submit(_analyse, self.analyse, graph, name, input_hash)] = ("analyse", name)

    def settle(self, executor: Executor, pending: dict[Future[Any], tuple[str, str | None]], stage: str,
               name: str | None, result: Any) -> None:
        if isinstance(result, _Failure):
            self.fail(result.name, result.reason)
        elif stage == "read":
            for graph_name, graph, input_hash in result:
                self.submit(executor, pending, graph_name, graph, input_hash)
        else:
            self.store_graph(*result)

    def store_graph(self, name: str, graph: Graph, input_hash: str) -> None:
        try:
            added = self.store.add(graph, input_hash=input_hash)
        except InputError as error:  # a graph the store refuses (clashing ids); StoreError stops the run
            self.fail(name, error.message)
            return
        for _, status in added.documents:
            if status is AddStatus.UNCHANGED:
                self.unchanged += 1
            else:
                self.ingested += 1
                self.updated += status is AddStatus.UPDATED
        self.claims += added.claims
        self._settle(name, len(added.documents))

    def fail(self, name: str, reason: str) -> None:
        self.failed.append((name, reason))
        self._settle(name, 1, reason)

    def _settle(self, name: str, count: int, error: str | None = None) -> None:
        self.done += count
        if self.on_progress is not None:
            self.on_progress(Progress(self.done, self.total, self.ingested, self.unchanged,
                                      len(self.failed), self.claims, name, error))

    def summary(self) -> IngestSummary:
        return IngestSummary(self.ingested, self.updated, self.unchanged, self.claims, tuple(self.failed))


@frozen
class _Failure:
    name: str
    reason: str


def _read_file(path: str) -> list[tuple[str, Graph, str]] | _Failure:
    """Every graph in one (non-corpus) file, each with the hash of what was read; runs in a worker."""
    try:
        graphs = list(read.read_path(path))
    except ProvenanceError as error:
        return _Failure(error.path or path, error.message)
    if not any(graph.documents for graph in graphs):
        return _Failure(path, "no documents in it")
    return [(path, graph, _hash(graph)) for graph in graphs]


def _analyse(analyse: Analyser, graph: Graph, name: str, input_hash: str
             ) -> tuple[str, Graph, str] | _Failure:
    """One graph through the pipeline; runs in a worker. Errors in the input become failures."""
    try:
        return name, analyse(graph), input_hash
    except ProvenanceError as error:
        return _Failure(name, error.message)


def _ignore_interrupts() -> None:
    # Ctrl-C reaches the whole process group; the parent alone decides to stop, and its workers
    # are shut down with it rather than each printing a traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _hash(graph: Graph) -> str:
    data = json.dumps(to_data(graph), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(data.encode("utf-8", "surrogatepass")).hexdigest()[:32]


_Item = str | tuple[str, Graph] | _Failure
"""A file to read in a worker, a graph already read (from a corpus line), or a failure to report."""


def _items(paths: Sequence[Path | str], stdin: BinaryIO | None) -> Iterator[_Item]:
    for path in paths:
        name = str(path)
        if name == "-":
            yield from _stdin(stdin)
            continue
        file = Path(path)
        if file.is_dir():
            for found in walk(file):
                yield from _file(found)
        elif file.exists():
            yield from _file(file)
        else:
            yield _Failure(name, "no such file or folder")


def _file(path: Path) -> Iterator[_Item]:
    if path.suffix.lower() not in read.CORPUS_SUFFIXES:
        yield str(path)
        return
    try:
        with path.open("rb") as handle:
            yield from _corpus(handle, str(path))
    except OSError as error:
        yield _Failure(str(path), error.strerror or str(error))


def _corpus(lines: Any, name: str) -> Iterator[_Item]:
    """One graph per line, a bad line reported and skipped rather than ending the corpus."""
    for number, raw in enumerate(lines, start=1):
        where = f"{name}:{number}"
        if not raw.strip():
            continue
        try:
            if len(raw) > read.MAX_LINE_BYTES:
                yield _Failure(where, f"record larger than {read.MAX_LINE_BYTES // 2**20} MiB")
                continue
            record = json.loads(read.decode(raw, where))
            yield where, read.article_from_record(record, name=where)
        except (json.JSONDecodeError, RecursionError) as error:
            yield _Failure(where, f"not a JSON record: {error}")
        except ProvenanceError as error:
            yield _Failure(where, error.message)


def _stdin(stdin: BinaryIO | None) -> Iterator[_Item]:
    if stdin is None:
        yield _Failure("-", "no standard input to read")
        return
    data = stdin.read()
    first, _, rest = data.strip().partition(b"\n")
    if first.startswith(b"{") and first.rstrip().endswith(b"}") and rest.strip():
        yield from _corpus(iter(data.splitlines(keepends=True)), "<stdin>")
        return
    try:
        for graph in read.read_bytes(data, name="<stdin>"):
            yield "<stdin>", graph
    except ProvenanceError as error:
        yield _Failure(error.path or "<stdin>", error.message)


def walk(folder: Path) -> Iterator[Path]:
    """Files under ``folder`` with a readable extension, in a stable order; hidden ones skipped."""
    for root, folders, files in os.walk(folder):
        folders[:] = sorted(f for f in folders if not f.startswith("."))
        for file in sorted(files):
            if not file.startswith(".") and Path(file).suffix.lower() in read.SUFFIXES:
                yield Path(root, file)


def _count(paths: Sequence[Path | str]) -> int | None:
    """How many inputs to expect: files, and the non-blank lines of corpora; None with stdin."""
    total = 0
    for path in paths:
        if str(path) == "-":
            return None
        file = Path(path)
        for found in walk(file) if file.is_dir() else [file]:
            if found.suffix.lower() in read.CORPUS_SUFFIXES:
                total += _lines(found)
            else:
                total += 1
    return total


def _lines(path: Path) -> int:
    try:
        with path.open("rb") as handle:
            return sum(1 for line in handle if line.strip())
    except OSError:
        return 1


class _InlineExecutor(Executor):
    """Runs each task at once in this process: ``--jobs 1`` without the cost of a pool."""

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        future: Future[Any] = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except BaseException as error:
            future.set_exception(error)
        return future
