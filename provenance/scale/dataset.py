"""The Parquet dataset: one folder per table, one part per shard, each part written atomically.

::

    OUTDIR/_provenance.json           what the folder is (format and version)
    OUTDIR/documents/<shard>.parquet  one part per shard in every table folder
    OUTDIR/sources/  claims/  hops/  findings/
    OUTDIR/failures/<shard>.parquet   the inputs of the shard that could not be read or analysed

A shard's parts are written under hidden temporary names and renamed into place, the
``documents`` part last: a shard is done when its ``documents`` part exists with the shard's
fingerprint, and a re-run skips it. Writing a part again gives the same bytes' worth of rows, so a
shard retried after its worker died leaves no trace of the first attempt.
"""

from __future__ import annotations

import json
import os
import uuid
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
from attrs import frozen

from .. import __version__, tables
from ..errors import InputError
from ..model import Graph
from . import MANIFEST

FORMAT = "provenance-parquet"
VERSION = 1
"""The dataset layout's version, in ``_provenance.json``; a reader refuses a newer one."""

COMMIT_TABLE = "documents"
"""Renamed last: its part existing means the whole shard is written."""

FAILURES = (
    tables.Column("shard", "string", True, "The shard the input belongs to"),
    tables.Column("input", "string", True, 'The input: "file", or "corpus.jsonl:12" for a line'),
    tables.Column("reason", "string", True, "Why it could not be read or analysed"),
)
"""The columns of the ``failures`` table: bookkeeping of a run, not part of the model."""

TABLES: Mapping[str, tuple[tables.Column, ...]] = {**tables.TABLES, "failures": FAILURES}
"""Every table of the dataset, in the order their parts are renamed (documents last)."""

ROWS_PER_GROUP = 1000
"""Documents buffered before a row group is written: bounds a worker's memory on any shard size."""

_TYPES: Mapping[str, pa.DataType] = {
    "string": pa.string(),
    "integer": pa.int64(),
    "date": pa.date32(),
    "timestamp": pa.timestamp("us", tz="UTC"),
    "strings": pa.list_(pa.string()),
}
_META = b"provenance"


def schema(table: str) -> pa.Schema:
    """The Arrow schema of one table of the dataset."""
    return pa.schema(
        [pa.field(column.name, _TYPES[column.type], nullable=not column.required) for column in TABLES[table]]
    )


@frozen
class PartInfo:
    """What a committed shard holds, read from its parts' footers."""

    fingerprint: str | None
    documents: int
    claims: int
    failures: tuple[tuple[str, str], ...]


def prepare(outdir: Path) -> None:
    """Make ``outdir`` a dataset (or check that it is one), and clear temporary files an earlier,
    killed run left behind. Raises `InputError` for a folder that is something else."""
    manifest = outdir / MANIFEST
    if outdir.exists() and not outdir.is_dir():
        raise InputError("is a file; the dataset is written into a folder", path=str(outdir))
    if manifest.exists():
        check(outdir)
    elif outdir.exists() and any(outdir.iterdir()):
        raise InputError("is a folder that holds something else; name an empty or new one", path=str(outdir))
    try:
        for table in TABLES:
            (outdir / table).mkdir(parents=True, exist_ok=True)
            for stale in (outdir / table).glob(".*.tmp"):
                stale.unlink(missing_ok=True)
        if not manifest.exists():
            manifest.write_text(
                json.dumps({"format": FORMAT, "version": VERSION, "tables": list(TABLES)}, indent=2) + "\n"
            )
    except OSError as error:
        raise InputError(error.strerror or str(error), path=str(outdir)) from None


def check(outdir: Path) -> None:
    """Raise `InputError` unless ``outdir`` holds a dataset this version can read."""
    try:
        manifest = json.loads((outdir / MANIFEST).read_text())
    except (OSError, ValueError) as error:
        raise InputError(f"unreadable {MANIFEST}: {error}", path=str(outdir)) from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise InputError(f"{MANIFEST} does not describe a provenance dataset", path=str(outdir))
    if not isinstance(manifest.get("version"), int) or manifest["version"] > VERSION:
        raise InputError(
            f"dataset version {manifest.get('version')} is newer than this provenance knows ({VERSION})",
            path=str(outdir),
        )


def part(outdir: Path, table: str, key: str) -> Path:
    """Where a shard's part of a table lies."""
    return outdir / table / f"{key}.parquet"


