"""The task a worker runs for one shard: read, analyse each document, write the shard's parts."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from attrs import frozen

from .. import tables
from ..errors import ProvenanceError
from ..ingest import _hash, _read
from ..model import Graph
from ..read.inputs import Failure
from . import dataset
from .shards import Shard, inputs

Analyser = Callable[[Graph], Graph]
"""What turns a read graph into an analysed one: `provenance.pipeline.analyse` unless a test says."""


@frozen
class ShardResult:
    """What one shard gave, sent back to the driver: counts and the inputs that failed."""

    key: str
    documents: int
    claims: int
    failures: tuple[tuple[str, str], ...]
    """Each input that could not be read or analysed: its name ("corpus.jsonl:12") and the reason."""


def extract_shard(
    shard: Shard, outdir: str, fingerprint: str, analyse: Analyser | None = None
) -> ShardResult:
    """Analyse every input of ``shard`` and commit its parts of the dataset at ``outdir``.

    A bad input is recorded in the ``failures`` table and the shard goes on; any other exception
    leaves no part behind and reaches the driver, which reports the shard.
    """
    if analyse is None:
        from ..pipeline import analyse as pipeline_analyse

        analyse = pipeline_analyse
    documents = claims = 0
    failures: list[tuple[str, str]] = []
    with dataset.PartWriter(
        Path(outdir), shard.key, {"shard": shard.name, "fingerprint": fingerprint}
    ) as out:
        for item in inputs(shard):
            if isinstance(item, Failure):
                failures.append((item.name, item.reason))
                continue
            try:
                analysed = [analyse(graph) for graph in _read(item)]
            except ProvenanceError as error:
                failures.append((item.name, error.message))
                continue
            input_hash = _hash(item.data)
            for graph in analysed:
                out.add(tables.rows(graph, input=item.name, input_hash=input_hash))
                documents += len(graph.documents)
                claims += len(graph.claims)
        out.add({"failures": [{"shard": shard.name, "input": name, "reason": why} for name, why in failures]})
        out.commit()
    return ShardResult(shard.key, documents, claims, tuple(failures))
