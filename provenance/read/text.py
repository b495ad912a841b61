"""Plain text and Markdown articles: decoding, and the metadata a text carries by convention.

The text is kept exactly as read so that every span indexes it. Its first line is the title, a line
holding only an ISO-8601 timestamp is the publication time, a byline ("By Jane Roe") names the
authors and a dateline ("Shafaq News/ ...", "BAGHDAD (Reuters) -") the outlet.
"""

from __future__ import annotations

import codecs
import re
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime

from ..errors import InputError
from ..extract import furniture
from ..model import Document, Graph, Source, SourceKind, slugify
from .authors import person_names

_TIMESTAMP = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?")
_RFC_2822_ZONE = re.compile(r"(?:[+-]\d{4}|\b(?:UTC|GMT|Z))\s*$")
_CLOCK_12 = re.compile(r"\b[AP]\.?M\b", re.IGNORECASE)
_SLASH_DATELINE = re.compile(r"(?P<outlet>[A-Z][\w&.'-]*(?: [A-Z][\w&.'-]*){0,4})/\s")
_PAREN_DATELINE = re.compile(
    r"[A-Z][A-Z .,'/-]{1,40}(?:,\s*[\w. /]{1,30})?\s*\((?P<outlet>[A-Z][\w&. -]{1,40})\)\s*[-–—]"
)
_HEADER_LINES = 6
"""Lines at the top of a text searched for a timestamp and a byline."""


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
    authors: tuple[str, ...] | None = None,
) -> Graph:
    """One article from plain text or Markdown, kept exactly as given so spans index it.

    Metadata not given is taken from the text's own conventions (see the module).
    """
    if not text.strip():
        raise InputError("empty article: no text to audit", path=name)
    header = text[:4000]
    lines = [line.strip() for line in header.splitlines() if line.strip()]
    if title is None and len(lines) > 1 and len(lines[0]) <= 300:
        # A headline line stands above the body; a one-paragraph text has none.
        title = lines[0].lstrip("#").strip() or None
    if published is None:
        published = _published_from_lines(lines[:_HEADER_LINES])
    if outlet is None:
        outlet = dateline_outlet(header)
    if authors is None:
        authors = byline_authors(lines[:_HEADER_LINES], outlet)
    outlet_source = Source(slugify(outlet), outlet, SourceKind.OUTLET) if outlet else None
    document = Document.from_text(
        text,
        id=id,
        outlet=outlet_source.id if outlet_source else None,
        title=title,
        url=url,
        published=published,
        authors=authors,
    )
    return Graph(documents=(document,), sources=(outlet_source,) if outlet_source else ())


def dateline_outlet(text: str) -> str | None:
    """The outlet a dateline names at the start of a paragraph near the top, or None."""
    for line in text[:4000].splitlines():
        line = line.strip()
        for pattern in (_SLASH_DATELINE, _PAREN_DATELINE):
            match = pattern.match(line)
            if match:
                return match.group("outlet").strip()
    return None


def byline_authors(lines: list[str], outlet: str | None = None) -> tuple[str, ...]:
    """The people the first byline among ``lines`` names ("By Jane Roe and John Doe, Reuters")."""
    for line in lines:
        names = furniture.byline_names(line)
        if names:
            return person_names([names], outlet=outlet)
    return ()


def _published_from_lines(lines: list[str]) -> datetime | None:
    for line in lines:
        if _TIMESTAMP.fullmatch(line):
            return parse_published(line)
    return None


def parse_published(value: object) -> datetime | None:
    """A publication time from an ISO-8601 date or date-time, or an RFC 2822 date-time with its
    zone ("Wed, 14 Jan 2015 09:42:15 -0500"); a bare date is taken as midnight UTC."""
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
        return _rfc_2822(text)
    if len(text) == 10:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed


def _rfc_2822(text: str) -> datetime | None:
    # email.utils is lenient: it reads "3:02 PM" as 03:02, so only zoned 24-hour times are taken.
    if not _RFC_2822_ZONE.search(text) or _CLOCK_12.search(text):
        return None
    try:
        parsed = parsedate_to_datetime(text)
    except (ValueError, TypeError, IndexError):
        return None
    return parsed if parsed.tzinfo is not None else None