def committed(outdir: Path, key: str) -> PartInfo | None:
    """What the shard ``key`` holds if it is committed, else None; an unreadable part is not."""
    try:
        documents = pq.ParquetFile(part(outdir, COMMIT_TABLE, key))
        claims = pq.ParquetFile(part(outdir, "claims", key)).metadata.num_rows
        failures = pq.read_table(part(outdir, "failures", key)).to_pylist()
    except (OSError, pa.ArrowException):
        return None
    meta = json.loads((documents.schema_arrow.metadata or {}).get(_META, b"{}"))
    return PartInfo(
        meta.get("fingerprint"),
        documents.metadata.num_rows,
        claims,
        tuple((row["input"], row["reason"]) for row in failures),
    )


def keys(outdir: Path) -> list[str]:
    """The keys of every committed shard, in name order."""
    return sorted(path.stem for path in (outdir / COMMIT_TABLE).glob("*.parquet"))


class PartWriter:
    """Writes one shard's part of every table: rows in batches to temporary files, then `commit`
    renames them into place. A context manager: leaving it without a commit removes the files."""

    def __init__(self, outdir: Path, key: str, metadata: Mapping[str, str]) -> None:
        self.outdir = outdir
        self.key = key
        token = uuid.uuid4().hex[:12]  # each attempt its own files: a retry never meets a dead one's
        self.temporary = {table: outdir / table / f".{key}.{token}.tmp" for table in TABLES}
        meta = {_META: json.dumps({"version": __version__, **metadata}).encode()}
        self.schemas = {table: schema(table).with_metadata(meta) for table in TABLES}
        self.writers: dict[str, pq.ParquetWriter] = {}
        self.buffer: dict[str, list[tables.Row]] = {table: [] for table in TABLES}
        self.buffered = 0

    def __enter__(self) -> PartWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        for writer in self.writers.values():
            writer.close()
        self.writers.clear()
        for path in self.temporary.values():
            path.unlink(missing_ok=True)

    def add(self, rows: Mapping[str, Sequence[tables.Row]]) -> None:
        """Buffer the rows of some documents; a row group is written every `ROWS_PER_GROUP`."""
        for table, table_rows in rows.items():
            self.buffer[table].extend(table_rows)
        self.buffered += len(rows.get(COMMIT_TABLE, ()))
        if self.buffered >= ROWS_PER_GROUP:
            self._flush()

    def commit(self) -> None:
        """Write what is buffered, close the files and rename them into place, documents last."""
        self._flush()
        for table in TABLES:
            if table not in self.writers:  # a table with no rows still gets its (empty) part
                self._writer(table)
        for writer in self.writers.values():
            writer.close()
        self.writers.clear()
        for table in TABLES:
            os.replace(self.temporary[table], part(self.outdir, table, self.key))

    def _flush(self) -> None:
        for table, table_rows in self.buffer.items():
            if table_rows:
                self._writer(table).write_table(pa.Table.from_pylist(table_rows, schema=self.schemas[table]))
                table_rows.clear()
        self.buffered = 0

    def _writer(self, table: str) -> pq.ParquetWriter:
        if table not in self.writers:
            self.writers[table] = pq.ParquetWriter(
                self.temporary[table], self.schemas[table], compression="zstd"
            )
        return self.writers[table]


def read_rows(outdir: Path, key: str) -> dict[str, list[tables.Row]]:
    """Every row of one committed shard, by table."""
    return {table: pq.read_table(part(outdir, table, key)).to_pylist() for table in TABLES}


def read_graphs(outdir: Path) -> Iterator[Graph]:
    """The graphs the dataset holds, one per document, shard by shard."""
    check(outdir)
    for key in keys(outdir):
        yield from tables.graphs(read_rows(outdir, key))


@frozen
class Loaded:
    """One document of the dataset as the store takes it."""

    name: str
    """Where it was read from ("corpus.jsonl:12"), for reports."""
    graph: Graph
    """The document's graph: its sources, claims and findings."""
    input_hash: str | None
    """The hash of its input when that input held this document alone; an input of several
    documents (a curated file) is marked as stored only by ingesting it."""


def read_shard(outdir: Path, key: str) -> list[Loaded]:
    """The documents of one committed shard, in row order; `InputError` naming the part when one
    cannot be read."""
    try:
        rows = read_rows(outdir, key)
    except (OSError, pa.ArrowException) as error:
        raise InputError(
            f"unreadable Parquet part: {error}", path=str(outdir / "*" / f"{key}.parquet")
        ) from None
    inputs = [(row["input"], row["input_hash"]) for row in rows["documents"]]
    alone = {pair for pair, times in Counter(inputs).items() if times == 1}
    return [
        Loaded(name or key, graph, input_hash if (name, input_hash) in alone else None)
        for (name, input_hash), graph in zip(inputs, tables.graphs(rows), strict=False)
    ]


def count_documents(outdir: Path) -> int:
    """How many documents the dataset's committed shards hold, from the parts' footers."""
    return sum(pq.ParquetFile(part(outdir, COMMIT_TABLE, key)).metadata.num_rows for key in keys(outdir))
