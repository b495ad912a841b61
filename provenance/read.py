"""Read articles and provenance files into graphs: the only stage that knows input formats."""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, BinaryIO

from . import serialize
from .errors import InputError
from .model import Document, Graph, Source, SourceKind, slugify

MAX_BYTES = 50 * 1024 * 1024
"""Largest single article or provenance file read whole; larger inputs are refused, not truncated."""

MAX_LINE_BYTES = 20 * 1024 * 1024
"""Largest single record in a ``.jsonl`` corpus (corpora themselves are streamed)."""

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
PROVENANCE_SUFFIXES = frozenset({".json", ".yaml", ".yml"})
CORPUS_SUFFIXES = frozenset({".jsonl", ".ndjson"})
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | PROVENANCE_SUFFIXES | CORPUS_SUFFIXES
"""Every extension `read_path` understands; folders are walked for these."""

_TIMESTAMP = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?")
_SLASH_DATELINE = re.compile(r"(?P<outlet>[A-Z][\w&.'-]*(?: [A-Z][\w&.'-]*){0,4})/\s")
_PAREN_DATELINE = re.compile(
    r"[A-Z][A-Z .,'-]{1,40}(?:,\s*[\w. ]{1,20})?\s*\((?P<outlet>[A-Z][\w&. -]{1,40})\)\s*[-–—]"
)


def read_path(path: str | Path, *, stdin: BinaryIO | None = None) -> Iterator[Graph]:
    """Each article at ``path`` as a graph of one document and its outlet; "-" reads ``stdin``.

    A provenance file (``.json``/``.yaml``) gives its curated graph; a ``.jsonl`` corpus one graph per
    record, streamed. Raises `InputError` naming the file and what is wrong.
    """
    name = str(path)
    if name == "-":
        if stdin is None:
            raise InputError("no standard input to read", path="-")
        yield from read_bytes(_read_limited(stdin, name), name="<stdin>")
        return
    path = Path(path)
    if path.is_dir():
        raise InputError("is a folder; name the files, or use 'provenance ingest' for folders", path=name)
    suffix = path.suffix.lower()
    try:
        if suffix in CORPUS_SUFFIXES:
            with path.open("rb") as handle:
                yield from _read_corpus(handle, name)
            return
        with path.open("rb") as handle:
            data = _read_limited(handle, name)
    except OSError as error:
        raise InputError(error.strerror or str(error), path=name) from None
    yield from read_bytes(data, name=name, suffix=suffix)


def read_bytes(data: bytes, *, name: str, suffix: str | None = None) -> Iterator[Graph]:
    """Graphs from the bytes of one input, its format from ``suffix`` or, without one, sniffed."""
    suffix = suffix if suffix in SUFFIXES else _sniff(data)
    if suffix in CORPUS_SUFFIXES:
        yield from _read_corpus(iter(data.splitlines(keepends=True)), name)
        return
    text = decode(data, name)
    if suffix in PROVENANCE_SUFFIXES:
        fmt = "yaml" if suffix in {".yaml", ".yml"} else "json"
        yield serialize.loads(text, path=name, fmt=fmt)
    elif suffix in HTML_SUFFIXES:
        yield _read_html(text, name)
    else:
        yield article_from_text(text, name=name)


def decode(data: bytes, name: str) -> str:
    """Text from bytes: UTF-8 (BOM allowed) or UTF-16/32 with a BOM; anything else is refused."""
    for bom, encoding in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as error:
                raise InputError(f"broken {encoding.upper()} at byte {error.start}", path=name) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(
            f"not UTF-8 text (byte 0x{data[error.start]:02x} at offset {error.start}); re-save it as UTF-8",
            path=name,
        ) from None
    if "\x00" in text:
        raise InputError("contains NUL bytes: a binary file, not an article", path=name)
    return text


