"""Past one machine: extraction on a Dask cluster into a Parquet dataset, and back into the store.

Needs the optional extra ``pip install 'news-provenance[dask]'`` (dask, distributed, pyarrow); every
module below imports them, so this one imports those modules only when called.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from ..errors import ProvenanceError
from ..model import Graph
from .results import ExtractSummary, ShardProgress

__all__ = [
    "MANIFEST",
    "ExtractSummary",
    "MissingExtraError",
    "ShardProgress",
    "extract",
    "is_dataset",
    "require",
]

INSTALL = "pip install 'news-provenance[dask]'"

MANIFEST = "_provenance.json"
"""The file at the top of a dataset folder that says what it is."""


def is_dataset(path: str | Path) -> bool:
    """Whether ``path`` is a folder holding a Parquet dataset written by `extract`."""
    return (Path(path) / MANIFEST).is_file()


class MissingExtraError(ProvenanceError):
    """The optional dependencies of the cluster engine are not installed."""


def require(what: str = "the dask engine") -> None:
    """Raise `MissingExtraError`, saying how to install them, unless dask, distributed and pyarrow
    can be imported (a dataset is read with pyarrow alone, but one install line is simpler)."""
    try:
        import dask  # noqa: F401
        import distributed  # noqa: F401
        import pyarrow  # noqa: F401
    except ImportError as error:
        raise MissingExtraError(
            f"{what} needs the optional extra ({error.name} is missing): {INSTALL}"
        ) from None


def extract(
    paths: Sequence[str | Path],
    outdir: str | Path,
    *,
    scheduler: str | None = None,
    workers: int | None = None,
    redo: bool = False,
    analyse: Callable[[Graph], Graph] | None = None,
    on_progress: Callable[[ShardProgress], None] | None = None,
) -> ExtractSummary:
    """Extract every article under ``paths`` on a Dask cluster into the Parquet dataset ``outdir``.

    Each ``.jsonl``/``.jsonl.gz`` corpus is one shard, and article files (named, or found in folders)
    are grouped into shards; each shard is one task, which analyses its documents with
    `provenance.pipeline.analyse` and writes its parts of every table on the worker. Shards an earlier
    run wrote are skipped unless ``redo``. Without ``scheduler`` (an address such as
    ``tcp://host:8786``) a local cluster of ``workers`` processes is started, one per core by default.

    A shard whose task fails every time (its worker dying each time, or an error) is reported in the
    summary and the others finish; an input within a shard that cannot be read is reported and its
    shard goes on. Raises `MissingExtraError` without the extra, `InputError` for a path that does
    not exist or an ``outdir`` that is not a dataset.
    """
    require()
    from .cluster import run
    from .shards import find_shards

    shards = find_shards(paths)
    return run(
        shards,
        Path(outdir),
        scheduler=scheduler,
        workers=workers,
        redo=redo,
        analyse=analyse,
        on_progress=on_progress,
    )
