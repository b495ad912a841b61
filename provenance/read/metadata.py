"""What a saved page says about itself: publication time, outlet, title, authors and article body.

Sources are read from the most specific to the least (docs/reading-pages.md lists which wins):
the page's JSON-LD article (through extruct), its OpenGraph and other ``<meta>`` tags in ``<head>``,
then what trafilatura guesses from the rest of the page. A publication time with a clock time and an
offset beats a bare date wherever each comes from; a date-modified is never a publication time.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from attrs import frozen

from .authors import person_names
from .text import parse_published

ARTICLE_TYPES = frozenset(
    {
        "article",
        "newsarticle",
        "reportagenewsarticle",
        "analysisnewsarticle",
        "opinionnewsarticle",
        "backgroundnewsarticle",
        "reviewnewsarticle",
        "askpublicnewsarticle",
        "blogposting",
        "liveblogposting",
        "socialmediaposting",
        "report",
        "techarticle",
        "scholarlyarticle",
    }
)
"""schema.org types of an article (lowercase); pages often add the generic ones too."""

PUBLISHED_META = (
    "article:published_time",
    "og:article:published_time",
    "article.published",
    "datepublished",
    "publish-date",
    "publishdate",
    "publish_date",
    "pubdate",
    "pub_date",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.issued",
    "dcterms.created",
    "dcterms.date",
    "dc.date",
    "date",
    "cxenseparse:recs:publishtime",
)
"""``<meta>`` names and properties that give the publication time, in the order they are believed."""

AUTHOR_META = (
    "author",
    "article:author",
    "article:authorname",
    "authors",
    "byl",
    "dc.creator",
    "dcterms.creator",
    "parsely-author",
    "sailthru.author",
    "article_author",
    "content_author",
    "dcsext.author",
    "citation_author",
)
"""``<meta>`` names and properties that give the authors, in the order they are believed."""

PUBLISHER_META = ("og:site_name", "dc.publisher", "publisher")
"""``<meta>`` names and properties in which a page names its publisher or site."""

_SEPARATOR = re.compile(r"\s+(?:\||-|–|—|::|·|//|•)\s+")
_PIPE = re.compile(r"\s+(?:\||::|//|•)\s+")
_SITE_SEGMENT_WORDS = 6
_HEAD_WORDS = 3
_WORD = re.compile(r"[^\W_]+")
_BREAK = re.compile(r"</p\s*>|<br\s*/?>|</h\d\s*>|</li\s*>|</div\s*>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]{0,500}>")


@frozen
class Declared:
    """Everything the page's own markup says, before any choice is made."""

    articles: tuple[Mapping[str, Any], ...]
    """JSON-LD objects of an article type, the most likely the page's own first."""
    others: tuple[Mapping[str, Any], ...]
    """Every other JSON-LD object (WebPage, WebSite, Organization, ...)."""
    meta: Mapping[str, tuple[str, ...]]
    """``<head>`` meta tags: lowercase name or property → its contents, in page order."""


@frozen
class PageMetadata:
    """What the reader takes from a page, each field from the most specific source that has it."""

    title: str | None = None
    published: datetime | None = None
    outlet: str | None = None
    authors: tuple[str, ...] = ()
    url: str | None = None


def declared(tree: Any) -> Declared:
    """The JSON-LD objects and ``<head>`` meta tags of a parsed page (an lxml tree)."""
    meta: dict[str, list[str]] = {}
    for element in tree.iterfind(".//head//meta"):
        key = element.get("property") or element.get("name") or element.get("itemprop") or ""
        content = (element.get("content") or "").strip()
        if key and content:
            meta.setdefault(key.strip().lower(), []).append(content)
    objects = list(_json_ld(tree))
    title = (meta.get("og:title") or [""])[0]
    articles = [item for item in objects if _types(item) & ARTICLE_TYPES]
    articles.sort(key=lambda item: _headline(item) != title)  # the page's own article first
    others = [item for item in objects if not _types(item) & ARTICLE_TYPES]
    return Declared(tuple(articles), tuple(others), {key: tuple(values) for key, values in meta.items()})


