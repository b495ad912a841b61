"""``.jsonl`` corpora: one article per line, ``{"id", "text", "title", "outlet", "published", "url",
"authors"}``; PolNeAR's ``publisher`` and ``publication_date`` work too."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from .. import serialize
from ..errors import InputError
from ..model import Graph
from .authors import person_names
from .inputs import DEFAULT_LIMITS, Limits
from .text import article_from_text, decode, parse_published


def read_corpus(lines: Iterable[bytes], name: str, limits: Limits = DEFAULT_LIMITS) -> Iterator[Graph]:
    """One graph per record, streamed; the first bad record raises `InputError` naming its line."""
    for number, raw in enumerate(lines, start=1):
        where = f"{name}:{number}"
        if len(raw) > limits.record_bytes:
            raise InputError(limits.record_too_large(), path=where)
        if raw.strip():
            yield record_article(raw, where)


def record_article(raw: bytes, where: str) -> Graph:
    """The article on one corpus line; raises `InputError` naming the line."""
    record = serialize.parse_json(decode(raw, where).strip(), path=where, invalid="not a JSON record")
    return article_from_record(record, name=where)


def article_from_record(record: object, *, name: str) -> Graph:
    """One article from a corpus record."""
    if not isinstance(record, dict):
        raise InputError('a record is a JSON object with at least "text"', path=name)
    text = record.get("text")
    if not isinstance(text, str):
        raise InputError('record has no "text" string', path=name)
    record_id = record.get("id")
    outlet = _optional_str(record.get("outlet") or record.get("publisher"))
    published = record.get("published") or record.get("publication_date")
    return article_from_text(
        text,
        name=name,
        id=str(record_id) if record_id not in (None, "") else None,
        title=_optional_str(record.get("title")),
        outlet=outlet,
        published=parse_published(published),
        url=_optional_str(record.get("url")),
        authors=_authors(record.get("authors", record.get("author")), outlet),
    )


def _authors(value: object, outlet: str | None) -> tuple[str, ...] | None:
    """A record's authors: a list of names, kept as given; one string, read as a byline; None (the
    text's own byline is read) when absent."""
    if value is None:
        return None
    if isinstance(value, str):
        return person_names([value], outlet=outlet)
    if isinstance(value, list):
        names = (item.strip() for item in value if isinstance(item, str))
        return tuple(dict.fromkeys(name for name in names if name))
    return ()


def _optional_str(value: object) -> str | None:
    return str(value) if value not in (None, "") else None
