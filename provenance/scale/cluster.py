"""The Dask driver: one task per shard on a cluster, each writing its own parts; done shards skipped."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import dask
from distributed import Client, LocalCluster, as_completed
from distributed.scheduler import KilledWorker

from ..errors import ProvenanceError
from . import dataset
from .results import ExtractSummary, ShardProgress
from .shards import Shard, fingerprint
from .worker import Analyser, ShardResult, extract_shard


def run(
    shards: Sequence[Shard],
    outdir: Path,
    *,
    scheduler: str | None = None,
    workers: int | None = None,
    redo: bool = False,
    analyse: Analyser | None = None,
    on_progress: Callable[[ShardProgress], None] | None = None,
) -> ExtractSummary:
    """Extract every shard into the dataset at ``outdir``; see `provenance.scale.extract`."""
    dataset.prepare(outdir)
    tally = _Tally(len(shards), on_progress)
    pending: list[tuple[Shard, str]] = []
    for shard in shards:
        mark = fingerprint(shard)
        done = None if redo else dataset.committed(outdir, shard.key)
        if done is not None and done.fingerprint == mark:
            tally.skip(shard, done)
        else:
            pending.append((shard, mark))
    if pending:
        with _client(scheduler, workers) as client:
            _Runner(client, outdir, analyse, tally).run(pending)
    return tally.summary()


class _Runner:
    """Keeps every worker busy with one shard at a time, and settles each shard as it ends.

    Dask counts a worker's death against every shard the worker holds, so a shard that crashes its
    worker every time may take a shard that happened to share the worker down with it. Holding one
    shard per worker makes that rare, and a second pass makes it harmless: the shards whose workers
    kept dying are tried again one at a time, so each stands or fails on its own.
    """

    def __init__(self, client: Client, outdir: Path, analyse: Analyser | None, tally: _Tally) -> None:
        self.client = client
        self.outdir = outdir
        self.analyse = analyse
        self.tally = tally

    def run(self, pending: Sequence[tuple[Shard, str]]) -> None:
        for blamed in self._map(pending, window=None):
            self._map([blamed], window=1, last_try=True)

    def _map(
        self, shards: Sequence[tuple[Shard, str]], *, window: int | None, last_try: bool = False
    ) -> list[tuple[Shard, str]]:
        waiting = iter(shards)
        running: dict[Any, tuple[Shard, str]] = {}
        finished = as_completed()
        killed: list[tuple[Shard, str]] = []
        self._fill(waiting, running, finished, window)
        for future in finished:
            shard, mark = running.pop(future)
            if future.status == "finished":
                self.tally.settle(shard, future.result())
            elif _is_killed(future) and not last_try:
                killed.append((shard, mark))
            else:
                self.tally.fail(shard, _reason(future))
            future.release()
            self._fill(waiting, running, finished, window)
        return killed

    def _fill(
        self,
        waiting: Iterator[tuple[Shard, str]],
        running: dict[Any, tuple[Shard, str]],
        finished: Any,
        window: int | None,
    ) -> None:
        limit = window or max(1, sum(self.client.nthreads().values()))  # a cluster may grow or shrink
        while len(running) < limit:
            item = next(waiting, None)
            if item is None:
                return
            shard, mark = item
            future = self.client.submit(
                extract_shard, shard, str(self.outdir.resolve()), mark, self.analyse, pure=False
            )
            running[future] = item
            finished.add(future)


@contextmanager
def _client(scheduler: str | None, workers: int | None) -> Iterator[Client]:
    """A client of the scheduler at ``scheduler``, or of a local cluster of ``workers`` processes (one
    thread each: extraction is pure Python) sized to the machine by default."""
    if scheduler is not None:
        try:
            client = Client(scheduler, timeout="20s")
        except (OSError, TimeoutError, ValueError) as error:
            raise ProvenanceError(f"cannot reach the Dask scheduler at {scheduler}: {error}") from None
        with client:
            yield client
        return
    with local_cluster(workers) as cluster, Client(cluster) as client:
        yield client


def local_cluster(workers: int | None = None) -> LocalCluster:
    """A cluster of ``workers`` processes on this machine (one per core by default), one thread each:
    extraction is pure Python, so threads would wait on one another."""
    # A worker holds only the shard it runs: when it dies, no shard queued behind it is blamed (Dask
    # counts a death against every task on the worker), and the next shard goes to whoever is free.
    with dask.config.set({"distributed.scheduler.worker-saturation": 1.0}):
        return LocalCluster(
            n_workers=workers or os.cpu_count() or 1,
            threads_per_worker=1,
            processes=True,
            dashboard_address="127.0.0.1:0",  # no fixed port: several runs may share a machine
            # Failures reach the caller as the summary's reasons; dask's own log lines would repeat
            # them on the terminal, and add its noise when a run is interrupted.
            silence_logs=logging.CRITICAL,
        )


def _is_killed(future: Any) -> bool:
    return future.status == "error" and isinstance(future.exception(), KilledWorker)


def _reason(future: Any) -> str:
    """Why a shard's task failed, in one line."""
    if future.status == "cancelled":
        return "cancelled: the cluster lost the task"
    error = future.exception()
    if isinstance(error, KilledWorker):
        return "the worker running it died every time it was tried (a crash, or out of memory)"
    if isinstance(error, ProvenanceError):
        return str(error)
    return f"{type(error).__name__}: {error}"


class _Tally:
    """The driver's running counts and the progress reports made from them."""

    def __init__(self, total: int, on_progress: Callable[[ShardProgress], None] | None) -> None:
        self.total = total
        self.on_progress = on_progress
        self.done = self.skipped = self.documents = self.claims = 0
        self.failed_shards: list[tuple[str, str]] = []
        self.failed_inputs: list[tuple[str, str]] = []

    def skip(self, shard: Shard, done: dataset.PartInfo) -> None:
        self.skipped += 1
        self._count(shard, done.documents, done.claims, done.failures)

    def settle(self, shard: Shard, result: ShardResult) -> None:
        self._count(shard, result.documents, result.claims, result.failures)

    def fail(self, shard: Shard, reason: str) -> None:
        self.failed_shards.append((shard.name, reason))
        self.done += 1
        self._report(shard.name, reason)

    def _count(self, shard: Shard, documents: int, claims: int, failures: Sequence[tuple[str, str]]) -> None:
        self.done += 1
        self.documents += documents
        self.claims += claims
        self.failed_inputs.extend(failures)
        self._report(shard.name, None)

    def _report(self, name: str, error: str | None) -> None:
        if self.on_progress is not None:
            self.on_progress(
                ShardProgress(
                    self.done,
                    self.total,
                    self.documents,
                    self.claims,
                    len(self.failed_shards) + len(self.failed_inputs),
                    name,
                    error,
                )
            )

    def summary(self) -> ExtractSummary:
        return ExtractSummary(
            self.total,
            self.skipped,
            self.documents,
            self.claims,
            tuple(self.failed_shards),
            tuple(self.failed_inputs),
        )