def choose(
    page: Declared,
    extracted: Mapping[str, Any],
    *,
    dateline: str | None = None,
    shown: Sequence[str] = (),
    bylines: Sequence[str] = (),
) -> PageMetadata:
    """The page's metadata: ``page``'s own first, then the dateline's agency and trafilatura's
    guesses (``extracted``: its title, date, sitename, url). The authors are the byline shown under
    the headline (``shown``), else the declared ones, else the bylines found in the body."""
    article = page.articles[0] if page.articles else {}
    outlet = (
        _name(article.get("publisher"))
        or _first(page.meta, PUBLISHER_META)
        or next((n for n in (_name(o.get("publisher")) for o in page.others) if n), None)
        or dateline
        or _text(extracted.get("sitename"))
    )
    sites = [
        name for name in (outlet, *_all(page.meta, PUBLISHER_META), _text(extracted.get("sitename"))) if name
    ]
    host = _text(extracted.get("hostname"))
    title = (
        _text(article.get("headline")) or _first(page.meta, ("og:title",)) or _text(extracted.get("title"))
    )
    return PageMetadata(
        title=strip_site_suffix(title, [*sites, *([host] if host else [])]) if title else None,
        published=_published(article, page.meta, extracted),
        outlet=outlet,
        authors=_authors(article, page.meta, shown, bylines, outlet),
        url=_text(extracted.get("url")) or _text(article.get("url")) or _first(page.meta, ("og:url",)),
    )


def article_body(page: Declared) -> str | None:
    """The JSON-LD ``articleBody`` of the page's article, paragraphs kept one to a line; None when
    the page holds several articles and none is known for its own (a list of related stories)."""
    if not page.articles:
        return None
    article = page.articles[0]
    title = (page.meta.get("og:title") or ("",))[0]
    if len(page.articles) > 1 and not (title and _headline(article) and title.startswith(_headline(article))):
        return None
    return _body(article.get("articleBody"))


def _published(
    article: Mapping[str, Any], meta: Mapping[str, tuple[str, ...]], extracted: Mapping[str, Any]
) -> datetime | None:
    candidates = [_text(article.get("datePublished"))]
    for key in PUBLISHED_META:
        values = set(meta.get(key, ()))
        if len(values) == 1:  # a key given several times is about several articles
            candidates.append(values.pop())
    candidates.append(_text(extracted.get("date")))
    timed: list[datetime] = []
    dated: list[datetime] = []
    for candidate in candidates:
        value = parse_published(candidate) if candidate else None
        if value is None:
            continue
        if ":" in str(candidate) and value.tzinfo is not None:
            timed.append(value)
        else:  # a bare date, or a clock time in an unknown zone: its day, as a bare date is read
            dated.append(datetime(value.year, value.month, value.day, tzinfo=UTC))
    found = timed or dated
    return found[0] if found else None


def titles(page: Declared, more: Sequence[str] = ()) -> list[str]:
    """The titles the page declares (its articles' headlines, ``og:title``, ``twitter:title``, then
    ``more``), each without the site's name after it."""
    headlines = [_headline(article) for article in page.articles]
    found = [*headlines, *page.meta.get("og:title", ()), *page.meta.get("twitter:title", ()), *more]
    publishers = (_name(item.get("publisher")) for item in (*page.articles, *page.others))
    sites = [*_all(page.meta, PUBLISHER_META), *(name for name in publishers if name)]
    return [strip_site_suffix(text, sites) for title in found if (text := _text(title))]


def _authors(
    article: Mapping[str, Any],
    meta: Mapping[str, tuple[str, ...]],
    shown: Sequence[str],
    bylines: Sequence[str],
    outlet: str | None,
) -> tuple[str, ...]:
    # trafilatura's author is not among them: it guesses from any element the page marks as an
    # author's, a related story's byline as readily as the article's own
    sources: list[list[str]] = [list(shown), _names(article.get("author"))]
    sources.extend(
        [v for v in meta.get(key, ()) if not v.startswith(("http://", "https://"))] for key in AUTHOR_META
    )
    sources.append(list(bylines))
    for values in sources:
        names = person_names(values, outlet=outlet)
        if names:
            return names
    return ()