def article_from_text(
    text: str,
    *,
    name: str = "<text>",
    id: str | None = None,
    title: str | None = None,
    outlet: str | None = None,
    published: datetime | None = None,
    url: str | None = None,
) -> Graph:
    """One article from plain text or Markdown, kept exactly as given so spans index it.

    Missing metadata is taken from the text's own conventions: the first line is the title, a line
    holding only an ISO-8601 timestamp is the publication time, and a dateline ("Shafaq News/ ...",
    "BAGHDAD (Reuters) -") names the outlet.
    """
    if not text.strip():
        raise InputError("empty article: no text to audit", path=name)
    header = text[:4000]
    lines = [line.strip() for line in header.splitlines() if line.strip()]
    if title is None and len(lines) > 1 and len(lines[0]) <= 300:
        # A headline line stands above the body; a one-paragraph text has none.
        title = lines[0].lstrip("#").strip() or None
    if published is None:
        published = _published_from_lines(lines[:6])
    if outlet is None:
        outlet = dateline_outlet(header)
    outlet_source = Source(slugify(outlet), outlet, SourceKind.OUTLET) if outlet else None
    document = Document.from_text(
        text,
        id=id,
        outlet=outlet_source.id if outlet_source else None,
        title=title,
        url=url,
        published=published,
    )
    return Graph(documents=(document,), sources=(outlet_source,) if outlet_source else ())


def dateline_outlet(text: str) -> str | None:
    """The outlet a dateline names at the start of a paragraph, or None."""
    for paragraph in re.split(r"\n\s*\n|\r\n\s*\r\n", text):
        paragraph = paragraph.strip()
        for pattern in (_SLASH_DATELINE, _PAREN_DATELINE):
            match = pattern.match(paragraph)
            if match:
                return match.group("outlet").strip()
    return None


def _published_from_lines(lines: list[str]) -> datetime | None:
    for line in lines:
        if _TIMESTAMP.fullmatch(line):
            return parse_published(line)
    return None


def parse_published(value: object) -> datetime | None:
    """A publication time from an ISO-8601 date or date-time; a bare date is taken as midnight UTC."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day, tzinfo=UTC)
    text = str(value).strip()
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    if len(text) == 10:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed


def _read_html(text: str, name: str) -> Graph:
    import trafilatura  # lazily: heavy, and only HTML needs it

    try:
        result = trafilatura.bare_extraction(
            text,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            favor_precision=True,
        )
    except (RecursionError, ValueError, TypeError, AttributeError) as error:
        raise InputError(f"could not parse the HTML ({type(error).__name__})", path=name) from None
    body = _field(result, "text")
    if not body or not body.strip():
        raise InputError("no article text found in the HTML", path=name)
    outlet = _field(result, "sitename") or _field(result, "hostname")
    return article_from_text(
        body,
        name=name,
        title=_field(result, "title"),
        outlet=outlet,
        published=parse_published(_field(result, "date")),
        url=_field(result, "url"),
    )


def _field(result: Any, key: str) -> str | None:
    value = result.get(key) if isinstance(result, dict) else getattr(result, key, None)
    return str(value) if value else None


def _read_corpus(lines: Any, name: str) -> Iterator[Graph]:
    """One graph per JSON line ``{"id", "text", "title", "outlet", "published", "url"}``."""
    for number, raw in enumerate(lines, start=1):
        where = f"{name}:{number}"
        if len(raw) > MAX_LINE_BYTES:
            raise InputError(f"record larger than {MAX_LINE_BYTES // 2**20} MiB", path=where)
        line = decode(raw, where).strip()
        if not line:
            continue
        try:
            record = json.loads(line)
        except (ValueError, RecursionError) as error:  # ValueError: also a 5,000-digit number
            raise InputError(f"not a JSON record: {serialize.unparsable(error)}", path=where) from None
        serialize.refuse_lone_surrogates(line, record, path=where)
        yield article_from_record(record, name=where)


def article_from_record(record: object, *, name: str) -> Graph:
    """One article from a corpus record; PolNeAR's ``publisher``/``publication_date`` also work."""
    if not isinstance(record, dict):
        raise InputError('a record is a JSON object with at least "text"', path=name)
    text = record.get("text")
    if not isinstance(text, str):
        raise InputError('record has no "text" string', path=name)
    record_id = record.get("id")
    outlet = record.get("outlet") or record.get("publisher")
    published = record.get("published") or record.get("publication_date")
    return article_from_text(
        text,
        name=name,
        id=str(record_id) if record_id not in (None, "") else None,
        title=_optional_str(record.get("title")),
        outlet=_optional_str(outlet),
        published=parse_published(published),
        url=_optional_str(record.get("url")),
    )


def _optional_str(value: object) -> str | None:
    return str(value) if value not in (None, "") else None


def _read_limited(handle: BinaryIO, name: str) -> bytes:
    data = handle.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise InputError(f"larger than the {MAX_BYTES // 2**20} MiB limit for one article", path=name)
    return data


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
