"""Shards: the units of work of a cluster run, one corpus file or a group of article files each."""

from __future__ import annotations

import gzip
import hashlib
import re
import zlib
from collections.abc import Iterator, Sequence
from pathlib import Path

from attrs import frozen

from .. import __version__, read
from ..errors import InputError

# Reading one input is the read package's: the same names for corpus lines ("corpus.jsonl:12"),
# the same limits and the same refusals as `provenance ingest`.
from ..read.inputs import Failure, Input, Skipped, corpus_lines, file_inputs, walk

FILES_PER_SHARD = 1000
"""Article files per shard when a folder of articles is grouped: a task of a few seconds."""

GZIP_SUFFIX = ".gz"


@frozen
class Shard:
    """One task of a run: a ``.jsonl``/``.jsonl.gz`` corpus, or a group of article files."""

    name: str
    """What a person calls it in a report: the corpus path, or the group's first file and count."""
    paths: tuple[str, ...]
    """The files it reads, in order, as absolute paths (which name its inputs in reports)."""
    key: str
    """The name of its parts in the dataset: readable, stable across runs, unique per shard."""


def find_shards(paths: Sequence[str | Path], *, files_per_shard: int = FILES_PER_SHARD) -> list[Shard]:
    """The shards of ``paths``: each corpus file one shard; article files, named or found in
    folders (recursively), grouped ``files_per_shard`` at a time.

    Raises `InputError` for a path that does not exist or for standard input, which cannot be split
    among machines.
    """
    shards: dict[str, Shard] = {}
    for path in paths:
        name = str(path)
        if name == "-":
            raise InputError("a cluster cannot read standard input; name files or folders", path="-")
        file = Path(path)
        if file.is_dir():
            found = list(walk(file, suffixes=read.SUFFIXES | {GZIP_SUFFIX}))
        elif not file.exists():
            raise InputError("no such file or folder", path=name)
        elif _is_gzip(file) and not is_corpus(file):
            raise InputError("a gzipped input must be a .jsonl.gz corpus", path=name)
        else:
            found = [file]
        articles: list[Path] = []
        for each in found:
            if is_corpus(each):
                shard = _shard(str(each), (str(each),))
                shards.setdefault(shard.key, shard)
            elif not _is_gzip(each):  # a folder's other gzipped files are not ours
                articles.append(each)
        for start in range(0, len(articles), files_per_shard):
            group = articles[start : start + files_per_shard]
            more = f" and {len(group) - 1} more" if len(group) > 1 else ""
            shard = _shard(f"{group[0]}{more}", tuple(str(each) for each in group))
            shards.setdefault(shard.key, shard)
    return list(shards.values())


def is_corpus(path: Path) -> bool:
    """Whether ``path`` is a JSON-lines corpus: ``.jsonl``/``.ndjson``, gzipped or not."""
    return Path(path.name.lower().removesuffix(GZIP_SUFFIX)).suffix in read.CORPUS_SUFFIXES


def _is_gzip(path: Path) -> bool:
    return path.name.lower().endswith(GZIP_SUFFIX)


def _shard(name: str, paths: tuple[str, ...]) -> Shard:
    # Absolute paths: a worker on another machine, or in another folder, reads the same files.
    absolute = tuple(str(Path(path).resolve()) for path in paths)
    where = hashlib.sha256("\0".join(absolute).encode()).hexdigest()[:12]
    stem = re.sub(r"[^A-Za-z0-9_-]+", "-", Path(paths[0]).name.split(".")[0]).strip("-")[:48] or "shard"
    return Shard(name, absolute, f"{stem}-{where}")


def fingerprint(shard: Shard) -> str:
    """What the shard's parts were made from: this provenance version and each file's size and
    modification time. A part with another fingerprint is stale, and made again."""
    digest = hashlib.sha256(__version__.encode())
    for path in shard.paths:
        try:
            stat = Path(path).stat()
            digest.update(f"\0{path}\0{stat.st_size}\0{stat.st_mtime_ns}".encode())
        except OSError:
            digest.update(f"\0{path}\0missing".encode())
    return digest.hexdigest()[:32]


def inputs(shard: Shard) -> Iterator[Input | Failure]:
    """The inputs of a shard, unparsed: each corpus line, each article file; or why one failed."""
    for path in shard.paths:
        if _is_gzip(Path(path)):
            yield from _gzip_corpus(path)
        else:
            for item in file_inputs(Path(path)):  # named: a file that is no article is a failure
                yield item if not isinstance(item, Skipped) else Failure(item.name, item.reason)


def _gzip_corpus(path: str) -> Iterator[Input | Failure]:
    try:
        with gzip.open(path, "rb") as handle:
            yield from corpus_lines(handle, path)
    except (OSError, EOFError, zlib.error) as error:
        # A truncated or damaged file: the lines before the damage are kept, the rest reported.
        reason = getattr(error, "strerror", None) or str(error) or type(error).__name__
        yield Failure(path, f"cannot read the gzip file: {reason}")