def strip_site_suffix(title: str, sites: Sequence[str]) -> str:
    """``title`` without the site's name after a separator ("Storm nears - The Example" → "Storm
    nears"); a short tail after a pipe goes whatever it says: headlines have no pipes, pages put
    their name or section there ("Storm nears | Watch News Videos Online")."""
    site_words = [_words(site) for site in sites]
    squashed = {"".join(sorted(words)) for words in site_words} | {
        "".join(_WORD.findall(s.lower())) for s in sites
    }
    while True:
        parts = list(_SEPARATOR.finditer(title))
        if not parts:
            return title
        last = parts[-1]
        head, tail = title[: last.start()].strip(), title[last.end() :].strip()
        words = _words(tail)
        is_site = bool(words) and (
            any(words <= site for site in site_words if site)
            or "".join(_WORD.findall(tail.lower())) in squashed
            or (_PIPE.fullmatch(last.group()) is not None and len(tail.split()) <= _SITE_SEGMENT_WORDS)
        )
        if not is_site or len(head.split()) < _HEAD_WORDS:
            return title
        title = head


def _json_ld(tree: Any) -> Iterator[Mapping[str, Any]]:
    from extruct.jsonld import JsonLdExtractor  # type: ignore[import-untyped]  # lazily, like trafilatura

    extractor = JsonLdExtractor()
    for script in tree.iterfind(".//script[@type='application/ld+json']"):
        try:
            items = extractor.extract_items(script)
        except Exception:  # one broken block of markup leaves the others usable
            continue
        for item in items:
            yield from _flatten(item)


def _flatten(item: object) -> Iterator[Mapping[str, Any]]:
    if isinstance(item, Mapping):
        graph = item.get("@graph")
        if isinstance(graph, list):
            for child in graph:
                yield from _flatten(child)
        if "@type" in item:
            yield item
    elif isinstance(item, list):
        for child in item:
            yield from _flatten(child)


def _types(item: Mapping[str, Any]) -> set[str]:
    kind = item.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {str(k).lower().rsplit("/", 1)[-1] for k in kinds if k}


def _headline(item: Mapping[str, Any]) -> str:
    return _text(item.get("headline")) or ""


def _name(value: object) -> str | None:
    if isinstance(value, list):
        return next((name for name in map(_name, value) if name), None)
    if isinstance(value, Mapping):
        return _text(value.get("name"))
    return _text(value)


def _names(value: object) -> list[str]:
    if isinstance(value, list):
        return [name for item in value for name in _names(item)]
    name = _name(value)
    return [name] if name else []


def _text(value: object) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        text = " ".join(str(value).split())
        return text or None
    return None


def _body(value: object) -> str | None:
    """An ``articleBody`` with its paragraphs kept, each on one line."""
    if not isinstance(value, str):
        return None
    if "<" in value:  # some pages put markup in it
        value = _TAG.sub(" ", _BREAK.sub("\n", value))
    paragraphs = (" ".join(html.unescape(line).split()) for line in value.splitlines())
    body = "\n".join(p for p in paragraphs if p)
    return body or None


def _first(meta: Mapping[str, tuple[str, ...]], keys: Sequence[str]) -> str | None:
    return next(iter(_all(meta, keys)), None)


def _all(meta: Mapping[str, tuple[str, ...]], keys: Sequence[str]) -> list[str]:
    return [
        text
        for key in keys
        for value in meta.get(key, ())
        if (text := _text(value)) and not text.startswith(("http://", "https://"))
    ]


def _words(text: str) -> frozenset[str]:
    return frozenset(_WORD.findall(text.lower())) - {"the", "com", "www", "co", "uk"}
