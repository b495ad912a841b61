"""Read articles and provenance files into graphs: the only stage that knows input formats.

`inputs` turns paths, folders and stdin into bytes within the limits and refuses what is no article
(a PDF, an image, a web address) with advice; `text` reads plain text and Markdown, `html` saved web
pages (with `metadata` and `authors`), `corpus` ``.jsonl`` corpora; curated ``.json``/``.yaml``
files go through `provenance.serialize`.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from .. import serialize
from ..errors import InputError
from ..model import Graph
from .corpus import article_from_record, read_corpus, record_article
from .inputs import (
    CORPUS_SUFFIXES,
    DEFAULT_LIMITS,
    HTML_SUFFIXES,
    MAX_BYTES,
    MAX_LINE_BYTES,
    PROVENANCE_SUFFIXES,
    SUFFIXES,
    TEXT_SUFFIXES,
    Input,
    Limits,
    open_corpus,
    read_file,
    read_limited,
    refuse_unreadable,
    refuse_url,
)
from .text import article_from_text, dateline_outlet, decode, parse_published

__all__ = [
    "CORPUS_SUFFIXES",
    "DEFAULT_LIMITS",
    "HTML_SUFFIXES",
    "MAX_BYTES",
    "MAX_LINE_BYTES",
    "PROVENANCE_SUFFIXES",
    "SUFFIXES",
    "TEXT_SUFFIXES",
    "Limits",
    "article_from_record",
    "article_from_text",
    "dateline_outlet",
    "decode",
    "parse_published",
    "read_bytes",
    "read_input",
    "read_path",
]


def read_path(
    path: str | Path, *, stdin: BinaryIO | None = None, limits: Limits = DEFAULT_LIMITS
) -> Iterator[Graph]:
    """Each article at ``path`` as a graph of one document and its outlet; "-" reads ``stdin``.

    A provenance file (``.json``/``.yaml``) gives its curated graph; a ``.jsonl`` corpus one graph per
    record, streamed. Inputs past ``limits`` are refused. Raises `InputError` naming the file and
    what is wrong.
    """
    name = str(path)
    if name == "-":
        if stdin is None:
            raise InputError("no standard input to read", path="-")
        yield from read_bytes(read_limited(stdin, name, limits), name="<stdin>")
        return
    refuse_url(name)
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in CORPUS_SUFFIXES and not path.is_dir():
        with open_corpus(path) as handle:
            yield from read_corpus(handle, name, limits)
        return
    yield from read_bytes(read_file(path, name, limits), name=name, suffix=suffix)


def read_bytes(data: bytes, *, name: str, suffix: str | None = None) -> Iterator[Graph]:
    """Graphs from the bytes of one input, its format from ``suffix`` or, without one, sniffed."""
    refuse_unreadable(data, name, suffix or "")
    suffix = suffix if suffix in SUFFIXES else _sniff(data)
    if suffix in CORPUS_SUFFIXES:
        yield from read_corpus(iter(data.splitlines(keepends=True)), name)
        return
    text = decode(data, name)
    if suffix in PROVENANCE_SUFFIXES:
        fmt = "yaml" if suffix in {".yaml", ".yml"} else "json"
        yield serialize.loads(text, path=name, fmt=fmt)
    elif suffix in HTML_SUFFIXES:
        from .html import read_html  # trafilatura and extruct load only for pages

        yield read_html(text, name)
    else:
        yield article_from_text(text, name=name)


def read_input(item: Input) -> list[Graph]:
    """The graphs of one gathered input: a whole file, or one corpus line (``suffix`` None)."""
    if item.suffix is None:
        return [record_article(item.data, item.name)]
    return list(read_bytes(item.data, name=item.name, suffix=item.suffix))


def _sniff(data: bytes) -> str:
    head = data.lstrip()[:2000]
    if head.startswith(b"<"):
        return ".html"
    if head.startswith(b"{"):
        first, _, rest = data.strip().partition(b"\n")
        if rest.strip() and first.rstrip().endswith(b"}"):
            return ".jsonl"
        # One object: a provenance document has "documents"; anything else is a corpus record.
        return ".json" if b'"documents"' in data else ".jsonl"
    if head.startswith((b"documents:", b"---")):
        return ".yaml"
    return ".txt"
